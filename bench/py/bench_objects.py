"""bench_objects.py: workloads 1 and 2 for CPython, the rows the C programs
are compared with (bench/README.md).

    python3 bench_objects.py plain|slots|dataclass point|transaction N REPS [--tracemalloc]

One process per row: N instances are created in a preallocated list and
the growth of the resident set (/proc/self/statm) divided by N is the
bytes per live instance; then REPS timed passes of create N + release N
(median per instance); then, with --tracemalloc, one pass under tracemalloc
for its count of bytes per instance (slow: run.sh asks for it at N =
1,000,000 only, where it is already exact).  The timed passes run with the cyclic garbage collector
off, as `timeit` runs them (these objects make no cycles; with it on, its
collections during creation dominate and grow with N).  Every pass checks a checksum of what it created and
exits with status 1 if it is wrong.  Output: the same JSON lines as the C
programs (src/harness.h).

The values are those of src/objects.h.  CPython shares one immutable str
for the timestamp and the currency (it never copies a str on assignment),
where every C row owns a copy of its timestamp.
"""
import dataclasses
import gc
import json
import os
import sys
import time
import tracemalloc

TIMESTAMP = "2026-11-25T07:31:24Z"
CURRENCY = "EUR"


class PointPlain:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class PointSlots:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


@dataclasses.dataclass(slots=True)
class PointData:
    x: int
    y: int


class TransactionPlain:
    def __init__(self, transaction_id, amount, currency, timestamp):
        self.transaction_id = transaction_id
        self.amount = amount
        self.currency = currency
        self.timestamp = timestamp


class TransactionSlots:
    __slots__ = ("transaction_id", "amount", "currency", "timestamp")

    def __init__(self, transaction_id, amount, currency, timestamp):
        self.transaction_id = transaction_id
        self.amount = amount
        self.currency = currency
        self.timestamp = timestamp


@dataclasses.dataclass(slots=True)
class TransactionData:
    transaction_id: int
    amount: float
    currency: str
    timestamp: str


ROWS = {"plain": "CPython class", "slots": "CPython __slots__",
        "dataclass": "CPython @dataclass(slots=True)"}
CLASSES = {
    "point": ("Point", {"plain": PointPlain, "slots": PointSlots, "dataclass": PointData}),
    "transaction": ("Transaction", {"plain": TransactionPlain, "slots": TransactionSlots,
                                    "dataclass": TransactionData}),
}


def create_points(cls, objs):
    for i in range(len(objs)):
        objs[i] = cls(i & 0x7FFFFFFF, -(i % 1000))


def sum_points(objs):
    return sum(p.x * 3 + p.y for p in objs)


def expected_points(n):
    return sum((i & 0x7FFFFFFF) * 3 - (i % 1000) for i in range(n))


def create_transactions(cls, objs):
    for i in range(len(objs)):
        objs[i] = cls(i + 1, (i % 100000) * 0.25, CURRENCY, TIMESTAMP)


def transaction_term(transaction_id, amount, currency, timestamp):
    return transaction_id + int(amount * 4) + ord(currency[0]) + ord(currency[2]) + ord(timestamp[18])


def sum_transactions(objs):
    return sum(transaction_term(t.transaction_id, t.amount, t.currency, t.timestamp) for t in objs)


def expected_transactions(n):
    return sum(transaction_term(i + 1, (i % 100000) * 0.25, CURRENCY, TIMESTAMP) for i in range(n))


WORK = {"point": (create_points, sum_points, expected_points),
        "transaction": (create_transactions, sum_transactions, expected_transactions)}


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def emit(workload, table, row, metric, value, reps):
    print(json.dumps({"workload": workload, "table": table, "row": row,
                      "metric": metric, "value": value, "reps": reps}), flush=True)


def check(ok, what):
    if not ok:
        print(f"benchmark check failed: {what}", file=sys.stderr)
        sys.exit(1)


def median(samples):
    samples = sorted(samples)
    mid = len(samples) // 2
    return samples[mid] if len(samples) % 2 else (samples[mid - 1] + samples[mid]) / 2


def measure_rss(cls, create, checksum, expected, n):
    objs = [None] * n
    before = rss_bytes()
    create(cls, objs)
    grown = rss_bytes() - before
    check(checksum(objs) == expected, "checksum of the created objects")
    return grown / n


def time_lifecycle(cls, create, checksum, expected, n, reps):
    samples = []
    gc.disable()
    for _ in range(reps):
        objs = [None] * n
        t0 = time.perf_counter_ns()
        create(cls, objs)
        t1 = time.perf_counter_ns()
        check(checksum(objs) == expected, "checksum of the created objects")
        t2 = time.perf_counter_ns()
        objs = None
        t3 = time.perf_counter_ns()
        samples.append(((t1 - t0) + (t3 - t2)) / n)
    gc.enable()
    return median(samples)


def measure_tracemalloc(cls, create, checksum, expected, n):
    objs = [None] * n
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    create(cls, objs)
    traced = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    check(checksum(objs) == expected, "checksum of the objects created under tracemalloc")
    return traced / n


def main(argv):
    if len(argv) not in (5, 6) or argv[1] not in ROWS or argv[2] not in CLASSES \
            or argv[5:] not in ([], ["--tracemalloc"]):
        print("usage: bench_objects.py plain|slots|dataclass point|transaction N REPS [--tracemalloc]",
              file=sys.stderr)
        return 2
    kind, which, n, reps = argv[1], argv[2], int(argv[3]), int(argv[4])
    class_name, classes = CLASSES[which]
    create, checksum, expected_sum = WORK[which]
    work = (classes[kind], create, checksum, expected_sum(n))
    table, row = f"{class_name}/{n}", ROWS[kind]
    emit("memory", table, row, "rss_per_object", measure_rss(*work, n), 1)
    emit("lifecycle", table, row, "ns", time_lifecycle(*work, n, reps), reps)
    if argv[5:]:
        emit("memory", table, row, "tracemalloc_per_object", measure_tracemalloc(*work, n), 1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
