/*
** objects.h: workloads 1 and 2 (bytes per live instance, create + destroy)
** as an interface that each implementation of Point and Transaction fills:
** slotgen, a hand-written malloc'd struct, protobuf-c and GObject.
**
** Every implementation builds the same values (below) and computes the
** same checksum from them, which objects_main.c compares with the value it
** computes itself, so a row that skipped work cannot pass.  The loops live
** inside each implementation (one indirect call per batch, not per object)
** so that the function-pointer table costs nothing measurable.
*/
#ifndef BENCH_OBJECTS_H
#define BENCH_OBJECTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The values of instance i. */
static inline int32_t point_x(size_t i) { return (int32_t)(i & 0x7fffffff); }
static inline int32_t point_y(size_t i) { return -(int32_t)(i % 1000); }
static inline uint64_t transaction_id(size_t i) { return (uint64_t)i + 1; }
static inline double transaction_amount(size_t i) { return (double)(i % 100000) * 0.25; }
#define TRANSACTION_CURRENCY "EUR"
/* Every Transaction owns a copy of this string (21 bytes with its NUL). */
#define TRANSACTION_TIMESTAMP "2026-11-25T07:31:24Z"

/* Checksums every implementation must reproduce from its objects. */
static inline int64_t point_checksum_term(int32_t x, int32_t y) { return (int64_t)x * 3 + y; }
static inline int64_t transaction_checksum_term(uint64_t id, double amount,
                                                const char *currency, const char *timestamp)
{
    return (int64_t)id + (int64_t)(amount * 4) + currency[0] + currency[2] + timestamp[18];
}

/* One implementation.  create_* fill objs[0..n) and return false if an
** allocation failed (the objects made so far are in objs, the rest NULL);
** destroy_* release every non-NULL objs[i].  The caller owns objs. */
typedef struct objects_impl {
    const char *name;               /* the row's name in RESULTS.md */
    size_t point_size;              /* sizeof the instance struct */
    size_t transaction_size;
    bool (*create_points)(void **objs, size_t n);
    int64_t (*sum_points)(void *const *objs, size_t n);
    void (*destroy_points)(void **objs, size_t n);
    bool (*create_transactions)(void **objs, size_t n);
    int64_t (*sum_transactions)(void *const *objs, size_t n);
    void (*destroy_transactions)(void **objs, size_t n);
} objects_impl;

extern const objects_impl objects_malloc;
extern const objects_impl objects_protobuf;
extern const objects_impl objects_gobject;
extern const objects_impl objects_slotgen;

#endif
