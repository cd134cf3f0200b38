// The FMA micro-kernel at the tile width of AVX-512 (6 x 16 doubles, 6 x 32 floats), run here on
// AVX2 with each wide register made of two AVX2 halves: the kernel source, the packing and the
// edge handling for NR = 16 and 32 are the ones an AVX-512 build uses, checked on any AVX2
// machine. (test_avx512_kernel runs the real AVX-512 registers where the processor has them.)

#include <catch2/catch.hpp>

#if defined(__AVX2__) && defined(__FMA__)

#include <immintrin.h>

#include <linal/kernels/avx2.hpp>
#include <linal/kernels/micro_kernel_fma.hpp>

#include "kernel_check.hpp"

namespace {

/// A register of 2 * H::lanes values kept as two H registers, with avx512.hpp's interface.
template <class H>
struct paired {
  using scalar = typename H::scalar;
  struct reg {
    typename H::reg low, high;
  };
  static constexpr std::size_t lanes = 2 * H::lanes;
  static reg zero() { return {H::zero(), H::zero()}; }
  static reg set1(scalar x) { return {H::set1(x), H::set1(x)}; }
  static reg broadcast(const scalar* p) { return {H::broadcast(p), H::broadcast(p)}; }
  static reg load(const scalar* p) { return {H::load(p), H::load(p + H::lanes)}; }
  static void store(scalar* p, reg x) {
    H::store(p, x.low);
    H::store(p + H::lanes, x.high);
  }
  static reg mul(reg x, reg y) { return {H::mul(x.low, y.low), H::mul(x.high, y.high)}; }
  static reg fma(reg x, reg y, reg z) {
    return {H::fma(x.low, y.low, z.low), H::fma(x.high, y.high, z.high)};
  }
};

using wide_f64 = linal::kernels::detail::fma_kernel<paired<linal::kernels::detail::avx2_f64>>;
using wide_f32 = linal::kernels::detail::fma_kernel<paired<linal::kernels::detail::avx2_f32>>;

}  // namespace

TEST_CASE("fma_kernel at AVX-512 width: every edge of a 6 x 16 double tile", "[kernels][gemm]") {
  STATIC_REQUIRE(wide_f64::nr == 16);
  std::mt19937 rng(11);
  REQUIRE(kernels_test::worst_kernel_ratio<wide_f64, double>(rng) < 30);
}

TEST_CASE("fma_kernel at AVX-512 width: every edge of a 6 x 32 float tile", "[kernels][gemm]") {
  STATIC_REQUIRE(wide_f32::nr == 32);
  std::mt19937 rng(12);
  REQUIRE(kernels_test::worst_kernel_ratio<wide_f32, float>(rng) < 30);
}

#endif
