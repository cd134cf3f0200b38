#pragma once
// Scalar helpers shared by the kernels.

#include <complex>
#include <type_traits>

namespace linal::kernels::detail {

template <class T>
struct is_complex : std::false_type {};
template <class T>
struct is_complex<std::complex<T>> : std::true_type {};

/// x * y by the textbook formula for complex operands, as BLAS computes it: std::complex's
/// operator* adds inf/NaN recovery (a library call per product) that a kernel does not want.
template <class T>
T multiply(const T& x, const T& y) {
  if constexpr (is_complex<T>::value)
    return {x.real() * y.real() - x.imag() * y.imag(), x.real() * y.imag() + x.imag() * y.real()};
  else
    return x * y;
}

}  // namespace linal::kernels::detail
