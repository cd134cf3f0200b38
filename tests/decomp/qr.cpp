// Householder QR: A = Q R with orthonormal Q to LAPACK's thresholds in every mode and shape,
// the compact factor (apply Q and Q^H without forming Q, least squares), column pivoting as
// a rank-revealing tool, hard matrices, and the errors.

#include <linal/decomp/qr.hpp>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "gallery.hpp"
#include "residuals.hpp"

using linal::Matrix;
using linal::Vector;

namespace {

constexpr long double threshold = 30;

const std::vector<std::pair<std::size_t, std::size_t>> shapes = {
    {0, 0}, {1, 1}, {2, 2}, {3, 3}, {5, 5}, {10, 10}, {50, 50}, {200, 200},
    {7, 3}, {60, 20}, {200, 70}, {3, 7}, {20, 60}, {70, 200}, {1, 4}, {4, 1},
    // Several panels of 64, a panel split unevenly (47 = 23 + 24, then 11 + 12 ...) and a
    // last panel narrower than the others.
    {300, 300}, {257, 99}, {99, 257}, {150, 47}};

template <class T>
bool is_upper(const Matrix<T>& r) {
  for (std::size_t i = 0; i < r.rows(); ++i)
    for (std::size_t j = 0; j < std::min(i, r.cols()); ++j)
      if (r(i, j) != T(0)) return false;
  return true;
}

// A with its columns reordered: column j of the result is column perm[j] of a.
template <class T>
Matrix<T> permute_columns(const Matrix<T>& a, const Vector<std::size_t>& perm) {
  Matrix<T> b(a.rows(), a.cols());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j) b(i, j) = a(i, perm[j]);
  return b;
}

template <class T>
void check_qr(const Matrix<T>& a) {
  const std::size_t m = a.rows(), n = a.cols(), k = std::min(m, n);
  auto [Q, R] = linal::qr(a);
  REQUIRE(Q.rows() == m);
  REQUIRE(Q.cols() == k);
  REQUIRE(R.rows() == k);
  REQUIRE(R.cols() == n);
  CHECK(is_upper(R));
  CHECK(residuals::factorization_ratio(a, Q, R, m) < threshold);
  CHECK(residuals::orthogonality_ratio(Q) < threshold);
}

}  // namespace

TEMPLATE_TEST_CASE("qr: A = Q R with orthonormal Q, square, tall and wide", "[decomp][qr]", float, double) {
  for (auto [m, n] : shapes) {
    CAPTURE(m, n);
    check_qr(gallery::random_matrix<TestType>(m, n, 200 + 3 * m + n));
  }
}

TEMPLATE_TEST_CASE("qr: complex matrices", "[decomp][qr]", std::complex<float>, std::complex<double>) {
  for (auto [m, n] : std::vector<std::pair<std::size_t, std::size_t>>{{3, 3}, {10, 10}, {80, 80}, {90, 40}, {40, 90}, {150, 99}}) {
    CAPTURE(m, n);
    check_qr(gallery::random_matrix<TestType>(m, n, m + n));
  }
}

TEMPLATE_TEST_CASE("qr: hard matrices from the gallery", "[decomp][qr]", float, double) {
  using T = TestType;
  const std::size_t n = 60;
  struct named {
    const char* name;
    Matrix<T> a;
  };
  const std::vector<named> cases = {
      {"cond 1e8", gallery::with_condition<T>(n, n, 1e8, 1)},
      {"cond 1/eps", gallery::with_condition<T>(n, n, 1 / std::numeric_limits<T>::epsilon(), 2)},
      {"rank 10", gallery::rank_deficient<T>(90, n, 10, 3)},
      {"graded", gallery::graded<T>(n, n, 12, 4)},
      {"hilbert", gallery::hilbert<T>(n)},
      {"kahan", gallery::kahan<T>(n)},
      {"zero", Matrix<T>(n, 40)},
      {"identity", linal::eye<T>(n)},
      {"diagonal", linal::diag(gallery::random_matrix<T>(n, 1, 5).col(0))},
      {"tiny", gallery::scaled(gallery::random_matrix<T>(n, n, 6), gallery::tiny_scale<T>())},
      {"huge", gallery::scaled(gallery::random_matrix<T>(n, n, 7), gallery::huge_scale<T>())},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    check_qr(c.a);
  }
}

