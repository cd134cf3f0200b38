# CMake generated Testfile for 
# Source directory: /tmp/kwrap
# Build directory: /work/main/build-kernels/wrap
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
