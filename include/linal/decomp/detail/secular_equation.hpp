#pragma once
/// \file
/// The secular equation of a rank-one modified diagonal matrix, D + rho z z^T: its roots are
/// the eigenvalues that the divide-and-conquer merge of the tridiagonal eigenproblem needs.
///
/// With poles d_0 < d_1 < ... < d_{k-1}, rho > 0 and every z_j nonzero, the function
///     w(lambda) = 1/rho + sum_j z_j^2 / (d_j - lambda)
/// increases from -inf to +inf between consecutive poles, so root i lies in (d_i, d_{i+1}) and
/// the last one in (d_{k-1}, d_{k-1} + rho |z|^2]. Each root is found relative to the pole
/// nearer to it (the origin): lambda = origin + tau, and d_j - lambda is formed as
/// (d_j - origin) - tau, which keeps the distances to the nearby poles accurate to a few ulps
/// of themselves even when the root is very close to a pole. The eigenvector formulas that
/// follow divide by those distances, so this accuracy is what makes them orthogonal.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>

#include "../../core/error.hpp"
#include "../../simd/simd.hpp"

namespace linal::detail {

/// sum z_j^2 / (s_j - tau) and sum z_j^2 / (s_j - tau)^2 over j in [begin, end), where s
/// holds the poles relative to the origin. Independent SIMD partial sums: k of these passes
/// per root is where the merge spends its time outside gemm.
template <class T>
void secular_pole_sums(std::size_t begin, std::size_t end, const T* z, const T* s, T tau, T& value, T& slope) {
  std::size_t j = begin;
  T v = T(0), dv = T(0);
  if constexpr (simd::has_batch<T>) {
    using B = simd::batch<T>;
    constexpr std::size_t w = B::size();
    const B tb(tau);
    B acc(T(0)), dacc(T(0));
    for (; j + w <= end; j += w) {
      const B zj = simd::load(z + j);
      const B t = zj / (simd::load(s + j) - tb);
      acc += zj * t;
      dacc += t * t;
    }
    v = std::experimental::reduce(acc);
    dv = std::experimental::reduce(dacc);
  }
  for (; j < end; ++j) {
    const T t = z[j] / (s[j] - tau);
    v += z[j] * t;
    dv += t * t;
  }
  value = v;
  slope = dv;
}

/// Root i (0 <= i < k) of the secular equation above. Returns lambda_i and leaves
/// delta[j] = d_j - lambda_i for every j, each accurate relative to itself. d ascending with
/// distinct entries, z without zeros, rho > 0 (the merge's deflation guarantees all three).
///
/// Each step replaces w by the rational model c + s/(d_p - x) + S/(d_q - x) that matches its
/// value and slope at the current point, with the poles p, q that bound the root (for the last
/// root, the two largest): the poles on each side are lumped into one, and the model's root
/// in the interval is the next iterate (quadratic convergence, as Li's "middle way"). A step
/// that leaves the bracket known to hold the root is replaced by bisection, so the iteration
/// always ends. Throws convergence_error naming function if it has not met its tolerance (the
/// rounding error bound of w) after 200 steps.
template <class T>
T secular_root(std::size_t k, std::size_t i, const T* d, const T* z, T rho, T* delta, const char* function) {
  constexpr T eps = std::numeric_limits<T>::epsilon() / 2;
  if (k == 1) {
    delta[0] = -rho * z[0] * z[0];
    return d[0] - delta[0];
  }
  const T rho_inv = T(1) / rho;
  const bool last = i + 1 == k;
  // The model's poles p < q; the terms of poles up to p form psi, the rest phi.
  const std::size_t p = last ? k - 2 : i, q = p + 1;
  T origin, tau, lo, hi;
  T psi, dpsi, phi, dphi;
  const auto evaluate = [&] {
    secular_pole_sums(std::size_t(0), q, z, delta, tau, psi, dpsi);
    secular_pole_sums(q, k, z, delta, tau, phi, dphi);
    return rho_inv + psi + phi;
  };
  T w;
  if (last) {
    T z2 = T(0);
    for (std::size_t j = 0; j < k; ++j) z2 += z[j] * z[j];
    origin = d[k - 1];
    for (std::size_t j = 0; j < k; ++j) delta[j] = d[j] - origin;
    lo = T(0);
    hi = rho * z2;
    tau = hi / 2;
    w = evaluate();
  } else {
    // The sign of w at the midpoint tells which pole is nearer to the root.
    const T half_gap = (d[q] - d[p]) / 2;
    origin = d[p];
    for (std::size_t j = 0; j < k; ++j) delta[j] = d[j] - origin;
    tau = half_gap;
    w = evaluate();
    if (w >= T(0)) {
      lo = T(0);
      hi = half_gap;
    } else {
      // The sums are those of the same point; only the frame moves to the upper pole.
      origin = d[q];
      for (std::size_t j = 0; j < k; ++j) delta[j] = d[j] - origin;
      tau = -half_gap;
      lo = -half_gap;
      hi = T(0);
    }
  }
  constexpr std::size_t max_steps = 200;
  for (std::size_t step = 0;; ++step) {
    if (w == T(0)) break;
    if (w < T(0)) lo = std::max(lo, tau);
    else hi = std::min(hi, tau);
    // Rounding error bound of the computed w (each term is off by a few ulps of itself, and
    // the subtraction s_j - tau adds |tau| times the term's slope).
    const T error_bound = eps * (T(8) * (phi - psi) + T(2) * rho_inv + T(3) * std::abs(w) + std::abs(tau) * (dpsi + dphi));
    if (std::abs(w) <= error_bound) break;
    if (hi - lo <= T(4) * eps * std::max(std::abs(lo), std::abs(hi))) break;
    if (step == max_steps)
      throw convergence_error(std::string(function) + ": the secular equation did not converge after " +
                                  std::to_string(max_steps) + " steps",
                              max_steps);
    const T dp = delta[p] - tau, dq = delta[q] - tau;
    const T c = w - dp * dpsi - dq * dphi;
    const T a = (dp + dq) * w - dp * dq * (dpsi + dphi);
    const T b = dp * dq * w;
    const T root = std::sqrt(std::max(a * a - T(4) * b * c, T(0)));
    T eta;
    if (c == T(0)) eta = b / a;
    else if (last) eta = a >= T(0) ? (a + root) / (T(2) * c) : T(2) * b / (a - root);
    else eta = a <= T(0) ? (a - root) / (T(2) * c) : T(2) * b / (a + root);
    T next = tau + eta;
    if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2;
    if (next == tau) break;
    tau = next;
    w = evaluate();
  }
  for (std::size_t j = 0; j < k; ++j) delta[j] -= tau;
  return origin + tau;
}

}  // namespace linal::detail
