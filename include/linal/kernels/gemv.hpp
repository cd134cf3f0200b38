#pragma once
// Strided matrix-vector product, the level-2 kernel under linal::matmul(A, v).

#include <cstddef>

#include "linal/kernels/dot.hpp"
#include "linal/kernels/scalar.hpp"

namespace linal::kernels {

namespace detail {

/// y += alpha * A x for column-major A (unit row stride) and contiguous y: four columns per pass
/// over y, which the compiler turns into vector FMAs, so y is loaded and stored n/4 times.
template <class T>
void gemv_columns(std::size_t m, std::size_t n, T alpha, const T* a, std::ptrdiff_t acs, const T* x,
                  std::ptrdiff_t incx, T* y) {
  std::size_t j = 0;
  for (; j + 4 <= n; j += 4) {
    const T* a0 = a + static_cast<std::ptrdiff_t>(j) * acs;
    const T* a1 = a0 + acs;
    const T* a2 = a1 + acs;
    const T* a3 = a2 + acs;
    const auto pj = static_cast<std::ptrdiff_t>(j);
    const T t0 = multiply(alpha, x[pj * incx]), t1 = multiply(alpha, x[(pj + 1) * incx]);
    const T t2 = multiply(alpha, x[(pj + 2) * incx]), t3 = multiply(alpha, x[(pj + 3) * incx]);
    for (std::size_t i = 0; i < m; ++i)
      y[i] += multiply(t0, a0[i]) + multiply(t1, a1[i]) + multiply(t2, a2[i]) + multiply(t3, a3[i]);
  }
  for (; j < n; ++j) {
    const T* aj = a + static_cast<std::ptrdiff_t>(j) * acs;
    const T t = multiply(alpha, x[static_cast<std::ptrdiff_t>(j) * incx]);
    for (std::size_t i = 0; i < m; ++i) y[i] += multiply(t, aj[i]);
  }
}

}  // namespace detail

/// y (m) = alpha * A (m x n) * x (n) + beta * y, where element (i,j) of A is a[i*a_rs + j*a_cs],
/// x[j] is x[j*incx] and y[i] is y[i*incy]. When beta == 0, y is not read (it may hold NaN), as
/// in BLAS. y must not overlap A or x. O(m n), no allocation.
template <class T>
void gemv(std::size_t m, std::size_t n, T alpha, const T* a, std::ptrdiff_t a_rs,
          std::ptrdiff_t a_cs, const T* x, std::ptrdiff_t incx, T beta, T* y, std::ptrdiff_t incy) {
  if (n == 0 || alpha == T{} || (a_rs == 1 && a_cs != 1 && incy == 1)) {
    for (std::size_t i = 0; i < m; ++i) {
      T& yi = y[static_cast<std::ptrdiff_t>(i) * incy];
      yi = beta == T{} ? T{} : detail::multiply(beta, yi);
    }
    if (n > 0 && alpha != T{}) detail::gemv_columns(m, n, alpha, a, a_cs, x, incx, y);
    return;
  }
  // Row by row: each y_i is a dot product, vectorized when rows and x are contiguous.
  for (std::size_t i = 0; i < m; ++i) {
    const T s = dot(n, a + static_cast<std::ptrdiff_t>(i) * a_rs, a_cs, x, incx);
    T& yi = y[static_cast<std::ptrdiff_t>(i) * incy];
    yi = beta == T{} ? detail::multiply(alpha, s)
                     : detail::multiply(alpha, s) + detail::multiply(beta, yi);
  }
}

}  // namespace linal::kernels
