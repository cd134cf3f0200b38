#pragma once
/// \file
/// The two applications of a real Householder reflector H = I - tau v v^T that the spectral
/// reductions need on row-major storage, from the left and from the right, both streaming
/// along contiguous rows. v[0] is never read (it is implicitly one), so the reflectors can stay
/// where householder::make_reflector left them, next to the entry that holds beta.

#include <cmath>
#include <cstddef>

#include "../../simd/simd.hpp"

namespace linal::detail {

/// sum x[j] y[j] over contiguous x and y (n entries). Independent SIMD partial sums: a plain
/// loop is a serial chain of additions that the compiler may not reorder.
template <class T>
T contiguous_dot(std::size_t n, const T* x, const T* y) {
  std::size_t j = 0;
  T sum = T(0);
  if constexpr (simd::has_batch<T>) {
    using B = simd::batch<T>;
    constexpr std::size_t w = B::size();
    B acc0(T(0)), acc1(T(0));
    for (; j + 2 * w <= n; j += 2 * w) {
      acc0 += simd::load(x + j) * simd::load(y + j);
      acc1 += simd::load(x + j + w) * simd::load(y + j + w);
    }
    sum = std::experimental::reduce(acc0 + acc1);
  }
  for (; j < n; ++j) sum += x[j] * y[j];
  return sum;
}

/// Block (rows x cols, row stride ld) = H * block, with v (rows entries, v[0] = 1) strided by
/// incv. work holds cols entries.
template <class T>
void reflect_left(std::size_t rows, std::size_t cols, T* block, std::size_t ld, const T* v,
                  std::ptrdiff_t incv, T tau, T* work) {
  if (tau == T(0) || cols == 0) return;
  for (std::size_t j = 0; j < cols; ++j) work[j] = block[j];
  for (std::size_t i = 1; i < rows; ++i) {
    const T vi = v[static_cast<std::ptrdiff_t>(i) * incv];
    const T* row = block + i * ld;
    for (std::size_t j = 0; j < cols; ++j) work[j] += vi * row[j];
  }
  for (std::size_t j = 0; j < cols; ++j) block[j] -= tau * work[j];
  for (std::size_t i = 1; i < rows; ++i) {
    const T f = tau * v[static_cast<std::ptrdiff_t>(i) * incv];
    T* row = block + i * ld;
    for (std::size_t j = 0; j < cols; ++j) row[j] -= f * work[j];
  }
}

/// Block (rows x cols, row stride ld) = block * H, with v (cols entries, v[0] = 1) contiguous.
template <class T>
void reflect_right(std::size_t rows, std::size_t cols, T* block, std::size_t ld, const T* v, T tau) {
  if (tau == T(0) || cols == 0) return;
  for (std::size_t i = 0; i < rows; ++i) {
    T* row = block + i * ld;
    const T s = tau * (row[0] + contiguous_dot(cols - 1, row + 1, v + 1));
    row[0] -= s;
    for (std::size_t j = 1; j < cols; ++j) row[j] -= s * v[j];
  }
}

}  // namespace linal::detail
