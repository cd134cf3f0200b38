#pragma once
// Test matrices with known spectra for eigh, eig and svd, and the residual ratios of LAPACK's
// eigenvalue and SVD tests (measured in ulp = 2 eps, as there). Closed forms where they exist,
// and Sturm-sequence bisection in extended precision as an independent reference for any
// symmetric tridiagonal matrix. Built from core types and plain loops only.

#include <linal/core.hpp>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>
#include <vector>

#include "gallery.hpp"
#include "residuals.hpp"

namespace spectral_gallery {

/// The symmetric tridiagonal matrix with a on the diagonal and b beside it.
template <class T>
linal::Matrix<T> tridiagonal(const std::vector<long double>& d, const std::vector<long double>& e) {
  const std::size_t n = d.size();
  linal::Matrix<T> a(n, n);
  for (std::size_t i = 0; i < n; ++i) {
    a(i, i) = static_cast<T>(d[i]);
    if (i + 1 < n) a(i, i + 1) = a(i + 1, i) = static_cast<T>(e[i]);
  }
  return a;
}

/// Tridiagonal Toeplitz (a on the diagonal, b beside it): eigenvalues a + 2 b cos(k pi/(n+1)).
template <class T>
linal::Matrix<T> toeplitz_tridiagonal(std::size_t n, long double a, long double b) {
  return tridiagonal<T>(std::vector<long double>(n, a), std::vector<long double>(n ? n - 1 : 0, b));
}
inline std::vector<long double> toeplitz_tridiagonal_eigenvalues(std::size_t n, long double a, long double b) {
  std::vector<long double> w(n);
  for (std::size_t k = 1; k <= n; ++k)
    w[k - 1] = a + 2 * b * std::cos(static_cast<long double>(k) * std::numbers::pi_v<long double> / static_cast<long double>(n + 1));
  std::sort(w.begin(), w.end());
  return w;
}

/// The n x n upper bidiagonal matrix of ones: singular values 2 cos(k pi/(2n+1)), k = 1..n.
template <class T>
linal::Matrix<T> ones_bidiagonal(std::size_t n) {
  linal::Matrix<T> a(n, n);
  for (std::size_t i = 0; i < n; ++i) {
    a(i, i) = 1;
    if (i + 1 < n) a(i, i + 1) = 1;
  }
  return a;
}
/// Descending, as svd returns them.
inline std::vector<long double> ones_bidiagonal_singular_values(std::size_t n) {
  std::vector<long double> s(n);
  for (std::size_t k = 1; k <= n; ++k)
    s[k - 1] = 2 * std::cos(static_cast<long double>(k) * std::numbers::pi_v<long double> / static_cast<long double>(2 * n + 1));
  return s;
}

/// Wilkinson's W(2k+1)+: diagonal |k - i|, ones beside it. Its largest eigenvalues come in
/// pairs that agree to many digits, a hard case for eigenvector orthogonality.
inline std::vector<long double> wilkinson_diagonal(std::size_t k) {
  std::vector<long double> d(2 * k + 1);
  for (std::size_t i = 0; i < d.size(); ++i) d[i] = std::abs(static_cast<long double>(k) - static_cast<long double>(i));
  return d;
}

/// copies of W(2k+1)+ along the diagonal, each coupled to the next by glue: every eigenvalue
/// of W(2k+1)+ then comes in a cluster of `copies` nearly equal ones (LAPACK's glued
/// Wilkinson test matrices). Fills the diagonal d and the off-diagonal e.
inline void glued_wilkinson(std::size_t copies, std::size_t k, long double glue, std::vector<long double>& d,
                            std::vector<long double>& e) {
  const auto block = wilkinson_diagonal(k);
  d.clear();
  e.clear();
  for (std::size_t c = 0; c < copies; ++c) {
    if (c > 0) e.push_back(glue);
    d.insert(d.end(), block.begin(), block.end());
    e.insert(e.end(), block.size() - 1, 1.0L);
  }
}

/// Eigenvalues (ascending) of the symmetric tridiagonal (d, e) by Sturm-sequence bisection in
/// long double: an independent reference accurate to a few long double ulps of the norm.
inline std::vector<long double> bisection_eigenvalues(const std::vector<long double>& d, const std::vector<long double>& e) {
  const std::size_t n = d.size();
  long double bound = 0;
  for (std::size_t i = 0; i < n; ++i)
    bound = std::max(bound, std::abs(d[i]) + (i ? std::abs(e[i - 1]) : 0) + (i + 1 < n ? std::abs(e[i]) : 0));
  const auto count_below = [&](long double x) {
    std::size_t count = 0;
    long double q = 1;
    for (std::size_t i = 0; i < n; ++i) {
      q = d[i] - x - (i ? e[i - 1] * e[i - 1] / q : 0);
      if (q == 0) q = -std::numeric_limits<long double>::epsilon() * (bound + 1);
      if (q < 0) ++count;
    }
    return count;
  };
  std::vector<long double> w(n);
  for (std::size_t k = 0; k < n; ++k) {
    long double lo = -bound - 1, hi = bound + 1;
    for (int it = 0; it < 200; ++it) {
      const long double mid = (lo + hi) / 2;
      if (count_below(mid) > k) hi = mid;
      else lo = mid;
    }
    w[k] = (lo + hi) / 2;
  }
  return w;
}

/// The Frank matrix of order n (upper Hessenberg, F(i,j) = n - max(i,j) for j >= i - 1, zero
/// based): real positive eigenvalues in reciprocal pairs (lambda and 1/lambda), determinant 1.
template <class T>
linal::Matrix<T> frank(std::size_t n) {
  linal::Matrix<T> a(n, n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i ? i - 1 : 0; j < n; ++j) a(i, j) = static_cast<T>(n - std::max(i, j));
  return a;
}

/// Q diag(w) Q^T with a random orthogonal Q: symmetric with prescribed eigenvalues.
template <class T>
linal::Matrix<T> symmetric_with_eigenvalues(const std::vector<double>& w, std::uint64_t seed) {
  const std::size_t n = w.size();
  const auto q = gallery::random_orthonormal<double>(n, n, seed);
  linal::Matrix<T> a(n, n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      long double s = 0;
      for (std::size_t k = 0; k < n; ++k) s += static_cast<long double>(q(i, k)) * w[k] * q(j, k);
      a(i, j) = a(j, i) = static_cast<T>(s);
    }
  return a;
}

/// A random symmetric matrix (normal entries).
template <class T>
linal::Matrix<T> random_symmetric(std::size_t n, std::uint64_t seed) {
  return gallery::hermitian<T>(n, seed);
}

/// Unit in the last place of T's precision (of its real type for complex T), 2 eps: the unit
/// of LAPACK's eigenvalue ratios.
template <class T>
long double ulp() {
  return static_cast<long double>(std::numeric_limits<linal::real_t<T>>::epsilon());
}

/// ||A - V diag(w) V^H||_1 / (n ||A||_1 ulp): LAPACK's eigh (dsyev, zheev) test ratio, with
/// real eigenvalues w for real symmetric and complex Hermitian A alike.
template <class T>
long double eigh_ratio(const linal::Matrix<T>& a, const linal::Vector<linal::real_t<T>>& w, const linal::Matrix<T>& v) {
  linal::Matrix<T> vw = v;
  for (std::size_t i = 0; i < v.rows(); ++i)
    for (std::size_t j = 0; j < v.cols(); ++j) vw(i, j) *= w[j];
  return residuals::factorization_ratio(a, vw, gallery::adjoint(v), a.rows()) / 2;
}

/// ||A - U diag(s) Vh||_1 / (max(m, n) ||A||_1 ulp): LAPACK's SVD (dgesvd) test ratio. U may
/// have more columns than s (the full set); only the first s.size() are used.
template <class T>
long double svd_ratio(const linal::Matrix<T>& a, const linal::Matrix<T>& u, const linal::Vector<T>& s,
                      const linal::Matrix<T>& vh) {
  const std::size_t k = s.size();
  linal::Matrix<T> us(u.rows(), k), vk(k, vh.cols());
  for (std::size_t i = 0; i < u.rows(); ++i)
    for (std::size_t j = 0; j < k; ++j) us(i, j) = u(i, j) * s[j];
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < vh.cols(); ++j) vk(i, j) = vh(i, j);
  return residuals::factorization_ratio(a, us, vk, std::max(a.rows(), a.cols())) / 2;
}

