// norm and cond against NumPy's documented outputs, and at the edges of the floating-point range.
#include <catch2/catch.hpp>

#include <linal/linal.hpp>

#include <cmath>
#include <limits>

#include "gallery.hpp"

using linal::inf;
using linal::Matrix;
using linal::Vector;

namespace {
// Relative agreement to a few units of roundoff: the norms here are sums of a handful of
// terms, each rounded once.
bool near(double computed, double expected, double ulps = 8) {
  return std::abs(computed - expected) <= ulps * std::numeric_limits<double>::epsilon() * std::abs(expected);
}
}  // namespace

TEST_CASE("vector norms follow numpy.linalg.norm's ord") {
  // The example of NumPy's documentation: a = np.arange(9) - 4
  const Vector<double> a{-4, -3, -2, -1, 0, 1, 2, 3, 4};
  CHECK(near(linal::norm(a), 7.745966692414834));
  CHECK(linal::norm(a, 1) == 20.0);
  CHECK(linal::norm(a, inf) == 4.0);
  CHECK(linal::norm(a, -inf) == 0.0);
  CHECK(linal::norm(a, 0) == 8.0);  // number of nonzeros
  CHECK(near(linal::norm(a, 3), 5.848035476425731));
  CHECK(linal::norm(a, -3) == 0.0);  // a zero element makes every negative-order norm 0
  CHECK(near(linal::norm(Vector<double>{3, 4}, -1), 12.0 / 7.0));
  CHECK(linal::norm(Vector<double>{}) == 0.0);
  CHECK_THROWS_AS(linal::norm(Vector<double>{}, inf), std::invalid_argument);
  // Rows, columns and fixed sizes are vectors too.
  const Matrix<double> m{{3, 4}, {6, 8}};
  CHECK(linal::norm(m.row(1)) == 10.0);
  CHECK(linal::norm(Vector<double, 2>{3, 4}) == 5.0);
  CHECK(linal::norm(Vector<int>{3, 4}) == 5.0);  // integers give double, as NumPy
}

TEST_CASE("the 2-norm neither overflows nor underflows (scaled as LAPACK's dnrm2)") {
  for (const double scale : {1e200, 1e-200, 1e300, 1e-300, 4.9e-324}) {
    Vector<double> v(100);
    for (auto& x : v) x = scale;
    // sqrt(100 scale^2) = 10 scale, which is representable although scale^2 is not.
    CHECK(near(linal::norm(v), 10 * scale, 4));
    CHECK(near(linal::norm(Matrix<double>(v.T())), 10 * scale, 4));  // Frobenius of a 1 x 100 matrix
  }
  CHECK(near(linal::norm(Vector<double>{3e300, 4e300}), 5e300));
  CHECK(near(linal::norm(Vector<double>{3e-300, 4e-300}), 5e-300));
  CHECK(near(linal::norm(Vector<double>{1e300, 1e300}, 3), std::cbrt(2.0) * 1e300));
  CHECK(std::isinf(linal::norm(Vector<double>{1, inf})));
  CHECK(std::isnan(linal::norm(Vector<double>{1, std::numeric_limits<double>::quiet_NaN(), inf})));
  CHECK(std::isnan(linal::norm(Vector<double>{1, std::numeric_limits<double>::quiet_NaN()}, inf)));
}

