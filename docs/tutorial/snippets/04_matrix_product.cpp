// The matrix product: matmul, as NumPy's A @ B. Columns of A must equal rows of B.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Matrix<double> A{{1, 2}, {3, 4}, {5, 6}};  // 3 x 2
  Matrix<double> B{{1, 2}, {3, 4}};          // 2 x 2
  Matrix<double> C = matmul(A, B);           // C = A @ B, 3 x 2
  std::cout << C << "\n";
  try {
    Matrix<double> wrong = matmul(B, A);     // (2,2) @ (3,2): inner sizes differ
  } catch (const shape_error& e) {
    std::cout << "shape_error: " << e.what() << "\n";
  }
}
