#pragma once
/// \file
/// LDL^T (complex: LDL^H) factorization of a symmetric (Hermitian) matrix that need not be
/// positive definite, with Bunch-Kaufman diagonal pivoting (LAPACK's sytrf / hetrf, lower):
/// P^T A P = L D L^H with L unit lower triangular and D block diagonal with 1x1 and 2x2
/// blocks. Stable for indefinite matrices at the cost of Cholesky (n^3 / 3), where an
/// unpivoted LDL^T would divide by tiny pivots. Only the lower triangle of A is read.
///
/// Blocked as LAPACK's sytrf / lasyf: a panel of columns is factored with the pivots of the
/// column-by-column algorithm, each candidate column brought up to date on demand from the
/// panel's factors (a matrix-vector product), and the trailing matrix is then updated once per
/// panel by gemm; small matrices and the last columns are factored column by column.

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "../core/concepts.hpp"
#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../kernels/gemm.hpp"
#include "../kernels/gemv.hpp"
#include "detail/input.hpp"

namespace linal {

namespace decomp_detail {

/// Bunch and Kaufman's alpha = (1 + sqrt(17)) / 8 minimizes the bound on element growth over a
/// 1x1 step followed by a 2x2 step.
template <class R>
R bunch_kaufman_alpha() {
  return (R(1) + std::sqrt(R(17))) / R(8);
}

/// What Bunch-Kaufman does at column k once |a_kk| < alpha * colmax, colmax being the largest
/// off-diagonal magnitude |a_rk| of the column (at row r) and rowmax the largest off-diagonal
/// magnitude of column r: keep a_kk as a 1x1 pivot, take a_rr as a 1x1 pivot, or take the 2x2
/// pivot of rows k and r.
enum class bunch_kaufman_pivot { keep, other, pair };

template <class R>
bunch_kaufman_pivot bunch_kaufman_choice(R diag, R colmax, R rowmax, R other_diag, R alpha) {
  if (diag >= alpha * colmax * (colmax / rowmax)) return bunch_kaufman_pivot::keep;
  if (other_diag >= alpha * rowmax) return bunch_kaufman_pivot::other;
  return bunch_kaufman_pivot::pair;
}

/// A 2x2 pivot D = [d11 conj(d21); d21 d22] (d11, d22 real) and the multipliers [l0 l1] of a
/// row [x0 x1] below it, the solution of [l0 l1] D = [x0 x1]. Scaling by |d21| first keeps the
/// intermediate products in range.
template <class T>
class bunch_kaufman_block {
  using R = real_t<T>;

 public:
  bunch_kaufman_block(R d11, T d21, R d22) : abs21_(std::abs(d21)) {
    s11_ = d22 / abs21_;
    s22_ = d11 / abs21_;
    e21_ = d21 / abs21_;
    scale_ = R(1) / (s11_ * s22_ - R(1)) / abs21_;
  }

  std::pair<T, T> multipliers(T x0, T x1) const {
    return {scale_ * (s11_ * x0 - e21_ * x1), scale_ * (s22_ * x1 - conj_if_complex(e21_) * x0)};
  }

