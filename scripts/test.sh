#!/bin/sh
# test.sh: build everything and run the whole test suite under CTest.
#
# Usage: scripts/test.sh              normal build in build-test/
#        scripts/test.sh --sanitize   AddressSanitizer + UBSan build in build-asan/
#                                     (the runtime then uses malloc for every
#                                     object, so ASan sees each one)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)

mode=normal
[ "${1:-}" = "--sanitize" ] && mode=sanitize

"$top/scripts/deps.sh" build-essential cmake ninja-build pkg-config libyaml-dev \
    libcmocka-dev clang g++

if [ "$mode" = sanitize ]; then
    build=${SLOTGEN_BUILD_DIR:-$top/build-asan}
    flags="-DSLOTGEN_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
    build=${SLOTGEN_BUILD_DIR:-$top/build-test}
    flags="-DCMAKE_BUILD_TYPE=RelWithDebInfo"
fi

# shellcheck disable=SC2086
cmake -S "$top" -B "$build" -G Ninja -DSLOTGEN_BUILD_TESTS=ON $flags >/dev/null
cmake --build "$build"
cd "$build"
ctest --output-on-failure -j "$(nproc)"
