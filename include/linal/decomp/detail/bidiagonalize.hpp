#pragma once
/// \file
/// Golub-Kahan Householder reduction of a real m x n matrix (m >= n) to upper bidiagonal
/// form, A = Q B P^T, the first stage of svd, and the formation of Q^T and P^T.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../householder.hpp"
#include "reflector.hpp"

namespace linal::detail {

/// Reduces the row-major m x n matrix a (m >= n, row stride n) to upper bidiagonal B with
/// diagonal d (n) and superdiagonal e (n - 1). Left reflector k (tau_q[k]) keeps its vector in
/// column k below the diagonal; right reflector k (tau_p[k], acting on columns k+1..n-1) keeps
/// it in row k right of the superdiagonal. O(4 m n^2 - 4/3 n^3) flops.
template <class T>
void bidiagonalize(std::size_t m, std::size_t n, T* a, T* d, T* e, T* tau_q, T* tau_p) {
  std::vector<T> work(n);
  for (std::size_t k = 0; k < n; ++k) {
    T* akk = a + k * n + k;
    tau_q[k] = householder::make_reflector(m - k, *akk, akk + n, static_cast<std::ptrdiff_t>(n));
    d[k] = *akk;
    reflect_left(m - k, n - k - 1, akk + 1, n, akk, static_cast<std::ptrdiff_t>(n), tau_q[k], work.data());
    if (k + 1 < n) {
      tau_p[k] = householder::make_reflector(n - k - 1, akk[1], akk + 2, 1);
      e[k] = akk[1];
      reflect_right(m - k - 1, n - k - 1, akk + n + 1, n, akk + 1, tau_p[k]);
    }
  }
}

/// Writes Q^T into qt (cols x m, row stride m): the first `cols` columns of Q = H_0 ... H_{n-1}
/// (cols = n for the reduced factor, m for the full one). O(4 m n cols) flops at most, nearly
/// all in kernels::gemm.
template <class T>
void form_left_qt(std::size_t m, std::size_t n, std::size_t cols, const T* a, const T* tau_q, T* qt) {
  std::fill(qt, qt + cols * m, T(0));
  for (std::size_t i = 0; i < cols; ++i) qt[i * m + i] = T(1);
  form_reflector_product_transpose(n, m, a, static_cast<std::ptrdiff_t>(n), std::ptrdiff_t(1), tau_q, cols, qt, m);
}

/// Writes P^T (n x n, row stride n) into pt, P = G_0 ... G_{n-2} from bidiagonalize.
template <class T>
void form_right_pt(std::size_t n, const T* a, const T* tau_p, T* pt) {
  std::fill(pt, pt + n * n, T(0));
  for (std::size_t i = 0; i < n; ++i) pt[i * n + i] = T(1);
  if (n < 2) return;
  form_reflector_product_transpose(n - 1, n - 1, a + 1, std::ptrdiff_t(1), static_cast<std::ptrdiff_t>(n), tau_p, n - 1,
                                   pt + n + 1, n);
}

}  // namespace linal::detail
