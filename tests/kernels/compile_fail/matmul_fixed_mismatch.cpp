// A fixed-size matmul whose inner dimensions differ must not compile.
#include <linal/core.hpp>
#include <linal/kernels.hpp>

int main() {
  const linal::Matrix<double, 2, 3> a;
  const linal::Matrix<double, 2, 3> b;
  return static_cast<int>(linal::matmul(a, b)(0, 0));
}
