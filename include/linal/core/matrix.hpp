#pragma once
/// \file
/// Matrix<T, R, C>: the owning, row-major (NumPy's C order) dense matrix, and Vector<T, N>,
/// its one-column case.

#include <cassert>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <utility>

#include "assign.hpp"
#include "dense_base.hpp"
#include "fwd.hpp"
#include "shape.hpp"
#include "storage.hpp"
#include "view.hpp"

namespace linal {

template <class T, std::size_t R, std::size_t C>
class Matrix : public detail::dense_base<Matrix<T, R, C>, R, C> {
  static_assert(Scalar<T> || std::is_same_v<T, bool>,
                "linal: Matrix elements must be an arithmetic type, bool or std::complex");
  using base = detail::dense_base<Matrix<T, R, C>, R, C>;

 public:
  using linal_expression_tag = void;  ///< Marks linal expressions (see the Expression concept).
  using value_type = T;  ///< The element type.
  using element_type = T;  ///< The element type, const-qualified for read-only access.
  static constexpr bool owns_storage = true;  ///< Held by reference in expressions when an lvalue.
  static constexpr bool is_linear = true;  ///< Elements are contiguous in row-major order.
  static constexpr bool is_batchable = simd::has_batch<T>;  ///< Evaluated in SIMD batches.
  static constexpr bool is_fixed = R != dynamic && C != dynamic;  ///< Both extents are compile-time constants.

  /// Zeros of the static shape; 0 x 0 (or an empty vector) when an extent is dynamic.
  Matrix() = default;

  /// A rows x cols matrix of zeros. For a fixed extent the size must match it.
  Matrix(std::size_t rows, std::size_t cols) : store_(checked_extent(rows, R), checked_extent(cols, C)) {}

  /// A vector of n zeros: `Vector<double> v(5);`.
  explicit Matrix(std::size_t n)
    requires(C == 1 || R == 1)
      : store_(C == 1 ? checked_extent(n, R) : 1, C == 1 ? 1 : checked_extent(n, C)) {}

  /// Rows of elements: `Matrix<double> A{{1, 2, 3}, {4, 5, 6}};`. Ragged rows are a shape_error.
  Matrix(std::initializer_list<std::initializer_list<T>> rows)
      : store_(checked_extent(rows.size(), R), checked_extent(rows.size() ? rows.begin()->size() : 0, C)) {
    std::size_t i = 0;
    for (const auto& row : rows) {
      if (row.size() != cols())
        throw shape_error("Matrix: row " + std::to_string(i) + " has " + std::to_string(row.size()) +
                          " elements, expected " + std::to_string(cols()) + " as in row 0");
      std::copy(row.begin(), row.end(), data() + i * cols());
      ++i;
    }
  }

  /// The elements of a vector: `Vector<double> v{1, 2, 3};`.
  Matrix(std::initializer_list<T> elements)
    requires(C == 1 || R == 1)
      : Matrix(elements.size()) {
    std::copy(elements.begin(), elements.end(), data());
  }

  /// Evaluates an expression: `Matrix<double> C = A + 2 * B;`. Implicit only when the
  /// element types agree; other element types need an explicit conversion or `.cast<U>()`.
  template <Expression E>
    requires(!std::is_same_v<std::remove_cvref_t<E>, Matrix>)
  explicit(!std::is_same_v<typename E::value_type, T>) Matrix(const E& e)
      : store_(checked_extent(e.rows(), R, e.cols(), C, "Matrix"), checked_extent(e.cols(), C)) {
    static_assert(detail::extents_fit(R, E::static_rows) && detail::extents_fit(C, E::static_cols),
                  "linal: cannot initialize a matrix from an expression of another fixed shape");
    detail::copy_elements(*this, e);
  }

  Matrix(const Matrix&) = default;                 ///< Copies the elements.
  Matrix(Matrix&&) noexcept = default;             ///< Takes the elements (O(1) for dynamic sizes).
  Matrix& operator=(const Matrix&) = default;      ///< Copies the elements and the shape.
  Matrix& operator=(Matrix&&) noexcept = default;  ///< Takes the elements and the shape.

  /// Assigns an expression. A dynamic matrix takes the expression's shape; a fixed one must
  /// already have it. Right even when the expression reads this matrix: A = transpose(A).
  template <Expression E>
    requires(!std::is_same_v<std::remove_cvref_t<E>, Matrix>)
  Matrix& operator=(const E& e) {
    static_assert(detail::extents_fit(R, E::static_rows) && detail::extents_fit(C, E::static_cols),
                  "linal: cannot assign an expression of another fixed shape to this matrix");
    if (e.rows() == rows() && e.cols() == cols()) {
      detail::assign_same_shape<Matrix, E, Matrix>(*this, e, "assign");
    } else {
      Matrix result(e);  // also right when e reads this matrix
      swap(result);
    }
    return *this;
  }

