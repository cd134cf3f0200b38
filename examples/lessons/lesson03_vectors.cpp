// Lesson 3, the task: vector addition, subtraction, division and the dot product.
#include <iostream>
#include <linal/linal.hpp>

#include "lessons.hpp"

void lessons::lesson03_vectors() {
  using namespace linal;
  Vector<double> a{2, 4, 6, 8};
  Vector<double> b{1, 2, 3, 4};
  std::cout << "a     = " << a << "\n";
  std::cout << "b     = " << b << "\n";
  std::cout << "a + b = " << a + b << "\n";
  std::cout << "a - b = " << a - b << "\n";
  std::cout << "a / b = " << a / b << "\n";
  std::cout << "a . b = " << dot(a, b) << "\n";
}