 private:
  R abs21_, s11_, s22_, scale_;
  T e21_;
};

/// Unblocked Bunch-Kaufman factorization of the lower triangle of the n x n row-major matrix a,
/// in place (LAPACK's hetf2 layout): piv[k] >= 0 for a 1x1 block interchanged with row piv[k];
/// piv[k] = piv[k+1] = -(p + 1) for a 2x2 block whose second row was interchanged with row p.
/// Returns the index of the first zero (singular) diagonal block, or n. Each step updates the
/// trailing matrix at once, by rows (every inner loop runs along a row): n^3 / 3 flops.
template <class T>
std::size_t bunch_kaufman_unblocked(std::size_t n, T* a, std::ptrdiff_t lda, std::ptrdiff_t* piv) {
  using R = real_t<T>;
  const R alpha = bunch_kaufman_alpha<R>();
  auto A = [&](std::size_t i, std::size_t j) -> T& {
    return a[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j)];
  };
  std::size_t singular = n;
  std::vector<T> w0(n), w1(n);
  std::size_t k = 0;
  while (k < n) {
    std::size_t step = 1, p = k;
    const R diag = std::abs(real_part(A(k, k)));
    R colmax(0);
    std::size_t imax = k;
    for (std::size_t i = k + 1; i < n; ++i)
      if (std::abs(A(i, k)) > colmax) colmax = std::abs(A(i, k)), imax = i;
    if (std::max(diag, colmax) == R(0)) {
      if (singular == n) singular = k;
      A(k, k) = T(real_part(A(k, k)));
      piv[k] = static_cast<std::ptrdiff_t>(k);
      ++k;
      continue;
    }
    if (diag < alpha * colmax) {
      // The largest off-diagonal element in row/column imax of the trailing matrix.
      R rowmax(0);
      for (std::size_t j = k; j < imax; ++j) rowmax = std::max(rowmax, std::abs(A(imax, j)));
      for (std::size_t i = imax + 1; i < n; ++i) rowmax = std::max(rowmax, std::abs(A(i, imax)));
      const auto choice =
          bunch_kaufman_choice(diag, colmax, rowmax, std::abs(real_part(A(imax, imax))), alpha);
      if (choice != bunch_kaufman_pivot::keep) p = imax;
      if (choice == bunch_kaufman_pivot::pair) step = 2;
    }
    const std::size_t kk = k + step - 1;
    if (p != kk) {
      // Symmetric interchange of rows and columns kk and p in the trailing lower triangle.
      for (std::size_t i = p + 1; i < n; ++i) std::swap(A(i, kk), A(i, p));
      for (std::size_t j = kk + 1; j < p; ++j) {
        const T t = conj_if_complex(A(j, kk));
        A(j, kk) = conj_if_complex(A(p, j));
        A(p, j) = t;
      }
      A(p, kk) = conj_if_complex(A(p, kk));
      std::swap(A(kk, kk), A(p, p));
      if (step == 2) std::swap(A(k + 1, k), A(p, k));
    }
    if (step == 1) {
      const R d = real_part(A(k, k));
      A(k, k) = T(d);
      const R r = R(1) / d;
      for (std::size_t i = k + 1; i < n; ++i) w0[i] = A(i, k);
      // A(k+1:, k+1:) -= x x^H / d on the lower triangle, then column k becomes x / d.
      for (std::size_t i = k + 1; i < n; ++i) {
        const T f = w0[i] * r;
        if (f == T(0)) continue;
        T* row = &A(i, 0);
        for (std::size_t j = k + 1; j <= i; ++j) row[j] -= f * conj_if_complex(w0[j]);
        row[i] = T(real_part(row[i]));
      }
      for (std::size_t i = k + 1; i < n; ++i) A(i, k) = w0[i] * r;
      piv[k] = static_cast<std::ptrdiff_t>(p);
    } else {
      A(k, k) = T(real_part(A(k, k)));
      A(k + 1, k + 1) = T(real_part(A(k + 1, k + 1)));
      const bunch_kaufman_block<T> block(real_part(A(k, k)), A(k + 1, k),
                                         real_part(A(k + 1, k + 1)));
      for (std::size_t j = k + 2; j < n; ++j)
        std::tie(w0[j], w1[j]) = block.multipliers(A(j, k), A(j, k + 1));
      // A(k+2:, k+2:) -= [x0 x1] [w0 w1]^H on the lower triangle.
      for (std::size_t i = k + 2; i < n; ++i) {
        const T aik = A(i, k), aik1 = A(i, k + 1);
        T* row = &A(i, 0);
        for (std::size_t j = k + 2; j <= i; ++j)
          row[j] -= aik * conj_if_complex(w0[j]) + aik1 * conj_if_complex(w1[j]);
        row[i] = T(real_part(row[i]));
      }
      for (std::size_t j = k + 2; j < n; ++j) {
        A(j, k) = w0[j];
        A(j, k + 1) = w1[j];
      }
      piv[k] = piv[k + 1] = -static_cast<std::ptrdiff_t>(p + 1);
    }
    k += step;
  }
  return singular;
}

// Measured at n = 256, 1024 and 2048 (double, one core): panels of 32 columns (the rank of
// each trailing update) were as fast as any width from 24 to 64 at n = 1024 and faster than 48
// and 64 at n = 256 (wider panels spend more in matrix-vector products); at n = 2048, where
// every update streams the trailing matrix from memory, 64 columns were faster; finishing the
// last 64 columns unblocked was as fast as 32 or 96 and faster than 128; the trailing update's
// diagonal blocks of order 64 or less (computed whole) were as fast as 32 and faster than 128.
inline std::size_t bunch_kaufman_panel_width(std::size_t n) { return n < 1536 ? 32 : 64; }
inline constexpr std::size_t bunch_kaufman_crossover = 64;
inline constexpr std::size_t bunch_kaufman_update_width = 64;

/// The working state of the blocked factorization of the lower triangle of a (n x n, row
/// stride lda). The panel's columns k0 .. k0 + width - 1 are copied into `panel` column by
/// column (element (i, j) at panel[(j - k0) * ld + i]), so that the column walks of the
/// factorization are contiguous. While a panel is factored, the trailing matrix A(k0:, k0:) is
/// not updated: W's column c (w(c, i) at w[c * ld + i]) holds column k0 + c of the trailing matrix
/// minus the panel's earlier steps, that is column k0 + c of L D. Column k of the current
/// trailing matrix is then column k of A minus L(k:, k0:k) times conj(row k of W).
template <class T>
struct bunch_kaufman_work {
  std::size_t n;
  T* a;
  std::ptrdiff_t lda;
  std::size_t width = bunch_kaufman_panel_width(n);
  std::size_t k0 = 0;  // the panel's first column
  // Distance between the columns of the panel and of W: an odd number of 8-element blocks, so
  // that walking several columns at once never maps them onto the same cache sets.
  std::size_t ld = ((n + 7) / 8 | 1) * 8;
  std::unique_ptr<T[]> panel = std::make_unique_for_overwrite<T[]>(width * ld);
  std::unique_ptr<T[]> w = std::make_unique_for_overwrite<T[]>(width * ld);
  // One conjugated row of W, contiguous for gemv.
  std::unique_ptr<T[]> x = std::make_unique_for_overwrite<T[]>(width);

