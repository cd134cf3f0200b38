#pragma once
/// \file
/// Column-pivoted Householder QR, A P = Q R, blocked as LAPACK's geqp3 and laqps (Quintana-Orti,
/// Sun and Bischof, 1998).
///
/// Step i brings the column of largest remaining norm (the norm of its rows i and below) to
/// position i and reflects it onto R(i,i). Unblocked, each reflector is applied to the whole
/// trailing matrix at once, in matrix-vector products. Blocked, a panel of up to
/// pivoted_qr_block reflectors is chosen first while the trailing rows keep their pending
/// update in the factor F^H = T^H V^H A (one row per reflector), so that each new pivot column
/// and each new row of R is brought up to date on its own, and the trailing matrix is updated
/// once per panel by one gemm: A := A - V F^H. The pivots need only the column norms, which
/// are downdated from the new row of R at each step; where that downdate has lost half the
/// digits, the panel stops and those norms are recomputed from the updated rows. The pivots are
/// those of the unblocked algorithm in exact arithmetic.
///
/// Columns of a row-major matrix are strided, so each pivot column is read once into a
/// contiguous copy and worked on there; the column exchange is finished, and v stored, by the
/// same pass over the trailing rows that forms v^H A, and the rows of R above the step take
/// their exchanges in one row-by-row pass at the end.
///
/// Work: as unpivoted QR, 2 m n^2 - 2 n^3 / 3 flops for m >= n (4/3 n^3 square), 2 n m^2 -
/// 2 m^3 / 3 for m < n; about half of it in gemm, the other half in the passes v^H A that
/// build F, which read the trailing matrix once per column.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "../../core/concepts.hpp"
#include "../../kernels/gemm.hpp"
#include "../../kernels/gemv.hpp"
#include "../../simd/simd.hpp"
#include "../householder.hpp"
#include "input.hpp"

