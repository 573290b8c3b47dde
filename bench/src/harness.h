/*
** harness.h: what every C benchmark program of bench/ shares.
**
** A clock, the resident set size read from /proc/self/statm, medians, the
** one output format that tools/report.py turns into RESULTS.md, and the
** rule that a benchmark which computed a wrong value fails: bench_check()
** exits non-zero, so a fast but wrong row never reaches the tables.
**
** Output: one JSON object a line on stdout,
**     {"workload":"lifecycle","table":"Point N=1000000","row":"malloc",
**      "metric":"ns","value":21.3,"reps":5}
** (see bench_emit).  Everything else a program prints goes to stderr.
*/
#ifndef BENCH_HARNESS_H
#define BENCH_HARNESS_H

#include <stddef.h>
#include <stdint.h>

/* Monotonic time in nanoseconds. */
uint64_t bench_now_ns(void);

/* Resident set size of this process in bytes (second field of
** /proc/self/statm times the page size); exits if it cannot be read. */
size_t bench_rss_bytes(void);

/* Median of n samples (n >= 1); reorders `samples`. */
double bench_median(double *samples, size_t n);

/* Print one result line (format above).  `reps` is the number of
** repetitions the value is the median of (1 for a single measurement). */
void bench_emit(const char *workload, const char *table, const char *row,
                const char *metric, double value, int reps);

/* Exit with status 1 and a message naming `what` unless ok.  Used for
** every value a benchmark computes: checksums, NULL returns, codes. */
void bench_check(int ok, const char *what);

/* Parse a positive count argument, plain decimal ("1000000"; not "1e6"
** or "1M"); exits with status 2 and a message otherwise. */
size_t bench_parse_count(const char *arg, const char *name);

/* An array of n pointers, allocated and touched so that its pages are
** resident before a baseline RSS is read; exits on allocation failure.
** The caller owns it (free()). */
void **bench_pointer_array(size_t n);

/* Keep the compiler from discarding a computed value. */
void bench_consume(int64_t value);

#endif
