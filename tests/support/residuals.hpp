#pragma once
// LAPACK's normalized residual ratios (its test suite's method, DESIGN.md section 6), computed
// in extended precision so that the check itself adds no rounding error worth speaking of.
// A correct factorization gives ratios of order 1; the tests accept anything below 30 (60 or 50
// for the spectral decompositions). Matrices are any linal expression with (i, j) access.

#include <linal/core.hpp>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <limits>
#include <type_traits>
#include <vector>

namespace residuals {

template <class T>
using real_of = linal::real_t<T>;

/// The type the checks compute in: long double, or std::complex<long double>.
template <class T>
using wide_t = std::conditional_t<linal::is_complex_v<T>, std::complex<long double>, long double>;

/// Unit roundoff of T's real type (2^-53 for double): LAPACK's eps.
template <class T>
long double unit_roundoff() {
  return static_cast<long double>(std::numeric_limits<real_of<T>>::epsilon()) / 2;
}

/// A dense copy in extended precision: wide(A)(i, j) is A(i, j).
template <class E>
std::vector<std::vector<wide_t<linal::value_t<E>>>> wide(const E& a) {
  std::vector<std::vector<wide_t<linal::value_t<E>>>> w(a.rows(), std::vector<wide_t<linal::value_t<E>>>(a.cols()));
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j) w[i][j] = static_cast<wide_t<linal::value_t<E>>>(a(i, j));
  return w;
}

template <class W>
using wide_matrix = std::vector<std::vector<W>>;

/// The larger of a and b, NaN when either is: std::max drops a NaN second argument, and a
/// ratio check must fail, not pass, on a result that holds NaN.
inline long double max_or_nan(long double a, long double b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<long double>::quiet_NaN();
  return std::max(a, b);
}

template <class W>
long double norm1(const wide_matrix<W>& a, std::size_t cols) {
  long double best = 0;
  for (std::size_t j = 0; j < cols; ++j) {
    long double s = 0;
    for (const auto& row : a) s += std::abs(row[j]);
    best = max_or_nan(best, s);
  }
  return best;
}

/// The 1-norm (largest column sum) of any matrix expression, in extended precision.
template <class E>
long double norm1(const E& a) {
  return norm1(wide(a), a.cols());
}

template <class W>
wide_matrix<W> product(const wide_matrix<W>& a, const wide_matrix<W>& b, std::size_t inner, std::size_t cols) {
  wide_matrix<W> c(a.size(), std::vector<W>(cols));
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t p = 0; p < inner; ++p) {
      const W aip = a[i][p];
      for (std::size_t j = 0; j < cols; ++j) c[i][j] += aip * b[p][j];
    }
  return c;
}

/// The ratio of a residual norm r to a scale s: 0/0 is 0 and r/0 is 1/eps, as LAPACK's tests.
template <class T>
long double ratio(long double r, long double s) {
  if (s > 0) return r / s;
  return r == 0 ? 0.0L : 1.0L / unit_roundoff<T>();
}

/// ||A - B C||_1 / (n ||A||_1 eps) for a factorization A = B C with n = max(rows, cols) of A:
/// LAPACK's getrf, potrf and geqrf test ratio (with n the order or m).
template <class EA, class EB, class EC>
long double factorization_ratio(const EA& a, const EB& b, const EC& c, std::size_t n) {
  using T = linal::value_t<EA>;
  const auto wa = wide(a);
  auto bc = product(wide(b), wide(c), b.cols(), c.cols());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j) bc[i][j] -= wa[i][j];
  const long double scale = static_cast<long double>(std::max<std::size_t>(n, 1)) * norm1(wa, a.cols()) * unit_roundoff<T>();
  return ratio<T>(norm1(bc, a.cols()), scale);
}

