#pragma once
// The thread count that the products (gemm and the factorizations built on it) may use.

#include <atomic>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace linal {

namespace detail {
// 0 means "not set by the user": fall back to OpenMP's default (OMP_NUM_THREADS or the cores).
inline std::atomic<int> requested_threads{0};
}  // namespace detail

/// Sets how many threads linal's products may use; n <= 0 restores the default (OMP_NUM_THREADS,
/// else the number of cores). Without OpenMP every product runs on the calling thread. O(1).
inline void set_num_threads(int n) noexcept {
  detail::requested_threads = n > 0 ? n : 0;
}

/// The number of threads linal's products may use: the value of set_num_threads, else
/// OpenMP's default, else 1 when linal was compiled without OpenMP. O(1).
inline int get_num_threads() noexcept {
#ifdef _OPENMP
  const int n = detail::requested_threads;
  return n > 0 ? n : omp_get_max_threads();
#else
  return 1;
#endif
}

namespace kernels::detail {

/// Threads for one call: 1 inside a caller's parallel region, so that a product called from a
/// user's `omp parallel` loop never multiplies the thread count.
inline int threads_for_call() noexcept {
#ifdef _OPENMP
  if (omp_in_parallel()) return 1;
#endif
  return get_num_threads();
}

/// Waits until every thread of the enclosing parallel region arrives; a no-op when serial.
inline void barrier() noexcept {
#ifdef _OPENMP
#pragma omp barrier
#endif
}

inline int thread_id() noexcept {
#ifdef _OPENMP
  return omp_get_thread_num();
#else
  return 0;
#endif
}

inline int team_size() noexcept {
#ifdef _OPENMP
  return omp_get_num_threads();
#else
  return 1;
#endif
}

}  // namespace kernels::detail
}  // namespace linal
