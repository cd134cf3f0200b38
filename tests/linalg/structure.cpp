// Matrix types: the predicates, and the structured views upper, lower and symmetric with the
// solve and matmul that use them.
#include <catch2/catch.hpp>

#include <linal/linal.hpp>

#include <complex>

#include "gallery.hpp"
#include "residuals.hpp"

using linal::Matrix;
using linal::Vector;

TEST_CASE("is_square, is_symmetric and is_hermitian") {
  const Matrix<double> s{{2, 1, 0}, {1, 3, 4}, {0, 4, 5}};
  CHECK(linal::is_square(s));
  CHECK_FALSE(linal::is_square(Matrix<double>(2, 3)));
  CHECK(linal::is_square(Matrix<double>(0, 0)));
  CHECK(linal::is_symmetric(s));
  CHECK(linal::is_hermitian(s));
  CHECK_FALSE(linal::is_symmetric(Matrix<double>{{1, 2}, {3, 4}}));
  CHECK_FALSE(linal::is_symmetric(Matrix<double>(2, 3)));

  SECTION("tolerances are SciPy's: |a_ij - a_ji| <= atol + rtol |a_ji|") {
    const Matrix<double> nearly{{1, 1 + 1e-12}, {1, 1}};
    CHECK_FALSE(linal::is_symmetric(nearly));
    CHECK(linal::is_symmetric(nearly, 1e-11));
    CHECK(linal::is_symmetric(nearly, 0, 1e-11));
  }
  SECTION("complex: symmetric means A = A^T, Hermitian means A = A^H") {
    using C = std::complex<double>;
    const Matrix<C> h{{C(2, 0), C(1, 1)}, {C(1, -1), C(3, 0)}};
    CHECK(linal::is_hermitian(h));
    CHECK_FALSE(linal::is_symmetric(h));
    const Matrix<C> imaginary_diagonal{{C(2, 1)}};
    CHECK_FALSE(linal::is_hermitian(imaginary_diagonal));
  }
  SECTION("NaN or infinity is never symmetric") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(linal::is_symmetric(Matrix<double>{{1, nan}, {nan, 1}}));
    CHECK_FALSE(linal::is_hermitian(Matrix<double>{{linal::inf, 0}, {0, 1}}));
  }
}

TEST_CASE("is_upper_triangular, is_lower_triangular and is_diagonal, of any shape") {
  const Matrix<double> u{{1, 2, 3}, {0, 4, 5}};
  CHECK(linal::is_upper_triangular(u));
  CHECK_FALSE(linal::is_lower_triangular(u));
  CHECK(linal::is_lower_triangular(u.T()));
  CHECK_FALSE(linal::is_diagonal(u));
  CHECK(linal::is_diagonal(Matrix<double>{{1, 0}, {0, 2}, {0, 0}}));
  CHECK(linal::is_diagonal(linal::eye(3)));
  CHECK(linal::is_upper_triangular(Matrix<double>{{1, 2}, {1e-20, 3}}, 1e-15));
  CHECK_FALSE(linal::is_upper_triangular(Matrix<double>{{1, 2}, {1e-20, 3}}));
}

TEST_CASE("is_orthogonal accepts orthogonal factors at LAPACK's threshold") {
  CHECK(linal::is_orthogonal(linal::eye(4)));
  CHECK(linal::is_orthogonal(gallery::random_orthonormal<double>(50, 50, 7)));
  CHECK(linal::is_orthogonal(Matrix<double, 2, 2>{{0, -1}, {1, 0}}));
  CHECK_FALSE(linal::is_orthogonal(Matrix<double>{{1, 1}, {0, 1}}));
  CHECK_FALSE(linal::is_orthogonal(gallery::random_orthonormal<double>(5, 3, 7)));  // not square
  CHECK(linal::is_orthogonal(2.0 * linal::eye(2), 3.0));  // ||A^T A - I||_1 = 3
  CHECK_FALSE(linal::is_orthogonal(2.0 * linal::eye(2), 2.9));
}

TEST_CASE("is_positive_definite attempts a Cholesky factorization") {
  CHECK(linal::is_positive_definite(Matrix<double>{{4, 2}, {2, 3}}));
  CHECK_FALSE(linal::is_positive_definite(Matrix<double>{{1, 2}, {2, 1}}));  // eigenvalues 3, -1
  CHECK_FALSE(linal::is_positive_definite(Matrix<double>{{4, 2}, {1, 3}}));  // not symmetric
  CHECK_FALSE(linal::is_positive_definite(Matrix<double>(2, 3)));
  CHECK_FALSE(linal::is_positive_definite(Matrix<double>{{0, 0}, {0, 0}}));
  CHECK(linal::is_positive_definite(gallery::spd<double>(30, 1e6, 3)));
  CHECK_FALSE(linal::is_positive_definite(gallery::hermitian<double>(30, 3)));
}

TEST_CASE("upper, lower and symmetric are views that read one triangle") {
  Matrix<double> a{{1, 2, 3}, {4, 5, 6}, {7, 8, 10}};
  CHECK(linal::array_equal(Matrix<double>(linal::upper(a)), linal::triu(a)));
  CHECK(linal::array_equal(Matrix<double>(linal::lower(a)), linal::tril(a)));
  CHECK(linal::array_equal(Matrix<double>(linal::lower(a, linal::unit_diagonal)),
                           Matrix<double>{{1, 0, 0}, {4, 1, 0}, {7, 8, 1}}));
  CHECK(linal::array_equal(Matrix<double>(linal::symmetric(a)), Matrix<double>{{1, 4, 7}, {4, 5, 8}, {7, 8, 10}}));
  CHECK(linal::array_equal(Matrix<double>(linal::symmetric(a, linal::triangle::upper)),
                           Matrix<double>{{1, 2, 3}, {2, 5, 6}, {3, 6, 10}}));
  a(0, 2) = 30;  // a view, not a copy: it sees the change
  CHECK(linal::upper(a)(0, 2) == 30);
}

