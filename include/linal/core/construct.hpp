#pragma once
/// \file
/// Builders with NumPy's names: zeros, ones, full, eye, diag, arange, linspace, random
/// matrices from a seeded generator, and vectors from ranges.

#include <cmath>
#include <cstdint>
#include <random>
#include <ranges>
#include <string>

#include "matrix.hpp"

namespace linal {

/// A rows x cols matrix of zeros (dynamic): `zeros<double>(2, 3)`.
template <Scalar T = double>
Matrix<T> zeros(std::size_t rows, std::size_t cols) {
  return Matrix<T>(rows, cols);
}
/// A vector of n zeros.
template <Scalar T = double>
Vector<T> zeros(std::size_t n) {
  return Vector<T>(n);
}
/// A fixed-size matrix of zeros: `zeros<double, 3, 3>()`.
template <Scalar T, std::size_t R, std::size_t C = 1>
Matrix<T, R, C> zeros() {
  return Matrix<T, R, C>();
}

/// A rows x cols matrix with every element equal to value.
template <Scalar T>
Matrix<T> full(std::size_t rows, std::size_t cols, T value) {
  Matrix<T> m(rows, cols);
  return m.fill(value), m;
}
/// A vector of n elements equal to value.
template <Scalar T>
Vector<T> full(std::size_t n, T value) {
  Vector<T> v(n);
  return v.fill(value), v;
}

/// A rows x cols matrix of ones.
template <Scalar T = double>
Matrix<T> ones(std::size_t rows, std::size_t cols) {
  return full<T>(rows, cols, T(1));
}
/// A vector of n ones.
template <Scalar T = double>
Vector<T> ones(std::size_t n) {
  return full<T>(n, T(1));
}

/// The rows x cols matrix with ones on diagonal k (0 main, > 0 above, < 0 below).
template <Scalar T = double>
Matrix<T> eye(std::size_t rows, std::size_t cols, std::ptrdiff_t k = 0) {
  Matrix<T> m(rows, cols);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
    if (j >= 0 && j < static_cast<std::ptrdiff_t>(cols)) m(i, static_cast<std::size_t>(j)) = T(1);
  }
  return m;
}
/// The n x n identity matrix.
template <Scalar T = double>
Matrix<T> eye(std::size_t n) {
  return eye<T>(n, n);
}
/// The fixed-size N x N identity: `eye<double, 3>()`.
template <Scalar T, std::size_t N>
Matrix<T, N, N> eye() {
  Matrix<T, N, N> m;
  for (std::size_t i = 0; i < N; ++i) m(i, i) = T(1);
  return m;
}

/// The square matrix with v on diagonal k and zeros elsewhere (NumPy's diag of a 1-D array).
template <VectorExpression V>
auto diag(const V& v, std::ptrdiff_t k = 0) {
  using T = value_t<V>;
  const std::size_t n = v.size() + static_cast<std::size_t>(k < 0 ? -k : k);
  Matrix<T> m(n, n);
  const std::size_t row0 = k < 0 ? static_cast<std::size_t>(-k) : 0;
  const std::size_t col0 = k > 0 ? static_cast<std::size_t>(k) : 0;
  const bool column = std::remove_cvref_t<V>::static_cols == 1;
  for (std::size_t i = 0; i < v.size(); ++i) m(row0 + i, col0 + i) = column ? v(i, 0) : v(0, i);
  return m;
}

/// Diagonal k of a matrix as a new vector (NumPy's diag of a 2-D array).
template <Expression E>
  requires(!VectorExpression<E>)
Vector<value_t<E>> diag(const E& a, std::ptrdiff_t k = 0) {
  const std::size_t row0 = k < 0 ? static_cast<std::size_t>(-k) : 0;
  const std::size_t col0 = k > 0 ? static_cast<std::size_t>(k) : 0;
  const std::size_t n = (row0 >= a.rows() || col0 >= a.cols()) ? 0 : std::min(a.rows() - row0, a.cols() - col0);
  Vector<value_t<E>> d(n);
  for (std::size_t i = 0; i < n; ++i) d[i] = a(row0 + i, col0 + i);
  return d;
}

