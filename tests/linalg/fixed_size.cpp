// Fixed sizes: det, inv and solve give fixed-size results from closed forms (up to 4 x 4) or an
// inline elimination, agree with the dynamic versions, and keep their guarantees at the edges.
#include <catch2/catch.hpp>

#include <linal/linal.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <type_traits>

#include "gallery.hpp"
#include "inverse_ratio.hpp"
#include "residuals.hpp"

using linal::Matrix;
using linal::Vector;

namespace {
template <std::size_t N>
Matrix<double, N, N> fixed_from(const Matrix<double>& a) {
  Matrix<double, N, N> f;
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) f(i, j) = a(i, j);
  return f;
}

bool near(double computed, double expected, double ulps) {
  return std::abs(computed - expected) <= ulps * std::numeric_limits<double>::epsilon() * std::abs(expected);
}

template <std::size_t N>
void check_fixed_against_dynamic(const Matrix<double>& dynamic) {
  const auto a = fixed_from<N>(dynamic);
  const auto ainv = linal::inv(a);
  static_assert(std::is_same_v<decltype(ainv), const Matrix<double, N, N>>);
  CHECK(inverse_ratio(a, ainv) < 30);
  const Vector<double, N> b = linal::Vector<double, N>(a.col(0)) + 1.0;
  const auto x = linal::solve(a, b);
  static_assert(std::is_same_v<decltype(x), const Vector<double, N>>);
  CHECK(residuals::solve_ratio(a, x, b) < 30);
  const Matrix<double, N, 2> bs = Matrix<double, N, 2>(gallery::random_matrix<double>(N, 2, 3));
  CHECK(residuals::solve_ratio(a, linal::solve(a, bs), bs) < 30);
}
}  // namespace

TEST_CASE("fixed det and inv: NumPy's examples") {
  CHECK(linal::det(Matrix<double, 2, 2>{{1, 2}, {3, 4}}) == -2.0);
  Matrix<double, 1, 1> one;
  one(0, 0) = -3;
  CHECK(linal::det(one) == -3.0);
  CHECK(linal::inv(one)(0, 0) == -1.0 / 3.0);
  CHECK(linal::det(Matrix<double, 3, 3>{{2, 0, 0}, {0, 3, 0}, {0, 0, 4}}) == 24.0);
  CHECK(linal::det(Matrix<int, 2, 2>{{1, 2}, {3, 4}}) == -2.0);
  CHECK(linal::allclose(linal::inv(Matrix<double, 2, 2>{{1, 2}, {3, 4}}), Matrix<double>{{-2, 1}, {1.5, -0.5}}, 4e-16, 0));
  const Matrix<double, 4, 4> p{{0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}, {1, 0, 0, 0}};
  CHECK(linal::det(p) == -1.0);  // a cyclic permutation of 4: odd
  CHECK(linal::array_equal(linal::inv(p), p.T()));
}

TEST_CASE("fixed 1x1 to 6x6 agree with the dynamic versions, residual ratios below 30") {
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    // The closed forms round differently from LU; on random matrices both are accurate.
    CHECK(near(linal::det(fixed_from<3>(gallery::random_matrix<double>(3, 3, seed))),
               linal::det(gallery::random_matrix<double>(3, 3, seed)), 64));
    CHECK(near(linal::det(fixed_from<4>(gallery::random_matrix<double>(4, 4, seed))),
               linal::det(gallery::random_matrix<double>(4, 4, seed)), 64));
    CHECK(near(linal::det(fixed_from<6>(gallery::random_matrix<double>(6, 6, seed))),
               linal::det(gallery::random_matrix<double>(6, 6, seed)), 64));
    check_fixed_against_dynamic<1>(gallery::random_matrix<double>(1, 1, seed));
    check_fixed_against_dynamic<2>(gallery::random_matrix<double>(2, 2, seed));
    check_fixed_against_dynamic<3>(gallery::random_matrix<double>(3, 3, seed));
    check_fixed_against_dynamic<4>(gallery::random_matrix<double>(4, 4, seed));
    check_fixed_against_dynamic<5>(gallery::random_matrix<double>(5, 5, seed));
    check_fixed_against_dynamic<6>(gallery::random_matrix<double>(6, 6, seed));
  }
}

