#pragma once
/// \file
/// Closed forms for fixed 1x1 to 4x4 matrices: the determinant by cofactor expansion and the
/// inverse as adjugate / determinant. Straight-line code, no heap; inv checks that the
/// adjugate is accurate (adjugate_is_accurate) and falls back to pivoted elimination otherwise.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

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

/// The adjugate (transposed cofactor matrix) and the determinant of a fixed N x N matrix.
template <class T, std::size_t N>
struct adjugate_and_det {
  Matrix<T, N, N> adjugate;
  T det;
};

/// adj(a) and det(a) for a fixed N x N expression, N <= 4; a^-1 = adj(a) / det(a).
template <std::size_t N, Expression E>
adjugate_and_det<value_t<E>, N> adjugate(const E& a) {
  static_assert(N >= 1 && N <= 4);
  using T = value_t<E>;
  adjugate_and_det<T, N> r;
  auto& b = r.adjugate;
  if constexpr (N == 1) {
    b(0, 0) = T(1);
    r.det = a(0, 0);
  } else if constexpr (N == 2) {
    b(0, 0) = a(1, 1), b(0, 1) = -a(0, 1);
    b(1, 0) = -a(1, 0), b(1, 1) = a(0, 0);
    r.det = a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0);
  } else if constexpr (N == 3) {
    b(0, 0) = a(1, 1) * a(2, 2) - a(1, 2) * a(2, 1), b(0, 1) = a(0, 2) * a(2, 1) - a(0, 1) * a(2, 2);
    b(0, 2) = a(0, 1) * a(1, 2) - a(0, 2) * a(1, 1), b(1, 0) = a(1, 2) * a(2, 0) - a(1, 0) * a(2, 2);
    b(1, 1) = a(0, 0) * a(2, 2) - a(0, 2) * a(2, 0), b(1, 2) = a(0, 2) * a(1, 0) - a(0, 0) * a(1, 2);
    b(2, 0) = a(1, 0) * a(2, 1) - a(1, 1) * a(2, 0), b(2, 1) = a(0, 1) * a(2, 0) - a(0, 0) * a(2, 1);
    b(2, 2) = a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0);
    r.det = a(0, 0) * b(0, 0) + a(0, 1) * b(1, 0) + a(0, 2) * b(2, 0);
  } else {
    // The 2x2 minors of rows (0, 1) and of rows (2, 3) give every 3x3 cofactor in three terms.
    const T s0 = a(0, 0) * a(1, 1) - a(1, 0) * a(0, 1), s1 = a(0, 0) * a(1, 2) - a(1, 0) * a(0, 2);
    const T s2 = a(0, 0) * a(1, 3) - a(1, 0) * a(0, 3), s3 = a(0, 1) * a(1, 2) - a(1, 1) * a(0, 2);
    const T s4 = a(0, 1) * a(1, 3) - a(1, 1) * a(0, 3), s5 = a(0, 2) * a(1, 3) - a(1, 2) * a(0, 3);
    const T c0 = a(2, 0) * a(3, 1) - a(3, 0) * a(2, 1), c1 = a(2, 0) * a(3, 2) - a(3, 0) * a(2, 2);
    const T c2 = a(2, 0) * a(3, 3) - a(3, 0) * a(2, 3), c3 = a(2, 1) * a(3, 2) - a(3, 1) * a(2, 2);
    const T c4 = a(2, 1) * a(3, 3) - a(3, 1) * a(2, 3), c5 = a(2, 2) * a(3, 3) - a(3, 2) * a(2, 3);
    r.det = s0 * c5 - s1 * c4 + s2 * c3 + s3 * c2 - s4 * c1 + s5 * c0;
    b(0, 0) = a(1, 1) * c5 - a(1, 2) * c4 + a(1, 3) * c3;
    b(0, 1) = -a(0, 1) * c5 + a(0, 2) * c4 - a(0, 3) * c3;
    b(0, 2) = a(3, 1) * s5 - a(3, 2) * s4 + a(3, 3) * s3;
    b(0, 3) = -a(2, 1) * s5 + a(2, 2) * s4 - a(2, 3) * s3;
    b(1, 0) = -a(1, 0) * c5 + a(1, 2) * c2 - a(1, 3) * c1;
    b(1, 1) = a(0, 0) * c5 - a(0, 2) * c2 + a(0, 3) * c1;
    b(1, 2) = -a(3, 0) * s5 + a(3, 2) * s2 - a(3, 3) * s1;
    b(1, 3) = a(2, 0) * s5 - a(2, 2) * s2 + a(2, 3) * s1;
    b(2, 0) = a(1, 0) * c4 - a(1, 1) * c2 + a(1, 3) * c0;
    b(2, 1) = -a(0, 0) * c4 + a(0, 1) * c2 - a(0, 3) * c0;
    b(2, 2) = a(3, 0) * s4 - a(3, 1) * s2 + a(3, 3) * s0;
    b(2, 3) = -a(2, 0) * s4 + a(2, 1) * s2 - a(2, 3) * s0;
    b(3, 0) = -a(1, 0) * c3 + a(1, 1) * c1 - a(1, 2) * c0;
    b(3, 1) = a(0, 0) * c3 - a(0, 1) * c1 + a(0, 2) * c0;
    b(3, 2) = -a(3, 0) * s3 + a(3, 1) * s1 - a(3, 2) * s0;
    b(3, 3) = a(2, 0) * s3 - a(2, 1) * s1 + a(2, 2) * s0;
  }
  return r;
}

/// Whether adj / det is an accurate inverse. Cofactor (i, j) is a sum of products of entries
/// from the columns other than j, so its rounding error is at most a few eps times the product
/// of those columns' sums of |a|, c; the error of adj / det, measured as LAPACK's inverse test
/// measures it, is then at most a few eps times prod(c) / (min(c) max|adj_ij|). Far from
/// singular that is a small multiple of eps; near singularity the cancellation the adjugate
/// cannot avoid shows here first, and pivoted elimination must take over. Column sums and
/// element maxima run down the rows of row-major storage, in SIMD registers.
template <class T, std::size_t N, Expression E>
bool adjugate_is_accurate(const E& a, const Matrix<T, N, N>& adj, T det) {
  using R = real_t<T>;
  constexpr R safety = 64;  // the bound above assumes every rounding error points the same way
  std::array<R, N> column{}, largest{};
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) {
      column[j] += std::abs(a(i, j));
      largest[j] = std::max(largest[j], R(std::abs(adj(i, j))));
    }
  R product = column[0], smallest = column[0], adj_max = largest[0];
  for (std::size_t j = 1; j < N; ++j) {
    product *= column[j];
    smallest = std::min(smallest, column[j]);
    adj_max = std::max(adj_max, largest[j]);
  }
  // Written so that NaN, a zero determinant and overflow all answer false.
  return product <= safety * smallest * adj_max && adj_max * (1 / std::abs(det)) <= std::numeric_limits<R>::max();
}

}  // namespace linal::detail
