// linal::kernels::gemm against a naive extended-precision product, on every path: unpacked small
// products, packed and blocked ones, edge tiles, threads, transposed and strided operands.

#include <catch2/catch.hpp>
#include <complex>
#include <limits>
#include <linal/kernels/gemm.hpp>
#include <random>

#include "reference.hpp"

using kernels_test::layout;
using kernels_test::operand;

namespace {

// LAPACK's tests accept normalized residuals below 30; a correct product stays well under 1.
constexpr long double threshold = 30;

template <class T>
long double run_gemm(std::size_t m, std::size_t n, std::size_t k, layout la, layout lb, layout lc,
                     T alpha, T beta, std::mt19937& rng) {
  operand<T> a(m, k, la, T{}), b(k, n, lb, T{});
  kernels_test::fill_random(a, rng);
  kernels_test::fill_random(b, rng);
  // With beta == 0 C starts as NaN (for floating types), which must never reach the result.
  T fill = T{};
  if constexpr (!std::is_integral_v<T>)
    if (beta == T{}) fill = T(std::numeric_limits<double>::quiet_NaN());
  operand<T> c(m, n, lc, fill);
  if (beta != T{}) kernels_test::fill_random(c, rng);
  const operand<T> c0 = c;
  linal::kernels::gemm<T>(m, n, k, alpha, a.data(), a.rs, a.cs, b.data(), b.rs, b.cs, beta,
                          c.data(), c.rs, c.cs);
  return kernels_test::error_ratio(a, b, c0, c, alpha, beta);
}

constexpr layout layouts[] = {layout::row_major, layout::col_major, layout::strided};

}  // namespace

// Every m and n up to 40 crosses two or more micro-tiles in each direction with every ragged
// edge; the depths cover each remainder of the micro-kernel's four-way unrolled k loop.
constexpr std::size_t depths[] = {1, 2, 3, 4, 5, 6, 7, 8, 13, 22, 31, 40};

TEST_CASE("gemm double: every m, n in 1..40 and many k, beta = 0 over NaN", "[kernels][gemm]") {
  std::mt19937 rng(1);
  for (std::size_t m = 1; m <= 40; ++m)
    for (std::size_t n = 1; n <= 40; ++n)
      for (const std::size_t k : depths) {
        const long double r = run_gemm<double>(m, n, k, layout::row_major, layout::row_major,
                                               layout::row_major, 1.0, 0.0, rng);
        if (!(r < threshold)) FAIL("m=" << m << " n=" << n << " k=" << k << " ratio=" << r);
      }
  SUCCEED();
}

TEST_CASE("gemm float: every m, n in 1..40 and many k, mixed layouts, alpha and beta",
          "[kernels][gemm]") {
  std::mt19937 rng(2);
  std::size_t variant = 0;
  for (std::size_t m = 1; m <= 40; ++m)
    for (std::size_t n = 1; n <= 40; ++n)
      for (const std::size_t k : depths) {
        const layout la = layouts[variant % 3], lb = layouts[variant / 3 % 3],
                     lc = layouts[variant / 9 % 3];
        ++variant;
        const long double r = run_gemm<float>(m, n, k, la, lb, lc, -1.5f, 0.5f, rng);
        if (!(r < threshold))
          FAIL("m=" << m << " n=" << n << " k=" << k << " layouts " << int(la) << int(lb) << int(lc)
                    << " ratio=" << r);
      }
  SUCCEED();
}

TEMPLATE_TEST_CASE("gemm: every layout of A, B and C, all alpha/beta kinds", "[kernels][gemm]",
                   float, double, std::complex<double>, int) {
  std::mt19937 rng(3);
  const TestType alphas[] = {TestType(1), TestType(-2), TestType(0)};
  const TestType betas[] = {TestType(0), TestType(1), TestType(3)};
  for (const std::size_t s : {1u, 7u, 13u, 33u})
    for (const layout la : layouts)
      for (const layout lb : layouts)
        for (const layout lc : layouts)
          for (const TestType alpha : alphas)
            for (const TestType beta : betas) {
              const std::size_t m = s, n = s + 3, k = 2 * s + 1;
              INFO("m=" << m << " n=" << n << " k=" << k << " layouts " << int(la) << int(lb)
                        << int(lc));
              REQUIRE(run_gemm<TestType>(m, n, k, la, lb, lc, alpha, beta, rng) < threshold);
            }
}

