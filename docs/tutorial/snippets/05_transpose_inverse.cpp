// The inverse undoes a matrix: inv(A) A = I. It exists only for square, non-singular A.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Matrix<double> A{{4, 7}, {2, 6}};
  Matrix<double> A_inv = inv(A);                     // np.linalg.inv(A)
  std::cout << A_inv << "\n";
  std::cout << std::boolalpha << allclose(matmul(A_inv, A), eye<double>(2)) << "\n";
  try {
    inv(Matrix<double>{{1, 2}, {2, 4}});             // the rows are parallel
  } catch (const singular_matrix_error& e) {
    std::cout << "singular_matrix_error: " << e.what() << "\n";
  }
}
