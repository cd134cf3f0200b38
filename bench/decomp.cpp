// The factorizations side by side: linal, LAPACK (through LAPACKE and OpenBLAS) and Eigen, on the
// same double matrix, one thread each. Names follow bench/compare's convention <op>/<impl>/<size>.
//
// Fairness: the input is copied outside the timed region for LAPACK, which factors in place.
// linal and Eigen take a const matrix and copy it into their own storage inside the call; that
// copy (and linal's finiteness check) is part of their timed cost, as users pay it too.
// linal's row-major matrix is handed to LAPACK as a column-major one, i.e. LAPACK factors A^T,
// which costs the same; for Cholesky and LDL^T, the row-major lower triangle is the
// column-major upper one, so 'U' reads the same numbers.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <initializer_list>
#include <random>
#include <string>
#include <vector>

#include <linal/core.hpp>
#include <linal/decomp.hpp>

#ifdef LINAL_BENCH_WITH_OPENBLAS
#include <cblas.h>
#endif
#ifdef LINAL_BENCH_WITH_LAPACKE
#include <lapacke.h>
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/LU>
#include <Eigen/QR>
#endif

namespace {

enum class kind { general, spd, symmetric };

// A well-conditioned test matrix: random, random + n I (symmetric positive definite), or random
// symmetric (indefinite).
linal::Matrix<double> make_input(std::size_t n, kind k) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> d(-1, 1);
  linal::Matrix<double> a(n, n);
  for (auto& x : a) x = d(rng);
  if (k == kind::general) return a;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) a(j, i) = a(i, j);
  if (k == kind::spd)
    for (std::size_t i = 0; i < n; ++i) a(i, i) += static_cast<double>(n);
  return a;
}

double flops_of(const std::string& op, double n) {
  if (op == "getrf") return 2.0 / 3.0 * n * n * n;
  if (op == "potrf" || op == "sytrf") return n * n * n / 3.0;
  return 4.0 / 3.0 * n * n * n;  // geqrf, geqp3
}

void set_flops(benchmark::State& state, const std::string& op) {
  state.counters["GFLOPS"] =
      benchmark::Counter(flops_of(op, static_cast<double>(state.range(0))) * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

kind kind_of(const std::string& op) {
  return op == "potrf" ? kind::spd : op == "sytrf" ? kind::symmetric : kind::general;
}

void run_linal(benchmark::State& state, std::string op) {
  linal::set_num_threads(1);
  const auto a = make_input(static_cast<std::size_t>(state.range(0)), kind_of(op));
  for (auto _ : state) {
    if (op == "getrf") benchmark::DoNotOptimize(linal::lu_factor(a));
    else if (op == "potrf") benchmark::DoNotOptimize(linal::cho_factor(a));
    else if (op == "sytrf") benchmark::DoNotOptimize(linal::ldlt(a));
    else if (op == "geqrf") benchmark::DoNotOptimize(linal::qr_factor(a));
    else benchmark::DoNotOptimize(linal::qr_factor(a, linal::pivoting));
    benchmark::ClobberMemory();
  }
  set_flops(state, op);
}

#ifdef LINAL_BENCH_WITH_LAPACKE
void run_lapack(benchmark::State& state, std::string op) {
#ifdef LINAL_BENCH_WITH_OPENBLAS
  openblas_set_num_threads(1);
#endif
  const auto n = static_cast<lapack_int>(state.range(0));
  const auto a = make_input(static_cast<std::size_t>(n), kind_of(op));
  std::vector<double> work(a.begin(), a.end()), tau(static_cast<std::size_t>(n));
  std::vector<lapack_int> ipiv(static_cast<std::size_t>(n));
  for (auto _ : state) {
    state.PauseTiming();
    std::copy(a.begin(), a.end(), work.begin());
    std::fill(ipiv.begin(), ipiv.end(), 0);  // geqp3: every column is free to move
    state.ResumeTiming();
    lapack_int info = 0;
    if (op == "getrf") info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, n, n, work.data(), n, ipiv.data());
    else if (op == "potrf") info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'U', n, work.data(), n);
    else if (op == "sytrf") info = LAPACKE_dsytrf(LAPACK_COL_MAJOR, 'U', n, work.data(), n, ipiv.data());
    else if (op == "geqrf") info = LAPACKE_dgeqrf(LAPACK_COL_MAJOR, n, n, work.data(), n, tau.data());
    else info = LAPACKE_dgeqp3(LAPACK_COL_MAJOR, n, n, work.data(), n, ipiv.data(), tau.data());
    if (info != 0) state.SkipWithError("LAPACK reported a failure");
    benchmark::ClobberMemory();
  }
  set_flops(state, op);
}
#endif

#ifdef LINAL_BENCH_WITH_EIGEN
template <class Decomposition>
void eigen_loop(benchmark::State& state, const Eigen::MatrixXd& m) {
  Decomposition d(m);  // allocates its storage once, outside the loop
  for (auto _ : state) {
    d.compute(m);
    benchmark::ClobberMemory();
  }
}

void run_eigen(benchmark::State& state, std::string op) {
  Eigen::setNbThreads(1);
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const auto a = make_input(static_cast<std::size_t>(n), kind_of(op));
  // Eigen's matrices are column-major; its transpose of our input has the same cost.
  const Eigen::MatrixXd m = Eigen::Map<const Eigen::MatrixXd>(a.data(), n, n);
  if (op == "getrf") eigen_loop<Eigen::PartialPivLU<Eigen::MatrixXd>>(state, m);
  else if (op == "potrf") eigen_loop<Eigen::LLT<Eigen::MatrixXd, Eigen::Upper>>(state, m);
  else if (op == "sytrf") eigen_loop<Eigen::LDLT<Eigen::MatrixXd, Eigen::Upper>>(state, m);
  else if (op == "geqrf") eigen_loop<Eigen::HouseholderQR<Eigen::MatrixXd>>(state, m);
  else eigen_loop<Eigen::ColPivHouseholderQR<Eigen::MatrixXd>>(state, m);
  set_flops(state, op);
}
#endif

void add(const std::string& op, const char* impl, void (*fn)(benchmark::State&, std::string),
         std::initializer_list<int> sizes) {
  const std::string name = op + "/" + impl;
  auto* b = benchmark::RegisterBenchmark(name.c_str(), fn, op);
  for (const int n : sizes) b->Arg(n);
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}

void register_all() {
  for (const std::string op : {"getrf", "potrf", "sytrf", "geqrf", "geqp3"}) {
    // The sizes of the factorizations' speed bars.
    const std::initializer_list<int> sizes = {256, 1024, 2048};
    add(op, "linal", run_linal, sizes);
#ifdef LINAL_BENCH_WITH_LAPACKE
    add(op, "lapack", run_lapack, sizes);
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
    add(op, "eigen", run_eigen, sizes);
#endif
  }
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
