#!/bin/sh
# example.sh: the main job.  Builds slotgen, checks the example schemas,
# generates C from them, builds the example program and runs it.
#
# Usage: scripts/example.sh            (build directory: build/)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${SLOTGEN_BUILD_DIR:-$top/build}

"$top/scripts/deps.sh" build-essential cmake ninja-build pkg-config libyaml-dev

cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DSLOTGEN_BUILD_TESTS=OFF -DSLOTGEN_BUILD_EXAMPLES=ON >/dev/null
cmake --build "$build"

echo "== slotgen check schemas/*.yaml"
"$build/generator/slotgen" check -I "$top/schemas" "$top"/schemas/*.yaml
echo "   all schemas are valid"
echo "== examples/transactions"
"$build/examples/transactions/transactions_demo"
