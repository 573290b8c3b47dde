/*
** harness.c: clock, RSS, medians and result lines for the C benchmarks
** (see harness.h).
*/
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

uint64_t bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

size_t bench_rss_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long size_pages = 0, resident_pages = 0;
    int fields = f ? fscanf(f, "%lu %lu", &size_pages, &resident_pages) : 0;
    if (f)
        fclose(f);
    bench_check(fields == 2, "reading /proc/self/statm");
    return (size_t)resident_pages * (size_t)sysconf(_SC_PAGESIZE);
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(double *samples, size_t n)
{
    qsort(samples, n, sizeof *samples, compare_doubles);
    return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

void bench_emit(const char *workload, const char *table, const char *row,
                const char *metric, double value, int reps)
{
    printf("{\"workload\":\"%s\",\"table\":\"%s\",\"row\":\"%s\","
           "\"metric\":\"%s\",\"value\":%.6g,\"reps\":%d}\n",
           workload, table, row, metric, value, reps);
    fflush(stdout);
}

void bench_check(int ok, const char *what)
{
    if (ok)
        return;
    fprintf(stderr, "benchmark check failed: %s\n", what);
    exit(1);
}

size_t bench_parse_count(const char *arg, const char *name)
{
    char *end = NULL;
    errno = 0;
    unsigned long long value = strtoull(arg, &end, 10);
    if (errno || end == arg || *end || value == 0 || arg[0] == '-') {
        fprintf(stderr, "bench: %s must be a positive decimal count, got '%s'\n", name, arg);
        exit(2);
    }
    return (size_t)value;
}

/* calloc (and malloc + memset 0, which compilers turn into calloc) of a
** large block maps fresh zero pages without touching them: a volatile store
** into each page makes them resident. */
void **bench_pointer_array(size_t n)
{
    void **objs = calloc(n, sizeof *objs);
    bench_check(objs != NULL, "allocating the pointer array");
    size_t per_page = (size_t)sysconf(_SC_PAGESIZE) / sizeof *objs;
    for (size_t i = 0; i < n; i += per_page)
        ((void *volatile *)objs)[i] = NULL;
    return objs;
}

/* A volatile sink: a store the optimiser must perform. */
static volatile int64_t bench_sink;

void bench_consume(int64_t value)
{
    bench_sink += value;
}
