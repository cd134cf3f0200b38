// Vectors of equal length add and subtract element by element.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Vector<double> a{1, 2, 3};
  Vector<double> b{1, 2, 3};
  Vector<double> c = a + b;  // c = a + b
  Vector<double> d = a - b;  // d = a - b
  std::cout << c << "\n" << d << "\n";
}
