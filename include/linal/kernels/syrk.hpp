#pragma once
// Hermitian (real: symmetric) rank-k update of one triangle, the trailing update of the
// Cholesky factorization: C := alpha A A^H + beta C on the lower triangle of C only.
//
// Gemm's blocking with both operands taken from A: each KC-deep slice of A is packed once as the
// B panel (A^H, NR-column micro-panels) and, one MC-row block at a time, as the A block; the
// micro-kernel then runs only the tiles that touch the lower triangle, half of gemm's work.

#include <algorithm>
#include <complex>
#include <cstddef>

#include "linal/core/concepts.hpp"
#include "linal/kernels/blocking.hpp"
#include "linal/kernels/buffer.hpp"
#include "linal/kernels/gemm.hpp"
#include "linal/kernels/micro_kernel.hpp"
#include "linal/kernels/pack.hpp"
#include "linal/kernels/threads.hpp"

namespace linal::kernels {

namespace detail {

/// The rows x cols corner of a tile (alpha and beta applied) written only where row >= col,
/// the tile's top-left element being (i, j) of C: a tile that crosses the diagonal.
template <class T>
void update_lower_part(std::size_t i, std::size_t j, std::size_t rows, std::size_t cols,
                       const T* tile, std::size_t nr, T alpha, T beta, T* c, std::ptrdiff_t crs,
                       std::ptrdiff_t ccs) {
  for (std::size_t r = 0; r < rows; ++r) {
    T* cr = c + static_cast<std::ptrdiff_t>(r) * crs;
    const T* tr = tile + r * nr;
    const std::size_t end = std::min(cols, i + r + 1 - std::min(i + r + 1, j));
    // One loop per case, so that each vectorizes.
    if (beta == T{})
      for (std::size_t s = 0; s < end; ++s)
        cr[static_cast<std::ptrdiff_t>(s) * ccs] = alpha * tr[s];
    else
      for (std::size_t s = 0; s < end; ++s) {
        T& cij = cr[static_cast<std::ptrdiff_t>(s) * ccs];
        cij = alpha * tr[s] + beta * cij;
      }
  }
}

// Complex updates larger than this order are split; a diagonal block of at most this order runs
// as one real product of the whole square when A is stored by rows, else on the complex kernel.
inline constexpr std::size_t complex_syrk_leaf = 32;

/// C = beta * C on the lower triangle, without reading C when beta is zero.
template <class T>
void scale_lower(std::size_t n, T beta, T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs) {
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      T& cij = c[static_cast<std::ptrdiff_t>(i) * crs + static_cast<std::ptrdiff_t>(j) * ccs];
      cij = beta == T{} ? T{} : beta * cij;
    }
}

/// Rows [ic, ic + mb) of C for the columns [jc, jc + nb) whose packed B panel (depth kb) is bp:
/// packs those rows of the slice of A into this thread's buffer and runs every tile that meets
/// the lower triangle. Tiles across the diagonal go through a local tile.
template <class K, class T>
void syrk_rows(std::size_t ic, std::size_t mb, std::size_t jc, std::size_t nb, std::size_t kb,
               T alpha, const T* slice, std::ptrdiff_t a_rs, std::ptrdiff_t a_cs, const T* bp,
               T beta, T* c, std::ptrdiff_t c_rs, std::ptrdiff_t c_cs) {
  T* const ap = static_cast<T*>(a_scratch().get((mb + K::mr - 1) / K::mr * K::mr * kb * sizeof(T)));
  pack_panels<K::mr>(mb, kb, slice + static_cast<std::ptrdiff_t>(ic) * a_rs, a_rs, a_cs, ap);
  auto c_at = [&](std::size_t i, std::size_t j) {
    return c + static_cast<std::ptrdiff_t>(i) * c_rs + static_cast<std::ptrdiff_t>(j) * c_cs;
  };
  const std::size_t j_end = std::min(jc + nb, ic + mb);
  for (std::size_t j = jc; j < j_end; j += K::nr) {
    const T* b = bp + (j - jc) * kb;
    const std::size_t cols = std::min(K::nr, jc + nb - j);
    for (std::size_t i = ic; i < ic + mb; i += K::mr) {
      const std::size_t rows = std::min(K::mr, ic + mb - i);
      if (i + rows <= j) continue;  // wholly above the diagonal
      const T* ai = ap + (i - ic) * kb;
      if (i >= j + cols - 1) {
        if (rows == K::mr && cols == K::nr)
          K::run_packed(kb, ai, b, alpha, beta, c_at(i, j), c_rs, c_cs);
        else
          tile<K>(rows, cols, kb, alpha, ai, 1, K::mr, b, K::nr, beta, c_at(i, j), c_rs, c_cs);
      } else {
        T part[K::mr * K::nr];
        K::run_packed(kb, ai, b, T{1}, T{}, part, K::nr, 1);
        update_lower_part(i, j, rows, cols, part, K::nr, alpha, beta, c_at(i, j), c_rs, c_cs);
      }
    }
  }
}

}  // namespace detail

