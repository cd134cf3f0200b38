// The user-facing products dot, vdot, matmul and outer: NumPy's shapes and results, views and
// transposes read in place, fixed sizes, and the shape errors.

#include <catch2/catch.hpp>
#include <complex>
#include <limits>
#include <linal/core.hpp>
#include <linal/kernels.hpp>
#include <type_traits>
#include <vector>

namespace {

using linal::Matrix;
using linal::Vector;

template <class X, class Y>
void require_close(const X& got, const Y& expect, std::size_t k) {
  REQUIRE(got.rows() == expect.rows());
  REQUIRE(got.cols() == expect.cols());
  const double tol = 30.0 * static_cast<double>(k + 2) * std::numeric_limits<double>::epsilon();
  for (std::size_t i = 0; i < got.rows(); ++i)
    for (std::size_t j = 0; j < got.cols(); ++j)
      REQUIRE(std::abs(got(i, j) - expect(i, j)) <= tol * (1 + std::abs(expect(i, j))));
}

// The naive product, the reference for every matmul below.
template <class X, class Y>
Matrix<double> naive(const X& a, const Y& b) {
  Matrix<double> c(a.rows(), b.cols());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < b.cols(); ++j)
      for (std::size_t p = 0; p < a.cols(); ++p) c(i, j) += a(i, p) * b(p, j);
  return c;
}

Matrix<double> counting(std::size_t m, std::size_t n, double start) {
  Matrix<double> a(m, n);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j)
      a(i, j) = start + 0.25 * static_cast<double>(i * n + j) - 0.01 * static_cast<double>(j * j);
  return a;
}

}  // namespace

TEST_CASE("matmul of matrices, transposes, blocks and expressions", "[products][matmul]") {
  const Matrix<double> a = counting(37, 23, -3), b = counting(23, 41, 1);
  require_close(linal::matmul(a, b), naive(a, b), 23);
  // Transposes and blocks are views: read through their strides, never copied.
  const Matrix<double> bt = linal::transpose(b);
  require_close(linal::matmul(a, linal::transpose(bt)), naive(a, b), 23);
  require_close(linal::matmul(a.T().T(), b), naive(a, b), 23);
  const auto blk = a.block(2, 3, 10, 12);
  const auto blk2 = b.block(1, 5, 12, 7);
  require_close(linal::matmul(blk, blk2), naive(Matrix<double>(blk), Matrix<double>(blk2)), 12);
  // A lazy expression is evaluated once, then multiplied.
  require_close(linal::matmul(a + a, b), naive(Matrix<double>(a + a), b), 23);
  // Large enough for the blocked, threaded path.
  const Matrix<double> big_a = counting(130, 150, 0.5), big_b = counting(150, 170, -0.5);
  require_close(linal::matmul(big_a, big_b), naive(big_a, big_b), 150);
}

TEST_CASE("matmul with vectors follows NumPy's 1-D rules", "[products][matmul]") {
  const Matrix<double> a{{1, 2, 3}, {4, 5, 6}};
  const Vector<double> x{1, 0, -1};
  const Vector<double> y{2, 3};
  const auto ax = linal::matmul(a, x);  // (2,3) @ (3,) -> (2,)
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(ax)>, Vector<double>>);
  REQUIRE(ax.rows() == 2);
  REQUIRE(ax(0) == -2.0);
  REQUIRE(ax(1) == -2.0);
  const auto ya = linal::matmul(y, a);  // (2,) @ (2,3) -> (3,)
  REQUIRE(ya.rows() == 3);
  REQUIRE(ya(0) == 14.0);
  REQUIRE(ya(1) == 19.0);
  REQUIRE(ya(2) == 24.0);
  REQUIRE(linal::matmul(x, x) == 2.0);  // (3,) @ (3,) -> scalar
  // A column of a matrix is a strided vector view.
  const auto col = linal::matmul(a, a.T().col(1));
  REQUIRE(col(0) == 1 * 4 + 2 * 5 + 3 * 6);
  REQUIRE(col(1) == 4 * 4 + 5 * 5 + 6 * 6);
}

