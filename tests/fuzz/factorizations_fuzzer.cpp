// Builds small matrices from arbitrary bytes, including NaN, infinities, denormals and values
// near overflow, and runs the factorizations and solvers on them. Each call must either return
// a result whose LAPACK residual ratio is under its threshold, or throw one of linal's own
// exceptions and leave its input unchanged. Anything else (a crash, a hang, a sanitizer report,
// another exception, a large residual) is a bug.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <limits>
#include <linal/linal.hpp>

namespace {

using linal::Matrix;
using linal::Vector;

constexpr double eps = std::numeric_limits<double>::epsilon() / 2;

/// Reads bytes one at a time, giving zeros once they run out.
class ByteReader {
 public:
  ByteReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::uint8_t next() { return pos_ < size_ ? data_[pos_++] : 0; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

/// One matrix's character, from one byte: whether special values (NaN, infinities, denormals,
/// zeros) appear among its elements, and the scale of its ordinary elements.
struct Flavor {
  bool specials;
  double scale;
};

Flavor flavor(std::uint8_t byte) {
  constexpr double scales[8] = {1, 1, 1e-8, 1e8, 1e-200, 1e200, 1e-300, 1e300};
  return {byte % 4 == 0, scales[(byte / 4) % 8]};
}

/// Two bytes make one element: a kind (ordinary or special) and a value.
double element(ByteReader& in, Flavor f) {
  const std::uint8_t kind = in.next();
  const double value = (static_cast<double>(in.next()) - 127.5) / 16.0 * f.scale;
  if (!f.specials) return value;
  switch (kind % 16) {
    case 0: return 0.0;
    case 1: return std::numeric_limits<double>::quiet_NaN();
    case 2: return std::numeric_limits<double>::infinity();
    case 3: return -std::numeric_limits<double>::infinity();
    case 4: return std::numeric_limits<double>::denorm_min() * (kind / 16);
    case 5: return std::numeric_limits<double>::max() / (1 + kind / 16);
    default: return value;
  }
}

Matrix<double> matrix(ByteReader& in, std::size_t rows, std::size_t cols, Flavor f) {
  Matrix<double> a(rows, cols);
  for (double& x : a) x = element(in, f);
  return a;
}

double norm1(const Matrix<double>& a) {
  double best = 0;
  for (std::size_t j = 0; j < a.cols(); ++j) {
    double s = 0;
    for (std::size_t i = 0; i < a.rows(); ++i) s += std::abs(a(i, j));
    best = std::max(best, s);
  }
  return best;
}

/// True when every element lies in a range where residuals can be formed without overflow or
/// underflow; only then are ratios checked (the extreme inputs must still not crash or hang).
bool moderate(const Matrix<double>& a) {
  for (double x : a)
    if (!std::isfinite(x) || std::abs(x) > 1e100 || (x != 0 && std::abs(x) < 1e-100)) return false;
  return true;
}

[[noreturn]] void fail(const char* what, double ratio) {
  std::fprintf(stderr, "%s: residual ratio %g over its threshold\n", what, ratio);
  std::abort();
}

/// ||a - b||_1 / (scale ||a||_1 eps), or 0 when a is zero.
double ratio(const Matrix<double>& a, const Matrix<double>& b, double scale) {
  const double na = norm1(a);
  if (na == 0) return norm1(b) == 0 ? 0 : std::numeric_limits<double>::infinity();
  return norm1(Matrix<double>(a - b)) / (scale * na * eps);
}

void check_lu(const Matrix<double>& a) {
  auto [P, L, U] = linal::lu(a);
  if (!moderate(a)) return;
  const double r = ratio(a, linal::matmul(P, linal::matmul(L, U)), static_cast<double>(std::max<std::size_t>(a.cols(), 1)));
  if (r >= 30) fail("lu", r);
}

void check_qr(const Matrix<double>& a) {
  auto [Q, R] = linal::qr(a);
  if (!moderate(a)) return;
  const double r = ratio(a, linal::matmul(Q, R), static_cast<double>(std::max<std::size_t>(a.rows(), 1)));
  if (r >= 30) fail("qr", r);
}

void check_svd(const Matrix<double>& a) {
  auto [U, s, Vt] = linal::svd(a);
  if (!moderate(a)) return;
  const double r =
      ratio(a, linal::matmul(U, linal::matmul(linal::diag(s), Vt)), static_cast<double>(std::max<std::size_t>({a.rows(), a.cols(), 1}))) / 2;
  if (r >= 50) fail("svd", r);
}

void check_eigh(const Matrix<double>& a) {
  const Matrix<double> sym = a + a.T();
  auto [w, V] = linal::eigh(sym);
  if (!moderate(sym)) return;
  const double r = ratio(sym, linal::matmul(V, linal::matmul(linal::diag(w), V.T())),
                         static_cast<double>(std::max<std::size_t>(a.rows(), 1))) / 2;
  if (r >= 60) fail("eigh", r);
}

void check_cholesky(const Matrix<double>& a) {
  const Matrix<double> spd = linal::matmul(a, a.T()) + linal::eye<double>(a.rows());
  const Matrix<double> L = linal::cholesky(spd);
  if (!moderate(a)) return;
  const double r = ratio(spd, linal::matmul(L, L.T()), static_cast<double>(std::max<std::size_t>(a.rows(), 1)));
  if (r >= 30) fail("cholesky", r);
}

void check_solve(const Matrix<double>& a, const Vector<double>& b) {
  const Vector<double> x = linal::solve(a, b);
  (void)x;
}

void check_solvers(const Matrix<double>& a, const Vector<double>& b) {
  (void)linal::det(a);
  (void)linal::inv(a);
  (void)linal::eig(a);
  check_solve(a, b);
}

void check_least_squares(const Matrix<double>& a, const Vector<double>& b) {
  auto [x, residuals, rank, s] = linal::lstsq(a, b);
  (void)linal::pinv(a);
  (void)linal::matrix_rank(a);
  if (rank > std::min(a.rows(), a.cols())) std::abort();
}

/// Runs one operation and requires a clean outcome with the input unchanged.
template <class Run>
void clean(const Matrix<double>& input, Run run) {
  const Matrix<double> before = input;
  try {
    run();
  } catch (const linal::linalg_error&) {
  } catch (const linal::shape_error&) {
  }
  for (std::size_t k = 0; k < input.size(); ++k) {
    const double x = input.data()[k], y = before.data()[k];
    if (!(x == y || (std::isnan(x) && std::isnan(y)))) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ByteReader in(data, size);
  const std::uint8_t op = in.next();
  const std::size_t rows = in.next() % 9;
  const std::size_t cols = op % 2 ? in.next() % 9 : rows;
  const Flavor f = flavor(in.next());
  const Matrix<double> a = matrix(in, rows, cols, f);
  const Vector<double> b = Vector<double>(matrix(in, rows, 1, f));
  switch ((op / 2) % 8) {
    case 0: clean(a, [&] { check_lu(a); }); break;
    case 1: clean(a, [&] { check_qr(a); }); break;
    case 2: clean(a, [&] { check_svd(a); }); break;
    case 3: clean(a, [&] { check_eigh(a); }); break;
    case 4: clean(a, [&] { check_cholesky(a); }); break;
    case 5: clean(a, [&] { check_solvers(a, b); }); break;
    default: clean(a, [&] { check_least_squares(a, b); }); break;
  }
  return 0;
}
