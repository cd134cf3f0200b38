#pragma once
/// \file
/// Element storage for Matrix: inline arrays when both extents are fixed (no heap, no
/// alignment requirement), a 64-byte aligned heap buffer otherwise (one cache line, the widest
/// SIMD register), on huge pages where the system offers them for large ones.

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <utility>

#include "concepts.hpp"
#include "heap.hpp"

namespace linal::detail {

/// An owning, 64-byte (large: 2 MiB) aligned array of n value-initialized elements.
template <class T>
class aligned_buffer {
 public:
  aligned_buffer() = default;
  explicit aligned_buffer(std::size_t n) : data_(allocate(n)), size_(n) {
    std::uninitialized_value_construct_n(data_, n);
  }
  aligned_buffer(const aligned_buffer& other) : data_(allocate(other.size_)), size_(other.size_) {
    std::uninitialized_copy_n(other.data_, size_, data_);
  }
  aligned_buffer(aligned_buffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  aligned_buffer& operator=(aligned_buffer other) noexcept {
    swap(other);
    return *this;
  }
  ~aligned_buffer() { release(); }

  void swap(aligned_buffer& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
  }
  T* data() noexcept { return data_; }
  const T* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }

 private:
  static T* allocate(std::size_t n) {
    if (n == 0) return nullptr;
    return static_cast<T*>(allocate_aligned(n * sizeof(T)));
  }
  void release() noexcept {
    if (!data_) return;
    std::destroy_n(data_, size_);
    free_aligned(data_, size_ * sizeof(T));
  }

  T* data_ = nullptr;
  std::size_t size_ = 0;
};

/// Storage for an R x C matrix. The primary template covers any dynamic extent.
template <class T, std::size_t R, std::size_t C>
class storage {
 public:
  storage() : rows_(R == dynamic ? 0 : R), cols_(C == dynamic ? 0 : C), buffer_(rows_ * cols_) {}
  storage(std::size_t rows, std::size_t cols) : rows_(rows), cols_(cols), buffer_(rows * cols) {}

  std::size_t rows() const noexcept { return rows_; }
  std::size_t cols() const noexcept { return cols_; }
  T* data() noexcept { return buffer_.data(); }
  const T* data() const noexcept { return buffer_.data(); }
  void swap(storage& other) noexcept {
    std::swap(rows_, other.rows_);
    std::swap(cols_, other.cols_);
    buffer_.swap(other.buffer_);
  }

 private:
  std::size_t rows_;
  std::size_t cols_;
  aligned_buffer<T> buffer_;
};

/// The alignment of N elements of T held inline: that of the widest power-of-two block, up to
/// 32 bytes (one AVX register), that divides their size. A 4 x 4 double matrix then never has
/// a row split across two cache lines, so its rows load and store as single vectors; a 3 x 3
/// one keeps its natural alignment and size.
template <class T, std::size_t N>
inline constexpr std::size_t inline_alignment = [] {
  std::size_t a = alignof(T);
  while (a < 32 && (N * sizeof(T)) % (2 * a) == 0) a *= 2;
  return a;
}();

/// Both extents fixed: the elements live inside the object.
template <class T, std::size_t R, std::size_t C>
  requires(R != dynamic && C != dynamic)
class storage<T, R, C> {
 public:
  storage() = default;
  storage(std::size_t, std::size_t) {}

  static constexpr std::size_t rows() noexcept { return R; }
  static constexpr std::size_t cols() noexcept { return C; }
  T* data() noexcept { return elements_.data(); }
  const T* data() const noexcept { return elements_.data(); }
  void swap(storage& other) noexcept { std::swap(elements_, other.elements_); }

 private:
  alignas(inline_alignment<T, R * C>) std::array<T, R * C> elements_{};
};

}  // namespace linal::detail
