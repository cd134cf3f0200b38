// `*` is element-wise, as in NumPy (not as in Eigen): use matmul for the matrix product.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Matrix<double> A{{1, 2}, {3, 4}};
  Matrix<double> I = eye<double>(2);
  std::cout << A * I << "\n";          // keeps the diagonal of A
  std::cout << matmul(A, I) << "\n";   // A itself
}
