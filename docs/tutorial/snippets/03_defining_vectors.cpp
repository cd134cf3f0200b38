// Vectors: dynamic (size chosen at run time) or fixed (size in the type, no heap).
#include <iostream>
#include <linal/linal.hpp>

int main() {
  using namespace linal;
  Vector<double> v{1, 2, 3};     // v = np.array([1, 2, 3])
  Vector<double, 3> w{4, 5, 6};  // the size is part of the type
  Vector<double> z(4);           // four zeros: np.zeros(4)
  std::cout << v << "\n" << w << "\n" << z << "\n";
  std::cout << "v has " << v.size() << " elements; v[0] = " << v[0] << "\n";
}
