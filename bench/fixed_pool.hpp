#pragma once
// Pools of fixed-size random matrices for the small-matrix benchmarks. Each iteration processes
// the whole pool into an array of results, as a program transforming many small matrices
// does: the figure is the time for the pool (divide by its size for one operation), and the
// timing loop's own cost, as large as a 3x3 determinant, is spread over the pool instead of
// added to every call. Results go to memory, so the compiler can neither skip nor hoist them.
#include <benchmark/benchmark.h>

#include <linal/core.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>

namespace fixed_pool {

inline constexpr std::size_t size = 64;

/// size random N x N matrices with normal entries, plus `diagonal` on each diagonal entry.
template <std::size_t N>
std::array<linal::Matrix<double, N, N>, size> random_matrices(unsigned seed, double diagonal = 0) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  std::array<linal::Matrix<double, N, N>, size> mats;
  for (auto& m : mats) {
    for (auto& x : m) x = normal(rng);
    for (std::size_t i = 0; i < N; ++i) m(i, i) += diagonal;
  }
  return mats;
}

/// The same matrices as another library's fixed-size type M (anything with m(i, j)).
template <class M, std::size_t N>
std::array<M, size> converted(const std::array<linal::Matrix<double, N, N>, size>& mats) {
  std::array<M, size> out;
  for (std::size_t p = 0; p < size; ++p)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < N; ++j) out[p](int(i), int(j)) = mats[p](i, j);
  return out;
}

/// Runs one(p) for every p of the pool in each iteration; `results` is where one() writes.
template <class Results, class One>
void run(benchmark::State& state, Results& results, One one) {
  for (auto _ : state) {
    for (std::size_t p = 0; p < size; ++p) one(p);
    benchmark::DoNotOptimize(results.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

}  // namespace fixed_pool
