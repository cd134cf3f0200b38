#pragma once
/// \file
/// trace: the sum of a diagonal.

#include <cstddef>

#include "../core/concepts.hpp"

namespace linal {

/// Sum of diagonal k of a (NumPy's trace(a, offset=k)): k = 0 is the main diagonal, k > 0 lies
/// above it, k < 0 below. Any shape is allowed; a diagonal outside the matrix sums to 0.
/// O(min(m, n)); never throws.
template <Expression E>
value_t<E> trace(const E& a, std::ptrdiff_t k = 0) {
  const std::size_t row0 = k < 0 ? static_cast<std::size_t>(-k) : 0;
  const std::size_t col0 = k > 0 ? static_cast<std::size_t>(k) : 0;
  value_t<E> total{};
  for (std::size_t i = row0, j = col0; i < a.rows() && j < a.cols(); ++i, ++j) total += a(i, j);
  return total;
}

}  // namespace linal
