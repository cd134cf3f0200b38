#pragma once
// GEMM's cache blocking (KC, MC, NC), derived from the running machine's cache sizes.

#include <algorithm>
#include <cstddef>

#include "linal/kernels/cache.hpp"

namespace linal::kernels::detail {

struct blocking {
  std::size_t mc;  // rows of the packed A block, which stays in L2
  std::size_t kc;  // depth of one rank-kc update; a B micro-panel (kc x NR) stays in L1
  std::size_t nc;  // columns of the packed B panel, which stays in L3
};

inline std::size_t round_down(std::size_t x, std::size_t unit) {
  return std::max(unit, x / unit * unit);
}

/// Half of L1 holds the B micro-panel (the other half streams A slivers and C), half of L2 the
/// A block, and a quarter of L3 the B panel, capped so the panel stays small on large L3s.
template <class T, std::size_t MR, std::size_t NR>
blocking make_blocking(const cache_sizes& c) {
  blocking b{};
  b.kc = std::clamp<std::size_t>(round_down(c.l1d / 2 / (NR * sizeof(T)), 8), 16, 1024);
  b.mc = round_down(c.l2 / 2 / (b.kc * sizeof(T)), MR);
  b.nc = round_down(std::min<std::size_t>(c.l3 / 4 / (b.kc * sizeof(T)), 4096), NR);
  return b;
}

/// The blocking for element type T and micro-tile MR x NR, computed once.
template <class T, std::size_t MR, std::size_t NR>
const blocking& blocking_for() {
  static const blocking b = make_blocking<T, MR, NR>(caches());
  return b;
}

}  // namespace linal::kernels::detail
