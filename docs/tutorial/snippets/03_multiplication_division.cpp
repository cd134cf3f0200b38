// `*` and `/` work element by element, as in NumPy.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Vector<double> a{1, 2, 3};
  Vector<double> b{1, 2, 3};
  std::cout << a * b << "\n";  // a * b: [1*1, 2*2, 3*3]
  std::cout << a / b << "\n";  // a / b: [1/1, 2/2, 3/3]
}
