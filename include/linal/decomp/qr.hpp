#pragma once
/// \file
/// Householder QR: `auto [Q, R] = qr(A)` (NumPy's modes reduced, complete, r), column-pivoted
/// QR `auto [Q, R, P] = qr(A, pivoting)` with A[:, P] = Q R (SciPy's pivoting=True), and the
/// compact factor `qr_factor(A)` that applies Q without forming it and solves least squares.
///
/// The unpivoted factorization is blocked (LAPACK's geqrf): a panel of 64 columns is factored
/// recursively, halves by halves down to 16 columns, each half's reflectors applied to the
/// other half in the compact WY form I - V T V^H, with T assembled from the halves' factors
/// (geqrt3) rather than from a Gram matrix; the trailing columns are then updated with three
/// gemm calls. 2 m n^2 - 2 n^3 / 3 flops for the factorization, plus about m n 64 for the T
/// factors and the trailing updates' small product T (V^H C). One workspace serves every panel. The pivoted one
/// (detail/pivoted_qr.hpp) is blocked as geqp3: the column of largest remaining norm goes
/// first, panels of 32 pivots are chosen with the trailing update deferred, then applied by one
/// gemm; about half its flops stay in matrix-vector products.

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "../core/concepts.hpp"
#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "detail/input.hpp"
#include "detail/pivoted_qr.hpp"
#include "detail/triangular.hpp"
#include "householder.hpp"

