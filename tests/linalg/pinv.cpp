// pinv: the four Moore-Penrose conditions, the inverse for invertible matrices, NumPy's cutoff.

#include <catch2/catch.hpp>

#include <linal/core.hpp>
#include <linal/linalg/pinv.hpp>

#include <limits>

#include "gallery.hpp"
#include "residuals.hpp"
#include "spectral_gallery.hpp"

using namespace linal;
namespace sg = spectral_gallery;

namespace {

/// ||X - Y||_1 / (max(m, n) ||scale||_1 ulp) for same-shape X and Y.
template <class T>
long double difference_ratio(const Matrix<T>& x, const Matrix<T>& y, long double scale_norm, std::size_t n) {
  Matrix<T> d = x;
  d -= y;
  return residuals::ratio<T>(residuals::norm1(d), static_cast<long double>(n) * scale_norm * sg::ulp<T>());
}

template <class T>
void check_penrose(const Matrix<T>& a, long double threshold) {
  const auto p = pinv(a);
  REQUIRE(p.rows() == a.cols());
  REQUIRE(p.cols() == a.rows());
  const std::size_t n = std::max(a.rows(), a.cols());
  const auto ap = gallery::multiply(a, p);
  const auto pa = gallery::multiply(p, a);
  CHECK(difference_ratio(gallery::multiply(ap, a), a, sg::norm1(a), n) < threshold);
  CHECK(difference_ratio(gallery::multiply(pa, p), p, sg::norm1(p), n) < threshold);
  CHECK(difference_ratio(ap, gallery::adjoint(ap), 1, n) < threshold);
  CHECK(difference_ratio(pa, gallery::adjoint(pa), 1, n) < threshold);
}

}  // namespace

TEMPLATE_TEST_CASE("pinv meets the Moore-Penrose conditions", "[pinv]", float, double) {
  using T = TestType;
  // Well-conditioned and exactly rank-deficient matrices: errors grow with cond(A) = 10.
  check_penrose(gallery::with_condition<T>(12, 7, 10, 1), 50 * 10);
  check_penrose(gallery::with_condition<T>(5, 9, 10, 2), 50 * 10);
  check_penrose(gallery::rank_deficient<T>(10, 8, 3, 3), 50 * 10);
  check_penrose(zeros<T>(3, 4), 50);
}

TEMPLATE_TEST_CASE("pinv of an invertible matrix is its inverse", "[pinv]", float, double) {
  using T = TestType;
  const auto a = gallery::with_condition<T>(6, 6, 10, 4);
  const auto p = pinv(a);
  CHECK(residuals::solve_ratio(a, p, eye<T>(6)) < 30);
}

TEST_CASE("pinv: singular values below rcond * max(s) are dropped", "[pinv]") {
  const Matrix<double> a{{2, 0}, {0, 1e-20}};
  const auto p = pinv(a);
  CHECK(p(0, 0) == 0.5);
  CHECK(p(1, 1) == 0.0);
  CHECK(pinv(a, 0.0)(1, 1) == Approx(1e20).epsilon(1e-15));
  CHECK(pinv(Matrix<double>(0, 3)).rows() == 3);
}

TEST_CASE("pinv rejects NaN and infinity", "[pinv]") {
  Matrix<double> a = eye<double>(2);
  a(1, 0) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(pinv(a), non_finite_error);
  CHECK_THROWS_WITH(pinv(a), Catch::Contains("pinv"));
}