TEST_CASE("qr: modes complete and r", "[decomp][qr]") {
  const auto a = gallery::random_matrix<double>(9, 4, 1);
  auto [Q, R] = linal::qr(a, linal::qr_mode::complete);
  CHECK(Q.rows() == 9);
  CHECK(Q.cols() == 9);
  CHECK(R.rows() == 9);
  CHECK(R.cols() == 4);
  CHECK(is_upper(R));
  CHECK(residuals::factorization_ratio(a, Q, R, 9) < threshold);
  CHECK(residuals::orthogonality_ratio(Q) < threshold);
  auto [none, r_only] = linal::qr(a, linal::qr_mode::r);
  CHECK(none.size() == 0);
  CHECK(r_only.rows() == 4);
  const auto reduced_r = linal::qr(a).R;
  CHECK(linal::array_equal(r_only, reduced_r));
}

TEMPLATE_TEST_CASE("qr_factor: Q and Q^H applied without forming Q", "[decomp][qr]", double, std::complex<double>) {
  using T = TestType;
  for (auto [m, n] : std::vector<std::pair<std::size_t, std::size_t>>{{1, 1}, {5, 3}, {100, 70}, {150, 150}, {40, 90}}) {
    CAPTURE(m, n);
    const auto a = gallery::random_matrix<T>(m, n, 9 + m);
    const auto f = linal::qr_factor(a);
    const auto q = f.q(/*complete=*/true);
    CHECK(residuals::orthogonality_ratio(q) < threshold);
    CHECK(residuals::factorization_ratio(a, q, f.r(/*complete=*/true), m) < threshold);
    const auto b = gallery::random_matrix<T>(m, 3, 2 * m);
    // Q^H (Q B) = B, and Q B agrees with the formed Q times B.
    const auto qb = f.apply_q(b);
    CHECK(residuals::solve_ratio(q, b, qb) < threshold);
    const auto back = f.apply_qt(qb);
    CHECK(residuals::solve_ratio(linal::eye<T>(m), back, b) < threshold);
    const Vector<T> v = b.col(0);
    const Vector<T> qv = f.apply_q(v);
    CHECK(qv.size() == m);
  }
}

TEMPLATE_TEST_CASE("qr_factor: least squares for full-rank tall matrices", "[decomp][qr]", float, double) {
  using T = TestType;
  for (auto [m, n] : std::vector<std::pair<std::size_t, std::size_t>>{{1, 1}, {10, 3}, {60, 60}, {200, 50}}) {
    CAPTURE(m, n);
    const auto a = gallery::with_condition<T>(m, n, 1e3, m * n);
    const auto b = gallery::random_matrix<T>(m, 2, m + 3);
    const auto x = linal::qr_factor(a).solve(b);
    REQUIRE(x.rows() == n);
    CHECK(residuals::least_squares_ratio(a, x, b) < threshold);
    const auto xp = linal::qr_factor(a, linal::pivoting).solve(b);
    CHECK(residuals::least_squares_ratio(a, xp, b) < threshold);
  }
  // A consistent square system is solved exactly (to the solve threshold).
  const auto a = gallery::random_matrix<double>(30, 30, 4);
  const auto b = gallery::random_matrix<double>(30, 1, 5);
  CHECK(residuals::solve_ratio(a, linal::qr_factor(a).solve(b), b) < threshold);
}

TEMPLATE_TEST_CASE("qr with pivoting: A[:, P] = Q R, decreasing |R(i,i)|", "[decomp][qr]", float, double,
                   std::complex<double>) {
  using T = TestType;
  for (auto [m, n] : std::vector<std::pair<std::size_t, std::size_t>>{{0, 0}, {1, 1}, {3, 3}, {10, 10}, {50, 50}, {120, 40}, {40, 120}, {1, 4}, {4, 1}, {2, 40}, {3, 0}}) {
    CAPTURE(m, n);
    const auto a = gallery::random_matrix<T>(m, n, 7 * m + n);
    auto [Q, R, P] = linal::qr(a, linal::pivoting);
    REQUIRE(P.size() == n);
    std::vector<bool> seen(n, false);
    for (std::size_t j = 0; j < n; ++j) seen.at(P[j]) = true;
    for (bool s : seen) CHECK(s);
    CHECK(is_upper(R));
    CHECK(residuals::factorization_ratio(permute_columns(a, P), Q, R, m) < threshold);
    CHECK(residuals::orthogonality_ratio(Q) < threshold);
    for (std::size_t i = 1; i < std::min(m, n); ++i) CHECK(std::abs(R(i, i)) <= std::abs(R(i - 1, i - 1)));
  }
}

