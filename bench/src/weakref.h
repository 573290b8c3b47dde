/*
** weakref.h: workload 5, weak references, as an interface each peer fills
** (slotgen and GObject's GWeakRef).
**
** Two measurements: the cycle create + get + free of one weak reference to
** a live object, and the cost of destroying an object that k weak
** references point at (each of which must read NULL afterwards).
*/
#ifndef BENCH_WEAKREF_H
#define BENCH_WEAKREF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* `batch` targets, each with k weak references (k may be 0); owned by
** the peer that made it. */
typedef struct weakref_batch weakref_batch;

typedef struct weakref_impl {
    const char *name;
    void *(*make_target)(void);     /* a live object, or NULL */
    void (*release_target)(void *target);
    /* iters times: a weak reference to target made, read, freed.  Returns
    ** how many reads gave target back (iters when right), -1 on failure. */
    int64_t (*cycle_loop)(void *target, size_t iters);
    weakref_batch *(*batch_new)(size_t batch, size_t k);    /* NULL on failure */
    void (*batch_destroy_targets)(weakref_batch *b);        /* the timed part */
    /* Checks every weak reference reads NULL, frees them and b. */
    bool (*batch_verify_free)(weakref_batch *b);
} weakref_impl;

extern const weakref_impl weakref_slotgen;
extern const weakref_impl weakref_gobject;

#endif
