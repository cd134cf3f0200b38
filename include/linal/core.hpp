#pragma once
/// \file
/// Module header: the matrix and vector types, element-wise expressions, views,
/// construction, reductions and printing.

#include "core/assign.hpp"
#include "core/concepts.hpp"
#include "core/construct.hpp"
#include "core/error.hpp"
#include "core/expr.hpp"
#include "core/io.hpp"
#include "core/matrix.hpp"
#include "core/operators.hpp"
#include "core/reduce.hpp"
#include "core/view.hpp"
