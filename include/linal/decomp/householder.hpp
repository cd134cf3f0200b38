#pragma once
/// \file
/// Householder reflectors, the building block of QR and of the reductions behind eigh, eig and
/// svd (tridiagonal, Hessenberg and bidiagonal forms).
///
/// A reflector is H = I - tau v v^H with v(0) = 1. For real T it is symmetric and orthogonal;
/// for complex T it is unitary but not Hermitian, so H^H = I - conj(tau) v v^H: to apply H^H,
/// pass conj(tau). Vectors and matrices are raw strided memory (element i of x at x[i*inc],
/// element (i,j) of C at c[i*rs + j*cs]), so a row, a column or a block of any matrix, or its
/// transpose, can be used in place.
///
/// - make_reflector (LAPACK's larfg): generate H from a vector.
/// - apply_reflector_left / apply_reflector_right (larf): C := H C or C := C H, O(m n).
/// - block_reflector (larft + larfb): k reflectors in compact WY form I - V T V^H, applied to
///   a block with three calls to kernels::gemm.

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <limits>
#include <vector>

#include "../core/concepts.hpp"
#include "../core/matrix.hpp"
#include "../kernels/gemm.hpp"
#include "../kernels/scalar.hpp"
#include "detail/input.hpp"

namespace linal::householder {

/// The 2-norm of the strided vector x (n elements), scaled so that it neither overflows nor
/// underflows where the result itself is representable. O(n).
template <Field T>
real_t<T> norm2(std::size_t n, const T* x, std::ptrdiff_t incx) {
  using R = real_t<T>;
  R largest(0);
  for (std::size_t i = 0; i < n; ++i) largest = std::max(largest, std::abs(x[static_cast<std::ptrdiff_t>(i) * incx]));
  if (largest == R(0) || !std::isfinite(largest)) return largest;
  const R inverse = R(1) / largest;
  R sum(0);
  for (std::size_t i = 0; i < n; ++i) {
    const T y = x[static_cast<std::ptrdiff_t>(i) * incx] * inverse;
    if constexpr (is_complex_v<T>) sum += y.real() * y.real() + y.imag() * y.imag();
    else sum += y * y;
  }
  return largest * std::sqrt(sum);
}

/// Generates a reflector H = I - tau v v^H (v(0) = 1) such that H^H [alpha; x] = [beta; 0]
/// with beta real, as LAPACK's larfg. On entry `alpha` is the first element and x (n - 1
/// elements, stride incx) the rest; on return `alpha` holds beta and x holds v(1:n-1).
/// Returns tau: 0 when the vector is already a multiple of e1 (H = I), else 1 <= Re(tau) <= 2.
/// Rescales internally when beta would be tiny, so no precision is lost to underflow. O(n).
template <Field T>
T make_reflector(std::size_t n, T& alpha, T* x, std::ptrdiff_t incx) {
  using R = real_t<T>;
  if (n <= 1) return T(0);
  R xnorm = norm2(n - 1, x, incx);
  const R alpha_imag = is_complex_v<T> ? std::imag(std::complex<R>(alpha)) : R(0);
  if (xnorm == R(0) && alpha_imag == R(0)) return T(0);

  const R alpha_real = decomp_detail::real_part(alpha);
  auto full_norm = [&] { return std::hypot(std::hypot(alpha_real, alpha_imag), xnorm); };
  R beta = -std::copysign(full_norm(), alpha_real);
  // Below safe_min, 1/beta would overflow: scale x and alpha up until beta is representable.
  const R safe_min = std::numeric_limits<R>::min() / std::numeric_limits<R>::epsilon();
  const R inverse_safe_min = R(1) / safe_min;
  int rescalings = 0;
  if (std::abs(beta) < safe_min) {
    do {
      ++rescalings;
      for (std::size_t i = 0; i + 1 < n; ++i) x[static_cast<std::ptrdiff_t>(i) * incx] *= inverse_safe_min;
      alpha *= inverse_safe_min;
      beta *= inverse_safe_min;
    } while (std::abs(beta) < safe_min && rescalings < 20);
    xnorm = norm2(n - 1, x, incx);
    const R ar = decomp_detail::real_part(alpha);
    const R ai = is_complex_v<T> ? std::imag(std::complex<R>(alpha)) : R(0);
    beta = -std::copysign(std::hypot(std::hypot(ar, ai), xnorm), ar);
  }
  const T tau = (T(beta) - alpha) / T(beta);
  const T scale = T(1) / (alpha - T(beta));
  for (std::size_t i = 0; i + 1 < n; ++i) x[static_cast<std::ptrdiff_t>(i) * incx] *= scale;
  for (int r = 0; r < rescalings; ++r) beta *= safe_min;
  alpha = T(beta);
  return tau;
}

/// C := H C for the m x n matrix C, H = I - tau v v^H of order m (v(0) must hold 1, or pass a
/// v whose first element the caller has set to 1). work needs n elements. Row-oriented: both
/// passes stream through C row by row. O(m n).
template <Field T>
void apply_reflector_left(std::size_t m, std::size_t n, const T* v, std::ptrdiff_t incv, T tau, T* c,
                          std::ptrdiff_t rs, std::ptrdiff_t cs, T* work) {
  if (tau == T(0) || m == 0 || n == 0) return;
  // Textbook complex products: std::complex's operator* falls back to a library call here.
  const auto mul = [](const T& x, const T& y) { return kernels::detail::multiply(x, y); };
  // work = v^H C, accumulated from rows of C; four rows per sweep over work when C's rows are
  // contiguous, so that work is loaded and stored a quarter as often.
  std::fill(work, work + n, T(0));
  auto vc = [&](std::size_t i) { return decomp_detail::conj_if_complex(v[static_cast<std::ptrdiff_t>(i) * incv]); };
  auto row_of = [&](std::size_t i) { return c + static_cast<std::ptrdiff_t>(i) * rs; };
  std::size_t i = 0;
  if (cs == 1)
    for (; i + 4 <= m; i += 4) {
      const T v0 = vc(i), v1 = vc(i + 1), v2 = vc(i + 2), v3 = vc(i + 3);
      const T *r0 = row_of(i), *r1 = row_of(i + 1), *r2 = row_of(i + 2), *r3 = row_of(i + 3);
      for (std::size_t j = 0; j < n; ++j)
        work[j] += mul(v0, r0[j]) + mul(v1, r1[j]) + mul(v2, r2[j]) + mul(v3, r3[j]);
    }
  for (; i < m; ++i) {
    const T vi = vc(i);
    if (vi == T(0)) continue;
    const T* row = row_of(i);
    for (std::size_t j = 0; j < n; ++j) work[j] += mul(vi, row[static_cast<std::ptrdiff_t>(j) * cs]);
  }
  for (std::size_t r = 0; r < m; ++r) {
    const T f = tau * v[static_cast<std::ptrdiff_t>(r) * incv];
    if (f == T(0)) continue;
    T* row = row_of(r);
    if (cs == 1) {
      for (std::size_t j = 0; j < n; ++j) row[j] -= mul(f, work[j]);
    } else {
      for (std::size_t j = 0; j < n; ++j) row[static_cast<std::ptrdiff_t>(j) * cs] -= mul(f, work[j]);
    }
  }
}

/// C := C H for the m x n matrix C, H = I - tau v v^H of order n (v(0) = 1). work needs m
/// elements. O(m n).
template <Field T>
void apply_reflector_right(std::size_t m, std::size_t n, const T* v, std::ptrdiff_t incv, T tau, T* c,
                           std::ptrdiff_t rs, std::ptrdiff_t cs, T* work) {
  if (tau == T(0) || m == 0 || n == 0) return;
  const auto mul = [](const T& x, const T& y) { return kernels::detail::multiply(x, y); };
  const auto row_of = [&](std::size_t i) { return c + static_cast<std::ptrdiff_t>(i) * rs; };
  const auto vj = [&](std::size_t j) { return v[static_cast<std::ptrdiff_t>(j) * incv]; };
  // work = tau C v. Four rows at a time: each row's sum is a chain of dependent additions, and
  // four chains side by side keep the adder busy.
  std::size_t i = 0;
  for (; i + 4 <= m; i += 4) {
    const T *r0 = row_of(i), *r1 = row_of(i + 1), *r2 = row_of(i + 2), *r3 = row_of(i + 3);
    T s0(0), s1(0), s2(0), s3(0);
    for (std::size_t j = 0; j < n; ++j) {
      const auto at = static_cast<std::ptrdiff_t>(j) * cs;
      const T x = vj(j);
      s0 += mul(r0[at], x);
      s1 += mul(r1[at], x);
      s2 += mul(r2[at], x);
      s3 += mul(r3[at], x);
    }
    work[i] = tau * s0;
    work[i + 1] = tau * s1;
    work[i + 2] = tau * s2;
    work[i + 3] = tau * s3;
  }
  for (; i < m; ++i) {
    const T* row = row_of(i);
    T sum(0);
    for (std::size_t j = 0; j < n; ++j) sum += mul(row[static_cast<std::ptrdiff_t>(j) * cs], vj(j));
    work[i] = tau * sum;
  }
  for (std::size_t i = 0; i < m; ++i) {
    T* row = c + static_cast<std::ptrdiff_t>(i) * rs;
    const T wi = work[i];
    if (wi == T(0)) continue;
    for (std::size_t j = 0; j < n; ++j)
      row[static_cast<std::ptrdiff_t>(j) * cs] -= mul(wi, decomp_detail::conj_if_complex(v[static_cast<std::ptrdiff_t>(j) * incv]));
  }
}

/// k reflectors H(0) H(1) ... H(k-1) of order m in compact WY form Q = I - V T V^H (LAPACK's
/// larft, forward and columnwise, and larfb). Vector j is column j of the strided m x k array
/// (v, v_rs, v_cs) from row j down, with v_j(j) = 1 implied: the elements on and above the
/// diagonal are never read, so the array may be the factored columns of a matrix, as geqrf
/// leaves them. For reflectors stored in rows (bidiagonalization), swap the two strides.
/// Building costs O(m k^2); each application O(m n k), nearly all of it in kernels::gemm.
/// One object may be rebuilt with assign() for block after block: its buffers are kept, so a
/// blocked factorization allocates (and the system maps fresh pages) once, not per block.
template <Field T>
class block_reflector {
 public:
  /// No reflectors yet; assign() gives them.
  block_reflector() = default;

