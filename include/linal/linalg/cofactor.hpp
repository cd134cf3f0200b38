#pragma once
/// \file
/// Closed forms for fixed 1x1 to 4x4 matrices: the determinant by cofactor expansion and the
/// inverse as adjugate / determinant. Straight-line code, no branches, no heap; the callers
/// check the result (see inv.hpp) and fall back to pivoted elimination when it is not finite.

#include <cstddef>

#include "../core/matrix.hpp"

namespace linal::detail {

/// Determinant of a fixed N x N expression, N <= 4, by cofactor expansion.
template <std::size_t N, Expression E>
value_t<E> cofactor_det(const E& a) {
  static_assert(N >= 1 && N <= 4);
  if constexpr (N == 1) {
    return a(0, 0);
  } else if constexpr (N == 2) {
    return a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0);
  } else if constexpr (N == 3) {
    return a(0, 0) * (a(1, 1) * a(2, 2) - a(1, 2) * a(2, 1)) - a(0, 1) * (a(1, 0) * a(2, 2) - a(1, 2) * a(2, 0)) +
           a(0, 2) * (a(1, 0) * a(2, 1) - a(1, 1) * a(2, 0));
  } else {
    // Laplace expansion along rows (0, 1) against rows (2, 3): six 2x2 minors each.
    const auto s0 = a(0, 0) * a(1, 1) - a(1, 0) * a(0, 1), s1 = a(0, 0) * a(1, 2) - a(1, 0) * a(0, 2);
    const auto s2 = a(0, 0) * a(1, 3) - a(1, 0) * a(0, 3), s3 = a(0, 1) * a(1, 2) - a(1, 1) * a(0, 2);
    const auto s4 = a(0, 1) * a(1, 3) - a(1, 1) * a(0, 3), s5 = a(0, 2) * a(1, 3) - a(1, 2) * a(0, 3);
    const auto c0 = a(2, 0) * a(3, 1) - a(3, 0) * a(2, 1), c1 = a(2, 0) * a(3, 2) - a(3, 0) * a(2, 2);
    const auto c2 = a(2, 0) * a(3, 3) - a(3, 0) * a(2, 3), c3 = a(2, 1) * a(3, 2) - a(3, 1) * a(2, 2);
    const auto c4 = a(2, 1) * a(3, 3) - a(3, 1) * a(2, 3), c5 = a(2, 2) * a(3, 3) - a(3, 2) * a(2, 3);
    return s0 * c5 - s1 * c4 + s2 * c3 + s3 * c2 - s4 * c1 + s5 * c0;
  }
}

