#pragma once
/// \file
/// solve: the solution of A x = b (or A X = B). Square matrices by LU with partial pivoting;
/// triangular views (upper(A), lower(A)) by blocked substitution, without a factorization;
/// fixed sizes by an inline elimination, without the heap.

#include <cstddef>
#include <string>

#include "../core/matrix.hpp"
#include "../decomp/lu.hpp"
#include "checks.hpp"
#include "fixed_elimination.hpp"
#include "structured.hpp"
#include "triangular_solve.hpp"

namespace linal {

namespace detail {

/// Shape checks shared by every solve: A square, b with as many rows as A (NumPy's wording).
template <Expression A, Expression B>
void require_solve_shapes(const A& a, const B& b) {
  using XA = std::remove_cvref_t<A>;
  using XB = std::remove_cvref_t<B>;
  static_assert(extents_fit(XA::static_rows, XA::static_cols), "linal: solve needs a square matrix a");
  static_assert(extents_fit(XA::static_cols, XB::static_rows), "linal: solve needs b with as many rows as a");
  require_square_matrix("solve", a);
  if (b.rows() != a.rows())
    throw shape_error("solve: a " + shape_string(a) + " and b " + shape_string(b) + " are not aligned: " +
                      std::to_string(a.cols()) + " (dim 1) != " + std::to_string(b.rows()) + " (dim 0)");
}

template <Expression A, Expression B>
void require_solve_finite(const A& a, const B& b) {
  require_finite_elements("solve", "a", a);
  require_finite_elements("solve", "b", b);
}

}  // namespace detail

/// The solution x of A x = b, or X of A X = B (NumPy's solve): A is n x n, b a vector of n or
/// an n x k matrix, and the result has b's shape. LU with partial pivoting, O(n^3 + n^2 k);
/// backward stable, as LAPACK's gesv. For many right-hand sides at different times, factor
/// once with lu_factor(A). A nearly singular A gives an inaccurate x without error; see
/// lu_factor(A).rcond() and inv.hpp. Fixed-size A and b give a fixed-size result, heap-free.
/// Throws shape_error for a non-square A or b of the wrong length (naming both shapes),
/// singular_matrix_error (with the zero pivot) for an exactly singular A, non_finite_error
/// for NaN or infinity in A or b.
template <Expression A, Expression B>
  requires Field<value_t<A>>
auto solve(const A& a, const B& b) {
  using T = value_t<A>;
  detail::require_solve_shapes(a, b);
  detail::require_solve_finite(a, b);
  if constexpr (detail::FixedShape<A> && detail::FixedShape<B>) {
    constexpr std::size_t n = std::remove_cvref_t<A>::static_rows;
    const detail::fixed_elimination<T, n> f(a);
    if (f.first_zero_pivot() != n) throw detail::zero_pivot_error("solve", f.first_zero_pivot());
    return f.template solve<std::remove_cvref_t<B>::static_cols>(b);
  } else {
    const auto f = lu_factor(a);
    if (f.is_singular()) throw detail::zero_pivot_error("solve", f.zero_pivot());
    return f.solve(b);
  }
}

/// The solution of T x = b (or T X = B) for a triangular view: upper(A) by back substitution,
/// lower(A) by forward substitution, O(n^2 k), no factorization; only T's triangle is read.
/// Many right-hand sides run at close to matrix-product speed (triangular_solve.hpp).
/// The result has b's shape. Throws shape_error as solve(A, b), singular_matrix_error naming
/// the first zero on the diagonal (never for a unit-diagonal view), non_finite_error for NaN
/// or infinity in T's triangle or in b. Small diagonal elements are not refused: check the
/// ratio of the smallest to the largest |T(i,i)| when accuracy matters.
template <class T, std::size_t R, std::size_t C, Expression B>
auto solve(const TriangularView<T, R, C>& t, const B& b) {
  detail::require_solve_shapes(t, b);
  detail::require_solve_finite(t, b);
  if (!t.has_unit_diagonal())
    for (std::size_t i = 0; i < t.rows(); ++i)
      if (t(i, i) == T(0))
        throw singular_matrix_error("solve: singular triangular matrix: diagonal element (" + std::to_string(i) +
                                        "," + std::to_string(i) + ") is zero (pivot " + std::to_string(i) + ")",
                                    i);
  return detail::triangular_solve(t, b);
}

}  // namespace linal
