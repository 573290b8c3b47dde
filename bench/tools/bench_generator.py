"""bench_generator.py: workload 6, the generator's own cost.

    python3 bench_generator.py SPAWN SLOTGEN INCLUDE_DIR WORK_DIR REPS [PROTOC_C]

For synthetic schemas of 100, 1,000 and 10,000 classes (synth.py):
`slotgen generate` wall time (median of REPS, or of one run for a command
slower than SLOW_SECONDS) and peak RSS, each run into an
emptied output directory so that every run writes its files; `gcc -O2 -c`
of the generated source of 1,000 classes; and, when PROTOC_C is given,
protoc-c on the equivalent .proto as a reference row.  (Compiling
protoc-c's output for 1,000 messages takes gcc about 18 s, too long to
repeat in every run, so that row is left out.)  Each command runs under SPAWN (bench_spawn, tools/spawn.c),
which reports the child's wall time and ru_maxrss.  Output: the JSON
lines of src/harness.h; a failed command fails the benchmark.
"""
import json
import os
import shutil
import subprocess
import sys

SIZES = (100, 1000, 10000)
COMPILED_SIZE = 1000
SLOW_SECONDS = 5.0
HERE = os.path.dirname(os.path.abspath(__file__))


def emit(table, row, metric, value, reps):
    print(json.dumps({"workload": "generator", "table": table, "row": row,
                      "metric": metric, "value": value, "reps": reps}), flush=True)


def spawn(spawn_tool, argv):
    """(wall seconds, peak RSS in KiB) of one run of argv; exits on failure."""
    done = subprocess.run([spawn_tool, *argv], capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        print(f"benchmark check failed: {' '.join(argv)}", file=sys.stderr)
        sys.exit(1)
    wall, rss = done.stdout.split()
    return float(wall), int(rss)


def median(values):
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def measure(spawn_tool, argv_for_rep, reps):
    """(median wall seconds, peak RSS in KiB, runs) over up to reps runs.
    A command slower than SLOW_SECONDS runs once: repeating it would not
    change the verdict and would take the whole run's time budget."""
    runs = [spawn(spawn_tool, argv_for_rep())]
    while len(runs) < reps and runs[0][0] < SLOW_SECONDS:
        runs.append(spawn(spawn_tool, argv_for_rep()))
    return median([w for w, _ in runs]), max(r for _, r in runs), len(runs)


def expect_files(*paths):
    for path in paths:
        if not os.path.isfile(path) or os.path.getsize(path) == 0:
            print(f"benchmark check failed: {path} was not written", file=sys.stderr)
            sys.exit(1)


def bench_slotgen(spawn_tool, slotgen, work, n, reps):
    schema = os.path.join(work, f"synth_{n}.yaml")
    out = os.path.join(work, f"slotgen_{n}")

    def argv():
        fresh_dir(out)
        return [slotgen, "generate", "-o", out, schema]
    wall, rss, runs = measure(spawn_tool, argv, reps)
    expect_files(os.path.join(out, f"synth_{n}.slots.h"), os.path.join(out, f"synth_{n}.slots.c"))
    emit(f"classes/{n}", "slotgen generate", "seconds", wall, runs)
    emit(f"classes/{n}", "slotgen generate", "max_rss_kib", rss, runs)
    return out


def bench_protoc(spawn_tool, protoc_c, work, n, reps):
    out = os.path.join(work, f"protoc_{n}")

    def argv():
        fresh_dir(out)
        return [protoc_c, f"--proto_path={work}", f"--c_out={out}",
                os.path.join(work, f"synth_{n}.proto")]
    wall, rss, runs = measure(spawn_tool, argv, reps)
    expect_files(os.path.join(out, f"synth_{n}.pb-c.c"))
    emit(f"classes/{n}", "protoc-c", "seconds", wall, runs)
    emit(f"classes/{n}", "protoc-c", "max_rss_kib", rss, runs)


def bench_compile(spawn_tool, row, source, include_dirs, reps):
    obj = source + ".o"
    argv = ["gcc", "-O2", "-c", source, "-o", obj] + [f"-I{d}" for d in include_dirs]
    wall, _, runs = measure(spawn_tool, lambda: argv, reps)
    expect_files(obj)
    emit("compile", row, "seconds", wall, runs)
    emit("compile", row, "source_bytes", os.path.getsize(source), 1)


def main(argv):
    if len(argv) not in (6, 7):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    spawn_tool, slotgen, include_dir, work, reps = argv[1:6]
    protoc_c = argv[6] if len(argv) == 7 else None
    reps = int(reps)
    os.makedirs(work, exist_ok=True)
    for n in SIZES:
        subprocess.run([sys.executable, os.path.join(HERE, "synth.py"), str(n), work], check=True)
    for n in SIZES:
        out = bench_slotgen(spawn_tool, slotgen, work, n, reps)
        if n == COMPILED_SIZE:
            bench_compile(spawn_tool, "slotgen output", os.path.join(out, f"synth_{n}.slots.c"),
                          [out, include_dir], reps)
        if protoc_c:
            bench_protoc(spawn_tool, protoc_c, work, n, reps)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
