#include <linal/core.hpp>
#include <linal/decomp/eig.hpp>

int main() {
  const linal::Matrix<int> a{{0, 1}, {-1, 0}};
  const auto [w, V] = linal::eig(a);
  return static_cast<int>(linal::eigvals(a).size() + w.size() + V.size());
}
