#pragma once
// The assertions that the eigh and svd tests make of every result: the factors reproduce A and
// are orthonormal (LAPACK's ratios, spectral_gallery.hpp), and computed eigenvalues or singular
// values agree with a reference; and the scales near overflow and underflow at which both
// decompositions must scale internally.

#include <catch2/catch.hpp>

#include <linal/core.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

#include "gallery.hpp"
#include "residuals.hpp"
#include "spectral_gallery.hpp"

namespace spectral_checks {

/// The largest ratio the tests accept: LAPACK's tests of the symmetric eigensolvers and of
/// the SVD pass below these.
constexpr long double eigh_threshold = 60;
constexpr long double svd_threshold = 50;

/// A scale near overflow and one near underflow: a matrix scaled by either has normal entries
/// whose squares are not.
template <class T>
std::array<linal::real_t<T>, 2> extreme_scales() {
  return {gallery::huge_scale<T>(), gallery::tiny_scale<T>()};
}

/// max_i |x_i - reference_i| / (order ||A||_1 ulp) over the reference's entries: the error of
/// computed eigenvalues (order n) or singular values (order max(m, n)) in LAPACK's units.
template <class T, class Values, class Reference>
long double value_ratio(const Values& x, const Reference& reference, const linal::Matrix<T>& a, std::size_t order) {
  using R = linal::real_t<T>;
  const long double scale = static_cast<long double>(order) * spectral_gallery::norm1(a) * spectral_gallery::ulp<R>();
  long double worst = 0;
  for (std::size_t i = 0; i < reference.size(); ++i) {
    const long double error = std::abs(static_cast<long double>(x[i]) - static_cast<long double>(reference[i]));
    worst = residuals::max_or_nan(worst, residuals::ratio<R>(error, scale));
  }
  return worst;
}

/// value_ratio for the eigenvalues w of the n x n matrix a.
template <class T, class Values, class Reference>
long double eigenvalue_ratio(const Values& w, const Reference& reference, const linal::Matrix<T>& a) {
  return value_ratio(w, reference, a, a.rows());
}

/// value_ratio for the singular values s of the m x n matrix a.
template <class T, class Values, class Reference>
long double singular_value_ratio(const Values& s, const Reference& reference, const linal::Matrix<T>& a) {
  return value_ratio(s, reference, a, std::max(a.rows(), a.cols()));
}

/// x s in extended precision: the eigenvalues or singular values of a matrix scaled by s,
/// from those x of the matrix itself.
template <class R>
std::vector<long double> scaled_values(const linal::Vector<R>& x, R s) {
  std::vector<long double> scaled(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) scaled[i] = static_cast<long double>(x[i]) * s;
  return scaled;
}

/// eigh's factors of a: finite eigenvalues, A = V diag(w) V^H and V^H V = I.
template <class T>
void check_eigh_factors(const linal::Matrix<T>& a, const linal::Vector<linal::real_t<T>>& w,
                        const linal::Matrix<T>& v) {
  for (std::size_t i = 0; i < w.size(); ++i) REQUIRE(std::isfinite(w[i]));
  CHECK(spectral_gallery::eigh_ratio(a, w, v) < eigh_threshold);
  CHECK(spectral_gallery::orthogonality_ratio(v) < eigh_threshold);
}

/// svd's factors of a: finite singular values, A = U diag(S) Vh and orthonormal U and Vh^T.
template <class T>
void check_svd_factors(const linal::Matrix<T>& a, const linal::Matrix<T>& u, const linal::Vector<T>& s,
                       const linal::Matrix<T>& vh) {
  for (std::size_t i = 0; i < s.size(); ++i) REQUIRE(std::isfinite(s[i]));
  CHECK(spectral_gallery::svd_ratio(a, u, s, vh) < svd_threshold);
  CHECK(spectral_gallery::orthogonality_ratio(u) < svd_threshold);
  CHECK(spectral_gallery::orthogonality_ratio(vh.T()) < svd_threshold);
}

}  // namespace spectral_checks
