#pragma once
/// \file
/// Structured views: upper(A), lower(A) (optionally with an implied unit diagonal) and
/// symmetric(A). Each is a read-only window on A that says which triangle holds the data, so
/// that solve() can use substitution instead of LU and matmul() reads one triangle only (for a
/// triangular view, doing only the triangle's multiply-adds: linalg/triangular_product.hpp).
/// The views are element-wise expressions too: `Matrix<double> U = upper(A);` copies the
/// triangle (zeros elsewhere), as triu(A) does.
///
/// Lifetime: a view refers to A's memory; it is meant to be used in the expression that makes
/// it, `solve(upper(A), b)`. Views of temporary matrices are refused at compile time.

#include <cstddef>
#include <type_traits>

#include "../core/matrix.hpp"
#include "../core/view.hpp"
#include "../kernels/gemm.hpp"
#include "../kernels/products.hpp"
#include "triangular_product.hpp"

namespace linal {

/// Which triangle of a matrix a structured view reads.
enum class triangle { upper, lower };

/// Tag for views whose diagonal is implied to be all ones (not read): `lower(L, unit_diagonal)`.
struct unit_diagonal_t {
  explicit unit_diagonal_t() = default;
};
inline constexpr unit_diagonal_t unit_diagonal{};  ///< Pass to upper() or lower() for a unit diagonal.

/// The triangular matrix held in one triangle of A: elements outside it read as zero, and with
/// a unit diagonal the diagonal reads as one. Made by upper(A) and lower(A).
template <class T, std::size_t R, std::size_t C>
class TriangularView {
 public:
  using linal_expression_tag = void;  ///< Marks linal expressions.
  using value_type = T;  ///< The element type.
  static constexpr std::size_t static_rows = R;  ///< Compile-time rows, or dynamic.
  static constexpr std::size_t static_cols = C;  ///< Compile-time columns, or dynamic.
  static constexpr bool is_linear = false;  ///< Read element by element.
  static constexpr bool is_batchable = false;  ///< Evaluated element by element.

  /// The view of one triangle of a; prefer upper(A) and lower(A).
  TriangularView(View<const T, R, C> a, triangle part, bool unit) : a_(a), part_(part), unit_(unit) {}

  std::size_t rows() const noexcept { return a_.rows(); }  ///< Number of rows.
  std::size_t cols() const noexcept { return a_.cols(); }  ///< Number of columns.
  const View<const T, R, C>& matrix() const noexcept { return a_; }  ///< The underlying matrix, all of it.
  triangle part() const noexcept { return part_; }  ///< The triangle that is read.
  bool has_unit_diagonal() const noexcept { return unit_; }  ///< Whether the diagonal reads as ones.

  /// Element (i, j) of the triangular matrix.
  T operator()(std::size_t i, std::size_t j) const {
    if (i == j) return unit_ ? T(1) : a_(i, j);
    const bool inside = part_ == triangle::upper ? i < j : i > j;
    return inside ? a_(i, j) : T(0);
  }
  bool hazard(const detail::memory_region& dest) const { return a_.hazard(dest); }  ///< Whether writing dest could change what is read.

 private:
  View<const T, R, C> a_;
  triangle part_;
  bool unit_;
};

/// The symmetric matrix held in one triangle of A: element (i, j) outside that triangle reads
/// (j, i), so the other triangle of A is never read. Made by symmetric(A).
template <class T, std::size_t R, std::size_t C>
class SymmetricView {
 public:
  using linal_expression_tag = void;  ///< Marks linal expressions.
  using value_type = T;  ///< The element type.
  static constexpr std::size_t static_rows = R;  ///< Compile-time rows, or dynamic.
  static constexpr std::size_t static_cols = C;  ///< Compile-time columns, or dynamic.
  static constexpr bool is_linear = false;  ///< Read element by element.
  static constexpr bool is_batchable = false;  ///< Evaluated element by element.

  /// The view of a through one triangle; prefer symmetric(A).
  SymmetricView(View<const T, R, C> a, triangle part) : a_(a), part_(part) {}

  std::size_t rows() const noexcept { return a_.rows(); }  ///< Number of rows.
  std::size_t cols() const noexcept { return a_.cols(); }  ///< Number of columns.
  const View<const T, R, C>& matrix() const noexcept { return a_; }  ///< The underlying matrix, all of it.
  triangle part() const noexcept { return part_; }  ///< The triangle that is read.

  /// Element (i, j) of the symmetric matrix.
  T operator()(std::size_t i, std::size_t j) const {
    const bool stored = part_ == triangle::upper ? i <= j : i >= j;
    return stored ? a_(i, j) : a_(j, i);
  }
  bool hazard(const detail::memory_region& dest) const { return a_.hazard(dest); }  ///< Whether writing dest could change what is read.