TEST_CASE("qr with pivoting reveals the rank", "[decomp][qr]") {
  const std::size_t m = 80, n = 50, rank = 13;
  const auto a = gallery::rank_deficient<double>(m, n, rank, 11);
  auto [Q, R, P] = linal::qr(a, linal::pivoting);
  CHECK(residuals::factorization_ratio(permute_columns(a, P), Q, R, m) < threshold);
  // Past the rank, the diagonal drops to rounding level relative to R(0,0).
  const double eps = std::numeric_limits<double>::epsilon();
  CHECK(std::abs(R(rank - 1, rank - 1)) > 1e-3 * std::abs(R(0, 0)));
  CHECK(std::abs(R(rank, rank)) < 100 * m * eps * std::abs(R(0, 0)));
  // Many columns whose norms cancel force the downdated norms to be recomputed.
  auto graded = gallery::graded<double>(n, m, 14, 3);
  auto [Q2, R2, P2] = linal::qr(linal::Matrix<double>(graded.T()), linal::pivoting);
  CHECK(residuals::factorization_ratio(permute_columns(linal::Matrix<double>(graded.T()), P2), Q2, R2, m) < threshold);
}

namespace {

// Column j scaled by 10^(-decades * ((7 j) mod n) / n): norms spread over `decades` orders in
// an order unrelated to the columns' positions, so that pivoting moves nearly every column.
template <class T>
Matrix<T> scattered_column_scales(Matrix<T> a, double decades) {
  const std::size_t n = a.cols();
  for (std::size_t j = 0; j < n; ++j) {
    const double e = -decades * static_cast<double>((7 * j) % n) / static_cast<double>(n);
    const auto s = static_cast<linal::real_t<T>>(std::pow(10.0, e));
    for (std::size_t i = 0; i < a.rows(); ++i) a(i, j) *= s;
  }
  return a;
}

// A rank-r product plus sqrt(eps)-sized noise: once the r strong directions are factored out,
// every remaining column norm has dropped by about 1/sqrt(eps), far past what a downdate may
// lose, so the panel stops and recomputes them.
template <class T>
Matrix<T> nearly_dependent(std::size_t m, std::size_t n, std::size_t r, std::uint64_t seed) {
  auto a = gallery::rank_deficient<T>(m, n, r, seed);
  const auto noise = gallery::random_matrix<T>(m, n, seed + 2);
  const auto delta = std::sqrt(std::numeric_limits<linal::real_t<T>>::epsilon());
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) a(i, j) += delta * noise(i, j);
  return a;
}

// A[:, P] = Q R with orthonormal Q and upper triangular R, and every pivot the greedy choice:
// |R(i,i)| is the largest remaining column norm at step i, i.e. no later column j has a longer
// R(i:, j). The pivots come from norm estimates trusted while they keep half their digits (each
// downdate since the last exact norm may cost about sqrt(eps) of it), and R carries the
// factorization's own error of about m eps ||A||.
template <class T>
void check_pivoted_qr(const Matrix<T>& a) {
  const std::size_t m = a.rows(), n = a.cols(), k = std::min(m, n);
  auto [Q, R, P] = linal::qr(a, linal::pivoting);
  REQUIRE(P.size() == n);
  REQUIRE(R.rows() == k);
  std::vector<bool> seen(n, false);
  for (std::size_t j = 0; j < n; ++j) seen.at(P[j]) = true;
  CHECK(std::count(seen.begin(), seen.end(), true) == static_cast<std::ptrdiff_t>(n));
  CHECK(is_upper(R));
  CHECK(residuals::factorization_ratio(permute_columns(a, P), Q, R, m) < threshold);
  CHECK(residuals::orthogonality_ratio(Q) < threshold);
  const long double eps = residuals::unit_roundoff<T>();
  const long double estimate_error = std::sqrt(eps) * static_cast<long double>(n);
  const long double factor_error = threshold * static_cast<long double>(m) * eps * residuals::norm1(a);
  // Column j's remaining norm before step i is ||R(i:, j)||: sums of squares from the bottom.
  std::vector<long double> below(n, 0);
  for (std::size_t i = k; i-- > 0;) {
    for (std::size_t j = i; j < n; ++j) below[j] += std::norm(static_cast<residuals::wide_t<T>>(R(i, j)));
    const long double pivot = std::abs(static_cast<residuals::wide_t<T>>(R(i, i)));
    long double longest = 0;
    for (std::size_t j = i + 1; j < n; ++j) longest = std::max(longest, std::sqrt(below[j]));
    CAPTURE(i, pivot, longest);
    CHECK(longest <= pivot * (1 + estimate_error) + factor_error);
  }
}

}  // namespace

