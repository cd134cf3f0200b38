#pragma once
/// \file
/// What every spectral routine does before it iterates: refuse NaN and infinity (they would
/// make the iterations loop or return garbage) and find a power-of-two scale that brings the
/// largest entry to order one, so that no intermediate overflows or underflows. Scaling by a
/// power of two is exact.

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <string>

#include "../../core/error.hpp"

namespace linal::detail {

/// Largest |a_ij| of the rows x cols row-major block (row stride ld); throws non_finite_error
/// naming function when an entry is NaN or infinite. With lower_only, only j <= i is read.
template <class T>
T checked_max_abs(const char* function, const T* a, std::size_t rows, std::size_t cols, std::size_t ld,
                  bool lower_only = false) {
  T largest = T(0);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::size_t end = lower_only ? std::min(cols, i + 1) : cols;
    for (std::size_t j = 0; j < end; ++j) {
      const T x = a[i * ld + j];
      if (!std::isfinite(x))
        throw non_finite_error(detail::non_finite_message(function, "a", i, j));
      largest = std::max(largest, std::abs(x));
    }
  }
  return largest;
}

/// The same for a complex block, measuring each entry by max(|Re a_ij|, |Im a_ij|): within a
/// factor sqrt(2) of its modulus, enough to choose a scale, and it cannot overflow.
template <class T>
T checked_max_abs(const char* function, const std::complex<T>* a, std::size_t rows, std::size_t cols,
                  std::size_t ld, bool lower_only = false) {
  T largest = T(0);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::size_t end = lower_only ? std::min(cols, i + 1) : cols;
    for (std::size_t j = 0; j < end; ++j) {
      const std::complex<T> x = a[i * ld + j];
      if (!std::isfinite(x.real()) || !std::isfinite(x.imag()))
        throw non_finite_error(detail::non_finite_message(function, "a", i, j));
      largest = std::max({largest, std::abs(x.real()), std::abs(x.imag())});
    }
  }
  return largest;
}

/// The exponent k with ldexp(largest, k) in [0.5, 1); 0 for a zero matrix. Scaling each
/// entry with std::ldexp is exact and works over the whole range, subnormals included.
template <class T>
int unit_exponent(T largest) {
  if (largest == T(0)) return 0;
  return -std::ilogb(largest) - 1;
}

}  // namespace linal::detail
