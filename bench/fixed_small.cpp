// Fixed 3x3 and 4x4 inv and det: linal's closed forms against Eigen's Matrix3d/Matrix4d, on the
// same well-conditioned random matrices. Each iteration processes a whole pool of matrices into
// an array of results, as a program transforming many small matrices does: the figure is the
// time for the pool (divide by its size for one matrix), and the timing loop's own cost, which
// is as large as one 3x3 determinant, is spread over the pool instead of added to each call.
#include <benchmark/benchmark.h>

#include <linal/linal.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>

#ifdef LINAL_BENCH_WITH_EIGEN
#include <Eigen/Dense>
#endif

namespace {

constexpr std::size_t pool = 64;

template <std::size_t N>
std::array<linal::Matrix<double, N, N>, pool> random_pool() {
  std::mt19937_64 rng(42);
  std::normal_distribution<double> normal;
  std::array<linal::Matrix<double, N, N>, pool> mats;
  for (auto& m : mats) {
    for (auto& x : m) x = normal(rng);
    for (std::size_t i = 0; i < N; ++i) m(i, i) += 2.0 * static_cast<double>(N);  // well conditioned
  }
  return mats;
}

// Runs `one(p)` for every matrix p of the pool per iteration; `results` is kept alive.
template <class Results, class One>
void over_pool(benchmark::State& state, Results& results, One one) {
  for (auto _ : state) {
    for (std::size_t p = 0; p < pool; ++p) one(p);
    benchmark::DoNotOptimize(results.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * pool));
}

template <std::size_t N>
void inv_linal(benchmark::State& state) {
  const auto mats = random_pool<N>();
  std::array<linal::Matrix<double, N, N>, pool> out;
  over_pool(state, out, [&](std::size_t p) { out[p] = linal::inv(mats[p]); });
}
template <std::size_t N>
void det_linal(benchmark::State& state) {
  const auto mats = random_pool<N>();
  std::array<double, pool> out;
  over_pool(state, out, [&](std::size_t p) { out[p] = linal::det(mats[p]); });
}

#ifdef LINAL_BENCH_WITH_EIGEN
template <std::size_t N>
std::array<Eigen::Matrix<double, int(N), int(N)>, pool> eigen_pool() {
  const auto mats = random_pool<N>();
  std::array<Eigen::Matrix<double, int(N), int(N)>, pool> out;
  for (std::size_t p = 0; p < pool; ++p)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < N; ++j) out[p](int(i), int(j)) = mats[p](i, j);
  return out;
}
template <std::size_t N>
void inv_eigen(benchmark::State& state) {
  const auto mats = eigen_pool<N>();
  std::array<Eigen::Matrix<double, int(N), int(N)>, pool> out;
  over_pool(state, out, [&](std::size_t p) { out[p] = mats[p].inverse(); });
}
template <std::size_t N>
void det_eigen(benchmark::State& state) {
  const auto mats = eigen_pool<N>();
  std::array<double, pool> out;
  over_pool(state, out, [&](std::size_t p) { out[p] = mats[p].determinant(); });
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
