"""bench_accessors.py: workload 3, accessors against direct member access.

    python3 bench_accessors.py BENCH_ACCESSORS N CALLGRIND_OUT

Runs `bench_accessors N` (src/accessors.c) under
`valgrind --tool=callgrind --toggle-collect=loop_*`, so that only the six
loop functions are counted, and reads each one's instruction count (Ir)
from callgrind_annotate.  It also compares the machine code of each
generated loop with its direct twin (objdump, addresses stripped): equal
counts could be a coincidence, equal instructions are not.  Output: the
JSON lines of src/harness.h; the program's own checks, a failed valgrind
run or a loop missing from the profile fail the benchmark.
"""
import json
import re
import subprocess
import sys

LOOPS = ("loop_get_generated", "loop_get_direct", "loop_get_hand",
         "loop_set_generated", "loop_set_direct", "loop_set_hand")
TWINS = (("loop_get_generated", "loop_get_direct"), ("loop_set_generated", "loop_set_direct"))


def emit(table, row, metric, value):
    print(json.dumps({"workload": "accessors", "table": table, "row": row,
                      "metric": metric, "value": value, "reps": 1}), flush=True)


def fail(what):
    print(f"benchmark check failed: {what}", file=sys.stderr)
    sys.exit(1)


def callgrind_counts(program, n, out_file):
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}",
                          "--toggle-collect=loop_*", program, str(n)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        fail("bench_accessors under callgrind")
    annotated = subprocess.run(["callgrind_annotate", "--threshold=100", out_file],
                               capture_output=True, text=True, check=True).stdout
    counts = {}
    for line in annotated.splitlines():
        match = re.match(r"\s*([\d,]+)\s.*:(loop_\w+)", line)
        if match:
            counts[match.group(2)] = int(match.group(1).replace(",", ""))
    for name in LOOPS:
        if name not in counts:
            fail(f"{name} missing from the callgrind profile")
    return counts


def disassembly(program):
    """{function: [instruction text without addresses]} of the loops."""
    dump = subprocess.run(["objdump", "-d", "--no-show-raw-insn", program],
                          capture_output=True, text=True, check=True).stdout
    functions, current = {}, None
    for line in dump.splitlines():
        header = re.match(r"^[0-9a-f]+ <(\w+)>:$", line)
        if header:
            current = header.group(1) if header.group(1) in LOOPS else None
            if current:
                functions[current] = []
        elif current and re.match(r"^\s+[0-9a-f]+:\t", line):
            text = line.split("\t", 1)[1]
            functions[current].append(re.sub(r"[0-9a-f]+ <[^>]*>", "<target>", text).strip())
    return functions


def main(argv):
    if len(argv) != 4:
        print("usage: bench_accessors.py BENCH_ACCESSORS N CALLGRIND_OUT", file=sys.stderr)
        return 2
    program, n, out_file = argv[1], int(argv[2]), argv[3]
    for name, count in callgrind_counts(program, n, out_file).items():
        emit("callgrind", name, "Ir", count)
        emit("callgrind", name, "Ir_per_object", count / n)
    code = disassembly(program)
    for generated, direct in TWINS:
        same = generated in code and code.get(generated) == code.get(direct)
        emit("machine code", f"{generated} vs {direct}", "identical", 1 if same else 0)
        emit("machine code", f"{generated} vs {direct}", "instructions", len(code.get(generated, [])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