  /// The block form of k reflectors of order m whose vectors are the columns of v (strides
  /// v_rs, v_cs; unit diagonal implied), with scalars tau.
  block_reflector(std::size_t m, std::size_t k, const T* v, std::ptrdiff_t v_rs, std::ptrdiff_t v_cs, const T* tau) {
    assign(m, k, v, v_rs, v_cs, tau);
  }

  /// Replaces the reflectors by k new ones of order m (arguments as the constructor's).
  void assign(std::size_t m, std::size_t k, const T* v, std::ptrdiff_t v_rs, std::ptrdiff_t v_cs, const T* tau) {
    copy_vectors(m, k, v, v_rs, v_cs);
    // T(0:j, j) = -tau_j T(0:j, 0:j) (V(:, 0:j)^H v_j), with the Gram matrix V^H V from gemm.
    gram_.resize(k * k);
    if (k > 0)
      kernels::gemm(k, k, m, T(1), vh_.data(), static_cast<std::ptrdiff_t>(m), std::ptrdiff_t(1), v_.data(),
                    static_cast<std::ptrdiff_t>(k), std::ptrdiff_t(1), T(0), gram_.data(), static_cast<std::ptrdiff_t>(k),
                    std::ptrdiff_t(1));
    std::fill(t_.begin(), t_.end(), T(0));
    for (std::size_t j = 0; j < k; ++j) {
      t_[j * k + j] = tau[j];
      for (std::size_t i = 0; i < j; ++i) {
        T sum(0);
        for (std::size_t l = i; l < j; ++l) sum += t_[i * k + l] * gram_[l * k + j];
        t_[i * k + j] = -tau[j] * sum;
      }
    }
    adjoint_of_t();
  }

