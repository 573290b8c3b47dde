/*
** weakref_main.c: `bench_weakref ITERS REPS`, workload 5 for every peer
** (weakref.h): the median over REPS of ITERS create + get + free cycles,
** and the cost of destroying an object with 0, 1, 10 and 1000 weak
** references (batches of objects so that each timed span is long enough
** for the clock, about a million weak references a batch).
*/
#include <stdio.h>

#include "harness.h"
#include "weakref.h"

enum { MAX_REPS = 100, REFS_PER_BATCH = 1000000, MAX_TARGETS = 100000 };

static const size_t refs_per_object[] = {0, 1, 10, 1000};

static void run_cycle(const weakref_impl *impl, size_t iters, size_t reps)
{
    void *target = impl->make_target();
    bench_check(target != NULL, "creating the weak reference target");
    double samples[MAX_REPS];
    /* Untimed first pass: cold caches, clock ramp-up (as in reflect_main.c). */
    bench_check(impl->cycle_loop(target, iters) == (int64_t)iters, "warm-up cycle");
    for (size_t r = 0; r < reps; r++) {
        uint64_t t0 = bench_now_ns();
        int64_t found = impl->cycle_loop(target, iters);
        uint64_t t1 = bench_now_ns();
        bench_check(found == (int64_t)iters, "every weak reference read its live target");
        samples[r] = (double)(t1 - t0) / (double)iters;
    }
    impl->release_target(target);
    bench_emit("weakref", "cycle", impl->name, "ns", bench_median(samples, reps), (int)reps);
}

static void run_destroy(const weakref_impl *impl, size_t k, size_t reps)
{
    size_t ntargets = k ? REFS_PER_BATCH / k : MAX_TARGETS;
    if (ntargets > MAX_TARGETS)
        ntargets = MAX_TARGETS;
    double samples[MAX_REPS];
    for (size_t r = 0; r < reps; r++) {
        weakref_batch *b = impl->batch_new(ntargets, k);
        bench_check(b != NULL, "creating the objects and their weak references");
        uint64_t t0 = bench_now_ns();
        impl->batch_destroy_targets(b);
        uint64_t t1 = bench_now_ns();
        bench_check(impl->batch_verify_free(b), "every weak reference reads NULL after its target died");
        samples[r] = (double)(t1 - t0) / (double)ntargets;
    }
    char metric[32];
    snprintf(metric, sizeof metric, "ns@%zu", k);
    bench_emit("weakref", "destroy", impl->name, metric, bench_median(samples, reps), (int)reps);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_weakref ITERS REPS\n");
        return 2;
    }
    size_t iters = bench_parse_count(argv[1], "ITERS");
    size_t reps = bench_parse_count(argv[2], "REPS");
    if (reps > MAX_REPS) {
        fprintf(stderr, "bench_weakref: REPS must be at most %d\n", MAX_REPS);
        return 2;
    }
    const weakref_impl *impls[] = {
#ifdef BENCH_HAVE_SLOTGEN
        &weakref_slotgen,
#endif
        &weakref_gobject,
    };
    for (size_t i = 0; i < sizeof impls / sizeof impls[0]; i++) {
        run_cycle(impls[i], iters, reps);
        for (size_t j = 0; j < sizeof refs_per_object / sizeof refs_per_object[0]; j++)
            run_destroy(impls[i], refs_per_object[j], reps);
    }
    return 0;
}
