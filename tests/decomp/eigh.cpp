// eigh and eigvalsh: A = V diag(w) V^T (V^H for complex Hermitian A) with w real and
// ascending and V orthogonal (unitary), to LAPACK's accuracy (ratios below 60), on random,
// structured and hard symmetric and Hermitian matrices.

#include <catch2/catch.hpp>

#include <linal/core.hpp>
#include <linal/decomp/eigh.hpp>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

#include "gallery.hpp"
#include "spectral_checks.hpp"
#include "spectral_gallery.hpp"

using namespace linal;
namespace sc = spectral_checks;
namespace sg = spectral_gallery;

namespace {

/// eigh and eigvalsh of a real symmetric or complex Hermitian a: w real and ascending,
/// A = V diag(w) V^H and V^H V = I, for complex A also the column residual
/// max_j ||A v_j - w_j v_j||, and eigvalsh agreeing with eigh.
template <class T>
void check_eigh(const Matrix<T>& a) {
  using R = real_t<T>;
  const auto [w, V] = eigh(a);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(w)>, Vector<R>>);
  const std::size_t n = a.rows();
  REQUIRE(w.size() == n);
  REQUIRE(V.rows() == n);
  REQUIRE(V.cols() == n);
  for (std::size_t i = 1; i < n; ++i) CHECK(w[i - 1] <= w[i]);
  sc::check_eigh_factors(a, w, V);
  if constexpr (is_complex_v<T>) {
    Vector<T> w_complex(n);
    for (std::size_t i = 0; i < n; ++i) w_complex[i] = T(w[i]);
    CHECK(sg::eig_ratio(a, w_complex, V) < sc::eigh_threshold);
  }
  // eigvalsh computes the same values without the vectors.
  const Vector<R> values = eigvalsh(a);
  REQUIRE(values.size() == n);
  CHECK(sc::eigenvalue_ratio(values, w, a) < sc::eigh_threshold);
}

/// eigh of a against its known eigenvalues (ascending): their error, and eigh's factors.
template <class T>
void check_eigh_against(const Matrix<T>& a, const std::vector<long double>& reference) {
  const auto [w, V] = eigh(a);
  CHECK(sc::eigenvalue_ratio(w, reference, a) < sc::eigh_threshold);
  sc::check_eigh_factors(a, w, V);
}

}  // namespace

TEMPLATE_TEST_CASE("eigh of random symmetric matrices meets LAPACK's ratios", "[eigh]", float, double) {
  for (std::size_t n : {0, 1, 2, 3, 5, 10, 50, 200}) {
    INFO("n = " << n);
    check_eigh(sg::random_symmetric<TestType>(n, 100 + n));
  }
}

TEMPLATE_TEST_CASE("eigh of a tridiagonal Toeplitz matrix gives a + 2b cos(k pi/(n+1))", "[eigh]", float, double) {
  for (std::size_t n : {1, 2, 5, 50})
    check_eigh_against(sg::toeplitz_tridiagonal<TestType>(n, 2, -1), sg::toeplitz_tridiagonal_eigenvalues(n, 2, -1));
}

TEMPLATE_TEST_CASE("eigh of Wilkinson's W21+ matches bisection and keeps its close pairs orthogonal", "[eigh]", float,
                   double) {
  const auto d = sg::wilkinson_diagonal(10);
  const std::vector<long double> e(20, 1);
  check_eigh_against(sg::tridiagonal<TestType>(d, e), sg::bisection_eigenvalues(d, e));
}

TEMPLATE_TEST_CASE("eigh handles repeated, clustered and graded spectra", "[eigh]", float, double) {
  using T = TestType;
  SECTION("repeated eigenvalues") {
    const auto a = sg::symmetric_with_eigenvalues<T>({3, 1, 2, 1, 3, 1, 2, 1, 1, 3}, 7);
    check_eigh(a);
    check_eigh_against(a, {1, 1, 1, 1, 1, 2, 2, 3, 3, 3});
  }
  SECTION("a tight cluster") {
    std::vector<double> values;
    for (int k = 0; k < 20; ++k) values.push_back(1 + k * 1e-13);
    values.push_back(-1);
    check_eigh(sg::symmetric_with_eigenvalues<T>(values, 8));
  }
  SECTION("graded over 20 orders of magnitude") {
    std::vector<double> values;
    for (int k = 0; k < 21; ++k) values.push_back(std::pow(10.0, -k) * (k % 2 ? -1 : 1));
    check_eigh(sg::symmetric_with_eigenvalues<T>(values, 9));
  }
  SECTION("identity, zero and diagonal") {
    check_eigh(eye<T>(6));
    check_eigh(zeros<T>(6, 6));
    const auto [w, V] = eigh(diag(Vector<T>{3, -1, 2}));
    CHECK(w[0] == T(-1));
    CHECK(w[1] == T(2));
    CHECK(w[2] == T(3));
    CHECK(std::abs(V(1, 0)) == T(1));
  }
}

