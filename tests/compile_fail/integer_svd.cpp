#include <linal/core.hpp>
#include <linal/decomp/svd.hpp>

int main() {
  const linal::Matrix<int> a{{2, 1}, {1, 2}};
  const auto [U, s, Vt] = linal::svd(a);
  return static_cast<int>(linal::svdvals(a).size() + s.size() + U.size() + Vt.size());
}
