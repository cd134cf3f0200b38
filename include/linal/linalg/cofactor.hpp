#pragma once
/// \file
/// Closed forms for fixed 1x1 to 4x4 matrices: the determinant by cofactor expansion and the
/// inverse as adjugate / determinant. Straight-line code, no heap; inv checks that the
/// adjugate is accurate (adjugate_bound_holds) and falls back to pivoted elimination otherwise.

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#endif

#include "../core/matrix.hpp"

namespace linal::detail {

/// Determinant of a fixed N x N expression, N <= 4, by cofactor expansion.
template <std::size_t N, Expression E>
value_t<E> cofactor_det(const E& a) {
  static_assert(N >= 1 && N <= 4);
  if constexpr (N == 1) {
    return a(0, 0);
  } else if constexpr (N == 2) {
    return a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0);
  } else if constexpr (N == 3) {
    return a(0, 0) * (a(1, 1) * a(2, 2) - a(1, 2) * a(2, 1)) - a(0, 1) * (a(1, 0) * a(2, 2) - a(1, 2) * a(2, 0)) +
           a(0, 2) * (a(1, 0) * a(2, 1) - a(1, 1) * a(2, 0));
  } else {
    // The six 2x2 minors of rows (0, 1) give the four 3x3 minors of rows (0, 1, 2), expanded
    // along row 3: 28 multiplies or fused multiply-adds, as in four independent chains.
    const auto s0 = a(0, 0) * a(1, 1) - a(1, 0) * a(0, 1), s1 = a(0, 0) * a(1, 2) - a(1, 0) * a(0, 2);
    const auto s2 = a(0, 0) * a(1, 3) - a(1, 0) * a(0, 3), s3 = a(0, 1) * a(1, 2) - a(1, 1) * a(0, 2);
    const auto s4 = a(0, 1) * a(1, 3) - a(1, 1) * a(0, 3), s5 = a(0, 2) * a(1, 3) - a(1, 2) * a(0, 3);
    const auto m0 = a(2, 1) * s5 - a(2, 2) * s4 + a(2, 3) * s3, m1 = a(2, 0) * s5 - a(2, 2) * s2 + a(2, 3) * s1;
    const auto m2 = a(2, 0) * s4 - a(2, 1) * s2 + a(2, 3) * s0, m3 = a(2, 0) * s3 - a(2, 1) * s1 + a(2, 2) * s0;
    return (a(3, 1) * m1 - a(3, 0) * m0) + (a(3, 3) * m3 - a(3, 2) * m2);
  }
}

