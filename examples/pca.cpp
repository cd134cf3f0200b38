// Principal component analysis of a 3-D data set (examples/data/pca.csv, made by
// examples/data/generate_data.py): centre the data, take its SVD, and read the principal
// directions from Vh and the explained variance from the singular values. Writes the data
// projected on the first two components as pca_scatter.svg (into argv[1] when given).
#include <iostream>
#include <string>

#include <linal/linal.hpp>

#include "support/csv.hpp"
#include "support/rounded.hpp"
#include "support/svg_scatter.hpp"

int main(int argc, char** argv) {
  using namespace linal;
  const std::string dir = argc > 1 ? std::string(argv[1]) + "/" : "";
  const Matrix<double> X = examples::read_csv(examples::data_file("pca.csv"));
  const std::size_t n = X.rows();
  std::cout << "data: " << n << " points in " << X.cols() << " dimensions\n";

  // Centre each feature: PCA describes the spread around the mean.
  const Vector<double> mu = mean(X, 0);
  Matrix<double> Xc = X;
  for (std::size_t i = 0; i < n; ++i) Xc.row(i) -= mu.T();
  std::cout << "mean: " << examples::rounded(mu.T(), 3) << "\n";

  // Xc = U diag(s) Vh: the rows of Vh are the principal directions, and s_i^2 / (n - 1) is the
  // variance of the data along direction i.
  auto [U, s, Vh] = svd(Xc);
  // A singular vector's sign is arbitrary; make each direction's largest entry positive so
  // that the output does not depend on the algorithm's choice (as scikit-learn does).
  for (std::size_t i = 0; i < Vh.rows(); ++i)
    if (Vh(i, argmax(abs(Vh.row(i)))) < 0) {
      Vh.row(i) *= -1.0;
      U.col(i) *= -1.0;
    }
  const Vector<double> variance = s * s / static_cast<double>(n - 1);
  std::cout << "principal directions (rows):\n" << examples::rounded(Vh, 3) << "\n";
  std::cout << "variance along them: " << examples::rounded(variance.T(), 3) << "\n";
  std::cout << "explained variance ratio: " << examples::rounded(variance.T() / sum(variance), 4) << "\n";

  // The projection on the first two directions keeps almost all of the spread.
  const Matrix<double> projected = matmul(Xc, Vh.block(0, 0, 2, Vh.cols()).T());
  examples::write_svg_scatter(dir + "pca_scatter.svg", projected, "pca.csv on its first two principal components",
                              "PC 1", "PC 2");
  std::cout << "wrote pca_scatter.svg (" << projected.rows() << " points)\n";
}
