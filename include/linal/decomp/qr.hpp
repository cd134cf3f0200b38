#pragma once
/// \file
/// Householder QR: `auto [Q, R] = qr(A)` (NumPy's modes reduced, complete, r), column-pivoted
/// QR `auto [Q, R, P] = qr(A, pivoting)` with A[:, P] = Q R (SciPy's pivoting=True), and the
/// compact factor `qr_factor(A)` that applies Q without forming it and solves least squares.
///
/// The unpivoted factorization is blocked (LAPACK's geqrf): a panel of 32 to 128 columns
/// (wider for larger matrices) is copied to contiguous columns and factored there
/// recursively, halves by halves down to 16 columns, each half's reflectors applied to the
/// other half in the compact WY form I - V T V^H, with T assembled from the halves' factors
/// (geqrt3) rather than from a Gram matrix; the trailing columns are then updated with three
/// gemm calls. 2 m n^2 - 2 n^3 / 3 flops for the factorization, plus about m n 128 for the T
/// factors and the trailing updates' small product T^H (V^H C). One workspace serves every
/// panel. The pivoted one
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

// Columns per panel of the blocked factorization: wider panels put more of the flops in the
// trailing update's gemm, narrower ones fewer in each panel's own smaller products. Measured
// on one Zen 3 core: 32 columns were fastest at n = 256, 64 at 1024, 128 at 2048.
inline std::size_t qr_panel_width(std::size_t k) { return k < 512 ? 32 : k < 1536 ? 64 : 128; }
// The width below which a panel is factored one column at a time.
inline constexpr std::size_t qr_leaf = 16;
// Reflectors per block when Q or Q^H is applied from the compact factor.
inline constexpr std::size_t qr_block = 64;

/// The memory one blocked factorization reuses from panel to panel. A panel is factored in a
/// copy that holds its columns contiguously (row-major A would give every column element its
/// own cache line), with the reflectors stored in full: explicit zeros above the unit
/// diagonal, R moved out to A as each column is finished. Every product with the reflectors is
/// then one plain gemm or gemv, without triangular special cases.
template <class T>
struct qr_workspace {
  std::vector<T> v;         // column j of the panel at v[j * ld], ld = the panel's rows
  std::vector<T> vh;        // complex only: the conjugates of v, for the products with V^H
  std::vector<T> t;         // the panel's triangular factor, row-major
  std::vector<T> th;        // T^H of the block being applied
  std::vector<T> product;   // V^H C, then T^H V^H C
  std::vector<T> product2;
  std::vector<T> dots;      // one leaf column's dot products
};

/// The first `size` elements of a workspace buffer, grown when needed but never shrunk: one
/// buffer serves products of several sizes, and a vector grown back would be zero-filled anew.
template <class T>
T* qr_scratch(std::vector<T>& buffer, std::size_t size) {
  if (buffer.size() < size) buffer.resize(size);
  return buffer.data();
}

/// The reflector vectors of a panel factored in qr_workspace's layout: column j of V at
/// v + j * ld, the same element of V^H's row j (conjugated) at vh + j * ld; vh == v for real T.
template <class T>
struct qr_vectors {
  T* v;
  T* vh;
  std::ptrdiff_t ld;
  qr_vectors shifted(std::size_t rows, std::size_t cols) const {
    const auto offset = static_cast<std::ptrdiff_t>(cols) * ld + static_cast<std::ptrdiff_t>(rows);
    return {v + offset, vh + offset, ld};
  }
};

