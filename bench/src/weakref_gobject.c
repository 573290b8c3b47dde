/*
** weakref_gobject.c: GLib's GWeakRef (g_weak_ref_init / _get / _clear) on a
** GObject, and destruction by g_object_unref.  g_weak_ref_get returns a
** strong reference, so the cycle includes the g_object_unref that GLib
** requires after it.
*/
#include <stdlib.h>

#include "gobject_classes.h"
#include "weakref.h"

struct weakref_batch {
    size_t ntargets, per_target;
    GObject **targets;
    GWeakRef *refs;                 /* ntargets * per_target, initialised */
};

static void *make_target(void)
{
    return g_object_new(bench_g_point_get_type(), NULL);
}

static void release_target(void *target)
{
    g_object_unref(target);
}

static int64_t cycle_loop(void *target, size_t iters)
{
    int64_t found = 0;
    for (size_t i = 0; i < iters; i++) {
        GWeakRef wr;
        g_weak_ref_init(&wr, target);
        GObject *strong = g_weak_ref_get(&wr);
        found += strong == target;
        if (strong)
            g_object_unref(strong);
        g_weak_ref_clear(&wr);
    }
    return found;
}

/* GLib aborts on allocation failure, so this cannot fail half-way. */
static weakref_batch *batch_new(size_t ntargets, size_t per_target)
{
    weakref_batch *b = g_new0(weakref_batch, 1);
    b->ntargets = ntargets;
    b->per_target = per_target;
    b->targets = g_new0(GObject *, ntargets);
    b->refs = g_new0(GWeakRef, ntargets * per_target + 1);
    for (size_t t = 0; t < ntargets; t++) {
        b->targets[t] = make_target();
        for (size_t k = 0; k < per_target; k++)
            g_weak_ref_init(&b->refs[t * per_target + k], b->targets[t]);
    }
    return b;
}

static void batch_destroy_targets(weakref_batch *b)
{
    for (size_t t = 0; t < b->ntargets; t++)
        g_object_unref(b->targets[t]);
}

static bool batch_verify_free(weakref_batch *b)
{
    bool all_cleared = true;
    for (size_t i = 0; i < b->ntargets * b->per_target; i++) {
        GObject *strong = g_weak_ref_get(&b->refs[i]);
        all_cleared &= strong == NULL;
        if (strong)
            g_object_unref(strong);
        g_weak_ref_clear(&b->refs[i]);
    }
    g_free(b->refs);
    g_free(b->targets);
    g_free(b);
    return all_cleared;
}

const weakref_impl weakref_gobject = {
    "GObject", make_target, release_target, cycle_loop,
    batch_new, batch_destroy_targets, batch_verify_free,
};
