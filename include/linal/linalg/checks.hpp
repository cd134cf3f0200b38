#pragma once
/// \file
/// Input checks shared by the matrix operations: squareness (shape_error) and finiteness
/// (non_finite_error), with messages that name the function and the shape, as NumPy's do.

#include <cstddef>
#include <string>

#include "../core/error.hpp"
#include "../core/shape.hpp"
#include "../decomp/detail/input.hpp"

namespace linal::detail {

/// Throws shape_error unless a is square: "inv: expected a square matrix, got shape (2,3)".
template <Expression E>
void require_square_matrix(const char* function, const E& a) {
  if (a.rows() != a.cols())
    throw shape_error(std::string(function) + ": expected a square matrix, got shape " + shape_string(a));
}

/// Throws non_finite_error naming the first NaN or infinite element of a; `name` is the
/// argument's name. The factorizations' own check (decomp_detail::require_finite), so that
/// every function finds and words it alike.
template <Expression E>
void require_finite_elements(const char* function, const char* name, const E& a) {
  decomp_detail::require_finite(function, a, name);
}

}  // namespace linal::detail

namespace linal::detail {

/// Both extents of E are known at compile time.
template <class E>
concept FixedShape = std::remove_cvref_t<E>::static_rows != dynamic && std::remove_cvref_t<E>::static_cols != dynamic;

/// The element type det and inv compute in: double for integer matrices (as NumPy), else T.
template <class T>
using floating_t = std::conditional_t<std::is_integral_v<T>, double, T>;

/// The singular_matrix_error of a zero pivot, worded the same by every function.
inline singular_matrix_error zero_pivot_error(const char* function, std::size_t pivot) {
  const std::string k = std::to_string(pivot);
  return singular_matrix_error(std::string(function) + ": singular matrix: U(" + k + "," + k +
                                   ") of its LU factorization is exactly zero (pivot " + k + ")",
                               pivot);
}

}  // namespace linal::detail
