#pragma once
// The lessons of the tutorial, one function each; every one prints its results to std::cout.

namespace lessons {

void lesson01_why_linear_algebra();
void lesson02_what_is_linear_algebra();
void lesson03_vectors();
void lesson04_matrices();
void lesson05_matrix_types();
void lesson06_factorization();
void lesson07_svd();

}  // namespace lessons
