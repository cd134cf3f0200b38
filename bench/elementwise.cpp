// d = a + 2 b - c a on n doubles: linal's expression templates against a hand-written loop
// and Eigen's arrays, on the same inputs in the same process.
#include <benchmark/benchmark.h>

#include <linal/linal.hpp>
#include <vector>

#ifdef LINAL_BENCH_WITH_EIGEN
#include <Eigen/Core>
#endif

namespace {

constexpr std::int64_t sizes[] = {1000, 100000, 10000000};

void set_counters(benchmark::State& state) {
  const auto n = state.range(0);
  state.SetItemsProcessed(state.iterations() * n);
  state.SetBytesProcessed(state.iterations() * n * 4 * static_cast<std::int64_t>(sizeof(double)));
}

void elementwise_linal(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const linal::Vector<double> a = linal::Generator(1).uniform_vector(n);
  const linal::Vector<double> b = linal::Generator(2).uniform_vector(n);
  const linal::Vector<double> c = linal::Generator(3).uniform_vector(n);
  linal::Vector<double> d(n);
  for (auto _ : state) {
    d = a + 2.0 * b - c * a;
    benchmark::DoNotOptimize(d.data());
    benchmark::ClobberMemory();
  }
  set_counters(state);
}

void elementwise_loop(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const linal::Vector<double> a = linal::Generator(1).uniform_vector(n);
  const linal::Vector<double> b = linal::Generator(2).uniform_vector(n);
  const linal::Vector<double> c = linal::Generator(3).uniform_vector(n);
  std::vector<double> d(n);
  const double* pa = a.data();
  const double* pb = b.data();
  const double* pc = c.data();
  double* pd = d.data();
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) pd[i] = pa[i] + 2.0 * pb[i] - pc[i] * pa[i];
    benchmark::DoNotOptimize(pd);
    benchmark::ClobberMemory();
  }
  set_counters(state);
}

#ifdef LINAL_BENCH_WITH_EIGEN
void elementwise_eigen(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const linal::Vector<double> a0 = linal::Generator(1).uniform_vector(static_cast<std::size_t>(n));
  const linal::Vector<double> b0 = linal::Generator(2).uniform_vector(static_cast<std::size_t>(n));
  const linal::Vector<double> c0 = linal::Generator(3).uniform_vector(static_cast<std::size_t>(n));
  const Eigen::ArrayXd a = Eigen::Map<const Eigen::ArrayXd>(a0.data(), n);
  const Eigen::ArrayXd b = Eigen::Map<const Eigen::ArrayXd>(b0.data(), n);
  const Eigen::ArrayXd c = Eigen::Map<const Eigen::ArrayXd>(c0.data(), n);
  Eigen::ArrayXd d(n);
  for (auto _ : state) {
    d = a + 2.0 * b - c * a;
    benchmark::DoNotOptimize(d.data());
    benchmark::ClobberMemory();
  }
  set_counters(state);
}
#endif

// Names read <op>/<impl>/<size>, as bench/compare expects.
void register_all() {
  for (auto n : sizes) {
    benchmark::RegisterBenchmark("elementwise/linal", elementwise_linal)->Arg(n);
    benchmark::RegisterBenchmark("elementwise/loop", elementwise_loop)->Arg(n);
#ifdef LINAL_BENCH_WITH_EIGEN
    benchmark::RegisterBenchmark("elementwise/eigen", elementwise_eigen)->Arg(n);
#endif
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
