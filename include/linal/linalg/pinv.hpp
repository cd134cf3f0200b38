#pragma once
/// \file
/// pinv: the Moore-Penrose pseudo-inverse through the SVD, as NumPy's numpy.linalg.pinv.

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <limits>

#include "../core/matrix.hpp"
#include "../decomp/svd.hpp"

namespace linal {

/// The pseudo-inverse A^+ (n x m) of the real m x n matrix A: V diag(1/s) U^T over the
/// singular values s > rcond * max(s); smaller ones count as zero. A negative rcond (the
/// default) means max(m, n) * eps, NumPy 2's default. A^+ b is the minimum-norm least-squares
/// solution of A x = b. O(m n min(m, n)) through svd. Throws non_finite_error for NaN or
/// infinite entries, convergence_error if the SVD fails.
template <Expression E>
  requires std::floating_point<value_t<E>>
Matrix<value_t<E>> pinv(const E& A, value_t<E> rcond = -1) {
  using T = value_t<E>;
  const std::size_t m = A.rows(), n = A.cols();
  if (rcond < T(0)) rcond = T(std::max(m, n)) * std::numeric_limits<T>::epsilon();
  const auto [U, S, Vh] = detail::svd_named("pinv", A, false);
  const std::size_t k = S.size();
  const T cutoff = k ? rcond * S[0] : T(0);
  // A^+ (i, j) = sum over kept l of Vh(l, i) U(j, l) / s_l: scale the rows of Vh, then one pass.
  Matrix<T> result(n, m);
  for (std::size_t l = 0; l < k && S[l] > cutoff; ++l) {
    const T inv = T(1) / S[l];
    for (std::size_t i = 0; i < n; ++i) {
      const T v = Vh(l, i) * inv;
      T* row = result.data() + i * m;
      for (std::size_t j = 0; j < m; ++j) row[j] += v * U(j, l);
    }
  }
  return result;
}

}  // namespace linal
