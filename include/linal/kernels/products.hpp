#pragma once
// The user-facing products: dot, vdot, matmul and outer, as NumPy names them. Matrices, views
// and transposes go to the kernels as pointer + strides, without copies; other expressions
// (A + B ...) are evaluated once first. matmul is not lazy: it returns a new Matrix.
//
// A "vector" here is a type whose static shape has one column (Vector<T>, A.col(j)): matmul
// gives it NumPy's 1-D meaning. A row such as A.row(i) is a 1 x n matrix to matmul, and any
// one-row or one-column type is a vector to dot, vdot and outer.

#include <complex>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>

#include "linal/core/concepts.hpp"
#include "linal/core/error.hpp"
#include "linal/core/matrix.hpp"
#include "linal/core/shape.hpp"
#include "linal/kernels/dot.hpp"
#include "linal/kernels/fixed_product.hpp"
#include "linal/kernels/gemm.hpp"
#include "linal/kernels/gemv.hpp"
#include "linal/kernels/scalar.hpp"

namespace linal {

namespace detail {

template <class E>
inline constexpr bool is_column_type = std::remove_cvref_t<E>::static_cols == 1;

/// Calls f(pointer, row stride, col stride) on x's memory: x's own for matrices and views, a
/// temporary evaluation for other expressions.
template <class E, class F>
decltype(auto) with_memory(const E& x, F&& f) {
  if constexpr (Strided<E>) {
    return f(x.data(), static_cast<std::ptrdiff_t>(x.row_stride()),
             static_cast<std::ptrdiff_t>(x.col_stride()));
  } else {
    using X = std::remove_cvref_t<E>;
    const Matrix<value_t<E>, X::static_rows, X::static_cols> m(x);
    return f(m.data(), m.row_stride(), m.col_stride());
  }
}

/// Element i of a one-row or one-column expression.
template <class E>
decltype(auto) vector_at(const E& v, std::size_t i) {
  if constexpr (is_column_type<E>)
    return v(i, 0);
  else
    return v(0, i);
}

template <class E>
std::size_t vector_length(const E& v) {
  return is_column_type<E> ? v.rows() : v.cols();
}

/// NumPy's wording for operands whose inner dimensions differ.
inline std::string not_aligned(const char* function, const std::string& a, const std::string& b,
                               std::size_t ka, std::size_t a_dim, std::size_t kb) {
  return std::string(function) + ": " + a + " and " + b + " not aligned: " + std::to_string(ka) +
         " (dim " + std::to_string(a_dim) + ") != " + std::to_string(kb) + " (dim 0)";
}

template <class A, class B>
void require_vectors_aligned(const char* function, const A& u, const B& v) {
  if (vector_length(u) != vector_length(v))
    throw shape_error(not_aligned(function, shape_string(u), shape_string(v), vector_length(u), 0,
                                  vector_length(v)));
}

template <class A, class B>
constexpr void check_vector_pair() {
  static_assert(VectorExpression<A> && VectorExpression<B>,
                "linal: dot, vdot and outer take vectors (one row or one column); use matmul");
  static_assert(
      std::is_same_v<value_t<A>, value_t<B>>,
      "linal: product operands must have the same element type; convert one with .cast<T>()");
}

template <class T>
T conjugate(const T& x) {
  if constexpr (is_complex_v<T>)
    return std::conj(x);
  else
    return x;
}

/// Whether A B is a small product whose every extent, B's rows included, is known at compile time.
template <class A, class B>
constexpr bool is_small_fixed() {
  using X = std::remove_cvref_t<A>;
  using Y = std::remove_cvref_t<B>;
  constexpr std::size_t dims[] = {X::static_rows, X::static_cols, Y::static_rows, Y::static_cols};
  for (const std::size_t d : dims)
    if (d == dynamic || d > kernels::detail::fixed_product_limit) return false;
  return true;
}

}  // namespace detail

/// Dot product sum_i u_i v_i of two vectors of the same length, unconjugated as NumPy's dot
/// (see vdot for the conjugated one). Vectors may be columns, rows or strided views.
/// O(n). Throws shape_error when the lengths differ.
template <Expression A, Expression B>
value_t<A> dot(const A& u, const B& v) {
  detail::check_vector_pair<A, B>();
  detail::require_vectors_aligned("dot", u, v);
  using T = value_t<A>;
  if constexpr (Strided<A> && Strided<B>) {
    const auto stride = [](const auto& x) {
      return static_cast<std::ptrdiff_t>(detail::is_column_type<decltype(x)> ? x.row_stride()
                                                                             : x.col_stride());
    };
    return kernels::dot<T>(detail::vector_length(u), u.data(), stride(u), v.data(), stride(v));
  } else {
    T sum{};
    for (std::size_t i = 0; i < detail::vector_length(u); ++i)
      sum += kernels::detail::multiply<T>(detail::vector_at(u, i), detail::vector_at(v, i));
    return sum;
  }
}

/// Dot product sum_i conj(u_i) v_i, conjugating the first vector as NumPy's vdot; the same as
/// dot for real vectors. O(n). Throws shape_error when the lengths differ.
template <Expression A, Expression B>
value_t<A> vdot(const A& u, const B& v) {
  detail::check_vector_pair<A, B>();
  if constexpr (!is_complex_v<value_t<A>>) {
    return dot(u, v);
  } else {
    detail::require_vectors_aligned("vdot", u, v);
    value_t<A> sum{};
    for (std::size_t i = 0; i < detail::vector_length(u); ++i)
      sum += kernels::detail::multiply(detail::conjugate(detail::vector_at(u, i)),
                                       value_t<A>(detail::vector_at(v, i)));
    return sum;
  }
}

/// Outer product: the (m, n) matrix whose entry (i, j) is u_i v_j (unconjugated, as NumPy's
/// outer), for vectors u (m) and v (n). O(m n); fixed sizes give a fixed-size matrix.
template <Expression A, Expression B>
auto outer(const A& u, const B& v) {
  detail::check_vector_pair<A, B>();
  using X = std::remove_cvref_t<A>;
  using Y = std::remove_cvref_t<B>;
  constexpr std::size_t m = detail::is_column_type<A> ? X::static_rows : X::static_cols;
  constexpr std::size_t n = detail::is_column_type<B> ? Y::static_rows : Y::static_cols;
  Matrix<value_t<A>, m, n> c(detail::vector_length(u), detail::vector_length(v));
  for (std::size_t i = 0; i < c.rows(); ++i) {
    const value_t<A> ui = detail::vector_at(u, i);
    for (std::size_t j = 0; j < c.cols(); ++j)
      c(i, j) = kernels::detail::multiply<value_t<A>>(ui, detail::vector_at(v, j));
  }
  return c;
}

namespace detail {

/// matmul for operands that are not all small and fixed: the run-time shape check, then
/// dot, gemv or gemm.
template <Expression A, Expression B>
auto matmul_general(const A& a, const B& b) {
  using T = value_t<A>;
  using X = std::remove_cvref_t<A>;
  using Y = std::remove_cvref_t<B>;
  constexpr bool a_vector = is_column_type<A>;
  constexpr bool b_vector = is_column_type<B>;
  const std::size_t k = a_vector ? a.rows() : a.cols();
  if (k != b.rows())
    throw shape_error(
        not_aligned("matmul", shape_string(a), shape_string(b), k, a_vector ? 0 : 1, b.rows()));

  if constexpr (a_vector && b_vector) {
    return dot(a, b);
  } else if constexpr (a_vector) {
    // v^T A, returned as a column vector of length n.
    Matrix<T, Y::static_cols, 1> y(b.cols(), 1);
    with_memory(a, [&](const T* pa, std::ptrdiff_t ars, std::ptrdiff_t) {
      with_memory(b, [&](const T* pb, std::ptrdiff_t brs, std::ptrdiff_t bcs) {
        kernels::gemv<T>(b.cols(), k, T(1), pb, bcs, brs, pa, ars, T(0), y.data(), 1);
      });
    });
    return y;
  } else {
    Matrix<T, X::static_rows, Y::static_cols> c(a.rows(), b.cols());
    with_memory(a, [&](const T* pa, std::ptrdiff_t ars, std::ptrdiff_t acs) {
      with_memory(b, [&](const T* pb, std::ptrdiff_t brs, std::ptrdiff_t bcs) {
        if constexpr (b_vector)
          kernels::gemv<T>(a.rows(), k, T(1), pa, ars, acs, pb, brs, T(0), c.data(), 1);
        else
          kernels::gemm<T>(a.rows(), b.cols(), k, T(1), pa, ars, acs, pb, brs, bcs, T(0), c.data(),
                           c.row_stride(), 1);
      });
    });
    return c;
  }
}

}  // namespace detail

/// Matrix product with NumPy's matmul rules:
///   matmul(A, B): (m, k) x (k, n) -> Matrix (m, n)              O(m n k), threaded when large
///   matmul(A, v): (m, k) x vector (k) -> Vector (m)              O(m k)
///   matmul(v, A): vector (k) x (k, n) -> Vector (n), i.e. A^T v  O(k n)
///   matmul(u, v): two vectors of length k -> scalar, as dot       O(k)
/// Operands may be matrices, views or transposes (read in place, no copy) or any expression.
/// Fixed sizes up to 8 x 8 are computed fully unrolled without heap memory.
/// Throws shape_error when the inner dimensions differ, e.g.
/// "matmul: (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)"; a fixed-size mismatch is a
/// compile error.
template <Expression A, Expression B>
[[gnu::always_inline]] inline auto matmul(const A& a, const B& b) {
  using T = value_t<A>;
  using X = std::remove_cvref_t<A>;
  using Y = std::remove_cvref_t<B>;
  static_assert(
      std::is_same_v<T, value_t<B>>,
      "linal: matmul operands must have the same element type; convert one with .cast<T>()");
  constexpr bool a_vector = detail::is_column_type<A>;
  // The contracted extent: a vector's length on the left, otherwise its columns.
  constexpr std::size_t ka = a_vector ? X::static_rows : X::static_cols;
  static_assert(detail::extents_fit(ka, Y::static_rows),
                "linal: matmul needs the left operand's columns to equal the right operand's rows");
  // Always inlined: a small fixed product then becomes straight-line code at the call site,
  // its operands and result in registers. Left to itself GCC calls it (the unrolled body looks
  // large before optimization), and the call with the copy of its result nearly doubles the
  // time of a 3 x 3 product. Every other product is one call to matmul_general.
  if constexpr (!a_vector && detail::is_small_fixed<A, B>()) {
    // Every extent is known and checked by the static_assert: no run-time check.
    Matrix<T, X::static_rows, Y::static_cols> c;
    kernels::detail::fixed_product<X::static_rows, Y::static_cols, X::static_cols>(a, b, c);
    return c;
  } else {
    return detail::matmul_general(a, b);
  }
}

}  // namespace linal
