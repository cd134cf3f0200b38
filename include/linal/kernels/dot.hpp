#pragma once
// Strided dot product, the level-1 kernel under linal::dot and linal::vdot.

#include <cstddef>
#include <type_traits>

#include "linal/kernels/avx2.hpp"
#include "linal/kernels/scalar.hpp"

namespace linal::kernels {

namespace detail {

#if defined(__AVX2__) && defined(__FMA__)
/// Four independent vector sums hide the FMA latency; the order of additions differs from the
/// sequential loop, within the same error bound (n eps sum |x_i y_i|).
template <class V, class T>
T dot_contiguous(std::size_t n, const T* x, const T* y) {
  constexpr std::size_t w = V::lanes;
  auto s0 = V::zero(), s1 = V::zero(), s2 = V::zero(), s3 = V::zero();
  std::size_t i = 0;
  for (; i + 4 * w <= n; i += 4 * w) {
    s0 = V::fma(V::load(x + i), V::load(y + i), s0);
    s1 = V::fma(V::load(x + i + w), V::load(y + i + w), s1);
    s2 = V::fma(V::load(x + i + 2 * w), V::load(y + i + 2 * w), s2);
    s3 = V::fma(V::load(x + i + 3 * w), V::load(y + i + 3 * w), s3);
  }
  for (; i + w <= n; i += w) s0 = V::fma(V::load(x + i), V::load(y + i), s0);
  T sum = V::sum(V::add(V::add(s0, s1), V::add(s2, s3)));
  for (; i < n; ++i) sum += x[i] * y[i];
  return sum;
}
#endif

}  // namespace detail

/// Unconjugated dot product sum_i x[i*incx] * y[i*incy] of two strided vectors of length n.
/// Strides may be negative or zero (the pointers address element 0). O(n), no allocation.
template <class T>
T dot(std::size_t n, const T* x, std::ptrdiff_t incx, const T* y, std::ptrdiff_t incy) {
#if defined(__AVX2__) && defined(__FMA__)
  using V = typename detail::avx2_for<T>::type;
  if constexpr (!std::is_void_v<V>)
    if (incx == 1 && incy == 1) return detail::dot_contiguous<V>(n, x, y);
#endif
  T sum{};
  for (std::size_t i = 0; i < n; ++i) {
    const auto p = static_cast<std::ptrdiff_t>(i);
    sum += detail::multiply(x[p * incx], y[p * incy]);
  }
  return sum;
}

}  // namespace linal::kernels
