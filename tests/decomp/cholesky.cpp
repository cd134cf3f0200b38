// Cholesky: A = L L^H to LAPACK's residual threshold, the upper form, solves through
// cho_factor, hard positive definite matrices, and the errors (not square, not positive
// definite with the failing minor, NaN), with the inputs left unchanged.

#include <linal/decomp/cholesky.hpp>

#include <catch2/catch.hpp>
#include <cmath>
#include <complex>
#include <limits>
#include <vector>

#include "gallery.hpp"
#include "residuals.hpp"

using linal::Matrix;
using linal::Vector;

namespace {

constexpr long double threshold = 30;

template <class T>
long double check_llh(const Matrix<T>& a) {
  const auto L = linal::cholesky(a);
  const std::size_t n = a.rows();
  REQUIRE(L.rows() == n);
  REQUIRE(L.cols() == n);
  for (std::size_t i = 0; i < n; ++i) {
    CHECK(std::real(L(i, i)) > 0);
    CHECK(std::imag(std::complex<linal::real_t<T>>(L(i, i))) == 0);
    for (std::size_t j = i + 1; j < n; ++j) CHECK(L(i, j) == T(0));
  }
  return residuals::factorization_ratio(a, L, gallery::adjoint(L), n);
}

}  // namespace

TEMPLATE_TEST_CASE("cholesky: A = L L^T within LAPACK's bound", "[decomp][cholesky]", float, double) {
  for (std::size_t n : {0, 1, 2, 3, 5, 10, 50, 200}) {
    CAPTURE(n);
    CHECK(check_llh(gallery::spd<TestType>(n, 1e3, 40 + n)) < threshold);
  }
}

TEMPLATE_TEST_CASE("cholesky: orders on and around the diagonal block boundaries", "[decomp][cholesky]", float, double,
                   std::complex<double>) {
  // Every split of the recursion falls on a multiple of the 32-order diagonal blocks; these
  // orders end on a full block, one element past it, one short of it, and span many blocks.
  for (std::size_t n : {31, 32, 33, 63, 64, 65, 97, 300}) {
    CAPTURE(n);
    CHECK(check_llh(gallery::spd<TestType>(n, 1e4, 60 + n)) < threshold);
  }
}

TEMPLATE_TEST_CASE("cholesky: Hermitian complex matrices", "[decomp][cholesky]", std::complex<float>, std::complex<double>) {
  for (std::size_t n : {1, 3, 10, 70, 130}) {
    CAPTURE(n);
    CHECK(check_llh(gallery::spd<TestType>(n, 1e2, 50 + n)) < threshold);
  }
}

TEMPLATE_TEST_CASE("cholesky: hard positive definite matrices", "[decomp][cholesky]", float, double) {
  using T = TestType;
  const bool is_double = std::is_same_v<T, double>;
  const std::size_t n = 200;  // large enough for every blocked path
  struct named {
    const char* name;
    Matrix<T> a;
  };
  // Condition numbers up to about 1/(n eps) keep the matrix numerically definite.
  const std::vector<named> cases = {
      {"cond 1e8 (1e4 in float)", gallery::spd<T>(n, is_double ? 1e8 : 1e4, 1)},
      {"cond 1e12 (1e5 in float)", gallery::spd<T>(n, is_double ? 1e12 : 1e5, 2)},
      {"hilbert", gallery::hilbert<T>(is_double ? 9 : 5)},
      {"identity", linal::eye<T>(n)},
      {"diagonal", linal::diag(Vector<T>{1, 1e-3f, 1e3f, 7})},
      {"tiny", gallery::scaled(gallery::spd<T>(n, 10, 3), gallery::tiny_scale<T>())},
      {"huge", gallery::scaled(gallery::spd<T>(n, 10, 4), gallery::huge_scale<T>())},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(check_llh(c.a) < threshold);
  }
}

TEST_CASE("cholesky: the upper form is L^H, and only the lower triangle is read", "[decomp][cholesky]") {
  auto a = gallery::spd<std::complex<double>>(60, 1e2, 9);
  const auto L = linal::cholesky(a);
  const auto U = linal::cholesky(a, /*lower=*/false);
  CHECK(linal::array_equal(U, gallery::adjoint(L)));
  CHECK(residuals::factorization_ratio(a, gallery::adjoint(U), U, 60) < threshold);
  auto garbage_above = a;
  for (std::size_t i = 0; i < 60; ++i)
    for (std::size_t j = i + 1; j < 60; ++j) garbage_above(i, j) = std::numeric_limits<double>::quiet_NaN();
  CHECK(linal::array_equal(linal::cholesky(garbage_above), L));
}

