#include <linal/linal.hpp>

int main() {
  linal::Matrix<double, 3, 3> b;
  linal::Matrix<double, 2, 2> a = b.T();
  return static_cast<int>(a.rows());
}
