#include <catch2/catch.hpp>

#include <linal/linal.hpp>

using namespace linal;

TEST_CASE("arithmetic is element-wise, as in NumPy", "[core][expr]") {
  const Matrix<double> A{{1, 2}, {3, 4}};
  const Matrix<double> B{{5, 6}, {7, 8}};
  CHECK(array_equal(A + B, Matrix<double>{{6, 8}, {10, 12}}));
  CHECK(array_equal(B - A, Matrix<double>{{4, 4}, {4, 4}}));
  CHECK(array_equal(A * B, Matrix<double>{{5, 12}, {21, 32}}));  // Hadamard, not matmul
  CHECK(array_equal(B / A, Matrix<double>{{5, 3}, {7.0 / 3, 2}}));
  CHECK(array_equal(-A, Matrix<double>{{-1, -2}, {-3, -4}}));
}

TEST_CASE("scalars broadcast on either side", "[core][expr]") {
  const Matrix<double> A{{1, 2}, {3, 4}};
  CHECK(array_equal(2.0 * A, Matrix<double>{{2, 4}, {6, 8}}));
  CHECK(array_equal(A + 1, Matrix<double>{{2, 3}, {4, 5}}));
  CHECK(array_equal(1.0 / A, Matrix<double>{{1, 0.5}, {1.0 / 3, 0.25}}));
  CHECK(array_equal(10 - A, Matrix<double>{{9, 8}, {7, 6}}));
  const Matrix<float> F{{1, 2}};
  static_assert(std::is_same_v<value_t<decltype(F * 2.0)>, float>);  // a float matrix stays float
  const Matrix<int> I{{1, 2}};
  static_assert(std::is_same_v<value_t<decltype(I * 0.5)>, double>);  // a float scalar lifts ints
  CHECK(array_equal(I * 0.5, Matrix<double>{{0.5, 1}}));
}

TEST_CASE("a long expression is evaluated in one pass", "[core][expr]") {
  const Vector<double> a = Generator(1).uniform_vector(1001);
  const Vector<double> b = Generator(2).uniform_vector(1001);
  const Vector<double> c = Generator(3).uniform_vector(1001);
  const Vector<double> d = a + 2.0 * b - c * a;
  for (std::size_t i = 0; i < a.size(); ++i) REQUIRE(d[i] == a[i] + 2.0 * b[i] - c[i] * a[i]);
}

TEST_CASE("element-wise math functions", "[core][expr]") {
  const Vector<double> x{1, 4, 9};
  CHECK(array_equal(sqrt(x), Vector<double>{1, 2, 3}));
  CHECK(array_equal(abs(-x), x));
  CHECK(allclose(exp(log(x)), x, 1e-15, 0));
  CHECK(allclose(pow(x, 0.5), sqrt(x), 1e-15, 0));
  CHECK(array_equal(square(x), Vector<double>{1, 16, 81}));
  CHECK(array_equal(maximum(x, 4.0), Vector<double>{4, 4, 9}));
  CHECK(array_equal(minimum(x, 4.0), Vector<double>{1, 4, 4}));
  CHECK(array_equal(clip(x, 2.0, 5.0), Vector<double>{2, 4, 5}));
  CHECK(allclose(sin(x) * sin(x) + cos(x) * cos(x), ones(3), 1e-15, 0));
  CHECK(array_equal(where(x > 2.0, x, 0.0), Vector<double>{0, 4, 9}));
  CHECK(array_equal(tanh(Vector<double>{0}), Vector<double>{0}));
}

TEST_CASE("comparisons give boolean matrices", "[core][expr]") {
  const Matrix<double> A{{1, 5}, {3, 2}};
  const Matrix<bool> big = A > 2.0;
  CHECK(array_equal(big, Matrix<bool>{{false, true}, {true, false}}));
  CHECK(count_nonzero(A >= 2.0) == 3);
  CHECK(all((A > 0.0) && (A < 6.0)));
  CHECK(any(A == 5.0));
  CHECK_FALSE(any(!(A == A)));
  const Vector<double> withnan{1, std::nan(""), 3};
  CHECK(array_equal(isnan(withnan), Vector<bool>{false, true, false}));
  CHECK(count_nonzero(isfinite(withnan)) == 2);
}

TEST_CASE("compound assignment", "[core][expr]") {
  Matrix<double> A{{1, 2}, {3, 4}};
  A += 1.0;
  A *= Matrix<double>{{2, 2}, {2, 2}};
  A -= A / 2.0;
  A /= 2.0;
  CHECK(array_equal(A, Matrix<double>{{1, 1.5}, {2, 2.5}}));
}

TEST_CASE("dynamic shape mismatch throws shape_error naming the operation and shapes", "[core][expr][errors]") {
  const Matrix<double> A(2, 3);
  const Matrix<double> B(3, 2);
  CHECK_THROWS_AS(A + B, shape_error);
  CHECK_THROWS_WITH(A + B, "add: operands could not be broadcast together with shapes (2,3) (3,2)");
  CHECK_THROWS_WITH(A * B, Catch::StartsWith("multiply:"));
  const Vector<double> v(4);
  CHECK_THROWS_WITH(v - Vector<double>(3), "subtract: operands could not be broadcast together with shapes (4,) (3,)");
  Matrix<double> C{{1, 2, 3}, {4, 5, 6}};
  const Matrix<double> before = C;
  CHECK_THROWS_AS(C += B, shape_error);
  CHECK(array_equal(C, before));  // unchanged after the throw
}

TEST_CASE("mixing fixed and dynamic operands", "[core][expr]") {
  const Matrix<double, 2, 2> F{{1, 2}, {3, 4}};
  const Matrix<double> D{{1, 1}, {1, 1}};
  Matrix<double, 2, 2> G = F + D;
  CHECK(array_equal(G, Matrix<double>{{2, 3}, {4, 5}}));
  CHECK_THROWS_AS(F + Matrix<double>(3, 3), shape_error);
}

TEST_CASE("complex element-wise arithmetic", "[core][expr]") {
  using C = std::complex<double>;
  const Vector<C> z{C(1, 1), C(0, 2)};
  const Vector<C> w = z * z + C(0, 1);
  CHECK(w[0] == C(0, 3));
  CHECK(w[1] == C(-4, 1));
  CHECK(array_equal(real(z), Vector<double>{1, 0}));
  CHECK(array_equal(imag(conj(z)), Vector<double>{-1, -2}));
  CHECK(array_equal(abs(Vector<C>{C(3, 4)}), Vector<double>{5}));
}
