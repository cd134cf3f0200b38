#pragma once
/// \file
/// Householder reduction of a complex Hermitian matrix to a real symmetric tridiagonal one,
/// A = Q D T D^H Q^H, the first stage of eigh for complex input, and the return trip: the
/// eigenvectors Q D Z of A from the real eigenvectors Z of T.
///
/// Each complex reflector leaves a real subdiagonal entry (make_reflector's beta is real). The
/// last subdiagonal entry has no reflector of order two or more to make it real; its phase goes
/// into the unitary diagonal D = diag(1, ..., 1, phase) instead.

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "../../core/error.hpp"
#include "../../core/shape.hpp"
#include "../../kernels/gemm.hpp"
#include "../../simd/simd.hpp"
#include "../householder.hpp"
#include "reflector.hpp"
#include "safe_scaling.hpp"

namespace linal::detail {

/// The full Hermitian n x n matrix (row-major, row stride n) whose lower triangle is A's,
/// scaled by 2^exponent, the power of two that brings its largest entry to order one. Only
/// A's lower triangle is read, and the imaginary parts of its diagonal are taken as zero (as
/// LAPACK does: a Hermitian matrix has a real diagonal). Throws shape_error for a non-square A,
/// non_finite_error naming function for NaN or infinity in the lower triangle.
template <class R, class E>
std::vector<std::complex<R>> hermitian_work_copy(const char* function, const E& a, int& exponent) {
  using C = std::complex<R>;
  if (a.rows() != a.cols())
    throw shape_error(std::string(function) + ": expected a square matrix, got shape " + shape_string(a));
  const std::size_t n = a.rows();
  std::vector<C> w(n * n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < i; ++j) w[i * n + j] = static_cast<C>(a(i, j));
    w[i * n + i] = C(static_cast<C>(a(i, i)).real(), R(0));
  }
  exponent = unit_exponent(checked_max_abs(function, w.data(), n, n, n, true));
  const auto scaled = [&](C x) { return C(std::ldexp(x.real(), exponent), std::ldexp(x.imag(), exponent)); };
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      w[i * n + j] = scaled(w[i * n + j]);
      w[j * n + i] = std::conj(w[i * n + j]);
    }
    w[i * n + i] = scaled(w[i * n + i]);
  }
  return w;
}

