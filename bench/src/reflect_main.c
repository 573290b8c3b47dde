/*
** reflect_main.c: `bench_reflect ITERS REPS`, workload 4: get, set and
** lookup by name on 4-, 16- and 64-field objects for every C peer
** (reflect.h), the median of REPS timed loops of ITERS operations each.
*/
#include <stdio.h>

#include "harness.h"
#include "reflect.h"

enum { MAX_REPS = 100, MAX_WIDTH = 64 };

static const unsigned widths[] = {4, 16, 64};

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

static void run_op(const reflect_impl *impl, const reflect_op *op,
                   const reflect_loop_args *args, size_t reps)
{
    double samples[MAX_REPS];
    /* An untimed pass first: the first loop of a process otherwise pays
    ** for cold caches and a CPU still raising its clock. */
    bench_check(op->loop(args) == op->expected, op->name);
    for (size_t r = 0; r < reps; r++) {
        uint64_t t0 = bench_now_ns();
        int64_t sum = op->loop(args);
        uint64_t t1 = bench_now_ns();
        bench_check(sum == op->expected, op->name);
        samples[r] = (double)(t1 - t0) / (double)args->iters;
    }
    char metric[16];
    snprintf(metric, sizeof metric, "ns@%u", args->width);
    bench_emit("reflect", op->name, impl->name, metric, bench_median(samples, reps), (int)reps);
}

static void run_impl(const reflect_impl *impl, const char *const *names, size_t iters, size_t reps)
{
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        unsigned width = widths[w];
        reflect_loop_args args = {impl->make(width), names, width, iters};
        bench_check(args.obj != NULL, "creating the object to reflect on");
        const reflect_op ops[] = {
            {"get", impl->get_loop, expected_get(width, iters)},
            {"find", impl->find_loop, expected_find(width, iters)},
            {"set", impl->set_loop, expected_set(width, iters)},
        };
        for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++)
            if (ops[o].loop)
                run_op(impl, &ops[o], &args, reps);
        impl->destroy(args.obj);
    }
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
    for (size_t i = 0; i < sizeof impls / sizeof impls[0]; i++)
        run_impl(impls[i], names, iters, reps);
    return 0;
}
