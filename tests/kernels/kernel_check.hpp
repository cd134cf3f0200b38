#pragma once
// Runs one micro-kernel K through GEMM's unpacked and packed drivers on every edge case of its
// MR x NR tile, against the extended-precision reference product: for kernels that the public
// gemm does not select on the machine running the tests (another register width).

#include <algorithm>
#include <cstddef>
#include <limits>
#include <linal/kernels/gemm.hpp>
#include <random>

#include "reference.hpp"

namespace kernels_test {

/// The error ratio of C = alpha A B + beta C (beta = 0: over NaN) computed with kernel K, packed
/// or not. The unpacked driver reads B in place, which needs unit column stride.
template <class K, class T>
long double kernel_ratio(std::size_t m, std::size_t n, std::size_t k, layout la, layout lb,
                         layout lc, T alpha, T beta, bool packed, std::mt19937& rng) {
  operand<T> a(m, k, la, T{}), b(k, n, lb, T{});
  fill_random(a, rng);
  fill_random(b, rng);
  operand<T> c(m, n, lc, beta == T{} ? std::numeric_limits<T>::quiet_NaN() : T{});
  if (beta != T{}) fill_random(c, rng);
  const operand<T> c0 = c;
  if (packed)
    linal::kernels::detail::gemm_packed<K>(m, n, k, alpha, a.data(), a.rs, a.cs, b.data(), b.rs,
                                           b.cs, beta, c.data(), c.rs, c.cs, 1);
  else
    linal::kernels::detail::gemm_unpacked<K>(m, n, k, alpha, a.data(), a.rs, a.cs, b.data(), b.rs,
                                             beta, c.data(), c.rs, c.cs);
  return error_ratio(a, b, c0, c, alpha, beta);
}

/// The worst ratio over every m, n up to two tiles and a ragged third, depths covering each
/// remainder of the four-way unrolled k loop, both drivers and every layout of A and C, and
/// a product large enough to cross the KC and MC blocks.
template <class K, class T>
long double worst_kernel_ratio(std::mt19937& rng) {
  constexpr std::size_t depths[] = {1, 2, 3, 4, 5, 7, 13, 31};
  constexpr layout layouts[] = {layout::row_major, layout::col_major, layout::strided};
  long double worst = 0;
  std::size_t variant = 0;
  for (std::size_t m = 1; m <= 2 * K::mr + 3; ++m)
    for (std::size_t n = 1; n <= 2 * K::nr + 3; ++n)
      for (const std::size_t k : depths) {
        const layout la = layouts[variant % 3], lc = layouts[variant / 3 % 3];
        const bool packed = variant % 2 == 0;
        const layout lb = packed ? layouts[variant / 9 % 3] : layout::row_major;
        const T beta = variant % 5 == 0 ? T{} : T(0.5);
        ++variant;
        const long double r = kernel_ratio<K, T>(m, n, k, la, lb, lc, T(-1.5), beta, packed, rng);
        worst = std::max(worst, r);  // error_ratio reports a NaN result as infinite
      }
  const long double r = kernel_ratio<K, T>(301, 5 * K::nr + 7, 700, layout::row_major,
                                           layout::col_major, layout::row_major, T(1), T(-1), true,
                                           rng);
  return std::max(worst, r);
}

}  // namespace kernels_test
