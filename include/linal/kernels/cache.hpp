#pragma once
// Data cache sizes of the running machine, read once at run time, for GEMM's blocking.

#include <cstddef>
#include <fstream>
#include <string>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

namespace linal::kernels::detail {

struct cache_sizes {
  std::size_t l1d;  // per core
  std::size_t l2;   // per core
  std::size_t l3;   // shared
};

// Linux lists each cache level in /sys, with sizes such as "32K"; 0 when absent.
inline std::size_t sysfs_cache_size(int index) {
  std::ifstream in("/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/size");
  std::size_t value = 0;
  char unit = 0;
  if (!(in >> value)) return 0;
  in >> unit;
  if (unit == 'K') return value << 10;
  if (unit == 'M') return value << 20;
  return value;
}

inline std::size_t sysconf_size([[maybe_unused]] int name) {
#if defined(_SC_LEVEL1_DCACHE_SIZE)
  const long v = ::sysconf(name);
  return v > 0 ? static_cast<std::size_t>(v) : 0;
#else
  return 0;
#endif
}

inline cache_sizes detect_cache_sizes() {
  // Defaults describe a common desktop core, used when the system reports nothing.
  cache_sizes c{32u << 10, 256u << 10, 8u << 20};
#if defined(_SC_LEVEL1_DCACHE_SIZE)
  const std::size_t l1 = sysconf_size(_SC_LEVEL1_DCACHE_SIZE);
  const std::size_t l2 = sysconf_size(_SC_LEVEL2_CACHE_SIZE);
  const std::size_t l3 = sysconf_size(_SC_LEVEL3_CACHE_SIZE);
#else
  // index0 and index1 are the L1 data and instruction caches on Linux.
  const std::size_t l1 = sysfs_cache_size(0);
  const std::size_t l2 = sysfs_cache_size(2);
  const std::size_t l3 = sysfs_cache_size(3);
#endif
  if (l1 >= (4u << 10)) c.l1d = l1;
  if (l2 >= c.l1d) c.l2 = l2;
  if (l3 >= c.l2) c.l3 = l3;
  return c;
}

/// The cache sizes, detected on first use.
inline const cache_sizes& caches() {
  static const cache_sizes c = detect_cache_sizes();
  return c;
}

}  // namespace linal::kernels::detail
