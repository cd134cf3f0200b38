# Empty dependencies file for linal_catch_main.
# This may be replaced when dependencies are built.
