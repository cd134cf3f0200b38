// Triangular solve with as many right-hand sides as unknowns (BLAS's trsm): linal's
// solve(upper(A), B), OpenBLAS's cblas_dtrsm and Eigen's triangularView<Upper>().solve(B), on the
// same row-major double inputs, one thread each. Names follow bench/compare's <op>/<impl>/<size>.
// Triangular times full (BLAS's trmm), L B with L the lower triangle of A: linal's
// matmul(lower(A), B), OpenBLAS's cblas_dtrmm and Eigen's triangularView<Lower>() * B.
//
// Fairness: linal and Eigen return a new matrix, so the copy of B into the solution is part of
// their timed cost; cblas_dtrsm solves in place, so its copy of B is timed too. linal also checks
// its inputs for NaN and infinity (O(n^2) against the O(n^3) solve), as users pay it. Likewise
// cblas_dtrmm overwrites B with L B, so its copy of B into the output is inside the timed loop,
// as linal and Eigen write their product into a new matrix. Both counters take n^3 flops (one
// multiply and one add for each of the n^3 / 2 products of the triangle).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <random>

#include <linal/linal.hpp>

#ifdef LINAL_BENCH_WITH_OPENBLAS
#include <cblas.h>
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
#include <Eigen/Core>
#endif

namespace {

// A with a dominant diagonal (so that X stays of the size of B) and a random B, both n x n. The
// solves read A's upper triangle and the products its lower one: the other triangle holds noise
// that neither may read.
struct inputs {
  linal::Matrix<double> a, b;
};

inputs make_inputs(std::size_t n) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> d(-1, 1);
  inputs in{linal::Matrix<double>(n, n), linal::Matrix<double>(n, n)};
  for (auto& x : in.a) x = d(rng);
  for (auto& x : in.b) x = d(rng);
  for (std::size_t i = 0; i < n; ++i) in.a(i, i) += static_cast<double>(n);
  return in;
}

void set_flops(benchmark::State& state) {
  const double n = static_cast<double>(state.range(0));
  state.counters["GFLOPS"] = benchmark::Counter(n * n * n * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

// Times op(A, B), which returns a new linal matrix, on one thread.
template <class Op>
void time_linal(benchmark::State& state, Op op) {
  linal::set_num_threads(1);
  const auto in = make_inputs(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto x = op(in.a, in.b);
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
  set_flops(state);
}

void trsm_linal(benchmark::State& state) {
  time_linal(state, [](const auto& a, const auto& b) { return linal::solve(linal::upper(a), b); });
}
void trmm_linal(benchmark::State& state) {
  time_linal(state, [](const auto& a, const auto& b) { return linal::matmul(linal::lower(a), b); });
}

#ifdef LINAL_BENCH_WITH_OPENBLAS
// Times blas(n, A, X), which overwrites X = B in place, on one thread; copying B into X is
// timed too (see the file comment).
template <class Blas>
void time_in_place_blas(benchmark::State& state, Blas blas) {
  openblas_set_num_threads(1);
  const auto n = static_cast<int>(state.range(0));
  const auto in = make_inputs(static_cast<std::size_t>(n));
  linal::Matrix<double> x(in.b.rows(), in.b.cols());
  for (auto _ : state) {
    std::copy(in.b.begin(), in.b.end(), x.begin());
    blas(n, in.a.data(), x.data());
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
  set_flops(state);
}

void trsm_openblas(benchmark::State& state) {
  time_in_place_blas(state, [](int n, const double* a, double* x) {
    cblas_dtrsm(CblasRowMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, n, n, 1.0, a, n, x, n);
  });
}
void trmm_openblas(benchmark::State& state) {
  time_in_place_blas(state, [](int n, const double* a, double* x) {
    cblas_dtrmm(CblasRowMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, n, n, 1.0, a, n, x, n);
  });
}
#endif

#ifdef LINAL_BENCH_WITH_EIGEN
using eigen_matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Times op(A, B), which returns a new Eigen matrix, on one thread.
template <class Op>
void time_eigen(benchmark::State& state, Op op) {
  Eigen::setNbThreads(1);
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const auto in = make_inputs(static_cast<std::size_t>(n));
  const eigen_matrix a = Eigen::Map<const eigen_matrix>(in.a.data(), n, n);
  const eigen_matrix b = Eigen::Map<const eigen_matrix>(in.b.data(), n, n);
  for (auto _ : state) {
    eigen_matrix x = op(a, b);
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
  set_flops(state);
}

void trsm_eigen(benchmark::State& state) {
  time_eigen(state, [](const eigen_matrix& a, const eigen_matrix& b) -> eigen_matrix {
    return a.triangularView<Eigen::Upper>().solve(b);
  });
}
void trmm_eigen(benchmark::State& state) {
  time_eigen(state, [](const eigen_matrix& a, const eigen_matrix& b) -> eigen_matrix {
    return a.triangularView<Eigen::Lower>() * b;
  });
}
#endif

}  // namespace

BENCHMARK(trsm_linal)->Name("trsm/linal")->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);
#ifdef LINAL_BENCH_WITH_OPENBLAS
BENCHMARK(trsm_openblas)->Name("trsm/openblas")->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
BENCHMARK(trsm_eigen)->Name("trsm/eigen")->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);
#endif
BENCHMARK(trmm_linal)->Name("trmm/linal")->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);
#ifdef LINAL_BENCH_WITH_OPENBLAS
BENCHMARK(trmm_openblas)->Name("trmm/openblas")->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
BENCHMARK(trmm_eigen)->Name("trmm/eigen")->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);
#endif

BENCHMARK_MAIN();
