// Image compression with the SVD: keep the k largest singular values of a grey-scale image and
// store k (m + n + 1) numbers instead of m n. Writes the original and the rank 1, 5, 20 and 50
// approximations as PGM images into the current directory (or the directory given as argv[1]).
//
// The test image is drawn here, so that the program needs no input: a shaded background, a disc,
// a checkerboard and a diagonal band, shapes that need few (the checkerboard) and many (the disc
// and the band) singular vectors.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <string>

#include <linal/linal.hpp>

#include "support/pgm.hpp"

namespace {

linal::Matrix<double> test_image(std::size_t n) {
  linal::Matrix<double> image(n, n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      const double x = static_cast<double>(j), y = static_cast<double>(i);
      double v = 60 + 100 * x / static_cast<double>(n);                                  // shading
      if (std::hypot(x - 40, y - 42) < 24) v = 235;                                     // disc
      if (x >= 72 && x < 120 && y >= 16 && y < 64) v = ((i / 8 + j / 8) % 2) ? 20 : 200;  // checkerboard
      if (std::fabs(x - y + 10) < 5 && y > 70) v = 10;                                  // band
      image(i, j) = v;
    }
  return image;
}

/// The rank-k approximation U[:, :k] diag(s[:k]) Vh[:k, :], the closest rank-k matrix to A
/// in the Frobenius and 2-norms (Eckart-Young).
linal::Matrix<double> rank_k(const linal::Matrix<double>& U, const linal::Vector<double>& s,
                             const linal::Matrix<double>& Vh, std::size_t k) {
  linal::Matrix<double> scaled_U = U.block(0, 0, U.rows(), k);
  for (std::size_t j = 0; j < k; ++j) scaled_U.col(j) *= s[j];
  return linal::matmul(scaled_U, Vh.block(0, 0, k, Vh.cols()));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace linal;
  const std::string dir = argc > 1 ? std::string(argv[1]) + "/" : "";
  const Matrix<double> A = test_image(128);
  examples::write_pgm(dir + "svd_original.pgm", A);

  auto [U, s, Vh] = svd(A);
  const double total = norm(A);  // Frobenius norm: sqrt of the sum of all s_i^2
  std::cout << "image: " << A.rows() << " x " << A.cols() << " pixels, rank " << count_nonzero(s > s[0] * 1e-12)
            << "\n";
  std::cout << std::fixed << std::setprecision(4);
  for (std::size_t k : {1, 5, 20, 50}) {
    const Matrix<double> Ak = rank_k(U, s, Vh, k);
    examples::write_pgm(dir + "svd_rank_" + std::to_string(k) + ".pgm", Ak);
    // Eckart-Young: the error is exactly the singular values left out.
    double dropped = 0;
    for (std::size_t i = k; i < s.size(); ++i) dropped += s[i] * s[i];
    const double stored = static_cast<double>(k * (A.rows() + A.cols() + 1)) / static_cast<double>(A.size());
    std::cout << "rank " << std::setw(2) << k << ": relative error " << norm(A - Ak) / total
              << " (predicted by the dropped singular values: " << std::sqrt(dropped) / total << "), storage "
              << std::setprecision(1) << 100 * stored << "% of the pixels\n"
              << std::setprecision(4);
  }
  std::cout << "wrote svd_original.pgm and svd_rank_{1,5,20,50}.pgm\n";
}
