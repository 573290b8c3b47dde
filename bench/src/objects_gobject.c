/*
** objects_gobject.c: Point and Transaction as GObjects (g_object_new, then
** stores into public fields; g_object_unref).
*/
#include <string.h>

#include "gobject_classes.h"
#include "objects.h"

static bool create_points(void **objs, size_t n)
{
    GType type = bench_g_point_get_type();
    for (size_t i = 0; i < n; i++) {
        BenchGPoint *p = g_object_new(type, NULL);
        p->x = point_x(i);
        p->y = point_y(i);
        objs[i] = p;
    }
    return true;
}

static int64_t sum_points(void *const *objs, size_t n)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        const BenchGPoint *p = objs[i];
        sum += point_checksum_term(p->x, p->y);
    }
    return sum;
}

static void destroy_objects(void **objs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (objs[i])
            g_object_unref(objs[i]);
}

static bool create_transactions(void **objs, size_t n)
{
    GType type = bench_g_transaction_get_type();
    for (size_t i = 0; i < n; i++) {
        BenchGTransaction *t = g_object_new(type, NULL);
        t->transaction_id = transaction_id(i);
        t->amount = transaction_amount(i);
        memcpy(t->currency, TRANSACTION_CURRENCY, sizeof t->currency);
        t->timestamp = g_strdup(TRANSACTION_TIMESTAMP);
        objs[i] = t;
    }
    return true;
}

static int64_t sum_transactions(void *const *objs, size_t n)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        const BenchGTransaction *t = objs[i];
        sum += transaction_checksum_term(t->transaction_id, t->amount, t->currency, t->timestamp);
    }
    return sum;
}

/* g_object_new aborts on allocation failure (GLib's policy), so the
** create functions cannot report one. */
const objects_impl objects_gobject = {
    "GObject", sizeof(BenchGPoint), sizeof(BenchGTransaction),
    create_points, sum_points, destroy_objects,
    create_transactions, sum_transactions, destroy_objects,
};
