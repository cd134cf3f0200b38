// dot and gemv side by side: linal, OpenBLAS (cblas) and Eigen on the same inputs.
// Names follow bench/compare's convention <op>/<impl>/<size>.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <linal/kernels.hpp>
#include <random>
#include <string>
#include <vector>

#ifdef LINAL_BENCH_WITH_OPENBLAS
#include <cblas.h>
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
#include <Eigen/Core>
#endif

namespace {

std::vector<double> random_vector(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> d(-1, 1);
  std::vector<double> v(n);
  for (auto& x : v) x = d(rng);
  return v;
}

void set_flops(benchmark::State& state, double flops) {
  state.counters["GFLOPS"] =
      benchmark::Counter(flops * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

// ddot over n elements.
enum class impl { linal, openblas, eigen };

template <impl I>
void ddot(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto x = random_vector(n, 1), y = random_vector(n, 2);
  for (auto _ : state) {
    double r = 0;
    if constexpr (I == impl::linal) r = linal::kernels::dot(n, x.data(), 1, y.data(), 1);
#ifdef LINAL_BENCH_WITH_OPENBLAS
    if constexpr (I == impl::openblas)
      r = cblas_ddot(static_cast<blasint>(n), x.data(), 1, y.data(), 1);
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
    if constexpr (I == impl::eigen) {
      const auto e = static_cast<Eigen::Index>(n);
      r = Eigen::Map<const Eigen::VectorXd>(x.data(), e)
              .dot(Eigen::Map<const Eigen::VectorXd>(y.data(), e));
    }
#endif
    benchmark::DoNotOptimize(r);
  }
  set_flops(state, 2.0 * static_cast<double>(n));
}

// dgemv, y = A x with a row-major n x n matrix A.
template <impl I>
void dgemv(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto a = random_vector(n * n, 1), x = random_vector(n, 2);
  std::vector<double> y(n);
  const auto ld = static_cast<std::ptrdiff_t>(n);
  for (auto _ : state) {
    if constexpr (I == impl::linal)
      linal::kernels::gemv(n, n, 1.0, a.data(), ld, 1, x.data(), 1, 0.0, y.data(), 1);
#ifdef LINAL_BENCH_WITH_OPENBLAS
    if constexpr (I == impl::openblas) {
      const auto bn = static_cast<blasint>(n);
      cblas_dgemv(CblasRowMajor, CblasNoTrans, bn, bn, 1.0, a.data(), bn, x.data(), 1, 0.0,
                  y.data(), 1);
    }
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
    if constexpr (I == impl::eigen) {
      using matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
      const auto e = static_cast<Eigen::Index>(n);
      Eigen::Map<Eigen::VectorXd>(y.data(), e).noalias() =
          Eigen::Map<const matrix>(a.data(), e, e) * Eigen::Map<const Eigen::VectorXd>(x.data(), e);
    }
#endif
    benchmark::ClobberMemory();
  }
  set_flops(state, 2.0 * static_cast<double>(n) * static_cast<double>(n));
}

template <impl I>
void add(const char* name) {
  const std::string suffix = std::string("/") + name;
  benchmark::RegisterBenchmark(("ddot" + suffix).c_str(), ddot<I>)->Arg(1000)->Arg(100000);
  benchmark::RegisterBenchmark(("dgemv" + suffix).c_str(), dgemv<I>)->Arg(256)->Arg(2048);
}

}  // namespace

int main(int argc, char** argv) {
  linal::set_num_threads(1);
  add<impl::linal>("linal");
#ifdef LINAL_BENCH_WITH_OPENBLAS
  openblas_set_num_threads(1);
  add<impl::openblas>("openblas");
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
  Eigen::setNbThreads(1);
  add<impl::eigen>("eigen");
#endif
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
