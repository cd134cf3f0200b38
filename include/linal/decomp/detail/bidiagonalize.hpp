#pragma once
/// \file
/// Golub-Kahan Householder reduction of a real m x n matrix (m >= n) to upper bidiagonal
/// form, A = Q B P^T, the first stage of svd, and the formation of Q^T and P^T.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../householder.hpp"
#include "../../kernels/gemm.hpp"
#include "../../kernels/gemv.hpp"
#include "reflector.hpp"

namespace linal::detail {

/// Columns first..n-1 of bidiagonalize, one reflector pair at a time.
template <class T>
void bidiagonalize_unblocked(std::size_t m, std::size_t n, T* a, T* d, T* e, T* tau_q, T* tau_p, std::size_t first) {
  std::vector<T> work(n);
  for (std::size_t k = first; k < n; ++k) {
    T* akk = a + k * n + k;
    tau_q[k] = householder::make_reflector(m - k, *akk, akk + n, static_cast<std::ptrdiff_t>(n));
    d[k] = *akk;
    reflect_left(m - k, n - k - 1, akk + 1, n, akk, static_cast<std::ptrdiff_t>(n), tau_q[k], work.data());
    if (k + 1 < n) {
      tau_p[k] = householder::make_reflector(n - k - 1, akk[1], akk + 2, 1);
      e[k] = akk[1];
      reflect_right(m - k - 1, n - k - 1, akk + n + 1, n, akk + 1, tau_p[k]);
    }
  }
}

/// Reduces the row-major m x n matrix a (m >= n, row stride n) to upper bidiagonal B with
/// diagonal d (n) and superdiagonal e (n - 1). Left reflector k (tau_q[k]) keeps its vector in
/// column k below the diagonal; right reflector k (tau_p[k], acting on columns k+1..n-1) keeps
/// it in row k right of the superdiagonal. Panels of 32 reflector pairs as LAPACK's gebrd:
/// within a panel the trailing matrix is only read (twice per pair, along its rows), and the
/// update A -= V Y^T + X U^T that follows goes through kernels::gemm; the last columns are
/// reduced one pair at a time. O(4 m n^2 - 4/3 n^3) flops, half of them in gemm.
template <class T>
void bidiagonalize(std::size_t m, std::size_t n, T* a, T* d, T* e, T* tau_q, T* tau_p) {
  constexpr std::size_t nb = 32;
  const auto ld = static_cast<std::ptrdiff_t>(n), b = static_cast<std::ptrdiff_t>(nb), one = std::ptrdiff_t(1);
  // Per panel at k0, with A_current = A - V Y^T - X U^T: V and X ((m - k0) x nb, row r for
  // row k0 + r of a) and Y and U^T ((n - k0) x nb, row c for column k0 + c), all row-major.
  std::vector<T> vp(m * nb), xp(m * nb), yp(n * nb), ut(n * nb), u(n), ycol(n), xcol(m), t1(nb), t2(nb);
  std::size_t k0 = 0;
  for (; n - k0 > nb; k0 += nb) {
    const std::size_t mp = m - k0, np = n - k0;
    std::fill_n(vp.begin(), mp * nb, T(0));
    std::fill_n(xp.begin(), mp * nb, T(0));
    std::fill_n(yp.begin(), np * nb, T(0));
    std::fill_n(ut.begin(), np * nb, T(0));
    const auto V = [&](std::size_t r, std::size_t l) { return vp.data() + r * nb + l; };
    const auto X = [&](std::size_t r, std::size_t l) { return xp.data() + r * nb + l; };
    const auto Y = [&](std::size_t c, std::size_t l) { return yp.data() + c * nb + l; };
    const auto Ut = [&](std::size_t c, std::size_t l) { return ut.data() + c * nb + l; };
    for (std::size_t j = 0; j < nb; ++j) {
      const std::size_t k = k0 + j, rows = mp - j, cols = n - k - 1;
      T* akk = a + k * n + k;
      // Column k brought up to date, then the left reflector.
      kernels::gemv(rows, j, T(-1), V(j, 0), b, one, Y(j, 0), one, T(1), akk, ld);
      kernels::gemv(rows, j, T(-1), X(j, 0), b, one, Ut(j, 0), one, T(1), akk, ld);
      const T tq = householder::make_reflector(rows, *akk, akk + n, ld);
      tau_q[k] = tq;
      d[k] = *akk;
      *V(j, j) = T(1);
      for (std::size_t r = 1; r < rows; ++r) *V(j + r, j) = akk[r * n];
      // Y column j = tau_q (A^T v - Y V^T v - U^T X^T v) over columns k+1..n-1.
      kernels::gemv(cols, rows, T(1), akk + 1, one, ld, V(j, j), b, T(0), ycol.data(), one);
      kernels::gemv(j, rows, T(1), V(j, 0), one, b, V(j, j), b, T(0), t1.data(), one);
      kernels::gemv(j, rows, T(1), X(j, 0), one, b, V(j, j), b, T(0), t2.data(), one);
      kernels::gemv(cols, j, T(-1), Y(j + 1, 0), b, one, t1.data(), one, T(1), ycol.data(), one);
      kernels::gemv(cols, j, T(-1), Ut(j + 1, 0), b, one, t2.data(), one, T(1), ycol.data(), one);
      for (std::size_t c = 0; c < cols; ++c) *Y(j + 1 + c, j) = tq * ycol[c];
      // Row k brought up to date, then the right reflector.
      T* row = akk + 1;
      kernels::gemv(cols, j + 1, T(-1), Y(j + 1, 0), b, one, V(j, 0), one, T(1), row, one);
      kernels::gemv(cols, j, T(-1), Ut(j + 1, 0), b, one, X(j, 0), one, T(1), row, one);
      const T tp = householder::make_reflector(cols, row[0], row + 1, 1);
      tau_p[k] = tp;
      e[k] = row[0];
      u[0] = T(1);
      std::copy(row + 1, row + cols, u.begin() + 1);
      for (std::size_t c = 0; c < cols; ++c) *Ut(j + 1 + c, j) = u[c];
      // X column j = tau_p (A u - V Y^T u - X U u) over rows k+1..m-1.
      kernels::gemv(j + 1, cols, T(1), Y(j + 1, 0), one, b, u.data(), one, T(0), t1.data(), one);
      kernels::gemv(j, cols, T(1), Ut(j + 1, 0), one, b, u.data(), one, T(0), t2.data(), one);
      kernels::gemv(rows - 1, cols, T(1), akk + n + 1, ld, one, u.data(), one, T(0), xcol.data(), one);
      kernels::gemv(rows - 1, j + 1, T(-1), V(j + 1, 0), b, one, t1.data(), one, T(1), xcol.data(), one);
      kernels::gemv(rows - 1, j, T(-1), X(j + 1, 0), b, one, t2.data(), one, T(1), xcol.data(), one);
      for (std::size_t r = 0; r + 1 < rows; ++r) *X(j + 1 + r, j) = tp * xcol[r];
    }
    // The trailing block, rows and columns from k0 + nb on.
    T* trailing = a + (k0 + nb) * n + (k0 + nb);
    kernels::gemm(mp - nb, np - nb, nb, T(-1), V(nb, 0), b, one, Y(nb, 0), one, b, T(1), trailing, ld, one);
    kernels::gemm(mp - nb, np - nb, nb, T(-1), X(nb, 0), b, one, Ut(nb, 0), one, b, T(1), trailing, ld, one);
  }
  bidiagonalize_unblocked(m, n, a, d, e, tau_q, tau_p, k0);
}

/// Writes Q^T into qt (cols x m, row stride m): the first `cols` columns of Q = H_0 ... H_{n-1}
/// (cols = n for the reduced factor, m for the full one). O(4 m n cols) flops at most, nearly
/// all in kernels::gemm.
template <class T>
void form_left_qt(std::size_t m, std::size_t n, std::size_t cols, const T* a, const T* tau_q, T* qt) {
  std::fill(qt, qt + cols * m, T(0));
  for (std::size_t i = 0; i < cols; ++i) qt[i * m + i] = T(1);
  form_reflector_product_transpose(n, m, a, static_cast<std::ptrdiff_t>(n), std::ptrdiff_t(1), tau_q, cols, qt, m);
}

/// Writes P^T (n x n, row stride n) into pt, P = G_0 ... G_{n-2} from bidiagonalize.
template <class T>
void form_right_pt(std::size_t n, const T* a, const T* tau_p, T* pt) {
  std::fill(pt, pt + n * n, T(0));
  for (std::size_t i = 0; i < n; ++i) pt[i * n + i] = T(1);
  if (n < 2) return;
  form_reflector_product_transpose(n - 1, n - 1, a + 1, std::ptrdiff_t(1), static_cast<std::ptrdiff_t>(n), tau_p, n - 1,
                                   pt + n + 1, n);
}

/// X := X (H_0 H_1 ... H_{r-1})^T for any rows x order matrix X (row stride ld), with the
/// reflectors stored as form_reflector_product_transpose reads them. Blocks of 32 reflectors
/// through householder::block_reflector, last block first: O(4 rows order r) flops at most,
/// nearly all in kernels::gemm.
template <class T>
void apply_reflector_product_transpose(std::size_t r, std::size_t order, const T* v, std::ptrdiff_t v_rs,
                                       std::ptrdiff_t v_cs, const T* tau, std::size_t rows, T* x, std::size_t ld) {
  constexpr std::size_t block = 32;
  for (std::size_t end = r; end > 0;) {
    const std::size_t start = end > block ? end - block : 0;
    const auto offset = static_cast<std::ptrdiff_t>(start);
    householder::block_reflector<T> reflectors(order - start, end - start, v + offset * v_rs + offset * v_cs, v_rs,
                                               v_cs, tau + start);
    reflectors.apply_right(true, rows, x + start, static_cast<std::ptrdiff_t>(ld), 1);
    end = start;
  }
}

/// ut := [ut 0; 0 I] Q^T for the Q of bidiagonalize: on entry the first n rows of ut (rows x m,
/// row stride m, rows = n or m) hold n x n left vectors of the bidiagonal in their first n
/// columns, the rest is ignored; on exit ut holds the left vectors of A as rows, and for rows = m
/// the completion of the basis after them.
template <class T>
void apply_left_qt(std::size_t m, std::size_t n, std::size_t rows, const T* a, const T* tau_q, T* ut) {
  for (std::size_t i = 0; i < rows; ++i) {
    std::fill(ut + i * m + (i < n ? n : 0), ut + (i + 1) * m, T(0));
    if (i >= n) ut[i * m + i] = T(1);
  }
  apply_reflector_product_transpose(n, m, a, static_cast<std::ptrdiff_t>(n), std::ptrdiff_t(1), tau_q, rows, ut, m);
}

/// vt := vt P^T for the P of bidiagonalize, vt n x n (row stride n).
template <class T>
void apply_right_pt(std::size_t n, const T* a, const T* tau_p, T* vt) {
  if (n < 2) return;
  apply_reflector_product_transpose(n - 1, n - 1, a + 1, std::ptrdiff_t(1), static_cast<std::ptrdiff_t>(n), tau_p, n,
                                    vt + 1, n);
}

}  // namespace linal::detail
