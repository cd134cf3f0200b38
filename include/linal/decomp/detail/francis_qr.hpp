#pragma once
/// \file
/// The real Schur form of an upper Hessenberg matrix by Francis double-shift QR with
/// deflation (the small-matrix algorithm of LAPACK's lahqr), the second stage of eig.

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <limits>
#include <vector>

#include "../householder.hpp"
#include "qr_iteration_control.hpp"

namespace linal::detail {

/// Applies the plane rotation (c, s) to x and y: x' = c x + s y, y' = c y - s x.
template <class T>
void rotate_pair(T& x, T& y, T c, T s) {
  const T t = c * x + s * y;
  y = c * y - s * x;
  x = t;
}

/// Brings the 2x2 block [a b; c d] to standard Schur form with a rotation [cs -sn; sn cs]:
/// afterwards either c = 0 (two real eigenvalues a and d) or a = d and b c < 0 (the complex
/// pair a +- i sqrt(-b c)). Returns the two eigenvalues.
template <class T>
void standardize_2x2(T& a, T& b, T& c, T& d, T& cs, T& sn, std::complex<T>& ev1, std::complex<T>& ev2) {
  constexpr T eps = std::numeric_limits<T>::epsilon();
  cs = T(1);
  sn = T(0);
  if (c == T(0)) {
  } else if (b == T(0)) {
    // Swap rows and columns.
    cs = T(0);
    sn = T(1);
    std::swap(a, d);
    b = -c;
    c = T(0);
  } else if (a - d == T(0) && (b < T(0)) != (c < T(0))) {
  } else {
    const T diff = a - d;
    T p = T(0.5) * diff;
    const T bc_max = std::max(std::abs(b), std::abs(c));
    const T bc_mis = std::min(std::abs(b), std::abs(c)) * std::copysign(T(1), b) * std::copysign(T(1), c);
    const T scale = std::max(std::abs(p), bc_max);
    T z = (p / scale) * p + (bc_max / scale) * bc_mis;
    if (z >= T(4) * eps) {
      // Real eigenvalues: make the block upper triangular.
      z = p + std::copysign(std::sqrt(scale) * std::sqrt(z), p);
      a = d + z;
      d = d - (bc_max / z) * bc_mis;
      const T tau = std::hypot(c, z);
      cs = z / tau;
      sn = c / tau;
      b = b - c;
      c = T(0);
    } else {
      // Complex or nearly equal real eigenvalues: make the diagonal entries equal.
      const T sigma = b + c;
      const T tau = std::hypot(sigma, diff);
      cs = std::sqrt(T(0.5) * (T(1) + std::abs(sigma) / tau));
      sn = -(p / (tau * cs)) * std::copysign(T(1), sigma);
      const T aa = a * cs + b * sn, bb = -a * sn + b * cs;
      const T cc = c * cs + d * sn, dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      const T mid = T(0.5) * (a + d);
      a = mid;
      d = mid;
      if (c != T(0)) {
        if (b != T(0)) {
          if ((b < T(0)) == (c < T(0))) {
            // Real after all: one more rotation makes it triangular.
            const T sab = std::sqrt(std::abs(b)), sac = std::sqrt(std::abs(c));
            p = std::copysign(sab * sac, c);
            const T t = T(1) / std::sqrt(std::abs(b + c));
            a = mid + p;
            d = mid - p;
            b = b - c;
            c = T(0);
            const T cs1 = sab * t, sn1 = sac * t;
            const T cs_new = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1;
            cs = cs_new;
          }
        } else {
          b = -c;
          c = T(0);
          const T t = cs;
          cs = -sn;
          sn = t;
        }
      }
    }
  }
  if (c == T(0)) {
    ev1 = {a, T(0)};
    ev2 = {d, T(0)};
  } else {
    const T im = std::sqrt(std::abs(b)) * std::sqrt(std::abs(c));
    ev1 = {a, im};
    ev2 = {d, -im};
  }
}

/// One sweep reflector (tau, v2, v3, starting at column kk; v3 unused when kk = last) applied
/// from the right to the row segment x[kk..kk+2].
template <class T>
void reflect_row_segment(T* x, std::size_t kk, std::size_t last, T tau, T v2, T v3) {
  T* seg = x + kk;
  if (kk < last) {
    const T s = tau * (seg[0] + v2 * seg[1] + v3 * seg[2]);
    seg[0] -= s;
    seg[1] -= s * v2;
    seg[2] -= s * v3;
  } else {
    const T s = tau * (seg[0] + v2 * seg[1]);
    seg[0] -= s;
    seg[1] -= s * v2;
  }
}

/// The column updates of a Francis sweep over columns m..i that francis_qr defers: row j of h
/// takes the sweep's reflectors max(m, j+1)..i-1 in order, along its own contiguous entries
/// (instead of one cache line per row and reflector). Eight rows go side by side, since the
/// reflectors of one row form a chain of dependent operations.
template <class T>
void apply_deferred_columns(T* h, std::size_t n, std::size_t m, std::size_t i, const T* tau, const T* v2,
                            const T* v3) {
  const std::size_t last = i - 1;  // the final reflector, of order two
  const auto one_row = [&](std::size_t j, std::size_t from, std::size_t to) {
    T* row = h + j * n;
    for (std::size_t kk = from; kk < to; ++kk)
      if (tau[kk] != T(0)) reflect_row_segment(row, kk, last, tau[kk], v2[kk], v3[kk]);
  };
  constexpr std::size_t group = 8;
  std::size_t j = 0;
  for (; j + group <= i - 1; j += group) {
    const std::size_t common = std::max(m, j + group);
    for (std::size_t r = 0; r < group; ++r) one_row(j + r, std::max(m, j + r + 1), common);
    for (std::size_t kk = common; kk < i; ++kk) {
      const T t = tau[kk];
      if (t == T(0)) continue;
      for (std::size_t r = 0; r < group; ++r) reflect_row_segment(h + (j + r) * n, kk, last, t, v2[kk], v3[kk]);
    }
  }
  for (; j + 1 < i; ++j) one_row(j, std::max(m, j + 1), i);
}

/// Reduces the row-major upper Hessenberg n x n matrix h (entries of order one) to real Schur
/// form T in place, accumulating the transformations into the rows of zt (n x n, the transposed
/// Schur vectors, so that every update streams along rows): on entry zt = Q^T from the
/// Hessenberg reduction, on return A = Z T Z^T. w receives the eigenvalues, a
/// complex pair with positive imaginary part first. Throws convergence_error when a block
/// needs more than 30 max(10, n) iterations.
template <class T>
void francis_qr(std::size_t n, T* h, T* zt, std::complex<T>* w, const char* function) {
  constexpr T ulp = std::numeric_limits<T>::epsilon();
  const auto magnitude = [](T x) { return std::abs(x); };
  const qr_iteration_control<T, decltype(magnitude)> control(n, magnitude);
  const auto H = [&](std::size_t i, std::size_t j) -> T& { return h[i * n + j]; };
  // Each sweep's reflectors (tau, v[1], v[2]) by the column where they start.
  std::vector<T> step_tau(n), step_v2(n), step_v3(n);

  std::ptrdiff_t top = static_cast<std::ptrdiff_t>(n) - 1;
  while (top >= 0) {
    const auto i = static_cast<std::size_t>(top);
    std::size_t l = 0;
    bool converged = false;
    for (std::size_t its = 0; its <= control.max_iterations(); ++its) {
      l = control.deflation_row(H, l, i);
      if (l > 0) H(l, l - 1) = T(0);
      if (l + 1 >= i) {
        converged = true;
        break;
      }
      // Two shifts: the eigenvalues of the trailing 2x2 block, or of an exceptional block
      // built from two subdiagonal entries.
      T h11, h12, h21, h22;
      if (const auto exceptional = control.exceptional_shift_at(H, its, l, i, 2)) {
        h11 = exceptional->value;
        h12 = T(-0.4375) * exceptional->size;
        h21 = exceptional->size;
        h22 = h11;
      } else {
        h11 = H(i - 1, i - 1);
        h21 = H(i, i - 1);
        h12 = H(i - 1, i);
        h22 = H(i, i);
      }
      T re1 = T(0), im1 = T(0), re2 = T(0), im2 = T(0);
      if (const T s = std::abs(h11) + std::abs(h12) + std::abs(h21) + std::abs(h22); s != T(0)) {
        h11 /= s;
        h21 /= s;
        h12 /= s;
        h22 /= s;
        const T tr = (h11 + h22) / T(2);
        const T det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const T root = std::sqrt(std::abs(det));
        if (det >= T(0)) {
          re1 = re2 = tr * s;
          im1 = root * s;
          im2 = -im1;
        } else {
          // Two real shifts: use the one nearer h22 twice.
          re1 = tr + root;
          re2 = tr - root;
          re1 = re2 = (std::abs(re1 - h22) <= std::abs(re2 - h22) ? re1 : re2) * s;
        }
      }
      // Start the sweep where two consecutive subdiagonal entries are small enough.
      std::size_t m = i - 2;
      T v[3];
      for (;; --m) {
        const T s0 = std::abs(H(m, m) - re2) + std::abs(im2) + std::abs(H(m + 1, m));
        const T h21s = H(m + 1, m) / s0;
        v[0] = h21s * H(m, m + 1) + (H(m, m) - re1) * ((H(m, m) - re2) / s0) - im1 * (im2 / s0);
        v[1] = h21s * (H(m, m) + H(m + 1, m + 1) - re1 - re2);
        v[2] = h21s * H(m + 2, m + 1);
        const T s = std::abs(v[0]) + std::abs(v[1]) + std::abs(v[2]);
        v[0] /= s;
        v[1] /= s;
        v[2] /= s;
        if (m == l) break;
        const T left = std::abs(H(m, m - 1)) * (std::abs(v[1]) + std::abs(v[2]));
        const T right = std::abs(v[0]) * (std::abs(H(m - 1, m - 1)) + std::abs(H(m, m)) + std::abs(H(m + 1, m + 1)));
        if (left <= ulp * right) break;
      }
      // Chase the bulge down to the bottom of the block with 3x3 (last 2x2) reflectors.
      for (std::size_t kk = m; kk < i; ++kk) {
        const std::size_t nr = std::min<std::size_t>(3, i - kk + 1);
        if (kk > m) {
          v[0] = H(kk, kk - 1);
          v[1] = H(kk + 1, kk - 1);
          if (nr == 3) v[2] = H(kk + 2, kk - 1);
        }
        T beta = v[0];
        const T t1 = householder::make_reflector(nr, beta, v + 1, 1);
        if (kk > m) {
          H(kk, kk - 1) = beta;
          H(kk + 1, kk - 1) = T(0);
          if (nr == 3) H(kk + 2, kk - 1) = T(0);
        } else if (m > l) {
          // Equivalent to negating, but safe when v[1] and v[2] underflowed.
          H(kk, kk - 1) *= T(1) - t1;
        }
        step_tau[kk] = t1;
        step_v2[kk] = v[1];
        step_v3[kk] = nr == 3 ? v[2] : T(0);
        if (t1 == T(0)) continue;
        const T v2 = v[1], t2 = t1 * v2;
        const T v3 = nr == 3 ? v[2] : T(0), t3 = t1 * v3;
        // Rows kk..kk+nr-1 of H from the left, and of Z^T (the columns of Z).
        const auto reflect_rows = [&](T* r0, std::size_t ld, std::size_t from, std::size_t to) {
          T* r1 = r0 + ld;
          if (nr == 3) {
            T* r2 = r1 + ld;
            for (std::size_t j = from; j < to; ++j) {
              const T s = r0[j] + v2 * r1[j] + v3 * r2[j];
              r0[j] -= s * t1;
              r1[j] -= s * t2;
              r2[j] -= s * t3;
            }
          } else {
            for (std::size_t j = from; j < to; ++j) {
              const T s = r0[j] + v2 * r1[j];
              r0[j] -= s * t1;
              r1[j] -= s * t2;
            }
          }
        };
        reflect_rows(h + kk * n, n, kk, n);
        reflect_rows(zt + kk * n, n, 0, n);
        // Columns kk..kk+nr-1 from the right, here only in the rows that later reflectors of
        // this sweep still meet; the rows above wait for the end of the sweep.
        const std::size_t last = std::min(kk + 3, i);
        for (std::size_t j = kk; j <= last; ++j) {
          T* hj = h + j * n + kk;
          const T s = hj[0] + v2 * hj[1] + (nr == 3 ? v3 * hj[2] : T(0));
          hj[0] -= s * t1;
          hj[1] -= s * t2;
          if (nr == 3) hj[2] -= s * t3;
        }
      }
      apply_deferred_columns(h, n, m, i, step_tau.data(), step_v2.data(), step_v3.data());
    }
    if (!converged) control.give_up(function, "Francis QR iteration");
    if (l == i) {
      w[i] = {H(i, i), T(0)};
    } else {
      T cs, sn;
      standardize_2x2(H(i - 1, i - 1), H(i - 1, i), H(i, i - 1), H(i, i), cs, sn, w[i - 1], w[i]);
      for (std::size_t j = i + 1; j < n; ++j) rotate_pair(H(i - 1, j), H(i, j), cs, sn);
      for (std::size_t j = 0; j + 1 < i; ++j) rotate_pair(H(j, i - 1), H(j, i), cs, sn);
      for (std::size_t j = 0; j < n; ++j) rotate_pair(zt[(i - 1) * n + j], zt[i * n + j], cs, sn);
    }
    top = static_cast<std::ptrdiff_t>(l) - 1;
  }
}

}  // namespace linal::detail
