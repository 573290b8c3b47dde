"""bench_reflect.py: workload 4 for CPython: getattr(obj, name) and
setattr(obj, name, value) on classes of 4, 16 and 64 attributes f0..f{N-1}
(plain, __slots__ and @dataclass(slots=True)), cycling through the names
as src/reflect_main.c does.

    python3 bench_reflect.py ITERS REPS

The figure is the whole loop per operation (`for name in names: total +=
getattr(obj, name)`), as the C loops are measured whole; the "loop" row is
the same loop without the getattr, for reading how much of it is the
interpreter's loop.  Checksums as in C; exit status 1 if one is wrong.
"""
import dataclasses
import json
import sys
import time

WIDTHS = (4, 16, 64)
ROWS = {"plain": "CPython class", "slots": "CPython __slots__",
        "dataclass": "CPython @dataclass(slots=True)"}


def value(k):
    return k * 7 + 1


def make_class(kind, width):
    names = [f"f{k}" for k in range(width)]
    if kind == "dataclass":
        return dataclasses.make_dataclass(f"Wide{width}", [(n, int) for n in names], slots=True)
    body = {"__slots__": tuple(names)} if kind == "slots" else {}
    src = "def __init__(self, " + ", ".join(names) + "):\n" + \
        "".join(f"    self.{n} = {n}\n" for n in names)
    exec(src, body)
    return type(f"Wide{width}", (), body)


def get_loop(obj, names):
    total = 0
    for name in names:
        total += getattr(obj, name)
    return total


def set_loop(obj, names):
    for i, name in enumerate(names):
        setattr(obj, name, i)
    return None


def empty_loop(obj, names):
    total = 0
    for name in names:
        total += 1
    return total


def emit(table, row, width, ns, reps):
    print(json.dumps({"workload": "reflect", "table": table, "row": row,
                      "metric": f"ns@{width}", "value": ns, "reps": reps}), flush=True)


def check(ok, what):
    if not ok:
        print(f"benchmark check failed: {what}", file=sys.stderr)
        sys.exit(1)


def timed(loop, obj, names, reps):
    loop(obj, names)        # untimed: warms the attribute cache and the CPU clock
    samples = []
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        result = loop(obj, names)
        samples.append((time.perf_counter_ns() - t0) / len(names))
    samples.sort()
    return samples[len(samples) // 2], result


def run(kind, width, iters, reps):
    names = [f"f{i % width}" for i in range(iters)]
    obj = make_class(kind, width)(*[value(k) for k in range(width)])
    ns, total = timed(get_loop, obj, names, reps)
    check(total == sum(value(k) for k in range(width)) * (iters // width), "getattr checksum")
    emit("get", ROWS[kind], width, ns, reps)
    ns, _ = timed(set_loop, obj, names, reps)
    fields = sum(getattr(obj, f"f{k}") for k in range(width))
    check(fields == sum(iters - width + k for k in range(width)), "setattr checksum")
    emit("set", ROWS[kind], width, ns, reps)
    if kind == "slots":
        ns, total = timed(empty_loop, obj, names, reps)
        check(total == iters, "loop count")
        emit("get", "CPython loop alone (no getattr)", width, ns, reps)


def main(argv):
    if len(argv) != 3:
        print("usage: bench_reflect.py ITERS REPS", file=sys.stderr)
        return 2
    iters, reps = int(argv[1]), int(argv[2])
    check(iters % 64 == 0, "ITERS must be a multiple of 64")
    for kind in ROWS:
        for width in WIDTHS:
            run(kind, width, iters, reps)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
