// eig and eigvals: A V = V diag(w) for general real and complex matrices, to LAPACK's accuracy
// (ratio below 20 on well-conditioned sets), with complex pairs, known spectra and hard cases.

#include <catch2/catch.hpp>

#include <linal/core.hpp>
#include <linal/decomp/eig.hpp>

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <vector>

#include "gallery.hpp"
#include "spectral_gallery.hpp"

using namespace linal;
namespace sg = spectral_gallery;

namespace {

constexpr long double eig_threshold = 20;

template <class T>
void check_eig(const Matrix<T>& a) {
  using R = real_t<T>;
  const std::size_t n = a.rows();
  const auto [w, V] = eig(a);
  REQUIRE(w.size() == n);
  REQUIRE(V.rows() == n);
  REQUIRE(V.cols() == n);
  CHECK(sg::eig_ratio(a, w, V) < eig_threshold);
  for (std::size_t j = 0; j < n; ++j) {
    long double norm2 = 0;
    for (std::size_t i = 0; i < n; ++i) norm2 += std::norm(std::complex<long double>(V(i, j)));
    CHECK(std::abs(std::sqrt(norm2) - 1) < n * sg::ulp<R>() * eig_threshold);
  }
  if constexpr (is_complex_v<T>) {
    // Each eigenvector's entry of largest modulus (to rounding) is real and positive.
    for (std::size_t j = 0; j < n; ++j) {
      R largest = 0;
      for (std::size_t i = 0; i < n; ++i) largest = std::max(largest, std::abs(V(i, j)));
      bool found = false;
      for (std::size_t i = 0; i < n; ++i)
        found = found || (V(i, j).imag() == R(0) && V(i, j).real() > R(0) &&
                          V(i, j).real() >= largest * (1 - 4 * sg::ulp<R>()));
      CHECK(found);
    }
  } else {
    // Complex eigenvalues of a real matrix come in adjacent conjugate pairs, positive part first.
    for (std::size_t j = 0; j < n; ++j)
      if (w[j].imag() > T(0)) {
        REQUIRE(j + 1 < n);
        CHECK(w[j + 1] == std::conj(w[j]));
        ++j;
      } else {
        CHECK(w[j].imag() == T(0));
      }
  }
  const auto values = eigvals(a);
  CHECK(array_equal(values, w));
}

/// Sorted by real part, then imaginary part.
template <class T>
std::vector<std::complex<T>> sorted(const Vector<std::complex<T>>& w) {
  std::vector<std::complex<T>> v(w.begin(), w.end());
  std::sort(v.begin(), v.end(), [](auto a, auto b) { return a.real() < b.real() || (a.real() == b.real() && a.imag() < b.imag()); });
  return v;
}

}  // namespace

TEMPLATE_TEST_CASE("eig of random matrices meets LAPACK's ratio", "[eig]", float, double) {
  for (std::size_t n : {0, 1, 2, 3, 5, 10, 50, 200}) {
    INFO("n = " << n);
    check_eig(gallery::random_matrix<TestType>(n, n, 300 + n));
  }
}

TEMPLATE_TEST_CASE("eig finds prescribed real and complex eigenvalues", "[eig]", float, double) {
  using T = TestType;
  // Q B Q^T with B block diagonal: 2x2 blocks [a b; -b a] (eigenvalues a +- ib) and 1x1 blocks.
  const std::vector<std::complex<long double>> expected = {{-3, 0}, {-1, 2}, {-1, -2}, {0.5L, 0}, {2, 1}, {2, -1}, {4, 0}};
  Matrix<T> b(7, 7);
  b(0, 0) = -3;
  b(1, 1) = b(2, 2) = -1;
  b(1, 2) = 2;
  b(2, 1) = -2;
  b(3, 3) = 0.5;
  b(4, 4) = b(5, 5) = 2;
  b(4, 5) = 1;
  b(5, 4) = -1;
  b(6, 6) = 4;
  const auto q = gallery::random_orthonormal<T>(7, 7, 17);
  const auto a = gallery::multiply(gallery::multiply(q, b), gallery::adjoint(q));
  check_eig(a);
  const auto w = sorted(eigvals(a));
  auto reference = expected;
  std::sort(reference.begin(), reference.end(), [](auto x, auto y) { return x.real() < y.real() || (x.real() == y.real() && x.imag() < y.imag()); });
  // A normal matrix: each eigenvalue moves by at most about ||E||_2 for a backward error E.
  const long double scale = 7 * sg::norm1(a) * sg::ulp<T>();
  for (std::size_t i = 0; i < 7; ++i)
    CHECK(residuals::ratio<T>(std::abs(std::complex<long double>(w[i]) - reference[i]), scale) < eig_threshold);
}

