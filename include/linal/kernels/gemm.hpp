#pragma once
// General matrix-matrix product with BLIS-style strides, the level-3 kernel under linal::matmul
// and the blocked factorizations.
//
// Goto's design: for each NC-column panel of B and KC-deep slice, B is packed into NR-column
// micro-panels (kept in L3, its micro-panels in L1); for each MC-row block of A, A is packed into
// MR-row micro-panels (kept in L2); the micro-kernel then sweeps MR x NR tiles of C. Threads
// share the packed B panel and split the rows of C. Small products skip packing.

#include <algorithm>
#include <cstddef>

#include "linal/kernels/blocking.hpp"
#include "linal/kernels/buffer.hpp"
#include "linal/kernels/gemv.hpp"
#include "linal/kernels/micro_kernel.hpp"
#include "linal/kernels/pack.hpp"
#include "linal/kernels/threads.hpp"
#include "linal/kernels/tile_update.hpp"

namespace linal::kernels {

namespace detail {

/// C = beta * C, without reading C when beta is zero.
template <class T>
void scale_c(std::size_t m, std::size_t n, T beta, T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs) {
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      T& cij = c[static_cast<std::ptrdiff_t>(i) * crs + static_cast<std::ptrdiff_t>(j) * ccs];
      cij = beta == T{} ? T{} : beta * cij;
    }
}

/// One micro-tile whose A sliver and B sliver are given by strides; a partial tile (rows < MR
/// or cols < NR) goes through a local tile so that C is written only inside its bounds.
/// The slivers themselves must cover the full MR x NR tile (zero padded when packed).
template <class K, class T>
void tile(std::size_t rows, std::size_t cols, std::size_t k, T alpha, const T* a,
          std::ptrdiff_t ars, std::ptrdiff_t acs, const T* b, std::ptrdiff_t brs, T beta, T* c,
          std::ptrdiff_t crs, std::ptrdiff_t ccs) {
  if (rows == K::mr && cols == K::nr) {
    K::run(k, a, ars, acs, b, brs, alpha, beta, c, crs, ccs);
    return;
  }
  T part[K::mr * K::nr];
  K::run(k, a, ars, acs, b, brs, T{1}, T{}, part, K::nr, 1);
  update_c(rows, cols, part, K::nr, alpha, beta, c, crs, ccs);
}

/// C block (mb x nb) from a packed A block and a packed B panel, both of depth kb.
template <class K, class T>
void macro_kernel(std::size_t mb, std::size_t nb, std::size_t kb, T alpha, const T* ap, const T* bp,
                  T beta, T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs) {
  for (std::size_t j = 0; j < nb; j += K::nr) {
    const T* b = bp + j * kb;
    const std::size_t cols = std::min(K::nr, nb - j);
    for (std::size_t i = 0; i < mb; i += K::mr) {
      const T* a = ap + i * kb;
      T* cij = c + static_cast<std::ptrdiff_t>(i) * crs + static_cast<std::ptrdiff_t>(j) * ccs;
      const std::size_t rows = std::min(K::mr, mb - i);
      if (rows == K::mr && cols == K::nr)
        K::run_packed(kb, a, b, alpha, beta, cij, crs, ccs);
      else
        tile<K>(rows, cols, kb, alpha, a, 1, K::mr, b, K::nr, beta, cij, crs, ccs);
    }
  }
}

/// Products small enough to live in L2 read A and B where they are (B needs unit column
/// stride); only the ragged last rows of A and last columns of B are copied into padded slivers.
template <class K, class T>
void gemm_unpacked(std::size_t m, std::size_t n, std::size_t k, T alpha, const T* a,
                   std::ptrdiff_t ars, std::ptrdiff_t acs, const T* b, std::ptrdiff_t brs, T beta,
                   T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs) {
  const std::size_t m_full = m / K::mr * K::mr;
  const std::size_t n_full = n / K::nr * K::nr;
  T* a_edge = nullptr;
  T* b_edge = nullptr;
  if (m_full < m) {
    a_edge = static_cast<T*>(a_scratch().get(K::mr * k * sizeof(T)));
    pack_panels<K::mr>(m - m_full, k, a + static_cast<std::ptrdiff_t>(m_full) * ars, ars, acs,
                       a_edge);
  }
  if (n_full < n) {
    b_edge = static_cast<T*>(b_scratch().get(K::nr * k * sizeof(T)));
    pack_panels<K::nr>(n - n_full, k, b + static_cast<std::ptrdiff_t>(n_full), 1, brs, b_edge);
  }
  for (std::size_t j = 0; j < n; j += K::nr) {
    const bool full_cols = j < n_full;
    const T* bj = full_cols ? b + static_cast<std::ptrdiff_t>(j) : b_edge;
    const std::ptrdiff_t bs = full_cols ? brs : static_cast<std::ptrdiff_t>(K::nr);
    for (std::size_t i = 0; i < m; i += K::mr) {
      const bool full_rows = i < m_full;
      const T* ai = full_rows ? a + static_cast<std::ptrdiff_t>(i) * ars : a_edge;
      const std::ptrdiff_t as_r = full_rows ? ars : 1;
      const std::ptrdiff_t as_c = full_rows ? acs : static_cast<std::ptrdiff_t>(K::mr);
      tile<K>(std::min(K::mr, m - i), std::min(K::nr, n - j), k, alpha, ai, as_r, as_c, bj, bs,
              beta, c + static_cast<std::ptrdiff_t>(i) * crs + static_cast<std::ptrdiff_t>(j) * ccs,
              crs, ccs);
    }
  }
}

/// One thread's share of the blocked, packed product: rows [m0, m1) of C. Every thread of the
/// team walks the same NC x KC panels of B, packs its part of each into the shared buffer bp and
/// waits at a barrier until the panel is whole.
template <class K, class T>
void gemm_packed_rows(std::size_t m0, std::size_t m1, std::size_t n, std::size_t k, T alpha,
                      const T* a, std::ptrdiff_t ars, std::ptrdiff_t acs, const T* b,
                      std::ptrdiff_t brs, std::ptrdiff_t bcs, T beta, T* c, std::ptrdiff_t crs,
                      std::ptrdiff_t ccs, const blocking& bk, T* bp, std::size_t tid,
                      std::size_t team) {
  T* const ap = static_cast<T*>(a_scratch().get(bk.mc * bk.kc * sizeof(T)));
  for (std::size_t jc = 0; jc < n; jc += bk.nc) {
    const std::size_t nb = std::min(bk.nc, n - jc);
    const std::size_t panels = (nb + K::nr - 1) / K::nr;
    const std::size_t p0 = panels * tid / team * K::nr;
    const std::size_t p1 = std::min(nb, panels * (tid + 1) / team * K::nr);
    for (std::size_t pc = 0; pc < k; pc += bk.kc) {
      const std::size_t kb = std::min(bk.kc, k - pc);
      barrier();  // nobody still reads the previous panel
      if (p0 < p1)
        pack_panels<K::nr>(
            p1 - p0, kb,
            b + static_cast<std::ptrdiff_t>(pc) * brs + static_cast<std::ptrdiff_t>(jc + p0) * bcs,
            bcs, brs, bp + p0 * kb);
      barrier();  // the whole panel is packed
      // Later slices accumulate onto what the first one wrote.
      const T beta_k = pc == 0 ? beta : T{1};
      for (std::size_t ic = m0; ic < m1; ic += bk.mc) {
        const std::size_t mb = std::min(bk.mc, m1 - ic);
        pack_panels<K::mr>(
            mb, kb,
            a + static_cast<std::ptrdiff_t>(ic) * ars + static_cast<std::ptrdiff_t>(pc) * acs, ars,
            acs, ap);
        macro_kernel<K>(
            mb, nb, kb, alpha, ap, bp, beta_k,
            c + static_cast<std::ptrdiff_t>(ic) * crs + static_cast<std::ptrdiff_t>(jc) * ccs, crs,
            ccs);
      }
    }
  }
}

/// The blocked, packed product on `threads` threads, which split the rows of C into runs of
/// whole micro-panels.
template <class K, class T>
void gemm_packed(std::size_t m, std::size_t n, std::size_t k, T alpha, const T* a,
                 std::ptrdiff_t ars, std::ptrdiff_t acs, const T* b, std::ptrdiff_t brs,
                 std::ptrdiff_t bcs, T beta, T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs,
                 int threads) {
  blocking bk = blocking_for<T, K::mr, K::nr>();
  bk.nc = std::min(bk.nc, (n + K::nr - 1) / K::nr * K::nr);
  bk.kc = std::min(bk.kc, k);
  T* const bp = static_cast<T*>(b_scratch().get(bk.nc * bk.kc * sizeof(T)));
  if (threads <= 1) {
    gemm_packed_rows<K>(0, m, n, k, alpha, a, ars, acs, b, brs, bcs, beta, c, crs, ccs, bk, bp, 0,
                        1);
    return;
  }
#ifdef _OPENMP
#pragma omp parallel num_threads(threads)
#endif
  {
    const auto tid = static_cast<std::size_t>(thread_id());
    const auto team = static_cast<std::size_t>(team_size());
    const std::size_t units = (m + K::mr - 1) / K::mr;
    const std::size_t m0 = std::min(m, units * tid / team * K::mr);
    const std::size_t m1 = std::min(m, units * (tid + 1) / team * K::mr);
    gemm_packed_rows<K>(m0, m1, n, k, alpha, a, ars, acs, b, brs, bcs, beta, c, crs, ccs, bk, bp,
                        tid, team);
  }
}

// Below this many multiply-adds packing costs more than it saves (measured; above it, packing
// also avoids the cache-set conflicts of power-of-two leading dimensions). A thread is worth
// starting only for at least flops_per_thread multiply-adds.
inline constexpr std::size_t unpacked_limit = 48 * 48 * 48;
inline constexpr std::size_t flops_per_thread = 64 * 64 * 64;

}  // namespace detail

