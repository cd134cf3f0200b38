#include <linal/linal.hpp>

int main() {
  linal::Matrix<double, 2, 2> a;
  linal::Matrix<double, 3, 3> b;
  auto c = a + b;
  return static_cast<int>(c.rows());
}
