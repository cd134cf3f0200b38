#pragma once
// General matrix-matrix product with BLIS-style strides, the level-3 kernel under linal::matmul
// and the blocked factorizations.
//
// Goto's design: for each NC-column panel of B and KC-deep slice, B is packed into NR-column
// micro-panels (kept in L3, its micro-panels in L1); for each MC-row block of A, A is packed into
// MR-row micro-panels (kept in L2); the micro-kernel then sweeps MR x NR tiles of C. Threads
// pack each B panel together, share it, and take MR-aligned row blocks of C. Small products
// skip packing.

#include <algorithm>
#include <atomic>
#include <cstddef>

#include "linal/kernels/blocking.hpp"
#include "linal/kernels/buffer.hpp"
#include "linal/kernels/complex_gemm.hpp"
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

/// Shared state of one packed product's team: two B panel buffers, so that a thread may pack
/// the next panel while a slower one still computes from the current one, and the counters from
/// which threads take units of work. Taking work from a counter, rather than a fixed share per
/// thread, keeps every thread busy when the cores are shared with other programs.
template <class T>
struct team_work {
  T* b_panels[2];
  alignas(64) std::atomic<std::size_t> pack_next{0};
  alignas(64) std::atomic<std::size_t> compute_next{0};
};

/// Takes units [0, units) of one phase from `next` until none is left. Every thread of the team
/// ends each phase with exactly one unsuccessful take, so a phase advances the counter by
/// units + team; `base` (identical in every thread) is where the phase started.
template <class F>
void take_units(std::atomic<std::size_t>& next, std::size_t& base, std::size_t units,
                std::size_t team, F&& work) {
  for (;;) {
    const std::size_t u = next.fetch_add(1, std::memory_order_relaxed) - base;
    if (u >= units) break;
    work(u);
  }
  base += units + team;
}

/// One thread's part of the blocked, packed product. For each NC x KC panel of B the team packs
/// the panel cooperatively, waits at one barrier until it is whole, then takes MC-row blocks of
/// C: each block packs its A rows into the thread's own buffer and runs the macro-kernel.
/// Alternating between two panel buffers makes the barrier before packing unnecessary: the
/// buffer being packed was last read two panels ago, before the previous barrier.
template <class K, class T>
void gemm_packed_part(std::size_t m, std::size_t n, std::size_t k, T alpha, const T* a,
                      std::ptrdiff_t ars, std::ptrdiff_t acs, const T* b, std::ptrdiff_t brs,
                      std::ptrdiff_t bcs, T beta, T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs,
                      const blocking& bk, std::size_t row_unit, team_work<T>& shared,
                      std::size_t team) {
  T* const ap = static_cast<T*>(a_scratch().get(bk.mc * bk.kc * sizeof(T)));
  const std::size_t row_units = (m + row_unit - 1) / row_unit;
  std::size_t pack_base = 0, compute_base = 0, step = 0;
  for (std::size_t jc = 0; jc < n; jc += bk.nc) {
    const std::size_t nb = std::min(bk.nc, n - jc);
    const std::size_t panels = (nb + K::nr - 1) / K::nr;
    const std::size_t pack_units = std::min(panels, team == 1 ? 1 : 4 * team);
    for (std::size_t pc = 0; pc < k; pc += bk.kc, ++step) {
      const std::size_t kb = std::min(bk.kc, k - pc);
      T* const bp = shared.b_panels[step % 2];
      take_units(shared.pack_next, pack_base, pack_units, team, [&](std::size_t u) {
        const std::size_t p0 = panels * u / pack_units * K::nr;
        const std::size_t p1 = std::min(nb, panels * (u + 1) / pack_units * K::nr);
        pack_panels<K::nr>(
            p1 - p0, kb,
            b + static_cast<std::ptrdiff_t>(pc) * brs + static_cast<std::ptrdiff_t>(jc + p0) * bcs,
            bcs, brs, bp + p0 * kb);
      });
      barrier();  // the whole panel is packed
      // Later slices accumulate onto what the first one wrote.
      const T beta_k = pc == 0 ? beta : T{1};
      take_units(shared.compute_next, compute_base, row_units, team, [&](std::size_t u) {
        const std::size_t ic = u * row_unit;
        const std::size_t mb = std::min(row_unit, m - ic);
        pack_panels<K::mr>(
            mb, kb,
            a + static_cast<std::ptrdiff_t>(ic) * ars + static_cast<std::ptrdiff_t>(pc) * acs, ars,
            acs, ap);
        macro_kernel<K>(
            mb, nb, kb, alpha, ap, bp, beta_k,
            c + static_cast<std::ptrdiff_t>(ic) * crs + static_cast<std::ptrdiff_t>(jc) * ccs, crs,
            ccs);
      });
    }
  }
}

