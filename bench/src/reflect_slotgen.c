/*
** reflect_slotgen.c: access by name through the runtime: slots_getattr,
** slots_setattr and slots_find_slot over the generated perfect-hash index
** of bench_Wide4/16/64 (schemas/bench.yaml).
*/
#include "bench.slots.h"
#include "reflect.h"

static void *make(unsigned width)
{
    void *obj = width == 4 ? (void *)bench_Wide4_new()
              : width == 16 ? (void *)bench_Wide16_new()
              : width == 64 ? (void *)bench_Wide64_new() : NULL;
    if (!obj)
        return NULL;
    const slots_class *cls = slots_class_of(obj);
    for (unsigned k = 0; k < width; k++)
        *(int64_t *)((char *)obj + cls->slots[k].offset) = reflect_value(k);
    return obj;
}

static void destroy(void *obj)
{
    slots_decref(obj);
}

static int64_t get_loop(const reflect_loop_args *a)
{
    int64_t sum = 0;
    for (size_t i = 0; i < a->iters; i++) {
        slots_value v;
        if (slots_getattr(a->obj, a->names[i & (a->width - 1)], &v) != SLOTS_OK)
            return -1;
        sum += v.as.i;
    }
    return sum;
}

static int64_t set_loop(const reflect_loop_args *a)
{
    for (size_t i = 0; i < a->iters; i++) {
        slots_value v = {.kind = SLOTS_INT, .as.i = (int64_t)i};
        if (slots_setattr(a->obj, a->names[i & (a->width - 1)], &v) != SLOTS_OK)
            return -1;
    }
    const slots_class *cls = slots_class_of(a->obj);
    int64_t sum = 0;
    for (unsigned k = 0; k < a->width; k++)
        sum += *(const int64_t *)((const char *)a->obj + cls->slots[k].offset);
    return sum;
}

static int64_t find_loop(const reflect_loop_args *a)
{
    const slots_class *cls = slots_class_of(a->obj);
    int64_t sum = 0;
    for (size_t i = 0; i < a->iters; i++) {
        const slots_slot *slot = slots_find_slot(cls, a->names[i & (a->width - 1)]);
        if (!slot)
            return -1;
        sum += slot - cls->slots;
    }
    return sum;
}

const reflect_impl reflect_slotgen = {
    "slotgen", make, destroy, get_loop, set_loop, find_loop,
};