TEMPLATE_TEST_CASE("eig of a rotation, the identity, zero and a Jordan block", "[eig]", float, double) {
  using T = TestType;
  SECTION("a plane rotation by 90 degrees has eigenvalues +-i") {
    const Matrix<T> a{{0, -1}, {1, 0}};
    check_eig(a);
    const auto w = eigvals(a);
    const long double scale = 2 * sg::norm1(a) * sg::ulp<T>();
    CHECK(residuals::ratio<T>(std::abs(std::complex<long double>(w[0]) - std::complex<long double>(0, 1)), scale) < eig_threshold);
    CHECK(residuals::ratio<T>(std::abs(std::complex<long double>(w[1]) - std::complex<long double>(0, -1)), scale) < eig_threshold);
  }
  SECTION("identity and zero") {
    check_eig(eye<T>(5));
    check_eig(zeros<T>(4, 4));
    CHECK(array_equal(eigvals(eye<T>(3)), Vector<std::complex<T>>{1, 1, 1}));
  }
  SECTION("a cyclic permutation has the n-th roots of unity as eigenvalues") {
    Matrix<T> p(6, 6);
    for (std::size_t i = 0; i < 6; ++i) p(i, (i + 1) % 6) = 1;
    check_eig(p);
    for (const auto& z : eigvals(p)) CHECK(std::abs(std::abs(z) - T(1)) < 6 * sg::ulp<T>() * eig_threshold);
  }
  SECTION("a defective Jordan block still gives finite unit eigenvectors") {
    const Matrix<T> a{{2, 1, 0}, {0, 2, 1}, {0, 0, 2}};
    const auto [w, V] = eig(a);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(w[i] == std::complex<T>(2, 0));
      for (std::size_t j = 0; j < 3; ++j) CHECK(std::isfinite(std::abs(V(i, j))));
    }
    CHECK(sg::eig_ratio(a, w, V) < eig_threshold);
  }
}

TEMPLATE_TEST_CASE("eig of the Frank matrix: real positive eigenvalues", "[eig]", float, double) {
  using T = TestType;
  const auto a = sg::frank<T>(8);
  check_eig(a);
  for (const auto& z : eigvals(a)) {
    CHECK(z.imag() == T(0));
    CHECK(z.real() > T(0));
  }
}

TEMPLATE_TEST_CASE("eig scales internally near overflow and underflow", "[eig]", float, double) {
  using T = TestType;
  const auto a = gallery::random_matrix<T>(12, 12, 8);
  for (const T s : {gallery::huge_scale<T>(), gallery::tiny_scale<T>()}) {
    const auto scaled = gallery::scaled(a, s);
    const auto [w, V] = eig(scaled);
    for (std::size_t i = 0; i < 12; ++i) REQUIRE(std::isfinite(std::abs(w[i])));
    CHECK(sg::eig_ratio(scaled, w, V) < eig_threshold);
  }
}

TEST_CASE("eig takes fixed-size matrices and views", "[eig]") {
  const Matrix<double, 2, 2> a{{1, 2}, {0, 3}};
  const auto w = eigvals(a);
  CHECK(w[0] == std::complex<double>(1, 0));
  CHECK(w[1] == std::complex<double>(3, 0));
  const auto big = gallery::random_matrix<double>(6, 6, 1);
  CHECK(array_equal(eigvals(big.block(1, 1, 4, 4)), eigvals(Matrix<double>(big.block(1, 1, 4, 4)))));
}