/// Evenly spaced values in [start, stop) with the given step, as NumPy's arange.
template <Scalar T>
Vector<T> arange(T start, T stop, T step = T(1)) {
  if (step == T(0)) throw std::invalid_argument("arange: step must not be zero");
  const double count = std::ceil((static_cast<double>(stop) - static_cast<double>(start)) / static_cast<double>(step));
  const std::size_t n = count > 0 ? static_cast<std::size_t>(count) : 0;
  Vector<T> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<T>(start + static_cast<T>(i) * step);
  return v;
}
/// 0, 1, ..., stop - 1.
template <Scalar T>
Vector<T> arange(T stop) {
  return arange<T>(T(0), stop, T(1));
}

/// num evenly spaced values from start to stop (stop included unless endpoint is false).
template <std::floating_point T>
Vector<T> linspace(T start, T stop, std::size_t num = 50, bool endpoint = true) {
  Vector<T> v(num);
  const std::size_t intervals = endpoint ? (num > 1 ? num - 1 : 1) : (num > 0 ? num : 1);
  const T step = (stop - start) / static_cast<T>(intervals);
  for (std::size_t i = 0; i < num; ++i) v[i] = start + static_cast<T>(i) * step;
  if (endpoint && num > 1) v[num - 1] = stop;
  return v;
}

/// A vector holding the elements of any sized range: `asarray(std::vector{1.0, 2.0})`.
template <std::ranges::sized_range Range>
  requires Scalar<std::ranges::range_value_t<Range>>
auto asarray(const Range& range) {
  Vector<std::ranges::range_value_t<Range>> v(std::ranges::size(range));
  std::size_t i = 0;
  for (const auto& x : range) v[i++] = x;
  return v;
}

/// A seeded source of random matrices, in the spirit of NumPy's default_rng(seed). Each
/// Generator owns its state: no global state, so threads with their own generators never
/// interfere and every run with the same seed gives the same numbers.
class Generator {
 public:
  /// A generator whose numbers are fixed by seed.
  explicit Generator(std::uint64_t seed = 0) : engine_(seed) {}

  /// Uniform values in [low, high).
  template <std::floating_point T = double>
  Matrix<T> uniform(std::size_t rows, std::size_t cols, T low = 0, T high = 1) {
    std::uniform_real_distribution<T> dist(low, high);
    return fill_with(Matrix<T>(rows, cols), dist);
  }
  /// Normal values with the given mean and standard deviation.
  template <std::floating_point T = double>
  Matrix<T> normal(std::size_t rows, std::size_t cols, T mean = 0, T stddev = 1) {
    std::normal_distribution<T> dist(mean, stddev);
    return fill_with(Matrix<T>(rows, cols), dist);
  }
  /// Integers uniform in [low, high).
  template <std::integral T = int>
  Matrix<T> integers(std::size_t rows, std::size_t cols, T low, T high) {
    std::uniform_int_distribution<T> dist(low, high - 1);
    return fill_with(Matrix<T>(rows, cols), dist);
  }
  /// A vector of n uniform values in [low, high).
  template <std::floating_point T = double>
  Vector<T> uniform_vector(std::size_t n, T low = 0, T high = 1) {
    std::uniform_real_distribution<T> dist(low, high);
    return fill_with(Vector<T>(n), dist);
  }
  /// A vector of n normal values.
  template <std::floating_point T = double>
  Vector<T> normal_vector(std::size_t n, T mean = 0, T stddev = 1) {
    std::normal_distribution<T> dist(mean, stddev);
    return fill_with(Vector<T>(n), dist);
  }

 private:
  template <class M, class Dist>
  M fill_with(M m, Dist& dist) {
    for (auto& x : m) x = dist(engine_);
    return m;
  }

  std::mt19937_64 engine_;
};

/// A rows x cols matrix of uniform values in [0, 1) from the given seed.
template <std::floating_point T = double>
Matrix<T> random(std::size_t rows, std::size_t cols, std::uint64_t seed = 0) {
  return Generator(seed).uniform<T>(rows, cols);
}
/// A rows x cols matrix of standard normal values from the given seed.
template <std::floating_point T = double>
Matrix<T> randn(std::size_t rows, std::size_t cols, std::uint64_t seed = 0) {
  return Generator(seed).normal<T>(rows, cols);
}

}  // namespace linal