namespace linal {

/// How much of the factorization qr() returns, as NumPy's mode argument. For an m x n A with
/// k = min(m, n): reduced gives Q m x k and R k x n; complete gives Q m x m and R m x n; r
/// gives R (k x n) only, with Q left empty (0 x 0).
enum class qr_mode { reduced, complete, r };

/// Tag that selects column pivoting: `qr(A, pivoting)`.
struct pivoting_t {
  explicit pivoting_t() = default;
};
inline constexpr pivoting_t pivoting{};  ///< Selects column pivoting.

namespace decomp_detail {

// Columns per panel of the blocked factorization, and the width below which a panel is
// factored one column at a time.
inline constexpr std::size_t qr_block = 64;
inline constexpr std::size_t qr_leaf = 16;

/// Unblocked Householder QR of the m x n row-major block at a (LAPACK's geqr2): R on and above
/// the diagonal, reflector vectors below it, tau[j] for j < min(m, n).
template <class T>
void qr_unblocked(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, T* tau, std::vector<T>& work) {
  const std::size_t k = std::min(m, n);
  work.resize(std::max<std::size_t>(n, 1));
  auto A = [&](std::size_t i, std::size_t j) -> T& { return a[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j)]; };
  for (std::size_t j = 0; j < k; ++j) {
    T* below = j + 1 < m ? &A(j + 1, j) : &A(j, j);
    tau[j] = householder::make_reflector(m - j, A(j, j), below, lda);
    if (j + 1 < n) {
      const T beta = A(j, j);
      A(j, j) = T(1);
      householder::apply_reflector_left(m - j, n - j - 1, &A(j, j), lda, conj_if_complex(tau[j]), &A(j, j + 1), lda,
                                        std::ptrdiff_t(1), work.data());
      A(j, j) = beta;
    }
  }
}

/// The memory one blocked factorization reuses from panel to panel.
template <class T>
struct qr_workspace {
  householder::block_reflector<T> reflectors;
  std::vector<T> panel;     // contiguous copy of a narrow panel
  std::vector<T> work;      // one row for the unblocked factorization
  std::vector<T> coupling;  // V1^H V2 of a panel's two halves
  std::vector<T> product;   // T11 V1^H V2
};

/// The upper right block of a panel's triangular factor, T12 = -T11 (V1^H V2) T22, from the
/// factors T11 (n1 x n1) and T22 (n2 x n2) of its two halves (as LAPACK's geqrt3). V1 is the
/// left half's m x n1 reflector block at a, V2 the right half's, stored from row and column
/// n1 with its unit diagonal implied: only rows n1 and below meet, and V2's top n2 x n2 is
/// unit lower triangular, so that part is summed directly and the rest by one gemm.
template <class T>
void qr_panel_coupling(std::size_t m, std::size_t n1, std::size_t n2, const T* a, std::ptrdiff_t lda, T* t,
                       std::ptrdiff_t ldt, qr_workspace<T>& ws) {
  const T* v1 = a + static_cast<std::ptrdiff_t>(n1) * lda;  // V1's rows n1 and below
  const T* v2 = v1 + n1;
  auto at = [lda](const T* x, std::size_t r, std::size_t c) { return x[static_cast<std::ptrdiff_t>(r) * lda + static_cast<std::ptrdiff_t>(c)]; };
  const std::size_t rows = m - n1, top = std::min(n2, rows);
  ws.coupling.resize(n1 * n2);
  ws.product.resize(n1 * n2);
  T* y = ws.coupling.data();
  std::fill(y, y + n1 * n2, T(0));
  // Row r of V2's triangle: the unit on its diagonal, its elements left of it; a row at a time
  // so that every update runs along contiguous rows.
  for (std::size_t r = 0; r < top; ++r) {
    const T* v2r = v2 + static_cast<std::ptrdiff_t>(r) * lda;
    for (std::size_t i = 0; i < n1; ++i) {
      const T f = conj_if_complex(at(v1, r, i));
      T* yi = y + i * n2;
      for (std::size_t j = 0; j < r; ++j) yi[j] += f * v2r[j];
      yi[r] += f;
    }
  }
  const auto ly = static_cast<std::ptrdiff_t>(n2);
  if (rows > top) {
    const std::size_t q = rows - top;
    const T* v1_low = v1 + static_cast<std::ptrdiff_t>(top) * lda;
    const T* v2_low = v2 + static_cast<std::ptrdiff_t>(top) * lda;
    if constexpr (is_complex_v<T>) {
      for (std::size_t i = 0; i < n1; ++i)
        for (std::size_t r = 0; r < q; ++r) {
          const T f = std::conj(at(v1_low, r, i));
          for (std::size_t j = 0; j < n2; ++j) y[i * n2 + j] += f * at(v2_low, r, j);
        }
    } else {
      // V1^T is V1 with its strides swapped.
      kernels::gemm(n1, n2, q, T(1), v1_low, std::ptrdiff_t(1), lda, v2_low, lda, std::ptrdiff_t(1), T(1), y, ly,
                    std::ptrdiff_t(1));
    }
  }
  T* z = ws.product.data();
  kernels::gemm(n1, n2, n1, T(1), t, ldt, std::ptrdiff_t(1), y, ly, std::ptrdiff_t(1), T(0), z, ly, std::ptrdiff_t(1));
  const T* t22 = t + static_cast<std::ptrdiff_t>(n1) * ldt + static_cast<std::ptrdiff_t>(n1);
  kernels::gemm(n1, n2, n2, T(-1), z, ly, std::ptrdiff_t(1), t22, ldt, std::ptrdiff_t(1), T(0), t + n1, ldt,
                std::ptrdiff_t(1));
}

/// Householder QR of a panel of n <= m columns, recursively (Elmroth and Gustavson): factor
/// the left half, update the right half with the left half's block reflector, factor the
/// rest. Also returns the panel's block reflector factor T (n x n upper triangular at t, row
/// stride ldt, its strict lower triangle left untouched), assembled from the halves' factors
/// as geqrt3 does, so that T costs O(m n^2 / 2) instead of a Gram matrix per level. The
/// narrowest panels are factored in a contiguous copy, where each column's elements share
/// pages instead of each taking one.
template <class T>
void qr_panel(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, T* tau, T* t, std::ptrdiff_t ldt,
              qr_workspace<T>& ws) {
  if (n <= qr_leaf || m <= qr_leaf) {
    if (static_cast<std::ptrdiff_t>(n) == lda) {
      qr_unblocked(m, n, a, lda, tau, ws.work);
    } else {
      ws.panel.resize(m * n);
      T* panel = ws.panel.data();
      for (std::size_t i = 0; i < m; ++i) std::copy_n(a + static_cast<std::ptrdiff_t>(i) * lda, n, panel + i * n);
      qr_unblocked(m, n, panel, static_cast<std::ptrdiff_t>(n), tau, ws.work);
      for (std::size_t i = 0; i < m; ++i) std::copy_n(panel + i * n, n, a + static_cast<std::ptrdiff_t>(i) * lda);
    }
    ws.reflectors.assign(m, n, a, lda, std::ptrdiff_t(1), tau);
    for (std::size_t i = 0; i < n; ++i)
      std::copy_n(ws.reflectors.t() + i * n + i, n - i, t + static_cast<std::ptrdiff_t>(i) * ldt + static_cast<std::ptrdiff_t>(i));
    return;
  }
  const std::size_t n1 = n / 2, n2 = n - n1;
  qr_panel(m, n1, a, lda, tau, t, ldt, ws);
  ws.reflectors.assign(m, n1, a, lda, std::ptrdiff_t(1), t, ldt);
  ws.reflectors.apply_left(true, n2, a + n1, lda, std::ptrdiff_t(1));
  qr_panel(m - n1, n2, a + static_cast<std::ptrdiff_t>(n1) * lda + static_cast<std::ptrdiff_t>(n1), lda, tau + n1,
           t + static_cast<std::ptrdiff_t>(n1) * ldt + static_cast<std::ptrdiff_t>(n1), ldt, ws);
  qr_panel_coupling(m, n1, n2, a, lda, t, ldt, ws);
}

/// Blocked Householder QR of the m x n row-major block (LAPACK's geqrf): each panel of
/// qr_block columns is factored recursively with its T, then the trailing columns are updated
/// by its block reflector (three gemm calls).
template <class T>
void qr_blocked(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, T* tau) {
  const std::size_t k = std::min(m, n);
  qr_workspace<T> ws;
  if (k <= qr_leaf || n <= qr_leaf) {
    qr_unblocked(m, n, a, lda, tau, ws.work);
    return;
  }
  std::vector<T> t(qr_block * qr_block);
  for (std::size_t j = 0; j < k; j += qr_block) {
    const std::size_t jb = std::min(qr_block, k - j);
    T* panel = a + static_cast<std::ptrdiff_t>(j) * lda + static_cast<std::ptrdiff_t>(j);
    const auto ldt = static_cast<std::ptrdiff_t>(jb);
    std::fill(t.begin(), t.end(), T(0));
    qr_panel(m - j, jb, panel, lda, tau + j, t.data(), ldt, ws);
    if (j + jb < n) {
      ws.reflectors.assign(m - j, jb, panel, lda, std::ptrdiff_t(1), t.data(), ldt);
      ws.reflectors.apply_left(true, n - j - jb, panel + jb, lda, std::ptrdiff_t(1));
    }
  }
}

}  // namespace decomp_detail

