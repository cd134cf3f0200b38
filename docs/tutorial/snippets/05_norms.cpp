// Norms measure size: the length of a vector, the size of a matrix.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Vector<double> v{3, -4};
  std::cout << norm(v) << " " << norm(v, 1) << " " << norm(v, inf) << "\n";  // L2, L1, max
  Matrix<double> A{{1, 2}, {3, 4}};
  std::cout << norm(A) << "\n";         // Frobenius: np.linalg.norm(A)
  std::cout << norm(A, 1) << "\n";      // largest column sum: np.linalg.norm(A, 1)
}
