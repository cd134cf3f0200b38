#pragma once
/// \file
/// Householder QR: `auto [Q, R] = qr(A)` (NumPy's modes reduced, complete, r), column-pivoted
/// QR `auto [Q, R, P] = qr(A, pivoting)` with A[:, P] = Q R (SciPy's pivoting=True), and the
/// compact factor `qr_factor(A)` that applies Q without forming it and solves least squares.
///
/// The unpivoted factorization is blocked (LAPACK's geqrf): a panel of columns is factored
/// with reflectors, its reflectors are gathered into the compact WY form I - V T V^H, and the
/// trailing columns are updated with three gemm calls. The pivoted one follows geqp3's
/// unblocked kernel (laqp2): the column of largest remaining norm goes first, and the norms
/// are downdated in O(1) per column, recomputed when cancellation makes the downdate unsafe.

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
#include "detail/input.hpp"
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

/// Householder QR of a panel of n columns (n small against m), recursively (Elmroth and
/// Gustavson): factor the left half, update the right half with the left half's block
/// reflector, factor the rest. The narrowest panels are factored in a contiguous copy, where
/// each column's elements share pages instead of each taking one.
template <class T>
void qr_panel(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, T* tau, std::vector<T>& work) {
  if (n <= qr_leaf || m <= qr_leaf) {
    if (static_cast<std::ptrdiff_t>(n) == lda) {
      qr_unblocked(m, n, a, lda, tau, work);
      return;
    }
    std::vector<T> panel(m * n);
    for (std::size_t i = 0; i < m; ++i) std::copy_n(a + static_cast<std::ptrdiff_t>(i) * lda, n, panel.data() + i * n);
    qr_unblocked(m, n, panel.data(), static_cast<std::ptrdiff_t>(n), tau, work);
    for (std::size_t i = 0; i < m; ++i) std::copy_n(panel.data() + i * n, n, a + static_cast<std::ptrdiff_t>(i) * lda);
    return;
  }
  const std::size_t n1 = n / 2;
  qr_panel(m, n1, a, lda, tau, work);
  householder::block_reflector<T> left(m, n1, a, lda, std::ptrdiff_t(1), tau);
  left.apply_left(true, n - n1, a + n1, lda, std::ptrdiff_t(1));
  qr_panel(m - n1, n - n1, a + static_cast<std::ptrdiff_t>(n1) * lda + static_cast<std::ptrdiff_t>(n1), lda, tau + n1, work);
}

/// Blocked Householder QR of the m x n row-major block (LAPACK's geqrf).
template <class T>
void qr_blocked(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, T* tau) {
  const std::size_t k = std::min(m, n);
  std::vector<T> work;
  if (k <= qr_leaf || n <= qr_leaf) {
    qr_unblocked(m, n, a, lda, tau, work);
    return;
  }
  for (std::size_t j = 0; j < k; j += qr_block) {
    const std::size_t jb = std::min(qr_block, k - j);
    T* panel = a + static_cast<std::ptrdiff_t>(j) * lda + static_cast<std::ptrdiff_t>(j);
    qr_panel(m - j, jb, panel, lda, tau + j, work);
    if (j + jb < n) {
      householder::block_reflector<T> block(m - j, jb, panel, lda, std::ptrdiff_t(1), tau + j);
      block.apply_left(true, n - j - jb, panel + jb, lda, std::ptrdiff_t(1));
    }
  }
}

/// Column-pivoted Householder QR of the m x n row-major block (LAPACK's geqp3 kernel laqp2):
/// A P = Q R with perm[j] the original index of column j.
template <class T>
void qr_pivoted(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, T* tau, std::size_t* perm) {
  using R = real_t<T>;
  const std::size_t k = std::min(m, n);
  auto A = [&](std::size_t i, std::size_t j) -> T& { return a[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j)]; };
  auto column_norm = [&](std::size_t j, std::size_t from) {
    return from < m ? householder::norm2(m - from, &A(from, j), lda) : R(0);
  };
  std::vector<R> norms(n), reference(n);
  for (std::size_t j = 0; j < n; ++j) {
    perm[j] = j;
    norms[j] = reference[j] = column_norm(j, 0);
  }
  // When the downdated norm has lost more than half its digits, recompute it.
  const R downdate_limit = std::sqrt(std::numeric_limits<R>::epsilon());
  std::vector<T> work(std::max<std::size_t>(n, 1));
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t p = static_cast<std::size_t>(std::max_element(norms.begin() + static_cast<std::ptrdiff_t>(i), norms.end()) - norms.begin());
    if (p != i) {
      for (std::size_t r = 0; r < m; ++r) std::swap(A(r, i), A(r, p));
      std::swap(perm[i], perm[p]);
      norms[p] = norms[i];
      reference[p] = reference[i];
    }
    T* below = i + 1 < m ? &A(i + 1, i) : &A(i, i);
    tau[i] = householder::make_reflector(m - i, A(i, i), below, lda);
    if (i + 1 < n) {
      const T beta = A(i, i);
      A(i, i) = T(1);
      householder::apply_reflector_left(m - i, n - i - 1, &A(i, i), lda, conj_if_complex(tau[i]), &A(i, i + 1), lda,
                                        std::ptrdiff_t(1), work.data());
      A(i, i) = beta;
    }
    for (std::size_t j = i + 1; j < n; ++j) {
      if (norms[j] == R(0)) continue;
      const R ratio = std::abs(A(i, j)) / norms[j];
      const R remaining = std::max(R(0), (R(1) + ratio) * (R(1) - ratio));
      const R drift = remaining * (norms[j] / reference[j]) * (norms[j] / reference[j]);
      if (drift <= downdate_limit) {
        norms[j] = reference[j] = column_norm(j, i + 1);
      } else {
        norms[j] *= std::sqrt(remaining);
      }
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
  /// Factors a with column pivoting. Same order of work; throws non_finite_error.
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
    for (std::size_t s = 0; s < blocks; ++s) {
      // Q^H = H(k-1)^H ... H(0)^H applies the first block first; Q the last block first.
      const std::size_t b = adjoint ? s : blocks - 1 - s;
      const std::size_t j = b * decomp_detail::qr_block, jb = std::min(decomp_detail::qr_block, k - j);
      householder::block_reflector<T> block(m - j, jb, qr_.data() + static_cast<std::ptrdiff_t>(j) * lda + static_cast<std::ptrdiff_t>(j),
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
/// numerical rank in R's diagonal. Throws non_finite_error for NaN or infinity.
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
