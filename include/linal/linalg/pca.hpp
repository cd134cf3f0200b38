#pragma once
/// \file
/// pca: principal component analysis of a data matrix through the SVD of the centered data
/// (lesson 7's application), with scikit-learn's vocabulary.

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <string>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../core/shape.hpp"
#include "../decomp/svd.hpp"

namespace linal {

/// What pca returns for n samples of d features and k components.
template <class T>
struct PcaResult {
  /// The principal axes as rows (k x d), orthonormal, by decreasing explained variance. Each
  /// is signed so that its entry of largest magnitude is positive.
  Matrix<T> components;
  /// The variance of the data along each axis (k): s_i^2 / (n - 1), the eigenvalues of the
  /// sample covariance matrix.
  Vector<T> explained_variance;
  /// explained_variance divided by the total variance (the sum over all d directions).
  Vector<T> explained_variance_ratio;
  /// The per-feature mean (d) that was subtracted.
  Vector<T> mean;
  /// The centered data in the new coordinates (n x k): (X - mean) components^T.
  Matrix<T> projected;
};

/// Principal component analysis of X (n samples as rows, d features as columns) keeping k
/// components: the SVD of the centered data X - mean = U diag(s) Vh gives the axes (rows of
/// Vh) and the variances s^2 / (n - 1), which equal the eigenvalues and eigenvectors of the
/// sample covariance matrix without forming it (better accuracy). O(n d min(n, d)).
/// Throws shape_error when n < 2 or k > min(n, d), non_finite_error for NaN or infinity.
template <Expression E>
  requires std::floating_point<value_t<E>>
PcaResult<value_t<E>> pca(const E& X, std::size_t k) {
  using T = value_t<E>;
  const std::size_t n = X.rows(), d = X.cols();
  if (n < 2)
    throw shape_error("pca: needs at least 2 samples (rows), got shape " + detail::shape_string(X));
  if (k > std::min(n, d))
    throw shape_error("pca: k = " + std::to_string(k) + " exceeds min(n_samples, n_features) = " +
                      std::to_string(std::min(n, d)) + " for shape " + detail::shape_string(X));
  PcaResult<T> result{Matrix<T>(k, d), Vector<T>(k), Vector<T>(k), Vector<T>(d), Matrix<T>(n, k)};
  Matrix<T> centered(X);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < d; ++j) result.mean[j] += centered(i, j);
  for (std::size_t j = 0; j < d; ++j) result.mean[j] /= T(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < d; ++j) centered(i, j) -= result.mean[j];
  const auto [U, S, Vh] = detail::svd_named("pca", centered, false);
  T total = T(0);
  for (std::size_t l = 0; l < S.size(); ++l) total += S[l] * S[l];
  for (std::size_t l = 0; l < k; ++l) {
    std::size_t at = 0;
    for (std::size_t j = 1; j < d; ++j)
      if (std::abs(Vh(l, j)) > std::abs(Vh(l, at))) at = j;
    const T sign = Vh(l, at) < T(0) ? T(-1) : T(1);
    for (std::size_t j = 0; j < d; ++j) result.components(l, j) = sign * Vh(l, j);
    for (std::size_t i = 0; i < n; ++i) result.projected(i, l) = sign * U(i, l) * S[l];
    result.explained_variance[l] = S[l] * S[l] / T(n - 1);
    result.explained_variance_ratio[l] = total > T(0) ? S[l] * S[l] / total : T(0);
  }
  return result;
}

}  // namespace linal