TEST_CASE("cholesky: large orders, the strict upper triangle never read, one or two threads", "[decomp][cholesky]") {
  // Order 700 takes the trailing update past one 256-deep slice of its packed operands, and
  // makes it large enough to share its row blocks among threads.
  const std::size_t n = 700;
  const auto a = gallery::spd<double>(n, 1e4, 81);
  const auto L = linal::cholesky(a);
  CHECK(residuals::factorization_ratio(a, L, gallery::adjoint(L), n) < threshold);
  auto garbage_above = a;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) garbage_above(i, j) = std::numeric_limits<double>::quiet_NaN();
  CHECK(linal::array_equal(linal::cholesky(garbage_above), L));
  linal::set_num_threads(2);
  const auto L2 = linal::cholesky(a);
  linal::set_num_threads(0);
  CHECK(residuals::factorization_ratio(a, L2, gallery::adjoint(L2), n) < threshold);
}

TEMPLATE_TEST_CASE("cho_factor: solve for vectors and matrices", "[decomp][cholesky]", float, double, std::complex<double>) {
  using T = TestType;
  for (std::size_t n : {1, 2, 5, 10, 50, 200}) {
    CAPTURE(n);
    const auto a = gallery::spd<T>(n, 1e3, 60 + n);
    const auto f = linal::cho_factor(a);
    const auto b = gallery::random_matrix<T>(n, 3, 70 + n);
    CHECK(residuals::solve_ratio(a, f.solve(b), b) < threshold);
    const Vector<T> v = b.col(1);
    const Vector<T> x = f.solve(v);
    CHECK(residuals::solve_ratio(a, x, v) < threshold);
  }
  const Matrix<double> d{{4, 0}, {0, 9}};
  CHECK(linal::cho_factor(d).det() == Approx(36.0));
}

TEST_CASE("cholesky: bad input", "[decomp][cholesky]") {
  const Matrix<double> rect{{1, 2, 3}, {4, 5, 6}};
  try {
    (void)linal::cholesky(rect);
    FAIL("a non-square matrix must be refused");
  } catch (const linal::shape_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("cholesky") && Catch::Contains("(2,3)"));
  }

  // Leading minors of orders 1 and 2 are positive, the one of order 3 is not.
  const Matrix<double> indefinite{{4, 0, 0, 0}, {2, 5, 0, 0}, {1, 1, -10, 0}, {0, 0, 0, 1}};
  const Matrix<double> original = indefinite;
  try {
    (void)linal::cholesky(indefinite);
    FAIL("an indefinite matrix must be refused");
  } catch (const linal::not_positive_definite_error& e) {
    CHECK(e.minor() == 3);
    CHECK_THAT(e.what(), Catch::Contains("cholesky") && Catch::Contains("order 3"));
  }
  CHECK(linal::array_equal(indefinite, original));
  try {
    (void)linal::cho_factor(Matrix<double>{{1, 2}, {2, 1}});
    FAIL("an indefinite matrix must be refused");
  } catch (const linal::not_positive_definite_error& e) {
    CHECK(e.minor() == 2);
    CHECK_THAT(e.what(), Catch::Contains("cho_factor"));
  }
  // A failure deep in the blocked algorithm reports its exact minor.
  auto big = gallery::spd<double>(150, 10, 5);
  big(120, 120) = -1e6;
  CHECK_THROWS_MATCHES(linal::cholesky(big), linal::not_positive_definite_error,
                       Catch::Predicate<linal::not_positive_definite_error>([](const auto& e) { return e.minor() == 121; }));

  auto with_nan = gallery::spd<double>(3, 10, 6);
  with_nan(2, 1) = std::numeric_limits<double>::quiet_NaN();
  const auto before = with_nan;
  CHECK_THROWS_AS(linal::cholesky(with_nan), linal::non_finite_error);
  CHECK(with_nan(0, 0) == before(0, 0));
  CHECK(std::isnan(with_nan(2, 1)));

  const auto f = linal::cho_factor(linal::eye<double>(3));
  try {
    (void)f.solve(Matrix<double>(2, 2));
    FAIL("a right-hand side with 2 rows must be refused for a 3 x 3 matrix");
  } catch (const linal::shape_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("cho_factor.solve") && Catch::Contains("(2,2)"));
  }
}
