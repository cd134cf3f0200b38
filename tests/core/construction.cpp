#include <catch2/catch.hpp>

#include <linal/linal.hpp>
#include <span>
#include <vector>

using namespace linal;

TEST_CASE("nested braces list rows, parentheses give sizes", "[core][construct]") {
  Matrix<double> A{{1, 2, 3}, {4, 5, 6}};
  CHECK(A.rows() == 2);
  CHECK(A.cols() == 3);
  CHECK(A.size() == 6);
  CHECK(A(1, 2) == 6);

  Matrix<double> Z(2, 3);
  CHECK(Z.rows() == 2);
  CHECK(Z.cols() == 3);
  CHECK(all(Z == 0.0));

  Vector<double> v{1, 2, 3};
  CHECK(v.size() == 3);
  CHECK(v[2] == 3);
  Vector<double> zeros5(5);
  CHECK(zeros5.size() == 5);
  CHECK(sum(zeros5) == 0);

  Matrix<double> empty;
  CHECK(empty.rows() == 0);
  CHECK(empty.cols() == 0);
}

TEST_CASE("ragged rows are a shape_error naming the row", "[core][construct][errors]") {
  auto ragged = [] { return Matrix<double>{{1, 2, 3}, {4, 5}}; };
  CHECK_THROWS_AS(ragged(), shape_error);
  CHECK_THROWS_WITH(ragged(), Catch::Contains("row 1 has 2 elements, expected 3"));
}

TEST_CASE("fixed-size matrices check their extents", "[core][construct][errors]") {
  Matrix<double, 2, 2> F{{1, 2}, {3, 4}};
  CHECK(F(1, 0) == 3);
  CHECK(Matrix<double, 2, 2>::is_fixed);
  auto wrong = [] { return Matrix<double, 2, 2>{{1, 2, 3}, {4, 5, 6}}; };
  CHECK_THROWS_AS(wrong(), shape_error);
  Vector<double, 3> v3{1, 2, 3};
  CHECK(v3[1] == 2);
  auto wrong_vector = [] { return Vector<double, 3>{1, 2}; };
  CHECK_THROWS_AS(wrong_vector(), shape_error);
  Matrix<double, 3, 3> zero;
  CHECK(all(zero == 0.0));
}

TEST_CASE("copy and move keep values independent", "[core][construct]") {
  Matrix<double> A{{1, 2}, {3, 4}};
  Matrix<double> B = A;
  B(0, 0) = 10;
  CHECK(A(0, 0) == 1);
  Matrix<double> C = std::move(B);
  CHECK(C(0, 0) == 10);
  Matrix<double> D;
  D = C;
  CHECK(array_equal(D, C));
  D = A;  // a dynamic matrix takes the shape of what is assigned
  CHECK(array_equal(D, A));
}

TEST_CASE("resize and assignment change a dynamic shape", "[core][construct]") {
  Matrix<double> A{{1, 2}, {3, 4}};
  A.resize(3, 1);
  CHECK(A.rows() == 3);
  CHECK(A.cols() == 1);
  CHECK(all(A == 0.0));
  Matrix<double, 2, 2> F;
  CHECK_THROWS_AS(F = Matrix<double>(3, 3), shape_error);
  CHECK(all(F == 0.0));
}

TEST_CASE("NumPy builders", "[core][construct]") {
  CHECK(array_equal(zeros<double>(2, 3), Matrix<double>(2, 3)));
  CHECK(array_equal(ones<double>(2, 2), Matrix<double>{{1, 1}, {1, 1}}));
  CHECK(array_equal(full<double>(1, 3, 7.0), Matrix<double>{{7, 7, 7}}));
  CHECK(array_equal(eye<double>(3), Matrix<double>{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
  CHECK(array_equal(eye<double>(2, 3, 1), Matrix<double>{{0, 1, 0}, {0, 0, 1}}));
  CHECK(array_equal(eye<double, 2>(), Matrix<double, 2, 2>{{1, 0}, {0, 1}}));
  CHECK(array_equal(diag(Vector<double>{1, 2}), Matrix<double>{{1, 0}, {0, 2}}));
  CHECK(array_equal(diag(Vector<double>{1, 2}, 1), Matrix<double>{{0, 1, 0}, {0, 0, 2}, {0, 0, 0}}));
  CHECK(array_equal(diag(Matrix<double>{{1, 2}, {3, 4}}), Vector<double>{1, 4}));
  CHECK(array_equal(diag(Matrix<double>{{1, 2}, {3, 4}}, -1), Vector<double>{3}));
  CHECK(array_equal(arange(4), Vector<int>{0, 1, 2, 3}));
  CHECK(array_equal(arange(1.0, 2.0, 0.25), Vector<double>{1, 1.25, 1.5, 1.75}));
  CHECK_THROWS_AS(arange(0.0, 1.0, 0.0), std::invalid_argument);
  CHECK(array_equal(linspace(0.0, 1.0, 5), Vector<double>{0, 0.25, 0.5, 0.75, 1}));
  CHECK(array_equal(linspace(0.0, 1.0, 4, false), Vector<double>{0, 0.25, 0.5, 0.75}));
  CHECK(array_equal(asarray(std::vector<double>{1, 2}), Vector<double>{1, 2}));
}

TEST_CASE("random matrices are reproducible from their seed", "[core][construct]") {
  const Matrix<double> a = random(3, 4, 42);
  const Matrix<double> b = random(3, 4, 42);
  const Matrix<double> c = random(3, 4, 43);
  CHECK(array_equal(a, b));
  CHECK_FALSE(array_equal(a, c));
  CHECK(all(a >= 0.0));
  CHECK(all(a < 1.0));
  Generator rng(7);
  const Matrix<double> n = rng.normal(200, 50);
  CHECK(std::abs(mean(n)) < 0.05);  // 10000 samples: the mean's standard error is 0.01
  const Matrix<int> k = rng.integers(10, 10, 0, 3);
  CHECK(all(k >= 0));
  CHECK(all(k < 3));
}

TEST_CASE("a matrix is a contiguous range", "[core][construct]") {
  Matrix<double> A{{1, 2}, {3, 4}};
  static_assert(std::ranges::contiguous_range<Matrix<double>>);
  std::span<double> s(A);
  CHECK(s.size() == 4);
  CHECK(s[2] == 3);
  double total = 0;
  for (double x : A) total += x;
  CHECK(total == 10);
  CHECK(reinterpret_cast<std::uintptr_t>(Matrix<double>(3, 3).data()) % 64 == 0);
}

TEST_CASE("element types convert only when asked", "[core][construct]") {
  Matrix<double> A{{1.5, 2.5}};
  Matrix<float> F = A.cast<float>();
  CHECK(F(0, 1) == 2.5f);
  Matrix<int> I(A.cast<int>());
  CHECK(I(0, 0) == 1);
  const Matrix<double> mask = (A > 2.0).cast<double>();  // expressions convert too
  CHECK(array_equal(mask, Matrix<double>{{0, 1}}));
  static_assert(!std::is_convertible_v<Matrix<double>, Matrix<float>>);
  static_assert(std::is_constructible_v<Matrix<float>, Matrix<double>>);
}
