#pragma once
// NumPy's np.round(a, decimals) for printing results that carry rounding noise: values are
// rounded to the given decimals, and a rounded -0 prints as 0.

#include <cmath>
#include <type_traits>

#include <linal/linal.hpp>

namespace examples {

/// A copy of e rounded to the given decimals; vectors stay vectors.
template <linal::Expression E>
auto rounded(const E& e, int decimals) {
  using X = std::remove_cvref_t<E>;
  const double scale = std::pow(10.0, decimals);
  linal::Matrix<double, X::static_rows, X::static_cols> r(e);
  for (double& x : r) x = std::round(x * scale) / scale + 0.0;  // + 0.0 turns -0 into 0
  return r;
}

/// x rounded to the given decimals.
inline double rounded(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(x * scale) / scale + 0.0;
}

}  // namespace examples
