// trace, triu and tril against NumPy's documented outputs.
#include <catch2/catch.hpp>

#include <linal/linal.hpp>

using linal::Matrix;

TEST_CASE("trace sums the main diagonal, of any shape, as numpy.trace") {
  const Matrix<double> a{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  CHECK(linal::trace(a) == 15.0);  // np.trace(np.arange(1, 10).reshape(3, 3))
  CHECK(linal::trace(a, 1) == 8.0);  // offset=1: 2 + 6
  CHECK(linal::trace(a, -1) == 12.0);  // offset=-1: 4 + 8
  CHECK(linal::trace(a, 5) == 0.0);  // a diagonal outside the matrix is empty
  const Matrix<double> wide{{1, 2, 3}, {4, 5, 6}};
  CHECK(linal::trace(wide) == 6.0);  // np.trace of a (2,3) array: 1 + 5
  CHECK(linal::trace(Matrix<double>(0, 0)) == 0.0);
  const Matrix<int, 2, 2> fixed{{1, 2}, {3, 4}};
  CHECK(linal::trace(fixed) == 5);
  CHECK(linal::trace(a.T()) == 15.0);  // views work without a copy
}

TEST_CASE("triu and tril zero the other side of diagonal k, as numpy.triu and numpy.tril") {
  const Matrix<double> a{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};
  // np.triu([[1,2,3],[4,5,6],[7,8,9],[10,11,12]], -1)
  CHECK(linal::array_equal(linal::triu(a, -1), Matrix<double>{{1, 2, 3}, {4, 5, 6}, {0, 8, 9}, {0, 0, 12}}));
  CHECK(linal::array_equal(linal::triu(a), Matrix<double>{{1, 2, 3}, {0, 5, 6}, {0, 0, 9}, {0, 0, 0}}));
  CHECK(linal::array_equal(linal::tril(a), Matrix<double>{{1, 0, 0}, {4, 5, 0}, {7, 8, 9}, {10, 11, 12}}));
  CHECK(linal::array_equal(linal::tril(a, 1), Matrix<double>{{1, 2, 0}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}}));
  CHECK(linal::array_equal(linal::tril(a, -3), Matrix<double>{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {10, 0, 0}}));
  CHECK(linal::array_equal(linal::triu(a) + linal::tril(a, -1), a));
}

TEST_CASE("triu and tril keep fixed shapes fixed") {
  const Matrix<double, 2, 2> a{{1, 2}, {3, 4}};
  const Matrix<double, 2, 2> u = linal::triu(a);
  CHECK(u(1, 0) == 0.0);
  CHECK(u(0, 1) == 2.0);
  static_assert(std::is_same_v<decltype(linal::tril(a)), Matrix<double, 2, 2>>);
}
