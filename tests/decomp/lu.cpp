// LU with partial pivoting: A = P L U to LAPACK's residual threshold on easy and hard matrices,
// square and rectangular; solves, det, inverse and the condition estimate through lu_factor;
// and the errors a user meets.

#include <linal/decomp/lu.hpp>

#include <catch2/catch.hpp>
#include <cmath>
#include <complex>
#include <limits>
#include <utility>
#include <vector>

#include "gallery.hpp"
#include "residuals.hpp"

using linal::Matrix;
using linal::Vector;

namespace {

constexpr long double threshold = 30;  // LAPACK's acceptance bound for normalized residuals

const std::vector<std::pair<std::size_t, std::size_t>> shapes = {
    {0, 0}, {1, 1}, {2, 2}, {3, 3}, {5, 5}, {10, 10}, {50, 50}, {200, 200},
    {7, 3}, {50, 20}, {200, 60}, {3, 7}, {20, 50}, {60, 200}, {1, 5}, {5, 1},
    // Past the panel width: the recursion splits the columns, square, tall and wide.
    {300, 300}, {257, 257}, {520, 130}, {130, 520}};

// Checks A = P L U with P a permutation, L unit lower and U upper; returns the residual ratio.
template <class T>
long double check_plu(const Matrix<T>& a) {
  auto [P, L, U] = linal::lu(a);
  const std::size_t m = a.rows(), n = a.cols(), k = std::min(m, n);
  REQUIRE(P.rows() == m);
  REQUIRE(P.cols() == m);
  REQUIRE(L.rows() == m);
  REQUIRE(L.cols() == k);
  REQUIRE(U.rows() == k);
  REQUIRE(U.cols() == n);
  for (std::size_t i = 0; i < m; ++i) {
    T row_sum(0);
    for (std::size_t j = 0; j < m; ++j) row_sum += P(i, j);
    CHECK(row_sum == T(1));
    for (std::size_t j = i; j < k; ++j) CHECK(L(i, j) == (i == j ? T(1) : T(0)));
    for (std::size_t j = 0; j < std::min(i, n); ++j)
      if (i < k) CHECK(U(i, j) == T(0));
  }
  // Partial pivoting keeps every multiplier at most 1 in magnitude.
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < std::min(i, k); ++j) CHECK(std::abs(L(i, j)) <= linal::real_t<T>(1));
  return residuals::factorization_ratio(a, P, L, U, std::max(m, n));
}

// The pivots of textbook partial pivoting, one column at a time: at step j the row of largest
// magnitude in column j, the first one on ties.
std::vector<std::size_t> reference_pivots(Matrix<double> a) {
  const std::size_t m = a.rows(), n = a.cols(), k = std::min(m, n);
  std::vector<std::size_t> piv(k);
  for (std::size_t j = 0; j < k; ++j) {
    std::size_t p = j;
    for (std::size_t i = j + 1; i < m; ++i)
      if (std::abs(a(i, j)) > std::abs(a(p, j))) p = i;
    piv[j] = p;
    if (a(p, j) == 0.0) continue;
    for (std::size_t c = 0; c < n; ++c) std::swap(a(j, c), a(p, c));
    const double r = 1 / a(j, j);
    for (std::size_t i = j + 1; i < m; ++i) {
      a(i, j) *= r;
      for (std::size_t c = j + 1; c < n; ++c) a(i, c) -= a(i, j) * a(j, c);
    }
  }
  return piv;
}

}  // namespace

TEMPLATE_TEST_CASE("lu: A = P L U within LAPACK's bound, square, tall and wide", "[decomp][lu]", float, double) {
  for (auto [m, n] : shapes) {
    CAPTURE(m, n);
    const auto a = gallery::random_matrix<TestType>(m, n, 100 + m * 7 + n);
    CHECK(check_plu(a) < threshold);
  }
}

TEMPLATE_TEST_CASE("lu: complex matrices", "[decomp][lu]", std::complex<float>, std::complex<double>) {
  for (auto [m, n] : std::vector<std::pair<std::size_t, std::size_t>>{{3, 3}, {10, 10}, {50, 50}, {30, 12}, {12, 30}}) {
    CAPTURE(m, n);
    CHECK(check_plu(gallery::random_matrix<TestType>(m, n, 5 + m)) < threshold);
  }
}