TEMPLATE_TEST_CASE("eigh scales internally near overflow and underflow", "[eigh]", float, double) {
  using T = TestType;
  const auto a = sg::random_symmetric<T>(20, 3);
  const auto w_plain = eigvalsh(a);
  for (const T s : sc::extreme_scales<T>()) {
    const auto scaled = gallery::scaled(a, s);
    const auto [w, V] = eigh(scaled);
    sc::check_eigh_factors(scaled, w, V);
    // Scaling by s scales the eigenvalues by s.
    CHECK(sc::eigenvalue_ratio(w, sc::scaled_values(w_plain, s), scaled) < sc::eigh_threshold);
  }
}

// From linal::detail::eigh_divide_conquer_order on, the tridiagonal stage is divide and
// conquer: these orders lie above it, and the spectra below make its deflation do most of
// the work (close poles, tiny coupling components) or none of it.
TEMPLATE_TEST_CASE("eigh by divide and conquer meets LAPACK's ratios on random and hard spectra", "[eigh]", float,
                   double) {
  using T = TestType;
  const std::size_t smallest = detail::eigh_divide_conquer_order;
  SECTION("random, with halves of unequal order") {
    for (std::size_t n : {smallest, smallest + 1, std::size_t(131), std::size_t(257)}) {
      INFO("n = " << n);
      check_eigh(sg::random_symmetric<T>(n, 300 + n));
    }
  }
  SECTION("graded over 15 orders of magnitude") {
    std::vector<double> values;
    for (int k = 0; k < 120; ++k) values.push_back(std::pow(10.0, -k / 8.0) * (k % 2 ? -1 : 1));
    check_eigh(sg::symmetric_with_eigenvalues<T>(values, 11));
  }
  SECTION("three clusters of repeated eigenvalues") {
    std::vector<double> values;
    for (int k = 0; k < 120; ++k) values.push_back(1 + (k % 3) * (1 + 1e-14 * k));
    check_eigh(sg::symmetric_with_eigenvalues<T>(values, 12));
  }
  SECTION("identity plus a tiny symmetric perturbation") {
    const std::size_t n = 150;
    Matrix<T> a = eye<T>(n);
    const auto r = sg::random_symmetric<T>(n, 13);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) a(i, j) += std::numeric_limits<T>::epsilon() * r(i, j);
    check_eigh(a);
  }
  SECTION("zero matrix") {
    const auto [w, V] = eigh(zeros<T>(100, 100));
    for (std::size_t i = 0; i < w.size(); ++i) CHECK(w[i] == T(0));
    CHECK(sg::orthogonality_ratio(V) < sc::eigh_threshold);
  }
}

TEMPLATE_TEST_CASE("eigh by divide and conquer matches closed forms and bisection on tridiagonal matrices", "[eigh]",
                   float, double) {
  using T = TestType;
  SECTION("tridiagonal Toeplitz") {
    const std::size_t n = 200;
    check_eigh_against(sg::toeplitz_tridiagonal<T>(n, 2, -1), sg::toeplitz_tridiagonal_eigenvalues(n, 2, -1));
  }
  SECTION("Wilkinson W101+") {
    const auto d = sg::wilkinson_diagonal(50);
    const std::vector<long double> e(100, 1);
    check_eigh_against(sg::tridiagonal<T>(d, e), sg::bisection_eigenvalues(d, e));
  }
  SECTION("glued Wilkinson W21+ matrices") {
    for (const long double glue : {1e-6L, 1e-12L}) {
      INFO("glue = " << static_cast<double>(glue));
      std::vector<long double> d, e;
      sg::glued_wilkinson(6, 10, glue, d, e);
      check_eigh_against(sg::tridiagonal<T>(d, e), sg::bisection_eigenvalues(d, e));
    }
  }
}

TEMPLATE_TEST_CASE("eigh by divide and conquer scales internally near overflow and underflow", "[eigh]", float,
                   double) {
  using T = TestType;
  const auto a = sg::random_symmetric<T>(100, 14);
  for (const T s : sc::extreme_scales<T>()) {
    const auto scaled = gallery::scaled(a, s);
    const auto [w, V] = eigh(scaled);
    sc::check_eigh_factors(scaled, w, V);
  }
}

