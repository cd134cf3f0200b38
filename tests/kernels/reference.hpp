#pragma once
// Test support for the product kernels: strided operands, a naive reference product in extended
// precision, and the LAPACK-style error bound |C - C_ref| <= c k eps (|alpha| |A||B| + |beta||C|).

#include <cmath>
#include <complex>
#include <cstddef>
#include <limits>
#include <random>
#include <type_traits>
#include <vector>

namespace kernels_test {

template <class T>
struct is_complex : std::false_type {};
template <class T>
struct is_complex<std::complex<T>> : std::true_type {};

/// The type the reference computes in: long double for real floating types, complex<long double>
/// for complex ones, long long for integers (exact).
template <class T>
using wide_t =
    std::conditional_t<is_complex<T>::value, std::complex<long double>,
                       std::conditional_t<std::is_floating_point_v<T>, long double, long long>>;

template <class T>
wide_t<T> widen(T x) {
  if constexpr (is_complex<T>::value)
    return {static_cast<long double>(x.real()), static_cast<long double>(x.imag())};
  else
    return static_cast<wide_t<T>>(x);
}

/// x * y without the library's inf/NaN recovery for complex operands, which is slow and not
/// needed for the finite test data.
template <class W>
W multiply(W x, W y) {
  if constexpr (std::is_same_v<W, std::complex<long double>>)
    return {x.real() * y.real() - x.imag() * y.imag(), x.real() * y.imag() + x.imag() * y.real()};
  else
    return x * y;
}

/// |x|, or for complex x LAPACK's cheap stand-in |Re x| + |Im x|, within a factor sqrt(2) of it.
template <class T>
long double magnitude(T x) {
  if constexpr (is_complex<T>::value)
    return std::abs(static_cast<long double>(x.real())) +
           std::abs(static_cast<long double>(x.imag()));
  else
    return std::abs(static_cast<long double>(x));
}

/// Unit roundoff of T's real type; 0 for integers, whose products must be exact.
template <class T>
long double unit_roundoff() {
  if constexpr (is_complex<T>::value)
    return std::numeric_limits<typename T::value_type>::epsilon() / 2;
  else if constexpr (std::is_floating_point_v<T>)
    return std::numeric_limits<T>::epsilon() / 2;
  else
    return 0;
}

enum class layout { row_major, col_major, strided };

/// A rows x cols operand inside a larger buffer: a sub-block with padding on every side, so a
/// kernel that writes out of bounds changes the guard values.
template <class T>
struct operand {
  std::size_t rows, cols;
  std::ptrdiff_t rs = 1, cs = 1;
  std::size_t offset = 5;
  std::vector<T> buf;

  operand(std::size_t r, std::size_t c, layout l, T fill) : rows(r), cols(c) {
    const auto pr = static_cast<std::ptrdiff_t>(r), pc = static_cast<std::ptrdiff_t>(c);
    switch (l) {
      case layout::row_major:
        rs = pc + 3;
        cs = 1;
        break;
      case layout::col_major:
        rs = 1;
        cs = pr + 2;
        break;
      case layout::strided:
        rs = 2 * pc + 1;
        cs = 2;
        break;
    }
    buf.assign(offset + static_cast<std::size_t>((pr - 1) * rs + (pc - 1) * cs) + 1 + 7, fill);
  }
  T* data() { return buf.data() + offset; }
  const T* data() const { return buf.data() + offset; }
  T& operator()(std::size_t i, std::size_t j) {
    return data()[static_cast<std::ptrdiff_t>(i) * rs + static_cast<std::ptrdiff_t>(j) * cs];
  }
  const T& operator()(std::size_t i, std::size_t j) const {
    return const_cast<operand&>(*this)(i, j);
  }
};

template <class T>
T random_value(std::mt19937& rng) {
  if constexpr (is_complex<T>::value) {
    std::uniform_real_distribution<typename T::value_type> d(-1, 1);
    const auto re = d(rng);
    return {re, d(rng)};
  } else if constexpr (std::is_floating_point_v<T>) {
    return std::uniform_real_distribution<T>(-1, 1)(rng);
  } else {
    return static_cast<T>(std::uniform_int_distribution<int>(-5, 5)(rng));
  }
}

template <class T>
void fill_random(operand<T>& x, std::mt19937& rng) {
  for (std::size_t i = 0; i < x.rows; ++i)
    for (std::size_t j = 0; j < x.cols; ++j) x(i, j) = random_value<T>(rng);
}

template <class T>
bool same_value(T x, T y) {
  if constexpr (std::is_floating_point_v<T>)
    return x == y || (std::isnan(x) && std::isnan(y));
  else if constexpr (is_complex<T>::value)
    return same_value(x.real(), y.real()) && same_value(x.imag(), y.imag());
  else
    return x == y;
}

/// The largest ratio |C - C_ref| / (k eps (|alpha| |A||B| + |beta| |C0|)) over C, which LAPACK's
/// tests require to stay below a small constant; for integers the count of wrong entries.
/// Also checks that nothing outside C's elements changed.
template <class T>
long double error_ratio(const operand<T>& a, const operand<T>& b, const operand<T>& c0,
                        const operand<T>& c, T alpha, T beta) {
  const std::size_t k = a.cols;
  const long double u = unit_roundoff<T>();
  long double worst = 0;
  for (std::size_t i = 0; i < c.rows; ++i)
    for (std::size_t j = 0; j < c.cols; ++j) {
      wide_t<T> sum{};
      long double abs_sum = 0;
      for (std::size_t p = 0; p < k; ++p) {
        sum += multiply(widen(a(i, p)), widen(b(p, j)));
        abs_sum += magnitude(a(i, p)) * magnitude(b(p, j));
      }
      wide_t<T> expect = multiply(widen(alpha), sum);
      long double scale = magnitude(alpha) * abs_sum;
      if (beta != T{}) {
        expect += multiply(widen(beta), widen(c0(i, j)));
        scale += magnitude(beta) * magnitude(c0(i, j));
      }
      const long double err = std::abs(widen(c(i, j)) - expect);
      if (u == 0)
        worst += err != 0;
      else if (std::isnan(err))
        worst = std::numeric_limits<long double>::infinity();  // a NaN result is the worst error
      else if (err > 0)
        worst = std::max(worst, err / (static_cast<long double>(k + 2) * u * scale));
    }
  // Guard cells: every buffer element that is not an element of C must be untouched.
  std::vector<bool> inside(c.buf.size(), false);
  for (std::size_t i = 0; i < c.rows; ++i)
    for (std::size_t j = 0; j < c.cols; ++j)
      inside[c.offset + static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i) * c.rs +
                                                 static_cast<std::ptrdiff_t>(j) * c.cs)] = true;
  for (std::size_t x = 0; x < c.buf.size(); ++x)
    if (!inside[x] && !same_value(c.buf[x], c0.buf[x]))
      return std::numeric_limits<long double>::infinity();
  return worst;
}

}  // namespace kernels_test
