#pragma once
// Strided matrix-vector product, the level-2 kernel under linal::matmul(A, v).

#include <cstddef>

namespace linal::kernels {

/// y (m) = alpha * A (m x n) * x (n) + beta * y, where element (i,j) of A is a[i*a_rs + j*a_cs],
/// x[j] is x[j*incx] and y[i] is y[i*incy]. When beta == 0, y is not read (it may hold NaN).
/// O(m n); no allocation.
template <class T>
void gemv(std::size_t m, std::size_t n, T alpha, const T* a, std::ptrdiff_t a_rs,
          std::ptrdiff_t a_cs, const T* x, std::ptrdiff_t incx, T beta, T* y,
          std::ptrdiff_t incy) {
  for (std::size_t i = 0; i < m; ++i) {
    const auto pi = static_cast<std::ptrdiff_t>(i);
    T sum{};
    for (std::size_t j = 0; j < n; ++j) {
      const auto pj = static_cast<std::ptrdiff_t>(j);
      sum += a[pi * a_rs + pj * a_cs] * x[pj * incx];
    }
    T& yi = y[pi * incy];
    yi = beta == T{} ? alpha * sum : alpha * sum + beta * yi;
  }
}

}  // namespace linal::kernels
