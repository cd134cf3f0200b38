#pragma once
/// \file
/// Cuppen's divide and conquer for the symmetric tridiagonal eigenproblem, with the
/// Gu-Eisenstat eigenvectors: the tridiagonal stage of eigh for large matrices.
///
/// Tearing out the coupling beta between rows m-1 and m writes T = diag(T1, T2) + rho v v^T
/// (v = (e_{m-1} + sign(beta) e_m)/sqrt(2), rho = 2|beta|, and |beta| taken off the two
/// diagonal entries it touched). With T1 = Q1 D1 Q1^T and T2 = Q2 D2 Q2^T solved recursively,
/// T = Q (D + rho z z^T) Q^T with Q = diag(Q1, Q2) and z = Q^T v, so the merge only has to
/// diagonalize a rank-one modification of a diagonal matrix:
/// - deflation: a negligible z_j leaves (d_j, q_j) an eigenpair, and two poles closer than the
///   tolerance are merged by a plane rotation that zeroes one of their z entries;
/// - the k remaining eigenvalues are the roots of the secular equation (secular_equation.hpp);
/// - z is recomputed from the computed roots (Loewner's formula, as Gu and Eisenstat), so that
///   the vectors u_i = (D - lambda_i)^{-1} z are numerically orthogonal whatever the roots'
///   errors;
/// - the new eigenvectors Q U come from two gemm calls, one per half of Q: the columns of Q1
///   and Q2 that no deflation rotation mixed have zeros in the other half, and are grouped so
///   that the products skip them.
/// Subproblems of at most 25 rows are solved by implicit QL.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <numeric>
#include <vector>

#include "../../kernels/gemm.hpp"
#include "plane_rotation.hpp"
#include "secular_equation.hpp"
#include "tridiagonal.hpp"

namespace linal::detail {

/// The divide-and-conquer solver for one tridiagonal matrix of order n, its scratch sized once
/// for the top-level merge: two n x n blocks, the merge's gemm operands.
template <class T>
class tridiagonal_divide_conquer {
 public:
  /// Subproblems of this order or less go to implicit QL (LAPACK's choice too).
  static constexpr std::size_t leaf_order = 25;

  /// d (n) diagonal and e (n entries, e[i] couples i and i+1, e[n-1] scratch) on entry, and
  /// zeros in the n x n block zt (row stride ld); on return d holds the eigenvalues ascending,
  /// e is overwritten and row j of zt is the unit eigenvector of d[j]. The entries should be of order one (callers
  /// scale by a power of two). About 4/3 n^3 flops in gemm for a matrix without deflation,
  /// fewer with it; O(n^2) per merge outside gemm. Throws convergence_error naming function.
  static void solve(std::size_t n, T* d, T* e, T* zt, std::size_t ld, const char* function) {
    tridiagonal_divide_conquer solver(n, d, e, zt, ld, function);
    solver.divide(0, n);
    if (n <= leaf_order) sort_ascending(n, d, zt, n, ld);
  }

 private:
  // Which half of the merged block a vector is supported on: the grouping of the gemm.
  enum class support : unsigned char { upper, both, lower };

  tridiagonal_divide_conquer(std::size_t n, T* d, T* e, T* zt, std::size_t ld, const char* function)
      : d_(d), e_(e), zt_(zt), ld_(ld), function_(function), z_(n), order_(n), values_(n), kept_(n),
        deflated_(n), compact_(new T[n * n]), weights_(new T[n * n]) {}

  void divide(std::size_t lo, std::size_t size) {
    if (size <= leaf_order) {
      T* block = zt_ + lo * ld_ + lo;
      for (std::size_t i = 0; i < size; ++i) block[i * ld_ + i] = T(1);
      tridiagonal_ql(size, d_ + lo, e_ + lo, block, size, ld_, function_);
      return;
    }
    const std::size_t upper = size / 2;
    const T beta = e_[lo + upper - 1];
    d_[lo + upper - 1] -= std::abs(beta);
    d_[lo + upper] -= std::abs(beta);
    divide(lo, upper);
    divide(lo + upper, size - upper);
    merge(lo, size, upper, beta);
  }

  // One pole of the rank-one problem that survived deflation.
  struct pole {
    T value;
    T z;
    std::size_t row_in_block;  // where its vector is in the block
    support where;
    std::size_t row;  // where its vector is in compact_
  };
  // An eigenpair found by deflation.
  struct deflated_pair {
    T value;
    std::size_t row;
  };

