/*
** reflect_gobject.c: access by name through GObject properties:
** g_object_get / g_object_set (a GParamSpec lookup in a global hash table,
** then a GValue round trip through the class's get_property/set_property),
** and g_object_class_find_property for the lookup alone.
*/
#include "gobject_classes.h"
#include "reflect.h"

static void *make(unsigned width)
{
    BenchGWide *obj = g_object_new(bench_g_wide_get_type(width), NULL);
    for (unsigned k = 0; k < width; k++)
        obj->fields[k] = reflect_value(k);
    return obj;
}

static void destroy(void *obj)
{
    g_object_unref(obj);
}

static int64_t get_loop(const reflect_loop_args *a)
{
    int64_t sum = 0;
    for (size_t i = 0; i < a->iters; i++) {
        gint64 value = 0;
        g_object_get(a->obj, a->names[i & (a->width - 1)], &value, NULL);
        sum += value;
    }
    return sum;
}

static int64_t set_loop(const reflect_loop_args *a)
{
    for (size_t i = 0; i < a->iters; i++)
        g_object_set(a->obj, a->names[i & (a->width - 1)], (gint64)i, NULL);
    int64_t sum = 0;
    for (unsigned k = 0; k < a->width; k++)
        sum += ((const BenchGWide *)a->obj)->fields[k];
    return sum;
}

static int64_t find_loop(const reflect_loop_args *a)
{
    GObjectClass *klass = G_OBJECT_GET_CLASS(a->obj);
    int64_t sum = 0;
    for (size_t i = 0; i < a->iters; i++) {
        GParamSpec *pspec = g_object_class_find_property(klass, a->names[i & (a->width - 1)]);
        if (!pspec)
            return -1;
        sum += (int64_t)pspec->param_id - 1;
    }
    return sum;
}

const reflect_impl reflect_gobject = {
    "GObject", make, destroy, get_loop, set_loop, find_loop,
};
