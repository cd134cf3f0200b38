#pragma once
/// \file
/// Cholesky factorization of a Hermitian (real: symmetric) positive definite matrix,
/// A = L L^H: `cholesky(A)` returns L, `cho_factor(A)` a factor that solves.
///
/// Only the lower triangle of A is read; the strict upper triangle may hold anything. The
/// algorithm is recursive: factor the leading part, one triangular solve for the block below
/// it, a Hermitian rank-k update of the trailing part (kernels::syrk_lower, one triangle only),
/// then factor that. Splits fall on multiples of 32, so the recursion ends on diagonal blocks of
/// order 32, each factored by columns and inverted once; the triangular solves are themselves
/// recursive and end in a product with a stored inverse. Nearly all of the n^3 / 6
/// multiply-adds run in the gemm micro-kernel (the solves' leaves cost 1.25 times the
/// m 32^2 / 2 of substitution, at the micro-kernel's speed).

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <memory>
#include <string>
#include <type_traits>

#include "../core/concepts.hpp"
#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../kernels/gemm.hpp"
#include "../kernels/syrk.hpp"
#include "detail/input.hpp"
#include "detail/triangular.hpp"

namespace linal {

namespace decomp_detail {

// Diagonal blocks of this order are factored and inverted in a local copy; every split of the
// recursion falls on a multiple of it, so each triangular solve ends on these blocks.
inline constexpr std::size_t cholesky_leaf = 32;

/// Factors the diagonal block of order n <= cholesky_leaf at a (row stride lda), L overwriting
/// its lower triangle, and sets w (row stride cholesky_leaf) to (L^-1)^H, upper triangular.
/// Both run in f, a column-major copy of the block padded with zeros to the full leaf order:
/// every column and row operation then has one fixed length and vectorizes without remainders
/// (the padding and the strict upper parts only ever hold zeros or unread values).
/// Returns the order of the first leading minor that is not positive definite (1-based), or 0.
template <class T>
std::size_t cholesky_leaf_factor(std::size_t n, T* a, std::ptrdiff_t lda, T* f, T* w) {
  using R = real_t<T>;
  constexpr std::size_t N = cholesky_leaf, chunk = 8;
  using kernels::detail::multiply;
  std::fill(f, f + N * N, T(0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j)
      f[j * N + i] = a[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j)];
  // Column j of L: A(:, j) - sum_k<j L(:, k) conj(L(j, k)), scaled by its diagonal, computed in
  // chunks of `chunk` rows that stay in registers across the sum over k (a whole column would
  // not). Chunks wholly above row j are skipped; whole chunks are stored, so that the rows above
  // j in f hold unread values (each row of the sum depends only on the same row).
  for (std::size_t j = 0; j < n; ++j) {
    T* fj = f + j * N;
    const std::size_t first = j / chunk * chunk;
    R ljj(0), inverse(0);
    for (std::size_t r0 = first; r0 < N; r0 += chunk) {
      T part[chunk];
      for (std::size_t r = 0; r < chunk; ++r) part[r] = fj[r0 + r];
      for (std::size_t k = 0; k < j; ++k) {
        const T* fk = f + k * N + r0;
        const T s = conj_if_complex(f[k * N + j]);
        for (std::size_t r = 0; r < chunk; ++r) part[r] -= multiply(fk[r], s);
      }
      if (r0 == first) {
        const R d = real_part(part[j - first]);
        if (!(d > R(0))) return j + 1;
        ljj = std::sqrt(d);
        inverse = R(1) / ljj;
      }
      for (std::size_t r = 0; r < chunk; ++r) fj[r0 + r] = part[r] * inverse;
    }
    fj[j] = T(ljj);
  }
  // W = L^-H from L^H W = I, bottom row first: row i is (e_i - sum_k>i conj(L(k, i)) W(k, :)) /
  // L(i, i), again in register-sized chunks; the chunks left of column i are zero, and row k of W
  // is zero left of column k, so a chunk gathers only the rows above its last column.
  std::fill(w, w + N * N, T(0));
  for (std::size_t i = n; i-- > 0;) {
    const T* fi = f + i * N;
    const R inverse = R(1) / real_part(fi[i]);
    for (std::size_t c0 = i / chunk * chunk; c0 < N; c0 += chunk) {
      T part[chunk];
      for (std::size_t c = 0; c < chunk; ++c) part[c] = c0 + c == i ? T(1) : T(0);
      for (std::size_t k = i + 1; k < std::min(n, c0 + chunk); ++k) {
        const T s = conj_if_complex(fi[k]);
        const T* wk = w + k * N + c0;
        for (std::size_t c = 0; c < chunk; ++c) part[c] -= multiply(s, wk[c]);
      }
      for (std::size_t c = 0; c < chunk; ++c) w[i * N + c0 + c] = part[c] * inverse;
    }
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j)
      a[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j)] = f[j * N + i];
  return 0;
}

/// The working state of one factorization: the matrix, and (L_bb^-1)^H for every diagonal
/// block b of order cholesky_leaf, computed when the block is factored and reused by every
/// triangular solve that ends on it (one per level of the recursion above it).
template <class T>
struct cholesky_work {
  T* a;
  std::ptrdiff_t lda;
  std::unique_ptr<T[]> inverses;  // block b at b * leaf * leaf, dense leaf x leaf
  std::unique_ptr<T[]> scratch;   // leaf x leaf: a copy of the diagonal block being factored

