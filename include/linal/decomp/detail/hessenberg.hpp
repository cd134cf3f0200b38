#pragma once
/// \file
/// Householder reduction of a real square matrix to upper Hessenberg form, A = Q H Q^T, the
/// first stage of eig, and the formation of Q.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../householder.hpp"
#include "reflector.hpp"

namespace linal::detail {

/// Reduces the row-major n x n matrix h (row stride n) to upper Hessenberg form in place and
/// writes Q^T (n x n, row stride n) into qt. Entries below the subdiagonal are zero on return.
/// O(10/3 n^3) flops for H, 4/3 n^3 more for Q.
template <class T>
void hessenberg(std::size_t n, T* h, T* qt) {
  std::vector<T> v(n), work(n), tau(n);
  const auto ld = static_cast<std::ptrdiff_t>(n);
  for (std::size_t k = 0; k + 2 < n; ++k) {
    const std::size_t p = n - k - 1;  // order of the reflector
    T* column = h + (k + 1) * n + k;  // h[k+1][k], then down the column
    tau[k] = householder::make_reflector(p, *column, column + n, ld);
    if (tau[k] == T(0)) continue;
    v[0] = T(1);
    for (std::size_t i = 1; i < p; ++i) v[i] = column[i * n];
    reflect_right(n, p, h + (k + 1), n, v.data(), tau[k]);
    reflect_left(p, p, h + (k + 1) * n + (k + 1), n, v.data(), 1, tau[k], work.data());
  }
  std::fill(qt, qt + n * n, T(0));
  for (std::size_t i = 0; i < n; ++i) qt[i * n + i] = T(1);
  if (n >= 3)
    form_reflector_product_transpose(n - 2, n - 1, h + n, ld, std::ptrdiff_t(1), tau.data(), n - 1, qt + n + 1, n);
  for (std::size_t i = 2; i < n; ++i)
    for (std::size_t j = 0; j + 1 < i; ++j) h[i * n + j] = T(0);
}

}  // namespace linal::detail
