/*
** weakref_slotgen.c: slots_weakref_new / _get / _free on bench_Target
** (schemas/bench.yaml, weakref: true), and destruction by slots_decref.
*/
#include <stdlib.h>

#include "bench.slots.h"
#include "weakref.h"

struct weakref_batch {
    size_t ntargets, per_target;
    bench_Target **targets;
    slots_weakref **refs;           /* ntargets * per_target */
};

static void *make_target(void)
{
    return bench_Target_new();
}

static void release_target(void *target)
{
    slots_decref(target);
}

static int64_t cycle_loop(void *target, size_t iters)
{
    int64_t found = 0;
    for (size_t i = 0; i < iters; i++) {
        slots_weakref *wr = slots_weakref_new(target);
        if (!wr)
            return -1;
        found += slots_weakref_get(wr) == target;
        slots_weakref_free(wr);
    }
    return found;
}

static bool batch_verify_free(weakref_batch *b);

static weakref_batch *batch_new(size_t ntargets, size_t per_target)
{
    weakref_batch *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->ntargets = ntargets;
    b->per_target = per_target;
    b->targets = calloc(ntargets, sizeof *b->targets);
    b->refs = calloc(ntargets * per_target + 1, sizeof *b->refs);
    bool ok = b->targets && b->refs;
    for (size_t t = 0; ok && t < ntargets; t++) {
        b->targets[t] = bench_Target_new();
        ok = b->targets[t] != NULL;
        for (size_t k = 0; ok && k < per_target; k++) {
            slots_weakref **ref = &b->refs[t * per_target + k];
            *ref = slots_weakref_new(b->targets[t]);
            ok = *ref != NULL;
        }
    }
    if (ok)
        return b;
    for (size_t t = 0; b->targets && t < ntargets; t++)
        slots_decref(b->targets[t]);
    batch_verify_free(b);
    return NULL;
}

static void batch_destroy_targets(weakref_batch *b)
{
    for (size_t t = 0; t < b->ntargets; t++)
        slots_decref(b->targets[t]);
}

static bool batch_verify_free(weakref_batch *b)
{
    bool all_cleared = true;
    for (size_t i = 0; b->refs && i < b->ntargets * b->per_target; i++) {
        all_cleared &= slots_weakref_get(b->refs[i]) == NULL;
        slots_weakref_free(b->refs[i]);
    }
    free(b->refs);
    free(b->targets);
    free(b);
    return all_cleared;
}

const weakref_impl weakref_slotgen = {
    "slotgen", make_target, release_target, cycle_loop,
    batch_new, batch_destroy_targets, batch_verify_free,
};
