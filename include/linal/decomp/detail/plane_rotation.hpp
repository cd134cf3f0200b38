#pragma once
/// \file
/// Plane (Givens) rotations as the spectral solvers use them: generating one that zeroes the
/// second entry of a pair, and applying one to two rows of a row-major matrix.

#include <cmath>
#include <cstddef>
#include <limits>

#include "../../core/modulus.hpp"

namespace linal::detail {

/// A rotation [c s; -s c] with c*f + s*g = r and -s*f + c*g = 0.
template <class T>
struct plane_rotation {
  T c;
  T s;
  T r;
};

/// The rotation that maps (f, g) to (r, 0); r keeps the sign of f when f != 0. Free of
/// overflow and underflow for any finite f and g.
template <class T>
plane_rotation<T> make_rotation(T f, T g) {
  if (g == T(0)) return {T(1), T(0), f};
  if (f == T(0)) return {T(0), T(1), g};
  const T r = std::copysign(safe_hypot(f, g), f);
  return {f / r, g / r, r};
}

/// Rows x and y (n elements each, contiguous) become c*x + s*y and c*y - s*x.
template <class T>
void rotate_rows(std::size_t n, T* x, T* y, T c, T s) {
  for (std::size_t k = 0; k < n; ++k) {
    const T xk = x[k];
    const T yk = y[k];
    x[k] = c * xk + s * yk;
    y[k] = c * yk - s * xk;
  }
}

}  // namespace linal::detail
