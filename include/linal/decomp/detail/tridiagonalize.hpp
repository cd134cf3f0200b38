#pragma once
/// \file
/// Householder reduction of a real symmetric matrix to tridiagonal form, A = Q T Q^T, the
/// first stage of eigh, and the two uses of the stored reflectors: forming Q^T, and
/// multiplying a matrix by Q.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../householder.hpp"
#include "../../kernels/gemm.hpp"
#include "../../kernels/gemv.hpp"
#include "../../kernels/threads.hpp"
#include "../../simd/simd.hpp"
#include "reflector.hpp"

namespace linal::detail {

/// y[0..p) := A v for the symmetric p x p block whose upper triangle is held by the rows of a
/// (row stride ld, row i from column i on): one pass over the triangle, each row giving a dot
/// product for its own entry of y and an axpy into the entries after it. Four rows go side by
/// side so that v and y are loaded and y stored once per four rows: the product streams the
/// whole trailing matrix once per reflector, and this is what bounds its speed.
template <class T>
void upper_symmetric_product(std::size_t p, const T* a, std::size_t ld, const T* v, T* y) {
  std::fill(y, y + p, T(0));
  std::size_t i = 0;
  for (; i + 4 <= p; i += 4) {
    const T* r0 = a + i * ld;
    const T* r1 = r0 + ld;
    const T* r2 = r1 + ld;
    const T* r3 = r2 + ld;
    // The 4 x 4 diagonal block, whose lower half is the transposed upper one.
    T s0 = r0[i] * v[i] + r0[i + 1] * v[i + 1] + r0[i + 2] * v[i + 2] + r0[i + 3] * v[i + 3];
    T s1 = r0[i + 1] * v[i] + r1[i + 1] * v[i + 1] + r1[i + 2] * v[i + 2] + r1[i + 3] * v[i + 3];
    T s2 = r0[i + 2] * v[i] + r1[i + 2] * v[i + 1] + r2[i + 2] * v[i + 2] + r2[i + 3] * v[i + 3];
    T s3 = r0[i + 3] * v[i] + r1[i + 3] * v[i + 1] + r2[i + 3] * v[i + 2] + r3[i + 3] * v[i + 3];
    const T v0 = v[i], v1 = v[i + 1], v2 = v[i + 2], v3 = v[i + 3];
    std::size_t j = i + 4;
    if constexpr (simd::has_batch<T>) {
      using B = simd::batch<T>;
      constexpr std::size_t w = B::size();
      const B b0(v0), b1(v1), b2(v2), b3(v3);
      B a0(T(0)), a1(T(0)), a2(T(0)), a3(T(0));
      for (; j + w <= p; j += w) {
        const B x0 = simd::load(r0 + j), x1 = simd::load(r1 + j), x2 = simd::load(r2 + j), x3 = simd::load(r3 + j);
        const B vj = simd::load(v + j);
        a0 += x0 * vj;
        a1 += x1 * vj;
        a2 += x2 * vj;
        a3 += x3 * vj;
        simd::store(B(simd::load(y + j) + x0 * b0 + x1 * b1 + x2 * b2 + x3 * b3), y + j);
      }
      s0 += std::experimental::reduce(a0);
      s1 += std::experimental::reduce(a1);
      s2 += std::experimental::reduce(a2);
      s3 += std::experimental::reduce(a3);
    }
    for (; j < p; ++j) {
      s0 += r0[j] * v[j];
      s1 += r1[j] * v[j];
      s2 += r2[j] * v[j];
      s3 += r3[j] * v[j];
      y[j] += r0[j] * v0 + r1[j] * v1 + r2[j] * v2 + r3[j] * v3;
    }
    y[i] += s0;
    y[i + 1] += s1;
    y[i + 2] += s2;
    y[i + 3] += s3;
  }
  for (; i < p; ++i) {
    const T* row = a + i * ld;
    T sum = row[i] * v[i];
    for (std::size_t j = i + 1; j < p; ++j) {
      sum += row[j] * v[j];
      y[j] += row[j] * v[i];
    }
    y[i] += sum;
  }
}

/// Reduces the symmetric n x n row-major matrix w (its upper triangle, row i from column i on,
/// is read; row stride n) to tridiagonal T: d (n) and e (n - 1) receive its diagonal and
/// off-diagonal. Reflector k acts on indices k+1..n-1; its vector (past the implicit leading
/// one) is left in row k of w from column k+2 on, its tau in tau[k] (n - 2 entries). Panels of
/// 32 reflectors as LAPACK's sytrd: within a panel the trailing matrix is read, not updated
/// (only its upper triangle, once per reflector), and the rank-64 update A -= V W^T + W V^T
/// that follows goes through kernels::gemm on the upper triangle only, in blocks of rows.
/// O(4/3 n^3) flops, half of them in gemm.
template <class T>
void tridiagonalize(std::size_t n, T* w, T* d, T* e, T* tau) {
  constexpr std::size_t panel = 32;
  const std::size_t reflectors = n >= 2 ? n - 2 : 0;
  // The panel's vectors and their W vectors, stored transposed: row j of vt holds reflector j
  // of the panel, its entry r for index k0 + 1 + r. Contiguous vectors keep every product
  // with them a long dot product or a four-column axpy (never dots of panel length).
  std::vector<T> vt(panel * n), wt(panel * n), vw(panel), ww(panel);
  const auto ld = static_cast<std::ptrdiff_t>(n), one = std::ptrdiff_t(1);
  for (std::size_t k0 = 0; k0 < reflectors; k0 += panel) {
    const std::size_t jb = std::min(panel, reflectors - k0);
    const std::size_t p0 = n - k0 - 1;  // order of the panel's first reflector
    std::fill(vt.begin(), vt.end(), T(0));
    std::fill(wt.begin(), wt.end(), T(0));
    for (std::size_t j = 0; j < jb; ++j) {
      const std::size_t k = k0 + j;
      T* row = w + k * n;
      // Bring row k up to date with the panel's earlier reflectors.
      if (j > 0) {
        kernels::gemv(n - k, j, T(-1), vt.data() + (j - 1), one, ld, wt.data() + (j - 1), ld, T(1), row + k, one);
        kernels::gemv(n - k, j, T(-1), wt.data() + (j - 1), one, ld, vt.data() + (j - 1), ld, T(1), row + k, one);
      }
      d[k] = row[k];
      const std::size_t p = n - k - 1;
      T alpha = row[k + 1];
      const T t = householder::make_reflector(p, alpha, row + k + 2, 1);
      e[k] = alpha;
      tau[k] = t;
      if (t == T(0)) continue;
      // v (entries j..p0-1 of row j of vt); y = tau (A22 - V W^T - W V^T) v into row j of wt.
      T* v = vt.data() + j * n + j;
      T* y = wt.data() + j * n + j;
      v[0] = T(1);
      std::copy(row + k + 2, row + n, v + 1);
      upper_symmetric_product(p, w + (k + 1) * n + (k + 1), n, v, y);
      // Minus V (W^T v) + W (V^T v) over the panel's earlier vectors.
      kernels::gemv(j, p, T(1), wt.data() + j, ld, one, v, one, T(0), ww.data(), one);
      kernels::gemv(j, p, T(1), vt.data() + j, ld, one, v, one, T(0), vw.data(), one);
      kernels::gemv(p, j, T(-1), vt.data() + j, one, ld, ww.data(), one, T(1), y, one);
      kernels::gemv(p, j, T(-1), wt.data() + j, one, ld, vw.data(), one, T(1), y, one);
      T yv = T(0);
      for (std::size_t r = 0; r < p; ++r) {
        y[r] *= t;
        yv += y[r] * v[r];
      }
      const T half = -T(0.5) * t * yv;
      for (std::size_t r = 0; r < p; ++r) y[r] += half * v[r];
    }
    // Trailing block (indices k0 + jb on, entry jb - 1 of the panel's vectors on):
    // A -= V W^T + W V^T on the upper triangle, block row by block row (each also updates the
    // lower half of its diagonal block, which nothing reads).
    const std::size_t q = p0 - jb + 1;
    T* trailing = w + (k0 + jb) * n + (k0 + jb);
    const T* v2 = vt.data() + (jb - 1);
    const T* w2 = wt.data() + (jb - 1);
    constexpr std::size_t rows_per_update = 128;
    for (std::size_t r0 = 0; r0 < q; r0 += rows_per_update) {
      const std::size_t rows = std::min(rows_per_update, q - r0);
      T* c = trailing + r0 * n + r0;
      kernels::gemm(rows, q - r0, jb, T(-1), v2 + r0, one, ld, w2 + r0, ld, one, T(1), c, ld, one);
      kernels::gemm(rows, q - r0, jb, T(-1), w2 + r0, one, ld, v2 + r0, ld, one, T(1), c, ld, one);
    }
  }
  if (n >= 2) {
    d[n - 2] = w[(n - 2) * n + (n - 2)];
    e[n - 2] = w[(n - 2) * n + (n - 1)];
  }
  if (n >= 1) d[n - 1] = w[(n - 1) * n + (n - 1)];
}

/// Writes Q^T (n x n, row stride n) into qt, Q = H_0 H_1 ... H_{n-3} from tridiagonalize's
/// reflectors in w and tau. O(4/3 n^3) flops, nearly all in kernels::gemm.
template <class T>
void form_tridiagonal_qt(std::size_t n, const T* w, const T* tau, T* qt) {
  std::fill(qt, qt + n * n, T(0));
  for (std::size_t i = 0; i < n; ++i) qt[i * n + i] = T(1);
  if (n < 3) return;
  form_reflector_product_transpose(n - 2, n - 1, w + 1, std::ptrdiff_t(1), static_cast<std::ptrdiff_t>(n), tau, n - 1,
                                   qt + n + 1, n);
}

/// X := Q X for the n x cols row-major matrix X (row stride ld), Q = H_0 H_1 ... H_{n-3} from
/// tridiagonalize's reflectors in w and tau: the eigenvectors of A from those of T, without
/// forming Q. Blocks of 32 reflectors in compact WY form (householder::block_reflector, three
/// gemm calls each), last block first, each on the rows it changes; O(2 n^2 cols) flops.
/// The blocks are built once and applied to 128 columns of X per thread at a time, so that
/// the columns stay in cache from one block to the next (each rank-32 update alone reads and
/// writes X more than it computes): 20% faster at n = 1024 than whole rows.
template <class T>
void apply_tridiagonal_q(std::size_t n, const T* w, const T* tau, std::size_t cols, T* x, std::size_t ld) {
  if (n < 3) return;
  constexpr std::size_t block = 32;
  const std::size_t columns = 128 * static_cast<std::size_t>(kernels::detail::threads_for_call());
  const std::size_t r = n - 2, order = n - 1;
  // Reflector j acts on indices j+1..n-1; its entry for index i + 1 is w[j n + i + 1].
  const T* v = w + 1;
  const auto v_cs = static_cast<std::ptrdiff_t>(n);
  std::vector<householder::block_reflector<T>> blocks;
  std::vector<std::size_t> starts;
  blocks.reserve((r + block - 1) / block);
  for (std::size_t end = r; end > 0;) {
    const std::size_t start = end > block ? end - block : 0;
    const auto offset = static_cast<std::ptrdiff_t>(start);
    blocks.emplace_back(order - start, end - start, v + offset + offset * v_cs, 1, v_cs, tau + start);
    starts.push_back(start);
    end = start;
  }
  for (std::size_t c0 = 0; c0 < cols; c0 += columns)
    for (std::size_t b = 0; b < blocks.size(); ++b)
      blocks[b].apply_left(false, std::min(columns, cols - c0), x + (starts[b] + 1) * ld + c0,
                           static_cast<std::ptrdiff_t>(ld), 1);
}

}  // namespace linal::detail
