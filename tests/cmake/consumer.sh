#!/bin/sh
# consumer.sh GENERATOR SOURCE_DIR BUILD_DIR [CMAKE_ARGS...]: configures,
# builds and runs a consumer project from scratch (tests/cmake/app).
set -eu
generator=$1 src=$2 build=$3
shift 3
rm -rf "$build"
cmake -S "$src" -B "$build" -G "$generator" "$@"
cmake --build "$build"
cd "$build" && ctest --output-on-failure
