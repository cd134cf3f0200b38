#pragma once
/// \file
/// What matrices and views share: checked access, sub-views (row, col, block, diagonal,
/// transpose), compound assignment and casts. Derived supplies data(), rows(), cols(),
/// row_stride(), col_stride() and operator()(i, j).

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#include "assign.hpp"
#include "fwd.hpp"
#include "operators.hpp"
#include "region.hpp"
#include "shape.hpp"

namespace linal::detail {

inline void check_index(const char* function, std::size_t index, std::size_t extent,
                        const std::string& shape) {
  if (index >= extent)
    throw std::out_of_range(std::string(function) + ": index " + std::to_string(index) +
                            " is out of bounds for shape " + shape);
}

template <class Derived, std::size_t R, std::size_t C>
class dense_base {
 public:
  static constexpr std::size_t static_rows = R;
  static constexpr std::size_t static_cols = C;
  static constexpr bool is_vector = R == 1 || C == 1;

  /// Element (i, j), bounds-checked in every build mode: std::out_of_range when outside.
  decltype(auto) at(std::size_t i, std::size_t j) {
    check_element(i, j);
    return self()(i, j);
  }
  decltype(auto) at(std::size_t i, std::size_t j) const {
    check_element(i, j);
    return self()(i, j);
  }
  /// Element i of a vector, bounds-checked.
  decltype(auto) at(std::size_t i)
    requires is_vector
  {
    check_index("at", i, self().size(), shape_string(self()));
    return (*this)[i];
  }
  decltype(auto) at(std::size_t i) const
    requires is_vector
  {
    check_index("at", i, self().size(), shape_string(self()));
    return (*this)[i];
  }
  /// Element i of a vector (unchecked; asserted in debug builds).
  decltype(auto) operator[](std::size_t i)
    requires is_vector
  {
    return C == 1 ? self()(i, 0) : self()(0, i);
  }
  decltype(auto) operator[](std::size_t i) const
    requires is_vector
  {
    return C == 1 ? self()(i, 0) : self()(0, i);
  }
  decltype(auto) operator()(std::size_t i)
    requires is_vector
  {
    return (*this)[i];
  }
  decltype(auto) operator()(std::size_t i) const
    requires is_vector
  {
    return (*this)[i];
  }

  /// Row i as a 1 x cols view; reads and writes go to this matrix.
  auto row(std::size_t i) { return row_of(self(), i); }
  auto row(std::size_t i) const { return row_of(self(), i); }
  /// Column j as a rows x 1 view.
  auto col(std::size_t j) { return col_of(self(), j); }
  auto col(std::size_t j) const { return col_of(self(), j); }
  /// The r x c block whose top-left element is (i, j); std::out_of_range if it does not fit.
  auto block(std::size_t i, std::size_t j, std::size_t r, std::size_t c) { return block_of(self(), i, j, r, c); }
  auto block(std::size_t i, std::size_t j, std::size_t r, std::size_t c) const {
    return block_of(self(), i, j, r, c);
  }
  /// The main diagonal as a vector view of min(rows, cols) elements.
  auto diagonal() { return diagonal_of(self()); }
  auto diagonal() const { return diagonal_of(self()); }
  /// The transpose as a view (no copy): `A.T()(i, j)` is `A(j, i)`.
  auto T() { return transpose_of(self()); }
  auto T() const { return transpose_of(self()); }
  /// The conjugate transpose (lazy); the plain transpose for real element types.
  auto H() const { return conj(transpose_of(self())); }

  /// The elements converted to U, lazily: `Matrix<float> F = A.cast<float>();`.
  template <Scalar U>
  auto cast() const& {
    return make_expr(ops::cast_to<U>{}, self());
  }
  template <Scalar U>
  auto cast() && {
    return make_expr(ops::cast_to<U>{}, std::move(self()));
  }

  /// Sets every element to value.
  Derived& fill(const auto& value) {
    for (std::size_t i = 0; i < self().rows(); ++i)
      for (std::size_t j = 0; j < self().cols(); ++j) self()(i, j) = value;
    return self();
  }

  template <Operand X>
  Derived& operator+=(X&& x) {
    return compound(ops::add{}, std::forward<X>(x));
  }
  template <Operand X>
  Derived& operator-=(X&& x) {
    return compound(ops::subtract{}, std::forward<X>(x));
  }
  /// Element-wise (Hadamard) product in place.
  template <Operand X>
  Derived& operator*=(X&& x) {
    return compound(ops::multiply{}, std::forward<X>(x));
  }
  template <Operand X>
  Derived& operator/=(X&& x) {
    return compound(ops::divide{}, std::forward<X>(x));
  }

  memory_region region() const {
    return region_of(self().data(), self().rows(), self().cols(), self().row_stride(), self().col_stride());
  }
  /// Whether writing dest before reading this operand could change what is read.
  bool hazard(const memory_region& dest) const { return read_write_hazard(region(), dest); }

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
  const Derived& self() const { return static_cast<const Derived&>(*this); }

  void check_element(std::size_t i, std::size_t j) const {
    if (i >= self().rows() || j >= self().cols())
      throw std::out_of_range("at: index (" + std::to_string(i) + "," + std::to_string(j) +
                              ") is out of bounds for shape " + shape_string(self().rows(), self().cols()));
  }

  template <class F, class X>
  Derived& compound(F f, X&& x) {
    const auto expr = make_expr(f, std::as_const(self()), std::forward<X>(x));
    assign_same_shape<Derived, decltype(expr), Matrix<typename Derived::value_type, R, C>>(self(), expr, F::name);
    return self();
  }

  template <class Self>
  static auto row_of(Self& m, std::size_t i) {
    check_index("row", i, m.rows(), shape_string(m.rows(), m.cols()));
    using P = std::remove_pointer_t<decltype(m.data())>;
    return View<P, 1, C>(m.data() + i * m.row_stride(), 1, m.cols(), m.row_stride(), m.col_stride());
  }
  template <class Self>
  static auto col_of(Self& m, std::size_t j) {
    check_index("col", j, m.cols(), shape_string(m.rows(), m.cols()));
    using P = std::remove_pointer_t<decltype(m.data())>;
    return View<P, R, 1>(m.data() + j * m.col_stride(), m.rows(), 1, m.row_stride(), m.col_stride());
  }
  template <class Self>
  static auto block_of(Self& m, std::size_t i, std::size_t j, std::size_t r, std::size_t c) {
    if (i > m.rows() || j > m.cols() || r > m.rows() - i || c > m.cols() - j)
      throw std::out_of_range("block: a " + shape_string(r, c) + " block at (" + std::to_string(i) + "," +
                              std::to_string(j) + ") does not fit in shape " + shape_string(m.rows(), m.cols()));
    using P = std::remove_pointer_t<decltype(m.data())>;
    return View<P>(m.data() + i * m.row_stride() + j * m.col_stride(), r, c, m.row_stride(), m.col_stride());
  }
  template <class Self>
  static auto diagonal_of(Self& m) {
    using P = std::remove_pointer_t<decltype(m.data())>;
    constexpr std::size_t N = (R == dynamic || C == dynamic) ? dynamic : std::min(R, C);
    return View<P, N, 1>(m.data(), std::min(m.rows(), m.cols()), 1, m.row_stride() + m.col_stride(), 1);
  }
  template <class Self>
  static auto transpose_of(Self& m) {
    using P = std::remove_pointer_t<decltype(m.data())>;
    return View<P, C, R>(m.data(), m.cols(), m.rows(), m.col_stride(), m.row_stride());
  }
};

}  // namespace linal::detail
