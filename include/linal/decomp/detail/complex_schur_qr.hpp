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
#include <vector>

#include "../../kernels/scalar.hpp"
#include "../../simd/simd.hpp"
#include "../householder.hpp"
#include "qr_iteration_control.hpp"

namespace linal::detail {

/// |Re z| + |Im z|: within a factor sqrt(2) of |z|, without a square root; the size measure of
/// the complex QR iteration's tests.
template <class R>
R abs1(const std::complex<R>& z) {
  return std::abs(z.real()) + std::abs(z.imag());
}

/// The eigenvalue of [a b; c d] nearer to d (Wilkinson's shift): d - b c / (x + y) with
/// x = (a - d) / 2 and y = sqrt(x^2 + b c) signed so that x + y is the larger root. b c
/// enters as u^2 with u = sqrt(b) sqrt(c), and the root is taken of scaled terms, so nothing
/// overflows or underflows.
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

/// A row-major complex n x n matrix held as two real planes, real parts and imaginary parts:
/// the row updates of the QR sweeps then become plain real loops over contiguous memory, in
/// SIMD batches (interleaved complex numbers would need shuffles that the batches lack).
template <class R>
class complex_planes {
 public:
  complex_planes(std::size_t n, const std::complex<R>* a) : n_(n), re_(n * n), im_(n * n) {
    for (std::size_t k = 0; k < n * n; ++k) {
      re_[k] = a[k].real();
      im_[k] = a[k].imag();
    }
  }
  std::complex<R> operator()(std::size_t i, std::size_t j) const { return {re_[i * n_ + j], im_[i * n_ + j]}; }
  void set(std::size_t i, std::size_t j, std::complex<R> z) {
    re_[i * n_ + j] = z.real();
    im_[i * n_ + j] = z.imag();
  }
  R* re(std::size_t i) { return re_.data() + i * n_; }  ///< Real parts of row i.
  R* im(std::size_t i) { return im_.data() + i * n_; }  ///< Imaginary parts of row i.
  /// Writes the matrix back, interleaved, into a (n x n, row-major).
  void merge_into(std::complex<R>* a) const {
    for (std::size_t k = 0; k < n_ * n_; ++k) a[k] = {re_[k], im_[k]};
  }

