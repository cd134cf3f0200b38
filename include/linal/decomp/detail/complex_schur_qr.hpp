#pragma once
/// \file
/// The complex Schur form of an upper Hessenberg matrix by single-shift implicit QR with
/// Wilkinson shifts and deflation (the small-matrix algorithm of LAPACK's complex lahqr), the
/// second stage of eig for complex input. A complex matrix needs no conjugate pairs, so one
/// shift per sweep and 2x2 reflectors suffice, and the result is upper triangular.

#include <algorithm>
#include <complex>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "../../core/error.hpp"
#include "../../kernels/scalar.hpp"
#include "../householder.hpp"

namespace linal::detail {

/// |Re z| + |Im z|: within a factor sqrt(2) of |z|, without a square root; the size measure of
/// the complex QR iteration's tests.
template <class R>
R abs1(const std::complex<R>& z) {
  return std::abs(z.real()) + std::abs(z.imag());
}

/// The eigenvalue of [a b; c d] nearer to d (Wilkinson's shift): d - b c / (x + y) with
/// x = (a - d) / 2 and y = sqrt(x^2 + b c) signed so that x + y is the larger root. b c is
/// formed as sqrt(b) sqrt(c) squared and the root scaled, so nothing overflows or underflows.
template <class R>
std::complex<R> wilkinson_shift(std::complex<R> a, std::complex<R> b, std::complex<R> c, std::complex<R> d) {
  using C = std::complex<R>;
  const C u = std::sqrt(b) * std::sqrt(c);
  const R su = abs1(u);
  if (su == R(0)) return d;
  const C x = (a - d) / R(2);
  const R s = std::max(su, abs1(x));
  const C xs = x / s, us = u / s;
  C y = s * std::sqrt(xs * xs + us * us);
  if (x.real() * y.real() + x.imag() * y.imag() < R(0)) y = -y;
  return d - u * (u / (x + y));
}

/// One sweep reflector G = I - tau v v^H, v = (1, v2), applied from the right to the entries
/// seg[0] and seg[1] of a row: (x0, x1) := (x0, x1) G.
template <class R>
void reflect_pair_right(std::complex<R>* seg, std::complex<R> tau, std::complex<R> v2, std::complex<R> v2_conj) {
  const std::complex<R> s = kernels::detail::multiply(tau, seg[0] + kernels::detail::multiply(v2, seg[1]));
  seg[0] -= s;
  seg[1] -= kernels::detail::multiply(s, v2_conj);
}

/// The column updates of a sweep over columns m..i that complex_schur_qr defers: row j of h
/// takes the sweep's reflectors max(m, j+1)..i-1 in order, along its own contiguous entries
/// (instead of one cache line per row and reflector). Four rows go side by side, since the
/// reflectors of one row form a chain of dependent operations.
template <class R>
void apply_deferred_complex_columns(std::complex<R>* h, std::size_t n, std::size_t m, std::size_t i,
                                    const std::complex<R>* tau, const std::complex<R>* v2,
                                    const std::complex<R>* v2_conj) {
  using C = std::complex<R>;
  const auto one_row = [&](std::size_t j, std::size_t from, std::size_t to) {
    C* row = h + j * n;
    for (std::size_t kk = from; kk < to; ++kk)
      if (tau[kk] != C(0)) reflect_pair_right(row + kk, tau[kk], v2[kk], v2_conj[kk]);
  };
  constexpr std::size_t group = 4;
  std::size_t j = 0;
  for (; j + group <= i - 1; j += group) {
    const std::size_t common = std::max(m, j + group);
    for (std::size_t r = 0; r < group; ++r) one_row(j + r, std::max(m, j + r + 1), common);
    for (std::size_t kk = common; kk < i; ++kk) {
      if (tau[kk] == C(0)) continue;
      for (std::size_t r = 0; r < group; ++r) reflect_pair_right(h + (j + r) * n + kk, tau[kk], v2[kk], v2_conj[kk]);
    }
  }
  for (; j + 1 < i; ++j) one_row(j, std::max(m, j + 1), i);
}

/// Reduces the row-major complex upper Hessenberg n x n matrix h (entries of order one) to
/// upper triangular Schur form T in place, accumulating the transformations into the rows of
/// zh (n x n, the adjoint of the Schur vectors, so that every update streams along rows): on
/// entry zh = Q^H from the Hessenberg reduction, on return A = Z T Z^H. w receives the
/// eigenvalues, the diagonal of T. A subdiagonal entry is neglected by the same test as
/// francis_qr (with |Re| + |Im| for the modulus); exceptional shifts at iterations 10 and 20
/// break cycles. Throws convergence_error when a block needs more than 30 max(10, n)
/// iterations. About 10 n^3 complex flops with the Schur vectors (fewer when many converge).
template <class R>
void complex_schur_qr(std::size_t n, std::complex<R>* h, std::complex<R>* zh, std::complex<R>* w,
                      const char* function) {
  using C = std::complex<R>;
  using kernels::detail::multiply;
  constexpr R ulp = std::numeric_limits<R>::epsilon();
  const R small = std::numeric_limits<R>::min() * (R(n) / ulp);
  const std::size_t max_its = 30 * std::max<std::size_t>(10, n);
  const auto H = [&](std::size_t i, std::size_t j) -> C& { return h[i * n + j]; };
  // Each sweep's reflectors (tau, v2 and its conjugate) by the column where they start.
  std::vector<C> step_tau(n), step_v2(n), step_v2_conj(n);

  std::ptrdiff_t top = static_cast<std::ptrdiff_t>(n) - 1;
  while (top >= 0) {
    const auto i = static_cast<std::size_t>(top);
    std::size_t l = 0;
    bool converged = false;
    for (std::size_t its = 0; its <= max_its; ++its) {
      // Deflation: the lowest negligible subdiagonal entry in the active block.
      std::size_t k = i;
      for (; k > l; --k) {
        const R sub = abs1(H(k, k - 1));
        if (sub <= small) break;
        R tst = abs1(H(k - 1, k - 1)) + abs1(H(k, k));
        if (tst == R(0)) {
          if (k >= l + 2) tst += abs1(H(k - 1, k - 2));
          if (k + 1 <= i) tst += abs1(H(k + 1, k));
        }
        if (sub <= ulp * tst) {
          // Ahues and Tisseur's test, which keeps small eigenvalues accurate.
          const R sup = abs1(H(k - 1, k));
          const R ab = std::max(sub, sup), ba = std::min(sub, sup);
          const R dkk = abs1(H(k - 1, k - 1) - H(k, k));
          const R aa = std::max(abs1(H(k, k)), dkk), bb = std::min(abs1(H(k, k)), dkk);
          const R s = aa + ab;
          if (ba * (ab / s) <= std::max(small, ulp * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > 0) H(l, l - 1) = C(0);
      if (l >= i) {
        converged = true;
        break;
      }
      // One shift: Wilkinson's, or an exceptional one that breaks cycles at iterations 10
      // and 20.
      C shift;
      if (its == 10) shift = H(l, l) + R(0.75) * abs1(H(l + 1, l));
      else if (its == 20) shift = H(i, i) + R(0.75) * abs1(H(i, i - 1));
      else shift = wilkinson_shift(H(i - 1, i - 1), H(i - 1, i), H(i, i - 1), H(i, i));
      // Start the sweep where the bulge it creates at (m+1, m-1) is negligible next to the
      // subdiagonal entry (m, m-1) it leaves behind.
      std::size_t m = i - 1;
      C v[2];
      for (;; --m) {
        const C h11s = H(m, m) - shift, h21 = H(m + 1, m);
        const R s = abs1(h11s) + abs1(h21);
        v[0] = h11s / s;
        v[1] = h21 / s;
        if (m == l) break;
        if (abs1(H(m, m - 1)) * abs1(v[1]) <= ulp * abs1(v[0]) * (abs1(H(m, m)) + abs1(H(m + 1, m + 1)))) break;
      }
      // Chase the bulge down to the bottom of the block with 2x2 reflectors.
      for (std::size_t kk = m; kk < i; ++kk) {
        if (kk > m) {
          v[0] = H(kk, kk - 1);
          v[1] = H(kk + 1, kk - 1);
        }
        C beta = v[0];
        const C t1 = householder::make_reflector(2, beta, v + 1, 1);
        if (kk > m) {
          H(kk, kk - 1) = beta;
          H(kk + 1, kk - 1) = C(0);
        } else if (m > l) {
          // What G^H does to (m, m-1); the bulge entry it makes below is the neglected one.
          H(kk, kk - 1) *= C(1) - std::conj(t1);
        }
        const C v2 = v[1], v2_conj = std::conj(v2), t1_conj = std::conj(t1);
        step_tau[kk] = t1;
        step_v2[kk] = v2;
        step_v2_conj[kk] = v2_conj;
        if (t1 == C(0)) continue;
        // Rows kk, kk+1 of H and of Z^H from the left by G^H = I - conj(t1) v v^H.
        const auto reflect_rows = [&](C* r0, std::size_t from) {
          C* r1 = r0 + n;
          for (std::size_t j = from; j < n; ++j) {
            const C s = multiply(t1_conj, r0[j] + multiply(v2_conj, r1[j]));
            r0[j] -= s;
            r1[j] -= multiply(s, v2);
          }
        };
        reflect_rows(h + kk * n, kk);
        reflect_rows(zh + kk * n, 0);
        // Columns kk, kk+1 from the right by G, here only in the rows that later reflectors of
        // this sweep still meet; the rows above wait for the end of the sweep.
        for (std::size_t j = kk; j <= std::min(kk + 2, i); ++j) reflect_pair_right(h + j * n + kk, t1, v2, v2_conj);
      }
      apply_deferred_complex_columns(h, n, m, i, step_tau.data(), step_v2.data(), step_v2_conj.data());
    }
    if (!converged)
      throw convergence_error(std::string(function) + ": the complex QR iteration did not converge after " +
                                  std::to_string(max_its) + " iterations on one block",
                              max_its);
    w[i] = H(i, i);
    top = static_cast<std::ptrdiff_t>(l) - 1;
  }
}

}  // namespace linal::detail