  T& at(std::size_t i, std::size_t j) const {
    return a[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j)];
  }
  T& wt(std::size_t c, std::size_t i) { return w[c * ld + i]; }
  /// Column j (inside the panel), contiguous and indexed by row: column(j)[i] for i >= j.
  T* column(std::size_t j) { return &panel[(j - k0) * ld]; }
  /// Element (i, j), i >= j, of the trailing matrix as stored: in the panel copy or in A.
  T& stored(std::size_t i, std::size_t j) { return j - k0 < width ? column(j)[i] : at(i, j); }

  void load_panel(std::size_t first) {
    k0 = first;
    copy_panel([](T& stored, T& copy) { copy = stored; });
  }
  void store_panel() {
    copy_panel([](T& stored, T& copy) { stored = copy; });
  }
  /// Visits the panel's lower part in tiles of 8 rows, so that both copies are walked by whole
  /// cache lines.
  template <class F>
  void copy_panel(F&& f) {
    for (std::size_t i0 = k0; i0 < n; i0 += 8)
      for (std::size_t j = k0; j < std::min(k0 + width, i0 + 8); ++j)
        for (std::size_t i = std::max(i0, j); i < std::min(i0 + 8, n); ++i)
          f(at(i, j), column(j)[i]);
  }

  /// Subtracts the panel's steps k0..k-1 from rows k.. of W's column c, which holds column r of
  /// the trailing matrix as stored: w(c, k:) -= L(k:, k0:k) conj(W(r, 0:k-k0)).
  void subtract_panel(std::size_t c, std::size_t r, std::size_t k) {
    const std::size_t done = k - k0;
    for (std::size_t j = 0; j < done; ++j) x[j] = conj_if_complex(wt(j, r));
    kernels::gemv(n - k, done, T(-1), column(k0) + k, std::ptrdiff_t(1),
                  static_cast<std::ptrdiff_t>(ld), x.get(), std::ptrdiff_t(1), T(1), &wt(c, k),
                  std::ptrdiff_t(1));
    wt(c, r) = T(real_part(wt(c, r)));
  }
};

