#pragma once
/// \file
/// inv: the inverse of a square matrix, by LU for dynamic matrices and by the adjugate for
/// fixed ones up to 4 x 4.
///
/// Singularity. inv throws singular_matrix_error, naming the pivot, when A is exactly singular
/// (its LU factorization meets a zero pivot). A matrix that is only nearly singular still gets
/// an inverse, and that inverse may have no correct digits: NumPy would return it silently,
/// and so does inv, because whether it is good enough depends on the use. The check is one
/// line, and costs O(n^2) beside the O(n^3) inverse when the factorization is reused:
///
///     auto f = lu_factor(A);
///     if (f.rcond() < std::numeric_limits<double>::epsilon()) { /* singular to working precision */ }
///     Matrix<double> Ainv = f.inverse();
///
/// or `cond(A)` (exact, by SVD) when A is small. Prefer solve(A, b) to inv(A) times b.

#include <cmath>
#include <cstddef>
#include <limits>

#include "../core/construct.hpp"
#include "../core/matrix.hpp"
#include "../decomp/lu.hpp"
#include "checks.hpp"
#include "cofactor.hpp"
#include "fixed_elimination.hpp"

namespace linal {

namespace detail {

/// The fixed-size inverse by pivoted elimination.
template <class T, std::size_t N, Expression E>
Matrix<T, N, N> inverse_by_elimination(const E& a) {
  require_finite_elements("inv", "a", a);
  const fixed_elimination<T, N> f(a);
  if (f.first_zero_pivot() != N) throw zero_pivot_error("inv", f.first_zero_pivot());
  return f.template solve<N>(eye<T, N>());
}

/// inverse_by_elimination, out of line and cold, for matrices whose closed-form inverse is
/// inaccurate: inv's common path then keeps its registers, and its result never escapes to
/// another function, so that `X = inv(A)` stores the inverse straight into X.
template <class T, std::size_t N, Expression E>
[[gnu::noinline, gnu::cold]] Matrix<T, N, N> invert_hard_matrix(const E& a) {
  return inverse_by_elimination<T, N>(a);
}

/// The inverse of a fixed N x N matrix, N <= 4: the adjugate over the determinant, or pivoted
/// elimination when that is inaccurate.
template <class T, std::size_t N, Expression E>
Matrix<T, N, N> small_inverse(const E& a) {
  Matrix<T, N, N> b;
  if (!inverse_by_adjugate<N>(a, b)) [[unlikely]]
    return invert_hard_matrix<T, N>(a);
  return b;
}

}  // namespace detail

/// The inverse of a square matrix (NumPy's inv). A fixed N x N matrix gives a fixed N x N
/// result without touching the heap: the adjugate over the determinant up to 4 x 4 when that
/// is accurate (far from singular, inside the floating-point range), else pivoted elimination. A dynamic n x n matrix gives n x n by LU with partial pivoting, O(n^3); 0 x 0 gives
/// 0 x 0. See the file comment for nearly singular matrices.
/// Throws shape_error for a non-square dynamic matrix (a compile error for a fixed one),
/// singular_matrix_error (with the zero pivot) for an exactly singular one, and
/// non_finite_error for NaN or infinity in A.
template <Expression E>
  requires Field<value_t<E>>
auto inv(const E& a) {
  using T = value_t<E>;
  using X = std::remove_cvref_t<E>;
  if constexpr (detail::FixedShape<E>) {
    static_assert(X::static_rows == X::static_cols, "linal: inv needs a square matrix");
    constexpr std::size_t n = X::static_rows;
    if constexpr (n <= 4) {
      return detail::small_inverse<T, n>(a);
    } else {
      return detail::inverse_by_elimination<T, n>(a);
    }
  } else {
    detail::require_square_matrix("inv", a);
    detail::require_finite_elements("inv", "a", a);
    const auto f = lu_factor(a);
    if (f.is_singular()) throw detail::zero_pivot_error("inv", f.zero_pivot());
    return f.inverse();
  }
}

}  // namespace linal
