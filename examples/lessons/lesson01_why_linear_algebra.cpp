// Lesson 1: why linear algebra for machine learning. Data, models and their training are
// written in vectors and matrices; here a linear model scores a small data set.
#include <iostream>
#include <linal/linal.hpp>

#include "lessons.hpp"

void lessons::lesson01_why_linear_algebra() {
  using namespace linal;
  // Four examples with three features each: a data set is a matrix.
  Matrix<double> X{{1.0, 0.5, 2.0}, {0.0, 1.5, 1.0}, {2.0, 2.0, 0.0}, {1.0, 1.0, 1.0}};
  // A linear model: one weight per feature, and a bias.
  Vector<double> w{0.5, -1.0, 2.0};
  const double bias = 0.25;
  // Every prediction at once: one matrix-vector product, y = X w + b.
  Vector<double> y = matmul(X, w) + bias;
  std::cout << "predictions: " << y << "\n";
  // Training measures the error of all predictions at once: mean squared error.
  Vector<double> target{4.0, 1.0, -0.5, 2.0};
  std::cout << "mean squared error: " << mean(square(y - target)) << "\n";
}
