#pragma once
/// \file
/// Real Householder reflectors H = I - tau v v^T (v[0] = 1) for the spectral reductions, with
/// the two applications they need on row-major storage: from the left to a block of rows and
/// from the right to a block of rows, both reading and writing rows contiguously.

#include <cmath>
#include <cstddef>
#include <vector>

namespace linal::detail {

/// Turns (alpha, x[0..count)) (x strided by incx) into a reflector: afterwards H applied to
/// the original vector gives (beta, 0, ..., 0), x holds v[1..], and the return is tau (zero
/// when x is already zero, H = I). Inputs are assumed scaled to order one, so the plain sum of
/// squares neither overflows nor loses anything that matters.
template <class T>
T make_reflector(T& alpha, T* x, std::size_t count, std::ptrdiff_t incx) {
  T squares = T(0);
  for (std::size_t i = 0; i < count; ++i) squares += x[static_cast<std::ptrdiff_t>(i) * incx] * x[static_cast<std::ptrdiff_t>(i) * incx];
  if (squares == T(0)) return T(0);
  const T beta = -std::copysign(std::sqrt(alpha * alpha + squares), alpha);
  const T tau = (beta - alpha) / beta;
  const T scale = T(1) / (alpha - beta);
  for (std::size_t i = 0; i < count; ++i) x[static_cast<std::ptrdiff_t>(i) * incx] *= scale;
  alpha = beta;
  return tau;
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
    T s = row[0];
    for (std::size_t j = 1; j < cols; ++j) s += row[j] * v[j];
    s *= tau;
    row[0] -= s;
    for (std::size_t j = 1; j < cols; ++j) row[j] -= s * v[j];
  }
}

}  // namespace linal::detail
