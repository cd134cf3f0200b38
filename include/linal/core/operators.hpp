#pragma once
/// \file
/// Element-wise arithmetic, math functions and comparisons, as in NumPy: `A * B` is the
/// Hadamard product (use matmul for the matrix product), scalars broadcast on either side, and
/// comparisons give boolean matrices. Every function here returns a lazy expression; assigning
/// it to a Matrix evaluates it in one pass without temporaries.

#include <utility>

#include "expr.hpp"
#include "functors.hpp"

namespace linal {

/// An operand of an element-wise operation: a linal expression or a scalar.
template <class X>
concept Operand = Expression<X> || Scalar<std::remove_cvref_t<X>>;

/// Binary element-wise operations take two operands of which at least one is an expression.
template <class L, class R>
concept ElementwiseOperands = Operand<L> && Operand<R> && (Expression<L> || Expression<R>);

// Element-wise arithmetic.
// Lazy element-wise expressions of the operands' common shape; a scalar operand is broadcast.
// Throws shape_error when two matrix operands differ in shape (a compile error for fixed sizes).
/// Element-wise sum.
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator+(L&& a, R&& b) {
  return detail::make_expr(ops::add{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise difference.
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator-(L&& a, R&& b) {
  return detail::make_expr(ops::subtract{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise (Hadamard) product, as NumPy's `*`. The matrix product is matmul(A, B).
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator*(L&& a, R&& b) {
  return detail::make_expr(ops::multiply{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise quotient.
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator/(L&& a, R&& b) {
  return detail::make_expr(ops::divide{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise negation.
template <Expression X>
auto operator-(X&& a) {
  return detail::make_expr(ops::negate{}, std::forward<X>(a));
}
/// The operand itself.
template <Expression X>
auto operator+(X&& a) {
  return std::forward<X>(a);
}

// Element-wise comparisons and logic.
// Boolean matrices, as NumPy's comparison and logical ufuncs; shapes as for arithmetic.
/// Element-wise a < b.
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator<(L&& a, R&& b) {
  return detail::make_expr(ops::less{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise a <= b.
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator<=(L&& a, R&& b) {
  return detail::make_expr(ops::less_equal{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise a > b.
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator>(L&& a, R&& b) {
  return detail::make_expr(ops::greater{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise a >= b.
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator>=(L&& a, R&& b) {
  return detail::make_expr(ops::greater_equal{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise equality: a boolean matrix, as NumPy's `==`. For one yes/no answer use
/// array_equal(A, B) or allclose(A, B).
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator==(L&& a, R&& b) {
  return detail::make_expr(ops::equal{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise a != b.
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator!=(L&& a, R&& b) {
  return detail::make_expr(ops::not_equal{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise logical and of boolean matrices.
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator&&(L&& a, R&& b) {
  return detail::make_expr(ops::logical_and{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise logical or of boolean matrices.
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto operator||(L&& a, R&& b) {
  return detail::make_expr(ops::logical_or{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise logical not.
template <Expression X>
auto operator!(X&& a) {
  return detail::make_expr(ops::logical_not{}, std::forward<X>(a));
}

// Element-wise math functions.
// NumPy's ufuncs of the same names, as lazy expressions of the argument's shape. abs, real and
// imag of a complex matrix are real; isnan and isfinite give boolean matrices.
/// Absolute value (modulus for complex).
template <Expression X> auto abs(X&& a) { return detail::make_expr(ops::absolute{}, std::forward<X>(a)); }
/// Square root.
template <Expression X> auto sqrt(X&& a) { return detail::make_expr(ops::square_root{}, std::forward<X>(a)); }
/// Square, a * a.
template <Expression X> auto square(X&& a) { return detail::make_expr(ops::square{}, std::forward<X>(a)); }
/// Exponential.
template <Expression X> auto exp(X&& a) { return detail::make_expr(ops::exponential{}, std::forward<X>(a)); }
/// Natural logarithm.
template <Expression X> auto log(X&& a) { return detail::make_expr(ops::logarithm{}, std::forward<X>(a)); }
/// Base-10 logarithm.
template <Expression X> auto log10(X&& a) { return detail::make_expr(ops::logarithm10{}, std::forward<X>(a)); }
/// Sine.
template <Expression X> auto sin(X&& a) { return detail::make_expr(ops::sine{}, std::forward<X>(a)); }
/// Cosine.
template <Expression X> auto cos(X&& a) { return detail::make_expr(ops::cosine{}, std::forward<X>(a)); }
/// Tangent.
template <Expression X> auto tan(X&& a) { return detail::make_expr(ops::tangent{}, std::forward<X>(a)); }
/// Hyperbolic tangent.
template <Expression X> auto tanh(X&& a) { return detail::make_expr(ops::hyperbolic_tangent{}, std::forward<X>(a)); }
/// Largest integer not above.
template <Expression X> auto floor(X&& a) { return detail::make_expr(ops::floor_of{}, std::forward<X>(a)); }
/// Smallest integer not below.
template <Expression X> auto ceil(X&& a) { return detail::make_expr(ops::ceil_of{}, std::forward<X>(a)); }
/// Nearest integer, halves away from zero.
template <Expression X> auto round(X&& a) { return detail::make_expr(ops::round_of{}, std::forward<X>(a)); }
/// Complex conjugate (the identity for real types).
template <Expression X> auto conj(X&& a) { return detail::make_expr(ops::conjugate{}, std::forward<X>(a)); }
/// Real part.
template <Expression X> auto real(X&& a) { return detail::make_expr(ops::real_part{}, std::forward<X>(a)); }
/// Imaginary part (zero for real types).
template <Expression X> auto imag(X&& a) { return detail::make_expr(ops::imag_part{}, std::forward<X>(a)); }
/// Whether NaN, as a boolean matrix.
template <Expression X> auto isnan(X&& a) { return detail::make_expr(ops::is_nan{}, std::forward<X>(a)); }
/// Whether finite, as a boolean matrix.
template <Expression X> auto isfinite(X&& a) { return detail::make_expr(ops::is_finite{}, std::forward<X>(a)); }

/// Element-wise power: pow(A, 2.0), pow(A, B) or pow(2.0, A).
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto pow(L&& a, R&& b) {
  return detail::make_expr(ops::power{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise maximum of two operands (NumPy's maximum; max(A) is the reduction).
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto maximum(L&& a, R&& b) {
  return detail::make_expr(ops::maximum{}, std::forward<L>(a), std::forward<R>(b));
}
/// Element-wise minimum of two operands (NumPy's minimum; min(A) is the reduction).
template <class L, class R>
  requires ElementwiseOperands<L, R>
auto minimum(L&& a, R&& b) {
  return detail::make_expr(ops::minimum{}, std::forward<L>(a), std::forward<R>(b));
}
/// Limits every element to [lo, hi].
template <Expression X, Scalar S>
auto clip(X&& a, S lo, S hi) {
  return minimum(maximum(std::forward<X>(a), lo), hi);
}
/// Element (i, j) is a(i, j) where cond(i, j) is true and b(i, j) elsewhere; a and b may be scalars.
template <Expression C, Operand A, Operand B>
auto where(C&& cond, A&& a, B&& b) {
  return detail::make_expr(ops::select{}, std::forward<C>(cond), std::forward<A>(a), std::forward<B>(b));
}

}  // namespace linal
