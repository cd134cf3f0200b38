#pragma once
/// \file
/// The one element-wise expression node: a functor applied to operands, evaluated lazily,
/// element by element or SIMD batch by batch, when it is assigned.
///
/// Operand lifetime rule: an operand that is an lvalue matrix is held by const reference; every
/// other operand (a temporary matrix, a view, a sub-expression, a scalar) is held by value.
/// So `auto e = A + Matrix<double>{{1, 2}};` owns its temporary and never dangles, while
/// `auto e = A + B;` refers to A and B and must not outlive them.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "../simd/simd.hpp"
#include "concepts.hpp"
#include "functors.hpp"
#include "region.hpp"
#include "shape.hpp"

namespace linal {

namespace detail {

/// A scalar broadcast to every element of an expression.
template <class T>
struct scalar_operand {
  using value_type = T;  ///< The element type.
  static constexpr std::size_t static_rows = dynamic;
  static constexpr std::size_t static_cols = dynamic;
  static constexpr bool is_scalar = true;
  static constexpr bool is_linear = true;  ///< Elements are contiguous in row-major order.
  static constexpr bool is_batchable = simd::has_batch<T>;  ///< Evaluated in SIMD batches.

  T value;

  T operator()(std::size_t, std::size_t) const { return value; }
  T linear(std::size_t) const { return value; }
  scalar_operand linear_reader() const { return *this; }
  template <class B>
  B batch(std::size_t) const {
    return B(value);
  }
  bool hazard(const memory_region&) const { return false; }
};

/// Reads contiguous elements through a raw pointer. Evaluation loops read through such local
/// readers rather than through the expression objects, so that the compiler can keep every
/// pointer in a register instead of reloading it after each store to the destination.
template <class T>
struct pointer_reader {
  const T* data;
  T linear(std::size_t k) const { return data[k]; }
  template <class B>
  B batch(std::size_t k) const {
    return simd::load(data + k);
  }
};

/// The reader of an element-wise node: the functor applied to its operands' readers.
template <class F, class... Readers>
struct expr_reader {
  [[no_unique_address]] F f;
  std::tuple<Readers...> readers;

  auto linear(std::size_t k) const {
    return std::apply([&](const auto&... r) { return f(r.linear(k)...); }, readers);
  }
  template <class B>
  B batch(std::size_t k) const {
    return std::apply([&](const auto&... r) { return f(r.template batch<B>(k)...); }, readers);
  }
};

template <class X>
concept owns_storage = requires { requires std::remove_cvref_t<X>::owns_storage; };

/// How an expression node stores an operand of type X (see the lifetime rule above).
template <class X>
using stored_t = std::conditional_t<std::is_lvalue_reference_v<X> && owns_storage<X>,
                                    const std::remove_cvref_t<X>&, std::remove_cvref_t<X>>;

template <class X>
using bare_t = std::remove_cvref_t<X>;

template <class X>
inline constexpr bool is_scalar_operand = requires { requires bare_t<X>::is_scalar; };

/// The element type a scalar takes when broadcast against elements of type E: the element
/// type wins (float matrix * 2.0 stays float), except that a floating scalar lifts an integer
/// matrix and a complex scalar lifts a real one, as in NumPy. Against a boolean matrix (the
/// condition of `where`) a scalar keeps its own type.
template <class E, class S>
using broadcast_t = std::conditional_t<
    std::is_same_v<E, bool>, S,
    std::conditional_t<is_complex_v<S> && !is_complex_v<E>, std::complex<real_t<S>>,
                       std::conditional_t<std::is_integral_v<E> && std::is_floating_point_v<S>, S, E>>>;

}  // namespace detail

namespace detail {
template <class F, class... Xs>
auto make_expr(F f, Xs&&... xs);
}  // namespace detail

/// Element-wise node: applies F to the elements of its operands at the same position.
template <class F, class... Ops>
class Expr {
  static constexpr std::size_t fold_extent(std::initializer_list<std::size_t> extents) {
    std::size_t e = dynamic;
    for (std::size_t x : extents) e = detail::common_extent(e, x);
    return e;
  }

 public:
  using linal_expression_tag = void;  ///< Marks linal expressions (see the Expression concept).
  /// The element type: what F returns for the operands' elements.
  using value_type =
      std::remove_cvref_t<std::invoke_result_t<const F&, typename detail::bare_t<Ops>::value_type...>>;
  /// Compile-time rows, or dynamic.
  static constexpr std::size_t static_rows = fold_extent({detail::bare_t<Ops>::static_rows...});
  /// Compile-time columns, or dynamic.
  static constexpr std::size_t static_cols = fold_extent({detail::bare_t<Ops>::static_cols...});
  /// Every operand is contiguous, so elements can be read by row-major index.
  static constexpr bool is_linear = (detail::bare_t<Ops>::is_linear && ...);
  /// F and every operand work on SIMD batches of value_type.
  static constexpr bool is_batchable =
      F::vectorizable && simd::has_batch<value_type> &&
      ((detail::bare_t<Ops>::is_batchable && std::is_same_v<typename detail::bare_t<Ops>::value_type, value_type>) && ...);

