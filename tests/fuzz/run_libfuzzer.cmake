# Builds the fuzz target with clang++ -fsanitize=fuzzer,address,undefined and runs it for
# SECONDS seconds. Exits 77 (skipped) when clang++ is not installed.
find_program(CLANGXX NAMES clang++ clang++-14)
if(NOT CLANGXX)
  message("clang++ not found: libFuzzer run skipped")
  cmake_language(EXIT 77)
endif()
file(MAKE_DIRECTORY ${WORK_DIR}/corpus)
execute_process(
  COMMAND ${CLANGXX} -std=c++20 -O1 -g -march=native -fsanitize=fuzzer,address,undefined
          -fno-sanitize-recover=all -I${INCLUDE} ${SOURCE} -o ${WORK_DIR}/factorizations_fuzzer
  RESULT_VARIABLE built)
if(NOT built EQUAL 0)
  message(FATAL_ERROR "could not build the fuzzer with ${CLANGXX}")
endif()
execute_process(
  COMMAND ${WORK_DIR}/factorizations_fuzzer -max_total_time=${SECONDS} -timeout=1 -rss_limit_mb=2048
          -print_final_stats=1 ${WORK_DIR}/corpus
  RESULT_VARIABLE ran ERROR_VARIABLE log)
string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" executed "${log}")
message("${executed}")
if(NOT ran EQUAL 0)
  message(FATAL_ERROR "the fuzzer found a failing input:\n${log}")
endif()