  /// Merges the solved halves of the block of order size at lo, the upper one of order upper,
  /// that beta coupled.
  void merge(std::size_t lo, std::size_t size, std::size_t upper, T beta) {
    constexpr T eps = std::numeric_limits<T>::epsilon() / 2;
    T* d = d_ + lo;
    T* block = zt_ + lo * ld_ + lo;
    const T rho = T(2) * std::abs(beta);
    const T sign = beta < T(0) ? T(-1) : T(1);
    const T root_half = std::sqrt(T(0.5));
    T largest = T(0);
    for (std::size_t j = 0; j < size; ++j) {
      const T* row = block + j * ld_;
      z_[j] = (row[upper - 1] + sign * row[upper]) * root_half;
      largest = std::max({largest, std::abs(d[j]), std::abs(z_[j])});
    }
    const T tol = T(8) * eps * largest;
    std::iota(order_.begin(), order_.begin() + static_cast<std::ptrdiff_t>(size), std::size_t(0));
    std::sort(order_.begin(), order_.begin() + static_cast<std::ptrdiff_t>(size),
              [&](std::size_t a, std::size_t b) { return d[a] < d[b]; });

    // Deflation, in ascending order of the poles. The last pole kept so far stays a
    // candidate until the next one shows whether the two are too close to be told apart.
    std::size_t kept = 0, deflated = 0;
    bool have_candidate = false;
    pole candidate{};
    for (std::size_t t = 0; t < size; ++t) {
      const std::size_t j = order_[t];
      pole next{d[j], z_[j], j, j < upper ? support::upper : support::lower, 0};
      if (rho * std::abs(next.z) <= tol) {
        deflated_[deflated++] = {next.value, j};
        continue;
      }
      if (have_candidate) {
        // The rotation in the plane of the two vectors that moves all of z onto the second.
        const T r = safe_hypot(candidate.z, next.z);
        const T c = next.z / r, s = candidate.z / r;
        if (std::abs(c * s * (next.value - candidate.value)) <= tol) {
          rotate_rows(size, block + candidate.row_in_block * ld_, block + next.row_in_block * ld_, c, -s);
          const T value = c * c * candidate.value + s * s * next.value;
          next.value = s * s * candidate.value + c * c * next.value;
          next.z = r;
          if (candidate.where != next.where) next.where = support::both;
          deflated_[deflated++] = {value, candidate.row_in_block};
        } else {
          kept_[kept++] = candidate;
        }
      }
      candidate = next;
      have_candidate = true;
    }
    if (have_candidate) kept_[kept++] = candidate;

    // The block's rows are gathered into compact_ (kept ones first, grouped by support, then
    // the deflated ones), so the new vectors can overwrite the block.
    T* compact = compact_.get();
    std::size_t counts[3] = {0, 0, 0};
    for (std::size_t j = 0; j < kept; ++j) ++counts[static_cast<int>(kept_[j].where)];
    std::size_t next[3] = {0, counts[0], counts[0] + counts[1]};
    for (std::size_t j = 0; j < kept; ++j) {
      kept_[j].row = next[static_cast<int>(kept_[j].where)]++;
      std::copy_n(block + kept_[j].row_in_block * ld_, size, compact + kept_[j].row * size);
    }
    for (std::size_t r = 0; r < deflated; ++r)
      std::copy_n(block + deflated_[r].row * ld_, size, compact + (kept + r) * size);
    if (kept > 0) solve_rank_one(size, upper, kept, counts, rho, block);
    for (std::size_t r = 0; r < deflated; ++r) {
      std::copy_n(compact + (kept + r) * size, size, block + (kept + r) * ld_);
      values_[kept + r] = deflated_[r].value;
    }

    // The roots come out ascending; the deflated values are sorted and merged with them.
    std::vector<std::size_t>& rank = order_;
    std::iota(rank.begin(), rank.begin() + static_cast<std::ptrdiff_t>(size), std::size_t(0));
    const auto by_value = [&](std::size_t a, std::size_t b) { return values_[a] < values_[b]; };
    std::sort(rank.begin() + static_cast<std::ptrdiff_t>(kept), rank.begin() + static_cast<std::ptrdiff_t>(size),
              by_value);
    std::inplace_merge(rank.begin(), rank.begin() + static_cast<std::ptrdiff_t>(kept),
                       rank.begin() + static_cast<std::ptrdiff_t>(size), by_value);
    for (std::size_t r = 0; r < size; ++r) d[r] = values_[rank[r]];
    permute_rows(size, rank, block);
  }

