// Bunch-Kaufman LDL^T: A = L D L^H (SciPy's ldl factors) and solves to LAPACK's residual
// threshold for symmetric indefinite and Hermitian matrices, the 2x2 pivots that make it
// stable where plain LDL^T is not, det, and the errors.

#include <catch2/catch.hpp>
#include <complex>
#include <cstdint>
#include <limits>
#include <linal/decomp/ldlt.hpp>
#include <vector>

#include "gallery.hpp"
#include "residuals.hpp"

using linal::Matrix;
using linal::Vector;

namespace {

constexpr long double threshold = 30;

template <class T>
void check_ldlt(const Matrix<T>& a) {
  const std::size_t n = a.rows();
  const auto f = linal::ldlt(a);
  const auto L = f.l();
  CHECK(residuals::factorization_ratio(a, L, f.d(), gallery::adjoint(L), n) < threshold);
  if (f.is_singular()) return;
  const auto b = gallery::random_matrix<T>(n, 2, 3 * n + 1);
  CHECK(residuals::solve_ratio(a, f.solve(b), b) < threshold);
}

TEMPLATE_TEST_CASE("ldlt: symmetric indefinite matrices, factors and solves", "[decomp][ldlt]",
                   float, double, std::complex<double>) {
  for (std::size_t n : {0, 1, 2, 3, 5, 10, 50, 200}) {
    CAPTURE(n);
    check_ldlt(gallery::hermitian<TestType>(n, 80 + n));
  }
}

TEMPLATE_TEST_CASE("ldlt: hard symmetric matrices", "[decomp][ldlt]", float, double) {
  using T = TestType;
  const std::size_t n = 60;
  // Symmetric with eigenvalues of both signs and condition 1e6: Q diag(+-w) Q^T.
  auto indefinite = gallery::spd<T>(n, 1e6, 1);
  const auto neg = gallery::spd<T>(n, 1e2, 2);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      indefinite(i, j) -= 2 * neg(i, j) * static_cast<T>(i % 3 == 0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) indefinite(j, i) = indefinite(i, j);
  CHECK_NOTHROW(check_ldlt(indefinite));
  check_ldlt(gallery::hilbert<T>(8));
  check_ldlt(gallery::spd<T>(n, 1e4, 3));
  check_ldlt(gallery::scaled(gallery::hermitian<T>(n, 4), gallery::tiny_scale<T>()));
  check_ldlt(gallery::scaled(gallery::hermitian<T>(n, 5), gallery::huge_scale<T>()));
  check_ldlt(linal::eye<T>(n));
  check_ldlt(Matrix<T>(n, n));
}

// Symmetric (complex: Hermitian) matrices whose Bunch-Kaufman factorization takes many 2x2
// pivots: a zero diagonal, and the saddle-point (KKT) form [[H, B^H], [B, 0]] with a zero
// (n - n/2) x (n - n/2) block.
template <class T>
Matrix<T> zero_diagonal(std::size_t n, std::uint64_t seed) {
  auto a = gallery::hermitian<T>(n, seed);
  for (std::size_t i = 0; i < n; ++i) a(i, i) = T(0);
  return a;
}

template <class T>
Matrix<T> saddle_point(std::size_t n, std::uint64_t seed) {
  auto a = gallery::hermitian<T>(n, seed);
  for (std::size_t i = n / 2; i < n; ++i)
    for (std::size_t j = n / 2; j < n; ++j) a(i, j) = T(0);
  return a;
}

// How many 2x2 blocks D has.
template <class T>
std::size_t pairs(const linal::LDLTFactor<T>& f) {
  const auto D = f.d();
  std::size_t count = 0;
  for (std::size_t k = 0; k + 1 < f.size(); ++k) count += D(k + 1, k) != T(0);
  return count;
}

}  // namespace

TEMPLATE_TEST_CASE("ldlt: above the block size, with many 2x2 pivots", "[decomp][ldlt]", float,
                   double, std::complex<double>) {
  using T = TestType;
  const std::size_t n = 100;
  check_ldlt(gallery::hermitian<T>(n, 7));
  const auto zero = zero_diagonal<T>(n, 8);
  CHECK(pairs(linal::ldlt(zero)) >= n / 8);
  check_ldlt(zero);
  // Several panels, and a trailing update of many columns.
  for (std::size_t order : {n, 3 * n}) {
    CAPTURE(order);
    const auto kkt = saddle_point<T>(order, 9 + order);
    CHECK(pairs(linal::ldlt(kkt)) >= order / 8);
    check_ldlt(kkt);
  }
}

