#pragma once
/// \file
/// truncated_svd and low_rank_approx: the best rank-k approximation of a matrix (Eckart-Young):
/// no matrix of rank k is closer to A in the 2-norm or the Frobenius norm than
/// A_k = U_k diag(s_k) Vh_k, and ||A - A_k||_2 = s[k], ||A - A_k||_F = sqrt(s[k]^2 + ...).

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <string>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../core/shape.hpp"
#include "../decomp/svd.hpp"

namespace linal {

namespace detail {

template <Expression E>
void require_rank_fits(const char* function, const E& A, std::size_t k) {
  if (k > std::min(A.rows(), A.cols()))
    throw shape_error(std::string(function) + ": k = " + std::to_string(k) + " exceeds min(m, n) = " +
                      std::to_string(std::min(A.rows(), A.cols())) + " for shape " + shape_string(A));
}

}  // namespace detail

/// The k leading singular triplets of the real m x n matrix A: U is m x k, S holds the k
/// largest singular values (descending), Vh is k x n. Computed from the full reduced SVD,
/// O(m n min(m, n)). Throws shape_error when k > min(m, n), and as svd.
template <Expression E>
  requires std::floating_point<value_t<E>>
SvdResult<value_t<E>> truncated_svd(const E& A, std::size_t k) {
  using T = value_t<E>;
  detail::require_rank_fits("truncated_svd", A, k);
  auto [U, S, Vh] = detail::svd_named("truncated_svd", A, false);
  SvdResult<T> result{Matrix<T>(A.rows(), k), Vector<T>(k), Matrix<T>(k, A.cols())};
  for (std::size_t i = 0; i < A.rows(); ++i)
    for (std::size_t j = 0; j < k; ++j) result.U(i, j) = U(i, j);
  for (std::size_t j = 0; j < k; ++j) result.S[j] = S[j];
  std::copy_n(Vh.data(), k * A.cols(), result.Vh.data());
  return result;
}

/// The best rank-k approximation U_k diag(s_k) Vh_k of the real m x n matrix A (m x n).
/// O(m n min(m, n)). Throws shape_error when k > min(m, n), and as svd.
template <Expression E>
  requires std::floating_point<value_t<E>>
Matrix<value_t<E>> low_rank_approx(const E& A, std::size_t k) {
  using T = value_t<E>;
  detail::require_rank_fits("low_rank_approx", A, k);
  const auto [U, S, Vh] = detail::svd_named("low_rank_approx", A, false);
  const std::size_t m = A.rows(), n = A.cols();
  Matrix<T> result(m, n);
  for (std::size_t i = 0; i < m; ++i) {
    T* row = result.data() + i * n;
    for (std::size_t l = 0; l < k; ++l) {
      const T u = U(i, l) * S[l];
      const T* v = Vh.data() + l * n;
      for (std::size_t j = 0; j < n; ++j) row[j] += u * v[j];
    }
  }
  return result;
}

}  // namespace linal
