#pragma once
/// \file
/// Singular values and vectors of a real upper bidiagonal matrix by divide and conquer (Gu and
/// Eisenstat's method, the one behind LAPACK's bdsdc), the middle stage of svd for all but the
/// smallest matrices. The matrix is split at a middle row, both halves are solved recursively
/// (bidiagonal_qr below a few dozen rows), and the halves are merged through the SVD of a
/// "broken arrow" matrix [z^T; 0 D]: its singular values are the roots of a secular equation,
/// solved one by one next to the nearer pole, and its vectors come in closed form from a z
/// recomputed out of those roots, which keeps them orthogonal to working precision. Each merge
/// then costs two matrix products per factor, through kernels::gemm. Singular values are
/// accurate to about eps times the largest one (not to high relative accuracy, as the bidiagonal
/// QR iteration is), because deflation and the merges use an absolute tolerance.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <vector>

#include "../../kernels/gemm.hpp"
#include "bidiagonal.hpp"
#include "plane_rotation.hpp"

namespace linal::detail {

/// Subproblems of at most this many rows go to bidiagonal_qr.
inline constexpr std::size_t bidiagonal_leaf_rows = 25;

/// A root s of the secular equation, kept as s^2 = d[pole]^2 + w relative to its nearer pole so
/// that every difference d_j^2 - s^2 can be formed without cancellation.
template <class T>
struct singular_secular_root {
  std::size_t pole;
  T w;
};

/// d_j^2 - s^2 for the root s given relative to its pole.
template <class T>
T singular_secular_gap(const T* d, std::size_t j, const singular_secular_root<T>& root) {
  return (d[j] - d[root.pole]) * (d[j] + d[root.pole]) - root.w;
}

/// The root in (lo, hi) of c x^2 + b x + g, or NaN when rounding put none there.
template <class T>
T singular_secular_quadratic_root(T c, T b, T g, T lo, T hi) {
  const auto inside = [&](T x) { return x > lo && x < hi; };
  if (c == T(0)) {
    const T x = -g / b;
    return inside(x) ? x : std::numeric_limits<T>::quiet_NaN();
  }
  const T root_disc = std::sqrt(std::max(b * b - T(4) * c * g, T(0)));
  // The two roots, each from the formula that does not cancel.
  const T q = -(b + std::copysign(root_disc, b)) / T(2);
  const T x1 = q / c;
  const T x2 = q != T(0) ? g / q : x1;
  if (inside(x1)) return x1;
  if (inside(x2)) return x2;
  return std::numeric_limits<T>::quiet_NaN();
}

/// Root i (ascending, i < k) of f(s) = 1 + sum_j z_j^2 / (d_j^2 - s^2), for poles 0 = d_0 <
/// d_1 < ... < d_{k-1} and z_j != 0; zz is sum_j z_j^2. Root i lies in (d_i, d_{i+1}) (the last
/// one in (d_{k-1}, sqrt(d_{k-1}^2 + zz))). Each step fits f by two simple poles matched in
/// value and slope (the poles on either side of the root) and takes the fit's root, inside a
/// bracket that bisection falls back on; it stops when f is below its rounding error.
template <class T>
singular_secular_root<T> solve_singular_secular(std::size_t k, const T* d, const T* z, std::size_t i, T zz) {
  constexpr T eps = std::numeric_limits<T>::epsilon() / 2;
  const bool last = i + 1 == k;
  singular_secular_root<T> root{i, T(0)};
  // psi: the terms of poles at or below d_i (for the last root: all but the last pole); phi: the rest.
  T psi = 0, dpsi = 0, phi = 0, dphi = 0, f = 0;
  const auto evaluate = [&] {
    psi = dpsi = phi = dphi = T(0);
    const std::size_t split = last ? k - 1 : i + 1;
    for (std::size_t j = 0; j < split; ++j) {
      const T t = z[j] / singular_secular_gap(d, j, root);
      psi += z[j] * t;
      dpsi += t * t;
    }
    for (std::size_t j = split; j < k; ++j) {
      const T t = z[j] / singular_secular_gap(d, j, root);
      phi += z[j] * t;
      dphi += t * t;
    }
    f = T(1) + psi + phi;
  };
  // Bracket (lo, hi) for w; the gap between the two poles of the interval, in squares.
  T lo, hi, gap;
  if (!last) {
    gap = (d[i + 1] - d[i]) * (d[i + 1] + d[i]);
    root.w = gap / 2;
    evaluate();
    if (f >= T(0)) {
      lo = T(0);
      hi = gap / 2;
    } else {
      root = {i + 1, -gap / 2};
      lo = -gap / 2;
      hi = T(0);
    }
  } else {
    gap = (d[i] - d[i - 1]) * (d[i] + d[i - 1]);
    lo = T(0);
    hi = zz;
  }
  root.w = (lo + hi) / 2;
  for (int step = 0; step < 100; ++step) {
    evaluate();
    if (std::abs(f) <= T(8) * eps * (T(1) + std::abs(psi) + std::abs(phi))) break;
    if (f < T(0))
      lo = root.w;
    else
      hi = root.w;
    if (hi - lo <= T(4) * eps * std::max(std::abs(lo), std::abs(hi))) break;
    // The fit, in x = the new d_p^2 - s^2 = -w: c + b1 / x_low + b2 / x_high = 0, where the pole
    // below and the pole above are x_low and x_high away.
    T x = std::numeric_limits<T>::quiet_NaN();
    if (!last) {
      const T below = singular_secular_gap(d, i, root), above = singular_secular_gap(d, i + 1, root);
      const T b1 = dpsi * below * below, b2 = dphi * above * above;
      const T c = T(1) + (psi - dpsi * below) + (phi - dphi * above);
      if (root.pole == i)  // x_low = x, x_high = x + gap, x in (-gap, 0)
        x = singular_secular_quadratic_root(c, c * gap + b1 + b2, b1 * gap, -hi, -lo);
      else  // x_low = x - gap, x_high = x, x in (0, gap)
        x = singular_secular_quadratic_root(c, b1 + b2 - c * gap, -b2 * gap, -hi, -lo);
    } else {
      // The last pole's term is exact; the others are fitted by one pole at d_{k-2}.
      const T below = singular_secular_gap(d, k - 2, root);
      const T b1 = dpsi * below * below, b2 = z[k - 1] * z[k - 1];
      const T c = T(1) + (psi - dpsi * below);
      x = singular_secular_quadratic_root(c, b1 + b2 - c * gap, -b2 * gap, -hi, -lo);
    }
    root.w = std::isnan(x) ? (lo + hi) / 2 : -x;
  }
  return root;
}

/// The divide and conquer solver for one upper bidiagonal matrix of order n with diagonal d and
/// superdiagonal e; u and v are n x n, row-major. A subproblem is rows [first, first + r) and
/// columns [first, first + c), c = r or r + 1 (rows above a split row carry that row's diagonal
/// entry in an extra column). Solving it leaves its singular values in d[first ...], its left
/// vectors as the columns of u's r x r diagonal block and its right vectors as the first r
/// columns of v's c x c diagonal block, whose last column (when c = r + 1) spans the null space.
template <class T>
class bidiagonal_divide_conquer {
 public:
  bidiagonal_divide_conquer(std::size_t n, T* d, T* e, T* u, T* v, const char* function)
      : n_(n), d_(d), e_(e), u_(u), v_(v), function_(function) {}

