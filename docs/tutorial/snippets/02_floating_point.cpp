// Computers round: compare floating-point results with a tolerance, never with ==.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Vector<double> a{0.1, 0.7, 0.5};
  Vector<double> b{0.2, 0.1, 0.25};
  Vector<double> expected{0.3, 0.8, 0.75};
  std::cout << (a + b == expected) << "\n";  // exact comparison, element by element
  std::cout << a + b - expected << "\n";     // the rounding errors
  std::cout << std::boolalpha << allclose(a + b, expected) << "\n";
}
