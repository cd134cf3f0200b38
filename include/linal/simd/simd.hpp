#pragma once
/// \file
/// A thin layer over std::experimental::simd: the one place that names the SIMD library, so
/// that moving to C++26 std::simd later touches only this file.

#include <bit>
#include <cstddef>
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

/// The widest vector register of the compile target, in bytes (0 where none is known).
inline constexpr std::size_t register_bytes =
#if defined(__AVX512F__)
    64;
#elif defined(__AVX__)
    32;
#elif defined(__SSE2__)
    16;
#else
    0;
#endif

/// Makes the compiler hold b in a register from here on. GCC otherwise folds each use of a
/// loaded batch into its instruction as a memory operand, reading memory again every time;
/// in the fixed-size products, where loads rather than arithmetic set the pace, that is a
/// quarter of the time. An empty asm statement that takes b in a vector register and may
/// have changed it, so that every use reads that register. A no-op where the target is not
/// x86 or b is not one register.
template <class Batch>
[[gnu::always_inline]] inline void keep_in_register([[maybe_unused]] Batch& b) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  if constexpr (sizeof(Batch) >= 16 && sizeof(Batch) <= register_bytes &&
                std::has_single_bit(sizeof(Batch))) {
    using vector [[gnu::vector_size(sizeof(Batch))]] = typename Batch::value_type;
    auto v = std::bit_cast<vector>(b);
    asm("" : "+v"(v));
    b = std::bit_cast<Batch>(v);
  }
#endif
}

}  // namespace linal::simd
