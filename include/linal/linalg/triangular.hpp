#pragma once
/// \file
/// triu and tril: copies of a matrix with the elements below (above) a diagonal set to zero.

#include <cstddef>

#include "../core/matrix.hpp"

namespace linal {

namespace detail {

/// Copy of a keeping element (i, j) only where keep(j - i) holds.
template <Expression E, class Keep>
Matrix<value_t<E>, std::remove_cvref_t<E>::static_rows, std::remove_cvref_t<E>::static_cols> masked_copy(
    const E& a, Keep keep) {
  Matrix<value_t<E>, std::remove_cvref_t<E>::static_rows, std::remove_cvref_t<E>::static_cols> result(a.rows(),
                                                                                                       a.cols());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j)
      if (keep(static_cast<std::ptrdiff_t>(j) - static_cast<std::ptrdiff_t>(i))) result(i, j) = a(i, j);
  return result;
}

}  // namespace detail

/// Upper triangle of a (NumPy's triu): a copy with the elements below diagonal k set to zero
/// (k = 0 the main diagonal, k > 0 above it, k < 0 below). Any shape; O(mn); never throws.
template <Expression E>
auto triu(const E& a, std::ptrdiff_t k = 0) {
  return detail::masked_copy(a, [k](std::ptrdiff_t offset) { return offset >= k; });
}

/// Lower triangle of a (NumPy's tril): a copy with the elements above diagonal k set to zero.
/// Any shape; O(mn); never throws.
template <Expression E>
auto tril(const E& a, std::ptrdiff_t k = 0) {
  return detail::masked_copy(a, [k](std::ptrdiff_t offset) { return offset <= k; });
}

}  // namespace linal
