// Matrices: braces list the rows; parentheses give a shape of zeros.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Matrix<double> A{{1, 2, 3}, {4, 5, 6}};  // np.array([[1, 2, 3], [4, 5, 6]])
  Matrix<double> Z(2, 3);                  // np.zeros((2, 3))
  Matrix<double, 2, 2> F{{1, 2}, {3, 4}};  // fixed 2 x 2: no heap allocation
  std::cout << A << "\n" << Z << "\n" << F << "\n";
  std::cout << "A(1, 2) = " << A(1, 2) << ", shape (" << A.rows() << ", " << A.cols() << ")\n";
  std::cout << eye<double>(3) << "\n";    // np.eye(3)
}
