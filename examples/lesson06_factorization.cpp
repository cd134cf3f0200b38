// Lesson 6 of the tutorial on its own (the tour runs every lesson).
#include "lessons/lessons.hpp"

int main() { lessons::lesson06_factorization(); }
