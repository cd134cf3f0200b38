#pragma once
/// \file
/// The product of a triangular matrix and a full one (BLAS's trmm) in half the multiply-adds of
/// a dense product: gemm's packed loops restricted to the triangle. With several threads a large
/// triangle first splits, L B = [L11 B1; L21 B1 + L22 B2] for L = [L11 0; L21 L22] and
/// B = [B1; B2], so that gemm threads the off-diagonal products. Also the triangular
/// matrix-vector product, on gemv.

#include <algorithm>
#include <cstddef>

#include "../kernels/blocking.hpp"
#include "../kernels/buffer.hpp"
#include "../kernels/gemm.hpp"
#include "../kernels/gemv.hpp"
#include "../kernels/micro_kernel.hpp"
#include "../kernels/pack.hpp"
#include "../kernels/threads.hpp"

namespace linal::detail {

// With several threads, triangles above this order split so that their off-diagonal products
// run in gemm, which threads them; below it, and always on one thread, triangular_packed does
// the whole product.
inline constexpr std::size_t trmm_leaf = 256;

/// Strides of one operand: element (i, j) is at p[i*rs + j*cs].
template <class T>
struct strided_operand {
  const T* p;
  std::ptrdiff_t rs, cs;
  const T* at(std::size_t i, std::size_t j) const {
    return p + static_cast<std::ptrdiff_t>(i) * rs + static_cast<std::ptrdiff_t>(j) * cs;
  }
};

/// C := A B + beta C for the n x n triangle A, with gemm's blocking and packing (see
/// kernels/gemm.hpp), restricted to the triangle: each KC-deep slice of A's columns updates only
/// the rows its triangle reaches, and each MR-row micro-panel of the slice's diagonal block runs
/// over the columns its rows reach only (for a lower A, rows [i, i + MR) over columns up to
/// i + MR). Zeros are multiplied only in the MR x MR triangles on the diagonal, which the
/// packing overwrites with zeros (ones on a unit diagonal) whatever A holds there.
template <class T>
void triangular_packed(bool lower, bool unit, std::size_t n, std::size_t k, strided_operand<T> a,
                       strided_operand<T> b, T beta, T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs) {
  using K = kernels::detail::micro_kernel<T>;
  const auto& bk = kernels::detail::blocking_for<T, K::mr, K::nr>();
  const std::size_t nc = std::min(bk.nc, (k + K::nr - 1) / K::nr * K::nr);
  const std::size_t kc = std::min(bk.kc, n);
  T* const bp = static_cast<T*>(kernels::detail::b_scratch().get(nc * kc * sizeof(T)));
  T* const ap = static_cast<T*>(kernels::detail::a_scratch().get(bk.mc * kc * sizeof(T)));
  const std::size_t slices = (n + kc - 1) / kc;
  for (std::size_t jc = 0; jc < k; jc += nc) {
    const std::size_t nb = std::min(nc, k - jc);
    // The first slice reaches every row of C: lower triangles go left to right, upper ones
    // right to left.
    for (std::size_t s = 0; s < slices; ++s) {
      const std::size_t pc = (lower ? s : slices - 1 - s) * kc, kb = std::min(kc, n - pc);
      const T beta_s = s == 0 ? beta : T(1);
      kernels::detail::pack_panels<K::nr>(nb, kb, b.at(pc, jc), b.cs, b.rs, bp);
      const std::size_t r0 = lower ? pc : 0, r1 = lower ? n : pc + kb;  // the rows it reaches
      for (std::size_t ic = r0; ic < r1; ic += bk.mc) {
        const std::size_t mb = std::min(bk.mc, r1 - ic);
        kernels::detail::pack_panels<K::mr>(mb, kb, a.at(ic, pc), a.rs, a.cs, ap);
        for (std::size_t i = ic; i < ic + mb; i += K::mr) {
          T* const panel = ap + (i - ic) * kb;
          for (std::size_t q = std::max(i, pc); q < std::min(i + K::mr, pc + kb); ++q)
            for (std::size_t r = 0; r < K::mr; ++r) {
              T& x = panel[(q - pc) * K::mr + r];
              if (q == i + r && unit) x = T(1);
              if (lower ? q > i + r : q < i + r) x = T(0);
            }
        }
        for (std::size_t j = 0; j < nb; j += K::nr) {
          const std::size_t cols = std::min(K::nr, nb - j);
          for (std::size_t i = ic; i < ic + mb; i += K::mr) {
            const std::size_t rows = std::min(K::mr, ic + mb - i);
            const std::size_t q0 = lower ? pc : std::max(i, pc);
            const std::size_t q1 = lower ? std::min(i + K::mr, pc + kb) : pc + kb;
            const T* const at = ap + (i - ic) * kb + (q0 - pc) * K::mr;
            const T* const bt = bp + j * kb + (q0 - pc) * K::nr;
            T* const ct = c + static_cast<std::ptrdiff_t>(i) * crs + static_cast<std::ptrdiff_t>(jc + j) * ccs;
            if (rows == K::mr && cols == K::nr)
              K::run_packed(q1 - q0, at, bt, T(1), beta_s, ct, crs, ccs);
            else
              kernels::detail::tile<K>(rows, cols, q1 - q0, T(1), at, 1, K::mr, bt, K::nr, beta_s, ct, crs, ccs);
          }
        }
      }
    }
  }
}

/// C := A B + beta C (beta 0 or 1; C is not read when beta is 0) for the n x n triangle A,
/// lower or upper, with a unit diagonal (not read) or not, B n x k and C n x k.
template <class T>
void triangular_multiply(bool lower, bool unit, std::size_t n, std::size_t k, strided_operand<T> a,
                         strided_operand<T> b, T beta, T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs) {
  if (n == 0 || k == 0) return;
  using K = kernels::detail::micro_kernel<T>;
  if (n <= trmm_leaf || kernels::detail::threads_for_call() == 1) {
    triangular_packed(lower, unit, n, k, a, b, beta, c, crs, ccs);
    return;
  }
  // The rows of C that gemm updates (L21 B1 below, U12 B2 above) are a whole number of
  // micro-tiles; the odd rows go down the recursion to the other half.
  const std::size_t updated = n / 2 / K::mr * K::mr;
  const std::size_t n1 = lower ? n - updated : updated, n2 = n - n1;
  const strided_operand<T> a22{a.at(n1, n1), a.rs, a.cs};
  const strided_operand<T> b2{b.at(n1, 0), b.rs, b.cs};
  T* const c2 = c + static_cast<std::ptrdiff_t>(n1) * crs;
  triangular_multiply(lower, unit, n1, k, a, b, beta, c, crs, ccs);
  triangular_multiply(lower, unit, n2, k, a22, b2, beta, c2, crs, ccs);
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
    triangular_multiply(lower, unit, d, k, a, b, T(0), c, crs, ccs);
  }
  // Rows of an upper trapezoid below the square are zero, as are columns of a lower one beyond it.
  if (lower && m > n)
    kernels::gemm(m - n, k, n, T(1), a.at(n, 0), a.rs, a.cs, b.p, b.rs, b.cs, T(0),
                  c + static_cast<std::ptrdiff_t>(n) * crs, crs, ccs);
  if (!lower && n > m)
    kernels::gemm(m, k, n - m, T(1), a.at(0, m), a.rs, a.cs, b.at(m, 0), b.rs, b.cs, T(1), c, crs, ccs);
}

}  // namespace linal::detail
