#include <linal/linal.hpp>

int main() {
  const linal::Matrix<int> a{{2, 1}, {1, 2}};
  auto factor = linal::lu_factor(a);
  return static_cast<int>(factor.det());
}
