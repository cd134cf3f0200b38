// Lesson 5, the task: the determinant, the trace and the rank of a matrix.
#include <iostream>
#include <linal/linal.hpp>

#include "lessons.hpp"
#include "support/rounded.hpp"

void lessons::lesson05_matrix_types() {
  using namespace linal;
  Matrix<double> A{{2, 1, 0}, {1, 3, 1}, {0, 1, 4}};
  Matrix<double> B{{1, 2, 3}, {2, 4, 6}, {1, 0, 1}};  // row 1 is twice row 0
  std::cout << "A =\n" << A << "\n";
  std::cout << "trace(A) = " << trace(A) << "\n";                      // np.trace(A)
  std::cout << "det(A) = " << examples::rounded(det(A), 6) << "\n";                          // np.linalg.det(A)
  std::cout << "matrix_rank(A) = " << matrix_rank(A) << "\n";          // np.linalg.matrix_rank(A)
  std::cout << "B =\n" << B << "\n";
  std::cout << "trace(B) = " << trace(B) << "\n";
  std::cout << "det(B) = " << examples::rounded(det(B), 6) << "\n";
  std::cout << "matrix_rank(B) = " << matrix_rank(B) << "\n";
}
