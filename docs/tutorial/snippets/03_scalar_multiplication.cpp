// A scalar multiplies (or divides, adds, subtracts) every element: NumPy's broadcasting.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Vector<double> a{1, 2, 3};
  std::cout << 0.5 * a << "\n";
  std::cout << a + 1.0 << "\n";
  std::cout << 1.0 / a << "\n";
}
