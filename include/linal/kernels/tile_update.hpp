#pragma once
// Writing a finished accumulator tile back into C.

#include <cstddef>

namespace linal::kernels::detail {

/// C = alpha * tile + beta * C on the rows x cols corner of a tile stored with row length nr.
/// C is not read when beta is zero, so it may hold NaN or uninitialized values, as in BLAS.
template <class T>
void update_c(std::size_t rows, std::size_t cols, const T* tile, std::size_t nr, T alpha, T beta,
              T* c, std::ptrdiff_t crs, std::ptrdiff_t ccs) {
  for (std::size_t i = 0; i < rows; ++i) {
    T* ci = c + static_cast<std::ptrdiff_t>(i) * crs;
    for (std::size_t j = 0; j < cols; ++j) {
      T& cij = ci[static_cast<std::ptrdiff_t>(j) * ccs];
      const T v = alpha * tile[i * nr + j];
      cij = beta == T{} ? v : v + beta * cij;
    }
  }
}

}  // namespace linal::kernels::detail
