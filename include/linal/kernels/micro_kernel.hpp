#pragma once
// GEMM micro-kernels: an MR x NR tile of C += A sliver (MR x k) * B sliver (k x NR), kept in
// registers for the whole k loop. micro_kernel<T> names the fastest one for T on this target.
//
// A kernel reads A(i,p) at a[i*ars + p*acs] and row p of B at b + p*brs (NR contiguous values),
// so the same code serves packed panels (ars = 1, acs = MR, brs = NR) and, for small products,
// the caller's own memory. It then sets C = alpha * tile + beta * C, never reading C when beta
// is zero.

#include <cstddef>
#include <type_traits>

#include "linal/kernels/avx2.hpp"
#include "linal/kernels/avx512.hpp"
#include "linal/kernels/micro_kernel_fma.hpp"
#include "linal/kernels/scalar.hpp"
#include "linal/kernels/tile_update.hpp"

namespace linal::kernels::detail {

/// Plain loops over a local accumulator tile: correct for every element type (complex, integer)
/// and vectorized by the compiler for float and double where no hand-written kernel exists.
template <class T, std::size_t MR, std::size_t NR>
struct generic_kernel {
  static constexpr std::size_t mr = MR;
  static constexpr std::size_t nr = NR;

  static void run(std::size_t k, const T* a, std::ptrdiff_t ars, std::ptrdiff_t acs, const T* b,
                  std::ptrdiff_t brs, const T& alpha, const T& beta, T* c, std::ptrdiff_t crs,
                  std::ptrdiff_t ccs) {
    T acc[MR * NR] = {};
    for (std::size_t p = 0; p < k; ++p) {
      for (std::size_t i = 0; i < MR; ++i) {
        const T ai = a[static_cast<std::ptrdiff_t>(i) * ars];
        for (std::size_t j = 0; j < NR; ++j) acc[i * NR + j] += multiply(ai, b[j]);
      }
      a += acs;
      b += brs;
    }
    update_c(MR, NR, acc, NR, alpha, beta, c, crs, ccs);
  }

  static void run_packed(std::size_t k, const T* a, const T* b, const T& alpha, const T& beta, T* c,
                         std::ptrdiff_t crs, std::ptrdiff_t ccs) {
    run(k, a, 1, MR, b, NR, alpha, beta, c, crs, ccs);
  }
};

/// The vector registers of the FMA kernel for T on this target.
#if defined(__AVX512F__)
template <class T>
using fma_registers = std::conditional_t<std::is_same_v<T, double>, avx512_f64, avx512_f32>;
#elif defined(__AVX2__) && defined(__FMA__)
template <class T>
using fma_registers = std::conditional_t<std::is_same_v<T, double>, avx2_f64, avx2_f32>;
#endif

template <class T>
struct micro_kernel_for {
  using type = generic_kernel<T, 4, 4>;
};

template <class T>
requires std::is_same_v<T, float> || std::is_same_v<T, double>
struct micro_kernel_for<T> {
#if defined(__AVX512F__) || (defined(__AVX2__) && defined(__FMA__))
  using type = fma_kernel<fma_registers<T>>;
#else
  // Rows of two 256-bit vectors, for the compiler to vectorize.
  using type = generic_kernel<T, 4, 64 / sizeof(T)>;
#endif
};

template <class T>
using micro_kernel = typename micro_kernel_for<T>::type;

}  // namespace linal::kernels::detail