/// Writes adj(a), the transposed cofactor matrix of a fixed N x N expression (N <= 4), into b
/// and returns det(a); a^-1 = adj(a) / det(a).
template <std::size_t N, Expression E>
inline value_t<E> adjugate(const E& a, Matrix<value_t<E>, N, N>& b) {
  static_assert(N >= 1 && N <= 4);
  using T = value_t<E>;
  T det;
  if constexpr (N == 1) {
    b(0, 0) = T(1);
    det = a(0, 0);
  } else if constexpr (N == 2) {
    b(0, 0) = a(1, 1), b(0, 1) = -a(0, 1);
    b(1, 0) = -a(1, 0), b(1, 1) = a(0, 0);
    det = a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0);
  } else if constexpr (N == 3) {
    b(0, 0) = a(1, 1) * a(2, 2) - a(1, 2) * a(2, 1), b(0, 1) = a(0, 2) * a(2, 1) - a(0, 1) * a(2, 2);
    b(0, 2) = a(0, 1) * a(1, 2) - a(0, 2) * a(1, 1), b(1, 0) = a(1, 2) * a(2, 0) - a(1, 0) * a(2, 2);
    b(1, 1) = a(0, 0) * a(2, 2) - a(0, 2) * a(2, 0), b(1, 2) = a(0, 2) * a(1, 0) - a(0, 0) * a(1, 2);
    b(2, 0) = a(1, 0) * a(2, 1) - a(1, 1) * a(2, 0), b(2, 1) = a(0, 1) * a(2, 0) - a(0, 0) * a(2, 1);
    b(2, 2) = a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0);
    det = a(0, 0) * b(0, 0) + a(0, 1) * b(1, 0) + a(0, 2) * b(2, 0);
  } else {
    // The 2x2 minors of rows (0, 1) and of rows (2, 3) give every 3x3 cofactor in three terms.
    const T s0 = a(0, 0) * a(1, 1) - a(1, 0) * a(0, 1), s1 = a(0, 0) * a(1, 2) - a(1, 0) * a(0, 2);
    const T s2 = a(0, 0) * a(1, 3) - a(1, 0) * a(0, 3), s3 = a(0, 1) * a(1, 2) - a(1, 1) * a(0, 2);
    const T s4 = a(0, 1) * a(1, 3) - a(1, 1) * a(0, 3), s5 = a(0, 2) * a(1, 3) - a(1, 2) * a(0, 3);
    const T c0 = a(2, 0) * a(3, 1) - a(3, 0) * a(2, 1), c1 = a(2, 0) * a(3, 2) - a(3, 0) * a(2, 2);
    const T c2 = a(2, 0) * a(3, 3) - a(3, 0) * a(2, 3), c3 = a(2, 1) * a(3, 2) - a(3, 1) * a(2, 2);
    const T c4 = a(2, 1) * a(3, 3) - a(3, 1) * a(2, 3), c5 = a(2, 2) * a(3, 3) - a(3, 2) * a(2, 3);
    det = (s0 * c5 - s1 * c4 + s2 * c3) + (s3 * c2 - s4 * c1 + s5 * c0);
    b(0, 0) = a(1, 1) * c5 - a(1, 2) * c4 + a(1, 3) * c3;
    b(0, 1) = -a(0, 1) * c5 + a(0, 2) * c4 - a(0, 3) * c3;
    b(0, 2) = a(3, 1) * s5 - a(3, 2) * s4 + a(3, 3) * s3;
    b(0, 3) = -a(2, 1) * s5 + a(2, 2) * s4 - a(2, 3) * s3;
    b(1, 0) = -a(1, 0) * c5 + a(1, 2) * c2 - a(1, 3) * c1;
    b(1, 1) = a(0, 0) * c5 - a(0, 2) * c2 + a(0, 3) * c1;
    b(1, 2) = -a(3, 0) * s5 + a(3, 2) * s2 - a(3, 3) * s1;
    b(1, 3) = a(2, 0) * s5 - a(2, 2) * s2 + a(2, 3) * s1;
    b(2, 0) = a(1, 0) * c4 - a(1, 1) * c2 + a(1, 3) * c0;
    b(2, 1) = -a(0, 0) * c4 + a(0, 1) * c2 - a(0, 3) * c0;
    b(2, 2) = a(3, 0) * s4 - a(3, 1) * s2 + a(3, 3) * s0;
    b(2, 3) = -a(2, 0) * s4 + a(2, 1) * s2 - a(2, 3) * s0;
    b(3, 0) = -a(1, 0) * c3 + a(1, 1) * c1 - a(1, 2) * c0;
    b(3, 1) = a(0, 0) * c3 - a(0, 1) * c1 + a(0, 2) * c0;
    b(3, 2) = -a(3, 0) * s3 + a(3, 1) * s1 - a(3, 2) * s0;
    b(3, 3) = a(2, 0) * s3 - a(2, 1) * s1 + a(2, 2) * s0;
  }
  return det;
}

/// Whether x is finite, tested on its bits when F is float or double: the exponent field is all
/// ones only for NaN and infinity. Integer instructions keep the test off the floating-point
/// pipes, which the closed forms fill.
template <class F>
bool finite_by_bits(F x) {
  if constexpr (std::is_same_v<F, double>) {
    constexpr std::uint64_t exponent = 0x7ff0'0000'0000'0000;
    return (std::bit_cast<std::uint64_t>(x) & exponent) != exponent;
  } else if constexpr (std::is_same_v<F, float>) {
    constexpr std::uint32_t exponent = 0x7f80'0000;
    return (std::bit_cast<std::uint32_t>(x) & exponent) != exponent;
  } else {
    return std::isfinite(x);
  }
}

