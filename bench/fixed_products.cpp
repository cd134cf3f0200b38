// Fixed-size products, 3x3 to 8x8: linal's unrolled matmul on Matrix<double, N, N> against
// Eigen's fixed-size product, on the same random matrices, a pool of products per iteration
// (see fixed_pool.hpp). Names follow bench/compare's convention <op>/<impl>/<size>.
#include <benchmark/benchmark.h>

#include <linal/core.hpp>
#include <linal/kernels.hpp>

#include <array>
#include <cstddef>

#include "fixed_pool.hpp"

#ifdef LINAL_BENCH_WITH_EIGEN
#include <Eigen/Core>
#endif

namespace {

template <std::size_t N>
void matmul_linal(benchmark::State& state) {
  const auto a = fixed_pool::random_matrices<N>(1), b = fixed_pool::random_matrices<N>(2);
  std::array<linal::Matrix<double, N, N>, fixed_pool::size> c;
  fixed_pool::run(state, c, [&](std::size_t p) { c[p] = linal::matmul(a[p], b[p]); });
}

#ifdef LINAL_BENCH_WITH_EIGEN
// Row-major like linal's matrices, so that both sides see the same memory layout.
template <std::size_t N>
using eigen_fixed = Eigen::Matrix<double, int(N), int(N), Eigen::RowMajor>;

template <std::size_t N>
void matmul_eigen(benchmark::State& state) {
  const auto a = fixed_pool::converted<eigen_fixed<N>>(fixed_pool::random_matrices<N>(1));
  const auto b = fixed_pool::converted<eigen_fixed<N>>(fixed_pool::random_matrices<N>(2));
  std::array<eigen_fixed<N>, fixed_pool::size> c;
  fixed_pool::run(state, c, [&](std::size_t p) { c[p].noalias() = a[p] * b[p]; });
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