/// Reduces the Hermitian n x n matrix w (row-major, row stride n, both triangles held, real
/// diagonal) to the real symmetric tridiagonal T with diagonal d (n) and off-diagonal e (n - 1;
/// e needs n entries). Reflector k (k < n - 2) acts on indices k+1..n-1: its vector past the
/// implicit leading one is left in row k of w from column k+2 on, its scalar in tau[k]. The
/// unit phase of the last subdiagonal entry is returned: A = Q D T D^H Q^H with
/// Q = H_0 ... H_{n-3} and D = diag(1, ..., 1, phase).
/// Unblocked (as LAPACK's hetd2): per reflector one Hermitian matrix-vector product and one
/// rank-two update over the whole trailing block, both as real SIMD work on the interleaved
/// parts. Each row's update is followed at once by its product with the next reflector, while
/// the row is in cache: one pass over the trailing block per reflector instead of two (the
/// next reflector comes from the block's first row, updated first). About 16/3 n^3 real flops,
/// none in gemm.
template <class R>
std::complex<R> hermitian_tridiagonalize(std::size_t n, std::complex<R>* w, R* d, R* e, std::complex<R>* tau) {
  using C = std::complex<R>;
  // Real planes of a vector v: a row x (interleaved parts) gives x v = x . pv + i x . qv, and
  // subtracting s conj(v) from it is x -= Re(s) pv + Im(s) qv. Planes of this step's reflector
  // and of the next one (built during this step's update), and of the update vector u.
  std::vector<R> pv(2 * n), qv(2 * n), pv_next(2 * n), qv_next(2 * n), pu(2 * n), qu(2 * n);
  std::vector<C> y(n), y_next(n);
  const auto set_planes = [](std::size_t i, C x, R* p, R* q) {
    p[2 * i] = x.real();
    p[2 * i + 1] = -x.imag();
    q[2 * i] = x.imag();
    q[2 * i + 1] = x.real();
  };
  // Reflector k from row k (right of the diagonal it is the conjugate of column k below it),
  // its vector's planes into p and q. False when it is the identity.
  const auto make = [&](std::size_t k, R* p, R* q) {
    C* row = w + k * n;
    d[k] = row[k].real();
    for (std::size_t j = k + 1; j < n; ++j) row[j] = std::conj(row[j]);
    tau[k] = householder::make_reflector(n - k - 1, row[k + 1], row + k + 2, 1);
    e[k] = row[k + 1].real();
    if (tau[k] == C(0)) return false;
    set_planes(0, C(1), p, q);
    for (std::size_t i = 1; i + k + 1 < n; ++i) set_planes(i, row[k + 1 + i], p, q);
    return true;
  };
  // tau_k times the product of row (k + 1 + i) of the trailing block with reflector k's vector.
  const auto product = [&](std::size_t k, std::size_t i, const R* p, const R* q) {
    const R* x = reinterpret_cast<const R*>(w + (k + 1 + i) * n + (k + 1));
    const std::size_t len = 2 * (n - k - 1);
    return kernels::detail::multiply(tau[k], C(contiguous_dot(len, x, p), contiguous_dot(len, x, q)));
  };
  bool active = n >= 3 && make(0, pv.data(), qv.data());
  if (active)
    for (std::size_t i = 0; i + 1 < n; ++i) y[i] = product(0, i, pv.data(), qv.data());
  for (std::size_t k = 0; k + 2 < n; ++k) {
    const std::size_t p = n - k - 1;  // order of the reflector
    const bool has_next = k + 3 < n;
    if (!active) {
      active = has_next && make(k + 1, pv.data(), qv.data());
      if (active)
        for (std::size_t i = 0; i + 1 < p; ++i) y[i] = product(k + 1, i, pv.data(), qv.data());
      continue;
    }
    // The trailing block B := H^H B H, H = I - tau v v^H, as B - v u^H - u v^H with
    // y = tau B v and u = y - (tau-bar (v^H y) / 2) v (that coefficient is real).
    const C* row = w + k * n;
    const auto v = [&](std::size_t i) { return i == 0 ? C(1) : row[k + 1 + i]; };
    C vy(0);
    for (std::size_t i = 0; i < p; ++i) vy += std::conj(v(i)) * y[i];
    const R half = -R(0.5) * (std::conj(tau[k]) * vy).real();
    for (std::size_t i = 0; i < p; ++i) {
      y[i] += half * v(i);
      set_planes(i, y[i], pu.data(), qu.data());
    }
    C* block = w + (k + 1) * n + (k + 1);
    const std::size_t len = 2 * p;
    bool next_active = false;
    for (std::size_t i = 0; i < p; ++i) {
      R* x = reinterpret_cast<R*>(block + i * n);
      const C vi = v(i), ui = y[i];
      const R vr = vi.real(), vm = vi.imag(), ur = ui.real(), um = ui.imag();
      std::size_t j = 0;
      if constexpr (simd::has_batch<R>) {
        using B = simd::batch<R>;
        for (; j + B::size() <= len; j += B::size())
          simd::store(simd::load(x + j) - (vr * simd::load(pu.data() + j) + vm * simd::load(qu.data() + j) +
                                           ur * simd::load(pv.data() + j) + um * simd::load(qv.data() + j)),
                      x + j);
      }
      for (; j < len; ++j) x[j] -= vr * pu[j] + vm * qu[j] + ur * pv[j] + um * qv[j];
      // A Hermitian matrix keeps a real diagonal; rounding alone would leave a trace here.
      block[i * n + i].imag(R(0));
      if (i == 0) next_active = has_next && make(k + 1, pv_next.data(), qv_next.data());
      else if (next_active) y_next[i - 1] = product(k + 1, i - 1, pv_next.data(), qv_next.data());
    }
    std::swap(pv, pv_next);
    std::swap(qv, qv_next);
    std::swap(y, y_next);
    active = next_active;
  }
  C phase(1);
  if (n >= 2) {
    d[n - 2] = w[(n - 2) * n + (n - 2)].real();
    // The last subdiagonal entry, A(n-1, n-2): its modulus is T's, its phase goes into D.
    const C last = w[(n - 1) * n + (n - 2)];
    e[n - 2] = std::abs(last);
    if (e[n - 2] != R(0)) phase = last / e[n - 2];
  }
  if (n >= 1) d[n - 1] = w[(n - 1) * n + (n - 1)].real();
  return phase;
}

