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
  using linal_expression_tag = void;
  using value_type = T;
  using element_type = T;
  static constexpr bool owns_storage = true;
  static constexpr bool is_linear = true;
  static constexpr bool is_batchable = simd::has_batch<T>;
  static constexpr bool is_fixed = R != dynamic && C != dynamic;

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

  Matrix(const Matrix&) = default;
  Matrix(Matrix&&) noexcept = default;
  Matrix& operator=(const Matrix&) = default;
  Matrix& operator=(Matrix&&) noexcept = default;

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

  void swap(Matrix& other) noexcept { store_.swap(other.store_); }

  T& operator()(std::size_t i, std::size_t j) {
    assert(i < rows() && j < cols());
    return data()[i * cols() + j];
  }
  const T& operator()(std::size_t i, std::size_t j) const {
    assert(i < rows() && j < cols());
    return data()[i * cols() + j];
  }
  using base::operator();

  std::size_t rows() const noexcept { return store_.rows(); }
  std::size_t cols() const noexcept { return store_.cols(); }
  std::size_t size() const noexcept { return rows() * cols(); }
  bool empty() const noexcept { return size() == 0; }
  std::ptrdiff_t row_stride() const noexcept { return static_cast<std::ptrdiff_t>(cols()); }
  static constexpr std::ptrdiff_t col_stride() noexcept { return 1; }

  T* data() noexcept { return store_.data(); }
  const T* data() const noexcept { return store_.data(); }
  /// The elements in row-major order: Matrix is a contiguous range (std::span works).
  T* begin() noexcept { return data(); }
  T* end() noexcept { return data() + size(); }
  const T* begin() const noexcept { return data(); }
  const T* end() const noexcept { return data() + size(); }

  // Element k in row-major order, and a SIMD batch from element k: how expressions read.
  T linear(std::size_t k) const { return data()[k]; }
  detail::pointer_reader<T> linear_reader() const { return {data()}; }
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

template <class T, std::size_t R, std::size_t C>
void swap(Matrix<T, R, C>& a, Matrix<T, R, C>& b) noexcept {
  a.swap(b);
}

}  // namespace linal
