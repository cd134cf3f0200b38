// svd and svdvals: A = U diag(S) Vh with S descending and U, Vh orthonormal, to LAPACK's
// accuracy (ratios below 50), reduced and full, on random, structured and hard matrices.

#include <catch2/catch.hpp>

#include <linal/core.hpp>
#include <linal/decomp/svd.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "gallery.hpp"
#include "spectral_checks.hpp"
#include "spectral_gallery.hpp"

using namespace linal;
namespace sc = spectral_checks;
namespace sg = spectral_gallery;

namespace {

template <class T>
void check_svd(const Matrix<T>& a) {
  const std::size_t m = a.rows(), n = a.cols(), k = std::min(m, n);
  for (const bool full : {false, true}) {
    INFO("full_matrices = " << full);
    const auto [U, S, Vh] = svd(a, full);
    REQUIRE(S.size() == k);
    REQUIRE(U.rows() == m);
    REQUIRE(U.cols() == (full ? m : k));
    REQUIRE(Vh.rows() == (full ? n : k));
    REQUIRE(Vh.cols() == n);
    for (std::size_t i = 0; i < k; ++i) CHECK(S[i] >= T(0));
    for (std::size_t i = 1; i < k; ++i) CHECK(S[i - 1] >= S[i]);
    sc::check_svd_factors(a, U, S, Vh);
    // svdvals gives the same values without the vectors.
    const Vector<T> s = svdvals(a);
    REQUIRE(s.size() == k);
    CHECK(sc::singular_value_ratio(s, S, a) < sc::svd_threshold);
  }
}

/// U diag(s) V^T with random orthonormal U (m x k) and V (n x k), k = s.size() <= min(m, n).
template <class T>
Matrix<T> with_singular_values(std::size_t m, std::size_t n, const std::vector<double>& s, std::uint64_t seed) {
  auto u = gallery::random_orthonormal<T>(m, s.size(), seed);
  const auto v = gallery::random_orthonormal<T>(n, s.size(), seed + 1);
  for (std::size_t j = 0; j < s.size(); ++j)
    for (std::size_t i = 0; i < m; ++i) u(i, j) *= static_cast<T>(s[j]);
  return gallery::multiply(u, gallery::adjoint(v));
}

}  // namespace

TEMPLATE_TEST_CASE("svd of random matrices meets LAPACK's ratios, reduced and full", "[svd]", float, double) {
  const std::vector<std::pair<std::size_t, std::size_t>> shapes = {
      {0, 0}, {0, 3}, {3, 0}, {1, 1}, {1, 5}, {5, 1}, {2, 2}, {3, 3}, {5, 3}, {3, 5}, {10, 10}, {50, 20}, {20, 50}, {120, 70}, {70, 120},
      {200, 200}};
  for (const auto& [m, n] : shapes) {
    INFO("shape (" << m << "," << n << ")");
    check_svd(gallery::random_matrix<TestType>(m, n, 10 * m + n));
  }
}

TEMPLATE_TEST_CASE("svd finds prescribed singular values of ill-conditioned matrices", "[svd]", float, double) {
  using T = TestType;
  for (const double cond : {1e8, 1 / static_cast<double>(std::numeric_limits<T>::epsilon())}) {
    INFO("cond = " << cond);
    const auto a = gallery::with_condition<T>(30, 20, cond, 5);
    check_svd(a);
    std::vector<long double> reference(20);
    for (std::size_t j = 0; j < 20; ++j) reference[j] = std::pow(static_cast<long double>(cond), -static_cast<long double>(j) / 19);
    CHECK(sc::singular_value_ratio(svdvals(a), reference, a) < sc::svd_threshold);
  }
}

TEMPLATE_TEST_CASE("svd of the all-ones bidiagonal gives 2 cos(k pi/(2n+1))", "[svd]", float, double) {
  using T = TestType;
  for (std::size_t n : {1, 2, 5, 40}) {
    const auto a = sg::ones_bidiagonal<T>(n);
    check_svd(a);
    CHECK(sc::singular_value_ratio(svdvals(a), sg::ones_bidiagonal_singular_values(n), a) < sc::svd_threshold);
  }
}