  T* at(std::size_t i, std::size_t j) const {
    return a + static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j);
  }
  T* inverse(std::size_t first) {
    return inverses.get() + first / cholesky_leaf * cholesky_leaf * cholesky_leaf;
  }
};

/// Where the recursion splits an order n > cholesky_leaf: about half, on a block boundary.
inline std::size_t cholesky_split(std::size_t n) {
  return std::max<std::size_t>(1, (n / 2 + cholesky_leaf / 2) / cholesky_leaf) * cholesky_leaf;
}

/// B := B W in place, for the m x n block B at b (row stride ldb) and W (n <= cholesky_leaf)
/// upper triangular with row stride cholesky_leaf: the triangular solve of a leaf with its stored
/// inverse. Each sliver of rows of B is packed before any of it is overwritten, and the tile of
/// columns [j, j + NR) sums only over k < j + NR, since W(k, j) = 0 below the diagonal: 5/8 of a
/// full product's multiply-adds at order 32.
template <class T>
void multiply_upper_in_place(std::size_t m, std::size_t n, T* b, std::ptrdiff_t ldb, const T* w) {
  constexpr std::size_t N = cholesky_leaf;
  if constexpr (is_complex_v<T>) {
    // Complex micro-tiles are far slower than gemm's complex path (one real product of twice
    // the size), so slices of B's rows are copied and multiplied by the whole of W instead,
    // its zero lower triangle included: 8/5 of the multiply-adds, each several times faster.
    constexpr std::size_t slice = 64;
    alignas(64) T copy[slice * N];
    for (std::size_t i = 0; i < m; i += slice) {
      const std::size_t rows = std::min(slice, m - i);
      T* bi = b + static_cast<std::ptrdiff_t>(i) * ldb;
      for (std::size_t r = 0; r < rows; ++r)
        std::copy_n(bi + static_cast<std::ptrdiff_t>(r) * ldb, n, copy + r * n);
      kernels::gemm(rows, n, n, T(1), copy, static_cast<std::ptrdiff_t>(n), std::ptrdiff_t(1), w,
                    static_cast<std::ptrdiff_t>(N), std::ptrdiff_t(1), T(0), bi, ldb,
                    std::ptrdiff_t(1));
    }
    return;
  }
  using K = kernels::detail::micro_kernel<T>;
  constexpr std::size_t panels = (N + K::nr - 1) / K::nr;
  alignas(64) T wp[panels * K::nr * N];
  alignas(64) T ap[K::mr * N];
  kernels::detail::pack_panels<K::nr>(n, n, w, std::ptrdiff_t(1), std::ptrdiff_t(N), wp);
  for (std::size_t i = 0; i < m; i += K::mr) {
    const std::size_t rows = std::min(K::mr, m - i);
    T* bi = b + static_cast<std::ptrdiff_t>(i) * ldb;
    kernels::detail::pack_panels<K::mr>(rows, n, bi, ldb, std::ptrdiff_t(1), ap);
    for (std::size_t j = 0; j < n; j += K::nr) {
      const std::size_t cols = std::min(K::nr, n - j), depth = std::min(n, j + K::nr);
      if (rows == K::mr && cols == K::nr)
        K::run_packed(depth, ap, wp + j * n, T(1), T(0), bi + j, ldb, std::ptrdiff_t(1));
      else
        kernels::detail::tile<K>(rows, cols, depth, T(1), ap, 1, K::mr, wp + j * n, K::nr, T(0),
                                 bi + j, ldb, std::ptrdiff_t(1));
    }
  }
}

