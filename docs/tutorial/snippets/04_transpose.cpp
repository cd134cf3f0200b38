// The transpose is a view: no copy; A.T() reads A with rows and columns swapped.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Matrix<double> A{{1, 2, 3}, {4, 5, 6}};
  std::cout << A.T() << "\n";              // A.T
  std::cout << matmul(A, A.T()) << "\n";   // A @ A.T: 2 x 2
  A = transpose(A);                        // safe: the assignment sees the overlap
  std::cout << A << "\n";
}
