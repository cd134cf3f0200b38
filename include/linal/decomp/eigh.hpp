#pragma once
/// \file
/// eigh and eigvalsh: eigenvalues and eigenvectors of a real symmetric matrix, as NumPy's
/// numpy.linalg.eigh and eigvalsh. Householder tridiagonalization, then divide and conquer
/// (eigh from order 32 on) or implicit QL (small eigh, eigvalsh) on the tridiagonal matrix.

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../core/shape.hpp"
#include "detail/safe_scaling.hpp"
#include "detail/tridiagonal.hpp"
#include "detail/tridiagonal_divide_conquer.hpp"
#include "detail/tridiagonalize.hpp"

namespace linal {

/// What eigh returns: `auto [w, V] = eigh(A);` with A V = V diag(w).
template <class T>
struct EighResult {
  /// The eigenvalues in ascending order, each repeated by its multiplicity.
  Vector<T> eigenvalues;
  /// Orthonormal eigenvectors: column j belongs to eigenvalues[j].
  Matrix<T> eigenvectors;
};

namespace detail {

/// The scaled copy of A's lower triangle, transposed into the upper triangle that both eigh
/// and eigvalsh reduce (the strict lower triangle of the copy is left unspecified), and the
/// power-of-two exponent that scaled it.
template <class T, class E>
std::vector<T> symmetric_work_copy(const char* function, const E& a, int& exponent) {
  if (a.rows() != a.cols())
    throw shape_error(std::string(function) + ": expected a square matrix, got shape " + shape_string(a));
  const std::size_t n = a.rows();
  std::vector<T> w(n * n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) w[i * n + j] = static_cast<T>(a(i, j));
  exponent = unit_exponent(checked_max_abs(function, w.data(), n, n, n, true));
  // Multiplying by 2^exponent is as exact as ldexp where that power is a normal number, and
  // much cheaper than a library call per entry.
  const bool normal_scale = std::abs(exponent) < std::numeric_limits<T>::max_exponent - 1;
  const T scale = std::ldexp(T(1), normal_scale ? exponent : 0);
  constexpr std::size_t tile = 32;
  for (std::size_t i0 = 0; i0 < n; i0 += tile)
    for (std::size_t j0 = 0; j0 <= i0; j0 += tile)
      for (std::size_t i = i0; i < std::min(n, i0 + tile); ++i)
        for (std::size_t j = j0; j < std::min(i + 1, j0 + tile); ++j)
          w[j * n + i] = normal_scale ? w[i * n + j] * scale : std::ldexp(w[i * n + j], exponent);
  return w;
}

/// From this order on, eigh's tridiagonal stage is divide and conquer: measured faster from 32
/// (1.3x there, 2.5x at 128); below, implicit QL with its rotations applied to Q^T is as fast.
inline constexpr std::size_t eigh_divide_conquer_order = 32;

/// a := a^T for the n x n row-major matrix a, in 32 x 32 tiles so that both sides of each
/// swap stay in cache.
template <class T>
void transpose_in_place(std::size_t n, T* a) {
  constexpr std::size_t tile = 32;
  for (std::size_t i0 = 0; i0 < n; i0 += tile)
    for (std::size_t j0 = i0; j0 < n; j0 += tile)
      for (std::size_t i = i0; i < std::min(n, i0 + tile); ++i)
        for (std::size_t j = std::max(j0, i + 1); j < std::min(n, j0 + tile); ++j) std::swap(a[i * n + j], a[j * n + i]);
}

template <class T>
Vector<T> unscaled_values(const std::vector<T>& d, int exponent) {
  Vector<T> w(d.size());
  for (std::size_t i = 0; i < d.size(); ++i) w[i] = std::ldexp(d[i], -exponent);
  return w;
}

}  // namespace detail

/// Eigenvalues (ascending) and orthonormal eigenvectors of the real symmetric n x n matrix A:
/// A = V diag(w) V^T. Only the lower triangle of A is read (NumPy's UPLO='L'); the strict upper
/// triangle is ignored. Eigenvector signs are not normalized (any sign is an eigenvector).
/// Three stages, each mostly in gemm: blocked Householder tridiagonalization A = Q T Q^T
/// (4/3 n^3 flops, half in gemm); Cuppen's divide and conquer on T, its merges' eigenvector
/// updates through gemm (about 4/3 n^3 flops, fewer where eigenvalues cluster and deflate);
/// then V = Q Z by blocks of reflectors (2 n^3 flops in gemm). About 14/3 n^3 flops in all.
/// Below order 32 the tridiagonal stage is implicit QL with Wilkinson shifts instead.
/// The matrix is scaled internally by a power of two, so entries near overflow or underflow
/// are fine. Throws shape_error when A is not square, non_finite_error when its lower triangle
/// holds NaN or infinity, convergence_error if QL fails within 30 n sweeps or a root of a
/// merge's secular equation within 200 steps.
template <Expression E>
  requires std::floating_point<value_t<E>>
EighResult<value_t<E>> eigh(const E& A) {
  using T = value_t<E>;
  int exponent = 0;
  std::vector<T> w = detail::symmetric_work_copy<T>("eigh", A, exponent);
  const std::size_t n = A.rows();
  std::vector<T> d(n), e(n + 1), tau(n + 1);
  detail::tridiagonalize(n, w.data(), d.data(), e.data(), tau.data());
  // Both tridiagonal solvers leave the eigenvectors in rows, transposed in place into V's
  // columns.
  Matrix<T> V(n, n);
  if (n >= detail::eigh_divide_conquer_order) {
    detail::tridiagonal_divide_conquer<T>::solve(n, d.data(), e.data(), V.data(), n, "eigh");
    detail::transpose_in_place(n, V.data());
    detail::apply_tridiagonal_q(n, w.data(), tau.data(), n, V.data(), n);
  } else {
    detail::form_tridiagonal_qt(n, w.data(), tau.data(), V.data());
    detail::tridiagonal_ql(n, d.data(), e.data(), V.data(), n, n, "eigh");
    detail::sort_ascending(n, d.data(), V.data(), n, n);
    detail::transpose_in_place(n, V.data());
  }
  return {detail::unscaled_values(d, exponent), std::move(V)};
}

/// The eigenvalues of the real symmetric matrix A in ascending order, without eigenvectors
/// (NumPy's eigvalsh); reads the lower triangle only. About 4/3 n^3 flops (the reduction),
/// then O(n^2). Throws as eigh.
template <Expression E>
  requires std::floating_point<value_t<E>>
Vector<value_t<E>> eigvalsh(const E& A) {
  using T = value_t<E>;
  int exponent = 0;
  std::vector<T> w = detail::symmetric_work_copy<T>("eigvalsh", A, exponent);
  const std::size_t n = A.rows();
  std::vector<T> d(n), e(n + 1), tau(n + 1);
  detail::tridiagonalize(n, w.data(), d.data(), e.data(), tau.data());
  detail::tridiagonal_ql<T>(n, d.data(), e.data(), nullptr, 0, 0, "eigvalsh");
  detail::sort_ascending<T>(n, d.data(), nullptr, 0, 0);
  return detail::unscaled_values(d, exponent);
}

}  // namespace linal