 private:
  View<const T, R, C> a_;
  triangle part_;
};

namespace detail {

template <Strided E>
auto read_only_view(const E& a) {
  using X = std::remove_cvref_t<E>;
  return View<const value_t<E>, X::static_rows, X::static_cols>(a.data(), a.rows(), a.cols(), a.row_stride(),
                                                                a.col_stride());
}

/// Matrices that own their elements: a view of a temporary one would dangle.
template <class E>
concept TemporaryMatrix = !std::is_lvalue_reference_v<E> && owns_storage<E>;

}  // namespace detail

/// The upper triangle of a (a matrix or a view; any shape) as a triangular view. O(1), no copy.
template <Strided E>
  requires(!detail::TemporaryMatrix<E>)
auto upper(E&& a) {
  return TriangularView(detail::read_only_view(a), triangle::upper, false);
}
/// The upper triangle of a with ones implied on the diagonal (the diagonal of a is not read).
template <Strided E>
  requires(!detail::TemporaryMatrix<E>)
auto upper(E&& a, unit_diagonal_t) {
  return TriangularView(detail::read_only_view(a), triangle::upper, true);
}
/// The lower triangle of a as a triangular view. O(1), no copy.
template <Strided E>
  requires(!detail::TemporaryMatrix<E>)
auto lower(E&& a) {
  return TriangularView(detail::read_only_view(a), triangle::lower, false);
}
/// The lower triangle of a with ones implied on the diagonal, as L of an LU factorization.
template <Strided E>
  requires(!detail::TemporaryMatrix<E>)
auto lower(E&& a, unit_diagonal_t) {
  return TriangularView(detail::read_only_view(a), triangle::lower, true);
}
/// The symmetric matrix stored in the lower triangle of a (the default, as NumPy's eigh) or in
/// the upper one: `symmetric(A, triangle::upper)`. The other triangle is never read. O(1).
template <Strided E>
  requires(!detail::TemporaryMatrix<E>)
auto symmetric(E&& a, triangle part = triangle::lower) {
  return SymmetricView(detail::read_only_view(a), part);
}

namespace detail {

template <class E>
inline constexpr bool is_structured_view = false;
template <class T, std::size_t R, std::size_t C>
inline constexpr bool is_structured_view<TriangularView<T, R, C>> = true;
template <class T, std::size_t R, std::size_t C>
inline constexpr bool is_structured_view<SymmetricView<T, R, C>> = true;

/// NumPy's shape check of matmul for a left operand with `a_cols` columns (or a vector's length).
template <class A, class B>
void require_matmul_aligned(const A& a, std::size_t a_cols, std::size_t a_dim, const B& b) {
  if (a_cols != b.rows())
    throw shape_error(not_aligned("matmul", shape_string(a), shape_string(b), a_cols, a_dim, b.rows()));
}

/// matmul of a symmetric view and any matrix expression: the view is evaluated into a dense
/// copy (O(n^2), reading its one triangle), then multiplied by gemm. A symmetric product needs
/// gemm's multiply-adds anyway, as both triangles of the matrix take part.
template <class T, std::size_t R, std::size_t C, Expression B>
auto symmetric_matmul(const SymmetricView<T, R, C>& a, const B& b) {
  using XB = std::remove_cvref_t<B>;
  static_assert(std::is_same_v<value_t<B>, T>, "linal: matmul operands must have the same element type");
  static_assert(extents_fit(C, XB::static_rows), "linal: matmul needs A's columns to match B's rows");
  require_matmul_aligned(a, a.cols(), 1, b);
  const Matrix<T, R, C> dense(a);
  Matrix<T, R, XB::static_cols> c(a.rows(), b.cols());
  with_memory(b, [&](const T* pb, std::ptrdiff_t brs, std::ptrdiff_t bcs) {
    kernels::gemm<T>(a.rows(), b.cols(), a.cols(), T(1), dense.data(), dense.row_stride(), 1, pb, brs, bcs, T(0),
                     c.data(), c.row_stride(), 1);
  });
  return c;
}

/// The triangle of view t as an operand, transposed when `transposed`; t's part flips with it.
template <class T, std::size_t R, std::size_t C>
strided_operand<T> triangle_operand(const TriangularView<T, R, C>& t, bool transposed) {
  const auto& a = t.matrix();
  const auto rs = static_cast<std::ptrdiff_t>(a.row_stride()), cs = static_cast<std::ptrdiff_t>(a.col_stride());
  return transposed ? strided_operand<T>{a.data(), cs, rs} : strided_operand<T>{a.data(), rs, cs};
}

}  // namespace detail

/// The product of a symmetric matrix, read from one triangle, and b (matrix or vector).
/// Shapes (n,n) and (n,k) give (n,k). O(n^2 k). Throws shape_error when n differs.
template <class T, std::size_t R, std::size_t C, Expression B>
auto matmul(const SymmetricView<T, R, C>& a, const B& b) {
  return detail::symmetric_matmul(a, b);
}

/// The product of a triangular matrix, read from one triangle, and b (matrix or vector).
/// Shapes (m,n) and (n,k) give (m,k). Only the triangle's multiply-adds are done: about
/// m n k / 2 for a square one. Throws shape_error when n differs.
template <class T, std::size_t R, std::size_t C, Expression B>
auto matmul(const TriangularView<T, R, C>& a, const B& b) {
  using XB = std::remove_cvref_t<B>;
  static_assert(std::is_same_v<value_t<B>, T>, "linal: matmul operands must have the same element type");
  static_assert(detail::extents_fit(C, XB::static_rows), "linal: matmul needs A's columns to match B's rows");
  if constexpr (detail::is_small_fixed<TriangularView<T, R, C>, B>()) {
    Matrix<T, R, XB::static_cols> c;
    kernels::detail::fixed_product<R, XB::static_cols, C>(a, b, c);
    return c;
  } else {
    detail::require_matmul_aligned(a, a.cols(), 1, b);
    Matrix<T, R, XB::static_cols> c(a.rows(), b.cols());
    detail::with_memory(b, [&](const T* pb, std::ptrdiff_t brs, std::ptrdiff_t bcs) {
      detail::trapezoid_multiply(a.part() == triangle::lower, a.has_unit_diagonal(), a.rows(), a.cols(), b.cols(),
                                 detail::triangle_operand(a, false), detail::strided_operand<T>{pb, brs, bcs},
                                 c.data(), c.row_stride(), std::ptrdiff_t(1));
    });
    return c;
  }
}

/// The product of a matrix (or, on the left, a vector v meaning v^T) and a triangular matrix
/// read from one triangle. Shapes (m,k) and (k,n) give (m,n); a vector (k) gives a vector (n).
/// Computed as (A T)^T = T^T A^T, with the same half of the multiply-adds as matmul(T, B).
/// Throws shape_error when k differs.
template <Expression A, class T, std::size_t R, std::size_t C>
  requires(!detail::is_structured_view<std::remove_cvref_t<A>>)
auto matmul(const A& a, const TriangularView<T, R, C>& t) {
  using XA = std::remove_cvref_t<A>;
  static_assert(std::is_same_v<value_t<A>, T>, "linal: matmul operands must have the same element type");
  constexpr bool a_vector = detail::is_column_type<A>;
  constexpr std::size_t ka = a_vector ? XA::static_rows : XA::static_cols;
  static_assert(detail::extents_fit(ka, R), "linal: matmul needs A's columns to match B's rows");
  const std::size_t k = a_vector ? a.rows() : a.cols();
  const bool lower_transposed = t.part() == triangle::upper;
  if constexpr (!a_vector && detail::is_small_fixed<A, TriangularView<T, R, C>>()) {
    Matrix<T, XA::static_rows, C> c;
    kernels::detail::fixed_product<XA::static_rows, C, XA::static_cols>(a, t, c);
    return c;
  } else if constexpr (a_vector) {
    detail::require_matmul_aligned(a, k, 0, t);
    Matrix<T, C, 1> y(t.cols(), 1);
    detail::with_memory(a, [&](const T* pa, std::ptrdiff_t ars, std::ptrdiff_t acs) {
      detail::trapezoid_multiply(lower_transposed, t.has_unit_diagonal(), t.cols(), t.rows(), std::size_t(1),
                                 detail::triangle_operand(t, true), detail::strided_operand<T>{pa, ars, acs}, y.data(),
                                 y.row_stride(), std::ptrdiff_t(1));
    });
    return y;
  } else {
    detail::require_matmul_aligned(a, k, 1, t);
    Matrix<T, XA::static_rows, C> c(a.rows(), t.cols());
    detail::with_memory(a, [&](const T* pa, std::ptrdiff_t ars, std::ptrdiff_t acs) {
      detail::trapezoid_multiply(lower_transposed, t.has_unit_diagonal(), t.cols(), t.rows(), a.rows(),
                                 detail::triangle_operand(t, true), detail::strided_operand<T>{pa, acs, ars}, c.data(),
                                 std::ptrdiff_t(1), c.row_stride());
    });
    return c;
  }
}

}  // namespace linal
