#pragma once
/// \file
/// Cholesky factorization of a Hermitian (real: symmetric) positive definite matrix,
/// A = L L^H: `cholesky(A)` returns L, `cho_factor(A)` a factor that solves.
///
/// Only the lower triangle of A is read; the strict upper triangle may hold anything. The
/// algorithm is recursive: factor the leading half, one triangular solve for the block below
/// it, a Hermitian rank-k update of the trailing half (itself recursive, so that it runs in
/// kernels::gemm on blocks below the diagonal), then factor the trailing half.

#include <cmath>
#include <complex>
#include <cstddef>
#include <string>

#include "../core/concepts.hpp"
#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../kernels/gemm.hpp"
#include "detail/input.hpp"
#include "detail/triangular.hpp"

namespace linal {

namespace decomp_detail {

inline constexpr std::size_t cholesky_leaf = 32;
inline constexpr std::size_t rank_update_leaf = 64;

/// Row-by-row Cholesky of the n x n lower triangle at a (row stride lda): each row is a set
/// of contiguous dot products with the rows above. Returns the order of the first leading
/// minor that is not positive definite (1-based), or 0.
template <class T>
std::size_t cholesky_unblocked(std::size_t n, T* a, std::ptrdiff_t lda) {
  using R = real_t<T>;
  auto row = [&](std::size_t i) { return a + static_cast<std::ptrdiff_t>(i) * lda; };
  for (std::size_t i = 0; i < n; ++i) {
    T* ri = row(i);
    for (std::size_t j = 0; j < i; ++j) {
      const T* rj = row(j);
      T s = ri[j];
      for (std::size_t k = 0; k < j; ++k) s -= ri[k] * conj_if_complex(rj[k]);
      ri[j] = s / rj[j];
    }
    R d = real_part(ri[i]);
    for (std::size_t k = 0; k < i; ++k) d -= std::norm(std::complex<R>(ri[k]));
    if (!(d > R(0))) return i + 1;
    ri[i] = T(std::sqrt(d));
  }
  return 0;
}

/// C := C - A A^H on the lower triangle of the n x n matrix C, A n x k (both row-major),
/// given ah = A^H as a k x n strided array (ah_rs, ah_cs). Blocks wholly below the diagonal go
/// to gemm; the small diagonal blocks are computed whole (their strict upper part is never read).
template <class T>
void rank_update_lower(std::size_t n, std::size_t k, const T* a, std::ptrdiff_t lda, const T* ah, std::ptrdiff_t ah_rs,
                       std::ptrdiff_t ah_cs, T* c, std::ptrdiff_t ldc) {
  if (n == 0 || k == 0) return;
  if (n <= rank_update_leaf) {
    kernels::gemm(n, n, k, T(-1), a, lda, std::ptrdiff_t(1), ah, ah_rs, ah_cs, T(1), c, ldc, std::ptrdiff_t(1));
    return;
  }
  const std::size_t n1 = n / 2, n2 = n - n1;
  const T* a2 = a + static_cast<std::ptrdiff_t>(n1) * lda;
  T* c21 = c + static_cast<std::ptrdiff_t>(n1) * ldc;
  rank_update_lower(n1, k, a, lda, ah, ah_rs, ah_cs, c, ldc);
  kernels::gemm(n2, n1, k, T(-1), a2, lda, std::ptrdiff_t(1), ah, ah_rs, ah_cs, T(1), c21, ldc, std::ptrdiff_t(1));
  rank_update_lower(n2, k, a2, lda, ah + static_cast<std::ptrdiff_t>(n1) * ah_cs, ah_rs, ah_cs, c21 + n1, ldc);
}

/// Recursive Cholesky of the lower triangle of the n x n row-major block at a: L overwrites
/// it. Returns the first leading minor (1-based) that is not positive definite, or 0.
template <class T>
std::size_t cholesky_recursive(std::size_t n, T* a, std::ptrdiff_t lda) {
  if (n <= cholesky_leaf) return cholesky_unblocked(n, a, lda);
  const std::size_t n1 = n / 2, n2 = n - n1;
  T* a21 = a + static_cast<std::ptrdiff_t>(n1) * lda;
  T* a22 = a21 + n1;
  if (const std::size_t minor = cholesky_recursive(n1, a, lda)) return minor;
  // L21 = A21 L11^-H, solved against a contiguous copy of L11^H.
  Matrix<T> l11h(n1, n1);
  for (std::size_t i = 0; i < n1; ++i)
    for (std::size_t j = 0; j <= i; ++j) l11h(j, i) = conj_if_complex(a[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j)]);
  solve_triangular_right(false, false, n2, n1, l11h.data(), l11h.row_stride(), std::ptrdiff_t(1), a21, lda, std::ptrdiff_t(1));
  // A22 -= L21 L21^H; for real T, L21^T is L21 with its strides swapped, no copy needed.
  if constexpr (is_complex_v<T>) {
    Matrix<T> l21h(n1, n2);
    for (std::size_t i = 0; i < n2; ++i)
      for (std::size_t j = 0; j < n1; ++j) l21h(j, i) = std::conj(a21[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j)]);
    rank_update_lower(n2, n1, a21, lda, l21h.data(), l21h.row_stride(), std::ptrdiff_t(1), a22, lda);
  } else {
    rank_update_lower(n2, n1, a21, lda, a21, std::ptrdiff_t(1), lda, a22, lda);
  }
  if (const std::size_t minor = cholesky_recursive(n2, a22, lda)) return minor + n1;
  return 0;
}