/// V := Q D Z for hermitian_tridiagonalize's reflectors (in w and tau) and phase, with the
/// real eigenvectors of T in the rows of zt (n x n, row stride n) and V complex n x n (row
/// stride n). The reflectors go in blocks of 32 in compact WY form I - Y S Y^H (the factor S
/// from householder::block_reflector), last block first, on D Z kept as separate real and
/// imaginary planes: every complex product is then four real gemms, which run several times
/// faster than one complex gemm of the same size. About 8 n^3 real flops, nearly all in gemm.
template <class R>
void hermitian_eigenvectors(std::size_t n, const std::complex<R>* w, const std::complex<R>* tau,
                            std::complex<R> phase, const R* zt, std::complex<R>* v) {
  using C = std::complex<R>;
  if (n == 0) return;
  // X = D Z, Z's columns being zt's rows; D changes row n-1 only.
  std::vector<R> xr(n * n), xi(n * n, R(0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) xr[i * n + j] = zt[j * n + i];
  for (std::size_t j = 0; j < n; ++j) {
    const R z = xr[(n - 1) * n + j];
    xr[(n - 1) * n + j] = phase.real() * z;
    xi[(n - 1) * n + j] = phase.imag() * z;
  }
  constexpr std::size_t block = 32;
  const auto ldx = static_cast<std::ptrdiff_t>(n), one = std::ptrdiff_t(1);
  const std::size_t reflectors = n >= 3 ? n - 2 : 0;
  householder::block_reflector<C> compact;
  std::vector<R> yr, yi, sr, si, wr, wi, ur, ui;
  for (std::size_t stop = reflectors; stop > 0;) {
    const std::size_t first = stop > block ? stop - block : 0;
    const std::size_t k = stop - first, m = n - 1 - first;  // reflectors, their order
    // Reflector first + j has its entry for index first + 1 + i at w[(first + j) n + first + 1 + i].
    const C* y = w + first * n + first + 1;
    compact.assign(m, k, y, one, ldx, tau + first);
    yr.assign(m * k, R(0));
    yi.assign(m * k, R(0));
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < std::min(i + 1, k); ++j) {
        const C yij = i == j ? C(1) : y[j * n + i];
        yr[i * k + j] = yij.real();
        yi[i * k + j] = yij.imag();
      }
    sr.resize(k * k);
    si.resize(k * k);
    for (std::size_t q = 0; q < k * k; ++q) {
      sr[q] = compact.t()[q].real();
      si[q] = compact.t()[q].imag();
    }
    // X := X - Y (S (Y^H X)) on rows first + 1 on, in real planes.
    R* br = xr.data() + (first + 1) * n;
    R* bi = xi.data() + (first + 1) * n;
    const auto ldk = static_cast<std::ptrdiff_t>(k);
    const auto gemm = [&](std::size_t rows, std::size_t inner, R alpha, const R* a, std::ptrdiff_t a_rs,
                          std::ptrdiff_t a_cs, const R* b, R beta, R* c) {
      kernels::gemm(rows, n, inner, alpha, a, a_rs, a_cs, b, ldx, one, beta, c, ldx, one);
    };
    wr.resize(k * n);
    wi.resize(k * n);
    ur.resize(k * n);
    ui.resize(k * n);
    // W = Y^H X: Re W = Yr^T Xr + Yi^T Xi, Im W = Yr^T Xi - Yi^T Xr.
    gemm(k, m, R(1), yr.data(), one, ldk, br, R(0), wr.data());
    gemm(k, m, R(1), yi.data(), one, ldk, bi, R(1), wr.data());
    gemm(k, m, R(1), yr.data(), one, ldk, bi, R(0), wi.data());
    gemm(k, m, R(-1), yi.data(), one, ldk, br, R(1), wi.data());
    // U = S W.
    gemm(k, k, R(1), sr.data(), ldk, one, wr.data(), R(0), ur.data());
    gemm(k, k, R(-1), si.data(), ldk, one, wi.data(), R(1), ur.data());
    gemm(k, k, R(1), sr.data(), ldk, one, wi.data(), R(0), ui.data());
    gemm(k, k, R(1), si.data(), ldk, one, wr.data(), R(1), ui.data());
    // X -= Y U.
    gemm(m, k, R(-1), yr.data(), ldk, one, ur.data(), R(1), br);
    gemm(m, k, R(1), yi.data(), ldk, one, ui.data(), R(1), br);
    gemm(m, k, R(-1), yr.data(), ldk, one, ui.data(), R(1), bi);
    gemm(m, k, R(-1), yi.data(), ldk, one, ur.data(), R(1), bi);
    stop = first;
  }
  for (std::size_t q = 0; q < n * n; ++q) v[q] = C(xr[q], xi[q]);
}

}  // namespace linal::detail