TEST_CASE("fixed-size products are unrolled and stay fixed-size", "[products][matmul]") {
  const Matrix<double, 2, 2> r{{0, -1}, {1, 0}};
  const auto r2 = linal::matmul(r, r);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(r2)>, Matrix<double, 2, 2>>);
  REQUIRE(r2(0, 0) == -1.0);
  REQUIRE(r2(0, 1) == 0.0);
  REQUIRE(r2(1, 1) == -1.0);
  Matrix<double, 8, 5> a;
  Matrix<double, 5, 7> b;
  for (std::size_t i = 0; i < 8; ++i)
    for (std::size_t j = 0; j < 5; ++j)
      a(i, j) = static_cast<double>(i) - 0.5 * static_cast<double>(j);
  for (std::size_t i = 0; i < 5; ++i)
    for (std::size_t j = 0; j < 7; ++j) b(i, j) = static_cast<double>(i * j) + 1;
  const auto c = linal::matmul(a, b);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(c)>, Matrix<double, 8, 7>>);
  require_close(c, naive(a, b), 5);
  const Vector<double, 3> v{1, 2, 3};
  const Matrix<double, 3, 3> m{{1, 0, 0}, {0, 2, 0}, {0, 0, 3}};
  const auto mv = linal::matmul(m, v);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(mv)>, Vector<double, 3>>);
  REQUIRE(mv(2) == 9.0);
  // Beyond 8 x 8, fixed sizes go through the kernels and keep their static shape.
  const Matrix<double, 9, 9> nine = linal::eye<double>(9);
  const auto nn = linal::matmul(nine, nine);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(nn)>, Matrix<double, 9, 9>>);
  require_close(nn, Matrix<double>(nine), 9);
}

// Fills a fixed-size matrix with small distinct integers, exact in every element type.
template <class M>
M counting(int start) {
  M m;
  int x = start;
  for (std::size_t i = 0; i < m.rows(); ++i)
    for (std::size_t j = 0; j < m.cols(); ++j) m(i, j) = static_cast<typename M::value_type>((x++ % 7) - 3);
  return m;
}

// Every small shape class of the batched row path: rows shorter than a batch (3), exactly one
// batch (4 doubles), longer than one batch but not a whole number (5, 6, 7) and two batches (8),
// with depths and heights that differ from the width.
template <class T, std::size_t M, std::size_t N, std::size_t K>
void check_fixed_product() {
  const auto a = counting<Matrix<T, M, K>>(1);
  const auto b = counting<Matrix<T, K, N>>(2);
  const Matrix<T, M, N> c = linal::matmul(a, b);
  for (std::size_t i = 0; i < M; ++i)
    for (std::size_t j = 0; j < N; ++j) {
      T expect{};
      for (std::size_t p = 0; p < K; ++p) expect += a(i, p) * b(p, j);
      REQUIRE(c(i, j) == expect);  // small integers: every sum is exact
    }
}

TEMPLATE_TEST_CASE("fixed-size products are exact for every row length", "[products][matmul]", float,
                   double, int, std::complex<double>) {
  check_fixed_product<TestType, 3, 3, 3>();
  check_fixed_product<TestType, 4, 4, 4>();
  check_fixed_product<TestType, 2, 3, 5>();
  check_fixed_product<TestType, 5, 5, 5>();
  check_fixed_product<TestType, 6, 6, 2>();
  check_fixed_product<TestType, 7, 7, 7>();
  check_fixed_product<TestType, 8, 8, 8>();
  check_fixed_product<TestType, 1, 8, 3>();
  check_fixed_product<TestType, 8, 2, 3>();
}

TEST_CASE("fixed-size products read strided and transposed operands in place", "[products][matmul]") {
  // B is a 3 x 3 window with row stride 5 into a larger buffer, its last row the buffer's end:
  // reading a whole batch past that row would leave the buffer.
  std::vector<double> buffer(2 * 5 + 3);
  for (std::size_t i = 0; i < buffer.size(); ++i) buffer[i] = static_cast<double>(i) - 4;
  const linal::View<const double, 3, 3> b(buffer.data(), 3, 3, 5, 1);
  const auto a = counting<Matrix<double, 3, 3>>(3);
  const auto c = linal::matmul(a, b);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(c)>, Matrix<double, 3, 3>>);
  require_close(c, naive(a, b), 3);
  // Transposed operands (B with non-unit column stride takes the scalar path).
  const auto d = counting<Matrix<double, 4, 4>>(5);
  require_close(linal::matmul(d, d.T()), naive(d, d.T()), 4);
  require_close(linal::matmul(d.T(), d), naive(d.T(), d), 4);
  // Operands that are expressions, not memory.
  require_close(linal::matmul(d + d, d), naive(d + d, d), 4);
}

