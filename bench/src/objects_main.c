/*
** objects_main.c: `bench_objects IMPL CLASS N REPS [ROW]`, workloads 1 and 2
** for one implementation (objects.h) and one class, in a process of its own
** so that no other row's freed memory is counted in its resident set.
**
** First pass: N objects are created and the growth of the resident set
** divided by N is the bytes per live instance (the pointer array that holds
** them is resident before the baseline is read).  Then REPS timed passes of
** create N + destroy N; the median, per instance, is the create + destroy
** figure.  Every pass checks the checksum of what it created.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "objects.h"

enum { MAX_REPS = 100 };

/* One class of one implementation, as the passes below need it. */
typedef struct workload_class {
    const char *name;               /* "Point" or "Transaction" */
    size_t size;
    bool (*create)(void **objs, size_t n);
    int64_t (*sum)(void *const *objs, size_t n);
    void (*destroy)(void **objs, size_t n);
    int64_t expected_sum;
} workload_class;

static const objects_impl *find_impl(const char *name)
{
    static const struct { const char *key; const objects_impl *impl; } impls[] = {
        {"malloc", &objects_malloc},
        {"protobuf", &objects_protobuf},
        {"gobject", &objects_gobject},
#ifdef BENCH_HAVE_SLOTGEN
        {"slotgen", &objects_slotgen},
#endif
    };
    for (size_t i = 0; i < sizeof impls / sizeof impls[0]; i++)
        if (strcmp(impls[i].key, name) == 0)
            return impls[i].impl;
    return NULL;
}

static int64_t expected_point_sum(size_t n)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += point_checksum_term(point_x(i), point_y(i));
    return sum;
}

static int64_t expected_transaction_sum(size_t n)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += transaction_checksum_term(transaction_id(i), transaction_amount(i),
                                         TRANSACTION_CURRENCY, TRANSACTION_TIMESTAMP);
    return sum;
}

/* The reference row "timestamp copy alone": what each Transaction's owned
** string costs by itself, whatever the implementation. */
static bool create_timestamps(void **objs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        objs[i] = malloc(sizeof TRANSACTION_TIMESTAMP);
        if (!objs[i])
            return false;
        memcpy(objs[i], TRANSACTION_TIMESTAMP, sizeof TRANSACTION_TIMESTAMP);
    }
    return true;
}

static int64_t sum_timestamps(void *const *objs, size_t n)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += ((const char *)objs[i])[18];
    return sum;
}

static void destroy_timestamps(void **objs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(objs[i]);
}

static bool select_class(const objects_impl *impl, const char *name, size_t n, workload_class *out)
{
    if (strcmp(name, "timestamp") == 0) {
        *out = (workload_class){"Transaction", sizeof TRANSACTION_TIMESTAMP, create_timestamps,
                                sum_timestamps, destroy_timestamps,
                                (int64_t)n * TRANSACTION_TIMESTAMP[18]};
        return true;
    }
    if (strcmp(name, "point") == 0) {
        *out = (workload_class){"Point", impl->point_size, impl->create_points,
                                impl->sum_points, impl->destroy_points, expected_point_sum(n)};
        return true;
    }
    if (strcmp(name, "transaction") == 0) {
        *out = (workload_class){"Transaction", impl->transaction_size, impl->create_transactions,
                                impl->sum_transactions, impl->destroy_transactions,
                                expected_transaction_sum(n)};
        return true;
    }
    return false;
}

/* Create n objects, check them, and return the resident growth per object. */
static double measure_memory(const workload_class *wc, void **objs, size_t n)
{
    size_t rss_before = bench_rss_bytes();
    bench_check(wc->create(objs, n), "allocation failed while creating the objects");
    size_t rss_after = bench_rss_bytes();
    bench_check(wc->sum(objs, n) == wc->expected_sum, "checksum of the created objects");
    wc->destroy(objs, n);
    return ((double)rss_after - (double)rss_before) / (double)n;
}

/* One timed pass; returns ns per instance, create and destroy together. */
static double timed_pass(const workload_class *wc, void **objs, size_t n)
{
    uint64_t t0 = bench_now_ns();
    bool created = wc->create(objs, n);
    uint64_t t1 = bench_now_ns();
    bench_check(created, "allocation failed while creating the objects");
    bench_check(wc->sum(objs, n) == wc->expected_sum, "checksum of the created objects");
    uint64_t t2 = bench_now_ns();
    wc->destroy(objs, n);
    uint64_t t3 = bench_now_ns();
    return (double)((t1 - t0) + (t3 - t2)) / (double)n;
}

int main(int argc, char **argv)
{
    if (argc < 5 || argc > 6) {
        fprintf(stderr, "usage: bench_objects malloc|protobuf|gobject|slotgen point|transaction|timestamp N REPS [ROW]\n");
        return 2;
    }
    const objects_impl *impl = find_impl(argv[1]);
    size_t n = bench_parse_count(argv[3], "N");
    size_t reps = bench_parse_count(argv[4], "REPS");
    workload_class wc;
    if (!impl || !select_class(impl, argv[2], n, &wc) || reps > MAX_REPS) {
        fprintf(stderr, "bench_objects: unknown implementation or class, or REPS > %d\n", MAX_REPS);
        return 2;
    }
    const char *row = argc == 6 ? argv[5] : impl->name;
    char table[64];
    snprintf(table, sizeof table, "%s/%zu", wc.name, n);

    void **objs = bench_pointer_array(n);
    bench_emit("memory", table, row, "rss_per_object", measure_memory(&wc, objs, n), 1);
    bench_emit("memory", table, row, "sizeof", (double)wc.size, 1);

    double samples[MAX_REPS];
    for (size_t r = 0; r < reps; r++) {
        memset(objs, 0, n * sizeof *objs);
        samples[r] = timed_pass(&wc, objs, n);
    }
    bench_emit("lifecycle", table, row, "ns", bench_median(samples, reps), (int)reps);
    free(objs);
    return 0;
}