TEMPLATE_TEST_CASE("qr with pivoting: several panels, each pivot the longest remaining column", "[decomp][qr]", float,
                   double, std::complex<double>) {
  using T = TestType;
  for (auto [m, n] : std::vector<std::pair<std::size_t, std::size_t>>{{100, 100}, {200, 200}, {300, 90}, {90, 300}, {33, 33}}) {
    CAPTURE(m, n);
    check_pivoted_qr(gallery::random_matrix<T>(m, n, 5 * m + n));
  }
}

TEMPLATE_TEST_CASE("qr with pivoting: rank-deficient products reveal their rank", "[decomp][qr]", float, double,
                   std::complex<double>) {
  using T = TestType;
  struct shape {
    std::size_t m, n, rank;
  };
  for (auto [m, n, rank] : std::vector<shape>{{300, 200, 70}, {90, 300, 40}, {150, 150, 149}, {120, 100, 1}}) {
    CAPTURE(m, n, rank);
    const auto a = gallery::rank_deficient<T>(m, n, rank, 3 * m + n);
    check_pivoted_qr(a);
    const auto R = linal::qr(a, linal::pivoting, linal::qr_mode::r).R;
    // The leading rank x rank block is well away from singular; the trailing block is rounding.
    for (std::size_t i = 1; i < rank; ++i) CHECK(std::abs(R(i, i)) <= std::abs(R(i - 1, i - 1)));
    const long double eps = residuals::unit_roundoff<T>();
    CHECK(std::abs(R(rank - 1, rank - 1)) > std::sqrt(eps) * std::abs(R(0, 0)));
    const std::size_t k = std::min(m, n);
    if (rank < k) {
      const Matrix<T> trailing = R.block(rank, rank, k - rank, n - rank);
      CHECK(residuals::norm1(trailing) / (static_cast<long double>(m) * eps * residuals::norm1(a)) < threshold);
    }
  }
}

TEMPLATE_TEST_CASE("qr with pivoting: column norms far apart and nearly dependent columns", "[decomp][qr]", float,
                   double, std::complex<double>) {
  using T = TestType;
  const double decades = std::numeric_limits<linal::real_t<T>>::digits10;
  SECTION("norms spread over as many decades as the precision holds") {
    check_pivoted_qr(scattered_column_scales(gallery::random_matrix<T>(200, 150, 4), decades));
    check_pivoted_qr(scattered_column_scales(gallery::random_matrix<T>(90, 200, 5), decades));
  }
  SECTION("rank 50 plus noise of relative size sqrt(eps): the norms collapse after 50 steps") {
    check_pivoted_qr(nearly_dependent<T>(200, 150, 50, 6));
    check_pivoted_qr(nearly_dependent<T>(120, 250, 45, 7));
  }
  SECTION("both at once") {
    check_pivoted_qr(scattered_column_scales(nearly_dependent<T>(180, 160, 60, 8), decades));
  }
}

TEST_CASE("qr: bad input", "[decomp][qr]") {
  Matrix<double> a = gallery::random_matrix<double>(4, 3, 1);
  a(2, 2) = std::numeric_limits<double>::infinity();
  const auto before = a;
  try {
    (void)linal::qr(a);
    FAIL("infinity must be refused");
  } catch (const linal::non_finite_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("qr") && Catch::Contains("(2,2)"));
  }
  CHECK(linal::array_equal(a, before));
  CHECK_THROWS_AS(linal::qr_factor(a, linal::pivoting), linal::non_finite_error);

  const auto f = linal::qr_factor(gallery::random_matrix<double>(4, 3, 2));
  try {
    (void)f.apply_qt(Vector<double>{1, 2, 3});
    FAIL("a vector of 3 elements does not fit Q^H of order 4");
  } catch (const linal::shape_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("qr_factor.apply_qt") && Catch::Contains("(3,)"));
  }
  CHECK_THROWS_AS(f.solve(Matrix<double>(3, 1)), linal::shape_error);
  const auto wide = linal::qr_factor(gallery::random_matrix<double>(2, 5, 3));
  CHECK_THROWS_AS(wide.solve(Vector<double>{1, 2}), linal::shape_error);
  try {
    (void)linal::qr_factor(Matrix<double>{{1, 0}, {0, 0}, {0, 0}}).solve(Vector<double>{1, 1, 1});
    FAIL("a rank-deficient matrix must refuse to solve");
  } catch (const linal::singular_matrix_error& e) {
    CHECK(e.pivot() == 1);
    CHECK_THAT(e.what(), Catch::Contains("qr_factor.solve"));
  }
}
