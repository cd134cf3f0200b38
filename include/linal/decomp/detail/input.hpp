#pragma once
/// \file
/// What every factorization does with its input before touching it: require floating-point
/// elements, check the shape, refuse NaN and infinity, and copy into a dense row-major matrix
/// that the algorithm may overwrite (so the caller's matrix is never changed).

#include <cmath>
#include <complex>
#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

#include "../../core/concepts.hpp"
#include "../../core/error.hpp"
#include "../../core/matrix.hpp"
#include "../../core/shape.hpp"

namespace linal::decomp_detail {

/// Compile-time guard shared by all factorizations: integer matrices must be converted first.
template <class T>
constexpr void require_field() {
  static_assert(Field<T>, "linal: factorizations need float, double or std::complex elements; convert with A.cast<double>()");
}

template <class T>
T conj_if_complex(const T& x) {
  if constexpr (is_complex_v<T>) return std::conj(x);
  else return x;
}

template <class T>
real_t<T> real_part(const T& x) {
  if constexpr (is_complex_v<T>) return x.real();
  else return x;
}

template <class T>
bool is_finite(const T& x) {
  if constexpr (is_complex_v<T>) return std::isfinite(x.real()) && std::isfinite(x.imag());
  else return std::isfinite(x);
}

/// Throws shape_error unless a is square.
template <Expression E>
void require_square(const char* function, const E& a) {
  if (a.rows() != a.cols())
    throw shape_error(std::string(function) + ": expected a square matrix, got shape " +
                      detail::shape_string(a.rows(), a.cols()));
}

/// Throws non_finite_error naming the first NaN or infinite element of a; name is the
/// argument's name in the message (linalg's require_finite_elements is this check too).
template <Expression E>
void require_finite(const char* function, const E& a, const char* name = "a") {
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j)
      if (!is_finite(a(i, j)))
        throw non_finite_error(detail::non_finite_message(function, name, i, j));
}

/// A dense dynamic copy of any expression. A matrix of the same type is copied whole, without
/// first filling the copy with zeros.
template <Expression E>
Matrix<value_t<E>> dense_copy(const E& a) {
  using T = value_t<E>;
  if constexpr (std::is_same_v<std::remove_cvref_t<E>, Matrix<T>>) {
    return a;
  } else {
    Matrix<T> copy(a.rows(), a.cols());
    if constexpr (std::remove_cvref_t<E>::is_linear) {
      for (std::size_t k = 0; k < copy.size(); ++k) copy.data()[k] = a.linear(k);
    } else {
      for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < a.cols(); ++j) copy(i, j) = a(i, j);
    }
    return copy;
  }
}

/// A dense dynamic copy of any expression, after the finiteness check.
template <Expression E>
Matrix<value_t<E>> checked_copy(const char* function, const E& a) {
  using T = value_t<E>;
  require_field<T>();
  Matrix<T> copy = dense_copy(a);
  // x * 0 is NaN exactly for NaN and infinity: one vectorizable pass finds whether to look.
  T probe(0);
  for (const T& x : copy) probe += x * real_t<T>(0);
  if (!is_finite(probe)) require_finite(function, copy);
  return copy;
}

/// Throws shape_error unless the right-hand side b has `rows` rows (a vector of length rows or a
/// matrix with rows rows), naming the function and both shapes.
template <Expression E>
void require_rhs_rows(const char* function, std::size_t a_rows, std::size_t a_cols, const E& b) {
  if (b.rows() != a_rows)
    throw shape_error(std::string(function) + ": right-hand side of shape " + detail::shape_string(b) +
                      " does not fit a matrix of shape " + detail::shape_string(a_rows, a_cols) + ": " +
                      std::to_string(b.rows()) + " rows != " + std::to_string(a_rows));
}

/// The result type of a solve with right-hand side B: a vector for a vector, else a matrix.
template <class T, Expression B>
using solve_result_t = Matrix<T, dynamic, std::remove_cvref_t<B>::static_cols == 1 ? 1 : dynamic>;

/// A dense copy of the right-hand side in the factor's element type.
template <class T, Expression B>
solve_result_t<T, B> rhs_copy(const B& b) {
  solve_result_t<T, B> x(b.rows(), b.cols());
  for (std::size_t i = 0; i < b.rows(); ++i)
    for (std::size_t j = 0; j < b.cols(); ++j) x(i, j) = static_cast<T>(b(i, j));
  return x;
}

/// The 1-norm (largest column sum of magnitudes) of a strided m x n matrix. O(m n).
template <class T>
real_t<T> norm1(std::size_t m, std::size_t n, const T* a, std::ptrdiff_t rs, std::ptrdiff_t cs) {
  std::vector<real_t<T>> sums(n, real_t<T>(0));
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j)
      sums[j] += std::abs(a[static_cast<std::ptrdiff_t>(i) * rs + static_cast<std::ptrdiff_t>(j) * cs]);
  real_t<T> best(0);
  for (const auto s : sums) best = s > best ? s : best;
  return best;
}

}  // namespace linal::decomp_detail
