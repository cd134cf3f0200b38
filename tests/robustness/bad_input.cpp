// The bad-input matrix: for every public function that takes a matrix, what each kind of bad
// input gets. A function either returns NumPy's answer for an empty input or throws the named
// linal exception, whose message starts with the function's name; after a throw its inputs are
// unchanged.
#include <catch2/catch.hpp>

#include <functional>
#include <limits>
#include <linal/linal.hpp>
#include <string>
#include <vector>

using namespace linal;

namespace {

using Call = std::function<void(const Matrix<double>&, const Vector<double>&)>;

struct Function {
  std::string name;  // what its messages start with
  Call call;
  bool needs_square;
};

const std::vector<Function>& functions() {
  static const std::vector<Function> all = {
      {"det", [](const auto& a, const auto&) { (void)det(a); }, true},
      {"inv", [](const auto& a, const auto&) { (void)inv(a); }, true},
      {"solve", [](const auto& a, const auto& b) { (void)solve(a, b); }, true},
      {"lu", [](const auto& a, const auto&) { (void)lu(a); }, false},
      {"qr", [](const auto& a, const auto&) { (void)qr(a); }, false},
      {"cholesky", [](const auto& a, const auto&) { (void)cholesky(a); }, true},
      {"ldlt", [](const auto& a, const auto&) { (void)ldlt(a); }, true},
      {"eigh", [](const auto& a, const auto&) { (void)eigh(a); }, true},
      {"eig", [](const auto& a, const auto&) { (void)eig(a); }, true},
      {"svd", [](const auto& a, const auto&) { (void)svd(a); }, false},
      {"svdvals", [](const auto& a, const auto&) { (void)svdvals(a); }, false},
      {"pinv", [](const auto& a, const auto&) { (void)pinv(a); }, false},
      {"lstsq", [](const auto& a, const auto& b) { (void)lstsq(a, b); }, false},
      {"matrix_rank", [](const auto& a, const auto&) { (void)matrix_rank(a); }, false},
      {"cond", [](const auto& a, const auto&) { (void)cond(a); }, false},
  };
  return all;
}

template <class Exception>
void require_throws_cleanly(const Function& f, const Matrix<double>& a, const Vector<double>& b) {
  const Matrix<double> a_before = a;
  const Vector<double> b_before = b;
  INFO(f.name << " on " << to_string(a));
  bool threw = false;
  try {
    f.call(a, b);
  } catch (const Exception& e) {
    threw = true;
    CHECK_THAT(e.what(), Catch::StartsWith(f.name + ":") || Catch::StartsWith(f.name + "."));
  }
  CHECK(threw);
  // NaNs compare unequal, so compare the bit patterns' printed form.
  CHECK(to_string(a) == to_string(a_before));
  CHECK(to_string(b) == to_string(b_before));
}

Matrix<double> with_value_in_lower_triangle(double value) {
  Matrix<double> a{{4, 1, 0}, {1, 4, 1}, {0, 1, 4}};
  a(2, 0) = value;
  return a;
}

}  // namespace

TEST_CASE("non-square input to a square-only function is a shape_error", "[robustness][errors]") {
  const Matrix<double> a = random(2, 3, 1);
  const Vector<double> b{1, 2};
  for (const auto& f : functions())
    if (f.needs_square) require_throws_cleanly<shape_error>(f, a, b);
}

TEST_CASE("NaN or infinity in the read part of the input is a non_finite_error", "[robustness][errors]") {
  const Vector<double> b{1, 2, 3};
  for (double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                     -std::numeric_limits<double>::infinity()})
    for (const auto& f : functions()) require_throws_cleanly<non_finite_error>(f, with_value_in_lower_triangle(bad), b);
}

TEST_CASE("a right-hand side of the wrong length is a shape_error", "[robustness][errors]") {
  const Matrix<double> a = random(3, 3, 2) + 3.0 * eye<double>(3);
  const Vector<double> b{1, 2};
  for (const auto& f : functions())
    if (f.name == "solve" || f.name == "lstsq") require_throws_cleanly<shape_error>(f, a, b);
}

TEST_CASE("exactly singular input to inv and solve is a singular_matrix_error", "[robustness][errors]") {
  const Matrix<double> a{{1, 2, 3}, {2, 4, 6}, {1, 0, 1}};
  const Vector<double> b{1, 2, 3};
  for (const auto& f : functions())
    if (f.name == "inv" || f.name == "solve") require_throws_cleanly<singular_matrix_error>(f, a, b);
}

TEST_CASE("an indefinite matrix to cholesky is a not_positive_definite_error", "[robustness][errors]") {
  const Matrix<double> a{{1, 2, 0}, {2, 1, 0}, {0, 0, 1}};
  const Vector<double> b{1, 2, 3};
  for (const auto& f : functions())
    if (f.name == "cholesky") require_throws_cleanly<not_positive_definite_error>(f, a, b);
}

TEST_CASE("empty 0 x 0 input gives NumPy's empty answers", "[robustness]") {
  const Matrix<double> e(0, 0);
  CHECK(det(e) == 1.0);
  CHECK(inv(e).size() == 0);
  CHECK(svdvals(e).size() == 0);
  CHECK(eigvalsh(e).size() == 0);
  CHECK(matrix_rank(e) == 0);
  CHECK(pinv(e).size() == 0);
  auto [Q, R] = qr(e);
  CHECK(Q.size() == 0);
  CHECK(R.size() == 0);
  CHECK(cholesky(e).size() == 0);
}
