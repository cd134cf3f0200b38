// linal::kernels::dot and gemv against naive extended-precision references, for contiguous and
// strided (also negative-stride) vectors and row-major, column-major and strided matrices.

#include <catch2/catch.hpp>
#include <complex>
#include <limits>
#include <linal/kernels/dot.hpp>
#include <linal/kernels/gemv.hpp>
#include <random>

#include "reference.hpp"

using kernels_test::layout;
using kernels_test::operand;

namespace {

constexpr long double threshold = 30;
constexpr layout layouts[] = {layout::row_major, layout::col_major, layout::strided};

// A vector is an n x 1 operand: its element stride is the operand's row stride.
template <class T>
long double run_gemv(std::size_t m, std::size_t n, layout la, layout lx, layout ly, T alpha, T beta,
                     std::mt19937& rng) {
  operand<T> a(m, n, la, T{}), x(n, 1, lx, T{});
  kernels_test::fill_random(a, rng);
  kernels_test::fill_random(x, rng);
  T fill = T{};
  if constexpr (!std::is_integral_v<T>)
    if (beta == T{}) fill = T(std::numeric_limits<double>::quiet_NaN());
  operand<T> y(m, 1, ly, fill);
  if (beta != T{}) kernels_test::fill_random(y, rng);
  const operand<T> y0 = y;
  linal::kernels::gemv<T>(m, n, alpha, a.data(), a.rs, a.cs, x.data(), x.rs, beta, y.data(), y.rs);
  return kernels_test::error_ratio(a, x, y0, y, alpha, beta);
}

}  // namespace

TEMPLATE_TEST_CASE("gemv: sizes 0..40, every layout, alpha and beta", "[kernels][gemv]", float,
                   double, std::complex<double>, int) {
  std::mt19937 rng(7);
  const TestType scalars[] = {TestType(0), TestType(1), TestType(-3)};
  std::size_t variant = 0;
  for (std::size_t m = 0; m <= 40; ++m)
    for (std::size_t n = 0; n <= 40; ++n, ++variant) {
      const layout la = layouts[variant % 3], lx = layouts[variant / 3 % 3],
                   ly = layouts[variant / 9 % 3];
      const TestType alpha = scalars[variant / 27 % 3], beta = scalars[variant / 81 % 3];
      const long double r = run_gemv<TestType>(m, n, la, lx, ly, alpha, beta, rng);
      if (!(r < threshold))
        FAIL("m=" << m << " n=" << n << " variant " << variant << " ratio=" << r);
    }
  SUCCEED();
}

TEMPLATE_TEST_CASE("gemv: large, column-major and row-major", "[kernels][gemv]", float, double) {
  std::mt19937 rng(8);
  for (const layout la : layouts)
    REQUIRE(run_gemv<TestType>(1031, 517, la, layout::col_major, layout::col_major, TestType(2),
                               TestType(0.5), rng) < threshold);
}

TEMPLATE_TEST_CASE("dot: contiguous, strided and reversed", "[kernels][dot]", float, double,
                   std::complex<double>, int) {
  std::mt19937 rng(9);
  for (std::size_t n = 0; n <= 300; n += (n < 40 ? 1 : 37)) {
    std::vector<TestType> x(3 * n + 1), y(3 * n + 1);
    for (auto& v : x) v = kernels_test::random_value<TestType>(rng);
    for (auto& v : y) v = kernels_test::random_value<TestType>(rng);
    struct strides {
      std::ptrdiff_t incx, incy;
    };
    for (const strides s : {strides{1, 1}, strides{2, 3}, strides{-1, 1}, strides{1, 0}}) {
      // A negative stride walks backwards from the first element, which is then the last one.
      const TestType* px = s.incx < 0 && n > 0 ? x.data() + n - 1 : x.data();
      kernels_test::wide_t<TestType> expect{};
      long double scale = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const auto p = static_cast<std::ptrdiff_t>(i);
        expect +=
            kernels_test::multiply(kernels_test::widen(px[p * s.incx]),
                                   kernels_test::widen(y[static_cast<std::size_t>(p * s.incy)]));
        scale += kernels_test::magnitude(px[p * s.incx]) *
                 kernels_test::magnitude(y[static_cast<std::size_t>(p * s.incy)]);
      }
      const TestType got = linal::kernels::dot<TestType>(n, px, s.incx, y.data(), s.incy);
      const long double err = std::abs(kernels_test::widen(got) - expect);
      INFO("n=" << n << " incx=" << s.incx << " incy=" << s.incy);
      if (kernels_test::unit_roundoff<TestType>() == 0)
        REQUIRE(err == 0);
      else
        REQUIRE(err <= threshold * static_cast<long double>(n + 1) *
                           kernels_test::unit_roundoff<TestType>() * scale);
    }
  }
}