namespace linal::decomp_detail {

/// Most reflectors chosen before the trailing matrix is updated. Measured on square matrices:
/// 32 is best at n = 1024 (16 is 5% slower there, 5% faster at n = 256); 48 and 64 are slower
/// at both, wider panels spending more on bringing each new column and row up to date than
/// the fewer gemm calls save.
inline constexpr std::size_t pivoted_qr_block = 32;

/// The memory a pivoted factorization reuses from panel to panel.
template <class T>
struct pivoted_qr_workspace {
  std::vector<real_t<T>> norms;      // of each trailing column's rows not yet factored
  std::vector<real_t<T>> reference;  // each of those norms when it was last computed exactly
  std::vector<T> fh;                 // panel x n: F^H, the update the trailing rows still owe
  std::vector<T> v;                  // the pivot column, then its reflector's vector
  std::vector<T> conjugated;         // that vector conjugated, for complex T
  std::vector<T> coefficients;       // one per reflector of the panel
  std::vector<std::size_t> stale;    // columns whose downdated norm can no longer be trusted
  std::vector<std::size_t> pivots;   // pivots[i]: the column step i exchanged with column i
  std::vector<real_t<T>> magnitudes; // |R(i, j)| of the current row, for complex T
  std::vector<real_t<T>> drift;      // (norm / reference)^2 after the current step
};

/// The 2-norm of each column of the m x n row-major block at a, read row by row (the columns
/// of a row-major matrix are strided), scaled by each column's largest magnitude so that no
/// square overflows or underflows.
template <class T>
void column_norms(std::size_t m, std::size_t n, const T* a, std::ptrdiff_t lda, real_t<T>* norms) {
  using R = real_t<T>;
  std::vector<R> largest(n, R(0)), sums(n, R(0));
  for (std::size_t i = 0; i < m; ++i) {
    const T* row = a + static_cast<std::ptrdiff_t>(i) * lda;
    for (std::size_t j = 0; j < n; ++j) largest[j] = std::max(largest[j], std::abs(row[j]));
  }
  for (std::size_t j = 0; j < n; ++j) largest[j] = largest[j] > R(0) ? R(1) / largest[j] : R(0);
  for (std::size_t i = 0; i < m; ++i) {
    const T* row = a + static_cast<std::ptrdiff_t>(i) * lda;
    for (std::size_t j = 0; j < n; ++j) {
      const T y = row[j] * largest[j];
      if constexpr (is_complex_v<T>) sums[j] += y.real() * y.real() + y.imag() * y.imag();
      else sums[j] += y * y;
    }
  }
  for (std::size_t j = 0; j < n; ++j) norms[j] = largest[j] > R(0) ? std::sqrt(sums[j]) / largest[j] : R(0);
}

/// Downdates the norms of `count` columns by the new row of R, whose entries are (up to sign,
/// which the formula ignores) magnitudes[j]: norm := norm sqrt(1 - (|R(i,j)| / norm)^2), in
/// that form so that nothing cancels. drift[j] receives (new norm / reference)^2, how much of
/// the last exact norm is left; where that is at most `limit`, the estimate has lost half its
/// digits and stays as it was, for the caller to recompute. Zero norms stay zero. Returns the
/// number of such columns. In SIMD batches: a divide and a square root per column and step.
template <class R>
std::size_t downdate_norms(std::size_t count, const R* magnitudes, R* norms, const R* reference, R* drift, R limit) {
  std::size_t j = 0, lost = 0;
  if constexpr (simd::has_batch<R>) {
    using B = simd::batch<R>;
    const B zero(R(0)), one(R(1)), bound(limit);
    for (; j + B::size() <= count; j += B::size()) {
      const B norm = simd::load(norms + j);
      const auto live = norm > zero;
      B divisor = one, last_exact = one;
      simd::stdx::where(live, divisor) = norm;
      simd::stdx::where(live, last_exact) = simd::load(reference + j);
      const B ratio = simd::load(magnitudes + j) / divisor;
      const B remaining = simd::stdx::max(zero, (one + ratio) * (one - ratio));
      const B kept = norm / last_exact;
      const B d = remaining * kept * kept;
      simd::store(d, drift + j);
      const auto stale = live && d <= bound;
      lost += static_cast<std::size_t>(simd::stdx::popcount(stale));
      B updated = norm * simd::stdx::sqrt(remaining);
      simd::stdx::where(stale, updated) = norm;
      simd::store(updated, norms + j);
    }
  }
  for (; j < count; ++j) {
    const R norm = norms[j];
    drift[j] = R(1);
    if (norm == R(0)) continue;
    const R ratio = magnitudes[j] / norm;
    const R remaining = std::max(R(0), (R(1) + ratio) * (R(1) - ratio));
    drift[j] = remaining * (norm / reference[j]) * (norm / reference[j]);
    if (drift[j] <= limit) ++lost;
    else norms[j] = norm * std::sqrt(remaining);
  }
  return lost;
}

/// y = alpha sum_r x[r] A(r, :) over the rows x cols block at a, one pass over its rows that
/// also finishes a pivot exchange on each row before reading it: column `pivot` takes column
/// `current`'s element, and column `current` takes column[r]. Four rows per sweep over y, so
/// that y is loaded and stored a quarter as often. O(rows cols).
template <class T>
void pivot_sweep(std::size_t rows, std::size_t cols, T* a, std::ptrdiff_t lda, std::size_t current, std::size_t pivot,
                 const T* column, T alpha, const T* x, T* y) {
  const auto mul = [](const T& p, const T& q) { return kernels::detail::multiply(p, q); };
  auto exchange = [&](std::size_t r) {
    T* row = a + static_cast<std::ptrdiff_t>(r) * lda;
    row[pivot] = row[current];
    row[current] = column[r];
    return row;
  };
  std::fill(y, y + cols, T(0));
  std::size_t r = 0;
  for (; r + 4 <= rows; r += 4) {
    const T *a0 = exchange(r), *a1 = exchange(r + 1), *a2 = exchange(r + 2), *a3 = exchange(r + 3);
    const T x0 = mul(alpha, x[r]), x1 = mul(alpha, x[r + 1]), x2 = mul(alpha, x[r + 2]), x3 = mul(alpha, x[r + 3]);
    for (std::size_t j = 0; j < cols; ++j) y[j] += mul(x0, a0[j]) + mul(x1, a1[j]) + mul(x2, a2[j]) + mul(x3, a3[j]);
  }
  for (; r < rows; ++r) {
    const T* ar = exchange(r);
    const T xr = mul(alpha, x[r]);
    for (std::size_t j = 0; j < cols; ++j) y[j] += mul(xr, ar[j]);
  }
}

/// Factors up to `width` pivoted columns from column (and row) s of the m x n row-major block at
/// a, whose rows s and below of columns s and right are still to be factored (LAPACK's laqps).
/// Leaves the trailing rows and columns updated and the norms of the trailing columns ready
/// for the next panel, and the column exchanges of rows above each step for qr_pivoted to
/// apply; returns how many columns it factored, fewer than `width` when a norm had to be
/// recomputed.
template <class T>
std::size_t pivoted_qr_panel(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, std::size_t s,
                             std::size_t width, T* tau, std::size_t* perm, pivoted_qr_workspace<T>& ws) {
  using R = real_t<T>;
  auto A = [&](std::size_t i, std::size_t j) -> T& {
    return a[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j)];
  };
  const auto ldf = static_cast<std::ptrdiff_t>(n);
  auto F = [&](std::size_t l, std::size_t j) -> T& { return ws.fh[l * n + j]; };
  // When the downdated norm has lost more than half its digits, recompute it.
  const R downdate_limit = std::sqrt(std::numeric_limits<R>::epsilon());
  R* norms = ws.norms.data();
  R* reference = ws.reference.data();
  T* coefficients = ws.coefficients.data();
  T* v = ws.v.data();
  ws.stale.clear();
  std::size_t c = 0;
  while (c < width && ws.stale.empty()) {
    const std::size_t i = s + c, rows = m - i;
    const std::size_t p = static_cast<std::size_t>(std::max_element(norms + i, norms + n) - norms);
    // Only rows i and below trade places now; the rows of R above wait for the final pass, and
    // the pivot column is worked on in a contiguous copy until its reflector is made.
    ws.pivots[i] = p;
    T* column = v;
    for (std::size_t r = 0; r < rows; ++r) column[r] = A(i + r, p);
    if (p != i) {
      for (std::size_t l = 0; l < c; ++l) std::swap(F(l, i), F(l, p));
      std::swap(perm[i], perm[p]);
      norms[p] = norms[i];
      reference[p] = reference[i];
    }
    // The pivot column owes the panel's earlier reflectors: A(i:, i) -= V F^H(:, i).
    if (c > 0) {
      for (std::size_t l = 0; l < c; ++l) coefficients[l] = F(l, i);
      kernels::gemv(rows, c, T(-1), &A(i, s), lda, std::ptrdiff_t(1), coefficients, std::ptrdiff_t(1), T(1), column,
                    std::ptrdiff_t(1));
    }
    tau[i] = householder::make_reflector(rows, column[0], column + 1, std::ptrdiff_t(1));
    const T beta = column[0];
    column[0] = T(1);
    if (i + 1 == n) {
      for (std::size_t r = 0; r < rows; ++r) A(i + r, i) = column[r];
    } else {
      // F^H(c, :) = conj(tau) (v^H A - (v^H V) F^H), A being the trailing matrix as the panel
      // found it and V the panel's earlier reflectors. One pass over rows i and below gives
      // both v^H A and v^H V (into F^H(c, s:i), which nothing reads afterwards), and on its
      // way moves column i to column p and stores v in column i.
      const std::size_t cols = n - i - 1;
      const T* x = column;
      if constexpr (is_complex_v<T>) {
        for (std::size_t r = 0; r < rows; ++r) ws.conjugated[r] = std::conj(column[r]);
        x = ws.conjugated.data();
      }
      pivot_sweep(rows, n - s, &A(i, s), lda, c, p - s, column, conj_if_complex(tau[i]), x, &F(c, s));
      if (c > 0) {
        for (std::size_t l = 0; l < c; ++l) coefficients[l] = -F(c, s + l);
        kernels::gemv(cols, c, T(1), &F(0, i + 1), std::ptrdiff_t(1), ldf, coefficients, std::ptrdiff_t(1), T(1),
                      &F(c, i + 1), std::ptrdiff_t(1));
      }
      // Row i of R: A(i, i+1:) -= V(i, :) F^H, V(i, :) being row i's reflector elements and the
      // unit of reflector c itself.
      kernels::gemv(cols, c + 1, T(-1), &F(0, i + 1), std::ptrdiff_t(1), ldf, &A(i, s), std::ptrdiff_t(1), T(1),
                    &A(i, i + 1), std::ptrdiff_t(1));
    }
    A(i, i) = beta;
    if (i + 1 < m && i + 1 < n) {
      const std::size_t cols = n - i - 1;
      const R* magnitudes = nullptr;
      if constexpr (is_complex_v<T>) {
        for (std::size_t j = 0; j < cols; ++j) ws.magnitudes[j] = std::abs(A(i, i + 1 + j));
        magnitudes = ws.magnitudes.data();
      } else {
        magnitudes = &A(i, i + 1);
      }
      R* drift = ws.drift.data();
      if (downdate_norms(cols, magnitudes, norms + i + 1, reference + i + 1, drift, downdate_limit) > 0)
        for (std::size_t j = 0; j < cols; ++j)
          if (norms[i + 1 + j] > R(0) && drift[j] <= downdate_limit) ws.stale.push_back(i + 1 + j);
    }
    ++c;
  }
  // The trailing matrix takes the whole panel's update at once, then the stale norms are
  // recomputed from its updated rows.
  const std::size_t e = s + c;
  if (e < m && e < n)
    kernels::gemm(m - e, n - e, c, T(-1), &A(e, s), lda, std::ptrdiff_t(1), &F(0, e), ldf, std::ptrdiff_t(1), T(1),
                  &A(e, e), lda, std::ptrdiff_t(1));
  for (std::size_t j : ws.stale) norms[j] = reference[j] = e < m ? householder::norm2(m - e, &A(e, j), lda) : R(0);
  return c;
}