  /// The node F(args...) of the given shape; use the operators, not this constructor.
  template <class... Args>
  Expr(F f, std::size_t rows, std::size_t cols, Args&&... args)
      : f_(f), rows_(rows), cols_(cols), ops_(std::forward<Args>(args)...) {}

  std::size_t rows() const noexcept { return rows_; }  ///< Number of rows.
  std::size_t cols() const noexcept { return cols_; }  ///< Number of columns.
  std::size_t size() const noexcept { return rows_ * cols_; }  ///< Number of elements.

  /// Element (i, j), computed on demand.
  value_type operator()(std::size_t i, std::size_t j) const {
    return std::apply([&](const auto&... op) { return f_(op(i, j)...); }, ops_);
  }
  /// For contiguous (is_linear) expressions: a reader of element k in row-major order.
  auto linear_reader() const {
    return std::apply(
        [&](const auto&... op) {
          return detail::expr_reader<F, decltype(op.linear_reader())...>{f_, {op.linear_reader()...}};
        },
        ops_);
  }
  /// Element k in row-major order (for contiguous expressions).
  value_type linear(std::size_t k) const { return linear_reader().linear(k); }
  /// The SIMD batch of type B starting at row-major element k.
  template <class B>
  B batch(std::size_t k) const {
    return linear_reader().template batch<B>(k);
  }
  /// The elements converted to U, lazily: `(A > 0.0).cast<double>()`.
  template <Scalar U>
  auto cast() const& {
    return detail::make_expr(ops::cast_to<U>{}, *this);
  }
  /// The elements of a temporary expression converted to U (the node moves into the result).
  template <Scalar U>
  auto cast() && {
    return detail::make_expr(ops::cast_to<U>{}, std::move(*this));
  }

  /// Whether writing dest before reading this node could change what it reads.
  bool hazard(const detail::memory_region& dest) const {
    return std::apply([&](const auto&... op) { return (op.hazard(dest) || ...); }, ops_);
  }

 private:
  [[no_unique_address]] F f_;
  std::size_t rows_;
  std::size_t cols_;
  std::tuple<Ops...> ops_;
};

namespace detail {

template <class... Xs>
struct first_expression {
  using type = void;
};
template <class X, class... Xs>
struct first_expression<X, Xs...> {
  using type = std::conditional_t<Expression<X>, bare_t<X>, typename first_expression<Xs...>::type>;
};

/// How a node stores operand X when its expression operands have elements of type E.
template <class E, class X>
struct operand {
  using type = scalar_operand<broadcast_t<E, bare_t<X>>>;
  static type wrap(X&& x) { return type{static_cast<typename type::value_type>(x)}; }
};
template <class E, class X>
  requires Expression<X>
struct operand<E, X> {
  using type = stored_t<X>;
  static X&& wrap(X&& x) { return std::forward<X>(x); }
};

template <class X>
constexpr std::size_t static_rows_of() {
  if constexpr (Expression<X>) return bare_t<X>::static_rows;
  else return dynamic;
}
template <class X>
constexpr std::size_t static_cols_of() {
  if constexpr (Expression<X>) return bare_t<X>::static_cols;
  else return dynamic;
}

constexpr bool extents_agree(std::initializer_list<std::size_t> extents) {
  std::size_t e = dynamic;
  for (std::size_t x : extents) {
    if (!extents_fit(e, x)) return false;
    e = common_extent(e, x);
  }
  return true;
}

/// Builds the node F(operands...). Scalars among the operands are broadcast; every other
/// operand must have the same shape (a compile error for fixed sizes, shape_error otherwise).
template <class F, class... Xs>
auto make_expr(F f, Xs&&... xs) {
  static_assert((Expression<Xs> || ...), "linal: an element-wise operation needs a matrix or vector operand");
  static_assert(extents_agree({static_rows_of<Xs>()...}) && extents_agree({static_cols_of<Xs>()...}),
                "linal: element-wise operands must have the same shape; use equal sizes or a dynamic Matrix");
  std::size_t rows = 0, cols = 0;
  bool have_shape = false, mismatch = false;
  auto check = [&](const auto& x) {
    if constexpr (Expression<decltype(x)>) {
      if (!have_shape) {
        rows = x.rows();
        cols = x.cols();
        have_shape = true;
      }
      mismatch = mismatch || x.rows() != rows || x.cols() != cols;
    }
  };
  (check(xs), ...);
  if (mismatch) {
    std::string shapes;
    auto describe = [&](const auto& x) {
      if constexpr (Expression<decltype(x)>) shapes += (shapes.empty() ? "" : " ") + shape_string(x);
    };
    (describe(xs), ...);
    throw shape_error(std::string(F::name) + ": operands could not be broadcast together with shapes " + shapes);
  }

  using E = typename first_expression<Xs...>::type::value_type;
  return Expr<F, typename operand<E, Xs>::type...>(f, rows, cols, operand<E, Xs>::wrap(std::forward<Xs>(xs))...);
}

}  // namespace detail
}  // namespace linal
