// A data set is a matrix: one row per example, one column per feature.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  // Four flats: floor area (m²), rooms, distance to the centre (km).
  Matrix<double> X{{50, 2, 3.5}, {72, 3, 1.2}, {95, 4, 6.0}, {38, 1, 0.8}};
  std::cout << "shape: (" << X.rows() << ", " << X.cols() << ")\n";
  std::cout << "second flat: " << X.row(1) << "\n";
  std::cout << "all floor areas: " << X.col(0).T() << "\n";
  std::cout << "mean of each feature: " << mean(X, 0) << "\n";
}
