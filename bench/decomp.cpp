// The factorizations side by side: linal, LAPACK (through LAPACKE and OpenBLAS) and Eigen, on the
// same matrix, one thread each. Names follow bench/compare's convention <op>/<impl>/<size>: the
// double factorizations are getrf, potrf, sytrf, geqrf and geqp3; LU and Cholesky in float and
// complex<double> are sgetrf, spotrf, zgetrf and zpotrf (GFLOP/s counts real operations, four per
// complex multiply-add pair, as LAPACK's operation counts do).
//
// Fairness: the input is copied outside the timed region for LAPACK, which factors in place.
// linal and Eigen take a const matrix and copy it into their own storage inside the call; that
// copy (and linal's finiteness check) is part of their timed cost, as users pay it too.
// linal's row-major matrix is handed to LAPACK as a column-major one, i.e. LAPACK factors A^T,
// which costs the same; for Cholesky and LDL^T, the row-major lower triangle is the
// column-major upper one, so 'U' reads the same numbers.

#include <benchmark/benchmark.h>

#include <complex>
#include <cstddef>
#include <initializer_list>
#include <random>
#include <string>
#include <type_traits>
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

template <class T>
constexpr bool is_complex = false;
template <class R>
constexpr bool is_complex<std::complex<R>> = true;

template <class T>
T random_entry(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> d(-1, 1);
  if constexpr (is_complex<T>) {
    const double re = d(rng);
    return T(re, d(rng));
  } else {
    return static_cast<T>(d(rng));
  }
}

template <class T>
T conj_if_complex(T x) {
  if constexpr (is_complex<T>) return std::conj(x);
  else return x;
}

// A well-conditioned test matrix: random, random + n I (Hermitian positive definite), or random
// symmetric (indefinite).
template <class T>
linal::Matrix<T> make_input(std::size_t n, kind k) {
  std::mt19937_64 rng(7);
  linal::Matrix<T> a(n, n);
  for (auto& x : a) x = random_entry<T>(rng);
  if (k == kind::general) return a;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) a(j, i) = conj_if_complex(a(i, j));
  if (k == kind::spd)
    for (std::size_t i = 0; i < n; ++i) a(i, i) = T(std::real(a(i, i)) + static_cast<double>(n));
  return a;
}

// The factorization an op names, without its precision letter (s, z; none for double).
std::string base_of(const std::string& op) {
  return op[0] == 's' || op[0] == 'z' ? op.substr(1) : op;
}

double flops_of(const std::string& op, double n) {
  const std::string base = base_of(op);
  const double scale = op[0] == 'z' ? 4 : 1;
  if (base == "getrf") return scale * 2.0 / 3.0 * n * n * n;
  if (base == "potrf" || base == "sytrf") return scale * n * n * n / 3.0;
  return scale * 4.0 / 3.0 * n * n * n;  // geqrf, geqp3
}