/// Factors the panel of columns k0.. of the trailing matrix A(k0:, k0:) (loaded in s.panel) with
/// the same pivots as bunch_kaufman_unblocked, until width - 1 columns (or one more, to finish a
/// 2x2 block) or the matrix are done, keeping the trailing matrix itself as it was: the
/// interchanges move its stored elements and the panel's rows of L, and W records the updates.
/// Returns the end of the panel. Interchanges are applied to the panel's earlier columns too,
/// as the trailing update needs; bunch_kaufman_restore_panel undoes that afterwards.
template <class T>
std::size_t bunch_kaufman_panel(bunch_kaufman_work<T>& s, std::ptrdiff_t* piv,
                                std::size_t& singular) {
  using R = real_t<T>;
  const R alpha = bunch_kaufman_alpha<R>();
  const std::size_t n = s.n, k0 = s.k0;
  auto W = [&](std::size_t c, std::size_t i) -> T& { return s.wt(c, i); };
  std::size_t k = k0;
  while (k < n && k - k0 + 1 < s.width) {
    const std::size_t c = k - k0;  // W's column for column k
    T* const col = s.column(k);
    std::copy(col + k, col + n, &W(c, k));
    s.subtract_panel(c, k, k);
    const R diag = std::abs(real_part(W(c, k)));
    R colmax(0);
    std::size_t imax = k;
    for (std::size_t i = k + 1; i < n; ++i)
      if (std::abs(W(c, i)) > colmax) colmax = std::abs(W(c, i)), imax = i;
    if (std::max(diag, colmax) == R(0)) {
      if (singular == n) singular = k;
      std::copy(&W(c, k), &W(c, 0) + n, col + k);
      piv[k] = static_cast<std::ptrdiff_t>(k);
      ++k;
      continue;
    }
    std::size_t step = 1, p = k;
    if (diag < alpha * colmax) {
      // W's next column := column imax of the trailing matrix (above the diagonal: row imax,
      // conjugated).
      for (std::size_t j = k; j < imax; ++j) W(c + 1, j) = conj_if_complex(s.stored(imax, j));
      for (std::size_t i = imax; i < n; ++i) W(c + 1, i) = s.stored(i, imax);
      s.subtract_panel(c + 1, imax, k);
      R rowmax(0);
      for (std::size_t j = k; j < n; ++j)
        if (j != imax) rowmax = std::max(rowmax, std::abs(W(c + 1, j)));
      const auto choice =
          bunch_kaufman_choice(diag, colmax, rowmax, std::abs(real_part(W(c + 1, imax))), alpha);
      if (choice != bunch_kaufman_pivot::keep) p = imax;
      if (choice == bunch_kaufman_pivot::pair) step = 2;
      if (choice == bunch_kaufman_pivot::other) std::copy(&W(c + 1, k), &W(c + 1, 0) + n, &W(c, k));
    }
    const std::size_t kk = k + step - 1;
    if (p != kk) {
      // The stored column kk moves to p; column p itself is in W, and columns k..kk are
      // rewritten from W below.
      const T* moved = s.column(kk);
      s.stored(p, p) = moved[kk];
      for (std::size_t j = kk + 1; j < p; ++j) s.stored(p, j) = conj_if_complex(moved[j]);
      for (std::size_t i = p + 1; i < n; ++i) s.stored(i, p) = moved[i];
      for (std::size_t j = k0; j < k; ++j) std::swap(s.column(j)[kk], s.column(j)[p]);
      for (std::size_t j = 0; j <= kk - k0; ++j) std::swap(W(j, kk), W(j, p));
    }
    if (step == 1) {
      const R d = real_part(W(c, k));
      col[k] = T(d);
      const R r = R(1) / d;
      for (std::size_t i = k + 1; i < n; ++i) col[i] = W(c, i) * r;
      piv[k] = static_cast<std::ptrdiff_t>(p);
    } else {
      T* const next = s.column(k + 1);
      const bunch_kaufman_block<T> block(real_part(W(c, k)), W(c, k + 1),
                                         real_part(W(c + 1, k + 1)));
      col[k] = T(real_part(W(c, k)));
      col[k + 1] = W(c, k + 1);
      next[k + 1] = T(real_part(W(c + 1, k + 1)));
      for (std::size_t j = k + 2; j < n; ++j)
        std::tie(col[j], next[j]) = block.multipliers(W(c, j), W(c + 1, j));
      piv[k] = piv[k + 1] = -static_cast<std::ptrdiff_t>(p + 1);
    }
    k += step;
  }
  return k;
}