/// Q and R of A = Q R (see qr_mode for the shapes).
template <class T>
struct QRResult {
  Matrix<T> Q;  ///< orthonormal columns (0 x 0 in qr_mode::r)
  Matrix<T> R;  ///< upper triangular (trapezoidal when wide)
};

/// Q, R and the column permutation P of A[:, P] = Q R, |R(0,0)| >= |R(1,1)| >= ...
template <class T>
struct QRPivotedResult {
  Matrix<T> Q;            ///< orthonormal columns (0 x 0 in qr_mode::r)
  Matrix<T> R;            ///< upper triangular, diagonal non-increasing in magnitude
  Vector<std::size_t> P;  ///< column permutation: A[:, P] = Q R
};

/// The compact Householder QR of an m x n matrix, optionally column-pivoted: R on and above
/// the diagonal, the reflectors Q = H(0) ... H(k-1) below it with their scalars tau (LAPACK's
/// geqrf / geqp3 layout). Applies Q or Q^H in O(m n k) without forming Q.
template <Field T>
class QRFactor {
 public:
  /// Factors a without pivoting (blocked). O(2 m n^2 - 2 n^3 / 3). Throws non_finite_error.
  template <Expression E>
  explicit QRFactor(const E& a, const char* function = "qr_factor") : qr_(decomp_detail::checked_copy(function, a)) {
    tau_.resize(std::min(qr_.rows(), qr_.cols()));
    decomp_detail::qr_blocked(qr_.rows(), qr_.cols(), qr_.data(), qr_.row_stride(), tau_.data());
  }
  /// Factors a with column pivoting, blocked as geqp3: O(2 m n^2 - 2 n^3 / 3) for m >= n, as
  /// without pivoting, half of it in gemm. Throws non_finite_error.
  template <Expression E>
  QRFactor(const E& a, pivoting_t, const char* function = "qr_factor") : qr_(decomp_detail::checked_copy(function, a)) {
    tau_.resize(std::min(qr_.rows(), qr_.cols()));
    perm_ = Vector<std::size_t>(qr_.cols());
    decomp_detail::qr_pivoted(qr_.rows(), qr_.cols(), qr_.data(), qr_.row_stride(), tau_.data(), perm_.data());
  }

