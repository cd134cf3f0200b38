#pragma once
/// \file
/// cond: the condition number of a matrix, ||A|| ||A^-1||, in NumPy's norms.

#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "../core/matrix.hpp"
#include "../decomp/lu.hpp"
#include "../decomp/svd.hpp"
#include "checks.hpp"
#include "norm.hpp"

namespace linal {

namespace detail {

/// ||A|| ||A^-1|| in a norm given by ord (a number or a name), A square; inf when A is
/// exactly singular, as NumPy.
template <Expression E, class Ord>
norm_result_t<value_t<E>> cond_by_inverse(const E& a, Ord ord) {
  using R = norm_result_t<value_t<E>>;
  require_square_matrix("cond", a);
  const auto f = lu_factor(a);
  if (f.is_singular()) return std::numeric_limits<R>::infinity();
  return norm(a, ord) * norm(f.inverse(), ord);
}

}  // namespace detail

/// The 2-norm condition number sigma_max / sigma_min of any m x n matrix (NumPy's cond(A)),
/// from its singular values; inf when A is singular (sigma_min = 0), as NumPy. About
/// 4 m n^2 flops (an SVD without vectors). Throws std::invalid_argument for an empty matrix,
/// non_finite_error for NaN or infinity in A.
template <Expression E>
  requires std::floating_point<value_t<E>>
value_t<E> cond(const E& a) {
  using R = value_t<E>;
  detail::require_finite_elements("cond", "a", a);
  if (a.rows() == 0 || a.cols() == 0) detail::throw_empty_reduction("cond", "maximum");
  const auto s = svdvals(a);
  const R smallest = s[s.size() - 1];
  return smallest == R(0) ? std::numeric_limits<R>::infinity() : s[0] / smallest;
}

/// The condition number in the norm ord, as NumPy's cond(A, p): 2 or -2 by singular values
/// (sigma_max / sigma_min, or its reciprocal; any shape); 1, -1, inf, -inf by ||A|| ||A^-1||
/// with the inverse from LU (square A, O(n^3)). inf for a singular matrix.
/// Throws std::invalid_argument for another ord or an empty matrix, shape_error for a
/// non-square A with ord other than +-2, non_finite_error for NaN or infinity in A.
template <Expression E>
  requires std::floating_point<value_t<E>>
value_t<E> cond(const E& a, double ord) {
  using R = value_t<E>;
  if (ord == 2) return cond(a);
  if (ord == -2) {
    const R c = cond(a);
    return std::isinf(c) ? R(0) : R(1) / c;
  }
  if (ord != 1 && ord != -1 && ord != inf && ord != -inf)
    throw std::invalid_argument("cond: invalid norm order " + std::to_string(ord) + " for matrices");
  detail::require_finite_elements("cond", "a", a);
  if (a.rows() == 0 || a.cols() == 0) detail::throw_empty_reduction("cond", "maximum");
  return detail::cond_by_inverse(a, ord);
}

/// The condition number in a named norm: "fro" (Frobenius) or "nuc" (nuclear), as NumPy's
/// cond(A, 'fro'). Square A; O(n^3). inf for a singular matrix. Throws as cond(A, ord).
template <Expression E>
  requires std::floating_point<value_t<E>>
value_t<E> cond(const E& a, std::string_view ord) {
  if (ord != "fro" && ord != "nuc")
    throw std::invalid_argument("cond: invalid norm order '" + std::string(ord) + "' for matrices");
  detail::require_finite_elements("cond", "a", a);
  if (a.rows() == 0 || a.cols() == 0) detail::throw_empty_reduction("cond", "maximum");
  return detail::cond_by_inverse(a, ord);
}

}  // namespace linal
