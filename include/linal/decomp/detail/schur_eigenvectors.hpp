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
    // Keep the growing solution representable: rescale the whole vector.
    T big = T(0);
    for (std::size_t q = first; q < end; ++q) big = std::max(big, T(std::abs(x[q])));
    if (big > rescale_above)
      for (std::size_t q = first; q < end; ++q) x[q] /= big;
    r = first;
  }
}

/// y = Z x = the sum over c < end of x[c] times row c of Z^T.
template <class T, class U>
void combine_schur_vectors(std::size_t n, const T* zt, const std::vector<U>& x, std::size_t end, std::vector<U>& y) {
  std::fill(y.begin(), y.end(), U(0));
  for (std::size_t c = 0; c < end; ++c) {
    const T* zc = zt + c * n;
    const U xc = x[c];
    for (std::size_t i = 0; i < n; ++i) y[i] += zc[i] * xc;
  }
}

/// Writes the unit 2-norm right eigenvectors into the row-major n x n complex matrix v (column
/// j belongs to w[j]), given the row-major Schur form t and Schur vectors z (both n x n, entries
/// of order one) and the eigenvalues w in the order francis_qr leaves them. For a complex
/// vector the entry of largest modulus is made real and positive. Near-singular diagonal
/// blocks are perturbed by ulp |lambda|, as trevc does, so defective matrices give a (nearly
/// parallel) vector rather than a failure. O(n^3).
template <class T>
void schur_eigenvectors(std::size_t n, const T* t, const T* zt, const std::complex<T>* w, std::complex<T>* v) {
  using C = std::complex<T>;
  constexpr T ulp = std::numeric_limits<T>::epsilon();
  const T small = std::numeric_limits<T>::min() * (T(n) / ulp);
  const T rescale_above = std::sqrt(std::numeric_limits<T>::max()) * ulp;
  const auto Tm = [&](std::size_t i, std::size_t j) { return t[i * n + j]; };
  std::vector<C> x(n), y(n);
  std::vector<T> xr(n), yr(n);
  for (std::size_t j = 0; j < n; ++j) {
    const bool pair_first = w[j].imag() > T(0);
    const bool pair_second = w[j].imag() < T(0);
    if (pair_second) {
      // The conjugate of the previous column.
      for (std::size_t i = 0; i < n; ++i) v[i * n + j] = std::conj(v[i * n + j - 1]);
      continue;
    }
    const C lambda = w[j];
    const T smin = std::max(ulp * (std::abs(lambda.real()) + std::abs(lambda.imag())), small);
    if (!pair_first) {
      std::fill(xr.begin(), xr.end(), T(0));
      xr[j] = T(1);
      solve_upward(n, t, xr, lambda.real(), j, j + 1, smin, rescale_above);
      combine_schur_vectors(n, zt, xr, j + 1, yr);
      for (std::size_t i = 0; i < n; ++i) y[i] = C(yr[i]);
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
      combine_schur_vectors(n, zt, x, j + 2, y);
    }
    T norm2 = T(0), biggest = T(-1);
    std::size_t at = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const T mag = std::abs(y[i]);
      if (mag > biggest) {
        biggest = mag;
        at = i;
      }
    }
    // Divide by the largest entry first so the norm cannot overflow.
    const C pivot = y[at];
    for (std::size_t i = 0; i < n; ++i) {
      y[i] = pair_first ? y[i] / pivot : y[i] / std::abs(pivot);
      norm2 += std::norm(y[i]);
    }
    const T inv = T(1) / std::sqrt(norm2);
    for (std::size_t i = 0; i < n; ++i) v[i * n + j] = y[i] * inv;
  }
}

}  // namespace linal::detail
