#pragma once
/// \file
/// lstsq: least-squares solutions of A x = b through the SVD, with NumPy's four results
/// (numpy.linalg.lstsq): `auto [x, residuals, rank, s] = lstsq(A, b);`.

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <limits>
#include <string>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../core/shape.hpp"
#include "../decomp/svd.hpp"
#include "../decomp/detail/safe_scaling.hpp"

namespace linal {

/// What lstsq returns, in NumPy's order. X is a vector when b is one, else an n x k matrix.
template <class T, class X>
struct LstsqResult {
  /// The minimum-norm solution minimizing ||b - A x||_2 (each column of b separately).
  X x;
  /// Squared 2-norms of the residual columns b - A x; empty unless rank == n and m > n.
  Vector<T> residuals;
  /// The numerical rank of A: singular values above rcond * max(s).
  std::size_t rank;
  /// The singular values of A, descending.
  Vector<T> s;
};

/// Solves the least-squares problem min ||b - A x||_2 for the real m x n matrix A and b of m
/// entries (or m x k: each column is a problem). Singular values <= rcond * max(s) count as
/// zero, giving the minimum-norm solution when A is rank deficient; a negative rcond (the
/// default) means eps * max(m, n), NumPy's default. Through the SVD: O(m n min(m, n) + m n k).
/// Throws shape_error when b's rows differ from A's, non_finite_error for NaN or infinity in A
/// or b, convergence_error if the SVD fails.
template <Expression EA, Expression EB>
  requires std::floating_point<value_t<EA>> && std::same_as<value_t<EA>, value_t<EB>>
auto lstsq(const EA& A, const EB& b, value_t<EA> rcond = -1) {
  using T = value_t<EA>;
  constexpr bool vector_b = std::remove_cvref_t<EB>::static_cols == 1;
  using X = Matrix<T, dynamic, vector_b ? 1 : dynamic>;
  const std::size_t m = A.rows(), n = A.cols(), k = b.cols();
  if (b.rows() != m)
    throw shape_error("lstsq: a " + detail::shape_string(A) + " and b " + detail::shape_string(b) +
                      " are not aligned: " + std::to_string(m) + " (dim 0) != " + std::to_string(b.rows()) +
                      " (dim 0)");
  Matrix<T> B(b);
  detail::checked_max_abs("lstsq", B.data(), m, k, k);
  if (rcond < T(0)) rcond = std::numeric_limits<T>::epsilon() * T(std::max(m, n));
  const auto [U, S, Vh] = detail::svd_named("lstsq", A, false);
  const std::size_t r = S.size();
  const T cutoff = r ? rcond * S[0] : T(0);
  std::size_t rank = 0;
  while (rank < r && S[rank] > cutoff) ++rank;

  // x = V diag(1/s) U^T b over the kept singular values.
  Matrix<T> c(rank, k);  // diag(1/s) U^T b
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t l = 0; l < rank; ++l) {
      const T u = U(i, l);
      for (std::size_t j = 0; j < k; ++j) c(l, j) += u * B(i, j);
    }
  for (std::size_t l = 0; l < rank; ++l)
    for (std::size_t j = 0; j < k; ++j) c(l, j) /= S[l];
  X x(n, k);
  for (std::size_t l = 0; l < rank; ++l)
    for (std::size_t i = 0; i < n; ++i) {
      const T v = Vh(l, i);
      for (std::size_t j = 0; j < k; ++j) x(i, j) += v * c(l, j);
    }

  Vector<T> residuals;
  if (rank == n && m > n) {
    residuals.resize(k);
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < k; ++j) {
        T ax = T(0);
        for (std::size_t l = 0; l < n; ++l) ax += A(i, l) * x(l, j);
        const T d = B(i, j) - ax;
        residuals[j] += d * d;
      }
  }
  return LstsqResult<T, X>{std::move(x), std::move(residuals), rank, S};
}

}  // namespace linal
