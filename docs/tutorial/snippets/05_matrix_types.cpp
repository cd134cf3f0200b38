// Matrix types: triangular, diagonal, symmetric, identity, orthogonal.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Matrix<double> M{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  std::cout << triu(M) << "\n";          // np.triu(M): upper triangle
  std::cout << tril(M) << "\n";          // np.tril(M): lower triangle
  std::cout << diag(M) << "\n";          // np.diag(M): the diagonal as a vector
  std::cout << diag(diag(M)) << "\n";    // and back to a diagonal matrix
  Matrix<double> S = M + M.T();          // a symmetric matrix
  Matrix<double> Q{{0, -1}, {1, 0}};     // a rotation by 90 degrees: orthogonal
  std::cout << std::boolalpha << is_symmetric(S) << " " << is_upper_triangular(triu(M)) << " "
            << is_orthogonal(Q) << " " << array_equal(matmul(Q.T(), Q), eye<double>(2)) << "\n";
}
