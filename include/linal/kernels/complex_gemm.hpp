#pragma once
// Complex products as real ones, so that they run the real micro-kernel instead of a generic
// complex loop: std::complex<R> is stored as two R (real part first). With A and C stored by
// rows, one real product of twice the size does it (gemm_as_real); otherwise the real and the
// imaginary parts are taken as real matrices with doubled strides, four real products (eight
// when alpha is not real) of the parts (gemm_by_parts).

#include <algorithm>
#include <complex>
#include <cstddef>
#include <type_traits>

#include "linal/kernels/buffer.hpp"
#include "linal/kernels/scalar.hpp"

namespace linal::kernels {

template <class T>
void gemm(std::size_t m, std::size_t n, std::size_t k, T alpha, const T* a, std::ptrdiff_t a_rs,
          std::ptrdiff_t a_cs, const T* b, std::ptrdiff_t b_rs, std::ptrdiff_t b_cs, T beta, T* c,
          std::ptrdiff_t c_rs, std::ptrdiff_t c_cs);

namespace detail {

/// Complex element types whose parts the real kernels compute on.
template <class T>
inline constexpr bool has_real_parts = false;
template <>
inline constexpr bool has_real_parts<std::complex<float>> = true;
template <>
inline constexpr bool has_real_parts<std::complex<double>> = true;

/// C += alpha A op(B), op(B) = B or, with conjugate_b, conj(B) (elementwise), all complex<R>
/// with BLIS strides, by real products of the parts: with P = A op(B) and s = -1 when B is
/// conjugated (+1 otherwise), Re P = Ar Br - s Ai Bi and Im P = s Ar Bi + Ai Br, and
/// alpha P adds alpha_r Re P - alpha_i Im P to Re C and alpha_r Im P + alpha_i Re P to Im C.
template <class R>
void gemm_by_parts(std::size_t m, std::size_t n, std::size_t k, std::complex<R> alpha,
                   const std::complex<R>* a, std::ptrdiff_t a_rs, std::ptrdiff_t a_cs,
                   const std::complex<R>* b, std::ptrdiff_t b_rs, std::ptrdiff_t b_cs,
                   bool conjugate_b, std::complex<R>* c, std::ptrdiff_t c_rs, std::ptrdiff_t c_cs) {
  // [complex.numbers]: a complex<R> array may be accessed as an array of R, parts interleaved.
  const R* const ap = reinterpret_cast<const R*>(a);
  const R* const bp = reinterpret_cast<const R*>(b);
  R* const cp = reinterpret_cast<R*>(c);
  const R s = conjugate_b ? R(-1) : R(1);
  struct part_product {
    std::size_t a_part, b_part;  // 0: real, 1: imaginary
    R to_real, to_imag;          // the coefficients of Re P and Im P it carries
  };
  const part_product products[] = {
      {0, 0, R(1), R(0)}, {1, 1, -s, R(0)}, {0, 1, R(0), s}, {1, 0, R(0), R(1)}};
  for (const part_product& p : products) {
    const R* const ax = ap + p.a_part;
    const R* const bx = bp + p.b_part;
    // Its contribution alpha * (to_real + i to_imag) * (Ar or Ai)(Br or Bi), part by part.
    const R into_real = alpha.real() * p.to_real - alpha.imag() * p.to_imag;
    const R into_imag = alpha.real() * p.to_imag + alpha.imag() * p.to_real;
    for (std::size_t c_part = 0; c_part < 2; ++c_part) {
      const R coefficient = c_part == 0 ? into_real : into_imag;
      if (coefficient != R(0))
        gemm<R>(m, n, k, coefficient, ax, 2 * a_rs, 2 * a_cs, bx, 2 * b_rs, 2 * b_cs, R(1),
                cp + c_part, 2 * c_rs, 2 * c_cs);
    }
  }
}

/// C = alpha A op(B) + beta C for complex<R> with real beta, op(B) = B or, with conjugate_b,
/// conj(B) (elementwise), where A and C have unit column stride, as one real product (BLIS's "1m"
/// method): row i of A is a real row of 2k values (the parts interleaved), row i of C one of 2n
/// values, and each element v of alpha B becomes the real 2 x 2 block [Re v, Im v; -Im v, Re v], so
/// that the real product of A's row with the block's two columns gives the real and the imaginary
/// part of the complex one. B is expanded a block of columns at a time into scratch memory; A and C
/// are used where they are.
template <class R>
void gemm_as_real(std::size_t m, std::size_t n, std::size_t k, std::complex<R> alpha,
                  const std::complex<R>* a, std::ptrdiff_t a_rs, const std::complex<R>* b,
                  std::ptrdiff_t b_rs, std::ptrdiff_t b_cs, bool conjugate_b, R beta,
                  std::complex<R>* c, std::ptrdiff_t c_rs) {
  constexpr std::size_t block = 256;  // columns of B expanded at a time
  const std::size_t width = 2 * std::min(n, block);
  R* const expanded = static_cast<R*>(expanded_b_scratch().get(2 * k * width * sizeof(R)));
  const R* const ar = reinterpret_cast<const R*>(a);
  R* const cr = reinterpret_cast<R*>(c);
  for (std::size_t j0 = 0; j0 < n; j0 += block) {
    const std::size_t nb = std::min(block, n - j0), w = 2 * nb;
    for (std::size_t p = 0; p < k; ++p) {
      const std::complex<R>* bp = b + static_cast<std::ptrdiff_t>(p) * b_rs;
      R* const upper = expanded + 2 * p * w;  // multiplies Re A(i, p)
      R* const lower = upper + w;             // multiplies Im A(i, p)
      for (std::size_t j = 0; j < nb; ++j) {
        const std::complex<R> bpj = bp[static_cast<std::ptrdiff_t>(j0 + j) * b_cs];
        const std::complex<R> v = multiply(alpha, conjugate_b ? std::conj(bpj) : bpj);
        upper[2 * j] = v.real();
        upper[2 * j + 1] = v.imag();
        lower[2 * j] = -v.imag();
        lower[2 * j + 1] = v.real();
      }
    }
    gemm<R>(m, w, 2 * k, R(1), ar, 2 * a_rs, 1, expanded, static_cast<std::ptrdiff_t>(w), 1, beta,
            cr + 2 * j0, 2 * c_rs, 1);
  }
}

}  // namespace detail
}  // namespace linal::kernels