TEST_CASE("eig rejects bad input and leaves it unchanged", "[eig]") {
  SECTION("not square") {
    const Matrix<double> a(3, 2);
    CHECK_THROWS_AS(eig(a), shape_error);
    CHECK_THROWS_WITH(eigvals(a), Catch::Contains("eigvals") && Catch::Contains("(3,2)"));
  }
  SECTION("NaN or infinity") {
    Matrix<double> a = eye<double>(3);
    a(0, 2) = -std::numeric_limits<double>::infinity();
    const Matrix<double> before = a;
    CHECK_THROWS_AS(eig(a), non_finite_error);
    CHECK_THROWS_WITH(eig(a), Catch::Contains("eig"));
    CHECK(array_equal(a, before));
    a(0, 2) = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(eigvals(a), non_finite_error);
  }
}

TEMPLATE_TEST_CASE("eig of complex random matrices meets LAPACK's ratio", "[eig][complex]", std::complex<float>,
                   std::complex<double>) {
  for (std::size_t n : {0, 1, 2, 3, 5, 10, 50}) {
    INFO("n = " << n);
    check_eig(gallery::random_matrix<TestType>(n, n, 700 + n));
  }
}

TEMPLATE_TEST_CASE("eig of a Hermitian matrix gives real eigenvalues", "[eig][complex]", std::complex<float>,
                   std::complex<double>) {
  using R = real_t<TestType>;
  for (std::size_t n : {2, 5, 20}) {
    INFO("n = " << n);
    const auto a = gallery::hermitian<TestType>(n, 40 + n);
    check_eig(a);
    // A Hermitian perturbation keeps eigenvalues real; a general one of size E moves them off
    // the real axis by at most ||E||_2, a small multiple of n ||A|| ulp.
    const long double scale = n * sg::norm1(a) * sg::ulp<R>();
    for (const auto& z : eigvals(a)) CHECK(residuals::ratio<R>(std::abs(z.imag()), scale) < eig_threshold);
  }
}

TEMPLATE_TEST_CASE("eig finds prescribed complex eigenvalues of Q diag(w) Q^H", "[eig][complex]",
                   std::complex<float>, std::complex<double>) {
  using T = TestType;
  using R = real_t<T>;
  const std::vector<std::complex<long double>> expected = {{-3, 1}, {-1, 2}, {-1, -2}, {0.5L, 0}, {2, 1},
                                                            {2, -3}, {0, 4}, {4, 0.25L}};
  const std::size_t n = expected.size();
  Matrix<T> d(n, n);
  for (std::size_t i = 0; i < n; ++i) d(i, i) = T(static_cast<R>(expected[i].real()), static_cast<R>(expected[i].imag()));
  const auto q = gallery::random_orthonormal<T>(n, n, 23);
  const auto a = gallery::multiply(gallery::multiply(q, d), gallery::adjoint(q));
  check_eig(a);
  // A normal matrix: each eigenvalue moves by at most about ||E||_2 for a backward error E.
  // The prescribed values are at least 1 apart, so the nearest unused one is the match.
  const long double scale = n * sg::norm1(a) * sg::ulp<R>();
  std::vector<bool> used(n, false);
  for (const auto& z : eigvals(a)) {
    std::size_t best = n;
    for (std::size_t k = 0; k < n; ++k)
      if (!used[k] && (best == n || std::abs(std::complex<long double>(z) - expected[k]) <
                                        std::abs(std::complex<long double>(z) - expected[best])))
        best = k;
    REQUIRE(best < n);
    used[best] = true;
    CHECK(residuals::ratio<R>(std::abs(std::complex<long double>(z) - expected[best]), scale) < eig_threshold);
  }
}

