#pragma once
/// \file
/// svd and svdvals: the singular value decomposition A = U diag(S) Vh, as NumPy's
/// numpy.linalg.svd and SciPy's svdvals. Golub-Kahan bidiagonalization (after a QR
/// factorization when A is far from square), then, as LAPACK's gesdd, divide and conquer on
/// the bidiagonal when vectors are wanted, and implicit bidiagonal QR when they are not (or
/// the matrix is small).

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "../core/matrix.hpp"
#include "detail/bidiagonal.hpp"
#include "detail/bidiagonal_divide_conquer.hpp"
#include "detail/bidiagonalize.hpp"
#include "detail/safe_scaling.hpp"
#include "qr.hpp"

namespace linal {

/// What svd returns: `auto [U, S, Vh] = svd(A);` with A = U diag(S) Vh.
template <class T>
struct SvdResult {
  /// Left singular vectors as orthonormal columns: m x k (reduced) or m x m (full).
  Matrix<T> U;
  /// The k = min(m, n) singular values, non-negative and descending.
  Vector<T> S;
  /// Right singular vectors as orthonormal rows: k x n (reduced) or n x n (full).
  Matrix<T> Vh;
};

namespace detail {

/// The singular values of the row-major m x n matrix a (m >= n, scaled to order one, row
/// stride n), overwritten; with ut (u_rows x m) and vt (n x n) not null, also the vectors as
/// rows (u_rows = n, or m for the full set).
template <class T>
std::vector<T> svd_tall(std::size_t m, std::size_t n, T* a, T* ut, std::size_t u_rows, T* vt,
                        const char* function) {
  const bool divide_and_conquer = ut && vt && n > bidiagonal_leaf_rows;
  if (divide_and_conquer && 5 * m >= 8 * n) {
    // Tall: QR first (mostly gemm), then the SVD of the square R, whose bidiagonalization is
    // far cheaper than A's; U^T = [U_R^T 0] Q^T.
    std::vector<T> tau(n), r(n * n, T(0)), ur(n * n);
    decomp_detail::qr_blocked(m, n, a, static_cast<std::ptrdiff_t>(n), tau.data());
    for (std::size_t i = 0; i < n; ++i) std::copy(a + i * n + i, a + (i + 1) * n, r.data() + i * n + i);
    std::vector<T> s = svd_tall(n, n, r.data(), ur.data(), n, vt, function);
    for (std::size_t i = 0; i < n; ++i) std::copy_n(ur.data() + i * n, n, ut + i * m);
    apply_left_qt(m, n, u_rows, a, tau.data(), ut);
    return s;
  }
  std::vector<T> d(n), e(n + 1), tau_q(n + 1), tau_p(n + 1);
  bidiagonalize(m, n, a, d.data(), e.data(), tau_q.data(), tau_p.data());
  if (divide_and_conquer) {
    // Divide and conquer on B = U_b S V_b^T, then U^T = [U_b^T 0] Q^T and V^T = V_b^T P^T.
    std::vector<T> ub(n * n);
    bidiagonal_svd_divide_conquer(n, d.data(), e.data(), ub.data(), vt, function);
    for (std::size_t i = 0; i < n; ++i) std::copy_n(ub.data() + i * n, n, ut + i * m);
    apply_left_qt(m, n, u_rows, a, tau_q.data(), ut);
    apply_right_pt(n, a, tau_p.data(), vt);
    return d;
  }
  if (ut) form_left_qt(m, n, u_rows, a, tau_q.data(), ut);
  if (vt) form_right_pt(n, a, tau_p.data(), vt);
  bidiagonal_qr(n, d.data(), e.data(), vt, n, n, ut, m, m, function);
  finish_singular_values(n, d.data(), vt, n, n, ut, m, m);
  return d;
}

/// A (or A^T when A is wide) as a scaled row-major m x n copy with m >= n; `exponent` is the
/// power of two applied.
template <class T, class E>
std::vector<T> tall_work_copy(const char* function, const E& A, bool& transposed, int& exponent) {
  transposed = A.rows() < A.cols();
  const std::size_t m = transposed ? A.cols() : A.rows(), n = transposed ? A.rows() : A.cols();
  std::vector<T> a(m * n);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) a[i * n + j] = static_cast<T>(transposed ? A(j, i) : A(i, j));
  exponent = unit_exponent(checked_max_abs(function, a.data(), m, n, n));
  // Multiplying by a power of two rounds exactly as std::ldexp does, many times faster; a
  // factor beyond the exponent range (scaling subnormal-sized entries up) goes in two halves,
  // each multiplication exact; scaling down past the range keeps std::ldexp.
  constexpr int range = std::numeric_limits<T>::max_exponent - 2;
  if (exponent < -range) {
    for (T& x : a) x = std::ldexp(x, exponent);
  } else {
    const int first = exponent > range ? exponent / 2 : 0;
    const T factor1 = std::ldexp(T(1), first), factor2 = std::ldexp(T(1), exponent - first);
    for (T& x : a) x = x * factor1 * factor2;
  }
  return a;
}

/// svd, with errors naming `function` (pinv, lstsq ... call it too).
/// svd and svdvals work on float and double: a readable compile error for anything else.
template <class T>
constexpr void require_real_floating() {
  static_assert(std::floating_point<T>,
                "linal: svd needs float or double elements, real ones: complex matrices are not supported; "
                "convert with A.cast<double>()");
}

template <Expression E>
  requires std::floating_point<value_t<E>>
SvdResult<value_t<E>> svd_named(const char* function, const E& A, bool full_matrices) {
  using T = value_t<E>;
  bool transposed = false;
  int exponent = 0;
  std::vector<T> a = tall_work_copy<T>(function, A, transposed, exponent);
  const std::size_t m = std::max(A.rows(), A.cols()), n = std::min(A.rows(), A.cols());
  const std::size_t u_rows = full_matrices ? m : n;
  std::vector<T> ut(u_rows * m), vt(n * n);
  for (std::size_t i = n; i < u_rows; ++i) ut[i * m + i] = T(1);  // m > 0 = n: the identity
  std::vector<T> s = n == 0 ? std::vector<T>{} : svd_tall(m, n, a.data(), ut.data(), u_rows, vt.data(), function);
  SvdResult<T> result;
  result.S.resize(n);
  for (std::size_t i = 0; i < n; ++i) result.S[i] = std::ldexp(s[i], -exponent);
  // Tall: U = ut^T, Vh = vt. Wide (the factors of A^T): U = vt^T, Vh = ut.
  const auto transpose_of = [](const std::vector<T>& x, std::size_t rows, std::size_t cols) {
    Matrix<T> r(cols, rows);
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t j = 0; j < cols; ++j) r(j, i) = x[i * cols + j];
    return r;
  };
  const auto copy_of = [](const std::vector<T>& x, std::size_t rows, std::size_t cols) {
    Matrix<T> r(rows, cols);
    std::copy(x.begin(), x.end(), r.data());
    return r;
  };
  if (!transposed) {
    result.U = transpose_of(ut, u_rows, m);
    result.Vh = copy_of(vt, n, n);
  } else {
    result.U = transpose_of(vt, n, n);
    result.Vh = copy_of(ut, u_rows, m);
  }
  return result;
}

