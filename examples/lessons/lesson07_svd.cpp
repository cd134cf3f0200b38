// Lesson 7, the task: the singular-value decomposition and five of its applications, on small
// matrices (the example programs apply them to larger data).
#include <iostream>
#include <linal/linal.hpp>

#include "lessons.hpp"
#include "support/rounded.hpp"

void lessons::lesson07_svd() {
  using namespace linal;
  std::cout << std::boolalpha;
  Matrix<double> A{{1, 2}, {3, 4}, {5, 6}};

  // The decomposition: A = U diag(s) Vh, s descending.
  auto [U, s, Vh] = svd(A);  // U, s, Vh = np.linalg.svd(A, full_matrices=False)
  std::cout << "singular values: " << examples::rounded(s, 6) << "\n";
  std::cout << "U diag(s) Vh == A: " << allclose(matmul(U, matmul(diag(s), Vh)), A) << "\n";

  // 1. The pseudo-inverse: inverts A on its range, for any shape.
  Matrix<double> A_plus = pinv(A);  // np.linalg.pinv(A)
  std::cout << "1. pinv(A) =\n" << examples::rounded(A_plus, 6) << "\n";

  // 2. Least squares: the line y = c0 + c1 x closest to four points.
  Matrix<double> X{{1, 0}, {1, 1}, {1, 2}, {1, 3}};
  Vector<double> y{1, 3, 4, 7};
  auto [c, residuals, rank, sv] = lstsq(X, y);  // np.linalg.lstsq(X, y)
  std::cout << "2. least-squares line: intercept " << examples::rounded(c[0], 4) << ", slope " << examples::rounded(c[1], 4) << "\n";

  // 3. Dimensionality reduction: project centred data on its first singular direction.
  Matrix<double> D{{2, 1.9}, {1, 1.1}, {0, 0}, {-1, -0.9}, {-2, -2.1}};
  auto [Ud, sd, Vd] = svd(D);
  std::cout << "3. share of the variance on the first direction: " << examples::rounded(sd[0] * sd[0] / sum(sd * sd), 4)
            << "\n";

  // 4. Low-rank approximation: the closest rank-1 matrix to A.
  Matrix<double> A1 = low_rank_approx(A, 1);
  std::cout << "4. rank-1 approximation =\n" << examples::rounded(A1, 6) << "\n   error " << examples::rounded(norm(A - A1), 4)
            << " = s[1] " << examples::rounded(s[1], 4) << "\n";

  // 5. The rank: the number of singular values above a tolerance.
  Matrix<double> B{{1, 2, 3}, {2, 4, 6}, {1, 1, 1}};
  std::cout << "5. singular values of B: " << examples::rounded(svdvals(B), 6) << ", rank " << matrix_rank(B) << "\n";
}
