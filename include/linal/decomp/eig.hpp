#pragma once
/// \file
/// eig and eigvals: eigenvalues and right eigenvectors of a general real or complex square
/// matrix, as NumPy's numpy.linalg.eig and eigvals. Real input: Hessenberg reduction, Francis
/// double-shift QR to real Schur form, then back substitution for the eigenvectors. Complex
/// input: Hessenberg reduction with complex reflectors, single-shift QR to complex (upper
/// triangular) Schur form, then back substitution likewise.

#include <cmath>
#include <complex>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "../core/concepts.hpp"
#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../core/shape.hpp"
#include "detail/complex_hessenberg.hpp"
#include "detail/complex_schur_eigenvectors.hpp"
#include "detail/complex_schur_qr.hpp"
#include "detail/francis_qr.hpp"
#include "detail/hessenberg.hpp"
#include "detail/input.hpp"
#include "detail/safe_scaling.hpp"
#include "detail/schur_eigenvectors.hpp"

namespace linal {

/// What eig returns: `auto [w, V] = eig(A);` with A V = V diag(w). T is the real type (double
/// for a Matrix<double> or a Matrix<std::complex<double>>).
template <class T>
struct EigResult {
  /// The eigenvalues, complex, in no particular order (for real A a complex pair appears as
  /// adjacent entries, positive imaginary part first).
  Vector<std::complex<T>> eigenvalues;
  /// Unit 2-norm right eigenvectors: column j belongs to eigenvalues[j].
  Matrix<std::complex<T>> eigenvectors;
};

namespace detail {

/// The Schur form of the scaled n x n copy of A (real quasi-triangular for real T, upper
/// triangular for complex T), the adjoint of its Schur vectors and its eigenvalues; exponent is
/// the power of two the copy was scaled by. Without vectors, complex T skips the Schur vectors
/// (the real path forms them regardless).
template <class T, class E>
void schur_form(const char* function, const E& A, bool vectors, std::vector<T>& h, std::vector<T>& zh,
                std::vector<std::complex<real_t<T>>>& w, int& exponent) {
  if (A.rows() != A.cols())
    throw shape_error(std::string(function) + ": expected a square matrix, got shape " + shape_string(A));
  const std::size_t n = A.rows();
  h.resize(n * n);
  zh.resize(is_complex_v<T> && !vectors ? 0 : n * n);
  w.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) h[i * n + j] = static_cast<T>(A(i, j));
  exponent = unit_exponent(checked_max_abs(function, h.data(), n, n, n));
  if constexpr (is_complex_v<T>) {
    for (T& x : h) x = {std::ldexp(x.real(), exponent), std::ldexp(x.imag(), exponent)};
    T* schur_vectors = vectors ? zh.data() : nullptr;
    complex_hessenberg(n, h.data(), schur_vectors);
    complex_schur_qr(n, h.data(), schur_vectors, w.data(), function);
  } else {
    for (T& x : h) x = std::ldexp(x, exponent);
    hessenberg(n, h.data(), zh.data());
    francis_qr(n, h.data(), zh.data(), w.data(), function);
  }
}

/// The eigenvalues w, scaled back by 2^-exponent.
template <class R>
Vector<std::complex<R>> unscaled(const std::vector<std::complex<R>>& w, int exponent) {
  Vector<std::complex<R>> result(w.size());
  for (std::size_t i = 0; i < w.size(); ++i)
    result[i] = {std::ldexp(w[i].real(), -exponent), std::ldexp(w[i].imag(), -exponent)};
  return result;
}

}  // namespace detail

/// Eigenvalues and right eigenvectors of the real or complex n x n matrix A: A V = V diag(w).
/// The results are complex even when every eigenvalue is real (NumPy would return real arrays
/// then). Each eigenvector has unit 2-norm. For complex A, and for the complex vectors of a
/// real A, the entry of largest modulus is made real and positive; a real vector of a real A
/// keeps the sign the algorithm gives. For a defective matrix the vectors of a repeated eigenvalue are (nearly)
/// parallel, as in LAPACK. No balancing is done. Real A: Hessenberg reduction, Francis
/// double-shift QR, back substitution, about 25 n^3 flops. Complex A: Hessenberg reduction with
/// complex reflectors, single-shift QR to triangular Schur form, back substitution; O(n^3),
/// each complex operation costing about four real ones.
/// Scaled internally by a power of two, so entries near overflow or underflow are fine.
/// Integer matrices do not compile: convert with A.cast<double>().
/// Throws shape_error when A is not square, non_finite_error for NaN or infinite entries,
/// convergence_error when the QR iteration fails (after 30 max(10, n) iterations on a block).
template <Expression E>
auto eig(const E& A) {
  using T = value_t<E>;
  decomp_detail::require_field<T>();
  if constexpr (Field<T>) {
    using R = real_t<T>;
    std::vector<T> h, zh;
    std::vector<std::complex<R>> w;
    int exponent = 0;
    detail::schur_form("eig", A, true, h, zh, w, exponent);
    const std::size_t n = A.rows();
    Matrix<std::complex<R>> vectors(n, n);
    if constexpr (is_complex_v<T>)
      detail::complex_schur_eigenvectors(n, h.data(), zh.data(), vectors.data());
    else
      detail::schur_eigenvectors(n, h.data(), zh.data(), w.data(), vectors.data());
    return EigResult<R>{detail::unscaled(w, exponent), std::move(vectors)};
  }
}

/// The eigenvalues of the real or complex square matrix A, complex, without eigenvectors
/// (NumPy's eigvals). About 10 n^3 flops for real A, O(n^3) complex ones for complex A. It
/// runs the same iteration as eig (for complex A without accumulating the Schur vectors), so
/// the two return the same eigenvalues. Throws as eig.
template <Expression E>
auto eigvals(const E& A) {
  using T = value_t<E>;
  decomp_detail::require_field<T>();
  if constexpr (Field<T>) {
    std::vector<T> h, zh;
    std::vector<std::complex<real_t<T>>> w;
    int exponent = 0;
    detail::schur_form("eigvals", A, false, h, zh, w, exponent);
    return detail::unscaled(w, exponent);
  }
}

}  // namespace linal
