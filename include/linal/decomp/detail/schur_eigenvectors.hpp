#pragma once
/// \file
/// Right eigenvectors from a real Schur form A = Z T Z^T: solve (T - lambda I) x = 0 by back
/// substitution on the quasi-triangular T, then map back, v = Z x (as LAPACK's trevc).

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <limits>
#include <type_traits>
#include <vector>

#include "../../kernels/gemm.hpp"
#include "reflector.hpp"

namespace linal::detail {

/// Back substitution for (T - lambda I) x = 0 above the eigenvalue's block: x[top..end) is
/// given, x[0..top) is solved for, one diagonal block (1x1 or 2x2) at a time. U is T for a real
/// eigenvalue (real arithmetic is four times cheaper) and std::complex<T> for a complex one.
template <class T, class U>
void solve_upward(std::size_t n, const T* t, std::vector<U>& x, U lambda, std::size_t top, std::size_t end, T smin,
                  T rescale_above) {
  const auto Tm = [&](std::size_t i, std::size_t j) { return t[i * n + j]; };
  std::size_t r = top;
  T big = T(0);
  for (std::size_t q = top; q < end; ++q) big = std::max(big, T(std::abs(x[q])));
  while (r > 0) {
    const std::size_t bottom = r - 1;
    const bool two = bottom > 0 && Tm(bottom, bottom - 1) != T(0);
    const std::size_t first = two ? bottom - 1 : bottom;
    U rhs[2];
    for (std::size_t q = first; q <= bottom; ++q) {
      U s(0);
      if constexpr (std::is_same_v<U, T>) {
        s = contiguous_dot(end - bottom - 1, t + q * n + bottom + 1, x.data() + bottom + 1);
      } else {
        for (std::size_t c = bottom + 1; c < end; ++c) s += Tm(q, c) * x[c];
      }
      rhs[q - first] = -s;
    }
    if (!two) {
      U d = Tm(bottom, bottom) - lambda;
      if (std::abs(d) < smin) d = U(smin);
      x[bottom] = rhs[0] / d;
    } else {
      const U a11 = Tm(first, first) - lambda, a12 = Tm(first, bottom);
      const U a21 = Tm(bottom, first), a22 = Tm(bottom, bottom) - lambda;
      U det = a11 * a22 - a12 * a21;
      if (std::abs(det) < smin) det = U(smin);
      x[first] = (rhs[0] * a22 - a12 * rhs[1]) / det;
      x[bottom] = (a11 * rhs[1] - a21 * rhs[0]) / det;
    }
    // Keep the growing solution representable: rescale the whole vector. The largest modulus
    // so far is kept as it grows (after a rescaling it is exactly one).
    for (std::size_t q = first; q <= bottom; ++q) big = std::max(big, T(std::abs(x[q])));
    if (big > rescale_above) {
      for (std::size_t q = first; q < end; ++q) x[q] /= big;
      big = T(1);
    }
    r = first;
  }
}

/// Writes the unit 2-norm right eigenvectors into the row-major n x n complex matrix v (column
/// j belongs to w[j]), given the row-major Schur form t and Schur vectors z (both n x n, entries
/// of order one) and the eigenvalues w in the order francis_qr leaves them. For a complex
/// vector the entry of largest modulus is made real and positive. Near-singular diagonal
/// blocks are perturbed by ulp |lambda|, as trevc does, so defective matrices give a (nearly
/// parallel) vector rather than a failure. The vectors in the Schur basis are gathered as the
/// columns of one real matrix (a complex pair as its real and imaginary parts), so that the
/// map back through Z is a single kernels::gemm. O(n^3).
template <class T>
void schur_eigenvectors(std::size_t n, const T* t, const T* zt, const std::complex<T>* w, std::complex<T>* v) {
  using C = std::complex<T>;
  constexpr T ulp = std::numeric_limits<T>::epsilon();
  const T small = std::numeric_limits<T>::min() * (T(n) / ulp);
  const T rescale_above = std::sqrt(std::numeric_limits<T>::max()) * ulp;
  const auto Tm = [&](std::size_t i, std::size_t j) { return t[i * n + j]; };
  const auto pair_first = [&](std::size_t j) { return w[j].imag() > T(0); };
  const auto pair_second = [&](std::size_t j) { return w[j].imag() < T(0); };
  std::vector<T> xs(n * n, T(0)), ys(n * n);
  std::vector<C> x(n);
  std::vector<T> xr(n);
  for (std::size_t j = 0; j < n; ++j) {
    if (pair_second(j)) continue;
    const C lambda = w[j];
    const T smin = std::max(ulp * (std::abs(lambda.real()) + std::abs(lambda.imag())), small);
    if (!pair_first(j)) {
      std::fill(xr.begin(), xr.end(), T(0));
      xr[j] = T(1);
      solve_upward(n, t, xr, lambda.real(), j, j + 1, smin, rescale_above);
      for (std::size_t i = 0; i <= j; ++i) xs[i * n + j] = xr[i];
    } else {
      // Null vector of the standardized block [a b; c a] - lambda I.
      std::fill(x.begin(), x.end(), C(0));
      const T b = Tm(j, j + 1), c = Tm(j + 1, j);
      if (std::abs(b) >= std::abs(c)) {
        x[j] = C(b);
        x[j + 1] = lambda - Tm(j, j);
      } else {
        x[j] = lambda - Tm(j + 1, j + 1);
        x[j + 1] = C(c);
      }
      solve_upward(n, t, x, lambda, j, j + 2, smin, rescale_above);
      for (std::size_t i = 0; i < j + 2; ++i) {
        xs[i * n + j] = x[i].real();
        xs[i * n + j + 1] = x[i].imag();
      }
    }
  }
  // Y = Z X, with Z read through its transpose.
  const auto ld = static_cast<std::ptrdiff_t>(n);
  if (n > 0)
    kernels::gemm(n, n, n, T(1), zt, std::ptrdiff_t(1), ld, xs.data(), ld, std::ptrdiff_t(1), T(0), ys.data(), ld,
                  std::ptrdiff_t(1));
  const auto y = [&](std::size_t i, std::size_t j) {
    const T* row = ys.data() + i * n;
    return pair_first(j) ? C(row[j], row[j + 1]) : C(row[j], T(0));
  };
  // Row by row: each column's entry of largest modulus, then its norm after dividing by that
  // entry (first, so that the norm cannot overflow), then the unit vectors.
  std::vector<C> pivot(n);
  std::vector<T> biggest(n, T(-1)), norm2(n, T(0));
  const auto scaled = [&](std::size_t i, std::size_t j) {
    return pair_first(j) ? y(i, j) / pivot[j] : y(i, j) / std::abs(pivot[j]);
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      if (pair_second(j)) continue;
      const C yij = y(i, j);
      const T mag = std::abs(yij);
      if (mag > biggest[j]) {
        biggest[j] = mag;
        pivot[j] = yij;
      }
    }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (!pair_second(j)) norm2[j] += std::norm(scaled(i, j));
  for (std::size_t j = 0; j < n; ++j) norm2[j] = T(1) / std::sqrt(norm2[j]);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      if (pair_second(j)) continue;
      const C vij = scaled(i, j) * norm2[j];
      v[i * n + j] = vij;
      if (pair_first(j)) v[i * n + j + 1] = std::conj(vij);
    }
}

}  // namespace linal::detail
