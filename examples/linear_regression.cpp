// Linear regression by least squares on examples/data/regression.csv (40 rows of x1, x2, y,
// made by examples/data/generate_data.py from y = 1.5 + 2.0 x1 - 0.5 x2 + noise). Fits
// y ~ w0 + w1 x1 + w2 x2 with lstsq, NumPy's np.linalg.lstsq, and checks the fit two more ways.
#include <iostream>

#include <linal/linal.hpp>

#include "support/csv.hpp"
#include "support/rounded.hpp"

int main() {
  using namespace linal;
  const Matrix<double> data = examples::read_csv(examples::data_file("regression.csv"));
  const std::size_t n = data.rows();

  // The design matrix: a column of ones for the intercept, then the features.
  Matrix<double> X = ones<double>(n, 3);
  X.block(0, 1, n, 2) = data.block(0, 0, n, 2);
  const Vector<double> y = data.col(2);

  // Least squares: the w minimising ||X w - y||, from the SVD of X.
  auto [w, residuals, rank, s] = lstsq(X, y);
  std::cout << "rows: " << n << ", rank of X: " << rank << "\n";
  std::cout << "coefficients (w0, w1, w2): " << examples::rounded(w.T(), 3) << "\n";
  std::cout << "true coefficients:         [ 1.5  2.  -0.5]\n";

  // How much of the variation in y the model explains.
  const Vector<double> fitted = matmul(X, w);
  const double r2 = 1.0 - sum(square(y - fitted)) / sum(square(y - mean(y)));
  std::cout << "R^2: " << examples::rounded(r2, 4) << "\n";
  std::cout << "residual sum of squares: " << examples::rounded(residuals[0], 4) << "\n";

  // The same fit with the pseudo-inverse, and with the normal equations X^T X w = X^T y
  // (fine here, but squaring the condition number loses accuracy on harder problems).
  const Vector<double> w_pinv = matmul(pinv(X), y);
  const Vector<double> w_normal = solve(matmul(X.T(), X), matmul(X.T(), y));
  std::cout << std::boolalpha << "pinv agrees: " << allclose(w_pinv, w) << ", normal equations agree: "
            << allclose(w_normal, w) << "\n";
}
