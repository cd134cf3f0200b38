#pragma once
/// \file
/// Triangular solves with many right-hand sides (BLAS's trsm), recursive so that almost all of
/// the work runs in kernels::gemm. Shared by the solves of LU, Cholesky and QR and by the
/// blocked factorizations themselves.

#include <cstddef>

#include "../../kernels/gemm.hpp"
#include "../../kernels/scalar.hpp"
#include "../../simd/simd.hpp"

namespace linal::decomp_detail {

// Below this order the solve runs as row operations; above, it splits and calls gemm.
inline constexpr std::size_t trsm_leaf = 48;

/// y := y + alpha x on n elements with the same stride. Unit stride runs in explicit SIMD
/// batches for float and double: at -O2, GCC vectorizes no loop that needs a run-time overlap
/// test or a remainder, and this one needs both.
template <class T>
void axpy(std::size_t n, T alpha, const T* x, T* y, std::ptrdiff_t inc) {
  using kernels::detail::multiply;  // for complex T, without std::complex's inf/NaN recovery
  if (inc == 1) {
    std::size_t j = 0;
    if constexpr (simd::has_batch<T>) {
      using B = simd::batch<T>;
      const B a(alpha);
      for (; j + B::size() <= n; j += B::size())
        simd::store(B(simd::load(y + j) + a * simd::load(x + j)), y + j);
    }
    for (; j < n; ++j) y[j] += multiply(alpha, x[j]);
  } else {
    for (std::size_t j = 0; j < n; ++j)
      y[static_cast<std::ptrdiff_t>(j) * inc] += multiply(alpha, x[static_cast<std::ptrdiff_t>(j) * inc]);
  }
}

/// Solves A X = B in place (B := X) for the n x n triangular A, lower or upper, with a unit
/// diagonal (not read) or not; B is n x nrhs. Element (i,j) of A is a[i*ars + j*acs], of B
/// b[i*brs + j*bcs], so transposed operands cost nothing. O(n^2 nrhs).
template <class T>
void solve_triangular_left(bool lower, bool unit, std::size_t n, std::size_t nrhs, const T* a, std::ptrdiff_t ars,
                           std::ptrdiff_t acs, T* b, std::ptrdiff_t brs, std::ptrdiff_t bcs) {
  if (n == 0 || nrhs == 0) return;
  auto A = [&](std::size_t i, std::size_t j) -> const T& {
    return a[static_cast<std::ptrdiff_t>(i) * ars + static_cast<std::ptrdiff_t>(j) * acs];
  };
  auto row = [&](std::size_t i) { return b + static_cast<std::ptrdiff_t>(i) * brs; };
  if (n <= trsm_leaf) {
    // Row i of X from the rows already solved: contiguous row updates when bcs == 1.
    for (std::size_t s = 0; s < n; ++s) {
      const std::size_t i = lower ? s : n - 1 - s;
      T* bi = row(i);
      const std::size_t k0 = lower ? 0 : i + 1, k1 = lower ? i : n;
      for (std::size_t k = k0; k < k1; ++k) {
        const T f = A(i, k);
        if (f == T(0)) continue;
        axpy(nrhs, -f, row(k), bi, bcs);
      }
      if (!unit) {
        const T d = A(i, i);
        for (std::size_t j = 0; j < nrhs; ++j) bi[static_cast<std::ptrdiff_t>(j) * bcs] /= d;
      }
    }
    return;
  }
  const std::size_t n1 = n / 2, n2 = n - n1;
  const T* a21 = &A(n1, 0);
  const T* a12 = &A(0, n1);
  const T* a22 = &A(n1, n1);
  if (lower) {
    solve_triangular_left(lower, unit, n1, nrhs, a, ars, acs, b, brs, bcs);
    kernels::gemm(n2, nrhs, n1, T(-1), a21, ars, acs, b, brs, bcs, T(1), row(n1), brs, bcs);
    solve_triangular_left(lower, unit, n2, nrhs, a22, ars, acs, row(n1), brs, bcs);
  } else {
    solve_triangular_left(lower, unit, n2, nrhs, a22, ars, acs, row(n1), brs, bcs);
    kernels::gemm(n1, nrhs, n2, T(-1), a12, ars, acs, row(n1), brs, bcs, T(1), b, brs, bcs);
    solve_triangular_left(lower, unit, n1, nrhs, a, ars, acs, b, brs, bcs);
  }
}

}  // namespace linal::decomp_detail
