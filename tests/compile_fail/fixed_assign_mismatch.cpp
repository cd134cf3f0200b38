#include <linal/linal.hpp>

int main() {
  linal::Matrix<double, 2, 2> a;
  linal::Matrix<double, 2, 3> b;
  a = 2.0 * b;
  return static_cast<int>(a.rows());
}