/// The margin of the accuracy tests below: their error bounds assume that every rounding error
/// points the same way, which never quite happens.
inline constexpr double adjugate_safety = 64;

/// Whether adj / det is an accurate inverse, given the column sums of |a| (c) and max|adj_ij|.
/// Cofactor (i, j) is a sum of products of entries from the columns other than j, so its
/// rounding error is at most a few eps times prod(c) / c_j; the error of adj / det, measured as
/// LAPACK's inverse test measures it, is then at most a few eps times
/// prod(c) / (min(c) max|adj_ij|). Far from singular that is a small multiple of eps; near
/// singularity the cancellation the adjugate cannot avoid shows here first, and pivoted
/// elimination must take over. Takes 1 / det, which the caller needs anyway; written so that
/// NaN, a zero determinant and overflow all answer false (adj_max / det is then not finite).
template <class R>
inline bool adjugate_bound_holds(R product, R smallest, R adj_max, R inverse_det) {
  return (product <= R(adjugate_safety) * smallest * adj_max) & finite_by_bits(adj_max * inverse_det);
}

#if defined(__AVX2__) && defined(__FMA__)
/// adjugate_bound_holds for a 3 x 3 adjugate, given in row-major order in head, middle and the
/// low lane of last, and the column sums of |a| in lanes 0 to 2 of column: out of line, for
/// the few matrices that inverse_by_adjugate_3x3's cheaper test turns away. Every operand
/// comes in a register, so that the inverse need not be stored before the test.
[[gnu::noinline]] inline bool adjugate_3x3_bound_holds(__m256d column, __m256d head, __m256d middle, __m128d last,
                                                       double inverse_det) {
  alignas(32) double c[4], adj[9];
  _mm256_store_pd(c, column);
  _mm256_storeu_pd(adj, head);
  _mm256_storeu_pd(adj + 4, middle);
  _mm_store_sd(adj + 8, last);
  double adj_max = 0;
  for (const double x : adj) adj_max = std::max(adj_max, std::abs(x));
  return adjugate_bound_holds(std::max({c[0] * c[1], c[1] * c[2], c[2] * c[0]}), 1.0, adj_max, inverse_det);
}

