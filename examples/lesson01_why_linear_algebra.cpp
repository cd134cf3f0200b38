// Lesson 1 of the tutorial on its own (the tour runs every lesson).
#include "lessons/lessons.hpp"

int main() { lessons::lesson01_why_linear_algebra(); }
