#pragma once
/// \file
/// Shapes in error messages, written as NumPy writes them: (2,3) for a matrix, (3,) for a vector.

#include <cstddef>
#include <string>

#include "concepts.hpp"
#include "error.hpp"

namespace linal::detail {

inline std::string shape_string(std::size_t rows, std::size_t cols, bool vector = false) {
  if (vector) return "(" + std::to_string(rows == 1 ? cols : rows) + ",)";
  return "(" + std::to_string(rows) + "," + std::to_string(cols) + ")";
}

template <Expression E>
std::string shape_string(const E& e) {
  using X = std::remove_cvref_t<E>;
  return shape_string(e.rows(), e.cols(), X::static_cols == 1 || X::static_rows == 1);
}

/// Two static extents fit when either is dynamic or they are equal.
constexpr bool extents_fit(std::size_t a, std::size_t b) { return a == dynamic || b == dynamic || a == b; }

/// The static extent two fitting operands share.
constexpr std::size_t common_extent(std::size_t a, std::size_t b) { return a == dynamic ? b : a; }

/// Throws shape_error unless x has the given run-time shape.
template <Expression E>
void require_shape(const char* function, const E& x, std::size_t rows, std::size_t cols) {
  if (x.rows() != rows || x.cols() != cols)
    throw shape_error(std::string(function) + ": shape " + shape_string(x) + " does not match " +
                      shape_string(rows, cols));
}

}  // namespace linal::detail
