#!/usr/bin/env bash
# Installs whatever the build and the tests need that this Debian machine lacks, then
# builds everything in Release and runs every test. Usage: tests/run_all.sh
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make python3 clang libclang-rt-14-dev catch2 libbenchmark-dev libeigen3-dev libopenblas-dev liblapacke-dev doxygen valgrind)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

jobs=$(nproc)
cmake --preset release
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"
