#pragma once
// Strided matrix-vector product, the level-2 kernel under linal::matmul(A, v).

#include <cstddef>
#include <type_traits>

#include "linal/kernels/avx2.hpp"
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

#if defined(__AVX2__) && defined(__FMA__)
/// The dot products of four contiguous rows of A (row stride lda) with a contiguous x, into
/// out[0..3]: each vector of x is loaded once for the four rows, and eight independent sums
/// hide the FMA latency.
template <class V, class T>
void dot_four_rows(std::size_t n, const T* a0, std::ptrdiff_t lda, const T* x, T* out) {
  constexpr std::size_t w = V::lanes;
  const T* a1 = a0 + lda;
  const T* a2 = a1 + lda;
  const T* a3 = a2 + lda;
  auto s00 = V::zero(), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00, s31 = s00;
  std::size_t j = 0;
  for (; j + 2 * w <= n; j += 2 * w) {
    const auto x0 = V::load(x + j), x1 = V::load(x + j + w);
    s00 = V::fma(V::load(a0 + j), x0, s00);
    s01 = V::fma(V::load(a0 + j + w), x1, s01);
    s10 = V::fma(V::load(a1 + j), x0, s10);
    s11 = V::fma(V::load(a1 + j + w), x1, s11);
    s20 = V::fma(V::load(a2 + j), x0, s20);
    s21 = V::fma(V::load(a2 + j + w), x1, s21);
    s30 = V::fma(V::load(a3 + j), x0, s30);
    s31 = V::fma(V::load(a3 + j + w), x1, s31);
  }
  T r0 = V::sum(V::add(s00, s01)), r1 = V::sum(V::add(s10, s11));
  T r2 = V::sum(V::add(s20, s21)), r3 = V::sum(V::add(s30, s31));
  for (; j < n; ++j) {
    r0 += a0[j] * x[j];
    r1 += a1[j] * x[j];
    r2 += a2[j] * x[j];
    r3 += a3[j] * x[j];
  }
  out[0] = r0;
  out[1] = r1;
  out[2] = r2;
  out[3] = r3;
}
#endif

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
  const auto store = [&](std::size_t i, T s) {
    T& yi = y[static_cast<std::ptrdiff_t>(i) * incy];
    yi = beta == T{} ? detail::multiply(alpha, s)
                     : detail::multiply(alpha, s) + detail::multiply(beta, yi);
  };
  std::size_t i = 0;
#if defined(__AVX2__) && defined(__FMA__)
  using V = typename detail::avx2_for<T>::type;
  if constexpr (!std::is_void_v<V>)
    if (a_cs == 1 && incx == 1)
      for (; i + 4 <= m; i += 4) {
        T s[4];
        detail::dot_four_rows<V>(n, a + static_cast<std::ptrdiff_t>(i) * a_rs, a_rs, x, s);
        for (std::size_t r = 0; r < 4; ++r) store(i + r, s[r]);
      }
#endif
  // Row by row: each y_i is a dot product, vectorized when rows and x are contiguous.
  for (; i < m; ++i) store(i, dot(n, a + static_cast<std::ptrdiff_t>(i) * a_rs, a_cs, x, incx));
}

}  // namespace linal::kernels
