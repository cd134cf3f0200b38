// matrix_rank, null_space and orth: NumPy's and SciPy's tolerances, orthonormal bases of the
// right dimensions, A times its null space at roundoff level.

#include <catch2/catch.hpp>

#include <linal/core.hpp>
#include <linal/linalg/rank.hpp>

#include <limits>

#include "gallery.hpp"
#include "residuals.hpp"
#include "spectral_gallery.hpp"

using namespace linal;
namespace sg = spectral_gallery;

TEMPLATE_TEST_CASE("matrix_rank counts singular values above S.max() * max(m, n) * eps", "[rank]", float, double) {
  using T = TestType;
  CHECK(matrix_rank(gallery::rank_deficient<T>(20, 15, 6, 1)) == 6);
  CHECK(matrix_rank(gallery::rank_deficient<T>(8, 30, 8, 2)) == 8);
  CHECK(matrix_rank(eye<T>(7)) == 7);
  CHECK(matrix_rank(zeros<T>(3, 5)) == 0);
  CHECK(matrix_rank(Matrix<T>(0, 4)) == 0);
  const Matrix<T> a{{1, 0}, {0, T(1e-3)}};
  CHECK(matrix_rank(a) == 2);
  CHECK(matrix_rank(a, T(1e-2)) == 1);
}

TEMPLATE_TEST_CASE("null_space and orth give orthonormal bases of the right dimension", "[rank]", float, double) {
  using T = TestType;
  for (const auto& [m, n, r] : {std::tuple<std::size_t, std::size_t, std::size_t>{12, 9, 4}, {5, 10, 5}, {10, 4, 4}, {6, 6, 1}}) {
    INFO("shape (" << m << "," << n << ") rank " << r);
    const auto a = gallery::rank_deficient<T>(m, n, r, m + n);
    const auto N = null_space(a);
    const auto Q = orth(a);
    REQUIRE(N.rows() == n);
    REQUIRE(N.cols() == n - r);
    REQUIRE(Q.rows() == m);
    REQUIRE(Q.cols() == r);
    CHECK(sg::orthogonality_ratio(N) < 50);
    CHECK(sg::orthogonality_ratio(Q) < 50);
    // A N = 0 to working accuracy, and the columns of A lie in span(Q): (I - Q Q^T) A = 0.
    if (N.cols() > 0) {
      const auto an = gallery::multiply(a, N);
      CHECK(residuals::ratio<T>(residuals::norm1(an), std::max(m, n) * sg::norm1(a) * sg::ulp<T>()) < 50);
    }
    auto rest = a;
    rest -= gallery::multiply(Q, gallery::multiply(gallery::adjoint(Q), a));
    CHECK(residuals::ratio<T>(residuals::norm1(rest), std::max(m, n) * sg::norm1(a) * sg::ulp<T>()) < 50);
  }
}

TEST_CASE("null_space of the zero matrix is everything; of an invertible one, nothing", "[rank]") {
  CHECK(sg::orthogonality_ratio(null_space(zeros<double>(2, 3))) < 50);
  CHECK(null_space(zeros<double>(2, 3)).cols() == 3);
  CHECK(null_space(eye<double>(4)).cols() == 0);
  CHECK(orth(zeros<double>(3, 2)).cols() == 0);
}

TEST_CASE("matrix_rank, null_space and orth reject NaN, naming themselves", "[rank]") {
  Matrix<double> a = eye<double>(2);
  a(0, 0) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(matrix_rank(a), Catch::Contains("matrix_rank"));
  CHECK_THROWS_WITH(null_space(a), Catch::Contains("null_space"));
  CHECK_THROWS_AS(orth(a), non_finite_error);
}