  std::size_t order() const noexcept { return m_; }  ///< Order m of each reflector.
  std::size_t count() const noexcept { return k_; }  ///< Number k of reflectors.
  /// The upper triangular k x k factor T, row-major.
  const T* t() const noexcept { return t_.data(); }

  /// C := Q C, or Q^H C when adjoint, for the m x n matrix C at (c, rs, cs). O(m n k).
  void apply_left(bool adjoint, std::size_t n, T* c, std::ptrdiff_t rs, std::ptrdiff_t cs) {
    if (k_ == 0 || n == 0) return;
    const auto k = static_cast<std::ptrdiff_t>(k_), nn = static_cast<std::ptrdiff_t>(n);
    work_.resize(k_ * n);
    work2_.resize(k_ * n);
    kernels::gemm(k_, n, m_, T(1), vh_.data(), static_cast<std::ptrdiff_t>(m_), std::ptrdiff_t(1), c, rs, cs, T(0),
                  work_.data(), nn, std::ptrdiff_t(1));
    const T* tf = adjoint ? th_.data() : t_.data();
    kernels::gemm(k_, n, k_, T(1), tf, k, std::ptrdiff_t(1), work_.data(), nn, std::ptrdiff_t(1), T(0), work2_.data(), nn,
                  std::ptrdiff_t(1));
    kernels::gemm(m_, n, k_, T(-1), v_.data(), k, std::ptrdiff_t(1), work2_.data(), nn, std::ptrdiff_t(1), T(1), c, rs, cs);
  }

