#pragma once
/// \file
/// eigh and eigvalsh: eigenvalues and eigenvectors of a real symmetric or complex Hermitian
/// matrix, as NumPy's numpy.linalg.eigh and eigvalsh. Householder tridiagonalization (complex
/// reflectors for Hermitian input, leaving a real tridiagonal matrix), then divide and conquer
/// (eigh from order 32 on) or implicit QL (small eigh, eigvalsh) on the real tridiagonal matrix.

#include <algorithm>
#include <cmath>
#include <complex>
#include <concepts>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "../core/concepts.hpp"
#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../core/shape.hpp"
#include "detail/hermitian_tridiagonalize.hpp"
#include "detail/input.hpp"
#include "detail/safe_scaling.hpp"
#include "detail/tridiagonal.hpp"
#include "detail/tridiagonal_divide_conquer.hpp"
#include "detail/tridiagonalize.hpp"

namespace linal {

/// What eigh returns: `auto [w, V] = eigh(A);` with A V = V diag(w). T is A's element type.
template <class T>
struct EighResult {
  /// The eigenvalues in ascending order, each repeated by its multiplicity: real for complex
  /// Hermitian A too (double for std::complex<double>), as NumPy returns them.
  Vector<real_t<T>> eigenvalues;
  /// Orthonormal (unitary for complex A) eigenvectors: column j belongs to eigenvalues[j].
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

/// eigh for complex Hermitian A: the reduction to a real tridiagonal matrix, the real
/// tridiagonal solvers eigh uses, and the complex eigenvectors from the real ones.
template <class R, class E>
EighResult<std::complex<R>> hermitian_eigh(const E& A) {
  int exponent = 0;
  std::vector<std::complex<R>> w = hermitian_work_copy<R>("eigh", A, exponent);
  const std::size_t n = A.rows();
  std::vector<R> d(n), e(n + 1), zt(n * n);
  std::vector<std::complex<R>> tau(n + 1);
  const std::complex<R> phase = hermitian_tridiagonalize(n, w.data(), d.data(), e.data(), tau.data());
  if (n >= eigh_divide_conquer_order) {
    tridiagonal_divide_conquer<R>::solve(n, d.data(), e.data(), zt.data(), n, "eigh");
  } else {
    for (std::size_t i = 0; i < n; ++i) zt[i * n + i] = R(1);
    tridiagonal_ql(n, d.data(), e.data(), zt.data(), n, n, "eigh");
    sort_ascending(n, d.data(), zt.data(), n, n);
  }
  Matrix<std::complex<R>> V(n, n);
  hermitian_eigenvectors(n, w.data(), tau.data(), phase, zt.data(), V.data());
  return {unscaled_values(d, exponent), std::move(V)};
}

/// eigvalsh for complex Hermitian A.
template <class R, class E>
Vector<R> hermitian_eigvalsh(const E& A) {
  int exponent = 0;
  std::vector<std::complex<R>> w = hermitian_work_copy<R>("eigvalsh", A, exponent);
  const std::size_t n = A.rows();
  std::vector<R> d(n), e(n + 1);
  std::vector<std::complex<R>> tau(n + 1);
  hermitian_tridiagonalize(n, w.data(), d.data(), e.data(), tau.data());
  tridiagonal_ql<R>(n, d.data(), e.data(), nullptr, 0, 0, "eigvalsh");
  sort_ascending<R>(n, d.data(), nullptr, 0, 0);
  return unscaled_values(d, exponent);
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

/// eigh of the complex Hermitian n x n matrix A (std::complex<float> or std::complex<double>
/// elements): real eigenvalues w ascending and unitary V, A = V diag(w) V^H. Reads the lower
/// triangle only, as the real eigh, and ignores the imaginary parts of the diagonal (takes them
/// as zero, as LAPACK's zheevd). Complex reflectors reduce A to a real tridiagonal matrix
/// (unblocked, about 16/3 n^3 real flops), the real eigh's tridiagonal solvers follow, and
/// V = Q Z comes from blocks of reflectors applied to Z's real and imaginary planes, each
/// complex product as four real gemms (about 8 n^3 real flops). Scales and throws as the real
/// eigh. Integer matrices do not compile: convert with A.cast<double>().
template <Expression E>
  requires(!std::floating_point<value_t<E>>)
auto eigh(const E& A) {
  using T = value_t<E>;
  decomp_detail::require_field<T>();
  if constexpr (Field<T>) return detail::hermitian_eigh<real_t<T>>(A);
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

/// The real eigenvalues of the complex Hermitian matrix A in ascending order, without
/// eigenvectors; reads the lower triangle only and ignores the diagonal's imaginary parts.
/// About 16/3 n^3 real flops (the reduction), then O(n^2). Throws as eigh.
template <Expression E>
  requires(!std::floating_point<value_t<E>>)
auto eigvalsh(const E& A) {
  using T = value_t<E>;
  decomp_detail::require_field<T>();
  if constexpr (Field<T>) return detail::hermitian_eigvalsh<real_t<T>>(A);
}

}  // namespace linal