TEST_CASE("solve(upper(A), b) and solve(lower(A), b) substitute without LU") {
  const Matrix<double> a{{2, 1, 1}, {99, 4, 2}, {99, 99, 8}};  // only the upper triangle is read
  const Vector<double> b{4, 6, 8};
  // back substitution on [[2,1,1],[0,4,2],[0,0,8]]: x2 = 8/8, x1 = (6 - 2)/4, x0 = (4 - 1 - 1)/2
  CHECK(linal::allclose(linal::solve(linal::upper(a), b), Vector<double>{1, 1, 1}, 0, 0));
  const Matrix<double> l{{2, 99}, {1, 4}};
  CHECK(linal::allclose(linal::solve(linal::lower(l), Vector<double>{2, 9}), Vector<double>{1, 2}, 0, 0));
  CHECK(linal::allclose(linal::solve(linal::lower(l, linal::unit_diagonal), Vector<double>{2, 9}),
                        Vector<double>{2, 7}, 0, 0));

  SECTION("residual ratio below 30 for every size and for many right-hand sides") {
    for (std::size_t n : {0, 1, 2, 3, 5, 10, 50, 200}) {
      const Matrix<double> t = gallery::random_matrix<double>(n, n, n) + 10.0 * linal::eye(n);  // far from singular
      const Matrix<double> tu = linal::triu(t), tl = linal::tril(t);
      const auto rhs = gallery::random_matrix<double>(n, 3, n + 1);
      CHECK(residuals::solve_ratio(tu, linal::solve(linal::upper(t), rhs), rhs) < 30);
      CHECK(residuals::solve_ratio(tl, linal::solve(linal::lower(t), rhs), rhs) < 30);
      const Vector<double> v = linal::Vector<double>(rhs.col(0));
      CHECK(residuals::solve_ratio(tl, linal::solve(linal::lower(t), v), v) < 30);
    }
  }
  SECTION("Kahan's ill-conditioned triangular matrix still gives a small residual") {
    const auto k = gallery::kahan<double>(50);
    const auto rhs = gallery::random_matrix<double>(50, 1, 5);
    CHECK(residuals::solve_ratio(k, linal::solve(linal::upper(k), rhs), rhs) < 30);
  }
}

TEST_CASE("triangular solve errors: zero diagonal, NaN, shapes; inputs unchanged") {
  const Matrix<double> a{{2, 1, 1}, {0, 0, 2}, {0, 0, 8}};
  const Vector<double> b{1, 2, 3};
  try {
    linal::solve(linal::upper(a), b);
    FAIL("no exception");
  } catch (const linal::singular_matrix_error& e) {
    CHECK(e.pivot() == 1);
    CHECK_THAT(e.what(), Catch::Contains("solve") && Catch::Contains("(1,1)"));
  }
  CHECK(linal::array_equal(a, Matrix<double>{{2, 1, 1}, {0, 0, 2}, {0, 0, 8}}));
  CHECK(linal::array_equal(b, Vector<double>{1, 2, 3}));
  CHECK_NOTHROW(linal::solve(linal::upper(a, linal::unit_diagonal), b));  // diagonal not read

  const Vector<double> nan_b{1, std::numeric_limits<double>::quiet_NaN(), 3};
  const Matrix<double> identity = linal::eye(3);
  CHECK_THROWS_AS(linal::solve(linal::lower(identity), nan_b), linal::non_finite_error);
  CHECK_THROWS_WITH(linal::solve(linal::upper(a), Vector<double>{1, 2}),
                    Catch::Contains("solve: a (3,3) and b (2,)"));
  const Matrix<double> rectangular(2, 3);
  CHECK_THROWS_AS(linal::solve(linal::upper(rectangular), Vector<double>{1, 2}), linal::shape_error);
}

TEST_CASE("matmul(symmetric(A), B) reads one triangle") {
  const Matrix<double> a{{1, -7, -7}, {2, 3, -7}, {4, 5, 6}};  // -7: never read
  const Matrix<double> full{{1, 2, 4}, {2, 3, 5}, {4, 5, 6}};
  const Matrix<double> b{{1, 0}, {0, 1}, {1, 1}};
  CHECK(linal::array_equal(linal::matmul(linal::symmetric(a), b), gallery::multiply(full, b)));
  const Vector<double> v{1, 2, 3};
  const Vector<double> av = linal::matmul(linal::symmetric(a), v);
  CHECK(linal::array_equal(av, Vector<double>{17, 23, 32}));
  const Matrix<double> u{{1, 2}, {-7, 3}};
  CHECK(linal::array_equal(linal::matmul(linal::upper(u), Matrix<double>{{1}, {1}}), Matrix<double>{{3}, {3}}));
  CHECK_THROWS_WITH(linal::matmul(linal::symmetric(a), Matrix<double>(2, 2)),
                    Catch::Contains("matmul: (3,3) and (2,2) not aligned"));
}