TEST_CASE("fixed inv and solve on hard matrices") {
  check_fixed_against_dynamic<3>(gallery::with_condition<double>(3, 3, 1e8, 1));
  check_fixed_against_dynamic<4>(gallery::with_condition<double>(4, 4, 1e12, 2));
  check_fixed_against_dynamic<4>(gallery::hilbert<double>(4));
  check_fixed_against_dynamic<4>(gallery::graded<double>(4, 4, 12, 3));
  check_fixed_against_dynamic<4>(gallery::kahan<double>(4));
}

TEST_CASE("fixed inv outside the range of the closed form falls back to elimination") {
  // The adjugate of 1e-200 I (4 x 4) underflows and its determinant is 0 in floating point,
  // yet the matrix is perfectly conditioned.
  Matrix<double, 4, 4> tiny, tiny_inverse;
  Matrix<double, 3, 3> huge, huge_inverse;
  for (std::size_t i = 0; i < 4; ++i) tiny(i, i) = 1e-200, tiny_inverse(i, i) = 1e200;
  for (std::size_t i = 0; i < 3; ++i) huge(i, i) = 1e200, huge_inverse(i, i) = 1e-200;
  CHECK(linal::allclose(linal::inv(tiny), tiny_inverse, 1e-15, 0));
  CHECK(linal::allclose(linal::inv(huge), huge_inverse, 1e-15, 0));
  const Matrix<double, 4, 4> mixed{{1e200, 0, 0, 0}, {0, 1e200, 0, 0}, {0, 0, 1e-200, 0}, {0, 0, 0, 1e-200}};
  CHECK(inverse_ratio(mixed, linal::inv(mixed)) < 30);
}

TEST_CASE("fixed bad input: singular, NaN; inputs unchanged") {
  const Matrix<double, 3, 3> s{{1, 2, 3}, {2, 4, 6}, {1, 0, 1}};
  const auto before = s;
  try {
    linal::inv(s);
    FAIL("no exception");
  } catch (const linal::singular_matrix_error& e) {
    CHECK(e.pivot() == 2);
    CHECK_THAT(e.what(), Catch::StartsWith("inv: singular matrix"));
  }
  CHECK_THROWS_AS(linal::solve(s, Vector<double, 3>{1, 2, 3}), linal::singular_matrix_error);
  CHECK(linal::det(s) == 0.0);
  CHECK(linal::array_equal(s, before));
  CHECK_THROWS_AS(linal::inv(Matrix<double, 2, 2>{}), linal::singular_matrix_error);

  Matrix<double, 4, 4> with_nan = linal::eye<double, 4>();
  with_nan(1, 2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(linal::inv(with_nan), linal::non_finite_error);
  CHECK_THROWS_AS(linal::det(with_nan), linal::non_finite_error);
  CHECK_THROWS_WITH(linal::solve(with_nan, Vector<double, 4>{}), "solve: a must not contain infs or NaNs (found at (1,2))");
  Matrix<double, 3, 3> with_inf = linal::eye<double, 3>();
  with_inf(0, 0) = linal::inf;
  CHECK_THROWS_AS(linal::inv(with_inf), linal::non_finite_error);
}

TEST_CASE("fixed 3x3 inv: nearly singular matrices leave the closed form for elimination") {
  for (std::uint64_t seed = 0; seed < 6; ++seed) {
    const auto a = fixed_from<3>(gallery::with_condition<double>(3, 3, 1e13, seed));
    // The plain adjugate over the determinant is far from an accurate inverse here...
    Matrix<double, 3, 3> adj;
    const double det = linal::detail::adjugate<3>(a, adj);
    CHECK(inverse_ratio(a, Matrix<double, 3, 3>(adj * (1 / det))) > 30);
    Matrix<double, 3, 3> closed_form;
    CHECK_FALSE(linal::detail::inverse_by_adjugate<3>(a, closed_form));
    // ...so inv must have taken the pivoted elimination.
    CHECK(inverse_ratio(a, linal::inv(a)) < 30);
  }
}

TEST_CASE("fixed 3x3 and 4x4 inv: the closed form accepts well-conditioned and column-scaled matrices") {
  const auto check = [](auto n) {
    constexpr std::size_t N = decltype(n)::value;
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
      for (const double scale : {1.0, 1e-3, 1e3, 1e100}) {
        auto a = fixed_from<N>(gallery::with_condition<double>(N, N, 10, seed));
        for (std::size_t i = 0; i < N; ++i) a(i, N - 1) *= scale;
        Matrix<double, N, N> closed_form;
        CHECK(linal::detail::inverse_by_adjugate<N>(a, closed_form));
        CHECK(inverse_ratio(a, closed_form) < 30);
      }
    }
  };
  check(std::integral_constant<std::size_t, 3>{});
  check(std::integral_constant<std::size_t, 4>{});
  const Matrix<double, 3, 3> graded{{1, 0, 0}, {0, 1, 0}, {0, 0, 1e-3}};
  Matrix<double, 3, 3> closed_form;
  CHECK(linal::detail::inverse_by_adjugate<3>(graded, closed_form));
  CHECK(linal::allclose(closed_form, Matrix<double, 3, 3>{{1, 0, 0}, {0, 1, 0}, {0, 0, 1e3}}, 1e-15, 0));
}