/// ||I - Q^T Q||_1 / (m ulp) for orthonormal columns: LAPACK's orthogonality ratio in ulp.
template <class E>
long double orthogonality_ratio(const E& q) {
  return residuals::orthogonality_ratio(q) / 2;
}

/// max_j ||A v_j - w_j v_j||_1 / (n ||A||_1 ulp) for the complex eigenpairs of a real or
/// complex A: LAPACK's geev test ratio (with the eigenvectors normalized to unit 2-norm).
template <class T>
long double eig_ratio(const linal::Matrix<T>& a, const linal::Vector<std::complex<linal::real_t<T>>>& w,
                      const linal::Matrix<std::complex<linal::real_t<T>>>& v) {
  using wide = std::complex<long double>;
  using wide_a = residuals::wide_t<T>;  // long double for real A: real times complex is cheaper
  const std::size_t n = a.rows();
  long double anorm = 0;
  for (std::size_t j = 0; j < n; ++j) {
    long double s = 0;
    for (std::size_t i = 0; i < n; ++i) s += std::abs(wide_a(a(i, j)));
    anorm = residuals::max_or_nan(anorm, s);
  }
  long double worst = 0;
  for (std::size_t j = 0; j < n; ++j) {
    long double r = 0;
    for (std::size_t i = 0; i < n; ++i) {
      wide s = -wide(w[j]) * wide(v(i, j));
      for (std::size_t k = 0; k < n; ++k) s += wide_a(a(i, k)) * wide(v(k, j));
      r += std::abs(s);
    }
    worst = residuals::max_or_nan(worst, residuals::ratio<T>(r, static_cast<long double>(n) * anorm * ulp<linal::real_t<T>>()));
  }
  return worst;
}

/// ||A||_1 in long double.
template <class E>
long double norm1(const E& a) {
  return residuals::norm1(a);
}

}  // namespace spectral_gallery
