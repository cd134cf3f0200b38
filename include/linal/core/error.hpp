#pragma once
/// \file
/// The exception types linal throws. Shape problems are programming errors and derive from
/// std::invalid_argument; numerical failures depend on the data and derive from std::runtime_error.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace linal {

/// Operands whose shapes do not fit the operation, e.g. matmul of (2,3) and (2,3).
/// Checked in every build mode; the message names the function and both shapes.
class shape_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Base of every numerical failure: the input had the right shape but the algorithm cannot
/// produce a meaningful result for it.
class linalg_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A matrix that is exactly singular to working precision: a zero pivot was met.
class singular_matrix_error : public linalg_error {
 public:
  /// what: the message; pivot: the zero-based index of the zero pivot.
  singular_matrix_error(const std::string& what, std::size_t pivot)
      : linalg_error(what), pivot_(pivot) {}
  /// Zero-based index of the first zero pivot.
  std::size_t pivot() const noexcept { return pivot_; }

 private:
  std::size_t pivot_;
};

/// A matrix that should be symmetric (Hermitian) positive definite is not.
class not_positive_definite_error : public linalg_error {
 public:
  /// what: the message; minor: the order of the failing leading minor.
  not_positive_definite_error(const std::string& what, std::size_t minor)
      : linalg_error(what), minor_(minor) {}
  /// Order of the first leading minor that is not positive (1-based, as LAPACK's info).
  std::size_t minor() const noexcept { return minor_; }

 private:
  std::size_t minor_;
};

/// An iterative algorithm reached its iteration cap without converging.
class convergence_error : public linalg_error {
 public:
  /// what: the message; iterations: how many were run before giving up.
  convergence_error(const std::string& what, std::size_t iterations)
      : linalg_error(what), iterations_(iterations) {}
  /// Iterations run before giving up.
  std::size_t iterations() const noexcept { return iterations_; }

 private:
  std::size_t iterations_;
};

/// The input holds NaN or infinity, for which no factorization is meaningful.
class non_finite_error : public linalg_error {
 public:
  using linalg_error::linalg_error;
};

namespace detail {

/// The one wording every function uses for NaN or infinity in an argument: NumPy's phrase,
/// then where the first such element is, e.g. "solve: a must not contain infs or NaNs (found
/// at (2,3))".
inline std::string non_finite_message(const char* function, const char* argument, std::size_t i, std::size_t j) {
  return std::string(function) + ": " + argument + " must not contain infs or NaNs (found at (" + std::to_string(i) +
         "," + std::to_string(j) + "))";
}

}  // namespace detail
}  // namespace linal