/// inverse_by_adjugate for a row-major 3 x 3 double matrix. Rows 2 and 0 of the adjugate come
/// in pairs (adj2j, adj0j), each two products of pairs of adjacent entries of a, so that every
/// operand is one unaligned load; row 1 is three scalar minors. The determinant is row 2 of the
/// adjugate times column 2 of a, short enough that the division starts early; cross products
/// of rows in vector registers would wait on lane permutes and a horizontal sum instead.
///
/// The accuracy test is first adjugate_bound_holds with max|adj_ij| replaced by its lower bound
/// |det| / min(c) (adj a = det I, so |det| <= c_j max|adj_ij| for every column j): then
/// prod(c) / (min(c) max|adj_ij|) <= c0 c1 c2 / |det|, which needs no reduction over the
/// adjugate. Random matrices of condition 10 keep c0 c1 c2 / |det| under 32; the few matrices
/// it turns away (8% of matrices of independent normal entries) get the exact test.
/// Column sums below 2^340 keep every product, the adjugate and det finite.
inline bool inverse_by_adjugate_3x3(const double* a, double* out) {
  const auto pair = [a](int k) { return _mm_loadu_pd(a + k); };  // (a[k], a[k + 1])
  const auto minor = [](__m128d w, __m128d x, __m128d y, __m128d z) { return _mm_fmsub_pd(w, x, _mm_mul_pd(y, z)); };
  const __m128d p0 = pair(0), p1 = pair(1), p3 = pair(3), p4 = pair(4), p6 = pair(6), p7 = pair(7);
  const __m128d adj20_00 = minor(p3, p7, p4, p6), adj21_01 = minor(p1, p6, p0, p7), adj22_02 = minor(p0, p4, p1, p3);
  // Only the low lanes below are used: a00 = p0, a02 = pair(2), a10 = p3, a12 = pair(5), a20 = p6.
  const __m128d a02 = pair(2), a12 = pair(5), a22 = _mm_load_sd(a + 8);
  const __m128d adj10 = minor(a12, p6, p3, a22), adj11 = minor(p0, a22, a02, p6), adj12 = minor(a02, p3, p0, a12);
  const __m128d det = _mm_fmadd_pd(adj22_02, a22, _mm_fmadd_pd(adj21_01, a12, _mm_mul_pd(adj20_00, a02)));
  const double inverse_det = 1 / _mm_cvtsd_f64(det);
  const auto join = [](__m128d low, __m128d high) {
    return _mm256_insertf128_pd(_mm256_castpd128_pd256(low), high, 1);
  };
  // adj in row-major order: (adj00, adj01, adj02, adj10), (adj11, adj12, adj20, adj21), adj22.
  const __m256d head = join(_mm_unpackhi_pd(adj20_00, adj21_01), _mm_shuffle_pd(adj22_02, adj10, 0b01));
  const __m256d middle = join(_mm_unpacklo_pd(adj11, adj12), _mm_unpacklo_pd(adj20_00, adj21_01));
  const __m256d scale = _mm256_set1_pd(inverse_det);
  _mm256_storeu_pd(out, _mm256_mul_pd(head, scale));
  _mm256_storeu_pd(out + 4, _mm256_mul_pd(middle, scale));
  _mm_store_sd(out + 8, _mm_mul_pd(adj22_02, _mm256_castpd256_pd128(scale)));
  // Column sums of |a| in lanes 0 to 2 (lane 3 is not a column sum and is ignored).
  const __m256d sign = _mm256_set1_pd(-0.0);
  const __m256d row2 = _mm256_maskload_pd(a + 6, _mm256_setr_epi64x(-1, -1, -1, 0));
  const __m256d column = _mm256_add_pd(
      _mm256_add_pd(_mm256_andnot_pd(sign, _mm256_loadu_pd(a)), _mm256_andnot_pd(sign, _mm256_loadu_pd(a + 3))),
      _mm256_andnot_pd(sign, row2));
  const __m128d c01 = _mm256_castpd256_pd128(column), c2 = _mm256_extractf128_pd(column, 1);
  const double product = _mm_cvtsd_f64(_mm_mul_sd(_mm_mul_sd(c01, c2), _mm_unpackhi_pd(c01, c01)));
  const bool in_range = (_mm256_movemask_pd(_mm256_cmp_pd(column, _mm256_set1_pd(0x1p340), _CMP_LT_OQ)) & 0b111) == 0b111;
  // False for NaN, a zero determinant (1 / det infinite) and a zero column (0 times infinity).
  if (in_range & (product * std::abs(inverse_det) <= adjugate_safety)) [[likely]]
    return true;
  return adjugate_3x3_bound_holds(column, head, middle, adj22_02, inverse_det);
}

