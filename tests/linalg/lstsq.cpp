// lstsq: NumPy's four results (x, residuals, rank, s), least-squares optimality by LAPACK's
// ratios, the minimum-norm solution for rank-deficient and underdetermined systems.

#include <catch2/catch.hpp>

#include <linal/core.hpp>
#include <linal/linalg/lstsq.hpp>

#include <cmath>
#include <limits>

#include "gallery.hpp"
#include "residuals.hpp"
#include "spectral_gallery.hpp"

using namespace linal;
namespace sg = spectral_gallery;

TEMPLATE_TEST_CASE("lstsq solves a full-rank overdetermined system", "[lstsq]", float, double) {
  using T = TestType;
  const auto a = gallery::random_matrix<T>(30, 8, 1);
  const Vector<T> b = gallery::random_matrix<T>(30, 1, 2);
  const auto [x, residuals, rank, s] = lstsq(a, b);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(x)>, Vector<T>>, "a vector b gives a vector x");
  REQUIRE(x.size() == 8);
  CHECK(rank == 8);
  CHECK(array_equal(s, svdvals(a)));
  CHECK(residuals::least_squares_ratio(a, x, b) < 30);
  // residuals holds ||b - A x||^2, as NumPy.
  REQUIRE(residuals.size() == 1);
  long double r2 = 0;
  for (std::size_t i = 0; i < 30; ++i) {
    long double ri = b[i];
    for (std::size_t j = 0; j < 8; ++j) ri -= static_cast<long double>(a(i, j)) * x[j];
    r2 += ri * ri;
  }
  CHECK(std::abs(residuals[0] - r2) <= 30 * 30 * sg::ulp<T>() * r2);
}

TEMPLATE_TEST_CASE("lstsq takes several right-hand sides as columns", "[lstsq]", float, double) {
  using T = TestType;
  const auto a = gallery::random_matrix<T>(20, 5, 3);
  const auto b = gallery::random_matrix<T>(20, 3, 4);
  const auto [x, residuals, rank, s] = lstsq(a, b);
  REQUIRE(x.rows() == 5);
  REQUIRE(x.cols() == 3);
  CHECK(residuals.size() == 3);
  CHECK(residuals::least_squares_ratio(a, x, b) < 30);
  for (std::size_t j = 0; j < 3; ++j) {
    const Vector<T> bj = b.col(j);
    const auto single = lstsq(a, bj);
    for (std::size_t i = 0; i < 5; ++i) CHECK(single.x[i] == x(i, j));
  }
}

TEMPLATE_TEST_CASE("lstsq gives the minimum-norm solution when A is rank deficient", "[lstsq]", float, double) {
  using T = TestType;
  const auto a = gallery::rank_deficient<T>(12, 9, 4, 5);
  const Vector<T> b = gallery::random_matrix<T>(12, 1, 6);
  const auto [x, residuals, rank, s] = lstsq(a, b);
  CHECK(rank == 4);
  CHECK(residuals.size() == 0);  // NumPy: empty unless full rank
  CHECK(residuals::least_squares_ratio(a, x, b) < 30);
  // Minimum norm: x lies in the row space of A, orthogonal to its null space.
  const auto [U, S, Vh] = svd(a);
  long double xnorm = 0;
  for (std::size_t i = 0; i < 9; ++i) xnorm += static_cast<long double>(x[i]) * x[i];
  for (std::size_t l = 4; l < 9; ++l) {
    long double along = 0;
    for (std::size_t i = 0; i < 9; ++i) along += static_cast<long double>(Vh(l, i)) * x[i];
    CHECK(std::abs(along) < 9 * std::sqrt(xnorm) * sg::ulp<T>() * 30 * (S[0] / S[3]));
  }
}

TEMPLATE_TEST_CASE("lstsq solves an underdetermined system exactly, with the minimum norm", "[lstsq]", float, double) {
  using T = TestType;
  const auto a = gallery::random_matrix<T>(4, 7, 7);
  const Vector<T> b = gallery::random_matrix<T>(4, 1, 8);
  const auto [x, residuals, rank, s] = lstsq(a, b);
  CHECK(rank == 4);
  CHECK(residuals.size() == 0);  // m <= n
  CHECK(residuals::solve_ratio(a, x, b) < 30);
}

TEST_CASE("lstsq: rcond decides which singular values count", "[lstsq]") {
  const Matrix<double> a{{1, 0}, {0, 1e-10}, {0, 0}};
  const Vector<double> b{1, 1, 1};
  CHECK(lstsq(a, b).rank == 2);
  const auto [x, residuals, rank, s] = lstsq(a, b, 1e-8);
  CHECK(rank == 1);
  CHECK(x[0] == 1.0);
  CHECK(x[1] == 0.0);
}

TEST_CASE("lstsq handles empty problems", "[lstsq]") {
  const auto [x, residuals, rank, s] = lstsq(Matrix<double>(3, 0), Vector<double>{1, 2, 3});
  CHECK(x.size() == 0);
  CHECK(rank == 0);
  CHECK(s.size() == 0);
}

TEST_CASE("lstsq rejects bad input and leaves it unchanged", "[lstsq]") {
  const Matrix<double> a = eye<double>(3);
  CHECK_THROWS_AS(lstsq(a, Vector<double>{1, 2}), shape_error);
  CHECK_THROWS_WITH(lstsq(a, Vector<double>{1, 2}), Catch::Contains("lstsq") && Catch::Contains("(3,3)") && Catch::Contains("(2,)"));
  Vector<double> b{1, std::numeric_limits<double>::quiet_NaN(), 3};
  CHECK_THROWS_AS(lstsq(a, b), non_finite_error);
  Matrix<double> bad = a;
  bad(0, 1) = std::numeric_limits<double>::infinity();
  const Matrix<double> before = bad;
  CHECK_THROWS_WITH(lstsq(bad, Vector<double>{1, 2, 3}), Catch::Contains("lstsq"));
  CHECK(array_equal(bad, before));
}
