#pragma once
// Writes a matrix as a grey-scale PGM image (the binary "P5" form of Netpbm), one byte per
// pixel: values are clipped to [0, 255] and rounded.

#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>

#include <linal/linal.hpp>

namespace examples {

template <linal::Expression E>
void write_pgm(const std::string& path, const E& image) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("write_pgm: cannot create " + path);
  out << "P5\n" << image.cols() << " " << image.rows() << "\n255\n";
  for (std::size_t i = 0; i < image.rows(); ++i)
    for (std::size_t j = 0; j < image.cols(); ++j) {
      const double v = std::round(std::fmin(255.0, std::fmax(0.0, image(i, j))));
      out.put(static_cast<char>(static_cast<unsigned char>(v)));
    }
}

}  // namespace examples
