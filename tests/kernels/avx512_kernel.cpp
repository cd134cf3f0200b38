// The AVX-512 micro-kernels with their real registers: this program is compiled with -mavx512f
// and registered as a test only where the building machine's processor has AVX-512.

#include <catch2/catch.hpp>
#include <linal/kernels/avx512.hpp>
#include <linal/kernels/micro_kernel_fma.hpp>

#include "kernel_check.hpp"

using avx512_f64_kernel = linal::kernels::detail::fma_kernel<linal::kernels::detail::avx512_f64>;
using avx512_f32_kernel = linal::kernels::detail::fma_kernel<linal::kernels::detail::avx512_f32>;

TEST_CASE("AVX-512 kernel: every edge of a 6 x 16 double tile", "[kernels][gemm]") {
  std::mt19937 rng(21);
  REQUIRE(kernels_test::worst_kernel_ratio<avx512_f64_kernel, double>(rng) < 30);
}

TEST_CASE("AVX-512 kernel: every edge of a 6 x 32 float tile", "[kernels][gemm]") {
  std::mt19937 rng(22);
  REQUIRE(kernels_test::worst_kernel_ratio<avx512_f32_kernel, float>(rng) < 30);
}
