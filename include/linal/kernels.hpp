#pragma once
// The product kernels: dot, gemv and gemm on raw strided memory.

#include "linal/kernels/dot.hpp"
#include "linal/kernels/gemm.hpp"
#include "linal/kernels/gemv.hpp"
