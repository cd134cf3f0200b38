// Lesson 2: what linear algebra is. Linear equations, written as one matrix equation A x = b.
#include <iostream>
#include <linal/linal.hpp>

#include "lessons.hpp"

void lessons::lesson02_what_is_linear_algebra() {
  using namespace linal;
  //  2 x + 1 y - 1 z =   8
  // -3 x - 1 y + 2 z = -11
  // -2 x + 1 y + 2 z =  -3
  Matrix<double> A{{2, 1, -1}, {-3, -1, 2}, {-2, 1, 2}};
  Vector<double> b{8, -11, -3};
  Vector<double> x{2, 3, -1};  // a candidate solution
  std::cout << "A x = " << matmul(A, x) << "\n";
  std::cout << std::boolalpha << "x solves the system: " << allclose(matmul(A, x), b) << "\n";
}