  /// Row r of the block (order size) becomes its row rank[r], cycle by cycle through one
  /// spare row; rank is left scrambled.
  void permute_rows(std::size_t size, std::vector<std::size_t>& rank, T* block) {
    T* spare = compact_.get();
    for (std::size_t start = 0; start < size; ++start) {
      if (rank[start] == start) continue;
      std::copy_n(block + start * ld_, size, spare);
      std::size_t to = start;
      for (;;) {
        const std::size_t from = rank[to];
        rank[to] = to;
        if (from == start) {
          std::copy_n(spare, size, block + to * ld_);
          break;
        }
        std::copy_n(block + from * ld_, size, block + to * ld_);
        to = from;
      }
    }
  }

  /// The kept poles' rank-one problem: its eigenvalues into values_[0..k) (ascending) and the
  /// corresponding eigenvectors of the block, Q U, into rows 0..k of the block, from the rows
  /// of Q gathered in compact_ (counts: how many of them are supported on the upper half only,
  /// on both, on the lower half only, in that order).
  void solve_rank_one(std::size_t size, std::size_t upper, std::size_t k, const std::size_t (&counts)[3], T rho,
                      T* block) {
    std::vector<T> poles(k), z(k);
    for (std::size_t j = 0; j < k; ++j) {
      poles[j] = kept_[j].value;
      z[j] = kept_[j].z;
    }
    T* delta = weights_.get();
    for (std::size_t i = 0; i < k; ++i)
      values_[i] = secular_root(k, i, poles.data(), z.data(), rho, delta + i * k, function_);

    // Loewner: the z for which the computed roots are exact, from
    // z_j^2 = prod_i (lambda_i - d_j) / (rho prod_{i != j} (d_i - d_j)); every factor is
    // positive because the roots interlace the poles.
    std::vector<T>& zhat = z_;
    for (std::size_t j = 0; j < k; ++j) zhat[j] = -delta[j * k + j] / rho;
    for (std::size_t i = 0; i < k; ++i) {
      const T* row = delta + i * k;
      for (std::size_t j = 0; j < i; ++j) zhat[j] *= row[j] / (poles[j] - poles[i]);
      for (std::size_t j = i + 1; j < k; ++j) zhat[j] *= row[j] / (poles[j] - poles[i]);
    }
    for (std::size_t j = 0; j < k; ++j) zhat[j] = std::copysign(std::sqrt(std::abs(zhat[j])), z[j]);

    // Row i of weights (in place of delta) is u_i = (D - lambda_i)^{-1} zhat, normalized, its
    // entries in the order of the rows of Q in compact_.
    T* weights = weights_.get();
    std::vector<T> u(k);
    for (std::size_t i = 0; i < k; ++i) {
      T* w = weights + i * k;
      T norm2 = T(0);
      for (std::size_t j = 0; j < k; ++j) {
        u[j] = zhat[j] / w[j];
        norm2 += u[j] * u[j];
      }
      const T scale = T(1) / std::sqrt(norm2);
      for (std::size_t j = 0; j < k; ++j) w[kept_[j].row] = u[j] * scale;
    }

    // New vector i = sum_j u_i[j] q_j, split by halves: columns [0, upper) only involve the
    // vectors supported there, columns [upper, size) the others.
    const T* compact = compact_.get();
    const auto lk = static_cast<std::ptrdiff_t>(k), ls = static_cast<std::ptrdiff_t>(size), one = std::ptrdiff_t(1);
    const auto ld = static_cast<std::ptrdiff_t>(ld_);
    const std::size_t with_upper = counts[0] + counts[1];
    const std::size_t with_lower = counts[1] + counts[2];
    kernels::gemm(k, upper, with_upper, T(1), weights, lk, one, compact, ls, one, T(0), block, ld, one);
    kernels::gemm(k, size - upper, with_lower, T(1), weights + counts[0], lk, one, compact + counts[0] * size + upper,
                  ls, one, T(0), block + upper, ld, one);
  }

  T* d_;
  T* e_;
  T* zt_;
  std::size_t ld_;
  const char* function_;
  std::vector<T> z_;
  std::vector<std::size_t> order_;
  std::vector<T> values_;
  std::vector<pole> kept_;
  std::vector<deflated_pair> deflated_;
  // Scratch that every merge writes before it reads: left uninitialized.
  std::unique_ptr<T[]> compact_, weights_;
};

}  // namespace linal::detail
