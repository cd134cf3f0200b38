#pragma once
/// \file
/// Where an operand lives in memory, so that assignment can tell when writing the destination
/// would change elements that are still to be read (A = transpose(A), B = B.block(...)).

#include <algorithm>
#include <cstddef>
#include <functional>

namespace linal::detail {

/// The bytes an operand spans, its first element and its strides in bytes. A stride is zero
/// along a dimension of extent one, where it never matters.
struct memory_region {
  const std::byte* lo = nullptr;  // first byte
  const std::byte* hi = nullptr;  // one past the last byte
  const std::byte* origin = nullptr;
  std::ptrdiff_t row_stride = 0;
  std::ptrdiff_t col_stride = 0;
};

template <class T>
memory_region region_of(const T* data, std::size_t rows, std::size_t cols, std::ptrdiff_t rs,
                        std::ptrdiff_t cs) {
  memory_region r;
  if (rows == 0 || cols == 0 || data == nullptr) return r;
  const auto* origin = reinterpret_cast<const std::byte*>(data);
  const std::ptrdiff_t size = sizeof(T);
  const std::ptrdiff_t row_span = static_cast<std::ptrdiff_t>(rows - 1) * rs * size;
  const std::ptrdiff_t col_span = static_cast<std::ptrdiff_t>(cols - 1) * cs * size;
  const std::ptrdiff_t low = std::min<std::ptrdiff_t>(row_span, 0) + std::min<std::ptrdiff_t>(col_span, 0);
  const std::ptrdiff_t high = std::max<std::ptrdiff_t>(row_span, 0) + std::max<std::ptrdiff_t>(col_span, 0);
  r.lo = origin + low;
  r.hi = origin + high + size;
  r.origin = origin;
  r.row_stride = rows > 1 ? rs * size : 0;
  r.col_stride = cols > 1 ? cs * size : 0;
  return r;
}

/// True when reading `source` element (i, j) after `dest` elements have been written may see a
/// new value: the two overlap and element (i, j) is not at the same address in both.
inline bool read_write_hazard(const memory_region& source, const memory_region& dest) {
  const std::less<const std::byte*> before;
  const bool overlap = source.lo && dest.lo && before(source.lo, dest.hi) && before(dest.lo, source.hi);
  if (!overlap) return false;
  const bool same_layout = source.origin == dest.origin && source.row_stride == dest.row_stride &&
                           source.col_stride == dest.col_stride;
  return !same_layout;
}

}  // namespace linal::detail
