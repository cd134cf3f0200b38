#include <catch2/catch.hpp>

#include <linal/linal.hpp>

using namespace linal;

TEST_CASE("whole-array reductions", "[core][reduce]") {
  const Matrix<double> A{{1, 7, 3}, {4, 2, 6}};
  CHECK(sum(A) == 23);
  CHECK(prod(A) == 1008);
  CHECK(max(A) == 7);
  CHECK(min(A) == 1);
  CHECK(mean(A) == Approx(23.0 / 6).epsilon(1e-15));
  CHECK(argmax(A) == 1);  // flat index, as NumPy
  CHECK(argmin(A) == 0);
  CHECK(all(A));
  CHECK(any(A - 1.0));
  CHECK(sum(A * A) == 115);
  CHECK(sum(A.T()) == 23);
}

TEST_CASE("reductions along an axis", "[core][reduce]") {
  const Matrix<double> A{{1, 2, 3}, {4, 5, 6}};
  CHECK(array_equal(sum(A, 0), Vector<double>{5, 7, 9}));
  CHECK(array_equal(sum(A, 1), Vector<double>{6, 15}));
  CHECK(array_equal(mean(A, 0), Vector<double>{2.5, 3.5, 4.5}));
  CHECK_THROWS_AS(sum(A, 2), std::invalid_argument);
}

TEST_CASE("empty and NaN inputs behave as NumPy", "[core][reduce][errors]") {
  const Matrix<double> E(0, 3);
  CHECK(sum(E) == 0);
  CHECK(prod(E) == 1);
  CHECK(std::isnan(mean(E)));
  CHECK_THROWS_AS(max(E), std::invalid_argument);
  CHECK_THROWS_WITH(argmax(E), Catch::Contains("argmax"));
  const Vector<double> v{1, std::nan(""), 3};
  CHECK(std::isnan(max(v)));
  CHECK(argmax(v) == 1);
}

TEST_CASE("array_equal and allclose", "[core][reduce]") {
  const Matrix<double> A{{1, 2}};
  CHECK(array_equal(A, Matrix<double>{{1, 2}}));
  CHECK_FALSE(array_equal(A, Matrix<double>{{1, 2}, {3, 4}}));
  CHECK(allclose(A, A + 1e-9));
  CHECK_FALSE(allclose(A, A + 1e-3));
  CHECK_FALSE(allclose(Vector<double>{std::nan("")}, Vector<double>{std::nan("")}));
}