  /// Changes the shape of a dynamic matrix; the elements are zero afterwards unless the
  /// shape was already rows x cols.
  void resize(std::size_t rows, std::size_t cols) {
    if (rows == this->rows() && cols == this->cols()) return;
    detail::storage<T, R, C> fresh(checked_extent(rows, R), checked_extent(cols, C));
    store_.swap(fresh);
  }
  /// Changes the length of a dynamic vector (see resize(rows, cols)).
  void resize(std::size_t n)
    requires(C == 1 || R == 1)
  {
    if (C == 1) resize(n, 1);
    else resize(1, n);
  }
  /// Used by noalias(): takes the shape of src, or throws when this matrix cannot.
  template <Expression E>
  void resize_for_assign(const E& src) {
    checked_extent(src.rows(), R, src.cols(), C, "assign");
    resize(src.rows(), src.cols());
  }

  /// Exchanges the elements and shapes of two matrices in O(1) for dynamic sizes.
  void swap(Matrix& other) noexcept { store_.swap(other.store_); }

  /// Element (i, j), unchecked.
  T& operator()(std::size_t i, std::size_t j) {
    assert(i < rows() && j < cols());
    return data()[i * cols() + j];
  }
  /// Element (i, j) of a const matrix, unchecked.
  const T& operator()(std::size_t i, std::size_t j) const {
    assert(i < rows() && j < cols());
    return data()[i * cols() + j];
  }
  using base::operator();

  std::size_t rows() const noexcept { return store_.rows(); }  ///< Number of rows.
  std::size_t cols() const noexcept { return store_.cols(); }  ///< Number of columns.
  std::size_t size() const noexcept { return rows() * cols(); }  ///< Number of elements.
  bool empty() const noexcept { return size() == 0; }  ///< Whether there are no elements.
  std::ptrdiff_t row_stride() const noexcept { return static_cast<std::ptrdiff_t>(cols()); }  ///< Elements between rows: cols().
  static constexpr std::ptrdiff_t col_stride() noexcept { return 1; }  ///< Elements between columns: 1.

  T* data() noexcept { return store_.data(); }  ///< The first element.
  const T* data() const noexcept { return store_.data(); }  ///< The first element.
  T* begin() noexcept { return data(); }  ///< Start of the elements in row-major order.
  T* end() noexcept { return data() + size(); }  ///< End of the elements.
  const T* begin() const noexcept { return data(); }  ///< Start of the elements in row-major order.
  const T* end() const noexcept { return data() + size(); }  ///< End of the elements.


  /// Element k in row-major order (for contiguous expressions).
  T linear(std::size_t k) const { return data()[k]; }
  /// The memory this matrix spans, for the overlap check; cheaper than the general strided
  /// form because the elements are one contiguous run.
  detail::memory_region region() const {
    if (empty()) return {};
    const auto* first = reinterpret_cast<const std::byte*>(data());
    const auto elem = static_cast<std::ptrdiff_t>(sizeof(T));
    return {first, first + static_cast<std::ptrdiff_t>(size()) * elem, first,
            rows() > 1 ? row_stride() * elem : 0, cols() > 1 ? elem : 0};
  }
  /// Whether writing dest before reading this matrix could change what is read.
  bool hazard(const detail::memory_region& dest) const { return detail::read_write_hazard(region(), dest); }
  /// A reader of elements by row-major index, for evaluation loops.
  detail::pointer_reader<T> linear_reader() const { return {data()}; }
  /// The SIMD batch of type B starting at element k.
  template <class B>
  B batch(std::size_t k) const {
    return simd::load(data() + k);
  }

 private:
  static std::size_t checked_extent(std::size_t n, std::size_t fixed) {
    if (fixed != dynamic && n != fixed)
      throw shape_error("Matrix: extent " + std::to_string(n) + " does not match the fixed extent " +
                        std::to_string(fixed));
    return n;
  }
  static std::size_t checked_extent(std::size_t rows, std::size_t fixed_rows, std::size_t cols,
                                    std::size_t fixed_cols, const char* function) {
    if ((fixed_rows != dynamic && rows != fixed_rows) || (fixed_cols != dynamic && cols != fixed_cols))
      throw shape_error(std::string(function) + ": shape " + detail::shape_string(rows, cols) +
                        " does not match the fixed shape " + detail::shape_string(R, C));
    return rows;
  }

  detail::storage<T, R, C> store_;
};

/// Exchanges two matrices (see Matrix::swap).
template <class T, std::size_t R, std::size_t C>
void swap(Matrix<T, R, C>& a, Matrix<T, R, C>& b) noexcept {
  a.swap(b);
}

}  // namespace linal
