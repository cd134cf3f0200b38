#pragma once
// AVX2 + FMA register operations for double and float, so that one kernel source serves both.

#if defined(__AVX2__) && defined(__FMA__)

#include <immintrin.h>

#include <cstddef>

namespace linal::kernels::detail {

struct avx2_f64 {
  using scalar = double;
  using reg = __m256d;
  static constexpr std::size_t lanes = 4;
  static reg zero() { return _mm256_setzero_pd(); }
  static reg set1(double x) { return _mm256_set1_pd(x); }
  static reg broadcast(const double* p) { return _mm256_broadcast_sd(p); }
  static reg load(const double* p) { return _mm256_loadu_pd(p); }
  static void store(double* p, reg x) { _mm256_storeu_pd(p, x); }
  static reg mul(reg x, reg y) { return _mm256_mul_pd(x, y); }
  static reg fma(reg x, reg y, reg z) { return _mm256_fmadd_pd(x, y, z); }
  static reg add(reg x, reg y) { return _mm256_add_pd(x, y); }
  static double sum(reg x) {
    const __m128d h = _mm_add_pd(_mm256_castpd256_pd128(x), _mm256_extractf128_pd(x, 1));
    return _mm_cvtsd_f64(_mm_add_sd(h, _mm_unpackhi_pd(h, h)));
  }
};

struct avx2_f32 {
  using scalar = float;
  using reg = __m256;
  static constexpr std::size_t lanes = 8;
  static reg zero() { return _mm256_setzero_ps(); }
  static reg set1(float x) { return _mm256_set1_ps(x); }
  static reg broadcast(const float* p) { return _mm256_broadcast_ss(p); }
  static reg load(const float* p) { return _mm256_loadu_ps(p); }
  static void store(float* p, reg x) { _mm256_storeu_ps(p, x); }
  static reg mul(reg x, reg y) { return _mm256_mul_ps(x, y); }
  static reg fma(reg x, reg y, reg z) { return _mm256_fmadd_ps(x, y, z); }
  static reg add(reg x, reg y) { return _mm256_add_ps(x, y); }
  static float sum(reg x) {
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(x), _mm256_extractf128_ps(x, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    return _mm_cvtss_f32(_mm_add_ss(h, _mm_movehdup_ps(h)));
  }
};

/// The register type for T, where one exists (void otherwise).
template <class T>
struct avx2_for {
  using type = void;
};
template <>
struct avx2_for<double> {
  using type = avx2_f64;
};
template <>
struct avx2_for<float> {
  using type = avx2_f32;
};

}  // namespace linal::kernels::detail

#endif
