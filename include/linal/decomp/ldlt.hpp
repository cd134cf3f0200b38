#pragma once
/// \file
/// LDL^T (complex: LDL^H) factorization of a symmetric (Hermitian) matrix that need not be
/// positive definite, with Bunch-Kaufman diagonal pivoting (LAPACK's sytrf / hetrf, lower):
/// P^T A P = L D L^H with L unit lower triangular and D block diagonal with 1x1 and 2x2
/// blocks. Stable for indefinite matrices at the cost of Cholesky (n^3 / 3), where an
/// unpivoted LDL^T would divide by tiny pivots. Only the lower triangle of A is read.

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "../core/concepts.hpp"
#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "detail/input.hpp"

namespace linal {

namespace decomp_detail {

/// Bunch-Kaufman factorization of the lower triangle of the n x n row-major matrix a, in place
/// (LAPACK's hetf2 layout): piv[k] >= 0 for a 1x1 block interchanged with row piv[k];
/// piv[k] = piv[k+1] = -(p + 1) for a 2x2 block whose second row was interchanged with row p.
/// Returns the index of the first zero (singular) diagonal block, or n. Row-oriented updates:
/// every inner loop runs along a row of the trailing matrix.
template <class T>
std::size_t bunch_kaufman(std::size_t n, T* a, std::ptrdiff_t lda, std::ptrdiff_t* piv) {
  using R = real_t<T>;
  const R alpha = (R(1) + std::sqrt(R(17))) / R(8);
  auto A = [&](std::size_t i, std::size_t j) -> T& { return a[static_cast<std::ptrdiff_t>(i) * lda + static_cast<std::ptrdiff_t>(j)]; };
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
      if (diag >= alpha * colmax * (colmax / rowmax)) {
        p = k;
      } else if (std::abs(real_part(A(imax, imax))) >= alpha * rowmax) {
        p = imax;
      } else {
        p = imax;
        step = 2;
      }
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
      // D = [d11 conj(d21); d21 d22]; the multipliers for row j solve [w0 w1] D = [a_jk a_jk+1].
      A(k, k) = T(real_part(A(k, k)));
      A(k + 1, k + 1) = T(real_part(A(k + 1, k + 1)));
      const T d21 = A(k + 1, k);
      const R dabs = std::abs(d21);
      const R d11 = real_part(A(k + 1, k + 1)) / dabs;
      const R d22 = real_part(A(k, k)) / dabs;
      const R t = R(1) / (d11 * d22 - R(1));
      const T e21 = d21 / dabs;
      const R scale = t / dabs;
      for (std::size_t j = k + 2; j < n; ++j) {
        w0[j] = scale * (d11 * A(j, k) - e21 * A(j, k + 1));
        w1[j] = scale * (d22 * A(j, k + 1) - conj_if_complex(e21) * A(j, k));
      }
      for (std::size_t i = k + 2; i < n; ++i) {
        const T aik = A(i, k), aik1 = A(i, k + 1);
        T* row = &A(i, 0);
        for (std::size_t j = k + 2; j <= i; ++j) row[j] -= aik * conj_if_complex(w0[j]) + aik1 * conj_if_complex(w1[j]);
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
    f_ = Matrix<T>(n, n);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j <= i; ++j) {
        f_(i, j) = a(i, j);
        if (!decomp_detail::is_finite(f_(i, j)))
          throw non_finite_error(detail::non_finite_message("ldlt", "a", i, j));
      }
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
      const std::size_t p = piv_[k] < 0 ? static_cast<std::size_t>(-piv_[k] - 1) : static_cast<std::size_t>(piv_[k]);
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
      throw singular_matrix_error("ldlt.solve: the matrix is singular: the diagonal block of D at " + std::to_string(singular_) +
                                      " is exactly zero (pivot " + std::to_string(singular_) + ")",
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
        for (std::size_t i = k + 1; i < n; ++i) subtract(c0, decomp_detail::conj_if_complex(f_(i, c0)), i);
      const std::size_t p = piv_[k] >= 0 ? static_cast<std::size_t>(piv_[k]) : static_cast<std::size_t>(-piv_[k] - 1);
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
        d *= decomp_detail::real_part(f_(k, k)) * decomp_detail::real_part(f_(k + 1, k + 1)) - std::norm(std::complex<R>(f_(k + 1, k)));
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
