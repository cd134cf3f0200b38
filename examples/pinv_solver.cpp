// The pseudo-inverse solves linear systems that solve() cannot: too many equations (the least
// squares solution) and too few (the solution of smallest norm).
#include <iostream>

#include <linal/linal.hpp>

#include "support/rounded.hpp"

int main() {
  using namespace linal;
  std::cout << std::boolalpha;

  // Four equations, two unknowns: a line through four points that do not lie on one line.
  const Matrix<double> A{{1, 1}, {1, 2}, {1, 3}, {1, 4}};
  const Vector<double> b{6, 5, 7, 10};
  const Matrix<double> A_plus = pinv(A);
  const Vector<double> x = matmul(A_plus, b);
  std::cout << "overdetermined: x = " << examples::rounded(x.T(), 6) << "\n";
  std::cout << "  the least-squares solution of lstsq: " << allclose(x, lstsq(A, b).x) << "\n";
  std::cout << "  A A+ A = A: " << allclose(matmul(A, matmul(A_plus, A)), A) << "\n";

  // One equation, three unknowns: x + 2y + 2z = 9 has infinitely many solutions.
  const Matrix<double> B{{1, 2, 2}};
  const Vector<double> c{9};
  const Vector<double> z = matmul(pinv(B), c);
  std::cout << "underdetermined: z = " << examples::rounded(z.T(), 6) << ", norm " << examples::rounded(norm(z), 6)
            << "\n";
  std::cout << "  B z = c: " << allclose(matmul(B, z), c) << "\n";
  // Any other solution is longer: add a vector of B's null space.
  const Vector<double> other = z + Vector<double>{2, -1, 0};
  std::cout << "  another solution " << examples::rounded(other.T(), 6) << " has norm "
            << examples::rounded(norm(other), 6) << "\n";

  // A singular square matrix: inv() throws, pinv() still gives the least-squares answer.
  const Matrix<double> S{{1, 2}, {2, 4}};
  try {
    (void)inv(S);
  } catch (const singular_matrix_error& e) {
    std::cout << "inv: " << e.what() << "\n";
  }
  std::cout << "pinv of the singular matrix:\n" << examples::rounded(pinv(S), 6) << "\n";
}