 private:
  std::size_t n_;
  std::vector<R> re_, im_;
};

/// Two rows x and y (count entries from `from` on, as planes) from the left by G^H, where
/// G = I - tau v v^H, v = (1, v2): s = conj(tau) (x + conj(v2) y), x -= s, y -= s v2.
template <class R>
void reflect_rows_left(complex_planes<R>& a, std::size_t row, std::size_t from, std::size_t count,
                       std::complex<R> tau, std::complex<R> v2) {
  R *xr = a.re(row) + from, *xi = a.im(row) + from, *yr = a.re(row + 1) + from, *yi = a.im(row + 1) + from;
  const R tr = tau.real(), ti = -tau.imag(), vr = v2.real(), vi = v2.imag();
  const auto update = [&](auto& ar, auto& ai, auto& br, auto& bi) {
    const auto ur = ar + vr * br + vi * bi, ui = ai + vr * bi - vi * br;
    const auto sr = tr * ur - ti * ui, si = tr * ui + ti * ur;
    ar -= sr;
    ai -= si;
    br -= sr * vr - si * vi;
    bi -= sr * vi + si * vr;
  };
  std::size_t j = 0;
  if constexpr (simd::has_batch<R>) {
    using B = simd::batch<R>;
    for (; j + B::size() <= count; j += B::size()) {
      B ar = simd::load(xr + j), ai = simd::load(xi + j), br = simd::load(yr + j), bi = simd::load(yi + j);
      update(ar, ai, br, bi);
      simd::store(ar, xr + j);
      simd::store(ai, xi + j);
      simd::store(br, yr + j);
      simd::store(bi, yi + j);
    }
  }
  for (; j < count; ++j) update(xr[j], xi[j], yr[j], yi[j]);
}

/// Entries (row, col) and (row, col+1) from the right by G: (x0, x1) := (x0, x1) G, that is
/// s = tau (x0 + v2 x1), x0 -= s, x1 -= s conj(v2).
template <class R>
void reflect_pair_right(complex_planes<R>& a, std::size_t row, std::size_t col, std::complex<R> tau,
                        std::complex<R> v2) {
  using kernels::detail::multiply;
  R *re = a.re(row) + col, *im = a.im(row) + col;
  const std::complex<R> x0(re[0], im[0]), x1(re[1], im[1]);
  const std::complex<R> s = multiply(tau, x0 + multiply(v2, x1));
  const std::complex<R> y0 = x0 - s, y1 = x1 - multiply(s, std::conj(v2));
  re[0] = y0.real();
  im[0] = y0.imag();
  re[1] = y1.real();
  im[1] = y1.imag();
}

/// The column updates of a sweep over columns m..i that complex_schur_qr defers: row j of h
/// takes the sweep's reflectors max(m, j+1)..i-1 in order, along its own contiguous entries
/// (instead of one cache line per row and reflector). Reflector kk leaves entry kk final and
/// hands entry kk+1 on to reflector kk+1, so that entry stays in registers; four rows go side
/// by side, since the reflectors of one row form a chain of dependent operations.
template <class R>
void apply_deferred_complex_columns(complex_planes<R>& h, std::size_t m, std::size_t i, const std::complex<R>* tau,
                                    const std::complex<R>* v2) {
  using C = std::complex<R>;
  using kernels::detail::multiply;
  constexpr std::size_t group = 4;
  // Rows first..first+rows-1, each from its own start max(m, row+1), through column i.
  const auto run = [&](std::size_t first, std::size_t rows) {
    R* re[group];
    R* im[group];
    C carry[group];
    std::size_t start[group];
    for (std::size_t r = 0; r < rows; ++r) {
      re[r] = h.re(first + r);
      im[r] = h.im(first + r);
      start[r] = std::max(m, first + r + 1);
      carry[r] = {re[r][start[r]], im[r][start[r]]};
    }
    for (std::size_t kk = start[0]; kk < i; ++kk) {
      const C t = tau[kk], v = v2[kk], v_conj = std::conj(v2[kk]);
      for (std::size_t r = 0; r < rows; ++r) {
        if (kk < start[r]) continue;
        C next(re[r][kk + 1], im[r][kk + 1]);
        if (t != C(0)) {
          const C s = multiply(t, carry[r] + multiply(v, next));
          carry[r] -= s;
          next -= multiply(s, v_conj);
        }
        re[r][kk] = carry[r].real();
        im[r][kk] = carry[r].imag();
        carry[r] = next;
      }
    }
    for (std::size_t r = 0; r < rows; ++r) {
      re[r][i] = carry[r].real();
      im[r][i] = carry[r].imag();
    }
  };
  std::size_t j = 0;
  for (; j + group <= i - 1; j += group) run(j, group);
  for (; j + 1 < i; ++j) run(j, 1);
}

/// Reduces the row-major complex upper Hessenberg n x n matrix h (entries of order one) to
/// upper triangular Schur form T in place, accumulating the transformations into the rows of
/// zh (n x n, the adjoint of the Schur vectors, so that every update streams along rows): on
/// entry zh = Q^H from the Hessenberg reduction, on return A = Z T Z^H. w receives the
/// eigenvalues, the diagonal of T. Deflation, exceptional shifts and the iteration cap are
/// francis_qr's (qr_iteration_control), with |Re| + |Im| for the modulus. With zh null no
/// Schur vectors are accumulated; H goes through exactly the same arithmetic, so the
/// eigenvalues are the same to the last bit. Throws convergence_error when a block needs more
/// than 30 max(10, n) iterations. O(n^3).
template <class R>
void complex_schur_qr(std::size_t n, std::complex<R>* h, std::complex<R>* zh, std::complex<R>* w,
                      const char* function) {
  using C = std::complex<R>;
  constexpr R ulp = std::numeric_limits<R>::epsilon();
  const auto magnitude = [](const C& z) { return abs1(z); };
  const qr_iteration_control<C, decltype(magnitude)> control(n, magnitude);
  const bool schur_vectors = zh != nullptr;
  complex_planes<R> H(n, h), Zh(schur_vectors ? n : 0, zh);
  // Each sweep's reflectors (tau and v2) by the column where they start.
  std::vector<C> step_tau(n), step_v2(n);

  std::ptrdiff_t top = static_cast<std::ptrdiff_t>(n) - 1;
  while (top >= 0) {
    const auto i = static_cast<std::size_t>(top);
    std::size_t l = 0;
    bool converged = false;
    for (std::size_t its = 0; its <= control.max_iterations(); ++its) {
      l = control.deflation_row(H, l, i);
      if (l > 0) H.set(l, l - 1, C(0));
      if (l >= i) {
        converged = true;
        break;
      }
      // One shift: Wilkinson's, or an exceptional one built from one subdiagonal entry.
      const auto exceptional = control.exceptional_shift_at(H, its, l, i, 1);
      const C shift = exceptional ? exceptional->value
                                  : wilkinson_shift(H(i - 1, i - 1), H(i - 1, i), H(i, i - 1), H(i, i));
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
          H.set(kk, kk - 1, beta);
          H.set(kk + 1, kk - 1, C(0));
        } else if (m > l) {
          // What G^H does to (m, m-1); the bulge entry it makes below is the neglected one.
          H.set(kk, kk - 1, H(kk, kk - 1) * (C(1) - std::conj(t1)));
        }
        step_tau[kk] = t1;
        step_v2[kk] = v[1];
        if (t1 == C(0)) continue;
        // Rows kk, kk+1 of H and of Z^H from the left by G^H.
        reflect_rows_left(H, kk, kk, n - kk, t1, v[1]);
        if (schur_vectors) reflect_rows_left(Zh, kk, 0, n, t1, v[1]);
        // Columns kk, kk+1 from the right by G, here only in the rows that later reflectors of
        // this sweep still meet; the rows above wait for the end of the sweep.
        for (std::size_t j = kk; j <= std::min(kk + 2, i); ++j) reflect_pair_right(H, j, kk, t1, v[1]);
      }
      apply_deferred_complex_columns(H, m, i, step_tau.data(), step_v2.data());
    }
    if (!converged) control.give_up(function, "complex QR iteration");
    w[i] = H(i, i);
    top = static_cast<std::ptrdiff_t>(l) - 1;
  }
  H.merge_into(h);
  Zh.merge_into(zh);
}

}  // namespace linal::detail
