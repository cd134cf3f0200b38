#pragma once
/// \file
/// What the small-matrix QR iterations on an upper Hessenberg matrix share, the real
/// double-shift one (francis_qr) and the complex single-shift one (complex_schur_qr) alike:
/// when a subdiagonal entry is negligible, how many iterations a block may take, and when and
/// from what an exceptional shift is built. The sweeps themselves differ and stay with them.

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>

#include "../../core/error.hpp"

namespace linal::detail {

/// An exceptional shift: value = d + 3/4 s, with d the diagonal entry at one end of the
/// active block and s the size of the subdiagonal entries next to it.
template <class Scalar, class Real>
struct exceptional_shift {
  Scalar value;
  Real size;
};

/// The deflation test, the iteration cap and the exceptional shifts of a QR iteration on an
/// upper Hessenberg n x n matrix with entries of type Scalar, whose sizes magnitude measures
/// (|x| for real entries, |Re z| + |Im z| for complex ones). The entries are read through an
/// accessor h(row, col), so that each solver keeps its own storage.
template <class Scalar, class Magnitude>
class qr_iteration_control {
 public:
  using real_type = std::invoke_result_t<const Magnitude&, const Scalar&>;

  qr_iteration_control(std::size_t n, Magnitude magnitude)
      : magnitude_(magnitude),
        small_(std::numeric_limits<real_type>::min() * (real_type(n) / ulp)),
        max_iterations_(30 * std::max<std::size_t>(10, n)) {}

  /// How many iterations one block may take before the iteration gives up.
  std::size_t max_iterations() const { return max_iterations_; }

  /// The lowest row k of the active block l..i whose subdiagonal entry h(k, k-1) is
  /// negligible, or l when none is. An entry is negligible below the underflow threshold, or
  /// when it is below ulp times its diagonal neighbours and passes Ahues and Tisseur's test,
  /// which keeps small eigenvalues accurate.
  template <class Entry>
  std::size_t deflation_row(const Entry& h, std::size_t l, std::size_t i) const {
    const auto& mag = magnitude_;
    std::size_t k = i;
    for (; k > l; --k) {
      const real_type sub = mag(h(k, k - 1));
      if (sub <= small_) break;
      real_type tst = mag(h(k - 1, k - 1)) + mag(h(k, k));
      if (tst == real_type(0)) {
        if (k >= l + 2) tst += mag(h(k - 1, k - 2));
        if (k + 1 <= i) tst += mag(h(k + 1, k));
      }
      if (sub <= ulp * tst) {
        const real_type sup = mag(h(k - 1, k));
        const real_type ab = std::max(sub, sup), ba = std::min(sub, sup);
        const real_type dkk = mag(h(k - 1, k - 1) - h(k, k));
        const real_type aa = std::max(mag(h(k, k)), dkk), bb = std::min(mag(h(k, k)), dkk);
        const real_type s = aa + ab;
        if (ba * (ab / s) <= std::max(small_, ulp * (bb * (aa / s)))) break;
      }
    }
    return k;
  }

  /// Iterations 10 and 20 of a block take an exceptional shift instead of the standard one,
  /// to break the rare cycles of the latter: from the top of the active block l..i at
  /// iteration 10, from its bottom at iteration 20, sized by the `span` (one or two)
  /// subdiagonal entries nearest that end. Empty at every other iteration.
  template <class Entry>
  std::optional<exceptional_shift<Scalar, real_type>> exceptional_shift_at(const Entry& h, std::size_t its,
                                                                           std::size_t l, std::size_t i,
                                                                           std::size_t span) const {
    if (its != 10 && its != 20) return std::nullopt;
    const bool top = its == 10;
    real_type size(0);
    for (std::size_t r = 0; r < span; ++r) size += top ? magnitude_(h(l + r + 1, l + r)) : magnitude_(h(i - r, i - r - 1));
    const Scalar diagonal = top ? h(l, l) : h(i, i);
    return exceptional_shift<Scalar, real_type>{diagonal + real_type(0.75) * size, size};
  }

  /// Throws convergence_error for a block that did not converge within max_iterations();
  /// iteration names the method in the message.
  [[noreturn]] void give_up(const char* function, const char* iteration) const {
    throw convergence_error(std::string(function) + ": the " + iteration + " did not converge after " +
                                std::to_string(max_iterations_) + " iterations on one block",
                            max_iterations_);
  }

 private:
  static constexpr real_type ulp = std::numeric_limits<real_type>::epsilon();
  Magnitude magnitude_;
  real_type small_;
  std::size_t max_iterations_;
};

}  // namespace linal::detail
