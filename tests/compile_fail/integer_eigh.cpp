#include <linal/core.hpp>
#include <linal/decomp/eigh.hpp>

int main() {
  const linal::Matrix<int> a{{2, 1}, {1, 2}};
  const auto [w, V] = linal::eigh(a);
  return static_cast<int>(linal::eigvalsh(a).size() + w.size() + V.size());
}
