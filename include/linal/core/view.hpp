#pragma once
/// \file
/// View: a non-owning strided window on matrix or user memory. Blocks, rows, columns,
/// diagonals and transposes are all Views; they read and write the memory they look at.
/// Copying a View copies the window, assigning to a View writes its elements.

#include <cassert>
#include <cstddef>
#include <type_traits>

#include "dense_base.hpp"
#include "fwd.hpp"

namespace linal {

template <class T, std::size_t R, std::size_t C>
class View : public detail::dense_base<View<T, R, C>, R, C> {
  using base = detail::dense_base<View<T, R, C>, R, C>;

 public:
  using linal_expression_tag = void;  ///< Marks linal expressions (see the Expression concept).
  using value_type = std::remove_const_t<T>;  ///< The element type.
  using element_type = T;  ///< The element type, const-qualified for read-only access.
  static constexpr bool is_linear = false;  ///< Elements are not one contiguous run.
  static constexpr bool is_batchable = false;  ///< Evaluated element by element.

  /// A rows x cols window whose element (i, j) is data[i * row_stride + j * col_stride].
  View(T* data, std::size_t rows, std::size_t cols, std::ptrdiff_t row_stride, std::ptrdiff_t col_stride)
      : data_(data), rows_(rows), cols_(cols), row_stride_(row_stride), col_stride_(col_stride) {
    if ((R != dynamic && rows != R) || (C != dynamic && cols != C))
      throw shape_error("View: shape " + detail::shape_string(rows, cols) + " does not match the static shape " +
                        detail::shape_string(R, C));
  }
  /// Copies the window, not the elements.
  View(const View&) = default;
  /// A writable view converts to a read-only one, and fixed extents to dynamic ones.
  template <class U, std::size_t R2, std::size_t C2>
    requires(std::is_convertible_v<U*, T*> && !std::is_same_v<View<U, R2, C2>, View>)
  View(const View<U, R2, C2>& other)
      : View(other.data(), other.rows(), other.cols(), other.row_stride(), other.col_stride()) {}

  /// Writes the elements of other into this view (shapes must match).
  View& operator=(const View& other) { return assign(other); }
  /// Writes the elements of e (same shape) into this view; right even when e reads this memory.
  template <Expression E>
  View& operator=(const E& e) {
    return assign(e);
  }
  /// Sets every element to value: `A.row(0) = 0.0;`.
  template <Scalar S>
  View& operator=(const S& value) {
    static_assert(!std::is_const_v<T>, "linal: cannot assign through a read-only view");
    this->fill(static_cast<value_type>(value));
    return *this;
  }

  /// Element (i, j), unchecked (asserted in debug builds); at(i, j) checks.
  T& operator()(std::size_t i, std::size_t j) const {
    assert(i < rows_ && j < cols_);
    return data_[static_cast<std::ptrdiff_t>(i) * row_stride_ + static_cast<std::ptrdiff_t>(j) * col_stride_];
  }
  using base::operator();

  T* data() const noexcept { return data_; }  ///< The first element.
  std::size_t rows() const noexcept { return rows_; }  ///< Number of rows.
  std::size_t cols() const noexcept { return cols_; }  ///< Number of columns.
  std::size_t size() const noexcept { return rows_ * cols_; }  ///< Number of elements.
  std::ptrdiff_t row_stride() const noexcept { return row_stride_; }  ///< Elements between consecutive rows.
  std::ptrdiff_t col_stride() const noexcept { return col_stride_; }  ///< Elements between consecutive columns.

 private:
  template <class E>
  View& assign(const E& e) {
    static_assert(!std::is_const_v<T>, "linal: cannot assign through a read-only view");
    static_assert(detail::extents_fit(R, E::static_rows) && detail::extents_fit(C, E::static_cols),
                  "linal: assigned expression must have the view's shape");
    detail::assign_same_shape<View, E, Matrix<value_type, detail::common_extent(R, E::static_rows),
                                               detail::common_extent(C, E::static_cols)>>(*this, e, "assign");
    return *this;
  }

  T* data_;
  std::size_t rows_;
  std::size_t cols_;
  std::ptrdiff_t row_stride_;
  std::ptrdiff_t col_stride_;
};

/// A rows x cols view over user memory in row-major order with the given row stride
/// (elements between the starts of consecutive rows; default cols). No copy is made.
template <Scalar T>
View<T> as_matrix(T* data, std::size_t rows, std::size_t cols, std::ptrdiff_t row_stride = -1) {
  return View<T>(data, rows, cols, row_stride < 0 ? static_cast<std::ptrdiff_t>(cols) : row_stride, 1);
}
/// A read-only view over const user memory (see the writable overload).
template <Scalar T>
View<const T> as_matrix(const T* data, std::size_t rows, std::size_t cols, std::ptrdiff_t row_stride = -1) {
  return View<const T>(data, rows, cols, row_stride < 0 ? static_cast<std::ptrdiff_t>(cols) : row_stride, 1);
}
/// An n-element vector view over user memory, stride elements apart (default 1).
template <Scalar T>
View<T, dynamic, 1> as_vector(T* data, std::size_t n, std::ptrdiff_t stride = 1) {
  return View<T, dynamic, 1>(data, n, 1, stride, 1);
}

namespace detail {
template <class X>
struct is_view : std::false_type {};
template <class T, std::size_t R, std::size_t C>
struct is_view<View<T, R, C>> : std::true_type {};
}  // namespace detail

/// The transpose of a matrix or view, as a view: no copy, and writes go to the original.
template <class M>
  requires requires(M& m) { m.T(); }
auto transpose(M& m) {
  return m.T();
}
/// The transpose of a view, as a view of the same memory.
template <class T, std::size_t R, std::size_t C>
auto transpose(View<T, R, C>&& v) {
  return v.T();
}
/// The transpose of a temporary matrix or of an expression, evaluated into a new matrix (a
/// view of a temporary would dangle).
template <Expression E>
  requires(!std::is_lvalue_reference_v<E> && !detail::is_view<std::remove_cvref_t<E>>::value)
auto transpose(E&& e) {
  using X = std::remove_cvref_t<E>;
  Matrix<typename X::value_type, X::static_cols, X::static_rows> result(e.cols(), e.rows());
  for (std::size_t i = 0; i < e.rows(); ++i)
    for (std::size_t j = 0; j < e.cols(); ++j) result(j, i) = e(i, j);
  return result;
}
/// The transpose of an lvalue expression, evaluated into a new matrix.
template <Expression E>
  requires(!requires(const E& m) { m.T(); })
auto transpose(const E& e) {
  return transpose(Matrix<typename E::value_type, E::static_rows, E::static_cols>(e));
}

}  // namespace linal

#include "matrix.hpp"  // views evaluate into Matrix temporaries