TEST_CASE("matmul shape errors name the function and both shapes", "[products][errors]") {
  const Matrix<double> a(2, 3), b(2, 3);
  REQUIRE_THROWS_MATCHES(
      linal::matmul(a, b), linal::shape_error,
      Catch::Message("matmul: (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)"));
  const Vector<double> v(4);
  REQUIRE_THROWS_MATCHES(
      linal::matmul(a, v), linal::shape_error,
      Catch::Message("matmul: (2,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)"));
  REQUIRE_THROWS_MATCHES(
      linal::matmul(v, a), linal::shape_error,
      Catch::Message("matmul: (4,) and (2,3) not aligned: 4 (dim 0) != 2 (dim 0)"));
  REQUIRE_THROWS_AS(linal::dot(v, Vector<double>(3)), linal::shape_error);
  REQUIRE_THROWS_MATCHES(linal::dot(v, Vector<double>(3)), linal::shape_error,
                         Catch::Message("dot: (4,) and (3,) not aligned: 4 (dim 0) != 3 (dim 0)"));
  REQUIRE_THROWS_AS(linal::vdot(v, Vector<double>(3)), linal::shape_error);
}

TEST_CASE("dot is unconjugated and vdot conjugated, as in NumPy", "[products][dot]") {
  using C = std::complex<double>;
  const Vector<C> u{C(1, 2), C(3, -1)};
  const Vector<C> v{C(0, 1), C(2, 2)};
  // dot: (1+2i)i + (3-i)(2+2i) = (-2+i) + (8+4i) = 6+5i
  REQUIRE(linal::dot(u, v) == C(6, 5));
  // vdot: (1-2i)i + (3+i)(2+2i) = (2+i) + (4+8i) = 6+9i
  REQUIRE(linal::vdot(u, v) == C(6, 9));
  const Matrix<double> a{{1, 2, 3}, {4, 5, 6}};
  // Rows and columns of a matrix are strided vectors of either orientation.
  REQUIRE(linal::dot(a.row(1), a.T().col(0)) == 4.0 * 1 + 5 * 2 + 6 * 3);
  REQUIRE(linal::dot(a.col(2), a.col(0)) == 3.0 * 1 + 6 * 4);
  REQUIRE(linal::vdot(a.col(2), a.col(0)) == 3.0 * 1 + 6 * 4);
  REQUIRE(linal::dot(a.row(0) * 2.0, a.row(1)) == 2.0 * (4 + 10 + 18));
  REQUIRE(linal::dot(Vector<double>(0), Vector<double>(0)) == 0.0);
}

TEST_CASE("outer product", "[products][outer]") {
  const Vector<double, 3> u{1, 2, 3};
  const Vector<double> v{1, -1};
  const auto o = linal::outer(u, v);
  REQUIRE(o.rows() == 3);
  REQUIRE(o.cols() == 2);
  REQUIRE(o(2, 1) == -3.0);
  const auto fixed = linal::outer(u, u);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(fixed)>, Matrix<double, 3, 3>>);
  REQUIRE(fixed(1, 2) == 6.0);
}

TEST_CASE("matmul of integer and complex matrices", "[products][matmul]") {
  const Matrix<int> a{{1, 2}, {3, 4}, {5, 6}};
  const Matrix<int> b{{1, 0, -1}, {2, 1, 0}};
  const Matrix<int> c = linal::matmul(a, b);
  REQUIRE(c(0, 0) == 5);
  REQUIRE(c(2, 2) == -5);
  using C = std::complex<double>;
  const Matrix<C> z{{C(0, 1), C(1, 0)}, {C(2, 0), C(0, -1)}};
  const Matrix<C> z2 = linal::matmul(z, z);
  REQUIRE(z2(0, 0) == C(1, 0));  // i*i + 1*2
  REQUIRE(z2(0, 1) == C(0, 0));  // i*1 + 1*(-i)
}
