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
/// Work: 4/3 n^3 flops for a square matrix (2 m n^2 - 2 n^3 / 3 for m >= n), as unpivoted QR;
/// about half of it is in gemm, the other half the matrix-vector products A^H v that build F.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "../../core/concepts.hpp"
#include "../../kernels/gemm.hpp"
#include "../../kernels/gemv.hpp"
#include "../householder.hpp"
#include "input.hpp"

namespace linal::decomp_detail {

/// Most reflectors chosen before the trailing matrix is updated (measured: 32 is best at
/// n = 256 and 1024; wider panels spend more in the products that bring each column up to
/// date than the fewer, larger gemm calls save).
inline constexpr std::size_t pivoted_qr_block = 32;

/// The memory a pivoted factorization reuses from panel to panel.
template <class T>
struct pivoted_qr_workspace {
  std::vector<real_t<T>> norms;      // of each trailing column's rows not yet factored
  std::vector<real_t<T>> reference;  // each of those norms when it was last computed exactly
  std::vector<T> fh;                 // panel x n: F^H, the update the trailing rows still owe
  std::vector<T> v;                  // the pivot column, then its reflector's vector conjugated
  std::vector<T> coefficients;       // one per reflector of the panel
  std::vector<std::size_t> stale;    // columns whose downdated norm can no longer be trusted
  std::vector<std::size_t> pivots;   // pivots[i]: the column step i exchanged with column i
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
    for (std::size_t r = 0; r < rows; ++r) {
      column[r] = A(i + r, p);
      if (p != i) A(i + r, p) = A(i + r, i);
    }
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
    for (std::size_t r = 0; r < rows; ++r) A(i + r, i) = column[r];
    if (i + 1 < n) {
      // F^H(c, :) = conj(tau) (v^H A - (v^H V) F^H), A being the trailing matrix as the panel
      // found it and V the panel's earlier reflectors. One pass over rows i and below gives
      // both v^H A and v^H V (into F^H(c, s:i), which nothing reads afterwards).
      const std::size_t cols = n - i - 1;
      if constexpr (is_complex_v<T>)
        for (std::size_t r = 0; r < rows; ++r) v[r] = std::conj(v[r]);
      const T t = conj_if_complex(tau[i]);
      kernels::gemv(n - s, rows, t, &A(i, s), std::ptrdiff_t(1), lda, v, std::ptrdiff_t(1), T(0), &F(c, s),
                    std::ptrdiff_t(1));
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
    if (i + 1 < m)
      for (std::size_t j = i + 1; j < n; ++j) {
        if (norms[j] == R(0)) continue;
        const R ratio = std::abs(A(i, j)) / norms[j];
        const R remaining = std::max(R(0), (R(1) + ratio) * (R(1) - ratio));
        const R drift = remaining * (norms[j] / reference[j]) * (norms[j] / reference[j]);
        if (drift <= downdate_limit) ws.stale.push_back(j);
        else norms[j] *= std::sqrt(remaining);
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
  for (std::size_t s = 0; s < k;)
    s += pivoted_qr_panel(m, n, a, lda, s, std::min(width, k - s), tau, perm, ws);
  // Row r of R takes the column exchanges of the steps after r, which left it behind.
  for (std::size_t r = 0; r < k; ++r) {
    T* row = a + static_cast<std::ptrdiff_t>(r) * lda;
    for (std::size_t q = r + 1; q < k; ++q) std::swap(row[q], row[ws.pivots[q]]);
  }
}

}  // namespace linal::decomp_detail
