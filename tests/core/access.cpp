#include <catch2/catch.hpp>

#include <linal/linal.hpp>

using namespace linal;

TEST_CASE("checked access throws std::out_of_range with the shape", "[core][access][errors]") {
  Matrix<double> A{{1, 2}, {3, 4}};
  CHECK(A.at(1, 1) == 4);
  CHECK_THROWS_AS(A.at(2, 0), std::out_of_range);
  CHECK_THROWS_WITH(A.at(2, 0), Catch::Contains("(2,0)") && Catch::Contains("(2,2)"));
  Vector<double> v{1, 2, 3};
  CHECK(v.at(2) == 3);
  CHECK(v(1) == 2);
  CHECK_THROWS_AS(v.at(3), std::out_of_range);
}

TEST_CASE("row, col, block and diagonal views read and write the matrix", "[core][views]") {
  Matrix<double> A{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  CHECK(array_equal(A.row(1), Matrix<double>{{4, 5, 6}}));
  CHECK(array_equal(A.col(2), Vector<double>{3, 6, 9}));
  CHECK(array_equal(A.block(1, 1, 2, 2), Matrix<double>{{5, 6}, {8, 9}}));
  CHECK(array_equal(A.diagonal(), Vector<double>{1, 5, 9}));

  A.row(0) = Matrix<double>{{10, 20, 30}};
  A.col(0) += 1.0;
  A.block(1, 1, 2, 2) = 0.0;
  A.diagonal() *= 2.0;
  CHECK(array_equal(A, Matrix<double>{{22, 20, 30}, {5, 0, 0}, {8, 0, 0}}));

  A.row(1) = A.row(0);  // a view assigned to a view copies elements
  CHECK(array_equal(A.row(1), Matrix<double>{{22, 20, 30}}));
  CHECK_THROWS_AS(A.block(2, 2, 2, 2), std::out_of_range);
  CHECK_THROWS_AS(A.row(3), std::out_of_range);
  CHECK_THROWS_AS((A.row(0) = Matrix<double>{{1, 2}}), shape_error);
}

TEST_CASE("views of a const matrix are read-only", "[core][views]") {
  const Matrix<double> A{{1, 2}, {3, 4}};
  auto r = A.row(0);
  static_assert(std::is_const_v<std::remove_reference_t<decltype(r(0, 0))>>);
  CHECK(r(0, 1) == 2);
}

TEST_CASE("transpose is a view", "[core][views]") {
  Matrix<double> A{{1, 2, 3}, {4, 5, 6}};
  auto t = transpose(A);
  CHECK(t.rows() == 3);
  CHECK(t.cols() == 2);
  CHECK(t(2, 1) == 6);
  t(0, 1) = 40;  // writes through to A
  CHECK(A(1, 0) == 40);
  CHECK(array_equal(A.T().T(), A));
  Matrix<double, 2, 3> F{{1, 2, 3}, {4, 5, 6}};
  static_assert(decltype(F.T())::static_rows == 3 && decltype(F.T())::static_cols == 2);
  CHECK(array_equal(transpose(A + 1.0), Matrix<double>{{2, 41}, {3, 6}, {4, 7}}));
}

TEST_CASE("views over user memory, with a row stride", "[core][views]") {
  double buffer[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  auto M = as_matrix(buffer, 3, 3, 4);  // a 3x3 window in a 3x4 row-major array
  CHECK(M(1, 0) == 4);
  CHECK(M(2, 2) == 10);
  M(0, 0) = 100;
  CHECK(buffer[0] == 100);
  auto v = as_vector(buffer + 1, 3, 4);  // column 1
  CHECK(array_equal(v, Vector<double>{1, 5, 9}));
  const std::vector<double> data{1, 2, 3, 4};
  auto c = as_matrix(data.data(), 2, 2);
  CHECK(sum(c) == 10);
}

TEST_CASE("conjugate transpose for complex matrices", "[core][views]") {
  using C = std::complex<double>;
  Matrix<C> Z{{C(1, 2), C(3, 4)}};
  Matrix<C> H = Z.H();
  CHECK(H.rows() == 2);
  CHECK(H(1, 0) == C(3, -4));
}