/// C -= L W^H on the lower triangle of the order-m block C = A(r0:r0+m, r0:r0+m), L the rows
/// r0.. of the panel's columns k0..k0+rank and W^H (conjugated in place) the same columns of W:
/// halves recursively, each off-diagonal block in one gemm call; diagonal blocks of order
/// bunch_kaufman_update_width or less are computed whole, their strict upper halves landing in
/// A's unread strict upper triangle.
template <class T>
void bunch_kaufman_update_lower(bunch_kaufman_work<T>& s, std::size_t k0, std::size_t rank,
                                std::size_t r0, std::size_t m) {
  const auto ldw = static_cast<std::ptrdiff_t>(s.ld);
  if (m <= bunch_kaufman_update_width) {
    kernels::gemm(m, m, rank, T(-1), &s.at(r0, k0), s.lda, std::ptrdiff_t(1), &s.wt(0, r0), ldw,
                  std::ptrdiff_t(1), T(1), &s.at(r0, r0), s.lda, std::ptrdiff_t(1));
    return;
  }
  // A split on a multiple of 8 keeps the off-diagonal block's columns in whole micro-tiles.
  const std::size_t m1 = (m / 2 + 7) / 8 * 8, m2 = m - m1;
  bunch_kaufman_update_lower(s, k0, rank, r0, m1);
  kernels::gemm(m2, m1, rank, T(-1), &s.at(r0 + m1, k0), s.lda, std::ptrdiff_t(1), &s.wt(0, r0),
                ldw, std::ptrdiff_t(1), T(1), &s.at(r0 + m1, r0), s.lda, std::ptrdiff_t(1));
  bunch_kaufman_update_lower(s, k0, rank, r0 + m1, m2);
}

/// A(k:, k:) -= L(k:, k0:k) W(k:, 0:k-k0)^H on the lower triangle: the trailing update of the
/// panel k0..k, n^2 (k - k0) flops or so, in gemm.
template <class T>
void bunch_kaufman_update(bunch_kaufman_work<T>& s, std::size_t k0, std::size_t k) {
  const std::size_t n = s.n, rank = k - k0;
  if constexpr (is_complex_v<T>)
    for (std::size_t c = 0; c < rank; ++c)
      for (std::size_t i = k; i < n; ++i) s.wt(c, i) = std::conj(s.wt(c, i));
  bunch_kaufman_update_lower(s, k0, rank, k, n - k);
  if constexpr (is_complex_v<T>)
    for (std::size_t i = k; i < n; ++i) s.at(i, i) = T(real_part(s.at(i, i)));
}

/// Undoes the panel's later interchanges in its earlier columns, so that column j of L keeps the
/// row order of step j, as the unblocked factorization leaves it.
template <class T>
void bunch_kaufman_restore_panel(bunch_kaufman_work<T>& s, std::size_t k0, std::size_t k,
                                 const std::ptrdiff_t* piv) {
  for (std::size_t j = k; j-- > k0;) {
    const bool second_of_pair = piv[j] < 0 && j > k0 && piv[j - 1] == piv[j];
    const std::size_t first = second_of_pair ? j - 1 : j;
    const std::size_t p =
        piv[j] >= 0 ? static_cast<std::size_t>(piv[j]) : static_cast<std::size_t>(-piv[j] - 1);
    if (p != j) std::swap_ranges(&s.at(j, k0), &s.at(j, first), &s.at(p, k0));
    j = first;
  }
}

/// Bunch-Kaufman factorization of the lower triangle of the n x n row-major matrix a, in place,
/// with the pivots and layout of bunch_kaufman_unblocked (the same in exact arithmetic).
/// Blocked as LAPACK's sytrf: each panel of nb = bunch_kaufman_panel_width(n) columns is
/// factored with its updates kept aside in W, then the trailing matrix is updated once by gemm;
/// the last bunch_kaufman_crossover columns go unblocked. n^3 / 3 flops in all, nearly all in
/// gemm; the panels' matrix-vector products add about n^2 nb / 2 (up to twice that when many
/// pivots need a second column). Overwrites the strict upper triangle of a with scratch values.
/// Returns the index of the first zero diagonal block, or n.
template <class T>
std::size_t bunch_kaufman(std::size_t n, T* a, std::ptrdiff_t lda, std::ptrdiff_t* piv) {
  std::size_t singular = n, k = 0;
  if (n > bunch_kaufman_crossover) {
    bunch_kaufman_work<T> s{n, a, lda};
    while (n - k > bunch_kaufman_crossover) {
      s.load_panel(k);
      const std::size_t end = bunch_kaufman_panel(s, piv, singular);
      s.store_panel();
      bunch_kaufman_update(s, k, end);
      bunch_kaufman_restore_panel(s, k, end, piv);
      k = end;
    }
  }
  const std::size_t tail =
      bunch_kaufman_unblocked(n - k, a + static_cast<std::ptrdiff_t>(k) * (lda + 1), lda, piv + k);
  for (std::size_t j = k; j < n; ++j)
    piv[j] += piv[j] >= 0 ? static_cast<std::ptrdiff_t>(k) : -static_cast<std::ptrdiff_t>(k);
  if (singular == n && tail != n - k) singular = k + tail;
  return singular;
}

}  // namespace decomp_detail

