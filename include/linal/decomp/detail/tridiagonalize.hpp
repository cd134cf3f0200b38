#pragma once
/// \file
/// Householder reduction of a real symmetric matrix to tridiagonal form, A = Q T Q^T, the
/// first stage of eigh, and the formation of Q^T from the stored reflectors.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../householder.hpp"
#include "../../kernels/gemm.hpp"
#include "../../kernels/gemv.hpp"
#include "../../simd/simd.hpp"
#include "reflector.hpp"

namespace linal::detail {

/// y[0..p) := L v + strict_upper(L^T) v for the symmetric p x p block whose lower triangle is
/// held by the rows of a (row stride ld): one pass over the lower triangle, each row giving a
/// dot product for its own entry of y and an axpy into the entries before it.
template <class T>
void lower_symmetric_product(std::size_t p, const T* a, std::size_t ld, const T* v, T* y) {
  std::fill(y, y + p, T(0));
  for (std::size_t i = 0; i < p; ++i) {
    const T* row = a + i * ld;
    const T vi = v[i];
    std::size_t j = 0;
    T sum = T(0);
    if constexpr (simd::has_batch<T>) {
      using B = simd::batch<T>;
      constexpr std::size_t w = B::size();
      const B vb(vi);
      B acc0(T(0)), acc1(T(0));
      for (; j + 2 * w <= i; j += 2 * w) {
        const B r0 = simd::load(row + j), r1 = simd::load(row + j + w);
        acc0 += r0 * simd::load(v + j);
        acc1 += r1 * simd::load(v + j + w);
        simd::store(B(simd::load(y + j) + r0 * vb), y + j);
        simd::store(B(simd::load(y + j + w) + r1 * vb), y + j + w);
      }
      sum = std::experimental::reduce(acc0 + acc1);
    }
    for (; j < i; ++j) {
      sum += row[j] * v[j];
      y[j] += row[j] * vi;
    }
    y[i] += sum + row[i] * vi;
  }
}

/// Reduces the full symmetric n x n row-major matrix w (both triangles valid on entry, row
/// stride n) to tridiagonal T: d (n) and e (n - 1) receive its diagonal and off-diagonal.
/// Reflector k acts on indices k+1..n-1; its vector (past the implicit leading one) is left in
/// row k of w from column k+2 on, its tau in tau[k] (n - 2 entries). Panels of 32 reflectors
/// as LAPACK's sytrd: within a panel the trailing matrix is read, not updated (only its lower
/// triangle, once per reflector), and the rank-64 update A -= V W^T + W V^T that follows goes
/// through kernels::gemm on both triangles. O(4/3 n^3) flops, half of them in gemm.
template <class T>
void tridiagonalize(std::size_t n, T* w, T* d, T* e, T* tau) {
  constexpr std::size_t panel = 32;
  const std::size_t reflectors = n >= 2 ? n - 2 : 0;
  // Vp and Wp hold the panel's vectors and their W columns, row r for index k0 + 1 + r.
  std::vector<T> vp(n * panel), wp(n * panel), vc(n), y(n), vw(panel), ww(panel);
  const auto ld = static_cast<std::ptrdiff_t>(n), pl = static_cast<std::ptrdiff_t>(panel), one = std::ptrdiff_t(1);
  for (std::size_t k0 = 0; k0 < reflectors; k0 += panel) {
    const std::size_t jb = std::min(panel, reflectors - k0);
    const std::size_t p0 = n - k0 - 1;  // order of the panel's first reflector
    std::fill(vp.begin(), vp.end(), T(0));
    std::fill(wp.begin(), wp.end(), T(0));
    for (std::size_t j = 0; j < jb; ++j) {
      const std::size_t k = k0 + j;
      T* row = w + k * n;
      // Bring row k up to date with the panel's earlier reflectors.
      if (j > 0) {
        const T* vk = vp.data() + (j - 1) * panel;
        const T* wk = wp.data() + (j - 1) * panel;
        kernels::gemv(n - k, j, T(-1), vk, pl, one, wk, one, T(1), row + k, one);
        kernels::gemv(n - k, j, T(-1), wk, pl, one, vk, one, T(1), row + k, one);
      }
      d[k] = row[k];
      const std::size_t p = n - k - 1;
      T alpha = row[k + 1];
      const T t = householder::make_reflector(p, alpha, row + k + 2, 1);
      e[k] = alpha;
      tau[k] = t;
      if (t == T(0)) continue;
      // v in column j of Vp (rows j..p0-1); y = tau (A22 - V W^T - W V^T) v.
      vc[0] = T(1);
      std::copy(row + k + 2, row + n, vc.begin() + 1);
      for (std::size_t r = 0; r < p; ++r) vp[(j + r) * panel + j] = vc[r];
      lower_symmetric_product(p, w + (k + 1) * n + (k + 1), n, vc.data(), y.data());
      // Minus V (W^T v) + W (V^T v) over the panel's earlier columns.
      const T* vj = vp.data() + j * panel;
      const T* wj = wp.data() + j * panel;
      kernels::gemv(j, p, T(1), wj, one, pl, vc.data(), one, T(0), ww.data(), one);
      kernels::gemv(j, p, T(1), vj, one, pl, vc.data(), one, T(0), vw.data(), one);
      kernels::gemv(p, j, T(-1), vj, pl, one, ww.data(), one, T(1), y.data(), one);
      kernels::gemv(p, j, T(-1), wj, pl, one, vw.data(), one, T(1), y.data(), one);
      T yv = T(0);
      for (std::size_t r = 0; r < p; ++r) {
        y[r] *= t;
        yv += y[r] * vc[r];
      }
      const T half = -T(0.5) * t * yv;
      for (std::size_t r = 0; r < p; ++r) wp[(j + r) * panel + j] = y[r] + half * vc[r];
    }
    // Trailing block (indices k0 + jb on, row jb - 1 of Vp and Wp): A -= V W^T + W V^T.
    const std::size_t q = p0 - jb + 1;
    T* trailing = w + (k0 + jb) * n + (k0 + jb);
    const T* v2 = vp.data() + (jb - 1) * panel;
    const T* w2 = wp.data() + (jb - 1) * panel;
    kernels::gemm(q, q, jb, T(-1), v2, pl, one, w2, one, pl, T(1), trailing, ld, one);
    kernels::gemm(q, q, jb, T(-1), w2, pl, one, v2, one, pl, T(1), trailing, ld, one);
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
