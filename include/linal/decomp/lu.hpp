#pragma once
/// \file
/// LU factorization with partial pivoting: `auto [P, L, U] = lu(A)` with A = P L U (SciPy's
/// convention), and `lu_factor(A)`, the compact factor reused for solves, det, inverse and
/// condition estimates.
///
/// The factorization is recursive (Toledo's): factor the left half of the columns (at most
/// lu_left_most of them), update the right part with one triangular solve and one gemm, factor
/// what remains. Rows are contiguous in linal's row-major storage, so the row interchanges are
/// cheap and nearly all flops run in kernels::gemm. Partial pivoting works down columns, so
/// panels of up to lu_panel columns are factored in a column-major copy (LAPACK's getrf2
/// recursion), at unit stride.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "../core/concepts.hpp"
#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../core/modulus.hpp"
#include "../kernels/gemm.hpp"
#include "../kernels/scalar.hpp"
#include "detail/input.hpp"
#include "detail/triangular.hpp"

namespace linal {

namespace decomp_detail {

inline constexpr std::size_t no_zero_pivot = std::numeric_limits<std::size_t>::max();
// Panels at most this wide are factored in a column-major copy.
inline constexpr std::size_t lu_panel = 64;
// Within the copy, blocks this narrow are factored column by column.
inline constexpr std::size_t lu_leaf = 8;
// The most columns split off on the left: past gemm's depth per pass (kc, 256 for double
// here) a deeper product gains nothing, while the triangular solve, slower than gemm, grows
// with the square of the left part.
inline constexpr std::size_t lu_left_most = 256;

/// Interchanges row i with row piv[i] for i in [k0, k1) (LAPACK's laswp), on n columns.
template <class T>
void swap_rows(std::size_t n, T* a, std::ptrdiff_t lda, const std::size_t* piv, std::size_t k0, std::size_t k1) {
  if (n == 0) return;
  for (std::size_t i = k0; i < k1; ++i)
    if (piv[i] != i)
      std::swap_ranges(a + static_cast<std::ptrdiff_t>(i) * lda, a + static_cast<std::ptrdiff_t>(i) * lda + n,
                       a + static_cast<std::ptrdiff_t>(piv[i]) * lda);
}

/// The same interchanges on the n columns of a column-major block, one column at a time.
template <class T>
void swap_rows_of_columns(std::size_t n, T* a, std::size_t ld, const std::size_t* piv, std::size_t k0, std::size_t k1) {
  for (std::size_t j = 0; j < n; ++j) {
    T* col = a + j * ld;
    for (std::size_t i = k0; i < k1; ++i)
      if (piv[i] != i) std::swap(col[i], col[piv[i]]);
  }
}

/// After the right part of a split at column n1 is factored: its pivots, which count from its
/// first row, made to count from the block's first row. Returns how many there are.
inline std::size_t offset_right_pivots(std::size_t m, std::size_t n1, std::size_t n2, std::size_t* piv) {
  const std::size_t k2 = std::min(m - n1, n2);
  for (std::size_t i = n1; i < n1 + k2; ++i) piv[i] += n1;
  return k2;
}

/// The first zero pivot of a block from those of its left part and of its right part (which
/// counts from column n1); no_zero_pivot when neither has one.
inline std::size_t first_zero_pivot(std::size_t left_zero, std::size_t right_zero, std::size_t n1) {
  if (left_zero != no_zero_pivot) return left_zero;
  return right_zero == no_zero_pivot ? no_zero_pivot : right_zero + n1;
}

/// Column-by-column LU of the m x n column-major block (LAPACK's getf2): the pivot search, the
/// scaling and the updates all run down contiguous columns. Returns the index of the first
/// exactly zero pivot, or no_zero_pivot; a zero pivot column is left unscaled, never divided by.
template <class T>
std::size_t lu_unblocked(std::size_t m, std::size_t n, T* a, std::size_t ld, std::size_t* piv) {
  using R = real_t<T>;
  using kernels::detail::multiply;
  const R safe_min = std::numeric_limits<R>::min();
  std::size_t first_zero = no_zero_pivot;
  const std::size_t k = std::min(m, n);
  for (std::size_t j = 0; j < k; ++j) {
    T* cj = a + j * ld;
    std::size_t p = j;
    // Pivoting by |x| (detail::modulus) keeps |L| <= 1 for complex matrices too, where
    // LAPACK's |Re| + |Im| allows sqrt(2).
    R best = detail::modulus(cj[j]);
    for (std::size_t i = j + 1; i < m; ++i) {
      const R v = detail::modulus(cj[i]);
      if (v > best) best = v, p = i;
    }
    piv[j] = p;
    if (best == R(0)) {
      if (first_zero == no_zero_pivot) first_zero = j;
      continue;
    }
    if (p != j)
      for (std::size_t c = 0; c < n; ++c) std::swap(a[c * ld + j], a[c * ld + p]);
    const T pivot = cj[j];
    // Multiplying by the reciprocal is faster; below safe_min the reciprocal would overflow.
    // best is already |pivot|.
    if (best >= safe_min) {
      const T r = T(1) / pivot;
      for (std::size_t i = j + 1; i < m; ++i) cj[i] = multiply(cj[i], r);
    } else {
      for (std::size_t i = j + 1; i < m; ++i) cj[i] /= pivot;
    }
    for (std::size_t c = j + 1; c < n; ++c) {
      T* cc = a + c * ld;
      const T u = cc[j];
      if (u == T(0)) continue;
      for (std::size_t i = j + 1; i < m; ++i) cc[i] -= multiply(u, cj[i]);
    }
  }
  return first_zero;
}

/// Recursive LU of the m x n column-major block (LAPACK's getrf2): P A = L U in place, piv[i]
/// the row that row i was interchanged with (i < min(m, n)). Returns the first zero pivot or
/// no_zero_pivot.
template <class T>
std::size_t lu_column_major(std::size_t m, std::size_t n, T* a, std::size_t ld, std::size_t* piv) {
  const std::size_t k = std::min(m, n);
  if (k <= lu_leaf || n <= lu_leaf) return lu_unblocked(m, n, a, ld, piv);
  const std::size_t n1 = k / 2, n2 = n - n1;
  T* a12 = a + n1 * ld;
  T* a21 = a + n1;
  T* a22 = a12 + n1;
  const auto s = static_cast<std::ptrdiff_t>(ld);
  const std::size_t left_zero = lu_column_major(m, n1, a, ld, piv);
  swap_rows_of_columns(n2, a12, ld, piv, 0, n1);
  // A12 := L11^-1 A12, column by column: each column is a short forward substitution.
  for (std::size_t c = 0; c < n2; ++c) {
    T* x = a12 + c * ld;
    for (std::size_t j = 0; j < n1; ++j) {
      const T xj = x[j];
      if (xj == T(0)) continue;
      const T* lj = a + j * ld;
      for (std::size_t i = j + 1; i < n1; ++i) x[i] -= kernels::detail::multiply(xj, lj[i]);
    }
  }
  kernels::gemm(m - n1, n2, n1, T(-1), a21, std::ptrdiff_t(1), s, a12, std::ptrdiff_t(1), s, T(1), a22, std::ptrdiff_t(1), s);
  const std::size_t right_zero = lu_column_major(m - n1, n2, a22, ld, piv + n1);
  const std::size_t k2 = offset_right_pivots(m, n1, n2, piv);
  swap_rows_of_columns(n1, a, ld, piv, n1, n1 + k2);
  return first_zero_pivot(left_zero, right_zero, n1);
}

/// B := A for m x n blocks with element (i,j) at a[i*ars + j*acs] and b[i*brs + j*bcs], eight
/// rows at a time so that a column-major side is written (or read) a cache line of doubles at
/// a time.
template <class T>
void transpose_copy(std::size_t m, std::size_t n, const T* a, std::ptrdiff_t ars, std::ptrdiff_t acs, T* b,
                    std::ptrdiff_t brs, std::ptrdiff_t bcs) {
  std::size_t i = 0;
  for (; i + 8 <= m; i += 8) {
    const T* a0 = a + static_cast<std::ptrdiff_t>(i) * ars;
    T* b0 = b + static_cast<std::ptrdiff_t>(i) * brs;
    for (std::size_t j = 0; j < n; ++j) {
      const T* x = a0 + static_cast<std::ptrdiff_t>(j) * acs;
      T* y = b0 + static_cast<std::ptrdiff_t>(j) * bcs;
      for (std::size_t r = 0; r < 8; ++r) y[static_cast<std::ptrdiff_t>(r) * brs] = x[static_cast<std::ptrdiff_t>(r) * ars];
    }
  }
  for (; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j)
      b[static_cast<std::ptrdiff_t>(i) * brs + static_cast<std::ptrdiff_t>(j) * bcs] =
          a[static_cast<std::ptrdiff_t>(i) * ars + static_cast<std::ptrdiff_t>(j) * acs];
}

/// LU of an m x n row-major panel (n <= lu_panel) through a column-major copy in work, which
/// holds (m + 16) * n elements. Columns are where partial pivoting works: the pivot
/// search and every update of the panel then run at unit stride.
template <class T>
std::size_t lu_panel_transposed(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, std::size_t* piv, T* work) {
  // A leading dimension that is a multiple of 8 but no power of two keeps the columns of the
  // copy apart in the cache.
  std::size_t ld = (m + 7) / 8 * 8;
  if ((ld & (ld - 1)) == 0) ld += 8;
  transpose_copy(m, n, a, lda, std::ptrdiff_t(1), work, std::ptrdiff_t(1), static_cast<std::ptrdiff_t>(ld));
  const std::size_t zero = lu_column_major(m, n, work, ld, piv);
  transpose_copy(m, n, work, std::ptrdiff_t(1), static_cast<std::ptrdiff_t>(ld), a, lda, std::ptrdiff_t(1));
  return zero;
}

/// Recursive LU of the m x n row-major block: P A = L U in place, piv[i] the row that row i was
/// interchanged with (i < min(m, n)). Returns the first zero pivot or no_zero_pivot. work holds
/// the column-major copy of a panel, (m + 16) * lu_panel elements.
template <class T>
std::size_t lu_recursive(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, std::size_t* piv, T* work) {
  const std::size_t k = std::min(m, n);
  if (k == 0) return no_zero_pivot;
  if (n <= lu_panel) return lu_panel_transposed(m, n, a, lda, piv, work);
  // A wide block with few rows: its first k columns are one panel, the rest only solved for.
  const std::size_t n1 = k <= lu_panel ? k : std::min(k / 2, lu_left_most), n2 = n - n1;
  T* a12 = a + n1;
  T* a21 = a + static_cast<std::ptrdiff_t>(n1) * lda;
  T* a22 = a21 + n1;
  const std::size_t left_zero = lu_recursive(m, n1, a, lda, piv, work);
  swap_rows(n2, a12, lda, piv, 0, n1);
  solve_triangular_left(true, true, n1, n2, a, lda, std::ptrdiff_t(1), a12, lda, std::ptrdiff_t(1));
  kernels::gemm(m - n1, n2, n1, T(-1), a21, lda, std::ptrdiff_t(1), a12, lda, std::ptrdiff_t(1), T(1), a22, lda,
                std::ptrdiff_t(1));
  const std::size_t right_zero = lu_recursive(m - n1, n2, a22, lda, piv + n1, work);
  const std::size_t k2 = offset_right_pivots(m, n1, n2, piv);
  swap_rows(n1, a, lda, piv, n1, n1 + k2);
  return first_zero_pivot(left_zero, right_zero, n1);
}

/// LU with partial pivoting of the m x n row-major matrix in place; see lu_recursive.
template <class T>
std::size_t lu_in_place(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, std::size_t* piv) {
  if (m == 0 || n == 0) return no_zero_pivot;
  std::vector<T> work((m + 16) * std::min(n, lu_panel));
  return lu_recursive(m, n, a, lda, piv, work.data());
}

/// The 1-norm of a (its largest column sum of magnitudes), rcond's ||A||_1. Its pass over a is
/// also the check for NaN and infinity: either makes a column sum non-finite, and only then is
/// a searched for the element to name. Throws non_finite_error.
template <class T>
real_t<T> checked_norm1(const char* function, const Matrix<T>& a) {
  using R = real_t<T>;
  std::vector<R> sums(a.cols(), R(0));
  for (std::size_t i = 0; i < a.rows(); ++i) {
    const T* row = a.data() + static_cast<std::ptrdiff_t>(i) * a.row_stride();
    for (std::size_t j = 0; j < a.cols(); ++j) sums[j] += detail::modulus(row[j]);
  }
  R total(0), largest(0);
  for (const R s : sums) total += s, largest = std::max(largest, s);
  if (!std::isfinite(total)) require_finite(function, a);
  return largest;
}

/// The row permutation of the interchanges: row i of P^T A is row perm[i] of A.
inline std::vector<std::size_t> permutation_of(const std::size_t* piv, std::size_t k, std::size_t m) {
  std::vector<std::size_t> perm(m);
  for (std::size_t i = 0; i < m; ++i) perm[i] = i;
  for (std::size_t i = 0; i < k; ++i) std::swap(perm[i], perm[piv[i]]);
  return perm;
}

/// Hager's 1-norm estimate of an n x n operator B given B x and B^H x (Higham's refinement,
/// as LAPACK's lacn2): at most five products each way plus one extra, O(n) besides them.
template <class T, class Apply, class ApplyAdjoint>
real_t<T> estimate_norm1(std::size_t n, Apply apply, ApplyAdjoint apply_adjoint) {
  using R = real_t<T>;
  auto norm1 = [](const std::vector<T>& v) {
    R s(0);
    for (const T& x : v) s += std::abs(x);
    return s;
  };
  std::vector<T> x(n, T(R(1) / static_cast<R>(n)));
  R estimate(0);
  std::size_t last_j = n;
  for (int iteration = 0; iteration < 5; ++iteration) {
    apply(x);
    const R e = norm1(x);
    if (iteration > 0 && e <= estimate) break;
    estimate = e;
    for (T& v : x) v = std::abs(v) == R(0) ? T(1) : v / std::abs(v);
    apply_adjoint(x);
    std::size_t j = 0;
    for (std::size_t i = 1; i < n; ++i)
      if (std::abs(x[i]) > std::abs(x[j])) j = i;
    if (j == last_j) break;
    last_j = j;
    std::fill(x.begin(), x.end(), T(0));
    x[j] = T(1);
  }
  // An alternating vector catches the matrices that fool the iteration above.
  for (std::size_t i = 0; i < n; ++i) {
    const R sign = i % 2 == 0 ? R(1) : R(-1);
    x[i] = T(sign * (R(1) + static_cast<R>(i) / static_cast<R>(std::max<std::size_t>(n - 1, 1))));
  }
  apply(x);
  return std::max(estimate, R(2) * norm1(x) / (R(3) * static_cast<R>(n)));
}

}  // namespace decomp_detail

/// A = P L U: P (m x m) a permutation matrix, L (m x k) unit lower triangular, U (k x n) upper
/// triangular, k = min(m, n).
template <class T>
struct LUResult {
  Matrix<T> P;  ///< m x m permutation matrix
  Matrix<T> L;  ///< m x k unit lower triangular, k = min(m, n)
  Matrix<T> U;  ///< k x n upper triangular
};

/// The compact LU factorization of an m x n matrix (SciPy's lu_factor): L and U share one
/// matrix (L's unit diagonal is implied) and pivots()[i] is the row interchanged with row i.
/// Factor once, then solve for many right-hand sides at O(n^2) each.
template <Field T>
class LUFactor {
 public:
  /// Factors a (m x n) with partial pivoting in O(m n min(m, n)). Exactly singular matrices
  /// factor fine (U has a zero on its diagonal; see zero_pivot()). Throws non_finite_error for
  /// NaN or infinity, naming `function`.
  template <Expression E>
  explicit LUFactor(const E& a, const char* function = "lu_factor") : lu_(decomp_detail::dense_copy(a)) {
    const std::size_t k = std::min(lu_.rows(), lu_.cols());
    std::vector<std::size_t> piv(k);
    anorm_ = decomp_detail::checked_norm1(function, lu_);
    zero_pivot_ = decomp_detail::lu_in_place(lu_.rows(), lu_.cols(), lu_.data(), lu_.row_stride(), piv.data());
    piv_ = Vector<std::size_t>(k);
    for (std::size_t i = 0; i < k; ++i) piv_[i] = piv[i];
  }

