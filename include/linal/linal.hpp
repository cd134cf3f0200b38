#pragma once
/// \file
/// linal: NumPy's vocabulary for C++20. Include this one header for everything.

#include "core.hpp"
#include "kernels.hpp"
#include "decomp.hpp"
#include "linalg.hpp"
