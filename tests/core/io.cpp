#include <catch2/catch.hpp>

#include <linal/linal.hpp>

using namespace linal;

TEST_CASE("printing follows NumPy's layout", "[core][io]") {
  CHECK(to_string(Matrix<double>{{1, 2}, {3, 4}}) == "[[1. 2.]\n [3. 4.]]");
  CHECK(to_string(Vector<double>{1, 2.5, 3}) == "[1.  2.5 3. ]");
  CHECK(to_string(Vector<double>{1.5, -2.25}) == "[ 1.5  -2.25]");
  CHECK(to_string(Vector<double>{0, 0.25, 0.5}) == "[0.   0.25 0.5 ]");
  CHECK(to_string(Vector<double>{1.0 / 3}) == "[0.33333333]");
  CHECK(to_string(Vector<double>{1e-5, 1}) == "[1.e-05 1.e+00]");
  CHECK(to_string(Vector<double>{1.5e-5, 1}) == "[1.5e-05 1.0e+00]");
  CHECK(to_string(Vector<double>{std::nan(""), -INFINITY, 1}) == "[ nan -inf   1.]");
  CHECK(to_string(Matrix<int>{{1, -22}, {333, 4}}) == "[[  1 -22]\n [333   4]]");
  CHECK(to_string(Vector<bool>{true, false}) == "[ True False]");
  CHECK(to_string(Matrix<double>(0, 0)) == "[]");
}

TEST_CASE("complex numbers print as NumPy's", "[core][io]") {
  using C = std::complex<double>;
  CHECK(to_string(Vector<C>{C(1, 2), C(3, -1)}) == "[1.+2.j 3.-1.j]");
}

TEST_CASE("large arrays are summarized", "[core][io]") {
  // NumPy switches to scientific notation here too: the largest shown value is 1999 times the smallest.
  CHECK(to_string(arange(2000.0)) == "[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]");
  CHECK(to_string(zeros(40, 40)) ==
        "[[0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n ...\n"
        " [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]\n [0. 0. 0. ... 0. 0. 0.]]");
}