  void solve(std::size_t first, std::size_t r, std::size_t c) {
    if (r <= bidiagonal_leaf_rows) {
      leaf(first, r, c);
      return;
    }
    const std::size_t k = r / 2;
    solve(first, k, k + 1);
    solve(first + k + 1, r - k - 1, c - k - 1);
    merge(first, r, c, k);
  }

 private:
  T& u(std::size_t first, std::size_t i, std::size_t j) { return u_[(first + i) * n_ + first + j]; }
  T& v(std::size_t first, std::size_t i, std::size_t j) { return v_[(first + i) * n_ + first + j]; }

  /// A small subproblem by bidiagonal QR, after rotations from the right have chased the extra
  /// column's entry up and out (c = r + 1).
  void leaf(std::size_t first, std::size_t r, std::size_t c) {
    T* d = d_ + first;
    T* e = e_ + first;
    std::vector<T> vt(c * c, T(0)), ut(r * r, T(0));  // rows are vectors
    for (std::size_t i = 0; i < c; ++i) vt[i * c + i] = T(1);
    for (std::size_t i = 0; i < r; ++i) ut[i * r + i] = T(1);
    if (c > r) {
      T f = e[r - 1];
      for (std::size_t i = r; i-- > 0;) {
        const auto g = make_rotation(d[i], f);
        d[i] = g.r;
        rotate_rows(c, vt.data() + i * c, vt.data() + r * c, g.c, g.s);
        if (i > 0) {
          f = -g.s * e[i - 1];
          e[i - 1] *= g.c;
        }
      }
    }
    bidiagonal_qr(r, d, e, vt.data(), c, c, ut.data(), r, r, function_);
    for (std::size_t j = 0; j < r; ++j)
      if (d[j] < T(0)) {
        d[j] = -d[j];
        for (std::size_t i = 0; i < c; ++i) vt[j * c + i] = -vt[j * c + i];
      }
    for (std::size_t i = 0; i < r; ++i)
      for (std::size_t j = 0; j < r; ++j) u(first, i, j) = ut[j * r + i];
    for (std::size_t i = 0; i < c; ++i)
      for (std::size_t j = 0; j < c; ++j) v(first, i, j) = vt[j * c + i];
  }

