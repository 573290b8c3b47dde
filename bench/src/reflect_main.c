/*
** reflect_main.c: `bench_reflect ITERS REPS`, workload 4: get, set and
** lookup by name on 4-, 16- and 64-field objects for every C peer
** (reflect.h), the median of REPS timed loops of ITERS operations each.
** Repetitions are interleaved across peers and widths (see main).
*/
#include <stdbool.h>
#include <stdio.h>

#include "harness.h"
#include "reflect.h"

enum { MAX_REPS = 100, MAX_WIDTH = 64, OP_COUNT = 3, WIDTH_COUNT = 3 };

static const unsigned widths[WIDTH_COUNT] = {4, 16, 64};

/* One operation of one peer, and the checksum it must return. */
typedef struct reflect_op {
    const char *name;               /* table name in RESULTS.md */
    int64_t (*loop)(const reflect_loop_args *a);
    int64_t expected;
} reflect_op;

static int64_t expected_get(unsigned width, size_t iters)
{
    int64_t per_cycle = 0;
    for (unsigned k = 0; k < width; k++)
        per_cycle += reflect_value(k);
    return per_cycle * (int64_t)(iters / width);
}

/* After the set loop field k holds the last i with i mod width == k. */
static int64_t expected_set(unsigned width, size_t iters)
{
    int64_t sum = 0;
    for (unsigned k = 0; k < width; k++)
        sum += (int64_t)(iters - width + k);
    return sum;
}

static int64_t expected_find(unsigned width, size_t iters)
{
    return (int64_t)(width * (width - 1) / 2) * (int64_t)(iters / width);
}

/* One timed loop; returns ns per operation and checks the checksum. */
static double timed_loop(const reflect_op *op, const reflect_loop_args *args)
{
    uint64_t t0 = bench_now_ns();
    int64_t sum = op->loop(args);
    uint64_t t1 = bench_now_ns();
    bench_check(sum == op->expected, op->name);
    return (double)(t1 - t0) / (double)args->iters;
}

/* One pass over every operation of one peer at one width, each timed once,
** on a fresh object (the set loop leaves other values behind). */
static void one_pass(const reflect_impl *impl, unsigned width, const char *const *names,
                     size_t iters, double samples[OP_COUNT][MAX_REPS], size_t rep)
{
    reflect_loop_args args = {impl->make(width), names, width, iters};
    bench_check(args.obj != NULL, "creating the object to reflect on");
    const reflect_op ops[OP_COUNT] = {
        {"get", impl->get_loop, expected_get(width, iters)},
        {"find", impl->find_loop, expected_find(width, iters)},
        {"set", impl->set_loop, expected_set(width, iters)},
    };
    for (size_t o = 0; o < OP_COUNT; o++)
        if (ops[o].loop)
            samples[o][rep] = timed_loop(&ops[o], &args);
    impl->destroy(args.obj);
}

static const char *const op_names[OP_COUNT] = {"get", "find", "set"};

static void emit_medians(const reflect_impl *impl, unsigned width,
                         double samples[OP_COUNT][MAX_REPS], size_t reps)
{
    const bool present[OP_COUNT] = {impl->get_loop != NULL, impl->find_loop != NULL,
                                    impl->set_loop != NULL};
    char metric[16];
    snprintf(metric, sizeof metric, "ns@%u", width);
    for (size_t o = 0; o < OP_COUNT; o++)
        if (present[o])
            bench_emit("reflect", op_names[o], impl->name, metric,
                       bench_median(samples[o], reps), (int)reps);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_reflect ITERS REPS\n");
        return 2;
    }
    size_t iters = bench_parse_count(argv[1], "ITERS");
    size_t reps = bench_parse_count(argv[2], "REPS");
    if (reps > MAX_REPS || iters % MAX_WIDTH != 0 || iters < MAX_WIDTH) {
        fprintf(stderr, "bench_reflect: ITERS must be a multiple of %d, REPS at most %d\n",
                MAX_WIDTH, MAX_REPS);
        return 2;
    }
    char storage[MAX_WIDTH][8];
    const char *names[MAX_WIDTH];
    for (unsigned k = 0; k < MAX_WIDTH; k++) {
        snprintf(storage[k], sizeof storage[k], "f%u", k);
        names[k] = storage[k];
    }
    const reflect_impl *impls[] = {
#ifdef BENCH_HAVE_SLOTGEN
        &reflect_slotgen,
#endif
        &reflect_protobuf,
        &reflect_gobject,
    };
    enum { IMPL_COUNT = sizeof impls / sizeof impls[0] };
    static double samples[IMPL_COUNT][WIDTH_COUNT][OP_COUNT][MAX_REPS];
    /* Pass 0 is untimed warm-up (cold caches, the CPU raising its clock);
    ** then every repetition visits every peer and width in turn, so that a
    ** burst of other work on the machine spoils one sample of many rows
    ** rather than every sample of one. */
    for (size_t rep = 0; rep <= reps; rep++)
        for (size_t i = 0; i < IMPL_COUNT; i++)
            for (size_t w = 0; w < WIDTH_COUNT; w++)
                one_pass(impls[i], widths[w], names, iters, samples[i][w], rep ? rep - 1 : 0);
    for (size_t i = 0; i < IMPL_COUNT; i++)
        for (size_t w = 0; w < WIDTH_COUNT; w++)
            emit_medians(impls[i], widths[w], samples[i][w], reps);
    return 0;
}
