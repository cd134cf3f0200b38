#pragma once
/// \file
/// Householder reduction of a real symmetric matrix to tridiagonal form, A = Q T Q^T, the
/// first stage of eigh, and the formation of Q^T from the stored reflectors.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../householder.hpp"
#include "reflector.hpp"

namespace linal::detail {

/// Reduces the full symmetric n x n row-major matrix w (both triangles valid, row stride n) to
/// tridiagonal T: d (n) and e (n - 1) receive its diagonal and off-diagonal. Reflector k acts
/// on indices k+1..n-1; its vector (past the implicit leading one) is left in row k of w from
/// column k+2 on, its tau in tau[k] (n - 2 entries). Updates both triangles so that every
/// access runs along rows. O(2 n^3) flops.
template <class T>
void tridiagonalize(std::size_t n, T* w, T* d, T* e, T* tau) {
  std::vector<T> y(n), z(n);
  for (std::size_t k = 0; k + 2 < n; ++k) {
    T* row = w + k * n;
    d[k] = row[k];
    const std::size_t p = n - k - 1;  // order of the trailing block
    T alpha = row[k + 1];
    const T t = householder::make_reflector(p, alpha, row + k + 2, 1);
    e[k] = alpha;
    tau[k] = t;
    if (t == T(0)) continue;
    T* v = row + k + 1;  // v[0] stands for the implicit one
    const auto vi = [&](std::size_t i) { return i == 0 ? T(1) : v[i]; };
    T* block = w + (k + 1) * n + (k + 1);
    // y = tau * A22 v, then z = y - (tau/2)(y.v) v, and A22 -= v z^T + z v^T.
    T yv = T(0);
    for (std::size_t i = 0; i < p; ++i) {
      const T* a = block + i * n;
      y[i] = t * (a[0] + contiguous_dot(p - 1, a + 1, v + 1));
      yv += y[i] * vi(i);
    }
    const T half = -T(0.5) * t * yv;
    for (std::size_t i = 0; i < p; ++i) z[i] = y[i] + half * vi(i);
    for (std::size_t i = 0; i < p; ++i) {
      T* a = block + i * n;
      const T vv = vi(i), zz = z[i];
      a[0] -= vv * z[0] + zz;
      for (std::size_t j = 1; j < p; ++j) a[j] -= vv * z[j] + zz * v[j];
    }
  }
  if (n >= 2) {
    d[n - 2] = w[(n - 2) * n + (n - 2)];
    e[n - 2] = w[(n - 1) * n + (n - 2)];
  }
  if (n >= 1) d[n - 1] = w[(n - 1) * n + (n - 1)];
}

/// Writes Q^T (n x n, row stride n) into qt, Q = H_0 H_1 ... H_{n-3} from tridiagonalize's
/// reflectors in w and tau. O(4/3 n^3) flops, nearly all in kernels::gemm.
template <class T>
void form_tridiagonal_qt(std::size_t n, const T* w, const T* tau, T* qt) {
  std::fill(qt, qt + n * n, T(0));
  for (std::size_t i = 0; i < n; ++i) qt[i * n + i] = T(1);
  if (n < 3) return;
  form_reflector_product_transpose(n - 2, n - 1, w + 1, std::ptrdiff_t(1), static_cast<std::ptrdiff_t>(n), tau, n - 1,
                                   qt + n + 1, n);
}

}  // namespace linal::detail