TEST_CASE("lu: the pivots of textbook partial pivoting", "[decomp][lu]") {
  for (auto [m, n] : std::vector<std::pair<std::size_t, std::size_t>>{{10, 10}, {150, 150}, {300, 200}, {200, 300}}) {
    CAPTURE(m, n);
    const auto a = gallery::random_matrix<double>(m, n, 40 + m + n);
    const auto f = linal::lu_factor(a);
    const auto expected = reference_pivots(a);
    REQUIRE(f.pivots().size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CAPTURE(i);
      CHECK(f.pivots()[i] == expected[i]);
    }
  }
}

TEMPLATE_TEST_CASE("lu: complex matrices past the panel width", "[decomp][lu]", std::complex<float>, std::complex<double>) {
  for (auto [m, n] : std::vector<std::pair<std::size_t, std::size_t>>{{150, 150}, {160, 90}, {90, 160}}) {
    CAPTURE(m, n);
    CHECK(check_plu(gallery::random_matrix<TestType>(m, n, 9 + m)) < threshold);
  }
}

TEMPLATE_TEST_CASE("lu: hard matrices from the gallery", "[decomp][lu]", float, double) {
  using T = TestType;
  const double inv_eps = 1 / std::numeric_limits<T>::epsilon();
  const std::size_t n = 60;
  struct named {
    const char* name;
    Matrix<T> a;
  };
  const std::vector<named> cases = {
      {"cond 1e8", gallery::with_condition<T>(n, n, 1e8, 1)},
      {"cond 1/eps", gallery::with_condition<T>(n, n, inv_eps, 2)},
      {"rank 10", gallery::rank_deficient<T>(n, n, 10, 3)},
      {"rank-deficient tall", gallery::rank_deficient<T>(80, 40, 7, 4)},
      {"graded", gallery::graded<T>(n, n, 12, 5)},
      {"hilbert", gallery::hilbert<T>(n)},
      {"kahan", gallery::kahan<T>(n)},
      {"zero", Matrix<T>(n, n)},
      {"identity", linal::eye<T>(n)},
      {"diagonal", linal::diag(gallery::random_matrix<T>(n, 1, 6).col(0))},
      {"tiny", gallery::scaled(gallery::random_matrix<T>(n, n, 7), gallery::tiny_scale<T>())},
      {"huge", gallery::scaled(gallery::random_matrix<T>(n, n, 8), gallery::huge_scale<T>())},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(check_plu(c.a) < threshold);
  }
}

TEMPLATE_TEST_CASE("lu_factor: solve for vectors and matrices", "[decomp][lu]", float, double, std::complex<double>) {
  using T = TestType;
  for (std::size_t n : {1, 2, 3, 5, 10, 50, 200}) {
    CAPTURE(n);
    const auto a = gallery::with_condition<T>(n, n, 1e3, 10 + n);
    const auto f = linal::lu_factor(a);
    const auto b = gallery::random_matrix<T>(n, 4, 20 + n);
    const Matrix<T> x = f.solve(b);
    REQUIRE(x.rows() == n);
    REQUIRE(x.cols() == 4);
    CHECK(residuals::solve_ratio(a, x, b) < threshold);
    Vector<T> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = b(i, 0);
    const Vector<T> y = f.solve(v);
    CHECK(residuals::solve_ratio(a, y, v) < threshold);
  }
}

TEST_CASE("lu_factor: solve stays backward stable for an ill-conditioned matrix", "[decomp][lu]") {
  const auto a = gallery::with_condition<double>(100, 100, 1e12, 3);
  const auto b = gallery::random_matrix<double>(100, 2, 4);
  CHECK(residuals::solve_ratio(a, linal::lu_factor(a).solve(b), b) < threshold);
}

TEST_CASE("lu_factor: det, inverse, pivots", "[decomp][lu]") {
  const Matrix<double> a{{0, 2, 1}, {1, 1, 0}, {3, 0, 1}};
  const auto f = linal::lu_factor(a);
  // det by cofactors: 0*(1) - 2*(1 - 0) + 1*(0 - 3) = -5.
  CHECK(f.det() == Approx(-5.0).epsilon(4 * std::numeric_limits<double>::epsilon()));
  // The first pivot is the largest element of column 0, in row 2.
  CHECK(f.pivots()[0] == 2);
  const auto inv = f.inverse();
  CHECK(residuals::solve_ratio(a, inv, linal::eye<double>(3)) < threshold);
  for (std::size_t n : {1, 10, 120}) {
    const auto b = gallery::with_condition<double>(n, n, 1e4, n);
    CHECK(residuals::solve_ratio(b, linal::lu_factor(b).inverse(), linal::eye<double>(n)) < threshold);
  }
  CHECK(linal::lu_factor(linal::eye<double>(0)).det() == 1.0);
}

