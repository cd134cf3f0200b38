// Lesson 2 of the tutorial on its own (the tour runs every lesson).
#include "lessons/lessons.hpp"

int main() { lessons::lesson02_what_is_linear_algebra(); }
