#pragma once
// Packing six rows of A that are contiguous along k (a row-major A) into one MR = 6 micro-panel
// with AVX2 4 x 4 transposes: the element-by-element copy writes with a stride of six and costs
// several percent of a float product.

#if defined(__AVX2__) && defined(__FMA__)

#include <immintrin.h>

#include <cstddef>

namespace linal::kernels::detail {

/// dst[p*6 + i] = row i of src at p, for i < 6 and p < k, where row i starts at src + i*rs.
inline void pack_six_rows(std::size_t k, const double* src, std::ptrdiff_t rs, double* dst) {
  const double* r[6];
  for (int i = 0; i < 6; ++i) r[i] = src + i * rs;
  std::size_t p = 0;
  for (; p + 4 <= k; p += 4, dst += 24) {
    const __m256d a0 = _mm256_loadu_pd(r[0] + p), a1 = _mm256_loadu_pd(r[1] + p);
    const __m256d a2 = _mm256_loadu_pd(r[2] + p), a3 = _mm256_loadu_pd(r[3] + p);
    const __m256d t0 = _mm256_unpacklo_pd(a0, a1), t1 = _mm256_unpackhi_pd(a0, a1);
    const __m256d t2 = _mm256_unpacklo_pd(a2, a3), t3 = _mm256_unpackhi_pd(a2, a3);
    _mm256_storeu_pd(dst, _mm256_permute2f128_pd(t0, t2, 0x20));
    _mm256_storeu_pd(dst + 6, _mm256_permute2f128_pd(t1, t3, 0x20));
    _mm256_storeu_pd(dst + 12, _mm256_permute2f128_pd(t0, t2, 0x31));
    _mm256_storeu_pd(dst + 18, _mm256_permute2f128_pd(t1, t3, 0x31));
    const __m256d a4 = _mm256_loadu_pd(r[4] + p), a5 = _mm256_loadu_pd(r[5] + p);
    const __m256d even = _mm256_unpacklo_pd(a4, a5), odd = _mm256_unpackhi_pd(a4, a5);
    _mm_storeu_pd(dst + 4, _mm256_castpd256_pd128(even));
    _mm_storeu_pd(dst + 10, _mm256_castpd256_pd128(odd));
    _mm_storeu_pd(dst + 16, _mm256_extractf128_pd(even, 1));
    _mm_storeu_pd(dst + 22, _mm256_extractf128_pd(odd, 1));
  }
  for (; p < k; ++p, dst += 6)
    for (int i = 0; i < 6; ++i) dst[i] = r[i][p];
}

inline void pack_six_rows(std::size_t k, const float* src, std::ptrdiff_t rs, float* dst) {
  const float* r[6];
  for (int i = 0; i < 6; ++i) r[i] = src + i * rs;
  std::size_t p = 0;
  for (; p + 4 <= k; p += 4, dst += 24) {
    const __m128 a0 = _mm_loadu_ps(r[0] + p), a1 = _mm_loadu_ps(r[1] + p);
    const __m128 a2 = _mm_loadu_ps(r[2] + p), a3 = _mm_loadu_ps(r[3] + p);
    const __m128 t0 = _mm_unpacklo_ps(a0, a1), t1 = _mm_unpackhi_ps(a0, a1);
    const __m128 t2 = _mm_unpacklo_ps(a2, a3), t3 = _mm_unpackhi_ps(a2, a3);
    _mm_storeu_ps(dst, _mm_movelh_ps(t0, t2));
    _mm_storeu_ps(dst + 6, _mm_movehl_ps(t2, t0));
    _mm_storeu_ps(dst + 12, _mm_movelh_ps(t1, t3));
    _mm_storeu_ps(dst + 18, _mm_movehl_ps(t3, t1));
    const __m128 a4 = _mm_loadu_ps(r[4] + p), a5 = _mm_loadu_ps(r[5] + p);
    const __m128 low = _mm_unpacklo_ps(a4, a5), high = _mm_unpackhi_ps(a4, a5);
    // Pairs of floats stored as one 64-bit lane each.
    _mm_store_sd(reinterpret_cast<double*>(dst + 4), _mm_castps_pd(low));
    _mm_storeh_pd(reinterpret_cast<double*>(dst + 10), _mm_castps_pd(low));
    _mm_store_sd(reinterpret_cast<double*>(dst + 16), _mm_castps_pd(high));
    _mm_storeh_pd(reinterpret_cast<double*>(dst + 22), _mm_castps_pd(high));
  }
  for (; p < k; ++p, dst += 6)
    for (int i = 0; i < 6; ++i) dst[i] = r[i][p];
}

}  // namespace linal::kernels::detail

#endif
