#pragma once
// Packing for GEMM: copying a block of A (or of B transposed) into micro-panels of W rows, so
// that the micro-kernel streams both operands from contiguous, aligned, cache-resident memory.

#include <algorithm>
#include <cstddef>
#include <type_traits>

#include "linal/kernels/pack_avx2.hpp"

namespace linal::kernels::detail {

/// Copies the rows x k block whose element (i,p) is src[i*rs + p*cs] into ceil(rows/W) panels:
/// element (i,p) lands at dst[(i/W)*W*k + p*W + i%W]. The last panel is padded with zeros, so
/// the micro-kernel always runs over whole panels and never reads past the caller's data.
/// A block of B is packed as its transpose: pack_panels<NR>(n, k, b, b_cs, b_rs, dst).
template <std::size_t W, class T>
void pack_panels(std::size_t rows, std::size_t k, const T* src, std::ptrdiff_t rs,
                 std::ptrdiff_t cs, T* dst) {
  for (std::size_t i0 = 0; i0 < rows; i0 += W, dst += W * k) {
    const std::size_t h = std::min(W, rows - i0);
    const T* s = src + static_cast<std::ptrdiff_t>(i0) * rs;
#if defined(__AVX2__) && defined(__FMA__)
    if constexpr (W == 6 && (std::is_same_v<T, double> || std::is_same_v<T, float>))
      if (h == W && cs == 1) {
        pack_six_rows(k, s, rs, dst);
        continue;
      }
#endif
    if (h == W && rs == 1) {
      // The W values of one column are adjacent: a straight vector copy per column.
      for (std::size_t p = 0; p < k; ++p) {
        const T* col = s + static_cast<std::ptrdiff_t>(p) * cs;
        for (std::size_t i = 0; i < W; ++i) dst[p * W + i] = col[i];
      }
    } else {
      // Walk each source row along its own stride (contiguous when cs == 1).
      for (std::size_t i = 0; i < h; ++i) {
        const T* row = s + static_cast<std::ptrdiff_t>(i) * rs;
        for (std::size_t p = 0; p < k; ++p)
          dst[p * W + i] = row[static_cast<std::ptrdiff_t>(p) * cs];
      }
      for (std::size_t p = 0; p < k; ++p)
        for (std::size_t i = h; i < W; ++i) dst[p * W + i] = T{};
    }
  }
}

}  // namespace linal::kernels::detail
