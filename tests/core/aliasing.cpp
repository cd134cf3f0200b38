#include <catch2/catch.hpp>

#include <linal/linal.hpp>

using namespace linal;

TEST_CASE("A = transpose(A) is right without an explicit copy", "[core][alias]") {
  Matrix<double> A{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  A = transpose(A);
  CHECK(array_equal(A, Matrix<double>{{1, 4, 7}, {2, 5, 8}, {3, 6, 9}}));

  Matrix<double> R{{1, 2, 3}, {4, 5, 6}};  // the shape changes too
  R = R.T();
  CHECK(array_equal(R, Matrix<double>{{1, 4}, {2, 5}, {3, 6}}));

  Matrix<double, 3, 3> F{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  F = F.T() + F;
  CHECK(array_equal(F, Matrix<double>{{2, 6, 10}, {6, 10, 14}, {10, 14, 18}}));
}

TEST_CASE("B = B.block(...) and overlapping views are right", "[core][alias]") {
  Matrix<double> B{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  B = B.block(1, 1, 2, 2);
  CHECK(array_equal(B, Matrix<double>{{5, 6}, {8, 9}}));

  Vector<double> v{1, 2, 3, 4, 5};
  v.block(1, 0, 4, 1) = v.block(0, 0, 4, 1);  // shift right by one, as NumPy's v[1:] = v[:-1].copy()
  CHECK(array_equal(v, Vector<double>{1, 1, 2, 3, 4}));

  Matrix<double> S{{1, 2}, {3, 4}};
  S.row(0) = S.col(1).T();
  CHECK(array_equal(S, Matrix<double>{{2, 4}, {3, 4}}));
}

TEST_CASE("element-wise updates of the same matrix need no copy", "[core][alias]") {
  Matrix<double> A{{1, 2}, {3, 4}};
  A = A * A + A;
  CHECK(array_equal(A, Matrix<double>{{2, 6}, {12, 20}}));
}

TEST_CASE("noalias assigns without the overlap check", "[core][alias]") {
  const Matrix<double> A{{1, 2}, {3, 4}};
  const Matrix<double> B{{1, 1}, {1, 1}};
  Matrix<double> C;
  noalias(C) = A + B;
  CHECK(array_equal(C, Matrix<double>{{2, 3}, {4, 5}}));
  Matrix<double, 2, 2> F;
  CHECK_THROWS_AS(noalias(F) = Matrix<double>(3, 3), shape_error);
}

TEST_CASE("an expression owns its temporaries and never dangles", "[core][alias]") {
  const Matrix<double> A{{1, 2}, {3, 4}};
  auto e = A + Matrix<double>{{10, 20}, {30, 40}};  // the temporary is moved into e
  auto f = 2.0 * (A - 1.0);                          // sub-expressions are held by value
  const Matrix<double> scratch = random(50, 50, 3);  // reuse freed memory, should anything dangle
  CHECK(sum(scratch) > 0);
  CHECK(array_equal(e, Matrix<double>{{11, 22}, {33, 44}}));
  CHECK(array_equal(f, Matrix<double>{{0, 2}, {4, 6}}));
  auto g = transpose(Matrix<double>{{1, 2}});  // the transpose of a temporary is evaluated
  CHECK(array_equal(g, Vector<double>{1, 2}));
}
