// Lesson 3 of the tutorial on its own (the tour runs every lesson).
#include "lessons/lessons.hpp"

int main() { lessons::lesson03_vectors(); }
