#pragma once
/// \file
/// The vocabulary of constraints: what counts as a scalar, an expression, a matrix.

#include <complex>
#include <concepts>
#include <cstddef>
#include <span>
#include <type_traits>

namespace linal {

/// The extent of a dimension whose size is known only at run time.
inline constexpr std::size_t dynamic = std::dynamic_extent;

/// Whether T is a std::complex type.
template <class T>
struct is_complex : std::false_type {};
template <class T>
struct is_complex<std::complex<T>> : std::true_type {};
/// Whether T is a std::complex type.
template <class T>
inline constexpr bool is_complex_v = is_complex<T>::value;

/// Element types linal computes with: arithmetic types and std::complex of them.
template <class T>
concept Scalar = std::is_arithmetic_v<T> || is_complex_v<T>;

/// Element types that the factorizations accept (they need division and square roots).
template <class T>
concept Field = std::is_floating_point_v<T> || (is_complex_v<T> && std::is_floating_point_v<typename T::value_type>);

/// The real type underlying T: double for std::complex<double>, T itself otherwise.
template <class T>
struct real_type {
  using type = T;  ///< T itself for real types
};
/// The real type underlying std::complex<T>: T.
template <class T>
struct real_type<std::complex<T>> {
  using type = T;  ///< the type of the real and imaginary parts
};
/// The real type underlying T (see real_type).
template <class T>
using real_t = typename real_type<T>::type;

/// Anything linal evaluates element by element: matrices, vectors, views and lazy
/// element-wise expressions. Each one opts in with a `linal_expression_tag` member type and
/// gives its shape (static and run-time) and an element at (i, j).
template <class E>
concept Expression = requires(const E& e, std::size_t i) {
  typename std::remove_cvref_t<E>::linal_expression_tag;
  typename std::remove_cvref_t<E>::value_type;
  { std::remove_cvref_t<E>::static_rows } -> std::convertible_to<std::size_t>;
  { std::remove_cvref_t<E>::static_cols } -> std::convertible_to<std::size_t>;
  { e.rows() } -> std::convertible_to<std::size_t>;
  { e.cols() } -> std::convertible_to<std::size_t>;
  e(i, i);
};

/// Expressions backed by memory with a row and a column stride (matrices and views):
/// what the product kernels and factorizations take without copying.
template <class E>
concept Strided = Expression<E> && requires(const E& e) {
  e.data();
  { e.row_stride() } -> std::convertible_to<std::ptrdiff_t>;
  { e.col_stride() } -> std::convertible_to<std::ptrdiff_t>;
};

/// An expression whose static shape is a column (N x 1) or row (1 x N) vector.
template <class E>
concept VectorExpression = Expression<E> && (std::remove_cvref_t<E>::static_cols == 1 ||
                                              std::remove_cvref_t<E>::static_rows == 1);

/// The element type of an expression.
template <class E>
using value_t = typename std::remove_cvref_t<E>::value_type;

}  // namespace linal
