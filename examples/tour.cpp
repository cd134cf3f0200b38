// The tour: every lesson of the tutorial in one run, from why linear algebra matters for
// machine learning to the singular-value decomposition.
#include <iostream>

#include "lessons/lessons.hpp"

int main() {
  struct Lesson {
    const char* title;
    void (*run)();
  };
  const Lesson lessons[] = {
      {"Lesson 1: why linear algebra for machine learning", lessons::lesson01_why_linear_algebra},
      {"Lesson 2: what linear algebra is", lessons::lesson02_what_is_linear_algebra},
      {"Lesson 3: vectors and vector arithmetic", lessons::lesson03_vectors},
      {"Lesson 4: matrices and the matrix product", lessons::lesson04_matrices},
      {"Lesson 5: matrix types and operations", lessons::lesson05_matrix_types},
      {"Lesson 6: matrix factorization", lessons::lesson06_factorization},
      {"Lesson 7: the singular-value decomposition", lessons::lesson07_svd},
  };
  bool first = true;
  for (const Lesson& lesson : lessons) {
    std::cout << (first ? "" : "\n") << "== " << lesson.title << " ==\n";
    lesson.run();
    first = false;
  }
}
