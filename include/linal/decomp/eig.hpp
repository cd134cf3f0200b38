#pragma once
/// \file
/// eig and eigvals: eigenvalues and right eigenvectors of a general real square matrix, as
/// NumPy's numpy.linalg.eig and eigvals. Hessenberg reduction, Francis double-shift QR to real
/// Schur form, then back substitution for the eigenvectors.

#include <cmath>
#include <complex>
#include <concepts>
#include <cstddef>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../core/shape.hpp"
#include "detail/francis_qr.hpp"
#include "detail/hessenberg.hpp"
#include "detail/safe_scaling.hpp"
#include "detail/schur_eigenvectors.hpp"

namespace linal {

/// What eig returns: `auto [w, V] = eig(A);` with A V = V diag(w).
template <class T>
struct EigResult {
  /// The eigenvalues, complex, in no particular order (a complex pair appears as adjacent
  /// entries, positive imaginary part first).
  Vector<std::complex<T>> eigenvalues;
  /// Unit 2-norm right eigenvectors: column j belongs to eigenvalues[j].
  Matrix<std::complex<T>> eigenvectors;
};

namespace detail {

/// The Schur form of the scaled n x n copy of A, its transposed Schur vectors and eigenvalues.
template <class T, class E>
void real_schur(const char* function, const E& A, std::vector<T>& h, std::vector<T>& zt,
                std::vector<std::complex<T>>& w, int& exponent) {
  if (A.rows() != A.cols())
    throw shape_error(std::string(function) + ": expected a square matrix, got shape " + shape_string(A));
  const std::size_t n = A.rows();
  h.resize(n * n);
  zt.resize(n * n);
  w.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) h[i * n + j] = static_cast<T>(A(i, j));
  exponent = unit_exponent(checked_max_abs(function, h.data(), n, n, n));
  for (T& x : h) x = std::ldexp(x, exponent);
  hessenberg(n, h.data(), zt.data());
  francis_qr(n, h.data(), zt.data(), w.data(), function);
}

}  // namespace detail

/// Eigenvalues and right eigenvectors of the real n x n matrix A: A V = V diag(w). The results
/// are complex even when every eigenvalue is real (NumPy would return real arrays then). Each
/// eigenvector has unit 2-norm; a complex one is scaled so that its largest entry is real and
/// positive, a real one keeps the sign the algorithm gives. For a defective matrix the vectors
/// of a repeated eigenvalue are (nearly) parallel, as in LAPACK. No balancing is done.
/// Hessenberg reduction, Francis double-shift QR, back substitution: about 25 n^3 flops.
/// Scaled internally by a power of two, so entries near overflow or underflow are fine.
/// Throws shape_error when A is not square, non_finite_error for NaN or infinite entries,
/// convergence_error when the QR iteration fails (after 30 max(10, n) iterations on a block).
template <Expression E>
  requires std::floating_point<value_t<E>>
EigResult<value_t<E>> eig(const E& A) {
  using T = value_t<E>;
  std::vector<T> h, zt;
  std::vector<std::complex<T>> w;
  int exponent = 0;
  detail::real_schur("eig", A, h, zt, w, exponent);
  const std::size_t n = A.rows();
  EigResult<T> result{Vector<std::complex<T>>(n), Matrix<std::complex<T>>(n, n)};
  detail::schur_eigenvectors(n, h.data(), zt.data(), w.data(), result.eigenvectors.data());
  for (std::size_t i = 0; i < n; ++i)
    result.eigenvalues[i] = {std::ldexp(w[i].real(), -exponent), std::ldexp(w[i].imag(), -exponent)};
  return result;
}

/// The eigenvalues of the real square matrix A, complex, without eigenvectors (NumPy's
/// eigvals). About 10 n^3 flops. Throws as eig.
template <Expression E>
  requires std::floating_point<value_t<E>>
Vector<std::complex<value_t<E>>> eigvals(const E& A) {
  using T = value_t<E>;
  std::vector<T> h, zt;
  std::vector<std::complex<T>> w;
  int exponent = 0;
  detail::real_schur("eigvals", A, h, zt, w, exponent);
  Vector<std::complex<T>> result(A.rows());
  for (std::size_t i = 0; i < A.rows(); ++i)
    result[i] = {std::ldexp(w[i].real(), -exponent), std::ldexp(w[i].imag(), -exponent)};
  return result;
}

}  // namespace linal
