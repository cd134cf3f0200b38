// pca: components, explained variance (and ratio), mean and projected data, agreeing with the
// covariance route (eigh of the sample covariance matrix).

#include <catch2/catch.hpp>

#include <linal/core.hpp>
#include <linal/decomp/eigh.hpp>
#include <linal/linalg/pca.hpp>

#include <cmath>
#include <limits>

#include "gallery.hpp"
#include "residuals.hpp"
#include "spectral_gallery.hpp"

using namespace linal;
namespace sg = spectral_gallery;

namespace {

/// 200 samples of 5 features with standard deviations 5, 3, 2, 1, 0.5 along random orthogonal
/// axes, shifted by a mean (1, -2, 3, 0, 10).
template <class T>
Matrix<T> sample_data() {
  auto x = gallery::random_matrix<T>(200, 5, 42);
  const T sd[] = {5, 3, 2, 1, T(0.5)};
  for (std::size_t i = 0; i < 200; ++i)
    for (std::size_t j = 0; j < 5; ++j) x(i, j) *= sd[j];
  auto rotated = gallery::multiply(x, gallery::random_orthonormal<T>(5, 5, 43));
  const T mean[] = {1, -2, 3, 0, 10};
  for (std::size_t i = 0; i < 200; ++i)
    for (std::size_t j = 0; j < 5; ++j) rotated(i, j) += mean[j];
  return rotated;
}

}  // namespace

TEMPLATE_TEST_CASE("pca agrees with the eigen-decomposition of the covariance matrix", "[pca]", float, double) {
  using T = TestType;
  const auto x = sample_data<T>();
  const std::size_t n = 200, d = 5, k = 3;
  const auto p = pca(x, k);
  REQUIRE(p.components.rows() == k);
  REQUIRE(p.components.cols() == d);
  REQUIRE(p.projected.rows() == n);
  REQUIRE(p.projected.cols() == k);

  // The covariance route: C = (X - mean)^T (X - mean) / (n - 1), eigh ascending.
  Matrix<T> centered = x;
  for (std::size_t j = 0; j < d; ++j) {
    long double mean = 0;
    for (std::size_t i = 0; i < n; ++i) mean += x(i, j);
    mean /= n;
    CHECK(std::abs(p.mean[j] - mean) <= n * sg::ulp<T>() * (std::abs(mean) + 10));
    for (std::size_t i = 0; i < n; ++i) centered(i, j) = static_cast<T>(x(i, j) - mean);
  }
  Matrix<T> cov = gallery::multiply(gallery::adjoint(centered), centered);
  for (auto& c : cov) c /= T(n - 1);
  const auto [w, V] = eigh(cov);
  const long double cnorm = sg::norm1(cov);
  const long double unit = d * cnorm * sg::ulp<T>();
  long double total = 0;
  for (std::size_t i = 0; i < d; ++i) total += w[i];
  for (std::size_t l = 0; l < k; ++l) {
    const std::size_t e = d - 1 - l;  // descending
    CHECK(residuals::ratio<T>(std::abs(p.explained_variance[l] - w[e]), unit) < 60);
    CHECK(std::abs(p.explained_variance_ratio[l] - w[e] / total) <= 60 * unit / total);
    // Same axis up to sign: 1 - |cos| is bounded by the squared angle, at most
    // (60 unit / gap)^2 by the Davis-Kahan theorem; the gaps here are of order one.
    long double dot = 0;
    for (std::size_t j = 0; j < d; ++j) dot += static_cast<long double>(p.components(l, j)) * V(j, e);
    const long double gap = std::min(l > 0 ? w[e + 1] - w[e] : w[e], w[e] - w[e - 1]);
    const long double angle = 60 * unit / gap;
    CHECK(1 - std::abs(dot) <= angle * angle + 60 * sg::ulp<T>());
  }
  CHECK(sg::orthogonality_ratio(p.components.T()) < 60);
  // projected = (X - mean) components^T.
  const auto expected = gallery::multiply(centered, gallery::adjoint(p.components));
  Matrix<T> diff = p.projected;
  diff -= expected;
  CHECK(residuals::ratio<T>(residuals::norm1(diff), n * residuals::norm1(centered) * sg::ulp<T>()) < 60);
}

TEMPLATE_TEST_CASE("pca with every component explains all the variance", "[pca]", float, double) {
  using T = TestType;
  const auto p = pca(sample_data<T>(), 5);
  long double sum = 0;
  for (const T r : p.explained_variance_ratio) sum += r;
  CHECK(std::abs(sum - 1) <= 5 * 60 * sg::ulp<T>());
  for (std::size_t l = 1; l < 5; ++l) CHECK(p.explained_variance[l - 1] >= p.explained_variance[l]);
}

TEST_CASE("pca signs each axis so that its largest entry is positive", "[pca]") {
  const auto p = pca(sample_data<double>(), 2);
  for (std::size_t l = 0; l < 2; ++l) {
    std::size_t at = 0;
    for (std::size_t j = 1; j < 5; ++j)
      if (std::abs(p.components(l, j)) > std::abs(p.components(l, at))) at = j;
    CHECK(p.components(l, at) > 0);
  }
}

TEST_CASE("pca rejects too few samples, too many components and NaN", "[pca]") {
  CHECK_THROWS_AS(pca(Matrix<double>(1, 3), 1), shape_error);
  CHECK_THROWS_WITH(pca(Matrix<double>(4, 3), 4), Catch::Contains("pca") && Catch::Contains("(4,3)"));
  Matrix<double> x = gallery::random_matrix<double>(5, 2, 1);
  x(3, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(pca(x, 1), non_finite_error);
}
