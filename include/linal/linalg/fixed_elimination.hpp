#pragma once
/// \file
/// Gaussian elimination with partial pivoting for fixed-size square matrices, in place on an
/// inline array: the heap-free engine under solve for every fixed size, and under det and inv
/// for sizes above 4 or when the closed forms of cofactor.hpp leave the floating-point range.

#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

#include "../core/matrix.hpp"

namespace linal::detail {

/// P A = L U of a fixed N x N matrix, kept compactly (L's unit diagonal implied). A zero
/// pivot does not stop the elimination (as LAPACK's getrf); the first one is recorded.
template <class T, std::size_t N>
class fixed_elimination {
 public:
  template <Expression E>
  explicit fixed_elimination(const E& a) {
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < N; ++j) lu_[i * N + j] = a(i, j);
    for (std::size_t i = 0; i < N; ++i) perm_[i] = i;
    for (std::size_t k = 0; k < N; ++k) {
      std::size_t p = k;
      for (std::size_t i = k + 1; i < N; ++i)
        if (std::abs(lu_[i * N + k]) > std::abs(lu_[p * N + k])) p = i;
      if (p != k) {
        for (std::size_t j = 0; j < N; ++j) std::swap(lu_[k * N + j], lu_[p * N + j]);
        std::swap(perm_[k], perm_[p]);
        negative_ = !negative_;
      }
      const T pivot = lu_[k * N + k];
      if (pivot == T(0)) {
        if (first_zero_pivot_ == N) first_zero_pivot_ = k;
        continue;
      }
      for (std::size_t i = k + 1; i < N; ++i) {
        const T l = lu_[i * N + k] / pivot;
        lu_[i * N + k] = l;
        for (std::size_t j = k + 1; j < N; ++j) lu_[i * N + j] -= l * lu_[k * N + j];
      }
    }
  }

  /// Index of the first exactly zero pivot, or N when there is none.
  std::size_t first_zero_pivot() const { return first_zero_pivot_; }

  T det() const {
    T d = negative_ ? T(-1) : T(1);
    for (std::size_t k = 0; k < N; ++k) d *= lu_[k * N + k];
    return d;
  }

  /// The solution of A X = B; the factorization must have no zero pivot.
  template <std::size_t K, Expression B>
  Matrix<T, N, K> solve(const B& b) const {
    Matrix<T, N, K> x;
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < K; ++j) x(i, j) = b(perm_[i], j);
    for (std::size_t i = 0; i < N; ++i)  // L y = P b
      for (std::size_t k = 0; k < i; ++k)
        for (std::size_t j = 0; j < K; ++j) x(i, j) -= lu_[i * N + k] * x(k, j);
    for (std::size_t i = N; i-- > 0;) {  // U x = y
      for (std::size_t k = i + 1; k < N; ++k)
        for (std::size_t j = 0; j < K; ++j) x(i, j) -= lu_[i * N + k] * x(k, j);
      for (std::size_t j = 0; j < K; ++j) x(i, j) /= lu_[i * N + i];
    }
    return x;
  }

 private:
  std::array<T, N * N> lu_{};
  std::array<std::size_t, N> perm_{};
  bool negative_ = false;
  std::size_t first_zero_pivot_ = N;
};

}  // namespace linal::detail