  /// C := C Q, or C Q^H when adjoint, for the p x m matrix C at (c, rs, cs). O(p m k).
  void apply_right(bool adjoint, std::size_t p, T* c, std::ptrdiff_t rs, std::ptrdiff_t cs) {
    if (k_ == 0 || p == 0) return;
    const auto k = static_cast<std::ptrdiff_t>(k_);
    work_.resize(p * k_);
    work2_.resize(p * k_);
    kernels::gemm(p, k_, m_, T(1), c, rs, cs, v_.data(), k, std::ptrdiff_t(1), T(0), work_.data(), k, std::ptrdiff_t(1));
    const T* tf = adjoint ? th_.data() : t_.data();
    kernels::gemm(p, k_, k_, T(1), work_.data(), k, std::ptrdiff_t(1), tf, k, std::ptrdiff_t(1), T(0), work2_.data(), k,
                  std::ptrdiff_t(1));
    kernels::gemm(p, m_, k_, T(-1), work2_.data(), k, std::ptrdiff_t(1), vh_.data(), static_cast<std::ptrdiff_t>(m_),
                  std::ptrdiff_t(1), T(1), c, rs, cs);
  }

 private:
  void copy_vectors(std::size_t m, std::size_t k, const T* v, std::ptrdiff_t v_rs, std::ptrdiff_t v_cs) {
    m_ = m;
    k_ = k;
    v_.resize(m * k);
    vh_.resize(k * m);
    t_.resize(k * k);
    th_.resize(k * k);
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < k; ++j) {
        const T x = j < i ? v[static_cast<std::ptrdiff_t>(i) * v_rs + static_cast<std::ptrdiff_t>(j) * v_cs] : T(i == j ? 1 : 0);
        v_[i * k + j] = x;
        vh_[j * m + i] = decomp_detail::conj_if_complex(x);
      }
  }

  void adjoint_of_t() {
    for (std::size_t i = 0; i < k_; ++i)
      for (std::size_t j = 0; j < k_; ++j) th_[j * k_ + i] = decomp_detail::conj_if_complex(t_[i * k_ + j]);
  }

  std::size_t m_ = 0, k_ = 0;
  std::vector<T> v_;   // m x k, unit lower trapezoidal, explicit ones and zeros
  std::vector<T> vh_;  // k x m, its conjugate transpose
  std::vector<T> gram_, t_, th_;  // k x k each
  std::vector<T> work_, work2_;
};

}  // namespace linal::householder
