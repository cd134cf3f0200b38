// linal::kernels::syrk_lower against a naive extended-precision C + alpha A A^H: every n and k up
// to 40 (every ragged tile and every way a tile meets the diagonal), sizes that cross the cache
// blocks, strided and transposed operands; the strict upper triangle and the memory around C
// must be left exactly as they were.

#include <catch2/catch.hpp>
#include <cmath>
#include <complex>
#include <limits>
#include <linal/kernels/syrk.hpp>
#include <random>

#include "reference.hpp"

using kernels_test::layout;
using kernels_test::operand;

namespace {

// LAPACK's tests accept normalized residuals below 30; a correct update stays well under 1.
constexpr long double threshold = 30;

template <class T>
T conj_of(T x) {
  if constexpr (kernels_test::is_complex<T>::value)
    return std::conj(x);
  else
    return x;
}

/// The largest |C - C_ref| / ((k + 2) eps (|alpha| |A||A^H| + |beta| |C0|)) over the lower
/// triangle; infinity when anything else in C's buffer changed.
template <class T>
long double run_syrk(std::size_t n, std::size_t k, layout la, layout lc, T alpha, T beta,
                     std::mt19937& rng) {
  operand<T> a(n, k, la, T{});
  kernels_test::fill_random(a, rng);
  // With beta == 0 the lower triangle starts as NaN, which must never reach the result.
  operand<T> c(n, n, lc, T{});
  kernels_test::fill_random(c, rng);
  if (beta == T{})
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j <= i; ++j) c(i, j) = T(std::numeric_limits<double>::quiet_NaN());
  const operand<T> c0 = c;
  linal::kernels::syrk_lower<T>(n, k, alpha, a.data(), a.rs, a.cs, beta, c.data(), c.rs, c.cs);

  const long double u = kernels_test::unit_roundoff<T>();
  long double worst = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      kernels_test::wide_t<T> sum{};
      long double abs_sum = 0;
      for (std::size_t p = 0; p < k; ++p) {
        sum += kernels_test::multiply(kernels_test::widen(a(i, p)), kernels_test::widen(conj_of(a(j, p))));
        abs_sum += kernels_test::magnitude(a(i, p)) * kernels_test::magnitude(a(j, p));
      }
      auto expect = kernels_test::multiply(kernels_test::widen(alpha), sum);
      long double scale = kernels_test::magnitude(alpha) * abs_sum;
      if (beta != T{}) {
        expect += kernels_test::multiply(kernels_test::widen(beta), kernels_test::widen(c0(i, j)));
        scale += kernels_test::magnitude(beta) * kernels_test::magnitude(c0(i, j));
      }
      const long double err = std::abs(kernels_test::widen(c(i, j)) - expect);
      if (std::isnan(err))
        worst = std::numeric_limits<long double>::infinity();  // a NaN result is the worst error
      else if (err > 0)
        worst = std::max(worst, err / (static_cast<long double>(k + 2) * u * scale));
    }
  // Every buffer element outside the lower triangle (the strict upper triangle, the guard
  // cells) must be untouched.
  std::vector<bool> lower(c.buf.size(), false);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j)
      lower[c.offset + static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i) * c.rs + static_cast<std::ptrdiff_t>(j) * c.cs)] = true;
  for (std::size_t x = 0; x < c.buf.size(); ++x)
    if (!lower[x] && !kernels_test::same_value(c.buf[x], c0.buf[x])) return std::numeric_limits<long double>::infinity();
  return worst;
}

template <class T>
void every_small_size(layout la, layout lc, T alpha, T beta, unsigned seed) {
  std::mt19937 rng(seed);
  for (std::size_t n = 1; n <= 40; ++n)
    for (std::size_t k = 1; k <= 40; ++k) {
      const long double r = run_syrk<T>(n, k, la, lc, alpha, beta, rng);
      if (!(r < threshold)) FAIL("n=" << n << " k=" << k << " ratio=" << r);
    }
  SUCCEED();
}

}  // namespace

TEST_CASE("syrk_lower double: every n, k in 1..40, beta = 0 over NaN", "[kernels][syrk]") {
  every_small_size<double>(layout::row_major, layout::row_major, 1.0, 0.0, 1);
}

TEST_CASE("syrk_lower float: every n, k in 1..40, transposed A, column-major C", "[kernels][syrk]") {
  every_small_size<float>(layout::col_major, layout::col_major, -1.0f, 1.0f, 2);
}

TEST_CASE("syrk_lower complex<double>: every n, k in 1..40, A A^H", "[kernels][syrk]") {
  every_small_size<std::complex<double>>(layout::row_major, layout::row_major, -1.0, 1.0, 3);
}

TEST_CASE("syrk_lower complex<float>: every n, k in 1..40, strided operands", "[kernels][syrk]") {
  every_small_size<std::complex<float>>(layout::strided, layout::strided, 0.5f, -2.0f, 4);
}

TEMPLATE_TEST_CASE("syrk_lower: odd sizes across the cache blocks", "[kernels][syrk]", float, double,
                   std::complex<float>, std::complex<double>) {
  using T = TestType;
  std::mt19937 rng(5);
  struct size {
    std::size_t n, k;
  };
  // Depths past one KC slice, row counts past several MC blocks, and a wide, shallow update.
  for (const size s : {size{301, 263}, size{517, 301}, size{97, 601}, size{1031, 3}}) {
    CAPTURE(s.n, s.k);
    CHECK(run_syrk<T>(s.n, s.k, layout::row_major, layout::row_major, T(-1), T(1), rng) < threshold);
    CHECK(run_syrk<T>(s.n, s.k, layout::col_major, layout::row_major, T(1), T(0), rng) < threshold);
  }
}

TEST_CASE("syrk_lower: more columns than one packed panel", "[kernels][syrk]") {
  // Wider than the largest B panel (4096 columns), so the update is split along the columns too.
  std::mt19937 rng(6);
  CHECK(run_syrk<float>(4103, 2, layout::row_major, layout::row_major, -1.0f, 1.0f, rng) < threshold);
}

TEST_CASE("syrk_lower: k = 0 or alpha = 0 only scales the lower triangle", "[kernels][syrk]") {
  std::mt19937 rng(7);
  CHECK(run_syrk<double>(13, 5, layout::row_major, layout::row_major, 0.0, 3.0, rng) < threshold);
  operand<double> c(7, 7, layout::row_major, 2.0);
  const operand<double> c0 = c;
  linal::kernels::syrk_lower<double>(7, 0, 1.0, nullptr, 1, 1, 0.5, c.data(), c.rs, c.cs);
  for (std::size_t i = 0; i < 7; ++i)
    for (std::size_t j = 0; j < 7; ++j) CHECK(c(i, j) == (j <= i ? 1.0 : 2.0));
  for (std::size_t x = 0; x < c.offset; ++x) CHECK(c.buf[x] == c0.buf[x]);
}

TEST_CASE("syrk_lower on two threads: row blocks shared out, same bound", "[kernels][syrk]") {
  // Large enough (n^2 k / 2 above one thread's share) for the update to start a second thread.
  std::mt19937 rng(8);
  linal::set_num_threads(2);
  const long double r = run_syrk<double>(611, 97, layout::row_major, layout::row_major, -1.0, 1.0, rng);
  const long double rc = run_syrk<std::complex<float>>(403, 211, layout::col_major, layout::row_major, 1.0f, 0.0f, rng);
  linal::set_num_threads(0);
  CHECK(r < threshold);
  CHECK(rc < threshold);
}
