#pragma once
/// \file
/// The one assignment path every write goes through: shape check, then overlap check, then
/// the loop (SIMD batches over contiguous memory, element by element otherwise).

#include <cstddef>
#include <type_traits>

#include "../simd/simd.hpp"
#include "concepts.hpp"
#include "region.hpp"
#include "shape.hpp"

namespace linal::detail {

/// Writes src into dst element by element. Shapes must already match and src must not read
/// memory that dst writes at another position.
template <class Dst, class Src>
void copy_elements(Dst& dst, const Src& src) {
  using T = typename Dst::value_type;
  const std::size_t rows = dst.rows(), cols = dst.cols();
  if constexpr (Dst::is_linear && Src::is_linear) {
    T* out = dst.data();
    const auto in = src.linear_reader();
    const std::size_t n = rows * cols;
    std::size_t body = 0;  // elements written in whole SIMD batches; the rest one by one
    if constexpr (Src::is_batchable && std::is_same_v<typename Src::value_type, T>) {
      using B = simd::batch<T>;
      constexpr std::size_t w = B::size();
      body = n - n % w;
      std::size_t k = 0;
      // Two batches per step: half the loop overhead, two independent dependency chains.
      for (; k + 2 * w <= body; k += 2 * w) {
        const B first = in.template batch<B>(k);
        const B second = in.template batch<B>(k + w);
        simd::store(first, out + k);
        simd::store(second, out + k + w);
      }
      if (k < body) simd::store(in.template batch<B>(k), out + k);
    }
    for (std::size_t k = body; k < n; ++k) out[k] = static_cast<T>(in.linear(k));
  } else {
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t j = 0; j < cols; ++j) dst(i, j) = static_cast<T>(src(i, j));
  }
}

/// dst = src for a destination of fixed shape (a view, or a matrix that must not resize):
/// checks the shape, and evaluates src into a temporary first when it reads dst's memory in
/// a different layout (A = transpose(A), v.block(1, ...) = v.block(0, ...)).
template <class Dst, class Src, class Temporary>
void assign_same_shape(Dst& dst, const Src& src, const char* function) {
  if (src.rows() != dst.rows() || src.cols() != dst.cols())
    throw shape_error(std::string(function) + ": could not assign shape " + shape_string(src) +
                      " into shape " + shape_string(dst));
  if (src.hazard(dst.region())) {
    const Temporary copy(src);
    copy_elements(dst, copy);
  } else {
    copy_elements(dst, src);
  }
}

}  // namespace linal::detail

namespace linal {

/// What noalias(dst) returns: assignments through it skip the overlap check. Use it only
/// when the right-hand side does not read the destination's memory in another layout.
template <class Dst>
class noalias_proxy {
 public:
  /// Wraps the destination of one assignment.
  explicit noalias_proxy(Dst& dst) : dst_(dst) {}
  /// Assigns src without the overlap check (a dynamic matrix takes its shape).
  template <Expression Src>
  Dst& operator=(const Src& src) {
    if (src.rows() != dst_.rows() || src.cols() != dst_.cols()) dst_.resize_for_assign(src);
    detail::copy_elements(dst_, src);
    return dst_;
  }

 private:
  Dst& dst_;
};

/// Opts one assignment out of the overlap check: `noalias(C) = A + B;`.
template <class Dst>
noalias_proxy<Dst> noalias(Dst& dst) {
  return noalias_proxy<Dst>(dst);
}

}  // namespace linal
