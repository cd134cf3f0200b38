#pragma once
/// \file
/// A thin layer over std::experimental::simd: the one place that names the SIMD library, so
/// that moving to C++26 std::simd later touches only this file.

#include <experimental/simd>
#include <type_traits>

namespace linal::simd {

namespace stdx = std::experimental;

/// The widest batch of T the compile target supports (8 doubles with AVX-512, 4 with AVX2).
template <class T>
using batch = stdx::native_simd<T>;

/// Element types that element-wise expressions evaluate in batches.
template <class T>
inline constexpr bool has_batch = std::is_same_v<T, float> || std::is_same_v<T, double>;

template <class T>
inline constexpr std::size_t width = has_batch<T> ? batch<T>::size() : 1;

template <class T>
batch<T> load(const T* p) {
  return batch<T>(p, stdx::element_aligned);
}

template <class T>
void store(const batch<T>& b, T* p) {
  b.copy_to(p, stdx::element_aligned);
}

}  // namespace linal::simd
