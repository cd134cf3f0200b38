#pragma once
/// \file
/// The product of a triangular matrix and a full one (BLAS's trmm), recursive so that the work
/// runs in kernels::gemm and the zero triangle costs nothing: with L = [L11 0; L21 L22] and
/// B = [B1; B2], L B = [L11 B1; L21 B1 + L22 B2], half the multiply-adds of a dense product.

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../kernels/gemm.hpp"

namespace linal::detail {

// Triangles up to this order are multiplied as dense blocks, zeros included: measured, the
// gemm on a smaller block runs slower than the zeros it would save.
inline constexpr std::size_t trmm_leaf = 32;

/// Strides of one operand: element (i, j) is at p[i*rs + j*cs].
template <class T>
struct strided_operand {
  const T* p;
  std::ptrdiff_t rs, cs;
  const T* at(std::size_t i, std::size_t j) const {
    return p + static_cast<std::ptrdiff_t>(i) * rs + static_cast<std::ptrdiff_t>(j) * cs;
  }
};

/// C := A B + beta C (beta 0 or 1; C is not read when beta is 0) for the n x n triangle A,
/// lower or upper, with a unit diagonal (not read) or not, B n x k and C n x k. `leaf` holds
/// trmm_leaf^2 elements, the dense copy of one diagonal block.
template <class T>
void triangular_multiply(bool lower, bool unit, std::size_t n, std::size_t k, strided_operand<T> a,
                         strided_operand<T> b, T beta, T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs, T* leaf) {
  if (n == 0 || k == 0) return;
  if (n <= trmm_leaf) {
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) {
        const bool inside = lower ? j < i : j > i;
        leaf[i * n + j] = i == j ? (unit ? T(1) : *a.at(i, i)) : inside ? *a.at(i, j) : T(0);
      }
    kernels::gemm(n, k, n, T(1), leaf, static_cast<std::ptrdiff_t>(n), std::ptrdiff_t(1), b.p, b.rs, b.cs, beta, c,
                  crs, ccs);
    return;
  }
  // Split on a multiple of 8 rows, so that the blocks handed to gemm fill whole micro-tiles.
  const std::size_t n1 = n / 2 / 8 * 8, n2 = n - n1;
  const strided_operand<T> a22{a.at(n1, n1), a.rs, a.cs};
  const strided_operand<T> b2{b.at(n1, 0), b.rs, b.cs};
  T* const c2 = c + static_cast<std::ptrdiff_t>(n1) * crs;
  triangular_multiply(lower, unit, n1, k, a, b, beta, c, crs, ccs, leaf);
  triangular_multiply(lower, unit, n2, k, a22, b2, beta, c2, crs, ccs, leaf);
  if (lower)
    kernels::gemm(n2, k, n1, T(1), a.at(n1, 0), a.rs, a.cs, b.p, b.rs, b.cs, T(1), c2, crs, ccs);
  else
    kernels::gemm(n1, k, n2, T(1), a.at(0, n1), a.rs, a.cs, b2.p, b2.rs, b2.cs, T(1), c, crs, ccs);
}

/// y := A x for the n x n triangle A, lower or upper, unit diagonal or not. Blocks of `nb` rows
/// (of columns when A is stored by columns) go to gemv at their full length in A's contiguous
/// direction, which streams A as a dense gemv does; the small diagonal blocks are summed
/// element by element.
template <class T>
void triangular_multiply_vector(bool lower, bool unit, std::size_t n, strided_operand<T> a, const T* x,
                                std::ptrdiff_t incx, T* y, std::ptrdiff_t incy) {
  constexpr std::size_t nb = 8;
  const auto xs = [&](std::size_t j) { return x + static_cast<std::ptrdiff_t>(j) * incx; };
  const auto ys = [&](std::size_t i) { return y + static_cast<std::ptrdiff_t>(i) * incy; };
  const auto add_diagonal_block = [&](std::size_t i0, std::size_t i1) {
    for (std::size_t i = i0; i < i1; ++i) {
      T s = unit ? *xs(i) : *a.at(i, i) * *xs(i);
      for (std::size_t j = lower ? i0 : i + 1; j < (lower ? i : i1); ++j) s += *a.at(i, j) * *xs(j);
      *ys(i) += s;
    }
  };
  const bool by_columns = a.rs == 1 && a.cs != 1;
  if (!by_columns) {
    for (std::size_t i0 = 0; i0 < n; i0 += nb) {
      const std::size_t i1 = std::min(n, i0 + nb);
      if (lower)
        kernels::gemv(i1 - i0, i0, T(1), a.at(i0, 0), a.rs, a.cs, x, incx, T(0), ys(i0), incy);
      else
        kernels::gemv(i1 - i0, n - i1, T(1), a.at(i0, i1), a.rs, a.cs, xs(i1), incx, T(0), ys(i0), incy);
      add_diagonal_block(i0, i1);
    }
    return;
  }
  for (std::size_t i = 0; i < n; ++i) *ys(i) = T(0);
  for (std::size_t j0 = 0; j0 < n; j0 += nb) {
    const std::size_t j1 = std::min(n, j0 + nb);
    if (lower)
      kernels::gemv(n - j1, j1 - j0, T(1), a.at(j1, j0), a.rs, a.cs, xs(j0), incx, T(1), ys(j1), incy);
    else
      kernels::gemv(j0, j1 - j0, T(1), a.at(0, j0), a.rs, a.cs, xs(j0), incx, T(1), y, incy);
    add_diagonal_block(j0, j1);
  }
}

/// C := A B for the m x n trapezoid A (the upper or lower triangle of an m x n matrix, unit
/// diagonal or not), B n x k, C m x k holding zeros. The square triangle goes to
/// triangular_multiply; a rectangle beyond it, which is full, to gemm.
template <class T>
void trapezoid_multiply(bool lower, bool unit, std::size_t m, std::size_t n, std::size_t k, strided_operand<T> a,
                        strided_operand<T> b, T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs) {
  const std::size_t d = std::min(m, n);
  if (k == 1) {
    triangular_multiply_vector(lower, unit, d, a, b.p, b.rs, c, crs);
  } else {
    std::vector<T> leaf(std::min(d, trmm_leaf) * std::min(d, trmm_leaf));
    triangular_multiply(lower, unit, d, k, a, b, T(0), c, crs, ccs, leaf.data());
  }
  // Rows of an upper trapezoid below the square are zero, as are columns of a lower one beyond it.
  if (lower && m > n)
    kernels::gemm(m - n, k, n, T(1), a.at(n, 0), a.rs, a.cs, b.p, b.rs, b.cs, T(0),
                  c + static_cast<std::ptrdiff_t>(n) * crs, crs, ccs);
  if (!lower && n > m)
    kernels::gemm(m, k, n - m, T(1), a.at(0, m), a.rs, a.cs, b.at(m, 0), b.rs, b.cs, T(1), c, crs, ccs);
}

}  // namespace linal::detail
