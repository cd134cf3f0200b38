#include <catch2/catch.hpp>
#include <linal/linal.hpp>