TEMPLATE_TEST_CASE("eig of complex triangular matrices and a Jordan block", "[eig][complex]", std::complex<float>,
                   std::complex<double>) {
  using T = TestType;
  using R = real_t<T>;
  SECTION("upper triangular: the diagonal, exactly and in order") {
    auto a = gallery::random_matrix<T>(6, 6, 5);
    for (std::size_t i = 0; i < 6; ++i)
      for (std::size_t j = 0; j < i; ++j) a(i, j) = T(0);
    check_eig(a);
    const auto w = eigvals(a);
    for (std::size_t i = 0; i < 6; ++i) CHECK(w[i] == a(i, i));
  }
  SECTION("a defective Jordan block still gives finite unit eigenvectors") {
    const T lambda(R(1), R(-2));
    Matrix<T> a(4, 4);
    for (std::size_t i = 0; i < 4; ++i) {
      a(i, i) = lambda;
      if (i + 1 < 4) a(i, i + 1) = T(R(0), R(1));
    }
    const auto [w, V] = eig(a);
    for (std::size_t i = 0; i < 4; ++i) {
      CHECK(w[i] == lambda);
      for (std::size_t j = 0; j < 4; ++j) CHECK(std::isfinite(std::abs(V(i, j))));
    }
    CHECK(sg::eig_ratio(a, w, V) < eig_threshold);
  }
  SECTION("a cyclic permutation: Wilkinson's shift stalls, the exceptional shifts go on") {
    Matrix<T> p(6, 6);
    for (std::size_t i = 0; i < 6; ++i) p(i, (i + 1) % 6) = T(1);
    check_eig(p);
    for (const auto& z : eigvals(p)) CHECK(std::abs(std::abs(z) - R(1)) < 6 * sg::ulp<R>() * eig_threshold);
  }
  SECTION("a nilpotent Jordan block (eigenvalue zero)") {
    Matrix<T> a(5, 5);
    for (std::size_t i = 0; i + 1 < 5; ++i) a(i, i + 1) = T(1);
    const auto [w, V] = eig(a);
    for (std::size_t i = 0; i < 5; ++i) {
      CHECK(w[i] == T(0));
      for (std::size_t j = 0; j < 5; ++j) CHECK(std::isfinite(std::abs(V(i, j))));
    }
    CHECK(sg::eig_ratio(a, w, V) < eig_threshold);
  }
}

TEMPLATE_TEST_CASE("eig of complex matrices scales internally near overflow and underflow", "[eig][complex]",
                   std::complex<float>, std::complex<double>) {
  using T = TestType;
  const auto a = gallery::random_matrix<T>(12, 12, 9);
  for (const auto s : {gallery::huge_scale<T>(), gallery::tiny_scale<T>()}) {
    const auto scaled = gallery::scaled(a, s);
    const auto [w, V] = eig(scaled);
    for (std::size_t i = 0; i < 12; ++i) REQUIRE(std::isfinite(std::abs(w[i])));
    CHECK(sg::eig_ratio(scaled, w, V) < eig_threshold);
  }
}

TEST_CASE("eig takes complex fixed-size matrices and views", "[eig][complex]") {
  using C = std::complex<double>;
  const Matrix<C, 2, 2> a{{C(1, 1), C(2, 0)}, {C(0, 0), C(3, -1)}};
  const auto w = eigvals(a);
  CHECK(w[0] == C(1, 1));
  CHECK(w[1] == C(3, -1));
  const auto [values, vectors] = eig(a);
  CHECK(array_equal(values, w));
  CHECK(vectors.rows() == 2);
  const auto big = gallery::random_matrix<C>(7, 7, 2);
  const auto [wv, Vv] = eig(big.block(1, 2, 5, 5));
  const auto [wc, Vc] = eig(Matrix<C>(big.block(1, 2, 5, 5)));
  CHECK(array_equal(wv, wc));
  CHECK(array_equal(Vv, Vc));
}

TEST_CASE("eig rejects bad complex input and leaves it unchanged", "[eig][complex]") {
  using C = std::complex<double>;
  SECTION("not square") {
    const Matrix<C> a(2, 4);
    CHECK_THROWS_AS(eig(a), shape_error);
    CHECK_THROWS_WITH(eigvals(a), Catch::Contains("eigvals") && Catch::Contains("(2,4)"));
  }
  SECTION("NaN or infinity in the real or the imaginary part") {
    Matrix<C> a = gallery::random_matrix<C>(3, 3, 4);
    a(1, 2) = C(0, std::numeric_limits<double>::quiet_NaN());
    const Matrix<C> before = a;
    CHECK_THROWS_AS(eig(a), non_finite_error);
    CHECK_THROWS_WITH(eig(a), Catch::Contains("eig") && Catch::Contains("(1,2)"));
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t j = 0; j < 3; ++j) {
        CHECK(std::isnan(a(i, j).imag()) == std::isnan(before(i, j).imag()));
        if (!std::isnan(a(i, j).imag())) CHECK(a(i, j) == before(i, j));
      }
    a(1, 2) = C(std::numeric_limits<double>::infinity(), 0);
    CHECK_THROWS_AS(eigvals(a), non_finite_error);
  }
}
