// matmul with a triangular view, upper(A) or lower(A), on either side: the product of the
// triangle alone (what Matrix(upper(A)) holds), to rounding, with the other triangle never read.
// Every A here holds NaN outside the view's triangle, and on the diagonal of a unit-diagonal view.
#include <catch2/catch.hpp>

#include <linal/linal.hpp>

#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>

#include "gallery.hpp"
#include "residuals.hpp"

using linal::Matrix;
using linal::Vector;

namespace {

template <class T>
T not_a_number() {
  return T(std::numeric_limits<linal::real_t<T>>::quiet_NaN());
}

/// A random m x n matrix whose elements outside the triangle that a view `lower`/`unit` reads
/// are NaN.
template <class T>
Matrix<T> triangle_with_nan(std::size_t m, std::size_t n, bool lower, bool unit, std::uint64_t seed) {
  Matrix<T> a = gallery::random_matrix<T>(m, n, seed);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if ((lower ? j > i : j < i) || (unit && i == j)) a(i, j) = not_a_number<T>();
  return a;
}

template <class E>
auto view_of(const E& a, bool lower, bool unit) {
  if (lower) return unit ? linal::lower(a, linal::unit_diagonal) : linal::lower(a);
  return unit ? linal::upper(a, linal::unit_diagonal) : linal::upper(a);
}

/// ||C - A B||_1 / (max(k, 1) ||A||_1 ||B||_1 eps) with A B in extended precision: the error
/// bound of a product with inner dimension k, normalized as LAPACK's tests do.
template <class EC, class EA, class EB>
long double product_ratio(const EC& c, const EA& a, const EB& b) {
  using T = linal::value_t<EC>;
  REQUIRE(c.rows() == a.rows());
  REQUIRE(c.cols() == b.cols());
  const auto wa = residuals::wide(a);
  const auto wb = residuals::wide(b);
  auto r = residuals::product(wa, wb, a.cols(), b.cols());
  const auto wc = residuals::wide(c);
  for (std::size_t i = 0; i < c.rows(); ++i)
    for (std::size_t j = 0; j < c.cols(); ++j) {
      // A NaN read from outside the triangle: the norms below would not see it.
      if (!std::isfinite(std::abs(wc[i][j]))) return std::numeric_limits<long double>::infinity();
      r[i][j] -= wc[i][j];
    }
  const long double scale = static_cast<long double>(std::max<std::size_t>(a.cols(), 1)) *
                            residuals::norm1(wa, a.cols()) * residuals::norm1(wb, b.cols()) *
                            residuals::unit_roundoff<T>();
  return residuals::ratio<T>(residuals::norm1(r, c.cols()), scale);
}

/// matmul(T, B) and matmul(B^T, T^T-side) for every triangle kind of an n x n matrix, B n x k.
template <class T>
void check_square(std::size_t n, std::size_t k) {
  CAPTURE(n, k);
  for (const bool lower : {false, true})
    for (const bool unit : {false, true}) {
      CAPTURE(lower, unit);
      const Matrix<T> a = triangle_with_nan<T>(n, n, lower, unit, 7 * n + k);
      const auto t = view_of(a, lower, unit);
      const Matrix<T> dense = t;
      const Matrix<T> b = gallery::random_matrix<T>(n, k, n + 3 * k);
      CHECK(product_ratio(linal::matmul(t, b), dense, b) < 30);
      const Matrix<T> left = gallery::random_matrix<T>(k, n, n + 5 * k);
      CHECK(product_ratio(linal::matmul(left, t), left, dense) < 30);
    }
}

}  // namespace

TEST_CASE("matmul(upper(A), B) and matmul(B, lower(A)) are the products of the triangle") {
  for (const std::size_t n : {0, 1, 2, 3, 31, 32, 33, 64, 65, 130, 257})
    for (const std::size_t k : {std::size_t(0), std::size_t(1), std::size_t(5), n + 40}) check_square<double>(n, k);
}

TEST_CASE("matmul with a triangular view on one thread and on several") {
  // Several threads split large triangles into gemm products; one thread does them whole.
  const int threads = linal::get_num_threads();
  for (const int t : {1, 2}) {
    linal::set_num_threads(t);
    check_square<double>(520, 60);
  }
  linal::set_num_threads(threads);
}

