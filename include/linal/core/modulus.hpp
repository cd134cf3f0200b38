#pragma once
/// \file
/// The modulus |x| of a real or complex scalar, and sqrt(f^2 + g^2) without overflow: what LU's
/// pivot search and the matrix norms compare and sum, and what plane rotations normalize by.

#include <cmath>
#include <limits>

#include "concepts.hpp"

namespace linal::detail {

/// sqrt(f^2 + g^2) without overflow or harmful underflow: the plain formula where the squares
/// are safely representable (the common case, several times faster), std::hypot elsewhere.
template <class T>
T safe_hypot(T f, T g) {
  const T squares = f * f + g * g;
  constexpr T low = std::numeric_limits<T>::min() / std::numeric_limits<T>::epsilon();
  constexpr T high = std::numeric_limits<T>::max() / 4;
  if (squares > low && squares < high) return std::sqrt(squares);
  return std::hypot(f, g);
}

/// |x|; for complex x by safe_hypot, several times faster than std::abs's hypot.
template <class T>
real_t<T> modulus(const T& x) {
  if constexpr (is_complex_v<T>)
    return safe_hypot(x.real(), x.imag());
  else
    return std::abs(x);
}

}  // namespace linal::detail
