// The spectral decompositions side by side: linal's eigh, eig and svd against LAPACK (dsyevd,
// dgeev, dgesdd through LAPACKE and OpenBLAS) and Eigen (SelfAdjointEigenSolver, EigenSolver,
// BDCSVD), all computing vectors, on the same random double matrices. Names follow bench/compare's
// convention <op>/<impl>/<size>. Run the peers single-threaded (OPENBLAS_NUM_THREADS=1).

#include <benchmark/benchmark.h>

#include <cstddef>
#include <random>
#include <vector>

#include <linal/core.hpp>
#include <linal/decomp/eig.hpp>
#include <linal/decomp/eigh.hpp>
#include <linal/decomp/svd.hpp>

#ifdef LINAL_BENCH_WITH_LAPACKE
#include <lapacke.h>
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
#include <Eigen/Dense>
#endif

namespace {

/// A random n x n matrix, symmetrized on request, as row-major values in [-1, 1).
std::vector<double> random_input(std::size_t n, bool symmetric) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> d(-1, 1);
  std::vector<double> a(n * n);
  for (auto& x : a) x = d(rng);
  if (symmetric)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < i; ++j) a[j * n + i] = a[i * n + j];
  return a;
}

linal::Matrix<double> as_linal(const std::vector<double>& a, std::size_t n) {
  linal::Matrix<double> m(n, n);
  std::copy(a.begin(), a.end(), m.data());
  return m;
}

void eigh_linal(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto a = as_linal(random_input(n, true), n);
  for (auto _ : state) benchmark::DoNotOptimize(linal::eigh(a));
}
void eig_linal(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto a = as_linal(random_input(n, false), n);
  for (auto _ : state) benchmark::DoNotOptimize(linal::eig(a));
}
void svd_linal(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto a = as_linal(random_input(n, false), n);
  for (auto _ : state) benchmark::DoNotOptimize(linal::svd(a));
}

#ifdef LINAL_BENCH_WITH_LAPACKE
void eigh_lapack(benchmark::State& state) {
  const auto n = static_cast<lapack_int>(state.range(0));
  const auto input = random_input(static_cast<std::size_t>(n), true);
  std::vector<double> a(input.size()), w(static_cast<std::size_t>(n));
  for (auto _ : state) {
    a = input;
    benchmark::DoNotOptimize(LAPACKE_dsyevd(LAPACK_ROW_MAJOR, 'V', 'L', n, a.data(), n, w.data()));
  }
}
void eig_lapack(benchmark::State& state) {
  const auto n = static_cast<lapack_int>(state.range(0));
  const auto input = random_input(static_cast<std::size_t>(n), false);
  const auto size = static_cast<std::size_t>(n);
  std::vector<double> a(input.size()), wr(size), wi(size), vr(size * size);
  for (auto _ : state) {
    a = input;
    benchmark::DoNotOptimize(
        LAPACKE_dgeev(LAPACK_ROW_MAJOR, 'N', 'V', n, a.data(), n, wr.data(), wi.data(), nullptr, n, vr.data(), n));
  }
}
void svd_lapack(benchmark::State& state) {
  const auto n = static_cast<lapack_int>(state.range(0));
  const auto input = random_input(static_cast<std::size_t>(n), false);
  const auto size = static_cast<std::size_t>(n);
  std::vector<double> a(input.size()), s(size), u(size * size), vt(size * size);
  for (auto _ : state) {
    a = input;
    benchmark::DoNotOptimize(
        LAPACKE_dgesdd(LAPACK_ROW_MAJOR, 'S', n, n, a.data(), n, s.data(), u.data(), n, vt.data(), n));
  }
}
#endif

#ifdef LINAL_BENCH_WITH_EIGEN
using eigen_matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

eigen_matrix as_eigen(const std::vector<double>& a, std::size_t n) {
  const auto size = static_cast<Eigen::Index>(n);
  return Eigen::Map<const eigen_matrix>(a.data(), size, size);
}

void eigh_eigen(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Eigen::MatrixXd a = as_eigen(random_input(n, true), n);
  for (auto _ : state) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(a);
    benchmark::DoNotOptimize(solver.eigenvectors().data());
  }
}
void eig_eigen(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Eigen::MatrixXd a = as_eigen(random_input(n, false), n);
  for (auto _ : state) {
    Eigen::EigenSolver<Eigen::MatrixXd> solver(a);
    benchmark::DoNotOptimize(solver.eigenvectors().data());
  }
}
void svd_eigen(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Eigen::MatrixXd a = as_eigen(random_input(n, false), n);
  for (auto _ : state) {
    Eigen::BDCSVD<Eigen::MatrixXd> solver(a, Eigen::ComputeThinU | Eigen::ComputeThinV);
    benchmark::DoNotOptimize(solver.singularValues().data());
  }
}
#endif

// The sizes of the speed bars: eigh and svd at 256 and 1024, eig at 256 and 512.
void sizes_to_1024(benchmark::internal::Benchmark* b) {
  for (const int n : {256, 512, 1024}) b->Arg(n);
  b->Unit(benchmark::kMillisecond)->MinTime(0.3);
}
void sizes_to_512(benchmark::internal::Benchmark* b) {
  for (const int n : {256, 512}) b->Arg(n);
  b->Unit(benchmark::kMillisecond)->MinTime(0.3);
}

}  // namespace

BENCHMARK(eigh_linal)->Name("eigh/linal")->Apply(sizes_to_1024);
BENCHMARK(eig_linal)->Name("eig/linal")->Apply(sizes_to_512);
BENCHMARK(svd_linal)->Name("svd/linal")->Apply(sizes_to_1024);
#ifdef LINAL_BENCH_WITH_LAPACKE
BENCHMARK(eigh_lapack)->Name("eigh/lapack")->Apply(sizes_to_1024);
BENCHMARK(eig_lapack)->Name("eig/lapack")->Apply(sizes_to_512);
BENCHMARK(svd_lapack)->Name("svd/lapack")->Apply(sizes_to_1024);
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
BENCHMARK(eigh_eigen)->Name("eigh/eigen")->Apply(sizes_to_1024);
BENCHMARK(eig_eigen)->Name("eig/eigen")->Apply(sizes_to_512);
BENCHMARK(svd_eigen)->Name("svd/eigen")->Apply(sizes_to_1024);
#endif

BENCHMARK_MAIN();
