// A grey-scale image is a matrix of intensities; brightening it is matrix arithmetic.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Matrix<double> image{{0.0, 0.2, 0.4}, {0.2, 0.6, 0.8}, {0.4, 0.8, 1.0}};
  Matrix<double> brighter = clip(image * 1.5, 0.0, 1.0);
  std::cout << brighter << "\n";
}
