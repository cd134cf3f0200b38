#pragma once
/// \file
/// The solution of T X = B for a triangular view T (upper(A) or lower(A)) without any
/// factorization: the trsm of decomp/detail/triangular.hpp, recursive so that almost all of the
/// O(n^2 k) work runs in kernels::gemm.

#include <cstddef>
#include <type_traits>

#include "../core/matrix.hpp"
#include "../decomp/detail/triangular.hpp"
#include "structured.hpp"

namespace linal::detail {

/// X with T X = B, for a square triangular view t whose diagonal holds no zero (checked by the
/// caller); B is a vector or a matrix and X has its shape. t is read through its strides, so a
/// transposed view costs no copy; B is copied once into X, which is solved in place.
template <class T, std::size_t R, std::size_t C, Expression B>
auto triangular_solve(const TriangularView<T, R, C>& t, const B& b) {
  using XB = std::remove_cvref_t<B>;
  Matrix<T, common_extent(R, XB::static_rows), XB::static_cols> x(b);
  const auto& a = t.matrix();
  decomp_detail::solve_triangular_left(t.part() == triangle::lower, t.has_unit_diagonal(), t.rows(), x.cols(),
                                       a.data(), a.row_stride(), a.col_stride(), x.data(), x.row_stride(),
                                       std::ptrdiff_t(1));
  return x;
}

}  // namespace linal::detail
