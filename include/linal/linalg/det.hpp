#pragma once
/// \file
/// det: the determinant, by LU for dynamic matrices and in closed form for fixed ones.

#include <cmath>
#include <cstddef>
#include <type_traits>

#include "../core/matrix.hpp"
#include "../decomp/lu.hpp"
#include "checks.hpp"
#include "cofactor.hpp"
#include "fixed_elimination.hpp"

namespace linal {

namespace detail {

/// The fixed-size determinant by pivoted elimination, which scales as it goes.
template <class F, std::size_t N, Expression E>
F det_by_elimination(const E& a) {
  require_finite_elements("det", "a", a);
  return fixed_elimination<F, N>(a.template cast<F>()).det();
}

/// det_by_elimination when cofactor products left the floating-point range (or the input is
/// not finite): out of line and cold, so that det's closed form needs no stack frame.
template <class F, std::size_t N, Expression E>
[[gnu::noinline, gnu::cold]] F det_of_extreme_matrix(const E& a) {
  return det_by_elimination<F, N>(a);
}

}  // namespace detail

/// Determinant of a square matrix (NumPy's det): the product of U's diagonal in P A = L U,
/// signed by the row interchanges; 1 for a 0 x 0 matrix, 0 for a singular one (never throws
/// for singularity). Integer matrices give double, as NumPy. The result may overflow to inf
/// or underflow to 0 for large n; use a logarithm of |det| from lu_factor(A) then.
/// Fixed sizes up to 4 x 4 use cofactor expansion (no heap, a few dozen flops, as Eigen): its
/// relative error is a few eps times prod_i(sum_j |a_ij|) / |det|, as good as LU's far from
/// singular but worse near it; for a nearly singular small matrix whose det matters, pass
/// Matrix<double>(A) to use LU. Larger fixed sizes use an inline pivoted elimination. O(n^3) for dynamic matrices.
/// Throws shape_error for a non-square dynamic matrix (a compile error for a fixed one) and
/// non_finite_error when A holds NaN or infinity.
template <Expression E>
detail::floating_t<value_t<E>> det(const E& a) {
  using F = detail::floating_t<value_t<E>>;
  using X = std::remove_cvref_t<E>;
  if constexpr (detail::FixedShape<E>) {
    static_assert(X::static_rows == X::static_cols, "linal: det needs a square matrix");
    constexpr std::size_t n = X::static_rows;
    if constexpr (n <= 4) {
      F d;
      if constexpr (std::is_same_v<F, value_t<E>>) d = detail::cofactor_det<n>(a);
      else d = detail::cofactor_det<n>(a.template cast<F>());
      if (!detail::finite_by_bits(d)) [[unlikely]]
        return detail::det_of_extreme_matrix<F, n>(a);
      return d;
    } else {
      return detail::det_by_elimination<F, n>(a);
    }
  } else {
    detail::require_square_matrix("det", a);
    detail::require_finite_elements("det", "a", a);
    if (a.rows() == 0) return F(1);
    if constexpr (std::is_same_v<F, value_t<E>>) return lu_factor(a).det();
    else return lu_factor(a.template cast<F>()).det();
  }
}

}  // namespace linal
