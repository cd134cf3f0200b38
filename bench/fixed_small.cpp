// Fixed 3x3 and 4x4 inv and det: linal's closed forms against Eigen's Matrix3d/Matrix4d, on the
// same well-conditioned random matrices, a pool of them per iteration (see fixed_pool.hpp).
#include <benchmark/benchmark.h>

#include <linal/linal.hpp>

#include <array>
#include <cstddef>

#include "fixed_pool.hpp"

#ifdef LINAL_BENCH_WITH_EIGEN
#include <Eigen/Dense>
#endif

namespace {

// Normal entries plus 2N on the diagonal: well conditioned.
template <std::size_t N>
auto well_conditioned() {
  return fixed_pool::random_matrices<N>(42, 2.0 * static_cast<double>(N));
}

template <std::size_t N>
void inv_linal(benchmark::State& state) {
  const auto mats = well_conditioned<N>();
  std::array<linal::Matrix<double, N, N>, fixed_pool::size> out;
  fixed_pool::run(state, out, [&](std::size_t p) { out[p] = linal::inv(mats[p]); });
}
template <std::size_t N>
void det_linal(benchmark::State& state) {
  const auto mats = well_conditioned<N>();
  std::array<double, fixed_pool::size> out;
  fixed_pool::run(state, out, [&](std::size_t p) { out[p] = linal::det(mats[p]); });
}

#ifdef LINAL_BENCH_WITH_EIGEN
template <std::size_t N>
using eigen_fixed = Eigen::Matrix<double, int(N), int(N)>;

template <std::size_t N>
void inv_eigen(benchmark::State& state) {
  const auto mats = fixed_pool::converted<eigen_fixed<N>>(well_conditioned<N>());
  std::array<eigen_fixed<N>, fixed_pool::size> out;
  fixed_pool::run(state, out, [&](std::size_t p) { out[p] = mats[p].inverse(); });
}
template <std::size_t N>
void det_eigen(benchmark::State& state) {
  const auto mats = fixed_pool::converted<eigen_fixed<N>>(well_conditioned<N>());
  std::array<double, fixed_pool::size> out;
  fixed_pool::run(state, out, [&](std::size_t p) { out[p] = mats[p].determinant(); });
}
#endif

}  // namespace

BENCHMARK(inv_linal<3>)->Name("inv/linal/3");
BENCHMARK(inv_linal<4>)->Name("inv/linal/4");
BENCHMARK(det_linal<3>)->Name("det/linal/3");
BENCHMARK(det_linal<4>)->Name("det/linal/4");
#ifdef LINAL_BENCH_WITH_EIGEN
BENCHMARK(inv_eigen<3>)->Name("inv/eigen/3");
BENCHMARK(inv_eigen<4>)->Name("inv/eigen/4");
BENCHMARK(det_eigen<3>)->Name("det/eigen/3");
BENCHMARK(det_eigen<4>)->Name("det/eigen/4");
#endif

BENCHMARK_MAIN();
