// Lesson 7 of the tutorial on its own (the tour runs every lesson).
#include "lessons/lessons.hpp"

int main() { lessons::lesson07_svd(); }
