#pragma once
// Test matrices, easy and hard, for every factorization's tests (LAPACK's latms in spirit):
// random with a prescribed condition number, rank-deficient, graded, Hilbert, Kahan, symmetric
// positive definite and indefinite, plus scales near underflow and overflow. Built only from
// core types and plain loops, so that no factorization under test is used to make its input.

#include <linal/core.hpp>

#include <cmath>
#include <complex>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace gallery {

template <class T>
using real_of = linal::real_t<T>;

template <class T>
T conj_of(const T& x) {
  if constexpr (linal::is_complex_v<T>) return std::conj(x);
  else return x;
}

/// Standard normal entries (real and imaginary parts for complex T).
template <class T>
linal::Matrix<T> random_matrix(std::size_t m, std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<real_of<T>> normal;
  linal::Matrix<T> a(m, n);
  for (auto& x : a) {
    if constexpr (linal::is_complex_v<T>) x = T(normal(rng), normal(rng));
    else x = normal(rng);
  }
  return a;
}

/// C = A B, plain loops (no dependency on the product kernels under test elsewhere).
template <class T>
linal::Matrix<T> multiply(const linal::Matrix<T>& a, const linal::Matrix<T>& b) {
  linal::Matrix<T> c(a.rows(), b.cols());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t p = 0; p < a.cols(); ++p)
      for (std::size_t j = 0; j < b.cols(); ++j) c(i, j) += a(i, p) * b(p, j);
  return c;
}

/// The conjugate transpose.
template <class T>
linal::Matrix<T> adjoint(const linal::Matrix<T>& a) {
  linal::Matrix<T> t(a.cols(), a.rows());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j) t(j, i) = conj_of(a(i, j));
  return t;
}

/// A random m x n matrix with orthonormal columns (m >= n): the first n columns of a product
/// of n random reflectors, computed in double or complex<double> and rounded to T.
template <class T>
linal::Matrix<T> random_orthonormal(std::size_t m, std::size_t n, std::uint64_t seed) {
  using W = std::conditional_t<linal::is_complex_v<T>, std::complex<double>, double>;
  linal::Matrix<W> q(m, m);
  for (std::size_t i = 0; i < m; ++i) q(i, i) = W(1);
  const auto vs = random_matrix<W>(n, m, seed);
  std::vector<W> w(m);
  for (std::size_t r = 0; r < n; ++r) {
    // Q := Q (I - 2 v v^H / v^H v), v random.
    double vv = 0;
    for (std::size_t j = 0; j < m; ++j) vv += std::norm(vs(r, j));
    if (vv == 0) continue;
    for (std::size_t i = 0; i < m; ++i) {
      W s(0);
      for (std::size_t j = 0; j < m; ++j) s += q(i, j) * vs(r, j);
      w[i] = s * (2.0 / vv);
    }
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < m; ++j) q(i, j) -= w[i] * conj_of(vs(r, j));
  }
  linal::Matrix<T> out(m, n);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      if constexpr (linal::is_complex_v<T>) out(i, j) = T(static_cast<real_of<T>>(q(i, j).real()), static_cast<real_of<T>>(q(i, j).imag()));
      else out(i, j) = static_cast<T>(q(i, j));
    }
  return out;
}

/// U diag(s) V^H with random orthonormal U (m x k), V (n x k), k = min(m, n), and singular
/// values s geometrically spaced from 1 down to 1/cond: condition number cond in the 2-norm.
template <class T>
linal::Matrix<T> with_condition(std::size_t m, std::size_t n, double cond, std::uint64_t seed) {
  const std::size_t k = std::min(m, n);
  auto u = random_orthonormal<T>(m, k, seed);
  const auto v = random_orthonormal<T>(n, k, seed + 1);
  for (std::size_t j = 0; j < k; ++j) {
    const double s = k > 1 ? std::pow(cond, -static_cast<double>(j) / static_cast<double>(k - 1)) : 1.0;
    for (std::size_t i = 0; i < m; ++i) u(i, j) *= static_cast<real_of<T>>(s);
  }
  return multiply(u, adjoint(v));
}

