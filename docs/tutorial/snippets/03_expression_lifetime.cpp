// `a + b` is a lazy expression: it holds named operands by reference, temporaries by value.
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Vector<double> a{1, 2, 3};
  Vector<double> b{10, 20, 30};

  auto lazy = a + b;        // refers to a and b: use it only while they live
  a[0] = 100;               // ... and it sees later changes to them
  std::cout << lazy << "\n";

  auto safe = a + Vector<double>{1, 1, 1};  // the temporary is moved into the expression
  std::cout << safe << "\n";

  Vector<double> c = a + b;  // assigning to a Vector evaluates once, into new storage
  std::cout << c << "\n";
}
