/*
** reflect.h: workload 4, access by name, as an interface each peer fills
** (slotgen, protobuf-c, GObject; CPython is py/bench_reflect.py).
**
** An object of the WideN class (N int64 fields named f0..f{N-1}, field k
** holding reflect_value(k)) is read, written and looked up by name,
** `iters` times, cycling through the names in order.  Each loop runs
** inside the peer's own file and returns a checksum that reflect_main.c
** compares with its own; a peer without an operation leaves it NULL.
*/
#ifndef BENCH_REFLECT_H
#define BENCH_REFLECT_H

#include <stddef.h>
#include <stdint.h>

static inline int64_t reflect_value(unsigned k) { return (int64_t)k * 7 + 1; }

/* names[k] is "fk"; width is a power of two; iters a multiple of width. */
typedef struct reflect_loop_args {
    void *obj;
    const char *const *names;
    unsigned width;
    size_t iters;
} reflect_loop_args;

typedef struct reflect_impl {
    const char *name;
    /* A WideN instance with field k = reflect_value(k), or NULL. */
    void *(*make)(unsigned width);
    void (*destroy)(void *obj);
    /* Read by name; returns the sum of the values read, or -1 on an error. */
    int64_t (*get_loop)(const reflect_loop_args *a);
    /* Write i into field (i mod width) by name; returns the sum of the
    ** fields afterwards, or -1 on an error. */
    int64_t (*set_loop)(const reflect_loop_args *a);
    /* Look the name up only; returns the sum of the found fields' indexes. */
    int64_t (*find_loop)(const reflect_loop_args *a);
} reflect_impl;

extern const reflect_impl reflect_protobuf;
extern const reflect_impl reflect_gobject;
extern const reflect_impl reflect_slotgen;

#endif