TEST_CASE("eigh reads only the lower triangle", "[eigh]") {
  auto a = sg::random_symmetric<double>(6, 4);
  const auto [w_full, V_full] = eigh(a);
  for (std::size_t i = 0; i < 6; ++i)
    for (std::size_t j = i + 1; j < 6; ++j) a(i, j) = std::numeric_limits<double>::quiet_NaN();
  const auto [w, V] = eigh(a);
  CHECK(array_equal(w, w_full));
  CHECK(array_equal(V, V_full));
}

TEST_CASE("eigh takes fixed-size matrices and views", "[eigh]") {
  const Matrix<double, 2, 2> a{{2, 1}, {1, 2}};
  const auto [w, V] = eigh(a);
  CHECK(w[0] == Approx(1.0).epsilon(1e-15));
  CHECK(w[1] == Approx(3.0).epsilon(1e-15));
  const auto big = sg::random_symmetric<double>(8, 5);
  const Matrix<double> corner = big.block(0, 0, 4, 4);
  CHECK(array_equal(eigvalsh(big.block(0, 0, 4, 4)), eigvalsh(corner)));
}

TEST_CASE("eigh rejects bad input and leaves it unchanged", "[eigh]") {
  SECTION("not square") {
    const Matrix<double> a(2, 3);
    CHECK_THROWS_AS(eigh(a), shape_error);
    CHECK_THROWS_WITH(eigvalsh(a), Catch::Contains("eigvalsh") && Catch::Contains("(2,3)"));
  }
  SECTION("NaN or infinity in the lower triangle") {
    Matrix<double> a = eye<double>(3);
    a(2, 0) = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(eigh(a), non_finite_error);
    CHECK_THROWS_WITH(eigh(a), Catch::Contains("eigh"));
    a(2, 0) = std::numeric_limits<double>::infinity();
    const Matrix<double> before = a;
    CHECK_THROWS_AS(eigvalsh(a), non_finite_error);
    CHECK(array_equal(a, before));
  }
}

namespace {

/// U diag(values) U^H with a random unitary U, exactly Hermitian.
template <class C>
Matrix<C> hermitian_with_eigenvalues(const std::vector<double>& values, std::uint64_t seed) {
  using R = real_t<C>;
  const std::size_t n = values.size();
  const auto u = gallery::random_orthonormal<std::complex<double>>(n, n, seed);
  Matrix<C> a(n, n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      std::complex<long double> s = 0;
      for (std::size_t k = 0; k < n; ++k)
        s += std::complex<long double>(u(i, k)) * static_cast<long double>(values[k]) *
             std::conj(std::complex<long double>(u(j, k)));
      a(i, j) = i == j ? C(static_cast<R>(s.real())) : C(static_cast<R>(s.real()), static_cast<R>(s.imag()));
      a(j, i) = std::conj(a(i, j));
    }
  return a;
}

}  // namespace

TEMPLATE_TEST_CASE("eigh of random Hermitian matrices meets LAPACK's ratios", "[eigh][complex]", std::complex<float>,
                   std::complex<double>) {
  // 120 lies above the order from which the tridiagonal stage is divide and conquer.
  for (std::size_t n : {0, 1, 2, 3, 5, 10, 50, 120}) {
    INFO("n = " << n);
    check_eigh(gallery::hermitian<TestType>(n, 500 + n));
  }
}

TEMPLATE_TEST_CASE("eigh of a real symmetric matrix given as complex matches the real path", "[eigh][complex]",
                   float, double) {
  using R = TestType;
  for (std::size_t n : {4, 40}) {
    INFO("n = " << n);
    const auto a = sg::random_symmetric<R>(n, 600 + n);
    Matrix<std::complex<R>> c(n, n);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) c(i, j) = a(i, j);
    check_eigh(c);
    const auto [w, V] = eigh(c);
    CHECK(sc::eigenvalue_ratio(w, eigvalsh(a), a) < sc::eigh_threshold);
  }
}

TEMPLATE_TEST_CASE("eigh finds the prescribed eigenvalues of U diag(w) U^H", "[eigh][complex]", std::complex<float>,
                   std::complex<double>) {
  using C = TestType;
  // A small spread-out spectrum with a double value, and one of order 40 (above the
  // divide-and-conquer order) in five tight clusters.
  std::vector<double> clustered;
  for (int k = 0; k < 40; ++k) clustered.push_back(k % 5 - 2 + 1e-9 * k);
  for (const std::vector<double>& prescribed : {std::vector<double>{3, -2, 0.5, 7, -4, 1, 1, 2.5}, clustered}) {
    const auto a = hermitian_with_eigenvalues<C>(prescribed, 31 + prescribed.size());
    check_eigh(a);
    std::vector<long double> expected(prescribed.begin(), prescribed.end());
    std::sort(expected.begin(), expected.end());
    check_eigh_against(a, expected);
  }
}

