#pragma once
// Per-thread scratch memory for GEMM's packed panels: allocated once, grown when needed, so that
// repeated products (the blocked factorizations call gemm in a loop) do not allocate.

#include <cstddef>
#include <memory>
#include <new>

namespace linal::kernels::detail {

class scratch {
 public:
  /// A 64-byte aligned block of at least `bytes` bytes, valid until the next call.
  void* get(std::size_t bytes) {
    if (bytes > size_) {
      data_.reset(static_cast<std::byte*>(::operator new (bytes, std::align_val_t{alignment})));
      size_ = bytes;
    }
    return data_.get();
  }

 private:
  static constexpr std::size_t alignment = 64;
  struct release {
    void operator()(std::byte* p) const { ::operator delete (p, std::align_val_t{alignment}); }
  };
  std::unique_ptr<std::byte, release> data_;
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

}  // namespace linal::kernels::detail