/// B := B L^-H for the m x n block B at (row b0, col c0) and L the factored diagonal block at
/// (c0, c0), n a multiple of cholesky_leaf or the matrix's last block. Recursive: solve the
/// left columns, one gemm removes them from the right ones, solve those; each leaf is a product
/// with the block's stored inverse (multiply_upper_in_place), 1.25 times the multiply-adds of
/// substitution but at the micro-kernel's speed. O(m n^2) in all.
template <class T>
void cholesky_solve_right(cholesky_work<T>& w, std::size_t b0, std::size_t m, std::size_t c0,
                          std::size_t n) {
  if (m == 0 || n == 0) return;
  T* b = w.at(b0, c0);
  if (n <= cholesky_leaf) {
    multiply_upper_in_place(m, n, b, w.lda, w.inverse(c0));
    return;
  }
  const std::size_t n1 = cholesky_split(n), n2 = n - n1;
  cholesky_solve_right(w, b0, m, c0, n1);
  // B2 -= X1 L21^H; for real T, L21^T is L21 with its strides swapped.
  const T* l21 = w.at(c0 + n1, c0);
  if constexpr (is_complex_v<T>) {
    Matrix<T> l21h(n1, n2);
    for (std::size_t i = 0; i < n2; ++i)
      for (std::size_t j = 0; j < n1; ++j)
        l21h(j, i) =
            std::conj(l21[static_cast<std::ptrdiff_t>(i) * w.lda + static_cast<std::ptrdiff_t>(j)]);
    kernels::gemm(m, n2, n1, T(-1), b, w.lda, std::ptrdiff_t(1), l21h.data(), l21h.row_stride(),
                  std::ptrdiff_t(1), T(1), b + n1, w.lda, std::ptrdiff_t(1));
  } else {
    kernels::gemm(m, n2, n1, T(-1), b, w.lda, std::ptrdiff_t(1), l21, std::ptrdiff_t(1), w.lda,
                  T(1), b + n1, w.lda, std::ptrdiff_t(1));
  }
  cholesky_solve_right(w, b0, m, c0 + n1, n2);
}

/// Recursive Cholesky of the diagonal block of order n at (d0, d0): factor the leading part,
/// one triangular solve for the block below it, a Hermitian rank-n1 update of the trailing part,
/// factor that. Returns the first leading minor (1-based, within the block) that is not
/// positive definite, or 0.
template <class T>
std::size_t cholesky_recursive(cholesky_work<T>& w, std::size_t d0, std::size_t n) {
  T* a = w.at(d0, d0);
  if (n <= cholesky_leaf) {
    return cholesky_leaf_factor(n, a, w.lda, w.scratch.get(), w.inverse(d0));
  }
  const std::size_t n1 = cholesky_split(n), n2 = n - n1;
  if (const std::size_t minor = cholesky_recursive(w, d0, n1)) return minor;
  cholesky_solve_right(w, d0 + n1, n2, d0, n1);
  // A22 -= L21 L21^H, on its lower triangle only.
  const T* a21 = w.at(d0 + n1, d0);
  kernels::syrk_lower(n2, n1, T(-1), a21, w.lda, std::ptrdiff_t(1), T(1), w.at(d0 + n1, d0 + n1),
                      w.lda, std::ptrdiff_t(1));
  if (const std::size_t minor = cholesky_recursive(w, d0 + n1, n2)) return minor + n1;
  return 0;
}

/// Cholesky of the n x n lower triangle at a (row stride lda), L overwriting it; the strict
/// upper triangle is neither read nor written.
/// Returns the first leading minor (1-based) that is not positive definite, or 0.
template <class T>
std::size_t cholesky_in_place(std::size_t n, T* a, std::ptrdiff_t lda) {
  const std::size_t blocks = (n + cholesky_leaf - 1) / cholesky_leaf;
  cholesky_work<T> w{a, lda,
                     std::make_unique_for_overwrite<T[]>(blocks * cholesky_leaf * cholesky_leaf),
                     std::make_unique_for_overwrite<T[]>(cholesky_leaf * cholesky_leaf)};
  return n == 0 ? 0 : cholesky_recursive(w, 0, n);
}

/// Copies the lower triangle of the n x n src (row stride ls) into dst (row stride ld);
/// returns whether every copied element is finite. x * 0 is NaN exactly for NaN and infinity,
/// and or-ing the comparisons into an int (no early exit, no chain of additions) lets the
/// compiler vectorize the pass.
template <class T>
bool copy_lower_finite(std::size_t n, const T* src, std::ptrdiff_t ls, T* dst, std::ptrdiff_t ld) {
  int non_finite = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const T* s = src + static_cast<std::ptrdiff_t>(i) * ls;
    T* d = dst + static_cast<std::ptrdiff_t>(i) * ld;
    for (std::size_t j = 0; j <= i; ++j) {
      d[j] = s[j];
      non_finite |= !(s[j] * real_t<T>(0) == T(0));
    }
  }
  return non_finite == 0;
}