/// A random m x n matrix of the given rank (a product of m x rank and rank x n normals).
template <class T>
linal::Matrix<T> rank_deficient(std::size_t m, std::size_t n, std::size_t rank, std::uint64_t seed) {
  return multiply(random_matrix<T>(m, rank, seed), random_matrix<T>(rank, n, seed + 1));
}

/// Random entries with row i scaled by 10^(-i * decades / m): rows graded over `decades` orders.
template <class T>
linal::Matrix<T> graded(std::size_t m, std::size_t n, double decades, std::uint64_t seed) {
  auto a = random_matrix<T>(m, n, seed);
  for (std::size_t i = 0; i < m; ++i) {
    const auto s = static_cast<real_of<T>>(std::pow(10.0, -decades * static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(m, 1))));
    for (std::size_t j = 0; j < n; ++j) a(i, j) *= s;
  }
  return a;
}

/// The Hilbert matrix 1 / (i + j + 1): symmetric positive definite, famously ill-conditioned.
template <class T>
linal::Matrix<T> hilbert(std::size_t n) {
  linal::Matrix<T> a(n, n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) a(i, j) = T(real_of<T>(1) / static_cast<real_of<T>>(i + j + 1));
  return a;
}

/// Kahan's upper triangular matrix: diag s^i, above it -c s^i (s = sin theta, c = cos theta).
/// Ill-conditioned, yet no pivoting strategy by column norms reveals it.
template <class T>
linal::Matrix<T> kahan(std::size_t n, double theta = 1.2) {
  const double s = std::sin(theta), c = std::cos(theta);
  linal::Matrix<T> a(n, n);
  for (std::size_t i = 0; i < n; ++i) {
    const double si = std::pow(s, static_cast<double>(i));
    a(i, i) = T(static_cast<real_of<T>>(si));
    for (std::size_t j = i + 1; j < n; ++j) a(i, j) = T(static_cast<real_of<T>>(-c * si));
  }
  return a;
}

/// Q diag(w) Q^H with a random unitary Q and eigenvalues w geometric from 1 to 1/cond:
/// Hermitian positive definite with condition number cond.
template <class T>
linal::Matrix<T> spd(std::size_t n, double cond, std::uint64_t seed) {
  auto q = random_orthonormal<T>(n, n, seed);
  auto qd = q;
  for (std::size_t j = 0; j < n; ++j) {
    const double w = n > 1 ? std::pow(cond, -static_cast<double>(j) / static_cast<double>(n - 1)) : 1.0;
    for (std::size_t i = 0; i < n; ++i) qd(i, j) *= static_cast<real_of<T>>(w);
  }
  auto a = multiply(qd, adjoint(q));
  for (std::size_t i = 0; i < n; ++i)  // exactly Hermitian
    for (std::size_t j = 0; j < i; ++j) a(j, i) = conj_of(a(i, j));
  for (std::size_t i = 0; i < n; ++i) a(i, i) = T(linal::real_t<T>(std::real(a(i, i))));
  return a;
}

/// A random Hermitian matrix (normal entries, symmetrized): indefinite for n > 1.
template <class T>
linal::Matrix<T> hermitian(std::size_t n, std::uint64_t seed) {
  auto a = random_matrix<T>(n, n, seed);
  for (std::size_t i = 0; i < n; ++i) {
    a(i, i) = T(linal::real_t<T>(std::real(a(i, i))));
    for (std::size_t j = 0; j < i; ++j) a(j, i) = conj_of(a(i, j));
  }
  return a;
}

/// A scale near underflow (1e-300 for double) and one near overflow (1e300 for double): the
/// entries of a scaled matrix stay normal numbers, but squares of them would not.
template <class T>
real_of<T> tiny_scale() {
  return std::is_same_v<real_of<T>, float> ? real_of<T>(1e-30f) : real_of<T>(1e-300);
}
template <class T>
real_of<T> huge_scale() {
  return std::is_same_v<real_of<T>, float> ? real_of<T>(1e30f) : real_of<T>(1e300);
}

/// a * s, element by element.
template <class T>
linal::Matrix<T> scaled(linal::Matrix<T> a, real_of<T> s) {
  for (auto& x : a) x *= s;
  return a;
}

}  // namespace gallery