/// The Bunch-Kaufman factorization P^T A P = L D L^H of a Hermitian (real: symmetric) matrix,
/// kept for solves. The interchanges and L are stored as LAPACK's sytrf leaves them.
template <Field T>
class LDLTFactor {
 public:
  /// Factors the lower triangle of a (n x n). O(n^3 / 3). Throws shape_error if a is not
  /// square, non_finite_error for NaN or infinity in the lower triangle.
  template <Expression E>
  explicit LDLTFactor(const E& a) {
    decomp_detail::require_square("ldlt", a);
    const std::size_t n = a.rows();
    // A matrix of the same type is copied whole in one contiguous pass; only its lower triangle
    // is checked and read, the strict upper one is scratch for the factorization.
    if constexpr (std::is_same_v<value_t<E>, T>) {
      f_ = decomp_detail::dense_copy(a);
    } else {
      f_ = Matrix<T>(n, n);
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j <= i; ++j) f_(i, j) = static_cast<T>(a(i, j));
    }
    // x * 0 is NaN exactly for NaN and infinity: one vectorizable pass finds whether to look.
    T probe(0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j <= i; ++j) probe += f_(i, j) * real_t<T>(0);
    if (!decomp_detail::is_finite(probe))
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j <= i; ++j)
          if (!decomp_detail::is_finite(f_(i, j)))
            throw non_finite_error(detail::non_finite_message("ldlt", "a", i, j));
    piv_.resize(n);
    singular_ = decomp_detail::bunch_kaufman(n, f_.data(), f_.row_stride(), piv_.data());
  }

  std::size_t size() const noexcept { return f_.rows(); }  ///< Order n of the factored matrix.
  /// Whether D has an exactly singular diagonal block (then A is singular).
  bool is_singular() const noexcept { return singular_ != size(); }

  /// D: block diagonal, 1x1 and Hermitian 2x2 blocks.
  Matrix<T> d() const {
    const std::size_t n = size();
    Matrix<T> d(n, n);
    for (std::size_t k = 0; k < n; ++k) {
      d(k, k) = f_(k, k);
      if (piv_[k] < 0 && k + 1 < n && piv_[k + 1] == piv_[k]) {
        d(k + 1, k + 1) = f_(k + 1, k + 1);
        d(k + 1, k) = f_(k + 1, k);
        d(k, k + 1) = decomp_detail::conj_if_complex(f_(k + 1, k));
        ++k;
      }
    }
    return d;
  }

  /// The factor of A = M D M^H as SciPy's ldl returns it: M is L with its rows permuted (a
  /// product of the interchanges and elementary block factors). O(n^3).
  Matrix<T> l() const {
    const std::size_t n = size();
    Matrix<T> m(n, n);
    for (std::size_t i = 0; i < n; ++i) m(i, i) = T(1);
    // M = P(0) L(0) P(1) L(1) ...: multiply from the right, one block at a time.
    for (std::size_t k = 0; k < n;) {
      const std::size_t step = piv_[k] < 0 ? 2 : 1;
      const std::size_t kk = k + step - 1;
      const std::size_t p =
          piv_[k] < 0 ? static_cast<std::size_t>(-piv_[k] - 1) : static_cast<std::size_t>(piv_[k]);
      if (p != kk)
        for (std::size_t i = 0; i < n; ++i) std::swap(m(i, kk), m(i, p));
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t c = k; c <= kk; ++c) {
          T s(0);
          for (std::size_t j = k + step; j < n; ++j) s += m(i, j) * f_(j, c);
          m(i, c) += s;
        }
      k += step;
    }
    return m;
  }

  /// Solves A X = B for a vector or matrix B with n rows; returns X of B's shape. O(n^2) per
  /// column. Throws shape_error if B has the wrong number of rows, singular_matrix_error naming
  /// the first singular diagonal block of D.
  template <Expression B>
  decomp_detail::solve_result_t<T, B> solve(const B& b) const {
    decomp_detail::require_rhs_rows("ldlt.solve", size(), size(), b);
    if (is_singular())
      throw singular_matrix_error(
          "ldlt.solve: the matrix is singular: the diagonal block of D at " +
              std::to_string(singular_) + " is exactly zero (pivot " + std::to_string(singular_) +
              ")",
          singular_);
    auto x = decomp_detail::rhs_copy<T>(b);
    const std::size_t n = size(), nrhs = x.cols();
    auto row = [&](std::size_t i) { return &x(i, 0); };
    auto swap_rows = [&](std::size_t i, std::size_t j) {
      if (i != j) std::swap_ranges(row(i), row(i) + nrhs, row(j));
    };
    auto subtract = [&](std::size_t target, T f, std::size_t source) {
      if (f == T(0)) return;
      T* t = row(target);
      const T* s = row(source);
      for (std::size_t c = 0; c < nrhs; ++c) t[c] -= f * s[c];
    };
    // Forward: L D y = P^T b, block by block.
    for (std::size_t k = 0; k < n;) {
      if (piv_[k] >= 0) {
        swap_rows(k, static_cast<std::size_t>(piv_[k]));
        for (std::size_t i = k + 1; i < n; ++i) subtract(i, f_(i, k), k);
        const T d = f_(k, k);
        for (std::size_t c = 0; c < nrhs; ++c) x(k, c) /= d;
        k += 1;
      } else {
        swap_rows(k + 1, static_cast<std::size_t>(-piv_[k] - 1));
        for (std::size_t i = k + 2; i < n; ++i) {
          subtract(i, f_(i, k), k);
          subtract(i, f_(i, k + 1), k + 1);
        }
        const T d21 = f_(k + 1, k);
        const T d11 = f_(k, k) / decomp_detail::conj_if_complex(d21);
        const T d22 = f_(k + 1, k + 1) / d21;
        const T denom = d11 * d22 - T(1);
        for (std::size_t c = 0; c < nrhs; ++c) {
          const T b1 = x(k, c) / decomp_detail::conj_if_complex(d21), b2 = x(k + 1, c) / d21;
          x(k, c) = (d22 * b1 - b2) / denom;
          x(k + 1, c) = (d11 * b2 - b1) / denom;
        }
        k += 2;
      }
    }
    // Backward: L^H z = y, undoing the interchanges in reverse order.
    for (std::size_t k = n; k-- > 0;) {
      const bool second_of_pair = piv_[k] < 0 && k > 0 && piv_[k - 1] == piv_[k];
      const std::size_t first = second_of_pair ? k - 1 : k;
      for (std::size_t c0 = first; c0 <= k; ++c0)
        for (std::size_t i = k + 1; i < n; ++i)
          subtract(c0, decomp_detail::conj_if_complex(f_(i, c0)), i);
      const std::size_t p =
          piv_[k] >= 0 ? static_cast<std::size_t>(piv_[k]) : static_cast<std::size_t>(-piv_[k] - 1);
      swap_rows(k, p);
      k = first;
    }
    return x;
  }

  /// The determinant (real for Hermitian A): the product of D's block determinants. O(n).
  real_t<T> det() const {
    using R = real_t<T>;
    R d(1);
    for (std::size_t k = 0; k < size(); ++k) {
      if (piv_[k] < 0) {
        d *= decomp_detail::real_part(f_(k, k)) * decomp_detail::real_part(f_(k + 1, k + 1)) -
             std::norm(std::complex<R>(f_(k + 1, k)));
        ++k;
      } else {
        d *= decomp_detail::real_part(f_(k, k));
      }
    }
    return d;
  }

 private:
  Matrix<T> f_;
  std::vector<std::ptrdiff_t> piv_;
  std::size_t singular_ = 0;
};

/// The Bunch-Kaufman LDL^T factorization of a symmetric (complex: Hermitian) indefinite A,
/// reading only its lower triangle: `auto F = ldlt(A); auto x = F.solve(b);`, with F.l() and
/// F.d() giving A = L D L^H as SciPy's ldl. O(n^3 / 3). Throws shape_error if A is not square,
/// non_finite_error for NaN or infinity.
template <Expression E>
auto ldlt(const E& a) {
  decomp_detail::require_field<value_t<E>>();
  if constexpr (Field<value_t<E>>) return LDLTFactor<value_t<E>>(a);
}

}  // namespace linal