/// C := (I - V T V^H)^H C for the m x n matrix C at (c, rs, cs) and the k reflectors V (m x k,
/// zeros above the unit diagonal stored) with their k x k factor T at (t, ldt): three gemm
/// calls, as LAPACK's larfb.
template <class T>
void qr_apply_block_adjoint(std::size_t m, std::size_t k, const qr_vectors<T>& vs, const T* t, std::ptrdiff_t ldt,
                            std::size_t n, T* c, std::ptrdiff_t rs, std::ptrdiff_t cs, qr_workspace<T>& ws) {
  if (k == 0 || n == 0) return;
  const auto kk = static_cast<std::ptrdiff_t>(k), nn = static_cast<std::ptrdiff_t>(n);
  const std::ptrdiff_t one(1);
  T* th = qr_scratch(ws.th, k * k);
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < k; ++j)
      th[j * k + i] = conj_if_complex(t[static_cast<std::ptrdiff_t>(i) * ldt + static_cast<std::ptrdiff_t>(j)]);
  T* w = qr_scratch(ws.product, k * n);
  T* w2 = qr_scratch(ws.product2, k * n);
  kernels::gemm(k, n, m, T(1), vs.vh, vs.ld, one, c, rs, cs, T(0), w, nn, one);
  kernels::gemm(k, n, k, T(1), th, kk, one, w, nn, one, T(0), w2, nn, one);
  kernels::gemm(m, n, k, T(-1), vs.v, one, vs.ld, w2, nn, one, T(1), c, rs, cs);
}

/// Householder QR of the m x n (n <= m) panel at vs one column at a time (LAPACK's geqr2 with
/// the columns of larft): each column's reflector is generated, its R part moved to the row-major
/// r (stride ldr), its dot products with the columns left of it (for T) and right of it (to
/// update them) taken by gemv over contiguous columns.
template <class T>
void qr_panel_leaf(std::size_t m, std::size_t n, const qr_vectors<T>& vs, T* r, std::ptrdiff_t ldr, T* tau, T* t,
                   std::ptrdiff_t ldt, qr_workspace<T>& ws) {
  const std::ptrdiff_t ld = vs.ld, one(1);
  T* dots = qr_scratch(ws.dots, n);
  for (std::size_t j = 0; j < n; ++j) {
    T* x = vs.v + static_cast<std::ptrdiff_t>(j) * ld;
    T* xh = vs.vh + static_cast<std::ptrdiff_t>(j) * ld;
    const std::size_t len = m - j;
    tau[j] = householder::make_reflector(len, x[j], x + j + 1, one);
    for (std::size_t i = 0; i <= j; ++i) r[static_cast<std::ptrdiff_t>(i) * ldr + static_cast<std::ptrdiff_t>(j)] = x[i];
    std::fill(x, x + j, T(0));
    x[j] = T(1);
    if constexpr (is_complex_v<T>)
      for (std::size_t i = j; i < m; ++i) xh[i] = std::conj(x[i]);
    // H(j)^H on the columns to the right: y -= conj(tau) v (v^H y).
    if (j + 1 < n && tau[j] != T(0)) {
      T* right = x + ld + static_cast<std::ptrdiff_t>(j);
      kernels::gemv(n - j - 1, len, T(1), right, ld, one, xh + j, one, T(0), dots, one);
      const T f = conj_if_complex(tau[j]);
      for (std::size_t c = 0; c + j + 1 < n; ++c) {
        const T g = kernels::detail::multiply(f, dots[c]);
        T* y = right + static_cast<std::ptrdiff_t>(c) * ld;
        for (std::size_t i = 0; i < len; ++i) y[i] -= kernels::detail::multiply(g, x[j + i]);
      }
    }
    // T(0:j, j) = -tau_j T(0:j, 0:j) (V(:, 0:j)^H v_j); v_j is zero above row j.
    T* tj = t + static_cast<std::ptrdiff_t>(j);
    tj[static_cast<std::ptrdiff_t>(j) * ldt] = tau[j];
    if (j == 0) continue;
    kernels::gemv(j, len, T(1), vs.vh + static_cast<std::ptrdiff_t>(j), ld, one, x + j, one, T(0), dots, one);
    for (std::size_t i = 0; i < j; ++i) {
      T sum(0);
      for (std::size_t l = i; l < j; ++l)
        sum += kernels::detail::multiply(t[static_cast<std::ptrdiff_t>(i) * ldt + static_cast<std::ptrdiff_t>(l)], dots[l]);
      tj[static_cast<std::ptrdiff_t>(i) * ldt] = -kernels::detail::multiply(tau[j], sum);
    }
  }
}

