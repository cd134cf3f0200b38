// solve(upper(A), B) and solve(lower(A), B) at sizes on both sides of the trsm's recursion leaf
// (48): LAPACK's backward-error ratio ||B - T X||_1 / (||T||_1 ||X||_1 eps) below 30, for vector
// and matrix right-hand sides, unit and non-unit diagonals, views with strides; a zero on the
// diagonal reported with its position, inputs unchanged.
#include <catch2/catch.hpp>

#include <linal/linal.hpp>

#include <cstddef>
#include <string>
#include <type_traits>

#include "gallery.hpp"
#include "residuals.hpp"

using linal::Matrix;
using linal::Vector;

namespace {

// A random square matrix whose diagonal stays away from zero; only one triangle is ever read.
template <class T>
Matrix<T> far_from_singular(std::size_t n, std::uint64_t seed) {
  return gallery::random_matrix<T>(n, n, seed) + T(10) * linal::eye<T>(n);
}

// The dense triangular matrix a view stands for, built without the view itself.
template <class T>
Matrix<T> dense_triangle(const Matrix<T>& a, linal::triangle part, bool unit) {
  Matrix<T> t = part == linal::triangle::upper ? linal::triu(a, unit ? 1 : 0) : linal::tril(a, unit ? -1 : 0);
  if (unit) t += linal::eye<T>(a.rows());
  return t;
}

}  // namespace

TEMPLATE_TEST_CASE("triangular solve: backward error below 30 across the block size", "[triangular]", float, double) {
  using T = TestType;
  for (const std::size_t n : {0, 1, 2, 7, 47, 48, 49, 100, 130}) {
    const Matrix<T> a = far_from_singular<T>(n, n);
    for (const std::size_t k : {1, 3, 70}) {
      const Matrix<T> b = gallery::random_matrix<T>(n, k, n + k);
      INFO("n = " << n << ", k = " << k);
      CHECK(residuals::solve_ratio(dense_triangle(a, linal::triangle::upper, false), linal::solve(linal::upper(a), b), b) < 30);
      CHECK(residuals::solve_ratio(dense_triangle(a, linal::triangle::lower, false), linal::solve(linal::lower(a), b), b) < 30);
      CHECK(residuals::solve_ratio(dense_triangle(a, linal::triangle::upper, true),
                                   linal::solve(linal::upper(a, linal::unit_diagonal), b), b) < 30);
      CHECK(residuals::solve_ratio(dense_triangle(a, linal::triangle::lower, true),
                                   linal::solve(linal::lower(a, linal::unit_diagonal), b), b) < 30);
    }
    const Vector<T> v = Vector<T>(gallery::random_matrix<T>(n, 1, n + 5).col(0));
    const auto x = linal::solve(linal::upper(a), v);
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(x)>, Vector<T>>);
    CHECK(residuals::solve_ratio(dense_triangle(a, linal::triangle::upper, false), x, v) < 30);
  }
}

TEST_CASE("triangular solve reads strided views: a transpose and a block") {
  const std::size_t n = 90;
  const Matrix<double> big = far_from_singular<double>(n + 10, 1);
  const Matrix<double> b = gallery::random_matrix<double>(n, 60, 2);
  // lower(A^T) is the transpose of upper(A): the view walks A with swapped strides.
  const Matrix<double> square = Matrix<double>(big.block(0, 0, n, n));
  const Matrix<double> lower_of_transpose = linal::tril(Matrix<double>(square.T()));
  CHECK(residuals::solve_ratio(lower_of_transpose, linal::solve(linal::lower(square.T()), b), b) < 30);
  // A block whose rows are longer than it is wide.
  const auto block = big.block(5, 5, n, n);
  CHECK(residuals::solve_ratio(linal::triu(Matrix<double>(block)), linal::solve(linal::upper(block), b), b) < 30);
}

TEST_CASE("triangular solve keeps fixed sizes fixed, without the heap") {
  const Matrix<double, 3, 3> a{{2, 1, 1}, {99, 4, 2}, {99, 99, 8}};
  const Vector<double, 3> b{4, 6, 8};
  const auto x = linal::solve(linal::upper(a), b);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(x)>, Vector<double, 3>>);
  CHECK(residuals::solve_ratio(linal::triu(a), x, b) < 30);
}

TEST_CASE("triangular solve: a zero on the diagonal names its position; inputs unchanged") {
  for (const std::size_t zero_at : {0, 48, 99}) {
    Matrix<double> a = far_from_singular<double>(100, 3);
    a(zero_at, zero_at) = 0;
    const Matrix<double> b = gallery::random_matrix<double>(100, 20, 4);
    const Matrix<double> a_before = a, b_before = b;
    const std::string position = "(" + std::to_string(zero_at) + "," + std::to_string(zero_at) + ")";
    for (const bool upper : {true, false}) {
      try {
        if (upper) linal::solve(linal::upper(a), b);
        else linal::solve(linal::lower(a), b);
        FAIL("no exception for a zero at " << position);
      } catch (const linal::singular_matrix_error& e) {
        CHECK(e.pivot() == zero_at);
        CHECK_THAT(e.what(), Catch::Contains("solve") && Catch::Contains(position));
      }
    }
    CHECK(linal::array_equal(a, a_before));
    CHECK(linal::array_equal(b, b_before));
    // With an implied unit diagonal the zero is never read.
    CHECK(residuals::solve_ratio(dense_triangle(a, linal::triangle::lower, true),
                                 linal::solve(linal::lower(a, linal::unit_diagonal), b), b) < 30);
  }
}
