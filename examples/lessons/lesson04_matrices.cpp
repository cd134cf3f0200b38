// Lesson 4, the task: matrix subtraction, division, the Hadamard product and the
// matrix-vector product.
#include <iostream>
#include <linal/linal.hpp>

#include "lessons.hpp"

void lessons::lesson04_matrices() {
  using namespace linal;
  Matrix<double> A{{6, 8, 10}, {12, 14, 16}};
  Matrix<double> B{{1, 2, 5}, {3, 7, 4}};
  Vector<double> v{1, 0, -1};
  std::cout << "A - B =\n" << A - B << "\n";
  std::cout << "A / B =\n" << A / B << "\n";
  std::cout << "A * B (Hadamard) =\n" << A * B << "\n";
  std::cout << "matmul(A, v) = " << matmul(A, v) << "\n";
}