/// svdvals, with errors naming `function`.
template <Expression E>
  requires std::floating_point<value_t<E>>
Vector<value_t<E>> svdvals_named(const char* function, const E& A) {
  using T = value_t<E>;
  bool transposed = false;
  int exponent = 0;
  std::vector<T> a = tall_work_copy<T>(function, A, transposed, exponent);
  const std::size_t m = std::max(A.rows(), A.cols()), n = std::min(A.rows(), A.cols());
  const std::vector<T> s = n == 0 ? std::vector<T>{} : svd_tall<T>(m, n, a.data(), nullptr, 0, nullptr, function);
  Vector<T> result(n);
  for (std::size_t i = 0; i < n; ++i) result[i] = std::ldexp(s[i], -exponent);
  return result;
}

}  // namespace detail

/// The singular value decomposition A = U diag(S) Vh of a real m x n matrix, k = min(m, n).
/// Reduced by default (U is m x k, Vh is k x n); with full_matrices = true, U is m x m and Vh
/// n x n, their extra columns and rows completing orthonormal bases. Note that NumPy's default
/// is the full one. S is descending and non-negative; a singular vector pair is determined up
/// to a common sign (and up to a rotation within a repeated singular value), and no sign
/// normalization is applied.
/// Method, with M = max(m, n): for k > 25, when M >= 1.6 k a QR factorization first (about
/// 2 M k^2 flops, mostly gemm) and the rest on its k x k R; Householder bidiagonalization
/// (4 M k^2 - 4/3 k^3 flops, half of them in gemm); divide and conquer on the bidiagonal (at
/// most 8/3 k^3 flops in gemm, less when the merges deflate); then the bidiagonal's vectors
/// times the reflectors, about 4 M k (M - k/2) flops for U (M in place of k rows for the full
/// U) and 2 k^3 for Vh, in gemm. For k <= 25 the bidiagonal's vectors come from implicit QR.
/// Accuracy: backward stable, ||A - U diag(S) Vh|| and the loss of orthogonality of U and Vh of
/// order eps ||A|| and eps; each singular value is accurate to about eps ||A|| absolutely, so
/// tiny ones carry no relative accuracy (svdvals is more accurate for graded inputs).
/// The matrix is scaled internally by a power of two, so entries near overflow or underflow are
/// fine. Throws non_finite_error for NaN or infinite entries, convergence_error if a bidiagonal
/// QR iteration fails within 6 k^2 steps.
template <Expression E>
SvdResult<value_t<E>> svd(const E& A, bool full_matrices = false) {
  detail::require_real_floating<value_t<E>>();
  return detail::svd_named("svd", A, full_matrices);
}

/// The singular values of A, descending, without vectors (SciPy's svdvals). Householder
/// bidiagonalization, about 4 m n^2 - 4/3 n^3 flops, then implicit bidiagonal QR in O(n^2),
/// which computes the bidiagonal's singular values to high relative accuracy, tiny ones
/// included (so graded matrices keep theirs). Throws as svd.
template <Expression E>
Vector<value_t<E>> svdvals(const E& A) {
  detail::require_real_floating<value_t<E>>();
  return detail::svdvals_named("svdvals", A);
}

}  // namespace linal
