// Categories become vectors: one-hot encoding turns a label into a row of zeros with one 1.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  const int labels[] = {2, 0, 1, 2};  // red = 0, green = 1, blue = 2
  Matrix<double> encoded(4, 3);
  for (std::size_t i = 0; i < 4; ++i) encoded(i, labels[i]) = 1;
  std::cout << encoded << "\n";
}
