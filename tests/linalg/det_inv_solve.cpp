// det, inv and solve for dynamic matrices: NumPy's documented values, LAPACK's residual ratios
// over sizes and hard matrices, and every kind of bad input.
#include <catch2/catch.hpp>

#include <linal/linal.hpp>

#include <cmath>
#include <limits>

#include "gallery.hpp"
#include "inverse_ratio.hpp"
#include "residuals.hpp"

using linal::Matrix;
using linal::Vector;

namespace {
const double not_a_number = std::numeric_limits<double>::quiet_NaN();
const std::size_t sizes[] = {0, 1, 2, 3, 5, 10, 50, 200};

// Relative agreement to a few units of roundoff.
bool near(double computed, double expected, double ulps = 8) {
  return std::abs(computed - expected) <= ulps * std::numeric_limits<double>::epsilon() * std::abs(expected);
}
}  // namespace

TEST_CASE("det as numpy.linalg.det") {
  CHECK(near(linal::det(Matrix<double>{{1, 2}, {3, 4}}), -2.0));  // NumPy's documentation example
  CHECK(near(linal::det(Matrix<double>{{2, 0, 0}, {0, 3, 0}, {0, 0, 4}}), 24.0));
  CHECK(near(linal::det(Matrix<double>{{0, 1}, {1, 0}}), -1.0));  // one row interchange
  CHECK(linal::det(Matrix<double>{{1, 2}, {2, 4}}) == 0.0);  // singular: 0, no exception
  CHECK(linal::det(Matrix<double>(0, 0)) == 1.0);  // the empty product, as NumPy
  CHECK(near(linal::det(Matrix<int>{{1, 2}, {3, 4}}), -2.0));  // integers give double
  const auto a = gallery::random_matrix<double>(50, 50, 1);
  CHECK(near(linal::det(a), linal::det(a.T()), 1e4));
  // det(2A) = 2^n det(A), exactly in binary floating point.
  CHECK(linal::det(2.0 * a) == std::pow(2.0, 50) * linal::det(a));
}

TEST_CASE("inv as numpy.linalg.inv") {
  // NumPy's documentation example: inv([[1., 2.], [3., 4.]]) = [[-2., 1.], [1.5, -0.5]]
  const Matrix<double> a{{1, 2}, {3, 4}};
  CHECK(linal::allclose(linal::inv(a), Matrix<double>{{-2, 1}, {1.5, -0.5}}, 4e-16, 0));
  CHECK(linal::inv(Matrix<double>(0, 0)).rows() == 0);  // 0 x 0 gives 0 x 0, as NumPy
  CHECK(linal::array_equal(linal::inv(linal::eye(4)), linal::eye(4)));
}

TEST_CASE("inv: residual ratio below 30 over sizes and hard matrices") {
  for (std::size_t n : sizes) {
    const auto a = gallery::random_matrix<double>(n, n, n);
    CHECK(inverse_ratio(a, linal::inv(a)) < 30);
  }
  const Matrix<double> hard[] = {
      gallery::with_condition<double>(50, 50, 1e8, 2), gallery::graded<double>(30, 30, 12, 3),
      gallery::hilbert<double>(10),                     gallery::kahan<double>(40),
      gallery::scaled(gallery::random_matrix<double>(20, 20, 4), gallery::tiny_scale<double>()),
      gallery::scaled(gallery::random_matrix<double>(20, 20, 4), gallery::huge_scale<double>()),
  };
  for (const auto& a : hard) CHECK(inverse_ratio(a, linal::inv(a)) < 30);
  const auto f = gallery::random_matrix<float>(30, 30, 9);
  CHECK(inverse_ratio(f, linal::inv(f)) < 30);
}

TEST_CASE("solve: NumPy's example and residual ratio below 30 over sizes and hard matrices") {
  // NumPy's documentation example: 3 x0 + x1 = 9, x0 + 2 x1 = 8 gives [2., 3.]
  const Vector<double> x = linal::solve(Matrix<double>{{3, 1}, {1, 2}}, Vector<double>{9, 8});
  CHECK(linal::allclose(x, Vector<double>{2, 3}, 4e-16, 0));
  for (std::size_t n : sizes) {
    const auto a = gallery::random_matrix<double>(n, n, n + 100);
    const Vector<double> b = Vector<double>(gallery::random_matrix<double>(n, 1, n + 200).col(0));
    const auto xb = linal::solve(a, b);
    static_assert(std::is_same_v<decltype(xb), const Vector<double>>);  // a vector for a vector
    CHECK(residuals::solve_ratio(a, xb, b) < 30);
    const auto bs = gallery::random_matrix<double>(n, 4, n + 300);
    CHECK(residuals::solve_ratio(a, linal::solve(a, bs), bs) < 30);
  }
  const Matrix<double> hard[] = {
      gallery::with_condition<double>(50, 50, 1e8, 2), gallery::with_condition<double>(30, 30, 1 / 1.1e-16, 8),
      gallery::graded<double>(30, 30, 12, 3),           gallery::hilbert<double>(12),
      gallery::kahan<double>(40),
      gallery::scaled(gallery::random_matrix<double>(20, 20, 4), gallery::tiny_scale<double>()),
      gallery::scaled(gallery::random_matrix<double>(20, 20, 4), gallery::huge_scale<double>()),
  };
  for (const auto& a : hard) {
    const auto b = gallery::random_matrix<double>(a.rows(), 2, 6);
    CHECK(residuals::solve_ratio(a, linal::solve(a, b), b) < 30);
  }
}

