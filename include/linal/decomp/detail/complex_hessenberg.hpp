#pragma once
/// \file
/// Householder reduction of a complex square matrix to upper Hessenberg form, A = Q H Q^H,
/// the first stage of eig for complex input, and the formation of Q^H.

#include <algorithm>
#include <complex>
#include <cstddef>
#include <vector>

#include "../householder.hpp"
#include "../../simd/simd.hpp"
#include "reflector.hpp"

namespace linal::detail {

/// Block (rows x cols, row stride ld) = block * H for the complex reflector H = I - tau v v^H
/// (cols entries of v, v[0] = 1). Seen as real numbers, a row x interleaves its real and
/// imaginary parts, and so do p = (Re v_j, -Im v_j) and q = (Im v_j, Re v_j): then x v is
/// (x . p) + i (x . q) and x -= s v^H is x -= Re(s) p + Im(s) q, all real SIMD work with no
/// shuffles. This step dominates the reduction (rows = n for every reflector).
template <class R>
void reflect_right_complex(std::size_t rows, std::size_t cols, std::complex<R>* block, std::size_t ld,
                           const std::complex<R>* v, std::complex<R> tau, std::vector<R>& p, std::vector<R>& q) {
  const std::size_t len = 2 * cols;
  p.resize(len);
  q.resize(len);
  for (std::size_t j = 0; j < cols; ++j) {
    p[2 * j] = v[j].real();
    p[2 * j + 1] = -v[j].imag();
    q[2 * j] = v[j].imag();
    q[2 * j + 1] = v[j].real();
  }
  for (std::size_t i = 0; i < rows; ++i) {
    R* x = reinterpret_cast<R*>(block + i * ld);
    const std::complex<R> s = tau * std::complex<R>(contiguous_dot(len, x, p.data()), contiguous_dot(len, x, q.data()));
    const R sr = s.real(), si = s.imag();
    std::size_t k = 0;
    if constexpr (simd::has_batch<R>) {
      using B = simd::batch<R>;
      for (; k + B::size() <= len; k += B::size())
        simd::store(simd::load(x + k) - (sr * simd::load(p.data() + k) + si * simd::load(q.data() + k)), x + k);
    }
    for (; k < len; ++k) x[k] -= sr * p[k] + si * q[k];
  }
}

/// Reduces the row-major complex n x n matrix h (row stride n) to upper Hessenberg form in
/// place and writes Q^H (n x n, row stride n) into qh unless qh is null. Each reflector
/// G = I - tau v v^H leaves
/// a real subdiagonal entry; entries below the subdiagonal are zero on return. About 40/3 n^3
/// real flops for H, 16/3 n^3 more for Q^H.
template <class R>
void complex_hessenberg(std::size_t n, std::complex<R>* h, std::complex<R>* qh) {
  using C = std::complex<R>;
  std::vector<C> v(n), work(n), tau(n);
  std::vector<R> plane_p, plane_q;
  const auto ld = static_cast<std::ptrdiff_t>(n);
  for (std::size_t k = 0; k + 2 < n; ++k) {
    const std::size_t p = n - k - 1;  // order of the reflector
    C* column = h + (k + 1) * n + k;  // h[k+1][k], then down the column
    tau[k] = householder::make_reflector(p, *column, column + n, ld);
    if (tau[k] == C(0)) continue;
    v[0] = C(1);
    for (std::size_t i = 1; i < p; ++i) v[i] = column[i * n];
    // H := G^H H G: G from the right on every row, then G^H = I - conj(tau) v v^H from the
    // left on the rows and columns below and right of the reduced column.
    reflect_right_complex(n, p, h + (k + 1), n, v.data(), tau[k], plane_p, plane_q);
    householder::apply_reflector_left(p, p, v.data(), 1, std::conj(tau[k]), h + (k + 1) * n + (k + 1), ld, 1,
                                      work.data());
  }
  if (qh) {
    std::fill(qh, qh + n * n, C(0));
    for (std::size_t i = 0; i < n; ++i) qh[i * n + i] = C(1);
    // For complex reflectors the product formed is (G_0 ... G_{n-3})^H = Q^H.
    if (n >= 3)
      form_reflector_product_transpose(n - 2, n - 1, h + n, ld, std::ptrdiff_t(1), tau.data(), n - 1, qh + n + 1, n);
  }
  for (std::size_t i = 2; i < n; ++i)
    for (std::size_t j = 0; j + 1 < i; ++j) h[i * n + j] = C(0);
}

}  // namespace linal::detail