TEST_CASE("lu_factor: rcond bounds the true reciprocal condition number", "[decomp][lu]") {
  for (double cond : {1.0, 1e3, 1e8}) {
    for (std::size_t n : {1, 5, 40, 150}) {
      CAPTURE(cond, n);
      const auto a = gallery::with_condition<double>(n, n, cond, 31 + n);
      const auto f = linal::lu_factor(a);
      const double exact = 1.0 / (static_cast<double>(residuals::norm1(a)) * static_cast<double>(residuals::norm1(f.inverse())));
      const double estimate = f.rcond();
      // ||A^-1|| is estimated from below: never below the truth (up to rounding), rarely 3x above.
      CHECK(estimate >= exact * (1 - 1e-6));
      CHECK(estimate <= 10 * exact);
    }
  }
  CHECK(linal::lu_factor(Matrix<double>{{1, 2}, {2, 4}}).rcond() == 0.0);
}

TEST_CASE("lu_factor: a singular matrix factors, has det 0, and refuses to solve", "[decomp][lu]") {
  const Matrix<double> a{{1, 2, 3}, {2, 4, 6}, {1, 0, 1}};
  const Matrix<double> original = a;
  const auto f = linal::lu_factor(a);
  CHECK(f.is_singular());
  CHECK(f.det() == 0.0);
  auto [P, L, U] = linal::lu(a);
  CHECK(residuals::factorization_ratio(a, P, L, U, 3) < threshold);
  const Vector<double> b{1, 2, 3};
  try {
    (void)f.solve(b);
    FAIL("solve of a singular matrix must throw");
  } catch (const linal::singular_matrix_error& e) {
    CHECK(e.pivot() == f.zero_pivot());
    CHECK(e.pivot() == 2);
    CHECK_THAT(e.what(), Catch::Contains("lu_factor.solve") && Catch::Contains("pivot 2"));
  }
  CHECK_THROWS_AS(f.inverse(), linal::singular_matrix_error);
  CHECK(linal::array_equal(a, original));
  // A zero matrix: every pivot is zero, the first one is reported.
  CHECK(linal::lu_factor(Matrix<double>(4, 4)).zero_pivot() == 0);
}

TEST_CASE("lu_factor: the first zero pivot far into a large matrix", "[decomp][lu]") {
  // A zero column stays exactly zero through the elimination: its pivot is exactly zero.
  for (auto [m, n] : std::vector<std::pair<std::size_t, std::size_t>>{{200, 200}, {300, 150}, {150, 300}}) {
    CAPTURE(m, n);
    auto a = gallery::random_matrix<double>(m, n, 60 + m);
    for (std::size_t i = 0; i < m; ++i) a(i, 130) = a(i, 140) = 0.0;
    const auto f = linal::lu_factor(a);
    CHECK(f.is_singular());
    CHECK(f.zero_pivot() == 130);
    auto [P, L, U] = linal::lu(a);
    CHECK(residuals::factorization_ratio(a, P, L, U, std::max(m, n)) < threshold);
    if (m == n) {
      CHECK(f.det() == 0.0);
      CHECK_THROWS_AS(f.solve(gallery::random_matrix<double>(n, 1, 2)), linal::singular_matrix_error);
    }
  }
}

TEST_CASE("lu: bad input", "[decomp][lu]") {
  Matrix<double> a{{1, 2}, {3, 4}};
  a(1, 0) = std::numeric_limits<double>::quiet_NaN();
  try {
    (void)linal::lu(a);
    FAIL("NaN must be refused");
  } catch (const linal::non_finite_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("lu") && Catch::Contains("(1,0)"));
  }
  CHECK(std::isnan(a(1, 0)));
  CHECK(a(0, 1) == 2.0);
  a(1, 0) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(linal::lu_factor(a), linal::non_finite_error);

  const Matrix<double> good{{4, 1}, {1, 3}};
  const auto f = linal::lu_factor(good);
  const Vector<double> wrong{1, 2, 3};
  try {
    (void)f.solve(wrong);
    FAIL("a right-hand side with 3 rows must be refused for a 2 x 2 matrix");
  } catch (const linal::shape_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("lu_factor.solve") && Catch::Contains("(3,)") && Catch::Contains("(2,2)"));
  }
  CHECK(wrong(2) == 3.0);

  const auto wide = linal::lu_factor(Matrix<double>{{1, 2, 3}, {4, 5, 6}});
  CHECK_THROWS_AS(wide.solve(Vector<double>{1, 2}), linal::shape_error);
  CHECK_THROWS_AS(wide.det(), linal::shape_error);
}
