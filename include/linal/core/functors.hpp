#pragma once
/// \file
/// The element-wise operations as small function objects. Each works on a scalar and, when
/// `vectorizable`, on a SIMD batch too (the same expression serves both through overloading).
/// `name` is what error messages call the operation.

#include <algorithm>
#include <cmath>
#include <complex>

#include "../simd/simd.hpp"
#include "concepts.hpp"

namespace linal::ops {

// Bring the standard and SIMD overloads of the math functions into one overload set.
using std::abs, std::sqrt, std::exp, std::log, std::sin, std::cos, std::tan, std::tanh, std::pow;
using std::log10, std::floor, std::ceil, std::round;
using simd::stdx::abs, simd::stdx::sqrt, simd::stdx::floor, simd::stdx::ceil, simd::stdx::round;
using std::max, std::min, simd::stdx::max, simd::stdx::min;

struct add {
  static constexpr const char* name = "add";
  static constexpr bool vectorizable = true;
  constexpr auto operator()(const auto& a, const auto& b) const { return a + b; }
};
struct subtract {
  static constexpr const char* name = "subtract";
  static constexpr bool vectorizable = true;
  constexpr auto operator()(const auto& a, const auto& b) const { return a - b; }
};
struct multiply {
  static constexpr const char* name = "multiply";
  static constexpr bool vectorizable = true;
  constexpr auto operator()(const auto& a, const auto& b) const { return a * b; }
};
struct divide {
  static constexpr const char* name = "divide";
  static constexpr bool vectorizable = true;
  constexpr auto operator()(const auto& a, const auto& b) const { return a / b; }
};
struct negate {
  static constexpr const char* name = "negative";
  static constexpr bool vectorizable = true;
  constexpr auto operator()(const auto& a) const { return -a; }
};

struct absolute {
  static constexpr const char* name = "abs";
  static constexpr bool vectorizable = true;
  auto operator()(const auto& a) const { return abs(a); }
};
struct square_root {
  static constexpr const char* name = "sqrt";
  static constexpr bool vectorizable = true;
  auto operator()(const auto& a) const { return sqrt(a); }
};
struct square {
  static constexpr const char* name = "square";
  static constexpr bool vectorizable = true;
  constexpr auto operator()(const auto& a) const { return a * a; }
};
struct floor_of {
  static constexpr const char* name = "floor";
  static constexpr bool vectorizable = true;
  auto operator()(const auto& a) const { return floor(a); }
};
struct ceil_of {
  static constexpr const char* name = "ceil";
  static constexpr bool vectorizable = true;
  auto operator()(const auto& a) const { return ceil(a); }
};
struct round_of {
  static constexpr const char* name = "round";
  static constexpr bool vectorizable = true;
  auto operator()(const auto& a) const { return round(a); }
};
struct maximum {
  static constexpr const char* name = "maximum";
  static constexpr bool vectorizable = true;
  auto operator()(const auto& a, const auto& b) const { return max(a, b); }
};
struct minimum {
  static constexpr const char* name = "minimum";
  static constexpr bool vectorizable = true;
  auto operator()(const auto& a, const auto& b) const { return min(a, b); }
};

// Transcendental functions run element by element: the scalar libm versions are the accurate
// ones, and the SIMD library would call them one lane at a time anyway.
struct exponential {
  static constexpr const char* name = "exp";
  static constexpr bool vectorizable = false;
  auto operator()(const auto& a) const { return exp(a); }
};
struct logarithm {
  static constexpr const char* name = "log";
  static constexpr bool vectorizable = false;
  auto operator()(const auto& a) const { return log(a); }
};
struct logarithm10 {
  static constexpr const char* name = "log10";
  static constexpr bool vectorizable = false;
  auto operator()(const auto& a) const { return log10(a); }
};
struct sine {
  static constexpr const char* name = "sin";
  static constexpr bool vectorizable = false;
  auto operator()(const auto& a) const { return sin(a); }
};
struct cosine {
  static constexpr const char* name = "cos";
  static constexpr bool vectorizable = false;
  auto operator()(const auto& a) const { return cos(a); }
};
struct tangent {
  static constexpr const char* name = "tan";
  static constexpr bool vectorizable = false;
  auto operator()(const auto& a) const { return tan(a); }
};
struct hyperbolic_tangent {
  static constexpr const char* name = "tanh";
  static constexpr bool vectorizable = false;
  auto operator()(const auto& a) const { return tanh(a); }
};
struct power {
  static constexpr const char* name = "power";
  static constexpr bool vectorizable = false;
  auto operator()(const auto& a, const auto& b) const { return pow(a, b); }
};

struct conjugate {
  static constexpr const char* name = "conj";
  static constexpr bool vectorizable = false;
  template <class T>
  T operator()(const T& a) const {
    if constexpr (is_complex_v<T>) return std::conj(a);
    else return a;
  }
};
struct real_part {
  static constexpr const char* name = "real";
  static constexpr bool vectorizable = false;
  template <class T>
  real_t<T> operator()(const T& a) const {
    return std::real(a);
  }
};
struct imag_part {
  static constexpr const char* name = "imag";
  static constexpr bool vectorizable = false;
  template <class T>
  real_t<T> operator()(const T& a) const {
    return std::imag(a);
  }
};

template <class To>
struct cast_to {
  static constexpr const char* name = "cast";
  static constexpr bool vectorizable = false;
  template <class From>
  constexpr To operator()(const From& a) const {
    return static_cast<To>(a);
  }
};

// Predicates give boolean matrices, as NumPy's comparisons do.
struct less {
  static constexpr const char* name = "less";
  static constexpr bool vectorizable = false;
  constexpr bool operator()(const auto& a, const auto& b) const { return a < b; }
};
struct less_equal {
  static constexpr const char* name = "less_equal";
  static constexpr bool vectorizable = false;
  constexpr bool operator()(const auto& a, const auto& b) const { return a <= b; }
};
struct greater {
  static constexpr const char* name = "greater";
  static constexpr bool vectorizable = false;
  constexpr bool operator()(const auto& a, const auto& b) const { return a > b; }
};
struct greater_equal {
  static constexpr const char* name = "greater_equal";
  static constexpr bool vectorizable = false;
  constexpr bool operator()(const auto& a, const auto& b) const { return a >= b; }
};
struct equal {
  static constexpr const char* name = "equal";
  static constexpr bool vectorizable = false;
  constexpr bool operator()(const auto& a, const auto& b) const { return a == b; }
};
struct not_equal {
  static constexpr const char* name = "not_equal";
  static constexpr bool vectorizable = false;
  constexpr bool operator()(const auto& a, const auto& b) const { return a != b; }
};
struct logical_and {
  static constexpr const char* name = "logical_and";
  static constexpr bool vectorizable = false;
  constexpr bool operator()(bool a, bool b) const { return a && b; }
};
struct logical_or {
  static constexpr const char* name = "logical_or";
  static constexpr bool vectorizable = false;
  constexpr bool operator()(bool a, bool b) const { return a || b; }
};
struct logical_not {
  static constexpr const char* name = "logical_not";
  static constexpr bool vectorizable = false;
  constexpr bool operator()(bool a) const { return !a; }
};
struct is_nan {
  static constexpr const char* name = "isnan";
  static constexpr bool vectorizable = false;
  template <class T>
  bool operator()(const T& a) const {
    if constexpr (is_complex_v<T>) return std::isnan(a.real()) || std::isnan(a.imag());
    else if constexpr (std::is_floating_point_v<T>) return std::isnan(a);
    else return false;
  }
};
struct is_finite {
  static constexpr const char* name = "isfinite";
  static constexpr bool vectorizable = false;
  template <class T>
  bool operator()(const T& a) const {
    if constexpr (is_complex_v<T>) return std::isfinite(a.real()) && std::isfinite(a.imag());
    else if constexpr (std::is_floating_point_v<T>) return std::isfinite(a);
    else return true;
  }
};
struct select {
  static constexpr const char* name = "where";
  static constexpr bool vectorizable = false;
  template <class A, class B>
  constexpr auto operator()(bool c, const A& a, const B& b) const {
    return c ? a : b;
  }
};

}  // namespace linal::ops
