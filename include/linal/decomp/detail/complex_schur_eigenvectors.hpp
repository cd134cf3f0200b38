#pragma once
/// \file
/// Right eigenvectors from a complex Schur form A = Z T Z^H: solve (T - lambda I) x = 0 by
/// back substitution on the upper triangular T, then map back, v = Z x (as LAPACK's trevc for
/// complex matrices).

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <limits>
#include <vector>

#include "../../kernels/gemm.hpp"
#include "../../kernels/scalar.hpp"
#include "complex_schur_qr.hpp"

namespace linal::detail {

/// Solves the leading j x j part of (T - lambda I) x = -T(0:j, j) upward, x[j] = 1 given, for
/// lambda = T(j, j). A diagonal entry of T - lambda I smaller than smin is raised to smin, so
/// repeated eigenvalues (a defective matrix) give a (nearly parallel) vector rather than a
/// division by zero. The solution is scaled down whenever a quotient or the largest entry
/// would pass rescale_above, so it stays representable; only its direction matters.
template <class R>
void solve_triangular_eigenvector(std::size_t n, const std::complex<R>* t, std::size_t j, std::complex<R>* x,
                                  R smin, R rescale_above) {
  using C = std::complex<R>;
  using kernels::detail::multiply;
  const C lambda = t[j * n + j];
  x[j] = C(1);
  R big = R(1);
  for (std::size_t r = j; r-- > 0;) {
    const C* row = t + r * n;
    C s0(0), s1(0);  // two partial sums: independent chains of additions
    std::size_t c = r + 1;
    for (; c + 1 <= j; c += 2) {
      s0 += multiply(row[c], x[c]);
      s1 += multiply(row[c + 1], x[c + 1]);
    }
    if (c == j) s0 += multiply(row[c], x[c]);
    C rhs = -(s0 + s1);
    C d = row[r] - lambda;
    if (abs1(d) < smin) d = C(smin);
    const R size_rhs = abs1(rhs), size_d = abs1(d);
    if (size_d < R(1) && size_rhs > size_d * rescale_above) {
      const R scale = R(1) / size_rhs;
      for (std::size_t q = r + 1; q <= j; ++q) x[q] *= scale;
      rhs *= scale;
      big *= scale;
    }
    x[r] = rhs / d;
    big = std::max(big, abs1(x[r]));
    if (big > rescale_above) {
      const R scale = R(1) / big;
      for (std::size_t q = r; q <= j; ++q) x[q] *= scale;
      big = R(1);
    }
  }
}

/// Writes the unit 2-norm right eigenvectors into the row-major n x n matrix v (column j
/// belongs to the eigenvalue T(j, j)), given the row-major upper triangular Schur form t and
/// the adjoint zh of the Schur vectors (both n x n, entries of order one). Each vector's entry
/// of largest modulus is made real and positive. Diagonal entries of T - lambda I below
/// ulp |lambda| are perturbed to that size, as trevc does. The vectors in the Schur basis are
/// the columns of one upper triangular matrix X, so the map back, Y = Z X, is a matrix
/// product: four real kernels::gemm calls on the real and imaginary parts, which run in the
/// fast real kernels. O(n^3).
template <class R>
void complex_schur_eigenvectors(std::size_t n, const std::complex<R>* t, const std::complex<R>* zh,
                                std::complex<R>* v) {
  using C = std::complex<R>;
  if (n == 0) return;
  constexpr R ulp = std::numeric_limits<R>::epsilon();
  const R small = std::numeric_limits<R>::min() * (R(n) / ulp);
  const R rescale_above = std::sqrt(std::numeric_limits<R>::max()) * ulp;
  std::vector<R> xr(n * n, R(0)), xi(n * n, R(0)), zr(n * n), zi(n * n), yr(n * n), yi(n * n);
  std::vector<C> x(n);
  for (std::size_t j = 0; j < n; ++j) {
    const R smin = std::max(ulp * abs1(t[j * n + j]), small);
    solve_triangular_eigenvector(n, t, j, x.data(), smin, rescale_above);
    for (std::size_t i = 0; i <= j; ++i) {
      xr[i * n + j] = x[i].real();
      xi[i * n + j] = x[i].imag();
    }
  }
  for (std::size_t k = 0; k < n * n; ++k) {
    zr[k] = zh[k].real();
    zi[k] = zh[k].imag();
  }
  // Z(i, k) = conj(zh(k, i)): Re Z = zr^T and Im Z = -zi^T, read through swapped strides. So
  // Re Y = zr^T Xr + zi^T Xi and Im Y = zr^T Xi - zi^T Xr.
  const auto ld = static_cast<std::ptrdiff_t>(n);
  const auto product = [&](R alpha, const std::vector<R>& zpart, const std::vector<R>& xpart, R beta,
                           std::vector<R>& y) {
    kernels::gemm(n, n, n, alpha, zpart.data(), std::ptrdiff_t(1), ld, xpart.data(), ld, std::ptrdiff_t(1), beta,
                  y.data(), ld, std::ptrdiff_t(1));
  };
  product(R(1), zr, xr, R(0), yr);
  product(R(1), zi, xi, R(1), yr);
  product(R(1), zr, xi, R(0), yi);
  product(R(-1), zi, xr, R(1), yi);
  const auto y = [&](std::size_t i, std::size_t j) { return C(yr[i * n + j], yi[i * n + j]); };
  // Row by row: each column's entry of largest modulus, then its norm after dividing by that
  // entry (first, so that the norm cannot overflow), then the unit vectors.
  std::vector<std::size_t> pivot_row(n, 0);
  std::vector<R> biggest(n, R(-1)), norm2(n, R(0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (const R size = std::norm(y(i, j)); size > biggest[j]) {
        biggest[j] = size;
        pivot_row[j] = i;
      }
  std::vector<C> inverse_pivot(n);
  for (std::size_t j = 0; j < n; ++j) inverse_pivot[j] = C(1) / y(pivot_row[j], j);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) norm2[j] += std::norm(kernels::detail::multiply(y(i, j), inverse_pivot[j]));
  std::vector<R> unit(n);
  for (std::size_t j = 0; j < n; ++j) unit[j] = R(1) / std::sqrt(norm2[j]);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      v[i * n + j] = kernels::detail::multiply(y(i, j), inverse_pivot[j]) * unit[j];
  // The pivot divided by itself is one up to rounding: make it exactly real.
  for (std::size_t j = 0; j < n; ++j) v[pivot_row[j] * n + j] = C(unit[j]);
}

}  // namespace linal::detail