TEMPLATE_TEST_CASE("svd of hard matrices: Kahan, graded, rank-deficient, Hilbert, zero, identity", "[svd]", float, double) {
  using T = TestType;
  check_svd(gallery::kahan<T>(30));
  check_svd(gallery::graded<T>(20, 15, 12, 3));
  check_svd(gallery::hilbert<T>(12));
  check_svd(zeros<T>(4, 6));
  check_svd(eye<T>(5));
  SECTION("rank deficient: the trailing singular values are at roundoff level") {
    const auto a = gallery::rank_deficient<T>(30, 20, 7, 11);
    check_svd(a);
    const auto s = svdvals(a);
    CHECK(s[6] > T(1e-2) * s[0]);
    const long double scale = 30 * sg::norm1(a) * sg::ulp<T>();
    for (std::size_t i = 7; i < 20; ++i) CHECK(residuals::ratio<T>(s[i], scale) < sc::svd_threshold);
  }
  SECTION("graded diagonal: every singular value to full relative accuracy") {
    // Singular values spanning 200 (float: 30) orders of magnitude, shuffled and signed.
    const int decades = std::is_same_v<T, float> ? 3 : 20;
    const std::size_t order[] = {4, 0, 7, 2, 9, 5, 1, 8, 3, 6};
    Matrix<T> a(10, 10);
    for (std::size_t i = 0; i < 10; ++i)
      a(i, order[i]) = static_cast<T>((i % 2 ? -1 : 1) * std::pow(10.0L, -static_cast<long double>(decades) * i));
    const auto s = svdvals(a);
    for (std::size_t i = 0; i < 10; ++i) {
      const long double exact = std::pow(10.0L, -static_cast<long double>(decades) * i);
      CHECK(std::abs(s[i] - exact) / exact < 4 * sg::ulp<T>());
    }
  }
}

TEMPLATE_TEST_CASE("svd keeps relative accuracy on graded bidiagonals, graded either way", "[svd]", float, double) {
  using T = TestType;
  // B graded downwards, and P B^T P (the same singular values) graded upwards.
  const std::size_t n = 12;
  const long double step = std::is_same_v<T, float> ? 3 : 10;
  Matrix<T> b(n, n), reversed(n, n);
  for (std::size_t i = 0; i < n; ++i) {
    const long double g = std::pow(10.0L, -step * static_cast<long double>(i));
    b(i, i) = static_cast<T>(g * (1 + 0.1L * i));
    if (i + 1 < n) b(i, i + 1) = static_cast<T>(g * 0.7L);
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) reversed(i, j) = b(n - 1 - j, n - 1 - i);
  const auto s = svdvals(b), r = svdvals(reversed);
  for (std::size_t i = 0; i < n; ++i) {
    INFO("singular value " << i << ": " << s[i]);
    CHECK(s[i] > T(0));
    CHECK(std::abs(static_cast<long double>(s[i]) - r[i]) / (s[i] * n * sg::ulp<T>()) < sc::svd_threshold);
  }
}

TEMPLATE_TEST_CASE("svd scales internally near overflow and underflow", "[svd]", float, double) {
  using T = TestType;
  const auto a = gallery::random_matrix<T>(15, 10, 21);
  const auto s_plain = svdvals(a);
  for (const T scale : sc::extreme_scales<T>()) {
    const auto scaled = gallery::scaled(a, scale);
    const auto [U, S, Vh] = svd(scaled);
    sc::check_svd_factors(scaled, U, S, Vh);
    // Scaling by s scales the singular values by s.
    CHECK(sc::singular_value_ratio(S, sc::scaled_values(s_plain, scale), scaled) < sc::svd_threshold);
  }
}

TEST_CASE("svd takes fixed-size matrices and views", "[svd]") {
  const Matrix<double, 2, 2> a{{3, 0}, {0, -4}};
  const auto [U, S, Vh] = svd(a);
  CHECK(S[0] == 4.0);
  CHECK(S[1] == 3.0);
  const auto big = gallery::random_matrix<double>(8, 8, 2);
  const Matrix<double> corner = big.block(1, 2, 5, 3);
  CHECK(array_equal(svdvals(big.block(1, 2, 5, 3)), svdvals(corner)));
  CHECK(array_equal(svdvals(big.T()), svdvals(Matrix<double>(big.T()))));
}

