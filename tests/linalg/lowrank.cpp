// truncated_svd and low_rank_approx: Eckart-Young, ||A - A_k||_2 = s[k] and
// ||A - A_k||_F = sqrt(s[k]^2 + ... ), checked in LAPACK's units.

#include <catch2/catch.hpp>

#include <linal/core.hpp>
#include <linal/linalg/lowrank.hpp>

#include <cmath>

#include "gallery.hpp"
#include "residuals.hpp"
#include "spectral_gallery.hpp"

using namespace linal;
namespace sg = spectral_gallery;

TEMPLATE_TEST_CASE("low_rank_approx is the best rank-k approximation (Eckart-Young)", "[lowrank]", float, double) {
  using T = TestType;
  for (const auto& [m, n] : {std::pair<std::size_t, std::size_t>{20, 12}, {9, 15}}) {
    const auto a = gallery::random_matrix<T>(m, n, m * n);
    const auto s = svdvals(a);
    const std::size_t p = std::min(m, n);
    const long double scale = static_cast<long double>(std::max(m, n)) * s[0] * sg::ulp<T>();
    for (std::size_t k : {std::size_t{0}, std::size_t{1}, std::size_t{3}, p - 1, p}) {
      INFO("shape (" << m << "," << n << ") k = " << k);
      auto rest = a;
      rest -= low_rank_approx(a, k);
      const auto rest_s = svdvals(rest);
      const long double two_norm = rest_s[0];
      long double frobenius2 = 0, tail2 = 0;
      for (const T x : rest) frobenius2 += static_cast<long double>(x) * x;
      for (std::size_t i = k; i < p; ++i) tail2 += static_cast<long double>(s[i]) * s[i];
      CHECK(residuals::ratio<T>(std::abs(two_norm - (k < p ? s[k] : T(0))), scale) < 50);
      CHECK(residuals::ratio<T>(std::abs(std::sqrt(frobenius2) - std::sqrt(tail2)), scale) < 50);
      // The remainder has rank p - k: its singular values are the discarded ones.
      for (std::size_t i = 0; i + k < p; ++i) CHECK(residuals::ratio<T>(std::abs(rest_s[i] - s[i + k]), scale) < 50);
    }
  }
}

TEMPLATE_TEST_CASE("truncated_svd keeps the k leading singular triplets", "[lowrank]", float, double) {
  using T = TestType;
  const auto a = gallery::random_matrix<T>(15, 10, 3);
  const auto [U, S, Vh] = truncated_svd(a, 4);
  REQUIRE(U.rows() == 15);
  REQUIRE(U.cols() == 4);
  REQUIRE(S.size() == 4);
  REQUIRE(Vh.rows() == 4);
  REQUIRE(Vh.cols() == 10);
  const auto full = svd(a);
  for (std::size_t i = 0; i < 4; ++i) CHECK(S[i] == full.S[i]);
  CHECK(sg::orthogonality_ratio(U) < 50);
  CHECK(sg::orthogonality_ratio(Vh.T()) < 50);
  // U_k diag(S_k) Vh_k is low_rank_approx(a, 4).
  const auto approx = low_rank_approx(a, 4);
  CHECK(sg::svd_ratio(approx, U, S, Vh) < 50);
}

TEST_CASE("truncated_svd and low_rank_approx reject k > min(m, n)", "[lowrank]") {
  const auto a = gallery::random_matrix<double>(3, 5, 1);
  CHECK_THROWS_AS(truncated_svd(a, 4), shape_error);
  CHECK_THROWS_WITH(low_rank_approx(a, 4), Catch::Contains("low_rank_approx") && Catch::Contains("(3,5)"));
}
