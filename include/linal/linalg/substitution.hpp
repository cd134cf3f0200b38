#pragma once
/// \file
/// Forward and back substitution: the solution of T X = B for a triangular view T, in
/// O(n^2 k) without any factorization.

#include <cstddef>
#include <string>

#include "../core/matrix.hpp"
#include "structured.hpp"

namespace linal::detail {

/// X with T X = B, for a square triangular view t whose diagonal holds no zero (checked by
/// the caller). X is evaluated row by row so that the inner loop runs along contiguous rows.
template <class T, std::size_t R, std::size_t C, Expression B>
auto substitute(const TriangularView<T, R, C>& t, const B& b) {
  using XB = std::remove_cvref_t<B>;
  Matrix<T, common_extent(R, XB::static_rows), XB::static_cols> x(b);
  const std::size_t n = t.rows(), k = x.cols();
  const auto& a = t.matrix();
  T* xd = x.data();
  const auto row = [&](std::size_t i) { return xd + i * k; };
  const auto eliminate = [&](std::size_t i, std::size_t p) {
    const T factor = a(i, p);
    T* xi = row(i);
    const T* xp = row(p);
    for (std::size_t j = 0; j < k; ++j) xi[j] -= factor * xp[j];
  };
  const auto divide = [&](std::size_t i) {
    if (t.has_unit_diagonal()) return;
    const T pivot = a(i, i);
    T* xi = row(i);
    for (std::size_t j = 0; j < k; ++j) xi[j] /= pivot;
  };
  if (t.part() == triangle::lower) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t p = 0; p < i; ++p) eliminate(i, p);
      divide(i);
    }
  } else {
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t p = i + 1; p < n; ++p) eliminate(i, p);
      divide(i);
    }
  }
  return x;
}

}  // namespace linal::detail
