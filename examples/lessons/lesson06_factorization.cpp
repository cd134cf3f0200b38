// Lesson 6, the task: the LU, QR, Cholesky and eigen decompositions of one matrix, each
// checked by multiplying its factors back together.
#include <iostream>
#include <linal/linal.hpp>

#include "lessons.hpp"
#include "support/rounded.hpp"

void lessons::lesson06_factorization() {
  using namespace linal;
  // Symmetric positive definite, so that every decomposition applies.
  Matrix<double> A{{4, 2, 2}, {2, 5, 3}, {2, 3, 6}};
  std::cout << std::boolalpha;

  auto [P, L, U] = lu(A);  // P, L, U = scipy.linalg.lu(A)
  std::cout << "LU: U =\n" << U << "\nP L U == A: " << allclose(matmul(P, matmul(L, U)), A) << "\n";

  auto [Q, R] = qr(A);  // Q, R = np.linalg.qr(A)
  std::cout << "QR: R =\n" << examples::rounded(R, 6) << "\nQ R == A: " << allclose(matmul(Q, R), A)
            << ", Q orthogonal: " << allclose(matmul(Q.T(), Q), eye<double>(3)) << "\n";

  Matrix<double> C = cholesky(A);  // np.linalg.cholesky(A)
  std::cout << "Cholesky: L =\n" << examples::rounded(C, 6) << "\nL L^T == A: " << allclose(matmul(C, C.T()), A)
            << "\n";

  auto [w, V] = eigh(A);  // w, V = np.linalg.eigh(A)
  std::cout << "eigenvalues: " << examples::rounded(w, 6) << "\nV diag(w) V^T == A: "
            << allclose(matmul(V, matmul(diag(w), V.T())), A) << "\n";
}
