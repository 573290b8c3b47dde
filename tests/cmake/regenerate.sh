#!/bin/sh
# regenerate.sh GENERATOR PROJECT_DIR WORK_DIR TEMPLATES_DIR [CMAKE_ARGS...]
#
# Measures the regeneration rules of slotgen_generate() (docs/cmake.md) on a
# copy of tests/cmake/regen, build after build, from the build tool's output
# and from the mtimes of generated files and objects:
#   1. a second build does nothing;
#   2. a touched schema reruns the generator and recompiles nothing, and the
#      build after that does nothing;
#   3. a changed imported schema regenerates and recompiles its importers,
#      and nothing else;
#   4. a changed template regenerates;
#   5. a schema error fails the build with FILE:LINE:COL: error: in the
#      output, and leaves the previous generated files as they were.
set -eu
generator=$1 project=$2 work=$3 templates=$4
shift 4
src=$work/src build=$work/build gen=$work/build/regen.slotgen log=$work/build.log
failures=0

fail() { echo "regenerate.sh: FAIL: $*" >&2; failures=$((failures + 1)); }
step() { echo "== $*"; }
build() { cmake --build "$build" >"$log" 2>&1; status=$?; cat "$log"; return $status; }
in_log() { grep -Eq "$1" "$log"; }
# mtimes of the generated files and objects, one "path time" a line
snapshot() { find "$gen" "$build/CMakeFiles" \( -name '*.slots.[ch]' -o -name '*.o' \) -exec stat -c '%n %y' {} + | sort; }
changed() { snapshot >"$work/after"; diff "$work/before" "$work/after" | sed -n 's/^> //p'; }
# Later mtimes must be visible even on file systems with coarse timestamps.
tick() { sleep 1; }

rm -rf "$work"
mkdir -p "$work"
cp -R "$project" "$src"
mkdir "$work/templates"
cp "$templates"/*.mustache "$work/templates/" || { echo "regenerate.sh: no templates in $templates" >&2; exit 1; }
cmake -S "$src" -B "$build" -G "$generator" "-DREGEN_TEMPLATES=$work/templates" "$@"

step "full build"
build || { echo "regenerate.sh: the first build failed" >&2; exit 1; }
"$build/regen" || fail "the program fails after the first build"

step "1. a second build does nothing"
snapshot >"$work/before"
build || fail "the second build failed"
in_log 'slotgen: generating' && fail "the second build ran the generator"
in_log 'Building C object|Linking' && fail "the second build compiled or linked"
[ -z "$(changed)" ] || fail "the second build changed: $(changed)"

step "2. a touched schema reruns the generator, recompiles nothing"
tick
touch "$src/point.yaml"
build || fail "the build after touching point.yaml failed"
in_log 'generating point\.slots' || fail "touching point.yaml did not rerun the generator"
in_log 'Building C object|Linking' && fail "touching point.yaml recompiled or relinked"
[ -z "$(changed)" ] || fail "touching point.yaml changed: $(changed)"
build || fail "the build after that failed"
in_log 'slotgen: generating' && fail "the build after touching point.yaml ran the generator again"

step "3. a changed imported schema rebuilds its importers, nothing else"
tick
printf '      tag: {type: int32, default: 0}\n' >>"$src/base.yaml"
build || fail "the build after changing base.yaml failed"
in_log 'generating base\.slots' || fail "changing base.yaml did not regenerate base"
in_log 'generating point\.slots' || fail "changing imported base.yaml did not regenerate point"
in_log 'generating lone\.slots' && fail "changing base.yaml regenerated lone, which does not import it"
rebuilt=$(changed)
for object in point.slots.c.o base.slots.c.o main.c.o; do
    echo "$rebuilt" | grep -q "/$object " || fail "changing base.yaml did not recompile $object"
done
echo "$rebuilt" | grep -q 'lone' && fail "changing base.yaml touched lone's files"
"$build/regen" || fail "the program fails after base.yaml changed"
snapshot >"$work/before"

step "4. a changed template regenerates"
tick
for t in "$work/templates"/*.mustache; do
    printf '\n' >>"$t"
done
build || fail "the build after changing the templates failed"
for name in point base lone; do
    in_log "generating $name\\.slots" || fail "changing the templates did not regenerate $name"
done
[ -n "$(changed)" ] || fail "changing the templates changed no generated file"
snapshot >"$work/before"

step "5. a schema error fails the build, keeps the previous files"
cp "$gen/lone.slots.h" "$gen/lone.slots.c" "$work/"
cp "$src/lone.yaml" "$work/lone.yaml.good"
tick
printf '      broken: int33\n' >>"$src/lone.yaml"
if build; then fail "the build with a broken lone.yaml succeeded"; fi
in_log 'lone\.yaml:[0-9]+:[0-9]+: error: ' || fail "no FILE:LINE:COL: error: line in the build output"
cmp -s "$work/lone.slots.h" "$gen/lone.slots.h" || fail "the failed run changed lone.slots.h"
cmp -s "$work/lone.slots.c" "$gen/lone.slots.c" || fail "the failed run changed lone.slots.c"
[ -z "$(changed)" ] || fail "the failed build changed: $(changed)"
cp "$work/lone.yaml.good" "$src/lone.yaml"
build || fail "the build after repairing lone.yaml failed"
"$build/regen" || fail "the program fails after lone.yaml was repaired"

[ $failures -eq 0 ] && echo "regenerate.sh: all regeneration rules hold"
exit $failures