/// Factors a copy of the lower triangle of a; returns L with a zero strict upper triangle.
template <Expression E>
Matrix<value_t<E>> cholesky_lower(const char* function, const E& a) {
  require_field<value_t<E>>();
  require_square(function, a);
  using T = value_t<E>;
  const std::size_t n = a.rows();
  Matrix<T> l(n, n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) l(i, j) = a(i, j);
  // x * 0 is NaN exactly for NaN and infinity: one vectorizable pass finds whether to look.
  T probe(0);
  for (const T& x : l) probe += x * real_t<T>(0);
  if (!is_finite(probe)) require_finite(function, l);
  if (const std::size_t minor = cholesky_recursive(l.rows(), l.data(), l.row_stride()))
    throw not_positive_definite_error(std::string(function) + ": the matrix is not positive definite: the leading minor of order " +
                                          std::to_string(minor) + " is not positive",
                                      minor);
  // The rank updates also wrote the strict upper parts of small diagonal blocks.
  for (std::size_t i = 0; i < l.rows(); ++i)
    for (std::size_t j = i + 1; j < l.cols(); ++j) l(i, j) = value_t<E>(0);
  return l;
}

}  // namespace decomp_detail

/// The Cholesky factor of a Hermitian positive definite A (n x n), as SciPy's cholesky: lower
/// (default) gives L with A = L L^H, lower = false gives U = L^H with A = U^H U. Reads only the
/// lower triangle of A. O(n^3 / 3). Throws shape_error if A is not square,
/// not_positive_definite_error naming the first leading minor (1-based) that is not positive,
/// non_finite_error for NaN or infinity in the lower triangle.
template <Expression E>
auto cholesky(const E& a, bool lower = true) {
  decomp_detail::require_field<value_t<E>>();
  if constexpr (Field<value_t<E>>) {
    auto l = decomp_detail::cholesky_lower("cholesky", a);
    if (lower) return l;
    Matrix<value_t<E>> u(l.cols(), l.rows());
    for (std::size_t i = 0; i < l.rows(); ++i)
      for (std::size_t j = 0; j <= i; ++j) u(j, i) = decomp_detail::conj_if_complex(l(i, j));
    return u;
  }
}

/// The Cholesky factor kept for solves (SciPy's cho_factor / cho_solve in one object).
template <Field T>
class CholeskyFactor {
 public:
  /// Factors the lower triangle of a; throws as cholesky().
  template <Expression E>
  explicit CholeskyFactor(const E& a) : l_(decomp_detail::cholesky_lower("cho_factor", a)) {}

  /// L, lower triangular with a positive real diagonal: A = L L^H.
  const Matrix<T>& l() const noexcept { return l_; }

  /// Solves A X = B for a vector or matrix B with n rows; returns X of B's shape. Two
  /// triangular solves, O(n^2) per column. Throws shape_error if B has the wrong number of rows.
  template <Expression B>
  decomp_detail::solve_result_t<T, B> solve(const B& b) const {
    decomp_detail::require_rhs_rows("cho_factor.solve", l_.rows(), l_.cols(), b);
    auto x = decomp_detail::rhs_copy<T>(b);
    const std::size_t n = l_.rows(), nrhs = x.cols();
    const auto ld = l_.row_stride(), ldx = x.row_stride();
    decomp_detail::solve_triangular_left(true, false, n, nrhs, l_.data(), ld, std::ptrdiff_t(1), x.data(), ldx, std::ptrdiff_t(1));
    // L^H X = Y is conj(L)^T conj(X) = conj(Y): an upper solve with L's strides swapped.
    if constexpr (is_complex_v<T>)
      for (auto& v : x) v = std::conj(v);
    decomp_detail::solve_triangular_left(false, false, n, nrhs, l_.data(), std::ptrdiff_t(1), ld, x.data(), ldx, std::ptrdiff_t(1));
    if constexpr (is_complex_v<T>)
      for (auto& v : x) v = std::conj(v);
    return x;
  }

  /// The determinant, the squared product of L's diagonal (real and positive). O(n).
  real_t<T> det() const {
    real_t<T> d(1);
    for (std::size_t i = 0; i < l_.rows(); ++i) d *= decomp_detail::real_part(l_(i, i));
    return d * d;
  }

 private:
  Matrix<T> l_;
};

/// Factors a Hermitian positive definite A for reuse: `cho_factor(A).solve(B)`. Reads only the
/// lower triangle. O(n^3 / 3). Throws as cholesky().
template <Expression E>
auto cho_factor(const E& a) {
  decomp_detail::require_field<value_t<E>>();
  if constexpr (Field<value_t<E>>) return CholeskyFactor<value_t<E>>(a);
}

}  // namespace linal
