// Fixed-size code never touches the heap: this file counts every global allocation.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <linal/linal.hpp>
#include <new>

namespace {
std::atomic<long> allocations{0};
}

// Every replacement is kept out of line: inlined into a caller, GCC would see the result of
// malloc reach operator delete (or of operator new reach free) and warn of a mismatch, not
// knowing that this file replaced both.
[[gnu::noinline]] void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void* operator new(std::size_t n, std::align_val_t alignment) {
  ++allocations;
  const std::size_t a = static_cast<std::size_t>(alignment);
  if (void* p = std::aligned_alloc(a, (n + a - 1) / a * a)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

using namespace linal;

TEST_CASE("fixed-size matrices and expressions never allocate", "[core][alloc]") {
  const long before = allocations.load();
  Matrix<double, 3, 3> A{{1, 2, 3}, {4, 5, 6}, {7, 8, 10}};
  Matrix<double, 3, 3> B = A + 2.0 * A.T();
  B = B.T();  // the overlap temporary is fixed-size too
  B += A * A;
  Vector<double, 3> v{1, 2, 3};
  v = v + A.col(0);
  const double s = sum(B) + max(v);
  const long after = allocations.load();
  CHECK(after == before);
  CHECK(s > 0);
}

TEST_CASE("dynamic matrices do allocate (the counter works)", "[core][alloc]") {
  const long before = allocations.load();
  Matrix<double> A(3, 3);
  CHECK(allocations.load() > before);
  CHECK(A.size() == 9);
}