  std::size_t rows() const noexcept { return qr_.rows(); }  ///< Rows m of the factored matrix.
  std::size_t cols() const noexcept { return qr_.cols(); }  ///< Columns n of the factored matrix.
  /// R above the diagonal, the reflector vectors below (unit first elements implied).
  const Matrix<T>& qr() const noexcept { return qr_; }
  /// The reflector scalars, min(m, n) of them.
  const std::vector<T>& tau() const noexcept { return tau_; }
  /// The column permutation (A[:, perm] = Q R); empty without pivoting.
  const Vector<std::size_t>& perm() const noexcept { return perm_; }

  /// R: k x n upper triangular (k = min(m, n)), or m x n with zero rows below when complete.
  Matrix<T> r(bool complete = false) const {
    const std::size_t m = rows(), n = cols(), k = std::min(m, n);
    Matrix<T> r(complete ? m : k, n);
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = i; j < n; ++j) r(i, j) = qr_(i, j);
    return r;
  }

  /// Q with orthonormal columns: m x k (k = min(m, n)), or the whole m x m when complete.
  /// O(m^2 k) for the whole Q, by applying the reflectors backwards to identity columns.
  Matrix<T> q(bool complete = false) const {
    const std::size_t m = rows(), cols = complete ? m : std::min(m, qr_.cols());
    Matrix<T> q(m, cols);
    for (std::size_t i = 0; i < std::min(m, cols); ++i) q(i, i) = T(1);
    apply(false, cols, q.data(), q.row_stride());
    return q;
  }

  /// Q B for B (vector or matrix) with m rows; returns B's shape. O(m k nrhs).
  /// Throws shape_error if B does not have m rows.
  template <Expression B>
  decomp_detail::solve_result_t<T, B> apply_q(const B& b) const {
    decomp_detail::require_rhs_rows("qr_factor.apply_q", rows(), cols(), b);
    auto x = decomp_detail::rhs_copy<T>(b);
    apply(false, x.cols(), x.data(), x.row_stride());
    return x;
  }

  /// Q^H B for B (vector or matrix) with m rows; returns B's shape. O(m k nrhs).
  /// Throws shape_error if B does not have m rows.
  template <Expression B>
  decomp_detail::solve_result_t<T, B> apply_qt(const B& b) const {
    decomp_detail::require_rhs_rows("qr_factor.apply_qt", rows(), cols(), b);
    auto x = decomp_detail::rhs_copy<T>(b);
    apply(true, x.cols(), x.data(), x.row_stride());
    return x;
  }

  /// The least-squares solution of min ||A X - B|| for a full-rank A with m >= n: X = R^-1
  /// (Q^H B)(0:n), unpermuted when pivoted. Returns n rows in B's shape. O(m n nrhs).
  /// Throws shape_error if m < n or B does not have m rows, singular_matrix_error naming the
  /// first exactly zero diagonal element of R (a rank-deficient A).
  template <Expression B>
  decomp_detail::solve_result_t<T, B> solve(const B& b) const {
    const std::size_t m = rows(), n = cols();
    if (m < n)
      throw shape_error("qr_factor.solve: least squares needs rows >= cols, got shape " + detail::shape_string(m, n) +
                        "; use lstsq for underdetermined systems");
    decomp_detail::require_rhs_rows("qr_factor.solve", m, n, b);
    for (std::size_t i = 0; i < n; ++i)
      if (qr_(i, i) == T(0))
        throw singular_matrix_error("qr_factor.solve: R(" + std::to_string(i) + "," + std::to_string(i) +
                                        ") is exactly zero: the matrix is rank deficient (pivot " + std::to_string(i) + ")",
                                    i);
    auto y = decomp_detail::rhs_copy<T>(b);
    const std::size_t nrhs = y.cols();
    apply(true, nrhs, y.data(), y.row_stride());
    decomp_detail::solve_result_t<T, B> x(n, nrhs);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < nrhs; ++j) x(i, j) = y(i, j);
    decomp_detail::solve_triangular_left(false, false, n, nrhs, qr_.data(), qr_.row_stride(), std::ptrdiff_t(1), x.data(),
                                         x.row_stride(), std::ptrdiff_t(1));
    if (perm_.size() == 0) return x;
    decomp_detail::solve_result_t<T, B> unpermuted(n, nrhs);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < nrhs; ++j) unpermuted(perm_[i], j) = x(i, j);
    return unpermuted;
  }

 private:
  // C (m x nrhs, row stride ldc) := Q C, or Q^H C when adjoint, a block of reflectors at a time.
  void apply(bool adjoint, std::size_t nrhs, T* c, std::ptrdiff_t ldc) const {
    const std::size_t m = rows(), k = tau_.size();
    if (nrhs == 0 || k == 0) return;
    const auto lda = qr_.row_stride();
    const std::size_t blocks = (k + decomp_detail::qr_block - 1) / decomp_detail::qr_block;
    householder::block_reflector<T> block;
    for (std::size_t s = 0; s < blocks; ++s) {
      // Q^H = H(k-1)^H ... H(0)^H applies the first block first; Q the last block first.
      const std::size_t b = adjoint ? s : blocks - 1 - s;
      const std::size_t j = b * decomp_detail::qr_block, jb = std::min(decomp_detail::qr_block, k - j);
      block.assign(m - j, jb, qr_.data() + static_cast<std::ptrdiff_t>(j) * lda + static_cast<std::ptrdiff_t>(j),
                                            lda, std::ptrdiff_t(1), tau_.data() + j);
      block.apply_left(adjoint, nrhs, c + static_cast<std::ptrdiff_t>(j) * ldc, ldc, std::ptrdiff_t(1));
    }
  }

  Matrix<T> qr_;
  std::vector<T> tau_;
  Vector<std::size_t> perm_;
};

