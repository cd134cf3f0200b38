// Fixed-size products, 3x3 to 8x8: linal's unrolled matmul on Matrix<double, N, N> against
// Eigen's fixed-size product, on the same random matrices. A small pool of operands is cycled
// so that the compiler cannot hoist the product out of the loop. Names follow bench/compare's
// convention <op>/<impl>/<size>.
#include <benchmark/benchmark.h>

#include <linal/core.hpp>
#include <linal/kernels.hpp>

#include <array>
#include <cstddef>
#include <random>

#ifdef LINAL_BENCH_WITH_EIGEN
#include <Eigen/Core>
#endif

namespace {

constexpr std::size_t pool = 64;

template <std::size_t N>
std::array<linal::Matrix<double, N, N>, pool> random_pool(unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  std::array<linal::Matrix<double, N, N>, pool> mats;
  for (auto& m : mats)
    for (auto& x : m) x = normal(rng);
  return mats;
}

template <std::size_t N>
void matmul_linal(benchmark::State& state) {
  const auto a = random_pool<N>(1), b = random_pool<N>(2);
  std::size_t k = 0;
  for (auto _ : state) {
    const std::size_t i = k++ % pool;
    linal::Matrix<double, N, N> c = linal::matmul(a[i], b[i]);
    benchmark::DoNotOptimize(c);
  }
}

#ifdef LINAL_BENCH_WITH_EIGEN
// Row-major like linal's matrices, so that both sides see the same memory layout.
template <std::size_t N>
using eigen_fixed = Eigen::Matrix<double, int(N), int(N), Eigen::RowMajor>;

template <std::size_t N>
std::array<eigen_fixed<N>, pool> eigen_pool(unsigned seed) {
  const auto mats = random_pool<N>(seed);
  std::array<eigen_fixed<N>, pool> out;
  for (std::size_t p = 0; p < pool; ++p)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < N; ++j) out[p](int(i), int(j)) = mats[p](i, j);
  return out;
}

template <std::size_t N>
void matmul_eigen(benchmark::State& state) {
  const auto a = eigen_pool<N>(1), b = eigen_pool<N>(2);
  std::size_t k = 0;
  for (auto _ : state) {
    const std::size_t i = k++ % pool;
    eigen_fixed<N> c = a[i] * b[i];
    benchmark::DoNotOptimize(c);
  }
}
#endif

}  // namespace

BENCHMARK(matmul_linal<3>)->Name("fixed_matmul/linal/3");
BENCHMARK(matmul_linal<4>)->Name("fixed_matmul/linal/4");
BENCHMARK(matmul_linal<8>)->Name("fixed_matmul/linal/8");
#ifdef LINAL_BENCH_WITH_EIGEN
BENCHMARK(matmul_eigen<3>)->Name("fixed_matmul/eigen/3");
BENCHMARK(matmul_eigen<4>)->Name("fixed_matmul/eigen/4");
BENCHMARK(matmul_eigen<8>)->Name("fixed_matmul/eigen/8");
#endif

BENCHMARK_MAIN();
