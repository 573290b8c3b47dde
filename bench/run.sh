#!/bin/sh
# run.sh: the one command of the benchmark suite (bench/README.md).
#
#   bench/run.sh           build with -O2, run every workload, write bench/RESULTS.md
#   bench/run.sh --quick   N = 100,000 and 3 repetitions, to check the harness;
#                          writes $BUILD/RESULTS.md and leaves bench/RESULTS.md alone
#
# It installs what is missing with apt-get when run as root (otherwise it
# prints the apt-get line and stops), configures a separate Release build of
# slotgen and the benchmarks (-O2, no sanitizers, slab allocator on) in
# $BENCH_BUILD_DIR (default: build-bench-release beside bench/), runs the
# workloads one process at a time so that no two measurements share the
# machine, and turns their JSON lines into tables with tools/report.py.
# Any benchmark whose checksum is wrong stops the run.
set -eu

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
BUILD=${BENCH_BUILD_DIR:-$ROOT/build-bench-release}
RESULTS_JSONL=$BUILD/results.jsonl
ENV_FILE=$BUILD/environment.txt
START_SECONDS=$(date +%s)
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

case "${1:-}" in
  "")      QUICK=0; SIZES="1000000 10000000"; REPS=5 ;;
  --quick) QUICK=1; SIZES="100000"; REPS=3 ;;
  *)       echo "usage: bench/run.sh [--quick]" >&2; exit 2 ;;
esac
# CPython rows at 10,000,000 take about 5 s a pass: 3 passes there, not 5.
PY_REPS_LARGE=3
# Loops of a few nanoseconds a call take a fraction of a second: more
# passes make their medians robust to other work on the machine.
NS_REPS=$((REPS * 2 + 1))

log() { printf '== %s\n' "$*" >&2; }

# --- dependencies --------------------------------------------------------

missing=""
need_command() {   # COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}
need_pkgconfig() { # MODULE PACKAGE
  pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"
}
check_dependencies() {
  missing=""
  need_command cmake cmake
  need_command ninja ninja-build
  need_command gcc gcc
  need_command python3 python3
  need_command pkg-config pkg-config
  need_command valgrind valgrind
  need_command callgrind_annotate valgrind
  need_command objdump binutils
  need_command protoc-c protobuf-c-compiler
  need_pkgconfig gobject-2.0 libglib2.0-dev
  need_pkgconfig libprotobuf-c libprotobuf-c-dev
  need_pkgconfig yaml-0.1 libyaml-dev
  missing=$(printf '%s\n' $missing | sort -u | tr '\n' ' ')
}

check_dependencies
if [ -n "${missing% }" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing:$missing"
    apt-get update
    # shellcheck disable=SC2086  # one word per package
    apt-get install -y $missing
    check_dependencies
  fi
  if [ -n "${missing% }" ]; then
    echo "bench/run.sh: missing packages; as root, run:" >&2
    echo "    apt-get install -y $missing" >&2
    exit 2
  fi
fi

# --- build -----------------------------------------------------------------

log "configuring $BUILD (Release, -O2, no sanitizers, slab allocator)"
cmake -S "$BENCH_DIR" -B "$BUILD" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DSLOTGEN_SANITIZE=OFF -DSLOTS_USE_MALLOC=OFF -DBENCH_WITH_SLOTGEN=ON >&2
cmake --build "$BUILD" >&2

# --- workloads ---------------------------------------------------------------

: > "$RESULTS_JSONL"
record() {  # COMMAND...: run it, append its result lines
  log "$*"
  "$@" >> "$RESULTS_JSONL"
}
# SLOTS_MALLOC would turn the slabs off for the slotgen rows.
unset SLOTS_MALLOC

for n in $SIZES; do
  py_reps=$REPS
  py_extra="--tracemalloc"
  if [ "$n" -gt 1000000 ]; then
    py_reps=$PY_REPS_LARGE
    py_extra=""
  fi
  for class in point transaction; do
    for impl in slotgen malloc protobuf gobject; do
      record "$BUILD/bench_objects" $impl $class "$n" $REPS
    done
    record env SLOTS_MALLOC=1 "$BUILD/bench_objects" slotgen $class "$n" $REPS "slotgen, SLOTS_MALLOC=1"
    for kind in plain slots dataclass; do
      record python3 "$BENCH_DIR/py/bench_objects.py" $kind $class "$n" $py_reps $py_extra
    done
  done
  record "$BUILD/bench_objects" malloc timestamp "$n" $REPS "timestamp copy alone (malloc)"
done

record python3 "$BENCH_DIR/tools/bench_accessors.py" "$BUILD/bench_accessors" 1000000 "$BUILD/callgrind.out"
record "$BUILD/bench_reflect" 1048576 $NS_REPS
record python3 "$BENCH_DIR/py/bench_reflect.py" 524288 $NS_REPS
record "$BUILD/bench_weakref" 1000000 $NS_REPS
record python3 "$BENCH_DIR/tools/bench_generator.py" "$BUILD/bench_spawn" \
  "$BUILD/slotgen/generator/slotgen" "$ROOT/runtime/include" "$BUILD/synth" $REPS "$(command -v protoc-c)"

# --- report ----------------------------------------------------------------

{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc=$(nproc)"
  echo "cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"
  echo "kernel=$(uname -sr)"
  echo "memory=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "compiler=$(gcc --version | head -n 1)"
  echo "python=$(python3 --version 2>&1)"
  echo "glib=$(pkg-config --modversion glib-2.0)"
  echo "protobuf_c=$(pkg-config --modversion libprotobuf-c)"
  echo "valgrind=$(valgrind --version)"
  echo "slotgen=$("$BUILD/slotgen/generator/slotgen" --version 2>&1 | head -n 1)"
  echo "quick=$QUICK"
  echo "sizes=$SIZES"
  echo "reps=$REPS"
  echo "py_reps_large=$PY_REPS_LARGE"
  echo "ns_reps=$NS_REPS"
  echo "elapsed_seconds=$(( $(date +%s) - START_SECONDS ))"
  echo "load=$LOAD_AT_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
} > "$ENV_FILE"

if [ "$QUICK" = 1 ]; then
  report=$BUILD/RESULTS.md
else
  report=$BENCH_DIR/RESULTS.md
fi
python3 "$BENCH_DIR/tools/report.py" "$RESULTS_JSONL" "$ENV_FILE" > "$report.tmp"
mv "$report.tmp" "$report"
log "wrote $report in $(( $(date +%s) - START_SECONDS )) s"