TEST_CASE("matrix norms follow numpy.linalg.norm's ord") {
  // NumPy's documentation example: b = np.arange(9).reshape(3, 3) - 4
  const Matrix<double> b{{-4, -3, -2}, {-1, 0, 1}, {2, 3, 4}};
  CHECK(near(linal::norm(b), 7.745966692414834));
  CHECK(near(linal::norm(b, "fro"), 7.745966692414834));
  CHECK(linal::norm(b, inf) == 9.0);
  CHECK(linal::norm(b, -inf) == 2.0);
  CHECK(linal::norm(b, 1) == 7.0);
  CHECK(linal::norm(b, -1) == 6.0);
  CHECK(near(linal::norm(b, 2), 7.3484692283495345, 30));
  CHECK(std::abs(linal::norm(b, -2)) < 1e-15 * 7.35);  // b is singular: 1.8570331885190563e-16 in NumPy
  CHECK(near(linal::norm(b, "nuc"), 9.797958971132712, 30));
  CHECK_THROWS_AS(linal::norm(b, 3), std::invalid_argument);
  CHECK_THROWS_WITH(linal::norm(b, "max"), Catch::Contains("norm: invalid norm order 'max'"));
  CHECK_THROWS_AS(linal::norm(Matrix<double>(0, 3), 1), std::invalid_argument);
  CHECK(linal::norm(Matrix<double>(0, 3)) == 0.0);
  CHECK(linal::norm(Matrix<double>(0, 3), "nuc") == 0.0);
}

TEST_CASE("matrix norms agree with their definitions on random matrices") {
  const auto a = gallery::random_matrix<double>(7, 5, 11);
  double col_max = 0, row_max = 0;
  for (std::size_t j = 0; j < 5; ++j) col_max = std::max(col_max, linal::norm(a.col(j), 1));
  for (std::size_t i = 0; i < 7; ++i) row_max = std::max(row_max, linal::norm(a.row(i), 1));
  CHECK(linal::norm(a, 1) == col_max);
  CHECK(linal::norm(a, inf) == row_max);
  const auto s = linal::svdvals(a);
  CHECK(linal::norm(a, 2) == s[0]);
  CHECK(linal::norm(a, -2) == s[4]);
  // The 2-norm is at most the Frobenius norm, which is at most sqrt(rank) times it.
  CHECK(linal::norm(a, 2) <= linal::norm(a));
  CHECK(linal::norm(a) <= std::sqrt(5.0) * linal::norm(a, 2));
  // Frobenius of a huge matrix does not overflow.
  CHECK(near(linal::norm(gallery::scaled(a, 1e300)), 1e300 * linal::norm(a), 8));
}

TEST_CASE("cond as numpy.linalg.cond") {
  // NumPy's documentation example
  const Matrix<double> a{{1, 0, -1}, {0, 1, 0}, {1, 0, 1}};
  CHECK(near(linal::cond(a), 1.4142135623730951, 30));
  CHECK(near(linal::cond(a, "fro"), 3.1622776601683795, 30));
  CHECK(near(linal::cond(a, inf), 2.0));
  CHECK(near(linal::cond(a, -inf), 1.0));
  CHECK(near(linal::cond(a, 1), 2.0));
  CHECK(near(linal::cond(a, -1), 1.0));
  CHECK(near(linal::cond(a, 2), 1.4142135623730951, 30));
  CHECK(near(linal::cond(a, -2), 0.7071067811865475, 30));
  CHECK(near(linal::cond(a, "nuc"), 9.242640687119286, 30));  // (2 sqrt2 + 1)(sqrt2 + 1)

  SECTION("a prescribed condition number is recovered") {
    const auto m = gallery::with_condition<double>(40, 40, 1e8, 5);
    CHECK(std::abs(linal::cond(m) / 1e8 - 1) < 1e-6);  // relative error of sigma_min: cond * eps
    CHECK(std::abs(linal::cond(gallery::with_condition<double>(30, 20, 1e3, 5)) / 1e3 - 1) < 1e-10);
  }
  SECTION("singular matrices have infinite condition number, as NumPy") {
    const Matrix<double> s{{1, 2}, {2, 4}};
    CHECK(std::isinf(linal::cond(s, 1)));
    CHECK(std::isinf(linal::cond(Matrix<double>(3, 3))));
  }
  SECTION("bad input") {
    CHECK_THROWS_AS(linal::cond(Matrix<double>(2, 3), 1), linal::shape_error);
    CHECK_THROWS_AS(linal::cond(a, 3), std::invalid_argument);
    Matrix<double> with_nan = a;
    with_nan(1, 1) = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH(linal::cond(with_nan), Catch::Contains("cond"));
    CHECK_THROWS_AS(linal::cond(with_nan), linal::non_finite_error);
  }
}
