// Distinct data on several threads: every call gives the result it gives alone. linal keeps no
// global mutable state (random numbers come from per-call Generator objects), so this holds
// without locks; the thread-sanitizer build (preset "thread") checks that no data race hides here.
#include <catch2/catch.hpp>

#include <linal/linal.hpp>
#include <thread>
#include <vector>

using namespace linal;

namespace {

struct Results {
  Matrix<double> product, inverse, cholesky_factor, q, u;
  Vector<double> solution, eigenvalues, singular_values;
};

Results compute(std::uint64_t seed) {
  const Matrix<double> A = random(40, 40, seed) + 40.0 * eye<double>(40);
  const Matrix<double> S = matmul(A, A.T());
  const Vector<double> b = Generator(seed + 1).uniform_vector(40);
  Results r;
  r.product = matmul(A, A);
  r.inverse = inv(A);
  r.cholesky_factor = cholesky(S);
  r.q = qr(A).Q;
  r.u = svd(A).U;
  r.solution = solve(A, b);
  r.eigenvalues = eigvalsh(S);
  r.singular_values = svdvals(A);
  return r;
}

bool same(const Results& a, const Results& b) {
  return array_equal(a.product, b.product) && array_equal(a.inverse, b.inverse) &&
         array_equal(a.cholesky_factor, b.cholesky_factor) && array_equal(a.q, b.q) && array_equal(a.u, b.u) &&
         array_equal(a.solution, b.solution) && array_equal(a.eigenvalues, b.eigenvalues) &&
         array_equal(a.singular_values, b.singular_values);
}

}  // namespace

TEST_CASE("concurrent calls on distinct data give the single-threaded results", "[threads]") {
  constexpr int threads = 4;
  std::vector<Results> alone;
  for (int t = 0; t < threads; ++t) alone.push_back(compute(static_cast<std::uint64_t>(t)));

  std::vector<Results> together(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([t, &together] {
      for (int repeat = 0; repeat < 3; ++repeat) together[static_cast<std::size_t>(t)] = compute(static_cast<std::uint64_t>(t));
    });
  for (auto& th : pool) th.join();

  for (int t = 0; t < threads; ++t) CHECK(same(alone[static_cast<std::size_t>(t)], together[static_cast<std::size_t>(t)]));
}

TEST_CASE("generators with the same seed agree across threads", "[threads]") {
  Matrix<double> a, b;
  std::thread first([&] { a = Generator(99).normal(30, 30); });
  std::thread second([&] { b = Generator(99).normal(30, 30); });
  first.join();
  second.join();
  CHECK(array_equal(a, b));
}
