#pragma once
// Products of small fixed-size matrices (every extent known at compile time and at most 8),
// unrolled at compile time: no loop, no heap, no packing.
//
// For float and double with B's rows contiguous, row i of C is computed as
// sum_p a(i, p) * (row p of B), with each row held in SIMD batches: K broadcasts and K
// multiply-adds per batch, instead of N K scalar products that the compiler would have to
// shuffle into vectors. A row shorter than a batch is read with the batch's full width where
// the extra lanes still fall inside B's memory (they land on the next row and are ignored), and
// lane by lane where they would not; C's rows are written the same way.

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "linal/core/concepts.hpp"
#include "linal/kernels/scalar.hpp"
#include "linal/simd/simd.hpp"

namespace linal::kernels::detail {

inline constexpr std::size_t fixed_product_limit = 8;

/// sum_p a(i, p) b(p, j) over a compile-time depth, as one unrolled expression.
template <std::size_t K, class A, class B>
auto fixed_entry(const A& a, const B& b, std::size_t i, std::size_t j) {
  return [&]<std::size_t... P>(std::index_sequence<P...>) {
    return (multiply<value_t<A>>(a(i, P), b(P, j)) + ...);
  }(std::make_index_sequence<K>{});
}

/// The batch for rows of N elements of T: the narrowest native batch that holds a whole row,
/// or the widest one when a row needs several.
template <class T, std::size_t N>
using row_batch =
    simd::stdx::simd<T,
                     simd::stdx::simd_abi::deduce_t<T, std::min(std::bit_ceil(N), simd::width<T>)>>;

/// A row of N elements rounded up to whole batches.
template <class T, std::size_t N>
inline constexpr std::size_t padded_row_length =
    (N + row_batch<T, N>::size() - 1) / row_batch<T, N>::size() * row_batch<T, N>::size();

/// Batch Q of a row of N elements that starts at `row`: a full-width load when its last lane
/// lies before `end` (one past B's last element), otherwise only the lanes inside the row.
template <class Batch, std::size_t N, std::size_t Q, class T>
[[gnu::always_inline]] inline Batch load_row_chunk(const T* row, const T* end) {
  constexpr std::size_t w = Batch::size();
  constexpr std::size_t lanes = std::min(w, N - Q * w);  // of this row in this batch
  const T* src = row + Q * w;
  if (lanes == w || src + w <= end) return Batch(src, simd::stdx::element_aligned);
  return Batch([src](auto lane) { return lane < lanes ? src[lane] : T(0); });
}

/// term<First>() + ... + term<First + Count - 1>() summed as a balanced tree rather than a
/// chain: log2(Count) additions deep instead of Count, so the sums of neighbouring products
/// overlap in the pipelines instead of waiting on each other.
template <std::size_t First, std::size_t Count, class Term>
[[gnu::always_inline]] inline auto pairwise_sum(const Term& term) {
  if constexpr (Count == 1) {
    return term.template operator()<First>();
  } else {
    constexpr std::size_t half = Count / 2;
    return pairwise_sum<First, half>(term) + pairwise_sum<First + half, Count - half>(term);
  }
}

/// out (M rows of padded_row_length<T, N> elements) = A (M x K) B (K x N), B with unit column
/// stride and a positive row stride, in SIMD batches along the rows of B and C.
template <std::size_t M, std::size_t N, std::size_t K, class A, class B, class T>
[[gnu::always_inline]] inline void fixed_product_rows(const A& a, const B& b, T* out) {
  using batch = row_batch<T, N>;
  constexpr std::size_t w = batch::size();
  constexpr std::size_t chunks = (N + w - 1) / w;
  constexpr std::size_t out_stride = chunks * w;
  const auto rs = static_cast<std::size_t>(b.row_stride());
  const T* const b0 = b.data();
  const T* const b_end = b0 + (K - 1) * rs + N;
  // When B is one column of at most four batches, they are loaded once and held in registers
  // for every row of C: at these sizes loads, not arithmetic, set the pace, and the compiler
  // would otherwise read each again as a memory operand of every product (a 4 x 4 product
  // takes a third longer). Wider or deeper B is read where used, leaving the registers to the
  // sums.
  constexpr bool hold_b = chunks == 1 && K <= 4;
  std::array<batch, hold_b ? K : 0> held;
  if constexpr (hold_b) {
    [&]<std::size_t... P>(std::index_sequence<P...>) {
      ((held[P] = load_row_chunk<batch, N, 0>(b0 + P * rs, b_end), simd::keep_in_register(held[P])),
       ...);
    }(std::make_index_sequence<K>{});
  }
  // Batch Q of row I of C: the K products a(I, P) * (batch Q of row P of B), summed.
  const auto entry = [&]<std::size_t I, std::size_t Q>() {
    const auto product = [&]<std::size_t P>() {
      if constexpr (hold_b)
        return T(a(I, P)) * held[P];
      else
        return T(a(I, P)) * load_row_chunk<batch, N, Q>(b0 + P * rs, b_end);
    };
    const batch sum = pairwise_sum<0, K>(product);
    sum.copy_to(out + I * out_stride + Q * w, simd::stdx::element_aligned);
  };
  const auto row = [&]<std::size_t I, std::size_t... Q>(std::index_sequence<Q...>) {
    (entry.template operator()<I, Q>(), ...);
  };
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (row.template operator()<I>(std::make_index_sequence<chunks>{}), ...);
  }(std::make_index_sequence<M>{});
}

/// C = A B for fixed M x K and K x N operands, C a contiguous row-major M x N matrix.
template <std::size_t M, std::size_t N, std::size_t K, class A, class B, class C>
[[gnu::always_inline]] inline void fixed_product(const A& a, const B& b, C& c) {
  using T = value_t<A>;
  if constexpr (simd::has_batch<T> && Strided<B> && N > 1) {
    if (b.col_stride() == 1 && b.row_stride() >= static_cast<std::ptrdiff_t>(N)) {
      constexpr std::size_t padded = padded_row_length<T, N>;
      if constexpr (padded == N) {
        fixed_product_rows<M, N, K>(a, b, c.data());
      } else {
        // Batch-wide stores straight into C would overlap its next row, and reading such
        // overlapping stores back is slow: the rows go through a padded copy instead.
        alignas(64) T rows[M * padded];
        fixed_product_rows<M, N, K>(a, b, rows);
        for (std::size_t i = 0; i < M; ++i)
          for (std::size_t j = 0; j < N; ++j) c(i, j) = rows[i * padded + j];
      }
      return;
    }
  }
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((c(I / N, I % N) = fixed_entry<K>(a, b, I / N, I % N)), ...);
  }(std::make_index_sequence<M * N>{});
}

}  // namespace linal::kernels::detail