/// Factors a copy of the lower triangle of a; returns L with a zero strict upper triangle.
template <Expression E>
Matrix<value_t<E>> cholesky_lower(const char* function, const E& a) {
  require_field<value_t<E>>();
  require_square(function, a);
  using T = value_t<E>;
  const std::size_t n = a.rows();
  Matrix<T> l(n, n);  // zero: the strict upper triangle of L, never written again
  const auto ld = l.row_stride();
  // Only the lower triangle is copied, checked and read: the strict upper one may hold anything.
  bool finite;
  if constexpr (std::is_same_v<std::remove_cvref_t<E>, Matrix<T>>) {
    finite = copy_lower_finite(n, a.data(), a.row_stride(), l.data(), ld);
  } else {
    const Matrix<T> dense(a);
    finite = copy_lower_finite(n, dense.data(), dense.row_stride(), l.data(), ld);
  }
  if (!finite)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j <= i; ++j)
        if (!is_finite(l(i, j)))
          throw non_finite_error(detail::non_finite_message(function, "a", i, j));
  if (const std::size_t minor = cholesky_in_place(n, l.data(), ld))
    throw not_positive_definite_error(
        std::string(function) +
            ": the matrix is not positive definite: the leading minor of order " +
            std::to_string(minor) + " is not positive",
        minor);
  return l;
}

}  // namespace decomp_detail

/// The Cholesky factor of a Hermitian positive definite A (n x n), as SciPy's cholesky: lower
/// (default) gives L with A = L L^H, lower = false gives U = L^H with A = U^H U. Reads only the
/// lower triangle of A. O(n^3 / 3). Throws shape_error if A is not square,
/// not_positive_definite_error naming the first leading minor (1-based) that is not positive,
/// non_finite_error for NaN or infinity in the lower triangle.
template <Expression E>
auto cholesky(const E& a, bool lower = true) {
  decomp_detail::require_field<value_t<E>>();
  if constexpr (Field<value_t<E>>) {
    auto l = decomp_detail::cholesky_lower("cholesky", a);
    if (lower) return l;
    Matrix<value_t<E>> u(l.cols(), l.rows());
    for (std::size_t i = 0; i < l.rows(); ++i)
      for (std::size_t j = 0; j <= i; ++j) u(j, i) = decomp_detail::conj_if_complex(l(i, j));
    return u;
  }
}

/// The Cholesky factor kept for solves (SciPy's cho_factor / cho_solve in one object).
template <Field T>
class CholeskyFactor {
 public:
  /// Factors the lower triangle of a; throws as cholesky().
  template <Expression E>
  explicit CholeskyFactor(const E& a) : l_(decomp_detail::cholesky_lower("cho_factor", a)) {}

  /// L, lower triangular with a positive real diagonal: A = L L^H.
  const Matrix<T>& l() const noexcept { return l_; }

  /// Solves A X = B for a vector or matrix B with n rows; returns X of B's shape. Two
  /// triangular solves, O(n^2) per column. Throws shape_error if B has the wrong number of rows.
  template <Expression B>
  decomp_detail::solve_result_t<T, B> solve(const B& b) const {
    decomp_detail::require_rhs_rows("cho_factor.solve", l_.rows(), l_.cols(), b);
    auto x = decomp_detail::rhs_copy<T>(b);
    const std::size_t n = l_.rows(), nrhs = x.cols();
    const auto ld = l_.row_stride(), ldx = x.row_stride();
    decomp_detail::solve_triangular_left(true, false, n, nrhs, l_.data(), ld, std::ptrdiff_t(1),
                                         x.data(), ldx, std::ptrdiff_t(1));
    // L^H X = Y is conj(L)^T conj(X) = conj(Y): an upper solve with L's strides swapped.
    if constexpr (is_complex_v<T>)
      for (auto& v : x) v = std::conj(v);
    decomp_detail::solve_triangular_left(false, false, n, nrhs, l_.data(), std::ptrdiff_t(1), ld,
                                         x.data(), ldx, std::ptrdiff_t(1));
    if constexpr (is_complex_v<T>)
      for (auto& v : x) v = std::conj(v);
    return x;
  }

  /// The determinant, the squared product of L's diagonal (real and positive). O(n).
  real_t<T> det() const {
    real_t<T> d(1);
    for (std::size_t i = 0; i < l_.rows(); ++i) d *= decomp_detail::real_part(l_(i, i));
    return d * d;
  }

 private:
  Matrix<T> l_;
};

/// Factors a Hermitian positive definite A for reuse: `cho_factor(A).solve(B)`. Reads only the
/// lower triangle. O(n^3 / 3). Throws as cholesky().
template <Expression E>
auto cho_factor(const E& a) {
  decomp_detail::require_field<value_t<E>>();
  if constexpr (Field<value_t<E>>) return CholeskyFactor<value_t<E>>(a);
}

}  // namespace linal