/// C := alpha A A^H + beta C on the lower triangle (j <= i) of the n x n C, A n x k, where
/// element (i,j) of X is x[i*x_rs + j*x_cs]. The strict upper triangle of C is neither read nor
/// written; when beta == 0 C is not read (it may hold NaN), as in BLAS. C must not overlap A.
/// O(n^2 k / 2) multiply-adds; uses up to get_num_threads() threads for large updates, each
/// taking whole row blocks (the lowest, longest ones first).
template <class T>
void syrk_lower(std::size_t n, std::size_t k, T alpha, const T* a, std::ptrdiff_t a_rs,
                std::ptrdiff_t a_cs, T beta, T* c, std::ptrdiff_t c_rs, std::ptrdiff_t c_cs) {
  if (n == 0) return;
  if (k == 0 || alpha == T{}) {
    detail::scale_lower(n, beta, c, c_rs, c_cs);
    return;
  }
  if constexpr (detail::has_real_parts<T>)
    if (n * n / 2 * k >= detail::complex_by_parts_limit) {
      if (n > detail::complex_syrk_leaf) {
        // The block below the diagonal blocks is a product, C21 = alpha A2 A1^H + beta C21,
        // which runs on the real kernels; only the diagonal blocks are left to split.
        const std::size_t n1 = n / 2;
        const auto offset = static_cast<std::ptrdiff_t>(n1);
        syrk_lower(n1, k, alpha, a, a_rs, a_cs, beta, c, c_rs, c_cs);
        // Element (p, j) of A1^H is conj(A1(j, p)).
        detail::gemm_by_real_products(n - n1, n1, k, alpha, a + offset * a_rs, a_rs, a_cs, a, a_cs,
                                      a_rs, true, beta, c + offset * c_rs, c_rs, c_cs);
        syrk_lower(n - n1, k, alpha, a + offset * a_rs, a_rs, a_cs, beta,
                   c + offset * (c_rs + c_cs), c_rs, c_cs);
        return;
      }
      if (a_cs == 1) {
        // A diagonal block with A stored by rows: the whole square as one real product into a
        // local tile (twice the multiply-adds, each far faster than the complex kernel's), of
        // which the lower triangle is kept.
        T square[detail::complex_syrk_leaf * detail::complex_syrk_leaf];
        detail::gemm_as_real(n, n, k, alpha, a, a_rs, a, a_cs, a_rs, true, real_t<T>(0), square,
                             static_cast<std::ptrdiff_t>(n));
        detail::update_lower_part(0, 0, n, n, square, n, T{1}, beta, c, c_rs, c_cs);
        return;
      }
    }
  using K = detail::micro_kernel<T>;
  const detail::blocking& bk = detail::blocking_for<T, K::mr, K::nr>();
  const std::size_t kc = std::min(bk.kc, k);
  const std::size_t nc = std::min(bk.nc, (n + K::nr - 1) / K::nr * K::nr);
  const std::size_t by_work = std::max<std::size_t>(1, n * n / 2 * k / detail::flops_per_thread);
  const int threads =
      static_cast<int>(std::min(static_cast<std::size_t>(detail::threads_for_call()), by_work));
  T* const bp = static_cast<T*>(detail::b_scratch().get(nc * kc * sizeof(T)));
  for (std::size_t jc = 0; jc < n; jc += nc) {
    const std::size_t nb = std::min(nc, n - jc);
    for (std::size_t pc = 0; pc < k; pc += kc) {
      const std::size_t kb = std::min(kc, k - pc);
      const T* slice = a + static_cast<std::ptrdiff_t>(pc) * a_cs;
      // Row j of A, packed as a row of A, is column j of A^T; A^H also conjugates it.
      detail::pack_panels<K::nr>(nb, kb, slice + static_cast<std::ptrdiff_t>(jc) * a_rs, a_rs, a_cs,
                                 bp);
      if constexpr (is_complex_v<T>)
        for (std::size_t e = 0; e < (nb + K::nr - 1) / K::nr * K::nr * kb; ++e)
          bp[e] = std::conj(bp[e]);
      // Later slices accumulate onto what the first one wrote.
      const T beta_k = pc == 0 ? beta : T{1};
      // Rows above jc meet these columns only in the upper triangle.
      const std::size_t blocks = (n - jc + bk.mc - 1) / bk.mc;
      auto row_block = [&](std::size_t b) {
        const std::size_t ic = jc + b * bk.mc;
        detail::syrk_rows<K>(ic, std::min(bk.mc, n - ic), jc, nb, kb, alpha, slice, a_rs, a_cs, bp,
                             beta_k, c, c_rs, c_cs);
      };
      if (threads == 1 || blocks == 1) {
        for (std::size_t b = 0; b < blocks; ++b) row_block(b);
        continue;
      }
#ifdef _OPENMP
#pragma omp parallel for num_threads(threads) schedule(dynamic)
#endif
      for (std::size_t b = 0; b < blocks; ++b) row_block(blocks - 1 - b);
    }
  }
}

}  // namespace linal::kernels
