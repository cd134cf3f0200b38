// The dot product: multiply element by element, then add up; the result is a scalar.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Vector<double> a{1, 2, 3};
  Vector<double> b{1, 2, 3};
  std::cout << dot(a, b) << "\n";    // a.dot(b)
  std::cout << sum(a * b) << "\n";   // the same sum, spelled out
}