TEST_CASE("near singularity is detected with lu_factor(A).rcond() or cond(A), as inv documents") {
  // [[1,2,3],[4,5,6],[7,8,9]] is singular, but rounding leaves a pivot of about 1e-16, so
  // NumPy's inv returns entries near 1e16. inv does too; rcond tells.
  const Matrix<double> a{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  const auto f = linal::lu_factor(a);
  CHECK_FALSE(f.is_singular());
  CHECK(f.rcond() < std::numeric_limits<double>::epsilon());
  CHECK(linal::norm(linal::inv(a), linal::inf) > 1e15);
  CHECK(linal::cond(a) > 1 / std::numeric_limits<double>::epsilon());
  const auto good = linal::lu_factor(gallery::with_condition<double>(20, 20, 1e3, 1));
  CHECK(good.rcond() > 1e-4);
}

TEST_CASE("bad input: shapes") {
  const Matrix<double> rect(2, 3);
  CHECK_THROWS_WITH(linal::det(rect), "det: expected a square matrix, got shape (2,3)");
  CHECK_THROWS_AS(linal::det(rect), linal::shape_error);
  CHECK_THROWS_WITH(linal::inv(rect), "inv: expected a square matrix, got shape (2,3)");
  CHECK_THROWS_AS(linal::solve(rect, Vector<double>{1, 2}), linal::shape_error);
  CHECK_THROWS_WITH(linal::solve(linal::eye(3), Vector<double>{1, 2, 3, 4}),
                    "solve: a (3,3) and b (4,) are not aligned: 3 (dim 1) != 4 (dim 0)");
  CHECK_THROWS_WITH(linal::solve(linal::eye(3), Matrix<double>(2, 2)),
                    "solve: a (3,3) and b (2,2) are not aligned: 3 (dim 1) != 2 (dim 0)");
}

TEST_CASE("bad input: singular matrices throw singular_matrix_error naming the pivot") {
  const Matrix<double> s{{1, 2, 3}, {2, 4, 6}, {1, 0, 1}};
  const Matrix<double> before = s;
  try {
    linal::inv(s);
    FAIL("no exception");
  } catch (const linal::singular_matrix_error& e) {
    CHECK(e.pivot() == 2);
    CHECK_THAT(e.what(), Catch::StartsWith("inv: singular matrix") && Catch::Contains("pivot 2"));
  }
  const Vector<double> b{1, 2, 3};
  try {
    linal::solve(s, b);
    FAIL("no exception");
  } catch (const linal::singular_matrix_error& e) {
    CHECK(e.pivot() == 2);
    CHECK_THAT(e.what(), Catch::StartsWith("solve: singular matrix"));
  }
  CHECK_THROWS_AS(linal::inv(Matrix<double>(4, 4)), linal::singular_matrix_error);
  CHECK(linal::array_equal(s, before));  // inputs unchanged after a throw
  CHECK(linal::array_equal(b, Vector<double>{1, 2, 3}));
}

TEST_CASE("bad input: NaN and infinity are reported, inputs unchanged") {
  Matrix<double> a = gallery::random_matrix<double>(5, 5, 1);
  a(2, 3) = not_a_number;
  const Matrix<double> before = a;
  CHECK_THROWS_AS(linal::det(a), linal::non_finite_error);
  CHECK_THROWS_AS(linal::inv(a), linal::non_finite_error);
  CHECK_THROWS_WITH(linal::inv(a), Catch::StartsWith("inv:"));
  CHECK_THROWS_WITH(linal::solve(a, linal::ones(5)), "solve: a must not contain infs or NaNs (found at (2,3))");
  Vector<double> b = linal::ones(5);
  b[4] = linal::inf;
  CHECK_THROWS_WITH(linal::solve(linal::eye(5), b), "solve: b must not contain infs or NaNs (found at (4,0))");
  CHECK(linal::array_equal(a.block(0, 0, 2, 5), before.block(0, 0, 2, 5)));
  CHECK(std::isnan(a(2, 3)));
}
