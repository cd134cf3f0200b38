// A matrix times a vector: each element of the result is a row of A dotted with v.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Matrix<double> A{{1, 2}, {3, 4}, {5, 6}};
  Vector<double> v{0.5, 0.5};
  std::cout << matmul(A, v) << "\n";              // A @ v
  std::cout << dot(A.row(2).T(), v) << "\n";      // the last element, by hand
}