  /// L below the diagonal (unit diagonal implied) and U on and above it, m x n.
  const Matrix<T>& lu() const noexcept { return lu_; }
  /// Row i was interchanged with row pivots()[i], in order i = 0, 1, ..., min(m, n) - 1.
  const Vector<std::size_t>& pivots() const noexcept { return piv_; }
  /// Whether U has an exactly zero diagonal element.
  bool is_singular() const noexcept { return zero_pivot_ != decomp_detail::no_zero_pivot; }
  /// Index of the first exactly zero diagonal element of U; only meaningful if is_singular().
  std::size_t zero_pivot() const noexcept { return zero_pivot_; }

  /// The unit lower triangular L (m x k).
  Matrix<T> l() const {
    const std::size_t m = lu_.rows(), k = std::min(m, lu_.cols());
    Matrix<T> l(m, k);
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < std::min(i + 1, k); ++j) l(i, j) = i == j ? T(1) : lu_(i, j);
    return l;
  }
  /// The upper triangular U (k x n).
  Matrix<T> u() const {
    const std::size_t n = lu_.cols(), k = std::min(lu_.rows(), n);
    Matrix<T> u(k, n);
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = i; j < n; ++j) u(i, j) = lu_(i, j);
    return u;
  }
  /// The permutation matrix P (m x m) of A = P L U.
  Matrix<T> p() const {
    const std::size_t m = lu_.rows();
    const auto perm = decomp_detail::permutation_of(piv_.data(), piv_.size(), m);
    Matrix<T> p(m, m);
    for (std::size_t i = 0; i < m; ++i) p(perm[i], i) = T(1);
    return p;
  }

  /// Solves A X = B for a vector or matrix B with n rows; returns X of B's shape. O(n^2) per
  /// column. Throws shape_error if A is not square or B has the wrong number of rows, and
  /// singular_matrix_error naming the first zero pivot if A is singular.
  template <Expression B>
  decomp_detail::solve_result_t<T, B> solve(const B& b) const {
    require_solvable("lu_factor.solve");
    decomp_detail::require_rhs_rows("lu_factor.solve", lu_.rows(), lu_.cols(), b);
    auto x = decomp_detail::rhs_copy<T>(b);
    solve_in_place(x.cols(), x.data(), x.row_stride());
    return x;
  }

  /// The determinant: the product of U's diagonal, signed by the interchanges; 0 for a
  /// singular matrix. O(n). Throws shape_error if A is not square.
  T det() const {
    require_square("lu_factor.det");
    T d(1);
    for (std::size_t i = 0; i < lu_.rows(); ++i) d *= piv_[i] != i ? -lu_(i, i) : lu_(i, i);
    return d;
  }

  /// The inverse A^-1, O(n^3). Throws shape_error if A is not square and
  /// singular_matrix_error naming the first zero pivot if it is singular.
  Matrix<T> inverse() const {
    require_solvable("lu_factor.inverse");
    Matrix<T> x(lu_.rows(), lu_.rows());
    for (std::size_t i = 0; i < x.rows(); ++i) x(i, i) = T(1);
    solve_in_place(x.cols(), x.data(), x.row_stride());
    return x;
  }

  /// An estimate of the reciprocal condition number 1 / (||A||_1 ||A^-1||_1), as LAPACK's
  /// gecon: ||A^-1||_1 is estimated from below, so the estimate is never smaller than the true
  /// value and usually within a factor of 3 of it. 0 for a singular matrix, 1 for an empty one. O(n^2). Throws shape_error if A is not square.
  real_t<T> rcond() const {
    using R = real_t<T>;
    require_square("lu_factor.rcond");
    const std::size_t n = lu_.rows();
    if (n == 0) return R(1);
    if (is_singular() || anorm_ == R(0)) return R(0);
    const R inverse_norm = decomp_detail::estimate_norm1<T>(
        n, [&](std::vector<T>& v) { solve_in_place(1, v.data(), 1); },
        [&](std::vector<T>& v) { solve_adjoint_in_place(v.data()); });
    return inverse_norm == R(0) ? R(0) : (R(1) / inverse_norm) / anorm_;
  }

 private:
  void require_square(const char* function) const {
    if (lu_.rows() != lu_.cols())
      throw shape_error(std::string(function) + ": expected a square matrix, got shape " +
                        detail::shape_string(lu_.rows(), lu_.cols()));
  }
  void require_solvable(const char* function) const {
    require_square(function);
    if (is_singular())
      throw singular_matrix_error(std::string(function) + ": the matrix is singular: U(" + std::to_string(zero_pivot_) +
                                      "," + std::to_string(zero_pivot_) + ") is exactly zero (pivot " +
                                      std::to_string(zero_pivot_) + ")",
                                  zero_pivot_);
  }

  // B (n x nrhs, row stride ldb) := A^-1 B.
  void solve_in_place(std::size_t nrhs, T* b, std::ptrdiff_t ldb) const {
    const std::size_t n = lu_.rows();
    decomp_detail::swap_rows(nrhs, b, ldb, piv_.data(), 0, n);
    const auto lda = lu_.row_stride();
    decomp_detail::solve_triangular_left(true, true, n, nrhs, lu_.data(), lda, std::ptrdiff_t(1), b, ldb, std::ptrdiff_t(1));
    decomp_detail::solve_triangular_left(false, false, n, nrhs, lu_.data(), lda, std::ptrdiff_t(1), b, ldb, std::ptrdiff_t(1));
  }

  // x := A^-H x, from A^H = U^H L^H P^T: two conjugated triangular sweeps, then the
  // interchanges in reverse order.
  void solve_adjoint_in_place(T* x) const {
    const std::size_t n = lu_.rows();
    for (std::size_t i = 0; i < n; ++i) {
      x[i] /= decomp_detail::conj_if_complex(lu_(i, i));
      const T xi = x[i];
      for (std::size_t j = i + 1; j < n; ++j) x[j] -= decomp_detail::conj_if_complex(lu_(i, j)) * xi;
    }
    for (std::size_t i = n; i-- > 0;) {
      const T xi = x[i];
      for (std::size_t j = 0; j < i; ++j) x[j] -= decomp_detail::conj_if_complex(lu_(i, j)) * xi;
    }
    for (std::size_t i = n; i-- > 0;)
      if (piv_[i] != i) std::swap(x[i], x[piv_[i]]);
  }

  Matrix<T> lu_;
  Vector<std::size_t> piv_;
  std::size_t zero_pivot_ = decomp_detail::no_zero_pivot;
  real_t<T> anorm_{};
};

/// Factors A (m x n) for reuse: `auto F = lu_factor(A); auto x = F.solve(b);`. O(m n min(m,n)).
/// Throws non_finite_error for NaN or infinity in A.
template <Expression E>
auto lu_factor(const E& a) {
  decomp_detail::require_field<value_t<E>>();
  if constexpr (Field<value_t<E>>) return LUFactor<value_t<E>>(a);
}

/// The LU factorization with partial pivoting, A = P L U, for any m x n A (SciPy's lu):
/// `auto [P, L, U] = lu(A);` with P m x m, L m x k unit lower, U k x n upper, k = min(m, n).
/// A singular A factors fine (U then has a zero on its diagonal). O(m n min(m, n)).
/// Throws non_finite_error for NaN or infinity in A.
template <Expression E>
auto lu(const E& a) {
  decomp_detail::require_field<value_t<E>>();
  if constexpr (Field<value_t<E>>) {
    const LUFactor<value_t<E>> f(a, "lu");
    return LUResult<value_t<E>>{f.p(), f.l(), f.u()};
  }
}

}  // namespace linal
