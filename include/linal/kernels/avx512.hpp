#pragma once
// AVX-512 register operations for double and float: the same interface as avx2.hpp, with
// vectors twice as wide, so that fma_kernel gives a 6 x 16 (double) or 6 x 32 (float) tile.

#if defined(__AVX512F__)

#include <immintrin.h>

#include <cstddef>

namespace linal::kernels::detail {

struct avx512_f64 {
  using scalar = double;
  using reg = __m512d;
  static constexpr std::size_t lanes = 8;
  static reg zero() { return _mm512_setzero_pd(); }
  static reg set1(double x) { return _mm512_set1_pd(x); }
  static reg broadcast(const double* p) { return _mm512_set1_pd(*p); }
  static reg load(const double* p) { return _mm512_loadu_pd(p); }
  static void store(double* p, reg x) { _mm512_storeu_pd(p, x); }
  static reg mul(reg x, reg y) { return _mm512_mul_pd(x, y); }
  static reg fma(reg x, reg y, reg z) { return _mm512_fmadd_pd(x, y, z); }
};

struct avx512_f32 {
  using scalar = float;
  using reg = __m512;
  static constexpr std::size_t lanes = 16;
  static reg zero() { return _mm512_setzero_ps(); }
  static reg set1(float x) { return _mm512_set1_ps(x); }
  static reg broadcast(const float* p) { return _mm512_set1_ps(*p); }
  static reg load(const float* p) { return _mm512_loadu_ps(p); }
  static void store(float* p, reg x) { _mm512_storeu_ps(p, x); }
  static reg mul(reg x, reg y) { return _mm512_mul_ps(x, y); }
  static reg fma(reg x, reg y, reg z) { return _mm512_fmadd_ps(x, y, z); }
};

}  // namespace linal::kernels::detail

#endif