TEMPLATE_TEST_CASE("eigh of a diagonal complex matrix returns its sorted diagonal", "[eigh][complex]",
                   std::complex<float>, std::complex<double>) {
  using C = TestType;
  using R = real_t<C>;
  const std::vector<R> diagonal = {3, -1, 2, 0.5, -7};
  Matrix<C> a(5, 5);
  for (std::size_t i = 0; i < 5; ++i) a(i, i) = diagonal[i];
  check_eigh(a);
  std::vector<R> sorted = diagonal;
  std::sort(sorted.begin(), sorted.end());
  const auto [w, V] = eigh(a);
  for (std::size_t i = 0; i < 5; ++i) CHECK(w[i] == sorted[i]);
  // Each eigenvector is a unit vector along the axis of its diagonal entry.
  for (std::size_t j = 0; j < 5; ++j) {
    const auto axis = static_cast<std::size_t>(std::find(diagonal.begin(), diagonal.end(), w[j]) - diagonal.begin());
    CHECK(std::abs(V(axis, j)) == R(1));
  }
}

TEMPLATE_TEST_CASE("eigh of a Hermitian matrix with columns already reduced", "[eigh][complex]", std::complex<float>,
                   std::complex<double>) {
  // Zeros below the subdiagonal of the first columns: their reflectors are the identity, and
  // the reduction must pick up at the first column that needs one.
  for (std::size_t n : {4, 12, 40}) {
    INFO("n = " << n);
    auto a = gallery::hermitian<TestType>(n, 90 + n);
    for (std::size_t j = 0; j < 2; ++j)
      for (std::size_t i = j + 2; i < n; ++i) a(i, j) = a(j, i) = TestType(0);
    check_eigh(a);
  }
}

TEMPLATE_TEST_CASE("eigh of complex Hermitian matrices scales near overflow and underflow", "[eigh][complex]",
                   std::complex<float>, std::complex<double>) {
  using C = TestType;
  const auto a = gallery::hermitian<C>(40, 17);
  for (const auto s : sc::extreme_scales<C>()) {
    const auto scaled = gallery::scaled(a, s);
    const auto [w, V] = eigh(scaled);
    sc::check_eigh_factors(scaled, w, V);
  }
}

TEST_CASE("eigh of a Hermitian matrix reads only the lower triangle and the real part of the diagonal",
          "[eigh][complex]") {
  using C = std::complex<double>;
  for (std::size_t n : {6, 45}) {
    INFO("n = " << n);
    auto a = gallery::hermitian<C>(n, 70 + n);
    const auto [w_full, V_full] = eigh(a);
    const auto values_full = eigvalsh(a);
    for (std::size_t i = 0; i < n; ++i) {
      a(i, i) += C(0, 5);  // an imaginary part on the diagonal is ignored
      for (std::size_t j = i + 1; j < n; ++j) a(i, j) = C(std::numeric_limits<double>::quiet_NaN(), 3);
    }
    const auto [w, V] = eigh(a);
    CHECK(array_equal(w, w_full));
    CHECK(array_equal(V, V_full));
    CHECK(array_equal(eigvalsh(a), values_full));
  }
}

TEST_CASE("eigh of a complex matrix rejects bad input and leaves it unchanged", "[eigh][complex]") {
  using C = std::complex<double>;
  SECTION("not square") {
    const Matrix<C> a(3, 2);
    CHECK_THROWS_AS(eigh(a), shape_error);
    CHECK_THROWS_WITH(eigvalsh(a), Catch::Contains("eigvalsh") && Catch::Contains("(3,2)"));
  }
  SECTION("NaN or infinity in the lower triangle") {
    Matrix<C> a = eye<C>(3);
    a(2, 1) = C(1, std::numeric_limits<double>::quiet_NaN());
    const Matrix<C> before = a;
    CHECK_THROWS_AS(eigh(a), non_finite_error);
    CHECK_THROWS_WITH(eigh(a), Catch::Contains("eigh"));
    CHECK(to_string(a) == to_string(before));
    a(2, 1) = C(std::numeric_limits<double>::infinity(), 0);
    CHECK_THROWS_AS(eigvalsh(a), non_finite_error);
  }
  SECTION("an empty matrix gives empty results") {
    const auto [w, V] = eigh(Matrix<C>(0, 0));
    CHECK(w.size() == 0);
    CHECK(V.size() == 0);
    CHECK(eigvalsh(Matrix<C>(0, 0)).size() == 0);
  }
}