TEST_CASE("svd rejects NaN and infinity and leaves the input unchanged", "[svd]") {
  Matrix<double> a = eye<double>(3);
  a(1, 2) = std::numeric_limits<double>::infinity();
  const Matrix<double> before = a;
  CHECK_THROWS_AS(svd(a), non_finite_error);
  CHECK_THROWS_WITH(svd(a), Catch::Contains("svd"));
  CHECK_THROWS_WITH(svdvals(a), Catch::Contains("svdvals"));
  CHECK(array_equal(a, before));
  a(1, 2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(svd(a, true), non_finite_error);
}

// Above 25 columns (rows, when wide) svd takes the divide and conquer path; svdvals keeps the
// bidiagonal QR iteration, so check_svd also compares the two.
TEMPLATE_TEST_CASE("svd by divide and conquer: random, tall and wide, above the crossover", "[svd]", float, double) {
  const std::vector<std::pair<std::size_t, std::size_t>> shapes = {{26, 26}, {27, 27}, {52, 52}, {101, 77}, {77, 101}, {300, 64}, {64, 300}, {256, 256}};
  for (const auto& [m, n] : shapes) {
    INFO("shape (" << m << "," << n << ")");
    check_svd(gallery::random_matrix<TestType>(m, n, 7 * m + n));
  }
}

TEMPLATE_TEST_CASE("svd by divide and conquer on hard matrices", "[svd]", float, double) {
  using T = TestType;
  SECTION("Kahan, graded, Hilbert, ill-conditioned") {
    check_svd(gallery::kahan<T>(100));
    check_svd(gallery::graded<T>(90, 70, 12, 4));
    check_svd(gallery::hilbert<T>(60));
    check_svd(gallery::with_condition<T>(100, 80, 1 / static_cast<double>(std::numeric_limits<T>::epsilon()), 8));
  }
  SECTION("rank deficient: the trailing singular values are at roundoff level") {
    const auto a = gallery::rank_deficient<T>(120, 80, 30, 12);
    check_svd(a);
    const auto [U, S, Vh] = svd(a);
    const long double scale = 120 * sg::norm1(a) * sg::ulp<T>();
    for (std::size_t i = 30; i < 80; ++i) CHECK(residuals::ratio<T>(S[i], scale) < sc::svd_threshold);
  }
  SECTION("repeated and clustered singular values deflate") {
    std::vector<double> s;
    for (std::size_t i = 0; i < 20; ++i) s.push_back(3);
    for (std::size_t i = 0; i < 30; ++i) s.push_back(1 + 1e-12 * static_cast<double>(i));
    for (std::size_t i = 0; i < 20; ++i) s.push_back(0.5);
    for (std::size_t i = 0; i < 10; ++i) s.push_back(0);
    const auto a = with_singular_values<T>(100, 80, s, 13);
    check_svd(a);
    const auto [U, S, Vh] = svd(a);
    std::vector<long double> reference(s.begin(), s.end());
    std::sort(reference.rbegin(), reference.rend());
    CHECK(sc::singular_value_ratio(S, reference, a) < sc::svd_threshold);
  }
  SECTION("orthogonal columns: every singular value equal") {
    check_svd(gallery::scaled(gallery::random_orthonormal<T>(70, 60, 14), T(2)));
    check_svd(eye<T>(64));
  }
  SECTION("zero matrix and bidiagonals with zero entries") {
    check_svd(zeros<T>(60, 40));
    Matrix<T> b(90, 90);
    for (std::size_t i = 0; i < 90; ++i) {
      b(i, i) = i % 7 == 3 ? T(0) : T(1) + T(0.01) * static_cast<T>(i);
      if (i + 1 < 90) b(i, i + 1) = i % 11 == 5 ? T(0) : T(0.5);
    }
    check_svd(b);
  }
  SECTION("the all-ones bidiagonal: 2 cos(k pi/(2n+1))") {
    const auto a = sg::ones_bidiagonal<T>(100);
    check_svd(a);
    const auto [U, S, Vh] = svd(a);
    CHECK(sc::singular_value_ratio(S, sg::ones_bidiagonal_singular_values(100), a) < sc::svd_threshold);
  }
  SECTION("tall enough for QR first: graded and rank deficient, either way round") {
    for (const auto& a : {gallery::graded<T>(200, 60, 12, 16), gallery::rank_deficient<T>(200, 60, 20, 17)}) {
      check_svd(a);
      check_svd(Matrix<T>(a.T()));
    }
  }
  SECTION("near overflow and underflow, square and tall") {
    for (const std::size_t m : {60, 100}) {
      const auto a = gallery::random_matrix<T>(m, 60, 15);
      for (const T scale : sc::extreme_scales<T>()) {
        const auto scaled = gallery::scaled(a, scale);
        const auto [U, S, Vh] = svd(scaled, true);
        sc::check_svd_factors(scaled, U, S, Vh);
      }
    }
  }
}