void set_flops(benchmark::State& state, const std::string& op) {
  state.counters["GFLOPS"] =
      benchmark::Counter(flops_of(op, static_cast<double>(state.range(0))) * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

kind kind_of(const std::string& op) {
  const std::string base = base_of(op);
  return base == "potrf" ? kind::spd : base == "sytrf" ? kind::symmetric : kind::general;
}

template <class T>
void run_linal(benchmark::State& state, std::string name) {
  linal::set_num_threads(1);
  const auto a = make_input<T>(static_cast<std::size_t>(state.range(0)), kind_of(name));
  const std::string op = base_of(name);
  for (auto _ : state) {
    if (op == "getrf") benchmark::DoNotOptimize(linal::lu_factor(a));
    else if (op == "potrf") benchmark::DoNotOptimize(linal::cho_factor(a));
    else if (op == "sytrf") benchmark::DoNotOptimize(linal::ldlt(a));
    else if (op == "geqrf") benchmark::DoNotOptimize(linal::qr_factor(a));
    else benchmark::DoNotOptimize(linal::qr_factor(a, linal::pivoting));
    benchmark::ClobberMemory();
  }
  set_flops(state, name);
}

#ifdef LINAL_BENCH_WITH_LAPACKE
// LU and Cholesky of float and complex<double> matrices, in place in `work` (column-major n x n).
template <class T>
lapack_int lapack_factor(const std::string& base, lapack_int n, T* work, lapack_int* ipiv) {
  if constexpr (std::is_same_v<T, float>) {
    if (base == "getrf") return LAPACKE_sgetrf(LAPACK_COL_MAJOR, n, n, work, n, ipiv);
    return LAPACKE_spotrf(LAPACK_COL_MAJOR, 'U', n, work, n);
  } else {
    auto* z = reinterpret_cast<lapack_complex_double*>(work);
    if (base == "getrf") return LAPACKE_zgetrf(LAPACK_COL_MAJOR, n, n, z, n, ipiv);
    return LAPACKE_zpotrf(LAPACK_COL_MAJOR, 'U', n, z, n);
  }
}

template <class T>
void run_lapack(benchmark::State& state, std::string name) {
#ifdef LINAL_BENCH_WITH_OPENBLAS
  openblas_set_num_threads(1);
#endif
  const auto n = static_cast<lapack_int>(state.range(0));
  const auto a = make_input<T>(static_cast<std::size_t>(n), kind_of(name));
  const std::string op = base_of(name);
  std::vector<T> work(a.begin(), a.end()), tau(static_cast<std::size_t>(n));
  std::vector<lapack_int> ipiv(static_cast<std::size_t>(n));
  for (auto _ : state) {
    state.PauseTiming();
    std::copy(a.begin(), a.end(), work.begin());
    std::fill(ipiv.begin(), ipiv.end(), 0);  // geqp3: every column is free to move
    state.ResumeTiming();
    lapack_int info = 0;
    if constexpr (!std::is_same_v<T, double>) info = lapack_factor(op, n, work.data(), ipiv.data());
    else if (op == "getrf") info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, n, n, work.data(), n, ipiv.data());
    else if (op == "potrf") info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'U', n, work.data(), n);
    else if (op == "sytrf") info = LAPACKE_dsytrf(LAPACK_COL_MAJOR, 'U', n, work.data(), n, ipiv.data());
    else if (op == "geqrf") info = LAPACKE_dgeqrf(LAPACK_COL_MAJOR, n, n, work.data(), n, tau.data());
    else info = LAPACKE_dgeqp3(LAPACK_COL_MAJOR, n, n, work.data(), n, ipiv.data(), tau.data());
    if (info != 0) state.SkipWithError("LAPACK reported a failure");
    benchmark::ClobberMemory();
  }
  set_flops(state, name);
}
#endif

#ifdef LINAL_BENCH_WITH_EIGEN
template <class Decomposition, class M>
void eigen_loop(benchmark::State& state, const M& m) {
  Decomposition d(m);  // allocates its storage once, outside the loop
  for (auto _ : state) {
    d.compute(m);
    benchmark::ClobberMemory();
  }
}

template <class T>
void run_eigen(benchmark::State& state, std::string name) {
  Eigen::setNbThreads(1);
  using M = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const auto a = make_input<T>(static_cast<std::size_t>(n), kind_of(name));
  const std::string op = base_of(name);
  // Eigen's matrices are column-major; its transpose of our input has the same cost.
  const M m = Eigen::Map<const M>(a.data(), n, n);
  if (op == "getrf") eigen_loop<Eigen::PartialPivLU<M>>(state, m);
  else if (op == "potrf") eigen_loop<Eigen::LLT<M, Eigen::Upper>>(state, m);
  else if (op == "sytrf") eigen_loop<Eigen::LDLT<M, Eigen::Upper>>(state, m);
  else if (op == "geqrf") eigen_loop<Eigen::HouseholderQR<M>>(state, m);
  else eigen_loop<Eigen::ColPivHouseholderQR<M>>(state, m);
  set_flops(state, name);
}
#endif

void add(const std::string& op, const char* impl, void (*fn)(benchmark::State&, std::string),
         std::initializer_list<int> sizes) {
  const std::string name = op + "/" + impl;
  auto* b = benchmark::RegisterBenchmark(name.c_str(), fn, op);
  for (const int n : sizes) b->Arg(n);
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}

template <class T>
void add_all(const std::string& op, std::initializer_list<int> sizes) {
  add(op, "linal", run_linal<T>, sizes);
#ifdef LINAL_BENCH_WITH_LAPACKE
  add(op, "lapack", run_lapack<T>, sizes);
#endif
#ifdef LINAL_BENCH_WITH_EIGEN
  add(op, "eigen", run_eigen<T>, sizes);
#endif
}

void register_all() {
  // The sizes of the factorizations' speed bars.
  for (const std::string op : {"getrf", "potrf", "sytrf", "geqrf", "geqp3"})
    add_all<double>(op, {256, 1024, 2048});
  for (const std::string op : {"getrf", "potrf"}) {
    add_all<float>("s" + op, {256, 1024});
    add_all<std::complex<double>>("z" + op, {256, 1024});
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
