#pragma once
/// \file
/// norm: vector norms (1, 2, inf, -inf, 0 and any p) and matrix norms ("fro", "nuc", 1, -1,
/// 2, -2, inf, -inf) with NumPy's ord semantics. The 2-norm and the Frobenius norm are
/// overflow- and underflow-safe: scaled like LAPACK's dnrm2 when the plain sum of squares
/// would leave the floating-point range.

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "../core/matrix.hpp"
#include "../core/modulus.hpp"
#include "../core/reduce.hpp"
#include "../decomp/svd.hpp"

namespace linal {

/// Positive infinity, for NumPy-like orders: `norm(v, inf)`, `norm(A, -inf)`, `cond(A, inf)`.
inline constexpr double inf = std::numeric_limits<double>::infinity();

namespace detail {

/// What a norm of elements of type T is: double for integers, the real type otherwise.
template <class T>
using norm_result_t = std::conditional_t<std::is_integral_v<T>, double, real_t<T>>;

/// |x| as an R: integers are converted first, which also keeps |INT_MIN| defined.
template <class R, class T>
R magnitude(const T& x) {
  if constexpr (std::is_integral_v<T>) return std::abs(static_cast<R>(x));
  else return static_cast<R>(modulus(x));
}

/// max(a, b) that propagates NaN, as NumPy's max does.
template <class R>
R nan_max(R a, R b) {
  return (std::isnan(a) || a >= b) ? a : b;
}
template <class R>
R nan_min(R a, R b) {
  return (std::isnan(a) || a <= b) ? a : b;
}

/// Sum of |x|^2 over the elements, without any scaling (the fast path of the 2-norm).
template <class R, Expression E>
R plain_sum_of_squares(const E& e) {
  using X = std::remove_cvref_t<E>;
  using T = value_t<E>;
  if constexpr (X::is_linear && X::is_batchable && std::is_same_v<T, R>) {
    using B = simd::batch<T>;
    const std::size_t n = e.rows() * e.cols();
    std::size_t k = 0;
    B acc(T(0));
    for (; k + B::size() <= n; k += B::size()) {
      const B x = e.template batch<B>(k);
      acc += x * x;
    }
    R total = simd::stdx::reduce(acc);
    for (; k < n; ++k) total += e.linear(k) * e.linear(k);
    return total;
  } else {
    R total = 0;
    for_each_element(e, [&](const T& x, std::size_t) {
      if constexpr (is_complex_v<T>) total += static_cast<R>(std::norm(x));
      else total += static_cast<R>(x) * static_cast<R>(x);
    });
    return total;
  }
}

/// sqrt(sum |x|^2) of every element of e, exact to a few ulps over the whole floating-point
/// range: the plain sum when it is safely inside the range, else sum((|x| / max|x|)^2) scaled
/// back, which neither overflows nor loses the small elements to underflow.
template <class R, Expression E>
R euclidean_norm(const E& e) {
  using T = value_t<E>;
  const R plain = plain_sum_of_squares<R>(e);
  constexpr R smallest_safe = std::numeric_limits<R>::min() / std::numeric_limits<R>::epsilon();
  if (plain >= smallest_safe && plain <= std::numeric_limits<R>::max()) return std::sqrt(plain);

  R scale = 0;
  for_each_element(e, [&](const T& x, std::size_t) { scale = nan_max(scale, magnitude<R>(x)); });
  if (scale == 0 || !std::isfinite(scale)) return scale;  // zero, inf, or NaN propagates
  R total = 0;
  for_each_element(e, [&](const T& x, std::size_t) {
    if constexpr (is_complex_v<T>) {
      const R re = static_cast<R>(x.real()) / scale, im = static_cast<R>(x.imag()) / scale;
      total += re * re + im * im;
    } else {
      const R y = static_cast<R>(x) / scale;
      total += y * y;
    }
  });
  return scale * std::sqrt(total);
}

[[noreturn]] inline void throw_empty_reduction(const char* function, const char* reduction) {
  throw std::invalid_argument(std::string(function) + ": zero-size array to reduction operation " + reduction +
                              " which has no identity");
}

/// The largest (or smallest) of the sums of |a_ij| along each row: the inf-norm (or -inf).
template <class R, Expression E>
R extreme_row_sum(const E& a, bool largest) {
  if (a.rows() == 0 || a.cols() == 0) throw_empty_reduction("norm", largest ? "maximum" : "minimum");
  R result = 0;
  for (std::size_t i = 0; i < a.rows(); ++i) {
    R row = 0;
    for (std::size_t j = 0; j < a.cols(); ++j) row += magnitude<R>(a(i, j));
    result = i == 0 ? row : largest ? nan_max(result, row) : nan_min(result, row);
  }
  return result;
}

/// The largest (or smallest) of the sums of |a_ij| down each column: the 1-norm (or -1).
/// Accumulates row by row, so that row-major memory is read in order.
template <class R, Expression E>
R extreme_column_sum(const E& a, bool largest) {
  if (a.rows() == 0 || a.cols() == 0) throw_empty_reduction("norm", largest ? "maximum" : "minimum");
  Matrix<R, std::remove_cvref_t<E>::static_cols, 1> sums(a.cols());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j) sums[j] += magnitude<R>(a(i, j));
  R result = sums[0];
  for (std::size_t j = 1; j < a.cols(); ++j) result = largest ? nan_max(result, sums[j]) : nan_min(result, sums[j]);
  return result;
}

/// (sum |x|^p)^(1/p) for p other than 0, 1, 2 and +-inf; for p > 0 computed as
/// max|x| (sum (|x| / max|x|)^p)^(1/p) so that large elements do not overflow.
template <class R, Expression E>
R general_p_norm(const E& v, R p) {
  using T = value_t<E>;
  R scale = 0;
  for_each_element(v, [&](const T& x, std::size_t) { scale = nan_max(scale, magnitude<R>(x)); });
  if (std::isnan(scale)) return scale;
  // Scaling only guards |x|^p against overflow for p > 0; zeros and infinities need none.
  const bool scaled = p > 0 && scale > 0 && std::isfinite(scale);
  const R divisor = scaled ? scale : R(1);
  R total = 0;
  for_each_element(v, [&](const T& x, std::size_t) { total += std::pow(magnitude<R>(x) / divisor, p); });
  return divisor * std::pow(total, 1 / p);
}

}  // namespace detail

