#pragma once
/// \file
/// Structured views: upper(A), lower(A) (optionally with an implied unit diagonal) and
/// symmetric(A). Each is a read-only window on A that says which triangle holds the data, so
/// that solve() can use substitution instead of LU and matmul() reads one triangle only. The
/// views are element-wise expressions too: `Matrix<double> U = upper(A);` copies the triangle
/// (zeros elsewhere), as triu(A) does.
///
/// Lifetime: a view refers to A's memory; it is meant to be used in the expression that makes
/// it, `solve(upper(A), b)`. Views of temporary matrices are refused at compile time.

#include <cstddef>
#include <type_traits>

#include "../core/matrix.hpp"
#include "../core/view.hpp"
#include "../kernels/gemm.hpp"

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

/// matmul of a structured view (evaluated into a dense copy, O(n^2)) and any matrix expression.
template <class Structured, Expression B>
auto structured_matmul(const char* function, const Structured& a, const B& b) {
  using T = typename Structured::value_type;
  using XB = std::remove_cvref_t<B>;
  static_assert(std::is_same_v<value_t<B>, T>, "linal: matmul operands must have the same element type");
  static_assert(extents_fit(Structured::static_cols, XB::static_rows),
                "linal: matmul needs A's columns to match B's rows");
  if (a.cols() != b.rows())
    throw shape_error(std::string(function) + ": " + shape_string(a) + " and " + shape_string(b) +
                      " not aligned: " + std::to_string(a.cols()) + " (dim 1) != " + std::to_string(b.rows()) +
                      " (dim 0)");
  const Matrix<T, Structured::static_rows, Structured::static_cols> dense(a);
  const Matrix<T, XB::static_rows, XB::static_cols> right(b);
  Matrix<T, Structured::static_rows, XB::static_cols> c(a.rows(), b.cols());
  kernels::gemm<T>(a.rows(), b.cols(), a.cols(), T(1), dense.data(), dense.row_stride(), 1, right.data(),
                   right.row_stride(), 1, T(0), c.data(), c.row_stride(), 1);
  return c;
}

}  // namespace detail

/// The product of a symmetric matrix, read from one triangle, and b (matrix or vector).
/// Shapes (n,n) and (n,k) give (n,k). O(n^2 k). Throws shape_error when n differs.
template <class T, std::size_t R, std::size_t C, Expression B>
auto matmul(const SymmetricView<T, R, C>& a, const B& b) {
  return detail::structured_matmul("matmul", a, b);
}

/// The product of a triangular matrix, read from one triangle, and b (matrix or vector).
/// Shapes (m,n) and (n,k) give (m,k). O(mnk). Throws shape_error when n differs.
template <class T, std::size_t R, std::size_t C, Expression B>
auto matmul(const TriangularView<T, R, C>& a, const B& b) {
  return detail::structured_matmul("matmul", a, b);
}

}  // namespace linal