TEST_CASE("matmul with a triangular view for float and complex elements") {
  for (const std::size_t n : {0, 1, 3, 33, 65, 130})
    for (const std::size_t k : {std::size_t(2), n + 9}) {
      check_square<float>(n, k);
      check_square<std::complex<float>>(n, k);
      check_square<std::complex<double>>(n, k);
    }
}

TEST_CASE("matmul with a triangular view of integers is exact") {
  for (const std::size_t n : {std::size_t(4), std::size_t(40), std::size_t(70)})
    for (const bool lower : {false, true}) {
      CAPTURE(n, lower);
      Matrix<std::int64_t> a(n, n), b(n, n + 3);
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) a(i, j) = static_cast<std::int64_t>((3 * i + 7 * j) % 11) - 5;
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n + 3; ++j) b(i, j) = static_cast<std::int64_t>((5 * i + j) % 13) - 6;
      const auto t = view_of(a, lower, false);
      const Matrix<std::int64_t> dense = t;
      CHECK(linal::array_equal(linal::matmul(t, b), gallery::multiply(dense, b)));
      const Matrix<std::int64_t> bt = b.T();
      CHECK(linal::array_equal(linal::matmul(bt, t), gallery::multiply(bt, dense)));
    }
}

TEST_CASE("matmul of a triangular view and a vector, on either side, gives a vector") {
  for (const std::size_t n : {1, 2, 33, 130})
    for (const bool lower : {false, true})
      for (const bool unit : {false, true}) {
        CAPTURE(n, lower, unit);
        const Matrix<double> a = triangle_with_nan<double>(n, n, lower, unit, n);
        const auto t = view_of(a, lower, unit);
        const Matrix<double> dense = t;
        const Vector<double> v = Vector<double>(gallery::random_matrix<double>(n, 1, n + 1).col(0));
        const Vector<double> tv = linal::matmul(t, v);
        CHECK(product_ratio(tv, dense, v) < 30);
        const Vector<double> vt = linal::matmul(v, t);
        const Matrix<double> dense_t = dense.T();
        CHECK(product_ratio(vt, dense_t, v) < 30);
      }
}

TEST_CASE("matmul with a trapezoidal view of a rectangular matrix") {
  const std::pair<std::size_t, std::size_t> shapes[] = {{0, 5}, {5, 0}, {1, 3}, {3, 1}, {40, 70}, {70, 40}, {33, 130}};
  for (const auto& [m, n] : shapes)
    for (const bool lower : {false, true})
      for (const bool unit : {false, true}) {
        CAPTURE(m, n, lower, unit);
        const Matrix<double> a = triangle_with_nan<double>(m, n, lower, unit, m + n);
        const auto t = view_of(a, lower, unit);
        const Matrix<double> dense = t;
        const Matrix<double> b = gallery::random_matrix<double>(n, 9, m);
        CHECK(product_ratio(linal::matmul(t, b), dense, b) < 30);
        const Matrix<double> left = gallery::random_matrix<double>(9, m, n);
        CHECK(product_ratio(linal::matmul(left, t), left, dense) < 30);
      }
}

TEST_CASE("matmul with views of blocks and transposes as operands") {
  const std::size_t n = 75;
  Matrix<double> big = gallery::random_matrix<double>(n + 10, n + 10, 3);
  for (std::size_t i = 0; i < n + 10; ++i)
    for (std::size_t j = 0; j < i; ++j) big(i, j) = not_a_number<double>();
  const auto block = big.block(4, 4, n, n);  // strided: row stride n + 10
  const Matrix<double> dense_upper = linal::upper(block);
  const Matrix<double> b = gallery::random_matrix<double>(n + 20, n + 20, 4);
  const auto b_block = b.block(3, 2, n, 50);
  const Matrix<double> b_dense = b_block;
  CHECK(product_ratio(linal::matmul(linal::upper(block), b_block), dense_upper, b_dense) < 30);

  // The transpose of an upper triangle is a lower one, read through swapped strides.
  const Matrix<double> dense_lower = linal::lower(block.T());
  const auto bt = b.block(0, 0, 50, n).T();  // n x 50, column-major
  const Matrix<double> bt_dense = bt;
  CHECK(product_ratio(linal::matmul(linal::lower(block.T()), bt), dense_lower, bt_dense) < 30);
  CHECK(product_ratio(linal::matmul(bt_dense.T(), linal::upper(block)), Matrix<double>(bt_dense.T()), dense_upper) <
        30);
  const Matrix<double> sum = b_block + b_block;
  CHECK(product_ratio(linal::matmul(linal::upper(block), b_block + b_block), dense_upper, sum) < 30);
}