/// The blocked, packed product on `threads` threads, in one parallel region for the whole call.
template <class K, class T>
void gemm_packed(std::size_t m, std::size_t n, std::size_t k, T alpha, const T* a,
                 std::ptrdiff_t ars, std::ptrdiff_t acs, const T* b, std::ptrdiff_t brs,
                 std::ptrdiff_t bcs, T beta, T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs,
                 int threads) {
  blocking bk = blocking_for<T, K::mr, K::nr>();
  bk.nc = std::min(bk.nc, (n + K::nr - 1) / K::nr * K::nr);
  bk.kc = std::min(bk.kc, k);
  const std::size_t panel = bk.nc * bk.kc;
  const auto team = static_cast<std::size_t>(threads);
  T* const bp = static_cast<T*>(b_scratch().get((team > 1 ? 2 : 1) * panel * sizeof(T)));
  team_work<T> shared{{bp, team > 1 ? bp + panel : bp}};
  // At least four row blocks per thread, so that a thread slowed down by another program
  // leaves work that the others can take.
  const std::size_t per_thread = (m + 4 * team - 1) / (4 * team);
  const std::size_t row_unit =
      team == 1 ? bk.mc : std::min(bk.mc, (per_thread + K::mr - 1) / K::mr * K::mr);
  if (team == 1) {
    gemm_packed_part<K>(m, n, k, alpha, a, ars, acs, b, brs, bcs, beta, c, crs, ccs, bk, row_unit,
                        shared, 1);
    return;
  }
#ifdef _OPENMP
#pragma omp parallel num_threads(threads)
#endif
  gemm_packed_part<K>(m, n, k, alpha, a, ars, acs, b, brs, bcs, beta, c, crs, ccs, bk, row_unit,
                      shared, static_cast<std::size_t>(team_size()));
}

/// C = alpha A op(B) + beta C for complex<R>, op(B) = B or, with conjugate_b, conj(B), on the
/// real kernels: one real product of twice the size when A and C are stored by rows
/// (gemm_as_real), otherwise real products of the parts (gemm_by_parts).
template <class T>
void gemm_by_real_products(std::size_t m, std::size_t n, std::size_t k, T alpha, const T* a,
                           std::ptrdiff_t a_rs, std::ptrdiff_t a_cs, const T* b,
                           std::ptrdiff_t b_rs, std::ptrdiff_t b_cs, bool conjugate_b, T beta, T* c,
                           std::ptrdiff_t c_rs, std::ptrdiff_t c_cs) {
  if (a_cs == 1 && c_cs == 1) {
    // A real beta scales both parts alike: the real product applies it.
    if (beta.imag() != 0) {
      scale_c(m, n, beta, c, c_rs, c_cs);
      beta = T{1};
    }
    gemm_as_real(m, n, k, alpha, a, a_rs, b, b_rs, b_cs, conjugate_b, beta.real(), c, c_rs);
  } else {
    if (beta != T{1}) scale_c(m, n, beta, c, c_rs, c_cs);
    gemm_by_parts(m, n, k, alpha, a, a_rs, a_cs, b, b_rs, b_cs, conjugate_b, c, c_rs, c_cs);
  }
}

// Below this many multiply-adds packing costs more than it saves (measured; above it, packing
// also avoids the cache-set conflicts of power-of-two leading dimensions). A thread is worth
// starting only for at least flops_per_thread multiply-adds (about a millisecond of work): the
// factorizations call gemm many times on medium blocks, and when the cores are shared with
// other programs every parallel region waits for its slowest thread. Measured on a loaded
// 2-core machine, eigh + svd at n = 512 on two threads took 6.5x the one-thread time with
// 64^3 per thread, 1.3x with 160^3, and the same time with 256^3.
inline constexpr std::size_t unpacked_limit = 48 * 48 * 48;
inline constexpr std::size_t flops_per_thread = 256 * 256 * 256;
// From this many multiply-adds a complex product runs as a real one (complex_gemm.hpp): below
// it, the expansion and packing cost more than the generic complex kernel saves.
inline constexpr std::size_t complex_by_parts_limit = 16 * 16 * 16;

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
  if constexpr (detail::has_real_parts<T>)
    if (m * n * k >= detail::complex_by_parts_limit) {
      detail::gemm_by_real_products(m, n, k, alpha, a, a_rs, a_cs, b, b_rs, b_cs, false, beta, c,
                                    c_rs, c_cs);
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