/// Householder QR of the m x n (n <= m) panel at vs, recursively (Elmroth and Gustavson):
/// factor the left half, update the right half with its block reflector, factor the rest.
/// R goes to the row-major r (stride ldr), the reflectors stay in vs, and the panel's factor
/// T (n x n upper triangular at t, row stride ldt) is assembled from the halves' factors as
/// LAPACK's geqrt3: T12 = -T11 (V1^H V2) T22.
template <class T>
void qr_panel(std::size_t m, std::size_t n, const qr_vectors<T>& vs, T* r, std::ptrdiff_t ldr, T* tau, T* t,
              std::ptrdiff_t ldt, qr_workspace<T>& ws) {
  if (n <= qr_leaf) {
    qr_panel_leaf(m, n, vs, r, ldr, tau, t, ldt, ws);
    return;
  }
  const std::size_t n1 = n / 2, n2 = n - n1;
  const std::ptrdiff_t ld = vs.ld, one(1);
  qr_panel(m, n1, vs, r, ldr, tau, t, ldt, ws);
  T* right = vs.v + static_cast<std::ptrdiff_t>(n1) * ld;
  qr_apply_block_adjoint(m, n1, vs, t, ldt, n2, right, one, ld, ws);
  // The right half's top n1 rows are finished: R12 goes to r, zeros stay as V2's upper part.
  for (std::size_t j = 0; j < n2; ++j) {
    T* column = right + static_cast<std::ptrdiff_t>(j) * ld;
    for (std::size_t i = 0; i < n1; ++i)
      r[static_cast<std::ptrdiff_t>(i) * ldr + static_cast<std::ptrdiff_t>(n1 + j)] = column[i];
    std::fill(column, column + n1, T(0));
  }
  const auto n1d = static_cast<std::ptrdiff_t>(n1);
  T* t22 = t + n1d * ldt + n1d;
  qr_panel(m - n1, n2, vs.shifted(n1, n1), r + n1d * ldr + n1d, ldr, tau + n1, t22, ldt, ws);
  // V1^H V2 needs only rows n1 and below, where V2 is nonzero.
  const auto ly = static_cast<std::ptrdiff_t>(n2);
  T* y = qr_scratch(ws.product, n1 * n2);
  T* z = qr_scratch(ws.product2, n1 * n2);
  kernels::gemm(n1, n2, m - n1, T(1), vs.vh + n1d, ld, one, right + n1d, one, ld, T(0), y, ly, one);
  kernels::gemm(n1, n2, n1, T(1), t, ldt, one, y, ly, one, T(0), z, ly, one);
  kernels::gemm(n1, n2, n2, T(-1), z, ly, one, t22, ldt, one, T(0), t + n1d, ldt, one);
}

/// Blocked Householder QR of the m x n row-major block (LAPACK's geqrf): each panel of
/// qr_panel_width columns is copied to contiguous columns, factored recursively with its T,
/// copied back, and the trailing columns are updated by its block reflector (three gemm calls).
template <class T>
void qr_blocked(std::size_t m, std::size_t n, T* a, std::ptrdiff_t lda, T* tau) {
  const std::size_t k = std::min(m, n);
  const std::size_t width = qr_panel_width(k);
  qr_workspace<T> ws;
  for (std::size_t j = 0; j < k; j += width) {
    const std::size_t jb = std::min(width, k - j), rows = m - j;
    T* panel = a + static_cast<std::ptrdiff_t>(j) * lda + static_cast<std::ptrdiff_t>(j);
    const auto ld = static_cast<std::ptrdiff_t>(rows), ldt = static_cast<std::ptrdiff_t>(jb);
    ws.v.resize(rows * jb);
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t c = 0; c < jb; ++c) ws.v[c * rows + i] = panel[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(c)];
    T* vh = ws.v.data();
    if constexpr (is_complex_v<T>) {
      ws.vh.assign(rows * jb, T(0));
      vh = ws.vh.data();
    }
    const qr_vectors<T> vs{ws.v.data(), vh, ld};
    ws.t.assign(jb * jb, T(0));
    qr_panel(rows, jb, vs, panel, lda, tau + j, ws.t.data(), ldt, ws);
    for (std::size_t i = 1; i < rows; ++i)
      for (std::size_t c = 0; c < std::min(i, jb); ++c)
        panel[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(c)] = ws.v[c * rows + i];
    qr_apply_block_adjoint(rows, jb, vs, ws.t.data(), ldt, n - j - jb, panel + jb, lda, std::ptrdiff_t(1), ws);
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
