#pragma once
/// \file
/// The two applications of a real Householder reflector H = I - tau v v^T that the spectral
/// reductions need on row-major storage, from the left and from the right, both streaming
/// along contiguous rows, and the blocked formation of the orthogonal factor they leave. v[0]
/// is never read (it is implicitly one), so the reflectors can stay where
/// householder::make_reflector left them, next to the entry that holds beta.

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "../../simd/simd.hpp"
#include "../householder.hpp"

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

/// X := X (H_0 H_1 ... H_{r-1})^T for the rows x order matrix X (row stride ld), which holds
/// [I 0] on entry: it leaves the first `rows` rows of Q^T, Q = H_0 ... H_{r-1}. Reflector j
/// acts on indices j..order-1; entry i > j of its vector is v[i * v_rs + j * v_cs] (the unit
/// entry at i = j is implied) and its scalar is tau[j]. The reflectors go in blocks through
/// householder::block_reflector, last block first, each meeting only the rows and columns it
/// changes, so nearly all of the O(4 rows order r) flops are spent in kernels::gemm.
template <class T>
void form_reflector_product_transpose(std::size_t r, std::size_t order, const T* v, std::ptrdiff_t v_rs,
                                      std::ptrdiff_t v_cs, const T* tau, std::size_t rows, T* x, std::size_t ld) {
  constexpr std::size_t block = 32;
  const auto ldx = static_cast<std::ptrdiff_t>(ld);
  for (std::size_t end = r; end > 0;) {
    const std::size_t start = end > block ? end - block : 0;
    if (start < rows) {
      const auto offset = static_cast<std::ptrdiff_t>(start);
      householder::block_reflector<T> reflectors(order - start, end - start, v + offset * v_rs + offset * v_cs, v_rs,
                                                 v_cs, tau + start);
      reflectors.apply_right(true, rows - start, x + start * ld + start, ldx, 1);
    }
    end = start;
  }
}

}  // namespace linal::detail