/// Factors A (m x n) for reuse without forming Q: `auto F = qr_factor(A); F.apply_qt(b);`.
/// Throws non_finite_error for NaN or infinity.
template <Expression E>
auto qr_factor(const E& a) {
  decomp_detail::require_field<value_t<E>>();
  if constexpr (Field<value_t<E>>) return QRFactor<value_t<E>>(a);
}
/// Column-pivoted compact QR (the rank-revealing form lstsq and matrix_rank use).
template <Expression E>
auto qr_factor(const E& a, pivoting_t) {
  decomp_detail::require_field<value_t<E>>();
  if constexpr (Field<value_t<E>>) return QRFactor<value_t<E>>(a, pivoting);
}

/// The QR factorization A = Q R of an m x n A (NumPy's qr): `auto [Q, R] = qr(A);`, Q with
/// orthonormal columns, R upper triangular; shapes per qr_mode (reduced by default).
/// O(2 m n^2 - 2 n^3 / 3) plus forming Q. Throws non_finite_error for NaN or infinity.
template <Expression E>
auto qr(const E& a, qr_mode mode = qr_mode::reduced) {
  using T = value_t<E>;
  decomp_detail::require_field<T>();
  if constexpr (Field<T>) {
    const QRFactor<T> f(a, "qr");
    if (mode == qr_mode::r) return QRResult<T>{Matrix<T>(), f.r()};
    const bool complete = mode == qr_mode::complete;
    return QRResult<T>{f.q(complete), f.r(complete)};
  }
}

/// Column-pivoted QR, A[:, P] = Q R with non-increasing |R(i,i)| (SciPy's qr(a,
/// pivoting=True)): `auto [Q, R, P] = qr(A, pivoting);`, P the column indices. Reveals the
/// numerical rank in R's diagonal. O(2 m n^2 - 2 n^3 / 3) plus forming Q. Throws
/// non_finite_error for NaN or infinity.
template <Expression E>
auto qr(const E& a, pivoting_t, qr_mode mode = qr_mode::reduced) {
  using T = value_t<E>;
  decomp_detail::require_field<T>();
  if constexpr (Field<T>) {
    const QRFactor<T> f(a, pivoting, "qr");
    if (mode == qr_mode::r) return QRPivotedResult<T>{Matrix<T>(), f.r(), f.perm()};
    const bool complete = mode == qr_mode::complete;
    return QRPivotedResult<T>{f.q(complete), f.r(complete), f.perm()};
  }
}

}  // namespace linal