/// ||A - B C D||_1 / (n ||A||_1 eps), for three-factor forms such as P L U and L D L^H.
template <class EA, class EB, class EC, class ED>
long double factorization_ratio(const EA& a, const EB& b, const EC& c, const ED& d, std::size_t n) {
  using T = linal::value_t<EA>;
  const auto wa = wide(a);
  auto bcd = product(product(wide(b), wide(c), b.cols(), c.cols()), wide(d), c.cols(), d.cols());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j) bcd[i][j] -= wa[i][j];
  const long double scale = static_cast<long double>(std::max<std::size_t>(n, 1)) * norm1(wa, a.cols()) * unit_roundoff<T>();
  return ratio<T>(norm1(bcd, a.cols()), scale);
}

/// ||I - Q^H Q||_1 / (m eps) for Q with orthonormal columns (m rows): LAPACK's orthogonality
/// ratio. Pass q.T()-style views to check orthonormal rows.
template <class EQ>
long double orthogonality_ratio(const EQ& q) {
  using T = linal::value_t<EQ>;
  using W = wide_t<T>;
  const auto wq = wide(q);
  const std::size_t n = q.cols();
  wide_matrix<W> g(n, std::vector<W>(n));
  for (std::size_t p = 0; p < q.rows(); ++p)
    for (std::size_t i = 0; i < n; ++i) {
      W qi = wq[p][i];
      if constexpr (linal::is_complex_v<T>) qi = std::conj(qi);
      for (std::size_t j = 0; j < n; ++j) g[i][j] += qi * wq[p][j];
    }
  for (std::size_t i = 0; i < n; ++i) g[i][i] -= W(1);
  const long double scale = static_cast<long double>(std::max<std::size_t>(q.rows(), 1)) * unit_roundoff<T>();
  return norm1(g, n) / scale;
}

/// max over columns of ||B - A X||_1 / (||A||_1 ||X||_1 eps): LAPACK's solve ratio (getrs,
/// potrs). X and B may be vectors or matrices.
template <class EA, class EX, class EB>
long double solve_ratio(const EA& a, const EX& x, const EB& b) {
  using T = linal::value_t<EA>;
  const auto wa = wide(a);
  const auto wx = wide(x);
  const auto wb = wide(b);
  const long double anorm = norm1(wa, a.cols());
  long double worst = 0;
  for (std::size_t j = 0; j < x.cols(); ++j) {
    long double r = 0, xn = 0;
    for (std::size_t p = 0; p < x.rows(); ++p) xn += std::abs(wx[p][j]);
    for (std::size_t i = 0; i < a.rows(); ++i) {
      auto s = wb[i][j];
      for (std::size_t p = 0; p < a.cols(); ++p) s -= wa[i][p] * wx[p][j];
      r += std::abs(s);
    }
    worst = max_or_nan(worst, ratio<T>(r, anorm * xn * unit_roundoff<T>()));
  }
  return worst;
}

/// The least-squares check of LAPACK's dqrt17: a least-squares residual R = B - A X is
/// orthogonal to the columns of A, so ||A^H R||_1 / (m ||A||_1 max(||R||_1, ||B||_1) eps) is small.
template <class EA, class EX, class EB>
long double least_squares_ratio(const EA& a, const EX& x, const EB& b) {
  using T = linal::value_t<EA>;
  using W = wide_t<T>;
  const auto wa = wide(a);
  const auto wx = wide(x);
  const auto wb = wide(b);
  const std::size_t m = a.rows(), n = a.cols(), k = x.cols();
  wide_matrix<W> r(m, std::vector<W>(k));
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < k; ++j) {
      W s = wb[i][j];
      for (std::size_t p = 0; p < n; ++p) s -= wa[i][p] * wx[p][j];
      r[i][j] = s;
    }
  wide_matrix<W> atr(n, std::vector<W>(k));
  for (std::size_t p = 0; p < m; ++p)
    for (std::size_t i = 0; i < n; ++i) {
      W api = wa[p][i];
      if constexpr (linal::is_complex_v<T>) api = std::conj(api);
      for (std::size_t j = 0; j < k; ++j) atr[i][j] += api * r[p][j];
    }
  const long double scale = static_cast<long double>(std::max<std::size_t>(m, 1)) * norm1(wa, n) *
                            max_or_nan(norm1(r, k), norm1(wb, k)) * unit_roundoff<T>();
  return ratio<T>(norm1(atr, k), scale);
}

}  // namespace residuals
