#include <linal/linal.hpp>

int main() {
  const linal::Matrix<double> a(2, 2);
  a.row(0) = linal::Matrix<double>(1, 2);
  return 0;
}