TEST_CASE("matmul with two structured views") {
  const Matrix<double> a = gallery::random_matrix<double>(40, 40, 8);
  const Matrix<double> upper_a = linal::upper(a), lower_a = linal::lower(a), sym = linal::symmetric(a);
  CHECK(product_ratio(linal::matmul(linal::upper(a), linal::lower(a)), upper_a, lower_a) < 30);
  CHECK(product_ratio(linal::matmul(linal::symmetric(a), linal::lower(a)), sym, lower_a) < 30);
}

TEST_CASE("matmul with a fixed-size triangular view") {
  const double nan = not_a_number<double>();
  const linal::Matrix<double, 3, 3> a{{1, 2, 3}, {nan, 4, 5}, {nan, nan, 6}};
  const linal::Matrix<double, 3, 2> b{{1, 0}, {0, 1}, {1, 1}};
  const linal::Matrix<double, 3, 2> ub = linal::matmul(linal::upper(a), b);
  CHECK(linal::array_equal(ub, Matrix<double>{{4, 5}, {5, 9}, {6, 6}}));
  const linal::Matrix<double, 2, 3> bu = linal::matmul(linal::Matrix<double, 2, 3>(b.T()), linal::upper(a));
  CHECK(linal::array_equal(bu, Matrix<double>{{1, 2, 9}, {0, 4, 11}}));

  linal::Matrix<double, 12, 12> big;
  for (std::size_t i = 0; i < 12; ++i)
    for (std::size_t j = 0; j < 12; ++j) big(i, j) = j < i ? nan : double(i + j);
  const linal::Matrix<double, 12, 12> dense = linal::upper(big);
  linal::Matrix<double, 12, 1> ones;
  for (std::size_t i = 0; i < 12; ++i) ones(i, 0) = 1;
  const linal::Matrix<double, 12, 1> row_sums = linal::matmul(linal::upper(big), ones);
  CHECK(product_ratio(row_sums, dense, ones) < 30);
}

TEST_CASE("matmul with a triangular view checks shapes as NumPy does") {
  const Matrix<double> a(3, 3);
  CHECK_THROWS_WITH(linal::matmul(linal::upper(a), Matrix<double>(2, 2)),
                    "matmul: (3,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)");
  CHECK_THROWS_WITH(linal::matmul(Matrix<double>(2, 2), linal::lower(a)),
                    "matmul: (2,2) and (3,3) not aligned: 2 (dim 1) != 3 (dim 0)");
  CHECK_THROWS_WITH(linal::matmul(Vector<double>(2), linal::lower(a)),
                    "matmul: (2,) and (3,3) not aligned: 2 (dim 0) != 3 (dim 0)");
  const Matrix<double> wide(2, 3);
  CHECK_THROWS_AS(linal::matmul(linal::lower(wide), Vector<double>(2)), linal::shape_error);
}

TEST_CASE("matmul(symmetric(A), B) never reads the other triangle") {
  for (const std::size_t n : {1, 33, 130})
    for (const auto part : {linal::triangle::lower, linal::triangle::upper}) {
      CAPTURE(n);
      const bool lower = part == linal::triangle::lower;
      const Matrix<double> a = triangle_with_nan<double>(n, n, lower, false, n);
      const Matrix<double> full = linal::symmetric(a, part);
      const Matrix<double> b = gallery::random_matrix<double>(n, 20, n + 1);
      CHECK(product_ratio(linal::matmul(linal::symmetric(a, part), b), full, b) < 30);
      const Matrix<double> b_transposed = b.T();
      CHECK(product_ratio(linal::matmul(linal::symmetric(a, part), b_transposed.T()), full, b) < 30);
    }
}
