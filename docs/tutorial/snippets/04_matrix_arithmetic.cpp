// Matrices of one shape add, subtract, multiply and divide element by element.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Matrix<double> A{{1, 2, 3}, {4, 5, 6}};
  Matrix<double> B{{1, 2, 3}, {4, 5, 6}};
  std::cout << A + B << "\n";  // A + B
  std::cout << A - B << "\n";  // A - B
  std::cout << A * B << "\n";  // A * B: the Hadamard product
  std::cout << A / B << "\n";  // A / B
}
