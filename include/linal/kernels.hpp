#pragma once
// The products: dot, vdot, matmul and outer on matrices and views, and the kernels under them
// (dot, gemv, gemm and the one-triangle rank-k update syrk on raw strided memory), with the
// thread-count controls.

#include "linal/kernels/dot.hpp"
#include "linal/kernels/gemm.hpp"
#include "linal/kernels/gemv.hpp"
#include "linal/kernels/products.hpp"
#include "linal/kernels/syrk.hpp"
#include "linal/kernels/threads.hpp"
