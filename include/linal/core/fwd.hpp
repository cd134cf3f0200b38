#pragma once
/// \file
/// Declarations of the main types, so that headers can name each other without cycles.

#include <cstddef>

#include "concepts.hpp"

namespace linal {

/// A dense, row-major matrix that owns its elements. R and C are compile-time extents or
/// `dynamic`. Fixed-size matrices keep their elements inline and never allocate.
template <class T, std::size_t R = dynamic, std::size_t C = dynamic>
class Matrix;

/// A column vector: a matrix with one column. `v(i)` and `v[i]` index it.
template <class T, std::size_t N = dynamic>
using Vector = Matrix<T, N, 1>;

/// A non-owning window on strided memory (a block, row, column, diagonal or transpose of a
/// matrix, or user memory). T is const-qualified for a read-only view.
template <class T, std::size_t R = dynamic, std::size_t C = dynamic>
class View;

}  // namespace linal
