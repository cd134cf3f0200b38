#pragma once
/// \file
/// matrix_rank, null_space and orth: the rank and the two fundamental subspaces an SVD
/// reveals, as NumPy's matrix_rank and SciPy's null_space and orth.

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <limits>

#include "../core/matrix.hpp"
#include "../decomp/svd.hpp"

namespace linal {

/// The number of singular values of the real m x n matrix A above tol. A negative tol (the
/// default) means max(s) * max(m, n) * eps, NumPy's default. O(m n min(m, n)) through
/// svdvals. Throws non_finite_error for NaN or infinite entries.
template <Expression E>
  requires std::floating_point<value_t<E>>
std::size_t matrix_rank(const E& A, value_t<E> tol = -1) {
  using T = value_t<E>;
  const Vector<T> s = detail::svdvals_named("matrix_rank", A);
  if (s.size() == 0) return 0;
  if (tol < T(0)) tol = s[0] * T(std::max(A.rows(), A.cols())) * std::numeric_limits<T>::epsilon();
  std::size_t rank = 0;
  while (rank < s.size() && s[rank] > tol) ++rank;
  return rank;
}

namespace detail {

/// How many singular values count as nonzero with SciPy's rcond rule (negative: eps max(m, n)).
template <class T>
std::size_t numerical_rank(const Vector<T>& s, std::size_t m, std::size_t n, T rcond) {
  if (rcond < T(0)) rcond = std::numeric_limits<T>::epsilon() * T(std::max(m, n));
  const T cutoff = s.size() ? s[0] * rcond : T(0);
  std::size_t rank = 0;
  while (rank < s.size() && s[rank] > cutoff) ++rank;
  return rank;
}

}  // namespace detail

/// An orthonormal basis of the null space of the real m x n matrix A, as the columns of an
/// n x (n - r) matrix, r the numerical rank: singular values <= rcond * max(s) count as zero;
/// a negative rcond (the default) means eps * max(m, n), SciPy's default. A Q is zero to
/// working accuracy. O(m n^2 + n^3) through the full svd. Throws as svd.
template <Expression E>
  requires std::floating_point<value_t<E>>
Matrix<value_t<E>> null_space(const E& A, value_t<E> rcond = -1) {
  using T = value_t<E>;
  const std::size_t n = A.cols();
  const auto [U, S, Vh] = detail::svd_named("null_space", A, true);
  const std::size_t r = detail::numerical_rank(S, A.rows(), n, rcond);
  Matrix<T> Q(n, n - r);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = r; j < n; ++j) Q(i, j - r) = Vh(j, i);
  return Q;
}

/// An orthonormal basis of the range (column space) of the real m x n matrix A, as the columns
/// of an m x r matrix, r the numerical rank with the rcond rule of null_space. O(m n min(m, n)).
/// Throws as svd.
template <Expression E>
  requires std::floating_point<value_t<E>>
Matrix<value_t<E>> orth(const E& A, value_t<E> rcond = -1) {
  using T = value_t<E>;
  const std::size_t m = A.rows();
  const auto [U, S, Vh] = detail::svd_named("orth", A, false);
  const std::size_t r = detail::numerical_rank(S, m, A.cols(), rcond);
  Matrix<T> Q(m, r);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < r; ++j) Q(i, j) = U(i, j);
  return Q;
}

}  // namespace linal
