#pragma once
// LAPACK's inverse test ratio (dget03): ||I - A^-1 A||_1 / (n ||A||_1 ||A^-1||_1 eps), in
// extended precision. A correct inverse gives a ratio of order 1; the tests accept below 30.

#include "residuals.hpp"

template <class EA, class EI>
long double inverse_ratio(const EA& a, const EI& ainv) {
  using T = linal::value_t<EA>;
  const std::size_t n = a.rows();
  if (n == 0) return 0;
  const auto wa = residuals::wide(a);
  const auto wi = residuals::wide(ainv);
  auto r = residuals::product(wi, wa, n, n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) r[i][j] = (i == j ? 1.0L : 0.0L) - r[i][j];
  const long double scale = static_cast<long double>(n) * residuals::norm1(wa, n) * residuals::norm1(wi, n) *
                            residuals::unit_roundoff<T>();
  return residuals::ratio<T>(residuals::norm1(r, n), scale);
}
