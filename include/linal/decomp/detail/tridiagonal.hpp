#pragma once
/// \file
/// Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by implicit QL
/// iteration with Wilkinson shifts, the last stage of eigh.

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

/// Diagonalizes the symmetric tridiagonal matrix with diagonal d[0..n) and off-diagonal
/// e[0..n-1) (e[i] couples i and i+1; e must have room for n entries, e[n-1] is scratch).
/// On return d holds the eigenvalues, unsorted, and e is overwritten. When zt is not null,
/// every rotation is also applied to the rows of the row-major n x zt_cols matrix zt (row
/// stride zt_ld): starting from the transposed tridiagonalizing transform, its rows end as the
/// eigenvectors. The entries should be of order one (callers scale by a power of two).
/// O(n^2) without vectors, O(n^2 zt_cols) with. Throws convergence_error after 30 n sweeps.
template <class T>
void tridiagonal_ql(std::size_t n, T* d, T* e, T* zt, std::size_t zt_cols, std::size_t zt_ld,
                    const char* function) {
  if (n <= 1) return;
  constexpr T eps = std::numeric_limits<T>::epsilon() / 2;
  constexpr T safe_min = std::numeric_limits<T>::min();
  const std::size_t max_sweeps = 30 * n;
  std::size_t sweeps = 0;
  e[n - 1] = T(0);
  // Deflate where e is negligible next to the geometric mean of its neighbours: this keeps
  // small eigenvalues of graded matrices to high relative accuracy.
  const auto negligible = [&](std::size_t m) {
    return e[m] * e[m] <= (eps * eps * std::abs(d[m])) * std::abs(d[m + 1]) + safe_min;
  };
  for (std::size_t l = 0; l < n; ++l) {
    for (;;) {
      std::size_t m = l;
      while (m + 1 < n && !negligible(m)) ++m;
      if (m == l) break;
      if (++sweeps > max_sweeps)
        throw convergence_error(std::string(function) + ": the tridiagonal QL iteration did not converge after " +
                                    std::to_string(max_sweeps) + " sweeps",
                                max_sweeps);
      // Wilkinson shift: the eigenvalue of the leading 2x2 block nearer to d[l].
      T g = (d[l + 1] - d[l]) / (T(2) * e[l]);
      T r = std::hypot(g, T(1));
      g = d[m] - d[l] + e[l] / (g + std::copysign(r, g));
      T s = T(1), c = T(1), p = T(0);
      bool underflow = false;
      // Chase the bulge from the bottom of the block to its top.
      for (std::size_t i = m; i-- > l;) {
        const T f = s * e[i];
        const T b = c * e[i];
        r = safe_hypot(f, g);
        e[i + 1] = r;
        if (r == T(0)) {
          // The rotation underflowed: the block has split at i + 1; restart on it.
          d[i + 1] -= p;
          e[m] = T(0);
          underflow = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + T(2) * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        if (zt) rotate_rows(zt_cols, zt + i * zt_ld, zt + (i + 1) * zt_ld, c, -s);
      }
      if (underflow) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = T(0);
    }
  }
}

/// Sorts the eigenvalues d ascending and permutes the rows of zt (if not null) alike.
template <class T>
void sort_ascending(std::size_t n, T* d, T* zt, std::size_t zt_cols, std::size_t zt_ld) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return d[a] < d[b]; });
  std::vector<T> sorted(n);
  for (std::size_t i = 0; i < n; ++i) sorted[i] = d[order[i]];
  std::copy(sorted.begin(), sorted.end(), d);
  if (!zt) return;
  std::vector<T> rows(n * zt_cols);
  for (std::size_t i = 0; i < n; ++i) std::copy_n(zt + order[i] * zt_ld, zt_cols, rows.data() + i * zt_cols);
  for (std::size_t i = 0; i < n; ++i) std::copy_n(rows.data() + i * zt_cols, zt_cols, zt + i * zt_ld);
}

}  // namespace linal::detail