/// Column-pivoted Householder QR of the m x n row-major block at a (LAPACK's geqp3): A P = Q R
/// with R on and above the diagonal, the reflectors below it with their scalars tau (min(m, n)
/// of them), and perm[j] the original index of column j.
template <class T>
void qr_pivoted(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, T* tau, std::size_t* perm) {
  const std::size_t k = std::min(m, n);
  pivoted_qr_workspace<T> ws;
  ws.norms.resize(n);
  column_norms(m, n, a, lda, ws.norms.data());
  ws.reference = ws.norms;
  for (std::size_t j = 0; j < n; ++j) perm[j] = j;
  const std::size_t width = std::min(pivoted_qr_block, k);
  ws.fh.resize(width * n);
  ws.v.resize(m);
  ws.coefficients.resize(width);
  ws.pivots.resize(k);
  ws.drift.resize(n);
  if constexpr (is_complex_v<T>) {
    ws.magnitudes.resize(n);
    ws.conjugated.resize(m);
  }
  for (std::size_t s = 0; s < k;)
    s += pivoted_qr_panel(m, n, a, lda, s, std::min(width, k - s), tau, perm, ws);
  // Row r of R takes the column exchanges of the steps after r, which left it behind.
  for (std::size_t r = 0; r < k; ++r) {
    T* row = a + static_cast<std::ptrdiff_t>(r) * lda;
    for (std::size_t q = r + 1; q < k; ++q) std::swap(row[q], row[ws.pivots[q]]);
  }
}

}  // namespace linal::decomp_detail