/// adjugate(a) / det(a) for a fixed N x N expression, N <= 4. When a is singular or the
/// adjugate leaves the floating-point range the result holds infinities or NaNs.
template <std::size_t N, Expression E>
Matrix<value_t<E>, N, N> adjugate_inverse(const E& a) {
  static_assert(N >= 1 && N <= 4);
  using T = value_t<E>;
  Matrix<T, N, N> b;
  if constexpr (N == 1) {
    b(0, 0) = T(1) / a(0, 0);
  } else if constexpr (N == 2) {
    const T r = T(1) / (a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0));
    b(0, 0) = a(1, 1) * r;
    b(0, 1) = -a(0, 1) * r;
    b(1, 0) = -a(1, 0) * r;
    b(1, 1) = a(0, 0) * r;
  } else if constexpr (N == 3) {
    const T m00 = a(1, 1) * a(2, 2) - a(1, 2) * a(2, 1), m01 = a(0, 2) * a(2, 1) - a(0, 1) * a(2, 2);
    const T m02 = a(0, 1) * a(1, 2) - a(0, 2) * a(1, 1), m10 = a(1, 2) * a(2, 0) - a(1, 0) * a(2, 2);
    const T m11 = a(0, 0) * a(2, 2) - a(0, 2) * a(2, 0), m12 = a(0, 2) * a(1, 0) - a(0, 0) * a(1, 2);
    const T m20 = a(1, 0) * a(2, 1) - a(1, 1) * a(2, 0), m21 = a(0, 1) * a(2, 0) - a(0, 0) * a(2, 1);
    const T m22 = a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0);
    const T r = T(1) / (a(0, 0) * m00 + a(0, 1) * m10 + a(0, 2) * m20);
    b(0, 0) = m00 * r, b(0, 1) = m01 * r, b(0, 2) = m02 * r;
    b(1, 0) = m10 * r, b(1, 1) = m11 * r, b(1, 2) = m12 * r;
    b(2, 0) = m20 * r, b(2, 1) = m21 * r, b(2, 2) = m22 * r;
  } else {
    // The 2x2 minors of rows (0, 1) and of rows (2, 3) give every 3x3 cofactor in three terms.
    const T s0 = a(0, 0) * a(1, 1) - a(1, 0) * a(0, 1), s1 = a(0, 0) * a(1, 2) - a(1, 0) * a(0, 2);
    const T s2 = a(0, 0) * a(1, 3) - a(1, 0) * a(0, 3), s3 = a(0, 1) * a(1, 2) - a(1, 1) * a(0, 2);
    const T s4 = a(0, 1) * a(1, 3) - a(1, 1) * a(0, 3), s5 = a(0, 2) * a(1, 3) - a(1, 2) * a(0, 3);
    const T c0 = a(2, 0) * a(3, 1) - a(3, 0) * a(2, 1), c1 = a(2, 0) * a(3, 2) - a(3, 0) * a(2, 2);
    const T c2 = a(2, 0) * a(3, 3) - a(3, 0) * a(2, 3), c3 = a(2, 1) * a(3, 2) - a(3, 1) * a(2, 2);
    const T c4 = a(2, 1) * a(3, 3) - a(3, 1) * a(2, 3), c5 = a(2, 2) * a(3, 3) - a(3, 2) * a(2, 3);
    const T r = T(1) / (s0 * c5 - s1 * c4 + s2 * c3 + s3 * c2 - s4 * c1 + s5 * c0);
    b(0, 0) = (a(1, 1) * c5 - a(1, 2) * c4 + a(1, 3) * c3) * r;
    b(0, 1) = (-a(0, 1) * c5 + a(0, 2) * c4 - a(0, 3) * c3) * r;
    b(0, 2) = (a(3, 1) * s5 - a(3, 2) * s4 + a(3, 3) * s3) * r;
    b(0, 3) = (-a(2, 1) * s5 + a(2, 2) * s4 - a(2, 3) * s3) * r;
    b(1, 0) = (-a(1, 0) * c5 + a(1, 2) * c2 - a(1, 3) * c1) * r;
    b(1, 1) = (a(0, 0) * c5 - a(0, 2) * c2 + a(0, 3) * c1) * r;
    b(1, 2) = (-a(3, 0) * s5 + a(3, 2) * s2 - a(3, 3) * s1) * r;
    b(1, 3) = (a(2, 0) * s5 - a(2, 2) * s2 + a(2, 3) * s1) * r;
    b(2, 0) = (a(1, 0) * c4 - a(1, 1) * c2 + a(1, 3) * c0) * r;
    b(2, 1) = (-a(0, 0) * c4 + a(0, 1) * c2 - a(0, 3) * c0) * r;
    b(2, 2) = (a(3, 0) * s4 - a(3, 1) * s2 + a(3, 3) * s0) * r;
    b(2, 3) = (-a(2, 0) * s4 + a(2, 1) * s2 - a(2, 3) * s0) * r;
    b(3, 0) = (-a(1, 0) * c3 + a(1, 1) * c1 - a(1, 2) * c0) * r;
    b(3, 1) = (a(0, 0) * c3 - a(0, 1) * c1 + a(0, 2) * c0) * r;
    b(3, 2) = (-a(3, 0) * s3 + a(3, 1) * s1 - a(3, 2) * s0) * r;
    b(3, 3) = (a(2, 0) * s3 - a(2, 1) * s1 + a(2, 2) * s0) * r;
  }
  return b;
}

}  // namespace linal::detail
