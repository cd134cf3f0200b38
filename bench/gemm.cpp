// GEMM side by side: linal, OpenBLAS (cblas) and Eigen on the same row-major inputs, plus the
// machine's measured FMA peak. Names follow bench/compare's convention <op>/<impl>/<size>.

#include <benchmark/benchmark.h>

#include <complex>
#include <cstddef>
#include <initializer_list>
#include <linal/kernels.hpp>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#endif
#ifdef LINAL_BENCH_WITH_OPENBLAS
#include <cblas.h>
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
#include <Eigen/Core>
#endif

namespace {

template <class T>
constexpr bool is_complex = false;
template <class R>
constexpr bool is_complex<std::complex<R>> = true;

template <class T>
struct operands {
  std::size_t n;
  std::vector<T> a, b, c;
  explicit operands(std::size_t size) : n(size), a(n * n), b(n * n), c(n * n) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> d(-1, 1);
    auto random = [&] {
      if constexpr (is_complex<T>) {
        const double re = d(rng);
        return T(re, d(rng));
      } else {
        return static_cast<T>(d(rng));
      }
    };
    for (auto& x : a) x = random();
    for (auto& x : b) x = random();
  }
};

// Real operations: 2 n^3 for a real product, 8 n^3 for a complex one.
template <class T>
void set_flops(benchmark::State& state, double n) {
  const double per_multiply_add = is_complex<T> ? 8 : 2;
  state.counters["GFLOPS"] = benchmark::Counter(per_multiply_add * n * n * n * 1e-9,
                                                benchmark::Counter::kIsIterationInvariantRate);
}

template <class T>
void gemm_linal(benchmark::State& state, int threads) {
  operands<T> x(static_cast<std::size_t>(state.range(0)));
  linal::set_num_threads(threads);
  const auto n = static_cast<std::ptrdiff_t>(x.n);
  for (auto _ : state) {
    linal::kernels::gemm<T>(x.n, x.n, x.n, T(1), x.a.data(), n, 1, x.b.data(), n, 1, T(0),
                            x.c.data(), n, 1);
    benchmark::ClobberMemory();
  }
  set_flops<T>(state, static_cast<double>(x.n));
}

#ifdef LINAL_BENCH_WITH_OPENBLAS
template <class T>
void gemm_openblas(benchmark::State& state, int threads) {
  operands<T> x(static_cast<std::size_t>(state.range(0)));
  openblas_set_num_threads(threads);
  const auto n = static_cast<blasint>(x.n);
  for (auto _ : state) {
    if constexpr (std::is_same_v<T, double>) {
      cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, x.a.data(), n,
                  x.b.data(), n, 0.0, x.c.data(), n);
    } else if constexpr (is_complex<T>) {
      const T one(1), zero(0);
      cblas_zgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, &one, x.a.data(), n,
                  x.b.data(), n, &zero, x.c.data(), n);
    } else {
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, x.a.data(), n,
                  x.b.data(), n, 0.0f, x.c.data(), n);
    }
    benchmark::ClobberMemory();
  }
  set_flops<T>(state, static_cast<double>(x.n));
}
#endif

#ifdef LINAL_BENCH_WITH_EIGEN
template <class T>
void gemm_eigen(benchmark::State& state, int threads) {
  operands<T> x(static_cast<std::size_t>(state.range(0)));
  Eigen::setNbThreads(threads);
  using matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const auto n = static_cast<Eigen::Index>(x.n);
  Eigen::Map<const matrix> a(x.a.data(), n, n), b(x.b.data(), n, n);
  Eigen::Map<matrix> c(x.c.data(), n, n);
  for (auto _ : state) {
    c.noalias() = a * b;
    benchmark::ClobberMemory();
  }
  set_flops<T>(state, static_cast<double>(x.n));
}
#endif

// Register-only FMAs: 12 independent chains hide the FMA latency, as the GEMM micro-kernel does.
// Arg 0 is the chain length; the figure is the ceiling any single-thread double GEMM can reach.
void fma_peak(benchmark::State& state) {
  const auto steps = state.range(0);
#if defined(__AVX2__) && defined(__FMA__)
  constexpr int chains = 12, lanes = 4;
  __m256d acc[chains];
  for (int i = 0; i < chains; ++i) acc[i] = _mm256_set1_pd(i);
  const __m256d x = _mm256_set1_pd(0.999999), y = _mm256_set1_pd(1e-9);
  for (auto _ : state) {
    for (auto s = steps; s > 0; --s)
      for (int i = 0; i < chains; ++i) acc[i] = _mm256_fmadd_pd(acc[i], x, y);
    for (int i = 0; i < chains; ++i) benchmark::DoNotOptimize(acc[i]);
  }
#else
  constexpr int chains = 12, lanes = 1;
  double acc[chains];
  for (int i = 0; i < chains; ++i) acc[i] = i;
  for (auto _ : state) {
    for (auto s = steps; s > 0; --s)
      for (int i = 0; i < chains; ++i) acc[i] = acc[i] * 0.999999 + 1e-9;
    for (int i = 0; i < chains; ++i) benchmark::DoNotOptimize(acc[i]);
  }
#endif
  state.counters["GFLOPS"] =
      benchmark::Counter(2.0 * chains * lanes * static_cast<double>(steps) * 1e-9,
                         benchmark::Counter::kIsIterationInvariantRate);
}

// Single-threaded runs use every size; the 2-thread run shows the scaling at n = 2048.
template <class Fn>
void add(const char* op, const char* impl, Fn fn, std::initializer_list<int> sizes, int threads) {
  const std::string name = std::string(op) + "/" + impl;
  auto* b = benchmark::RegisterBenchmark(name.c_str(), fn, threads);
  for (const int n : sizes) b->Arg(n);
  // The CPU column counts every thread of the process, so that a threaded run shows how much
  // of its time the cores really gave it: on a shared machine, wall time alone hides that.
  b->Unit(benchmark::kMicrosecond)->UseRealTime()->MeasureProcessCPUTime();
}

template <class Fn>
void add_all(const char* impl, Fn dgemm, Fn sgemm, Fn zgemm) {
  add("dgemm", impl, dgemm, {64, 128, 256, 512, 1024, 2048}, 1);
  add("sgemm", impl, sgemm, {1024}, 1);
  add("zgemm", impl, zgemm, {256, 1024}, 1);
  add("dgemm_2threads", impl, dgemm, {2048}, 2);
}

void register_all() {
  benchmark::RegisterBenchmark("fma_peak/linal", fma_peak)->Arg(1 << 16)->UseRealTime();
  add_all("linal", gemm_linal<double>, gemm_linal<float>, gemm_linal<std::complex<double>>);
#ifdef LINAL_BENCH_WITH_OPENBLAS
  add_all("openblas", gemm_openblas<double>, gemm_openblas<float>, gemm_openblas<std::complex<double>>);
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
  add_all("eigen", gemm_eigen<double>, gemm_eigen<float>, gemm_eigen<std::complex<double>>);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
