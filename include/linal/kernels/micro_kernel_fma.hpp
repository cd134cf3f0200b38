#pragma once
// The FMA micro-kernel for float and double, for any register type V with the interface of
// avx2.hpp or avx512.hpp: a 6 x (2 vectors) tile, 12 accumulator registers plus 2 for B and 1
// for the broadcast A value, which fits the 16 registers of AVX2 (AVX-512 has 32).

#if (defined(__AVX2__) && defined(__FMA__)) || defined(__AVX512F__)

#include <immintrin.h>

#include <cstddef>

#include "linal/kernels/tile_update.hpp"

namespace linal::kernels::detail {

template <class V>
struct fma_kernel {
  using T = typename V::scalar;
  using R = typename V::reg;
  static constexpr std::size_t mr = 6;
  static constexpr std::size_t nr = 2 * V::lanes;

  // Inlined into both entry points so that the packed one sees constant strides.
  [[gnu::always_inline]] static inline void compute(std::size_t k, const T* a, std::ptrdiff_t ars,
                                                    std::ptrdiff_t acs, const T* b,
                                                    std::ptrdiff_t brs, const T& alpha,
                                                    const T& beta, T* c, std::ptrdiff_t crs,
                                                    std::ptrdiff_t ccs) {
    // Named accumulators, not an array: GCC keeps an array of vectors in memory across the loop.
    R c00 = V::zero(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    R c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    const std::ptrdiff_t ars3 = 3 * ars;
    // C is needed only after the k loop: start fetching it now, hiding a likely cache miss.
    for (std::size_t i = 0; i < mr; ++i) {
      const T* ci = c + static_cast<std::ptrdiff_t>(i) * crs;
      _mm_prefetch(reinterpret_cast<const char*>(ci), _MM_HINT_T0);
      _mm_prefetch(reinterpret_cast<const char*>(ci + (nr - 1) * ccs), _MM_HINT_T0);
    }
#pragma GCC unroll 4
    for (std::size_t p = 0; p < k; ++p) {
      const R b0 = V::load(b);
      const R b1 = V::load(b + V::lanes);
      R t = V::broadcast(a);
      c00 = V::fma(t, b0, c00);
      c01 = V::fma(t, b1, c01);
      t = V::broadcast(a + ars);
      c10 = V::fma(t, b0, c10);
      c11 = V::fma(t, b1, c11);
      t = V::broadcast(a + 2 * ars);
      c20 = V::fma(t, b0, c20);
      c21 = V::fma(t, b1, c21);
      t = V::broadcast(a + ars3);
      c30 = V::fma(t, b0, c30);
      c31 = V::fma(t, b1, c31);
      t = V::broadcast(a + ars3 + ars);
      c40 = V::fma(t, b0, c40);
      c41 = V::fma(t, b1, c41);
      t = V::broadcast(a + ars3 + 2 * ars);
      c50 = V::fma(t, b0, c50);
      c51 = V::fma(t, b1, c51);
      a += acs;
      b += brs;
    }
    const R acc[mr][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}, {c40, c41}, {c50, c51}};
    const R va = V::set1(alpha);
    if (ccs == 1) {
      const R vb = V::set1(beta);
#pragma GCC unroll 6
      for (std::size_t i = 0; i < mr; ++i) {
        T* ci = c + static_cast<std::ptrdiff_t>(i) * crs;
        if (beta == T{}) {
          V::store(ci, V::mul(va, acc[i][0]));
          V::store(ci + V::lanes, V::mul(va, acc[i][1]));
        } else {
          V::store(ci, V::fma(vb, V::load(ci), V::mul(va, acc[i][0])));
          V::store(ci + V::lanes, V::fma(vb, V::load(ci + V::lanes), V::mul(va, acc[i][1])));
        }
      }
      return;
    }
    alignas(32) T tile[mr * nr];
    for (std::size_t i = 0; i < mr; ++i) {
      V::store(tile + i * nr, acc[i][0]);
      V::store(tile + i * nr + V::lanes, acc[i][1]);
    }
    update_c(mr, nr, tile, nr, alpha, beta, c, crs, ccs);
  }

  static void run(std::size_t k, const T* a, std::ptrdiff_t ars, std::ptrdiff_t acs, const T* b,
                  std::ptrdiff_t brs, const T& alpha, const T& beta, T* c, std::ptrdiff_t crs,
                  std::ptrdiff_t ccs) {
    compute(k, a, ars, acs, b, brs, alpha, beta, c, crs, ccs);
  }

  static void run_packed(std::size_t k, const T* a, const T* b, const T& alpha, const T& beta, T* c,
                         std::ptrdiff_t crs, std::ptrdiff_t ccs) {
    compute(k, a, 1, mr, b, nr, alpha, beta, c, crs, ccs);
  }
};

}  // namespace linal::kernels::detail

#endif
