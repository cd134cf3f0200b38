#include <linal/linal.hpp>
#include <string>

int main() {
  linal::Matrix<std::string> a(2, 2);
  return static_cast<int>(a.rows());
}