/// adjugate_bound_holds for a 4 x 4 adjugate given by the rows of its transpose (the cofactor
/// rows c0 to c3) and the column sums of |a|: out of line, for the matrices that
/// inverse_by_adjugate_4x4's quick test turns away (a fifth of random matrices of condition 10).
[[gnu::noinline]] inline bool adjugate_4x4_bound_holds(__m256d column, __m256d c0, __m256d c1, __m256d c2, __m256d c3,
                                                       double inverse_det) {
  const auto rotate1 = [](__m256d v) { return _mm256_permute4x64_pd(v, 0b00'11'10'01); };
  const auto rotate2 = [](__m256d v) { return _mm256_permute2f128_pd(v, v, 0x01); };
  const __m256d sign = _mm256_set1_pd(-0.0);
  // prod(c) / min(c) is the largest of the products of three column sums.
  const __m256d triples = _mm256_mul_pd(_mm256_mul_pd(column, rotate1(column)), rotate2(column));
  const __m256d adj_abs = _mm256_max_pd(_mm256_max_pd(_mm256_andnot_pd(sign, c0), _mm256_andnot_pd(sign, c1)),
                                        _mm256_max_pd(_mm256_andnot_pd(sign, c2), _mm256_andnot_pd(sign, c3)));
  // Lanes 0, 1 reduce the triple products, lanes 2, 3 the |adj_ij|.
  const __m256d halves = _mm256_max_pd(_mm256_permute2f128_pd(triples, adj_abs, 0x20),
                                       _mm256_permute2f128_pd(triples, adj_abs, 0x31));
  const __m256d maxima = _mm256_max_pd(halves, _mm256_permute_pd(halves, 0b0101));
  return adjugate_bound_holds(_mm256_cvtsd_f64(maxima), 1.0, _mm_cvtsd_f64(_mm256_extractf128_pd(maxima, 1)),
                              inverse_det);
}

/// inverse_by_adjugate for a row-major 4 x 4 double matrix, all in AVX registers. Element j of
/// rotate<k>(v) is v[(j + k) mod 4]. With rows x and y, x rotate<1>(y) - rotate<1>(x) y holds
/// the 2x2 minors of columns (j, j + 1) and the same with rotate<2> those of columns (j, j + 2),
/// so each row of cofactors is three fused products of a rotated row with rotated minors (the
/// columns j + 1, j + 2, j + 3 are always an even permutation of their sorted order).
inline bool inverse_by_adjugate_4x4(const double* a, double* out) {
  const auto rotate1 = [](__m256d v) { return _mm256_permute4x64_pd(v, 0b00'11'10'01); };
  const auto rotate2 = [](__m256d v) { return _mm256_permute2f128_pd(v, v, 0x01); };
  const auto rotate3 = [](__m256d v) { return _mm256_permute4x64_pd(v, 0b10'01'00'11); };
  const __m256d r0 = _mm256_loadu_pd(a), r1 = _mm256_loadu_pd(a + 4);
  const __m256d r2 = _mm256_loadu_pd(a + 8), r3 = _mm256_loadu_pd(a + 12);
  const __m256d m1 = _mm256_fmsub_pd(r0, rotate1(r1), _mm256_mul_pd(rotate1(r0), r1));
  const __m256d m2 = _mm256_fmsub_pd(r0, rotate2(r1), _mm256_mul_pd(rotate2(r0), r1));
  const __m256d n1 = _mm256_fmsub_pd(r2, rotate1(r3), _mm256_mul_pd(rotate1(r2), r3));
  const __m256d n2 = _mm256_fmsub_pd(r2, rotate2(r3), _mm256_mul_pd(rotate2(r2), r3));
  // The 3x3 determinants of one row against a pair's minors, for the left-out column j.
  const auto minor3 = [&](__m256d x, __m256d d1, __m256d d2) {
    const __m256d t = _mm256_fnmadd_pd(rotate2(x), rotate1(d2), _mm256_mul_pd(rotate1(x), rotate2(d1)));
    return _mm256_fmadd_pd(rotate3(x), rotate1(d1), t);
  };
  const __m256d even = _mm256_setr_pd(0.0, -0.0, 0.0, -0.0), odd = _mm256_setr_pd(-0.0, 0.0, -0.0, 0.0);
  const __m256d c0 = _mm256_xor_pd(minor3(r1, n1, n2), even), c1 = _mm256_xor_pd(minor3(r0, n1, n2), odd);
  const __m256d c2 = _mm256_xor_pd(minor3(r3, m1, m2), even), c3 = _mm256_xor_pd(minor3(r2, m1, m2), odd);
  const auto low = [](__m256d v) { return _mm256_castpd256_pd128(v); };
  const auto high = [](__m256d v) { return _mm256_extractf128_pd(v, 1); };
  const auto across = [](__m128d v) { return _mm_unpackhi_pd(v, v); };
  // det by the Laplace expansion along rows 0 and 1, from the minors alone so that the division
  // need not wait for the cofactors: with x_j = m1_j n1_(j+2) - m2_j n2_(j+1) / 2 (each product
  // of m2 with n2 appears twice, with the sign of its lane), det = (x0 + x2) - (x1 + x3).
  const __m256d x = _mm256_fnmadd_pd(_mm256_mul_pd(m2, rotate1(n2)), _mm256_set1_pd(0.5), _mm256_mul_pd(m1, rotate2(n1)));
  const __m128d det2 = _mm_add_pd(low(x), high(x));
  const double inverse_det = 1 / _mm_cvtsd_f64(_mm_sub_sd(det2, across(det2)));
  // Row j of the inverse is column j of the cofactors over det: a 4 x 4 transpose.
  const __m256d scale = _mm256_set1_pd(inverse_det);
  const __m256d t0 = _mm256_unpacklo_pd(c0, c1), t1 = _mm256_unpackhi_pd(c0, c1);
  const __m256d t2 = _mm256_unpacklo_pd(c2, c3), t3 = _mm256_unpackhi_pd(c2, c3);
  _mm256_storeu_pd(out, _mm256_mul_pd(_mm256_permute2f128_pd(t0, t2, 0x20), scale));
  _mm256_storeu_pd(out + 4, _mm256_mul_pd(_mm256_permute2f128_pd(t1, t3, 0x20), scale));
  _mm256_storeu_pd(out + 8, _mm256_mul_pd(_mm256_permute2f128_pd(t0, t2, 0x31), scale));
  _mm256_storeu_pd(out + 12, _mm256_mul_pd(_mm256_permute2f128_pd(t1, t3, 0x31), scale));
  // The quick accuracy test, as for 3 x 3: prod(c) / |det|, with column sums below 2^255.
  const __m256d sign = _mm256_set1_pd(-0.0);
  const __m256d column = _mm256_add_pd(_mm256_add_pd(_mm256_andnot_pd(sign, r0), _mm256_andnot_pd(sign, r1)),
                                       _mm256_add_pd(_mm256_andnot_pd(sign, r2), _mm256_andnot_pd(sign, r3)));
  const __m128d pairs = _mm_mul_pd(_mm256_castpd256_pd128(column), _mm256_extractf128_pd(column, 1));
  const double product = _mm_cvtsd_f64(_mm_mul_sd(pairs, _mm_unpackhi_pd(pairs, pairs)));
  const bool in_range = _mm256_movemask_pd(_mm256_cmp_pd(column, _mm256_set1_pd(0x1p255), _CMP_LT_OQ)) == 0b1111;
  if (in_range & (product * std::abs(inverse_det) <= adjugate_safety)) [[likely]]
    return true;
  return adjugate_4x4_bound_holds(column, c0, c1, c2, c3, inverse_det);
}
#endif

/// Writes a^-1 = adj(a) / det(a) into b and answers true when that is accurate
/// (adjugate_bound_holds); answers false, b unspecified, when not.
template <std::size_t N, Expression E>
inline bool inverse_by_adjugate(const E& a, Matrix<value_t<E>, N, N>& b) {
  using T = value_t<E>;
  using R = real_t<T>;
#if defined(__AVX2__) && defined(__FMA__)
  if constexpr (std::is_same_v<std::remove_cvref_t<E>, Matrix<double, 3, 3>>)
    return inverse_by_adjugate_3x3(a.data(), b.data());
  else if constexpr (std::is_same_v<std::remove_cvref_t<E>, Matrix<double, 4, 4>>)
    return inverse_by_adjugate_4x4(a.data(), b.data());
#endif
  const T det = adjugate<N>(a, b);
  std::array<R, N> column{}, largest{};
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) {
      column[j] += std::abs(a(i, j));
      largest[j] = std::max(largest[j], R(std::abs(b(i, j))));
    }
  R product = column[0], smallest = column[0], adj_max = largest[0];
  for (std::size_t j = 1; j < N; ++j) {
    product *= column[j];
    smallest = std::min(smallest, column[j]);
    adj_max = std::max(adj_max, largest[j]);
  }
  const T scale = T(1) / det;
  for (std::size_t k = 0; k < N * N; ++k) b.data()[k] *= scale;
  return adjugate_bound_holds(product, smallest, adj_max, R(std::abs(scale)));
}

}  // namespace linal::detail