/// Vector norm with NumPy's ord: 2 (default, Euclidean, overflow-safe), 1 (sum of |x|), inf
/// (max |x|), -inf (min |x|), 0 (number of nonzeros), any other p: (sum |x|^p)^(1/p).
/// v is a Vector, a row or column view, or any expression with one static row or column.
/// O(n). Throws std::invalid_argument for ord = +-inf on an empty vector (no max of nothing).
template <VectorExpression V>
detail::norm_result_t<value_t<V>> norm(const V& v, double ord = 2) {
  using R = detail::norm_result_t<value_t<V>>;
  using T = value_t<V>;
  if (ord == 2) return detail::euclidean_norm<R>(v);
  if (ord == 1) {
    R total = 0;
    detail::for_each_element(v, [&](const T& x, std::size_t) { total += detail::magnitude<R>(x); });
    return total;
  }
  if (ord == inf || ord == -inf) {
    if (v.rows() * v.cols() == 0) detail::throw_empty_reduction("norm", ord > 0 ? "maximum" : "minimum");
    R result = detail::magnitude<R>(v(0, 0));
    detail::for_each_element(v, [&](const T& x, std::size_t) {
      result = ord > 0 ? detail::nan_max(result, detail::magnitude<R>(x)) : detail::nan_min(result, detail::magnitude<R>(x));
    });
    return result;
  }
  if (ord == 0) return static_cast<R>(count_nonzero(v));
  if (v.rows() * v.cols() == 0) return ord > 0 ? R(0) : std::numeric_limits<R>::infinity();
  return detail::general_p_norm<R>(v, static_cast<R>(ord));
}

/// Frobenius norm of a matrix, sqrt(sum |a_ij|^2): NumPy's norm(A) for a 2-D array.
/// Overflow- and underflow-safe; 0 for an empty matrix. O(mn); never throws.
template <Expression E>
  requires(!VectorExpression<E>)
detail::norm_result_t<value_t<E>> norm(const E& a) {
  return detail::euclidean_norm<detail::norm_result_t<value_t<E>>>(a);
}

/// Matrix norm with NumPy's numeric ord: 1 (max column sum of |a_ij|), -1 (min column sum),
/// inf (max row sum), -inf (min row sum), 2 (largest singular value), -2 (smallest).
/// O(mn) for +-1 and +-inf, an SVD (O(mn min(m, n))) for +-2. Throws std::invalid_argument for
/// any other ord and for an empty matrix (NumPy's errors); the SVD's errors for +-2.
template <Expression E>
  requires(!VectorExpression<E>)
detail::norm_result_t<value_t<E>> norm(const E& a, double ord) {
  using R = detail::norm_result_t<value_t<E>>;
  if (ord == 1 || ord == -1) return detail::extreme_column_sum<R>(a, ord > 0);
  if (ord == inf || ord == -inf) return detail::extreme_row_sum<R>(a, ord > 0);
  if (ord == 2 || ord == -2) {
    if (a.rows() == 0 || a.cols() == 0) detail::throw_empty_reduction("norm", ord > 0 ? "maximum" : "minimum");
    const auto s = svdvals(a);
    return static_cast<R>(ord > 0 ? s[0] : s[s.size() - 1]);
  }
  throw std::invalid_argument("norm: invalid norm order " + std::to_string(ord) + " for matrices");
}

/// Matrix norm named as NumPy names it: "fro" (Frobenius, as norm(A)) or "nuc" (nuclear: the
/// sum of the singular values, an SVD). Throws std::invalid_argument for any other name.
template <Expression E>
  requires(!VectorExpression<E>)
detail::norm_result_t<value_t<E>> norm(const E& a, std::string_view ord) {
  using R = detail::norm_result_t<value_t<E>>;
  if (ord == "fro") return norm(a);
  if (ord == "nuc") {
    if (a.rows() == 0 || a.cols() == 0) return R(0);
    return static_cast<R>(sum(svdvals(a)));
  }
  throw std::invalid_argument("norm: invalid norm order '" + std::string(ord) + "' for matrices");
}

}  // namespace linal
