#pragma once
/// \file
/// Aligned heap blocks for matrix elements and packed GEMM panels: 64-byte aligned (one cache
/// line, the widest SIMD register), and on huge pages where the system offers them for large
/// ones.

#include <cstddef>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace linal::detail {

inline constexpr std::size_t heap_alignment = 64;

// Blocks of a few megabytes and more start on a 2 MiB boundary and are marked for transparent
// huge pages before their first touch: a fresh 2048 x 2048 double matrix then costs 16 page
// faults instead of 8192, which were a fifth of the time of its Cholesky factorization, and
// GEMM's packed B panel (4 MiB at n = 2048) needs 2 TLB entries instead of 1024.
inline constexpr std::size_t huge_page = std::size_t{2} << 20;
inline constexpr std::size_t huge_page_threshold = 2 * huge_page;

inline std::size_t heap_alignment_for(std::size_t bytes) {
  return bytes >= huge_page_threshold ? huge_page : heap_alignment;
}

/// Uninitialized memory for `bytes` bytes (non-zero), released by free_aligned(p, bytes).
inline void* allocate_aligned(std::size_t bytes) {
  void* p = ::operator new(bytes, std::align_val_t{heap_alignment_for(bytes)});
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // Only advice: where huge pages are unavailable the block keeps ordinary pages.
  if (bytes >= huge_page_threshold) ::madvise(p, bytes / huge_page * huge_page, MADV_HUGEPAGE);
#endif
  return p;
}

inline void free_aligned(void* p, std::size_t bytes) noexcept {
  ::operator delete(p, std::align_val_t{heap_alignment_for(bytes)});
}

}  // namespace linal::detail
