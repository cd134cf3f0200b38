// Runs the fuzz target without libFuzzer, on inputs drawn from a fixed seed, so that every
// compiler and the sanitizer build exercise it in each test run.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  const long runs = argc > 1 ? std::atol(argv[1]) : 20000;
  std::mt19937_64 engine(2026);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 160);
  std::vector<std::uint8_t> input;
  for (long r = 0; r < runs; ++r) {
    input.resize(static_cast<std::size_t>(length(engine)));
    for (auto& b : input) b = static_cast<std::uint8_t>(byte(engine));
    LLVMFuzzerTestOneInput(input.data(), input.size());
  }
  std::printf("%ld inputs ran cleanly\n", runs);
  return 0;
}