/// C (m x n) = alpha * A (m x k) * B (k x n) + beta * C, where element (i,j) of X is
/// x[i*x_rs + j*x_cs]: swapping a pair of strides transposes that operand at no cost, and any
/// sub-block of a larger matrix is addressed by its pointer and the parent's strides.
/// When beta == 0, C is not read (it may hold NaN), as in BLAS. C must not overlap A or B.
/// O(m n k) work; uses up to get_num_threads() threads for large products.
template <class T>
void gemm(std::size_t m, std::size_t n, std::size_t k, T alpha, const T* a, std::ptrdiff_t a_rs,
          std::ptrdiff_t a_cs, const T* b, std::ptrdiff_t b_rs, std::ptrdiff_t b_cs, T beta, T* c,
          std::ptrdiff_t c_rs, std::ptrdiff_t c_cs) {
  if (m == 0 || n == 0) return;
  if (k == 0 || alpha == T{}) {
    detail::scale_c(m, n, beta, c, c_rs, c_cs);
    return;
  }
  // The micro-kernel stores rows of C as vectors: for a column-major C, compute C' = B' A'.
  if (c_cs != 1 && c_rs == 1) {
    gemm(n, m, k, alpha, b, b_cs, b_rs, a, a_cs, a_rs, beta, c, c_cs, c_rs);
    return;
  }
  if (n == 1) {
    gemv(m, k, alpha, a, a_rs, a_cs, b, b_rs, beta, c, c_rs);
    return;
  }
  if (m == 1) {
    gemv(n, k, alpha, b, b_cs, b_rs, a, a_cs, beta, c, c_cs);
    return;
  }
  using K = detail::micro_kernel<T>;
  const std::size_t work = m * n * k;
  if (work <= detail::unpacked_limit && b_cs == 1) {
    detail::gemm_unpacked<K>(m, n, k, alpha, a, a_rs, a_cs, b, b_rs, beta, c, c_rs, c_cs);
    return;
  }
  const std::size_t by_work = std::max<std::size_t>(1, work / detail::flops_per_thread);
  const std::size_t by_rows = (m + K::mr - 1) / K::mr;
  const int threads = static_cast<int>(
      std::min({static_cast<std::size_t>(detail::threads_for_call()), by_work, by_rows}));
  detail::gemm_packed<K>(m, n, k, alpha, a, a_rs, a_cs, b, b_rs, b_cs, beta, c, c_rs, c_cs,
                         threads);
}

}  // namespace linal::kernels