  /// Merges the solved halves above and below row k of the subproblem: B = U M V^T with U and V
  /// the halves' vectors and M = [z^T; 0 D] up to a permutation, then the SVD of M.
  void merge(std::size_t first, std::size_t r, std::size_t c, std::size_t k) {
    constexpr T eps = std::numeric_limits<T>::epsilon() / 2;
    const std::size_t r2 = r - k - 1, c2 = c - k - 1;
    const T alpha = d_[first + k], beta = e_[first + k];
    // Poles: 0 is the null direction (d = 0), 1..k the upper half's values, then the lower's.
    // Each keeps its left vector (r entries) and right vector (c entries) as a row.
    std::vector<T> pd(r), pz(r), uc(r * r, T(0)), vc(r * c, T(0)), null_vector(c, T(0));
    std::vector<int> side(r);  // 0 upper rows only, 2 lower rows only, 1 both
    T scale = std::max(std::abs(alpha), std::abs(beta));
    for (std::size_t j = 0; j < r; ++j)
      if (j != k) scale = std::max(scale, d_[first + j]);
    if (scale == T(0)) scale = T(1);

    pd[0] = T(0);
    uc[k] = T(1);
    side[0] = 1;
    for (std::size_t i = 0; i <= k; ++i) vc[i] = v(first, i, k);
    pz[0] = alpha * v(first, k, k) / scale;
    if (c2 > r2) {
      // Both halves have a null direction: one rotation leaves a single one coupled to row k.
      const auto g = make_rotation(pz[0], beta * v(first, k + 1, k + 1 + r2) / scale);
      pz[0] = g.r;
      for (std::size_t i = 0; i < c2; ++i) vc[k + 1 + i] = v(first, k + 1 + i, k + 1 + r2);
      for (std::size_t i = 0; i <= k; ++i) null_vector[i] = vc[i];
      for (std::size_t i = k + 1; i < c; ++i) null_vector[i] = vc[i];
      for (std::size_t i = 0; i <= k; ++i) {
        vc[i] *= g.c;
        null_vector[i] *= -g.s;
      }
      for (std::size_t i = k + 1; i < c; ++i) {
        vc[i] *= g.s;
        null_vector[i] *= g.c;
      }
    }
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t p = 1 + j;
      pd[p] = d_[first + j] / scale;
      pz[p] = alpha * v(first, k, j) / scale;
      side[p] = 0;
      for (std::size_t i = 0; i < k; ++i) uc[p * r + i] = u(first, i, j);
      for (std::size_t i = 0; i <= k; ++i) vc[p * c + i] = v(first, i, j);
    }
    for (std::size_t j = 0; j < r2; ++j) {
      const std::size_t p = 1 + k + j;
      pd[p] = d_[first + k + 1 + j] / scale;
      pz[p] = beta * v(first, k + 1, k + 1 + j) / scale;
      side[p] = 2;
      for (std::size_t i = 0; i < r2; ++i) uc[p * r + k + 1 + i] = u(first, k + 1 + i, k + 1 + j);
      for (std::size_t i = 0; i < c2; ++i) vc[p * c + k + 1 + i] = v(first, k + 1 + i, k + 1 + j);
    }