TEMPLATE_TEST_CASE("gemm: large odd shapes cross every cache block", "[kernels][gemm]", float,
                   double, std::complex<double>, int) {
  std::mt19937 rng(4);
  struct shape {
    std::size_t m, n, k;
  };
  // 257 x 511 x 129 has ragged tiles in every direction; k = 600 spans several KC slices,
  // m = 300 several MC blocks, n = 4200 more than one NC panel.
  for (const shape s : {shape{257, 511, 129}, shape{300, 50, 600}, shape{13, 4200, 5}})
    for (const layout la : {layout::row_major, layout::col_major})
      for (const layout lb : {layout::row_major, layout::strided}) {
        INFO("m=" << s.m << " n=" << s.n << " k=" << s.k);
        REQUIRE(run_gemm<TestType>(s.m, s.n, s.k, la, lb, layout::row_major, TestType(2),
                                   TestType(-1), rng) < threshold);
      }
}

TEMPLATE_TEST_CASE("gemm complex: non-real alpha and beta, on both sides of the switch to real "
                   "products of the parts", "[kernels][gemm]", std::complex<float>,
                   std::complex<double>) {
  std::mt19937 rng(7);
  using R = typename TestType::value_type;
  const TestType alphas[] = {TestType(R(0.5), R(-2)), TestType(0, 1), TestType(-1, 0)};
  const TestType betas[] = {TestType(0), TestType(R(1), R(1)), TestType(0, -1)};
  struct shape {
    std::size_t m, n, k;
  };
  // 9 x 10 x 11 stays on the complex kernel; the others (m n k >= 16^3) run by parts.
  for (const shape s : {shape{9, 10, 11}, shape{40, 37, 29}, shape{130, 63, 129}, shape{5, 300, 7}})
    for (const layout la : layouts)
      for (const layout lc : layouts)
        for (const TestType alpha : alphas)
          for (const TestType beta : betas) {
            INFO("m=" << s.m << " n=" << s.n << " k=" << s.k << " layouts " << int(la) << int(lc)
                      << " alpha=" << alpha << " beta=" << beta);
            REQUIRE(run_gemm<TestType>(s.m, s.n, s.k, la, layout::strided, lc, alpha, beta, rng) <
                    threshold);
          }
}

TEST_CASE("gemm: matrix-vector shapes and an empty depth", "[kernels][gemm]") {
  std::mt19937 rng(5);
  for (const layout l : layouts) {
    REQUIRE(run_gemm<double>(90, 1, 77, l, l, l, 1.0, 0.0, rng) < threshold);
    REQUIRE(run_gemm<double>(1, 90, 77, l, l, l, 1.0, 2.0, rng) < threshold);
    REQUIRE(run_gemm<double>(1, 1, 300, l, l, l, -1.0, 0.0, rng) < threshold);
  }
  // k = 0: C = beta * C, and beta = 0 clears NaN.
  operand<double> c(3, 4, layout::row_major, std::numeric_limits<double>::quiet_NaN());
  linal::kernels::gemm<double>(3, 4, 0, 1.0, nullptr, 1, 1, nullptr, 1, 1, 0.0, c.data(), c.rs,
                               c.cs);
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 4; ++j) REQUIRE(c(i, j) == 0.0);
}

TEST_CASE("gemm: threads give the same accuracy, also inside a caller's parallel region",
          "[kernels][gemm][threads]") {
  std::mt19937 rng(6);
  const int saved = linal::get_num_threads();
  for (const int t : {1, 2, 3}) {
    linal::set_num_threads(t);
    REQUIRE(linal::get_num_threads() == t);
    // Large enough (about 3 x 256^3 multiply-adds) that gemm really starts three threads.
    REQUIRE(run_gemm<double>(390, 397, 330, layout::row_major, layout::col_major, layout::row_major,
                             1.0, 0.5, rng) < threshold);
  }
  linal::set_num_threads(2);
  bool all_good = true;
#ifdef _OPENMP
#pragma omp parallel for num_threads(2) reduction(&& : all_good)
#endif
  for (int i = 0; i < 4; ++i) {
    std::mt19937 local(static_cast<unsigned>(i));
    // Big enough to be threaded if called alone: inside the region it must run on one thread.
    all_good = all_good && run_gemm<double>(330, 330, 310, layout::row_major, layout::row_major,
                                            layout::row_major, 1.0, 0.0, local) < threshold;
  }
  REQUIRE(all_good);
  linal::set_num_threads(0);
  REQUIRE(linal::get_num_threads() >= 1);
  linal::set_num_threads(saved);
}