TEMPLATE_TEST_CASE("ldlt: the blocked factorization pivots as the column-by-column one",
                   "[decomp][ldlt]", float, double, std::complex<double>) {
  using T = TestType;
  const std::size_t n = 300;
  for (const auto& a :
       {gallery::hermitian<T>(n, 11), zero_diagonal<T>(n, 12), saddle_point<T>(n, 13)}) {
    Matrix<T> blocked = a, unblocked = a;
    std::vector<std::ptrdiff_t> piv_blocked(n), piv_unblocked(n);
    linal::decomp_detail::bunch_kaufman(n, blocked.data(), blocked.row_stride(),
                                        piv_blocked.data());
    linal::decomp_detail::bunch_kaufman_unblocked(n, unblocked.data(), unblocked.row_stride(),
                                                  piv_unblocked.data());
    CHECK(piv_blocked == piv_unblocked);
  }
}

TEST_CASE("ldlt: large matrices, factored in wider panels, pivot as the column-by-column one",
          "[decomp][ldlt]") {
  const std::size_t n = 1600;
  const auto a = saddle_point<double>(n, 14);
  Matrix<double> blocked = a, unblocked = a;
  std::vector<std::ptrdiff_t> piv_blocked(n), piv_unblocked(n);
  linal::decomp_detail::bunch_kaufman(n, blocked.data(), blocked.row_stride(), piv_blocked.data());
  linal::decomp_detail::bunch_kaufman_unblocked(n, unblocked.data(), unblocked.row_stride(),
                                                piv_unblocked.data());
  CHECK(piv_blocked == piv_unblocked);
  const auto b = gallery::random_matrix<double>(n, 2, 15);
  CHECK(residuals::solve_ratio(a, linal::ldlt(a).solve(b), b) < threshold);
}

TEST_CASE("ldlt: singular matrices above the block size", "[decomp][ldlt]") {
  const std::size_t n = 150;
  // Row and column 40 are zero: D has a zero block, met while the first panels are blocked.
  auto a = gallery::hermitian<double>(n, 21);
  for (std::size_t j = 0; j < n; ++j) a(40, j) = a(j, 40) = 0;
  const auto f = linal::ldlt(a);
  CHECK(f.is_singular());
  CHECK(f.det() == 0.0);
  CHECK(residuals::factorization_ratio(a, f.l(), f.d(), gallery::adjoint(f.l()), n) < threshold);
  CHECK_THROWS_AS(f.solve(gallery::random_matrix<double>(n, 1, 3)), linal::singular_matrix_error);
  const auto z = linal::ldlt(Matrix<double>(n, n));
  CHECK(z.is_singular());
  CHECK(z.det() == 0.0);
}

TEST_CASE("ldlt: a zero diagonal needs a 2x2 pivot", "[decomp][ldlt]") {
  // Unpivoted LDL^T divides by zero at the first step; Bunch-Kaufman takes the 2x2 block.
  const Matrix<double> a{{0, 1, 2}, {1, 0, 3}, {2, 3, 0}};
  const auto f = linal::ldlt(a);
  const auto D = f.d();
  CHECK(D(1, 0) != 0.0);  // a 2x2 block
  CHECK(residuals::factorization_ratio(a, f.l(), D, gallery::adjoint(f.l()), 3) < threshold);
  // det by cofactors: 0 - 1*(0 - 6) + 2*(3 - 0) = 12.
  CHECK(f.det() == Approx(12.0));
  const Vector<double> b{1, 2, 3};
  const Vector<double> x = f.solve(b);
  CHECK(residuals::solve_ratio(a, x, b) < threshold);
}

TEST_CASE("ldlt: bad input", "[decomp][ldlt]") {
  CHECK_THROWS_AS(linal::ldlt(Matrix<double>(2, 3)), linal::shape_error);
  const Matrix<double> singular{{1, 1}, {1, 1}};
  const auto f = linal::ldlt(singular);
  CHECK(f.is_singular());
  CHECK(f.det() == 0.0);
  try {
    (void)f.solve(Vector<double>{1, 2});
    FAIL("a singular matrix must refuse to solve");
  } catch (const linal::singular_matrix_error& e) {
    CHECK(e.pivot() == 1);
    CHECK_THAT(e.what(), Catch::Contains("ldlt.solve"));
  }
  Matrix<double> with_nan{{1, 0}, {0, 1}};
  with_nan(1, 0) = std::numeric_limits<double>::quiet_NaN();
  try {
    (void)linal::ldlt(with_nan);
    FAIL("NaN must be refused");
  } catch (const linal::non_finite_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("ldlt") && Catch::Contains("(1,0)"));
  }
  CHECK(with_nan(0, 0) == 1.0);
  const auto g = linal::ldlt(linal::eye<double>(2));
  CHECK_THROWS_AS(g.solve(Vector<double>{1, 2, 3}), linal::shape_error);
}