    // Deflation, in ascending order of the poles: a negligible z_j leaves d_j exact; a d_j next
    // to zero is rotated into the null direction; two d_j closer than tol are rotated so that one
    // of them loses its z. Each changes B by at most tol.
    std::vector<std::size_t> order(r - 1);
    std::iota(order.begin(), order.end(), std::size_t{1});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pd[a] < pd[b]; });
    const T tol = T(8) * eps;
    std::vector<std::size_t> kept{0}, deflated;
    for (const std::size_t p : order) {
      if (std::abs(pz[p]) <= tol) {
        deflated.push_back(p);
      } else if (pd[p] <= tol) {
        const auto g = make_rotation(pz[0], pz[p]);
        pz[0] = g.r;
        rotate_rows(c, vc.data(), vc.data() + p * c, g.c, g.s);
        pd[p] *= g.c;
        deflated.push_back(p);
      } else if (kept.size() > 1 && pd[p] - pd[kept.back()] <= tol) {
        const std::size_t q = kept.back();
        const auto g = make_rotation(pz[p], pz[q]);
        pz[p] = g.r;
        rotate_rows(r, uc.data() + p * r, uc.data() + q * r, g.c, g.s);
        rotate_rows(c, vc.data() + p * c, vc.data() + q * c, g.c, g.s);
        if (side[p] != side[q]) side[p] = side[q] = 1;
        kept.back() = p;
        deflated.push_back(q);
      } else {
        kept.push_back(p);
      }
    }

    // The kept part of M: its singular values (ascending) and vectors, in the basis of the poles.
    const std::size_t nk = kept.size();
    std::vector<T> dk(nk), zk(nk), um(nk * nk), vm(nk * nk), sigma(nk);  // um, vm: row = pole
    for (std::size_t j = 0; j < nk; ++j) dk[j] = pd[kept[j]];
    if (nk == 1) {
      sigma[0] = std::abs(pz[0]);
      um[0] = T(1);
      vm[0] = pz[0] < T(0) ? T(-1) : T(1);
    } else {
      if (std::abs(pz[0]) <= tol) pz[0] = std::copysign(tol, pz[0]);
      T zz = T(0);
      for (std::size_t j = 0; j < nk; ++j) {
        zk[j] = pz[kept[j]];
        zz += zk[j] * zk[j];
      }
      std::vector<singular_secular_root<T>> roots(nk);
      for (std::size_t i = 0; i < nk; ++i) {
        roots[i] = solve_singular_secular(nk, dk.data(), zk.data(), i, zz);
        sigma[i] = std::sqrt(dk[roots[i].pole] * dk[roots[i].pole] + roots[i].w);
      }
      // z recomputed from the roots (Loewner's formula), so that the vectors below are exactly
      // those of a matrix near M and orthogonal to working precision.
      for (std::size_t j = 0; j < nk; ++j) {
        T product = -singular_secular_gap(dk.data(), j, roots[nk - 1]);
        for (std::size_t i = 0; i < j; ++i)
          product *= singular_secular_gap(dk.data(), j, roots[i]) / ((dk[j] - dk[i]) * (dk[j] + dk[i]));
        for (std::size_t i = j; i + 1 < nk; ++i)
          product *= singular_secular_gap(dk.data(), j, roots[i]) / ((dk[j] - dk[i + 1]) * (dk[j] + dk[i + 1]));
        zk[j] = std::copysign(std::sqrt(std::abs(product)), zk[j]);
      }
      // Right vector i: z_j / (d_j^2 - s_i^2); left vector i: -1, then d_j z_j / (d_j^2 - s_i^2).
      for (std::size_t i = 0; i < nk; ++i) {
        T vnorm = T(0), unorm = T(1);
        for (std::size_t j = 0; j < nk; ++j) {
          const T t = zk[j] / singular_secular_gap(dk.data(), j, roots[i]);
          vm[j * nk + i] = t;
          vnorm += t * t;
          if (j > 0) {
            um[j * nk + i] = dk[j] * t;
            unorm += dk[j] * t * dk[j] * t;
          }
        }
        um[i] = T(-1);
        vnorm = T(1) / std::sqrt(vnorm);
        unorm = T(1) / std::sqrt(unorm);
        for (std::size_t j = 0; j < nk; ++j) {
          vm[j * nk + i] *= vnorm;
          um[j * nk + i] *= unorm;
        }
      }
    }

    // New vectors: the kept poles' vectors times the small factors, in two products per factor,
    // one over the rows of each half, each over only the poles with entries in those rows.
    std::vector<std::size_t> upper, lower;  // positions in `kept`
    for (std::size_t j = 1; j < nk; ++j) {
      if (side[kept[j]] != 2) upper.push_back(j);
      if (side[kept[j]] != 0) lower.push_back(j);
    }
    std::vector<T> a, b;
    const auto multiply = [&](const std::vector<T>& vectors, std::size_t length, std::size_t row0, std::size_t rows,
                              const std::vector<std::size_t>& poles, const std::vector<T>& small, T* out) {
      const std::size_t q = poles.size();
      a.resize(rows * q);
      b.resize(q * nk);
      for (std::size_t l = 0; l < q; ++l) {
        const T* x = vectors.data() + kept[poles[l]] * length + row0;
        for (std::size_t i = 0; i < rows; ++i) a[i * q + l] = x[i];
        std::copy_n(small.data() + poles[l] * nk, nk, b.data() + l * nk);
      }
      kernels::gemm(rows, nk, q, T(1), a.data(), static_cast<std::ptrdiff_t>(q), std::ptrdiff_t(1), b.data(),
                    static_cast<std::ptrdiff_t>(nk), std::ptrdiff_t(1), T(0), out, static_cast<std::ptrdiff_t>(n_),
                    std::ptrdiff_t(1));
    };
    multiply(uc, r, 0, k, upper, um, &u(first, 0, 0));
    std::copy_n(um.data(), nk, &u(first, k, 0));
    multiply(uc, r, k + 1, r2, lower, um, &u(first, k + 1, 0));
    upper.insert(upper.begin(), 0);
    lower.insert(lower.begin(), 0);
    multiply(vc, c, 0, k + 1, upper, vm, &v(first, 0, 0));
    multiply(vc, c, k + 1, c2, lower, vm, &v(first, k + 1, 0));

    for (std::size_t i = 0; i < nk; ++i) d_[first + i] = sigma[i] * scale;
    for (std::size_t l = 0; l < deflated.size(); ++l) {
      const std::size_t p = deflated[l], j = nk + l;
      d_[first + j] = pd[p] * scale;
      for (std::size_t i = 0; i < r; ++i) u(first, i, j) = uc[p * r + i];
      for (std::size_t i = 0; i < c; ++i) v(first, i, j) = vc[p * c + i];
    }
    if (c > r)
      for (std::size_t i = 0; i < c; ++i) v(first, i, r) = null_vector[i];
  }

  std::size_t n_;
  T *d_, *e_, *u_, *v_;
  const char* function_;
};

/// The SVD B = U diag(d) V^T of the n x n upper bidiagonal matrix with diagonal d and
/// superdiagonal e (n - 1 entries) by divide and conquer: d ends non-negative and descending,
/// row i of ut (n x n) holds left vector i and row i of vt right vector i. The entries should be
/// of order one. O(n^3) flops at most, 8/3 n^3 without deflation, nearly all in kernels::gemm;
/// fewer when the merges deflate. Throws convergence_error as bidiagonal_qr.
template <class T>
void bidiagonal_svd_divide_conquer(std::size_t n, T* d, T* e, T* ut, T* vt, const char* function) {
  std::vector<T> u(n * n), v(n * n);
  bidiagonal_divide_conquer<T>(n, d, e, u.data(), v.data(), function).solve(0, n, n);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return d[a] > d[b]; });
  std::vector<T> sorted(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t j = order[i];
    sorted[i] = d[j];
    for (std::size_t l = 0; l < n; ++l) {
      ut[i * n + l] = u[l * n + j];
      vt[i * n + l] = v[l * n + j];
    }
  }
  std::copy(sorted.begin(), sorted.end(), d);
}

}  // namespace linal::detail
