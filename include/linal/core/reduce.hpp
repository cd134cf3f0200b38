#pragma once
/// \file
/// Reductions with NumPy's names: sum, prod, min, max, mean, all, any, argmin, argmax,
/// count_nonzero, per-axis sum and mean, and the whole-array comparisons array_equal and allclose.

#include <cmath>
#include <limits>
#include <cstddef>
#include <stdexcept>
#include <string>

#include "../simd/simd.hpp"
#include "matrix.hpp"

namespace linal {

namespace detail {

/// Calls f(value, flat_index) for every element in row-major order.
template <Expression E, class F>
void for_each_element(const E& e, F&& f) {
  const std::size_t rows = e.rows(), cols = e.cols();
  if constexpr (std::remove_cvref_t<E>::is_linear) {
    const auto in = e.linear_reader();
    for (std::size_t k = 0; k < rows * cols; ++k) f(in.linear(k), k);
  } else {
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t j = 0; j < cols; ++j) f(e(i, j), i * cols + j);
  }
}

/// Index of the first element that `better` prefers to all others (NaN wins, as in NumPy).
template <Expression E, class Better>
std::size_t arg_extreme(const char* function, const E& e, Better better) {
  if (e.rows() * e.cols() == 0)
    throw std::invalid_argument(std::string(function) + ": attempt to get " + function + " of an empty sequence");
  std::size_t best = 0;
  value_t<E> best_value{};
  bool found_nan = false;
  for_each_element(e, [&](const auto& x, std::size_t k) {
    if (found_nan) return;
    if constexpr (std::is_floating_point_v<value_t<E>>) {
      if (std::isnan(x)) {
        best = k;
        found_nan = true;
        return;
      }
    }
    if (k == 0 || better(x, best_value)) {
      best = k;
      best_value = x;
    }
  });
  return best;
}

}  // namespace detail

/// Sum of all elements (0 for an empty array).
template <Expression E>
value_t<E> sum(const E& e) {
  using T = value_t<E>;
  using X = std::remove_cvref_t<E>;
  T total{};
  if constexpr (X::is_linear && X::is_batchable) {
    using B = simd::batch<T>;
    const std::size_t n = e.rows() * e.cols();
    std::size_t k = 0;
    const auto in = e.linear_reader();
    B acc(T(0));
    for (; k + B::size() <= n; k += B::size()) acc += in.template batch<B>(k);
    total = simd::stdx::reduce(acc);
    for (; k < n; ++k) total += in.linear(k);
  } else {
    detail::for_each_element(e, [&](const T& x, std::size_t) { total += x; });
  }
  return total;
}

/// Product of all elements (1 for an empty array).
template <Expression E>
value_t<E> prod(const E& e) {
  value_t<E> p(1);
  detail::for_each_element(e, [&](const auto& x, std::size_t) { p *= x; });
  return p;
}

/// Mean of all elements; NaN for an empty array, as NumPy.
template <Expression E>
auto mean(const E& e) {
  using T = std::conditional_t<std::is_integral_v<value_t<E>>, double, value_t<E>>;
  const std::size_t n = e.rows() * e.cols();
  if (n == 0) return T(std::numeric_limits<real_t<T>>::quiet_NaN());
  return static_cast<T>(sum(e)) / static_cast<T>(n);
}

/// Flat (row-major) index of the largest element; the first one on ties.
template <Expression E>
std::size_t argmax(const E& e) {
  return detail::arg_extreme("argmax", e, [](const auto& a, const auto& b) { return a > b; });
}
/// Flat (row-major) index of the smallest element; the first one on ties.
template <Expression E>
std::size_t argmin(const E& e) {
  return detail::arg_extreme("argmin", e, [](const auto& a, const auto& b) { return a < b; });
}
/// Largest element; NaN if any element is NaN. Throws std::invalid_argument when empty.
template <Expression E>
value_t<E> max(const E& e) {
  const std::size_t k = detail::arg_extreme("max", e, [](const auto& a, const auto& b) { return a > b; });
  return e(k / e.cols(), k % e.cols());
}
/// Smallest element; NaN if any element is NaN. Throws std::invalid_argument when empty.
template <Expression E>
value_t<E> min(const E& e) {
  const std::size_t k = detail::arg_extreme("min", e, [](const auto& a, const auto& b) { return a < b; });
  return e(k / e.cols(), k % e.cols());
}

/// True when every element is nonzero (true for an empty array).
template <Expression E>
bool all(const E& e) {
  bool result = true;
  detail::for_each_element(e, [&](const auto& x, std::size_t) { result = result && x != value_t<E>{}; });
  return result;
}
/// True when some element is nonzero.
template <Expression E>
bool any(const E& e) {
  bool result = false;
  detail::for_each_element(e, [&](const auto& x, std::size_t) { result = result || x != value_t<E>{}; });
  return result;
}
/// Number of nonzero elements.
template <Expression E>
std::size_t count_nonzero(const E& e) {
  std::size_t n = 0;
  detail::for_each_element(e, [&](const auto& x, std::size_t) { n += x != value_t<E>{}; });
  return n;
}

/// Sums along an axis, as NumPy: axis 0 sums each column (a vector of cols() elements),
/// axis 1 sums each row (rows() elements).
template <Expression E>
Vector<value_t<E>> sum(const E& e, int axis) {
  if (axis != 0 && axis != 1)
    throw std::invalid_argument("sum: axis " + std::to_string(axis) + " is out of bounds for a 2-D array");
  Vector<value_t<E>> result(axis == 0 ? e.cols() : e.rows());
  for (std::size_t i = 0; i < e.rows(); ++i)
    for (std::size_t j = 0; j < e.cols(); ++j) result[axis == 0 ? j : i] += e(i, j);
  return result;
}
/// Means along an axis (see sum(e, axis)).
template <Expression E>
  requires std::is_floating_point_v<real_t<value_t<E>>>
Vector<value_t<E>> mean(const E& e, int axis) {
  Vector<value_t<E>> s = sum(e, axis);
  const std::size_t n = axis == 0 ? e.rows() : e.cols();
  s /= static_cast<value_t<E>>(n);
  return s;
}

/// True when a and b have the same shape and equal elements.
template <Expression A, Expression B>
bool array_equal(const A& a, const B& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  return all(a == b);
}

/// True when a and b have the same shape and |a - b| <= atol + rtol |b| element-wise
/// (NumPy's allclose; NaNs compare unequal).
template <Expression A, Expression B>
bool allclose(const A& a, const B& b, double rtol = 1e-05, double atol = 1e-08) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j) {
      const double diff = static_cast<double>(std::abs(a(i, j) - b(i, j)));
      const double scale = static_cast<double>(std::abs(b(i, j)));
      if (!(diff <= atol + rtol * scale)) return false;
    }
  return true;
}

}  // namespace linal
