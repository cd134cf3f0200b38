#pragma once
// Per-thread scratch memory for GEMM's packed panels: allocated once, grown when needed, so that
// repeated products (the blocked factorizations call gemm in a loop) do not allocate.

#include <cstddef>

#include "linal/core/heap.hpp"

namespace linal::kernels::detail {

class scratch {
 public:
  scratch() = default;
  scratch(const scratch&) = delete;
  scratch& operator=(const scratch&) = delete;
  ~scratch() { release(); }

  /// A 64-byte aligned block of at least `bytes` bytes (on huge pages when large), valid until
  /// the next call.
  void* get(std::size_t bytes) {
    if (bytes > size_) {
      release();  // first: the old and the new block need not coexist
      data_ = linal::detail::allocate_aligned(bytes);
      size_ = bytes;
    }
    return data_;
  }

 private:
  void release() noexcept {
    if (data_) linal::detail::free_aligned(data_, size_);
    data_ = nullptr;
    size_ = 0;
  }

  void* data_ = nullptr;
  std::size_t size_ = 0;
};

/// This thread's buffer for packed A blocks (kept in L2) and for packed B panels (shared by the
/// team, owned by the calling thread).
inline scratch& a_scratch() {
  thread_local scratch s;
  return s;
}
inline scratch& b_scratch() {
  thread_local scratch s;
  return s;
}
/// This thread's buffer for a complex B expanded into a real matrix (complex_gemm.hpp), which
/// the real product then packs from.
inline scratch& expanded_b_scratch() {
  thread_local scratch s;
  return s;
}

}  // namespace linal::kernels::detail