TEST_CASE("fixed 3x3 inv: the closed form accepts matrices of independent normal entries") {
  // Such matrices are often far from orthogonal (c0 c1 c2 / |det| above the quick test's
  // limit), yet their adjugate is accurate: the exact bound must keep them on the closed form.
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  int beyond_quick_test = 0;
  for (int trial = 0; trial < 300; ++trial) {
    Matrix<double, 3, 3> a;
    for (auto& x : a) x = normal(rng);
    double product = 1;
    for (std::size_t j = 0; j < 3; ++j) product *= std::abs(a(0, j)) + std::abs(a(1, j)) + std::abs(a(2, j));
    if (product > 64 * std::abs(linal::det(a))) ++beyond_quick_test;
    Matrix<double, 3, 3> closed_form;
    CHECK(linal::detail::inverse_by_adjugate<3>(a, closed_form));
    CHECK(inverse_ratio(a, closed_form) < 30);
  }
  CHECK(beyond_quick_test >= 10);
}

TEST_CASE("fixed 3x3 inv: exactly singular or non-finite input throws") {
  const Matrix<double, 3, 3> zero_column{{1, 2, 0}, {3, 4, 0}, {5, 6, 0}};
  const Matrix<double, 3, 3> zero_row{{1, 2, 3}, {0, 0, 0}, {4, 5, 7}};
  const Matrix<double, 3, 3> equal_rows{{1, 2, 3}, {4, 5, 6}, {1, 2, 3}};
  CHECK_THROWS_AS(linal::inv(zero_column), linal::singular_matrix_error);
  CHECK_THROWS_AS(linal::inv(zero_row), linal::singular_matrix_error);
  CHECK_THROWS_AS(linal::inv(equal_rows), linal::singular_matrix_error);
  for (std::size_t k = 0; k < 9; ++k) {
    Matrix<double, 3, 3> with_nan = linal::eye<double, 3>();
    with_nan.data()[k] = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(linal::inv(with_nan), linal::non_finite_error);
    Matrix<double, 3, 3> with_inf = linal::eye<double, 3>();
    with_inf.data()[k] = -linal::inf;
    CHECK_THROWS_AS(linal::inv(with_inf), linal::non_finite_error);
  }
}
