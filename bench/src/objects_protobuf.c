/*
** objects_protobuf.c: Point and Transaction as protobuf-c messages built in
** memory (malloc + the generated __init, released with the generated
** __free_unpacked), the C peer with generated descriptors that is closest
** to slotgen.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "bench.pb-c.h"
#include "objects.h"

static bool create_points(void **objs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        Bench__Point *p = malloc(sizeof *p);
        if (!p)
            return false;
        bench__point__init(p);
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
        const Bench__Point *p = objs[i];
        sum += point_checksum_term(p->x, p->y);
    }
    return sum;
}

static void destroy_points(void **objs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (objs[i])
            bench__point__free_unpacked(objs[i], NULL);
}

static bool create_transactions(void **objs, size_t n)
{
    uint32_t currency;
    memcpy(&currency, TRANSACTION_CURRENCY, sizeof currency);
    for (size_t i = 0; i < n; i++) {
        Bench__Transaction *t = malloc(sizeof *t);
        if (!t)
            return false;
        bench__transaction__init(t);
        t->transaction_id = transaction_id(i);
        t->amount = transaction_amount(i);
        t->currency = currency;
        t->timestamp = strdup(TRANSACTION_TIMESTAMP);
        objs[i] = t;
        if (!t->timestamp)
            return false;
    }
    return true;
}

static int64_t sum_transactions(void *const *objs, size_t n)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        const Bench__Transaction *t = objs[i];
        char currency[4];
        memcpy(currency, &t->currency, sizeof currency);
        sum += transaction_checksum_term(t->transaction_id, t->amount, currency, t->timestamp);
    }
    return sum;
}

static void destroy_transactions(void **objs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (objs[i])
            bench__transaction__free_unpacked(objs[i], NULL);
}

const objects_impl objects_protobuf = {
    "protobuf-c", sizeof(Bench__Point), sizeof(Bench__Transaction),
    create_points, sum_points, destroy_points,
    create_transactions, sum_transactions, destroy_transactions,
};
