file(REMOVE_RECURSE
  "CMakeFiles/linal_catch_main.dir/work/main/tests/catch_main.cpp.o"
  "CMakeFiles/linal_catch_main.dir/work/main/tests/catch_main.cpp.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/linal_catch_main.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
