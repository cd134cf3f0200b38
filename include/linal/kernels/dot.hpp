#pragma once
// Strided dot product, the level-1 kernel under linal::dot and linal::vdot.

#include <cstddef>

namespace linal::kernels {

/// Unconjugated dot product sum_i x[i*incx] * y[i*incy] of two strided vectors of length n.
/// Strides may be negative or zero (BLAS style, but with the pointer at element 0). O(n).
template <class T>
T dot(std::size_t n, const T* x, std::ptrdiff_t incx, const T* y, std::ptrdiff_t incy) {
  T sum{};
  for (std::size_t i = 0; i < n; ++i) {
    const auto p = static_cast<std::ptrdiff_t>(i);
    sum += x[p * incx] * y[p * incy];
  }
  return sum;
}

}  // namespace linal::kernels
