#pragma once
/// \file
/// Questions about a matrix's type: is_square, is_symmetric, is_hermitian,
/// is_upper_triangular, is_lower_triangular, is_diagonal, is_orthogonal (is_positive_definite,
/// which needs a factorization, is in positive_definite.hpp).
/// Tolerances follow SciPy's issymmetric: |a_ij - a_ji| <= atol + rtol |a_ji|, exact by default.
/// None of them throws for any shape; a NaN makes every structural test fail.

#include <cmath>
#include <complex>
#include <cstddef>
#include <limits>

#include "../core/matrix.hpp"
#include "../kernels/gemm.hpp"

namespace linal {

namespace detail {

template <class T>
bool within_tolerance(const T& difference, const T& reference, double atol, double rtol) {
  return static_cast<double>(std::abs(difference)) <= atol + rtol * static_cast<double>(std::abs(reference));
}

/// Whether every element (i, j) with keep(i, j) is zero within atol.
template <Expression E, class Where>
bool zero_where(const E& a, double atol, Where where) {
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j)
      if (where(i, j) && !(static_cast<double>(std::abs(a(i, j))) <= atol)) return false;
  return true;
}

}  // namespace detail

/// Whether a has as many rows as columns (0 x 0 included). O(1).
template <Expression E>
bool is_square(const E& a) {
  return a.rows() == a.cols();
}

/// Whether a is square and a_ij equals a_ji within atol + rtol |a_ji| (exactly, by default).
/// For complex matrices this is the transpose symmetry A = A^T; see is_hermitian. O(n^2).
template <Expression E>
bool is_symmetric(const E& a, double atol = 0, double rtol = 0) {
  if (!is_square(a)) return false;
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = i + 1; j < a.cols(); ++j)
      if (!detail::within_tolerance(a(i, j) - a(j, i), a(j, i), atol, rtol)) return false;
  return true;
}

/// Whether a is square and a_ij equals conj(a_ji) within atol + rtol |a_ji|: A = A^H (the
/// diagonal must then be real). For real matrices the same as is_symmetric. O(n^2).
template <Expression E>
bool is_hermitian(const E& a, double atol = 0, double rtol = 0) {
  if (!is_square(a)) return false;
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = i; j < a.cols(); ++j) {
      const auto mirror = a(j, i);
      if constexpr (is_complex_v<value_t<E>>) {
        if (!detail::within_tolerance(a(i, j) - std::conj(mirror), mirror, atol, rtol)) return false;
      } else {
        if (!detail::within_tolerance(a(i, j) - mirror, mirror, atol, rtol)) return false;
      }
    }
  return true;
}

/// Whether every element below the main diagonal is zero (|a_ij| <= atol for i > j). Any
/// shape: an m x n upper trapezoidal matrix, such as R of a QR factorization, qualifies. O(mn).
template <Expression E>
bool is_upper_triangular(const E& a, double atol = 0) {
  return detail::zero_where(a, atol, [](std::size_t i, std::size_t j) { return i > j; });
}

/// Whether every element above the main diagonal is zero (|a_ij| <= atol for i < j). Any shape.
template <Expression E>
bool is_lower_triangular(const E& a, double atol = 0) {
  return detail::zero_where(a, atol, [](std::size_t i, std::size_t j) { return i < j; });
}

/// Whether every element off the main diagonal is zero (within atol). Any shape. O(mn).
template <Expression E>
bool is_diagonal(const E& a, double atol = 0) {
  return detail::zero_where(a, atol, [](std::size_t i, std::size_t j) { return i != j; });
}

/// Whether a is square with orthonormal columns: ||A^T A - I||_1 <= tol. O(n^3) (one product).
template <Expression E>
  requires std::floating_point<value_t<E>>
bool is_orthogonal(const E& a, double tol) {
  using T = value_t<E>;
  using X = std::remove_cvref_t<E>;
  if (!is_square(a)) return false;
  const std::size_t n = a.rows();
  const Matrix<T, X::static_rows, X::static_cols> dense(a);
  Matrix<T, X::static_cols, X::static_cols> gram(n, n);
  const auto ld = static_cast<std::ptrdiff_t>(n);
  kernels::gemm<T>(n, n, n, T(1), dense.data(), 1, ld, dense.data(), ld, 1, T(0), gram.data(), ld, 1);
  for (std::size_t j = 0; j < n; ++j) {
    double column = 0;
    for (std::size_t i = 0; i < n; ++i) column += std::abs(static_cast<double>(gram(i, j)) - (i == j ? 1.0 : 0.0));
    if (!(column <= tol)) return false;
  }
  return true;
}

/// is_orthogonal with LAPACK's test threshold: ||A^T A - I||_1 <= 30 n eps (eps the unit
/// roundoff of the element type), which any orthogonal factor computed by linal satisfies.
template <Expression E>
  requires std::floating_point<value_t<E>>
bool is_orthogonal(const E& a) {
  const double eps = static_cast<double>(std::numeric_limits<value_t<E>>::epsilon()) / 2;
  return is_orthogonal(a, 30.0 * static_cast<double>(a.rows()) * eps);
}

}  // namespace linal
