#include <iostream>
#include <linal/linal.hpp>

int main() {
  const linal::Matrix<double> A{{1, 2}, {3, 4}};
  std::cout << A + 1.0 << "\n";
}
