#pragma once
// General matrix-matrix product with BLIS-style strides, the level-3 kernel under linal::matmul
// and the blocked factorizations.

#include <cstddef>

namespace linal::kernels {

/// C (m x n) = alpha * A (m x k) * B (k x n) + beta * C, where element (i,j) of X is
/// x[i*x_rs + j*x_cs]: swapping a pair of strides transposes that operand at no cost.
/// When beta == 0, C is not read (it may hold NaN). O(m n k).
template <class T>
void gemm(std::size_t m, std::size_t n, std::size_t k, T alpha, const T* a, std::ptrdiff_t a_rs,
          std::ptrdiff_t a_cs, const T* b, std::ptrdiff_t b_rs, std::ptrdiff_t b_cs, T beta, T* c,
          std::ptrdiff_t c_rs, std::ptrdiff_t c_cs) {
  for (std::size_t i = 0; i < m; ++i) {
    const auto pi = static_cast<std::ptrdiff_t>(i);
    for (std::size_t j = 0; j < n; ++j) {
      const auto pj = static_cast<std::ptrdiff_t>(j);
      T sum{};
      for (std::size_t p = 0; p < k; ++p) {
        const auto pp = static_cast<std::ptrdiff_t>(p);
        sum += a[pi * a_rs + pp * a_cs] * b[pp * b_rs + pj * b_cs];
      }
      T& cij = c[pi * c_rs + pj * c_cs];
      cij = beta == T{} ? alpha * sum : alpha * sum + beta * cij;
    }
  }
}

}  // namespace linal::kernels
