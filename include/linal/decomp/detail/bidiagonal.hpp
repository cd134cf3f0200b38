#pragma once
/// \file
/// Singular values and vectors of a real upper bidiagonal matrix by implicit QR iteration
/// (Golub-Kahan shifted steps, and Demmel-Kahan zero-shift steps when the shift would cost
/// accuracy), the last stage of svd. Small singular values of graded matrices come out to high
/// relative accuracy.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "../../core/error.hpp"
#include "plane_rotation.hpp"

namespace linal::detail {

/// The singular values (smaller, larger) of the 2x2 upper triangular [f g; 0 h], without
/// overflow and accurate even when the smaller is tiny.
template <class T>
void singular_values_2x2(T f, T g, T h, T& smaller, T& larger) {
  const T fa = std::abs(f), ga = std::abs(g), ha = std::abs(h);
  const T fh_min = std::min(fa, ha), fh_max = std::max(fa, ha);
  if (fh_min == T(0)) {
    smaller = T(0);
    larger = fh_max == T(0) ? ga : std::hypot(fh_max, ga);
    return;
  }
  if (ga < fh_max) {
    const T as = T(1) + fh_min / fh_max;
    const T at = (fh_max - fh_min) / fh_max;
    const T au = (ga / fh_max) * (ga / fh_max);
    const T c = T(2) / (std::sqrt(as * as + au) + std::sqrt(at * at + au));
    smaller = fh_min * c;
    larger = fh_max / c;
    return;
  }
  const T au = fh_max / ga;
  if (au == T(0)) {
    // g dominates so much that fh_max / g underflows.
    smaller = (fh_min * fh_max) / ga;
    larger = ga;
    return;
  }
  const T as = T(1) + fh_min / fh_max;
  const T at = (fh_max - fh_min) / fh_max;
  const T c = T(1) / (std::sqrt(T(1) + (as * au) * (as * au)) + std::sqrt(T(1) + (at * au) * (at * au)));
  smaller = T(2) * (fh_min * c) * au;
  larger = ga / (c + c);
}

/// Diagonalizes the n x n upper bidiagonal matrix with diagonal d and superdiagonal e (n - 1
/// entries): B = U_b diag(s) V_b^T. Every right rotation is applied to the rows of vt (n rows
/// of vt_cols, row stride vt_ld) and every left one to the rows of ut, when they are not null;
/// rows i of ut and vt end as the left and right singular vectors of s[i] in the caller's basis.
/// On return d holds the singular values, of either sign and unsorted (see finish_singular_values).
/// The entries should be of order one. Throws convergence_error after 6 n^2 inner steps.
template <class T>
void bidiagonal_qr(std::size_t n, T* d, T* e, T* vt, std::size_t vt_cols, std::size_t vt_ld, T* ut,
                   std::size_t ut_cols, std::size_t ut_ld, const char* function) {
  if (n <= 1) return;
  constexpr T eps = std::numeric_limits<T>::epsilon() / 2;
  constexpr T safe_min = std::numeric_limits<T>::min();
  const T tol = std::max(T(10), std::min(T(100), std::pow(eps, T(-0.125)))) * eps;
  const std::size_t max_steps = 6 * n * n;

  // Threshold for negligible entries: tol times a lower bound on the smallest singular value.
  T mu = std::abs(d[0]), smallest = mu;
  for (std::size_t i = 1; i < n && smallest != T(0); ++i) {
    mu = std::abs(d[i]) * (mu / (mu + std::abs(e[i - 1])));
    smallest = std::min(smallest, mu);
  }
  const T thresh = std::max(tol * smallest / std::sqrt(T(n)), T(max_steps) * safe_min);

  std::vector<T> rc(n), rs(n), lc(n), ls(n);
  const auto apply = [&](std::size_t lo, std::size_t hi) {
    for (std::size_t i = lo; i < hi; ++i) {
      if (vt) rotate_rows(vt_cols, vt + i * vt_ld, vt + (i + 1) * vt_ld, rc[i], rs[i]);
      if (ut) rotate_rows(ut_cols, ut + i * ut_ld, ut + (i + 1) * ut_ld, lc[i], ls[i]);
    }
  };

  std::size_t steps = 0;
  std::size_t m = n - 1;  // bottom of the active block
  while (m > 0) {
    if (steps > max_steps)
      throw convergence_error(std::string(function) + ": the bidiagonal QR iteration did not converge after " +
                                  std::to_string(steps) + " steps",
                              steps);
    // The active block is [ll, m]: e[ll..m-1] are not negligible.
    T largest = std::abs(d[m]);
    std::size_t ll = m;
    while (ll > 0) {
      const T ae = std::abs(e[ll - 1]);
      if (ae <= thresh) {
        e[ll - 1] = T(0);
        break;
      }
      largest = std::max({largest, std::abs(d[ll - 1]), ae});
      --ll;
    }
    if (ll == m) {
      --m;
      continue;
    }
    // Relative convergence tests, top to bottom.
    if (std::abs(e[m - 1]) <= tol * std::abs(d[m])) {
      e[m - 1] = T(0);
      continue;
    }
    mu = std::abs(d[ll]);
    T smin = mu;
    bool split = false;
    for (std::size_t i = ll; i < m; ++i) {
      if (std::abs(e[i]) <= tol * mu) {
        e[i] = T(0);
        split = true;
        break;
      }
      mu = std::abs(d[i + 1]) * (mu / (mu + std::abs(e[i])));
      smin = std::min(smin, mu);
    }
    if (split) continue;

    // A shift that is negligible next to the largest singular value only costs accuracy.
    T shift = T(0);
    if (!(T(n) * tol * (smin / largest) <= std::max(eps, T(0.01) * tol))) {
      T unused;
      singular_values_2x2(d[m - 1], e[m - 1], d[m], shift, unused);
      const T top = std::abs(d[ll]);
      if (top > T(0) && (shift / top) * (shift / top) < eps) shift = T(0);
    }
    steps += m - ll;

    if (shift == T(0)) {
      // Zero-shift QR: every entry is computed without cancellation.
      T cs = T(1), old_cs = T(1), old_sn = T(0);
      for (std::size_t i = ll; i < m; ++i) {
        const auto right = make_rotation(d[i] * cs, e[i]);
        cs = right.c;
        if (i > ll) e[i - 1] = old_sn * right.r;
        const auto left = make_rotation(old_cs * right.r, d[i + 1] * right.s);
        old_cs = left.c;
        old_sn = left.s;
        d[i] = left.r;
        rc[i] = right.c;
        rs[i] = right.s;
        lc[i] = left.c;
        ls[i] = left.s;
      }
      const T h = d[m] * cs;
      d[m] = h * old_cs;
      e[m - 1] = h * old_sn;
      apply(ll, m);
      if (std::abs(e[m - 1]) <= thresh) e[m - 1] = T(0);
    } else {
      // Shifted QR step, chasing the bulge from top to bottom.
      T f = (std::abs(d[ll]) - shift) * (std::copysign(T(1), d[ll]) + shift / d[ll]);
      T g = e[ll];
      for (std::size_t i = ll; i < m; ++i) {
        const auto right = make_rotation(f, g);
        if (i > ll) e[i - 1] = right.r;
        f = right.c * d[i] + right.s * e[i];
        e[i] = right.c * e[i] - right.s * d[i];
        g = right.s * d[i + 1];
        d[i + 1] = right.c * d[i + 1];
        const auto left = make_rotation(f, g);
        d[i] = left.r;
        f = left.c * e[i] + left.s * d[i + 1];
        d[i + 1] = left.c * d[i + 1] - left.s * e[i];
        if (i + 1 < m) {
          g = left.s * e[i + 1];
          e[i + 1] = left.c * e[i + 1];
        }
        rc[i] = right.c;
        rs[i] = right.s;
        lc[i] = left.c;
        ls[i] = left.s;
      }
      e[m - 1] = f;
      apply(ll, m);
      if (std::abs(e[m - 1]) <= thresh) e[m - 1] = T(0);
    }
  }
}

/// Makes the singular values d non-negative (negating the matching rows of vt) and sorts them
/// descending, permuting the rows of vt and ut alike (either may be null).
template <class T>
void finish_singular_values(std::size_t n, T* d, T* vt, std::size_t vt_cols, std::size_t vt_ld, T* ut,
                            std::size_t ut_cols, std::size_t ut_ld) {
  for (std::size_t i = 0; i < n; ++i)
    if (d[i] < T(0)) {
      d[i] = -d[i];
      if (vt)
        for (std::size_t j = 0; j < vt_cols; ++j) vt[i * vt_ld + j] = -vt[i * vt_ld + j];
    }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return d[a] > d[b]; });
  const auto permute_rows = [&](T* x, std::size_t cols, std::size_t ld) {
    std::vector<T> rows(n * cols);
    for (std::size_t i = 0; i < n; ++i) std::copy_n(x + order[i] * ld, cols, rows.data() + i * cols);
    for (std::size_t i = 0; i < n; ++i) std::copy_n(rows.data() + i * cols, cols, x + i * ld);
  };
  std::vector<T> sorted(n);
  for (std::size_t i = 0; i < n; ++i) sorted[i] = d[order[i]];
  std::copy(sorted.begin(), sorted.end(), d);
  if (vt) permute_rows(vt, vt_cols, vt_ld);
  if (ut) permute_rows(ut, ut_cols, ut_ld);
}

}  // namespace linal::detail
