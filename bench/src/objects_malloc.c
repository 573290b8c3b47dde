/*
** objects_malloc.c: Point and Transaction as a C programmer writes them by
** hand, one malloc per object (and one for the owned timestamp string):
** the baseline slotgen is measured against.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "objects.h"

typedef struct point {
    int32_t x, y;
} point;

typedef struct transaction {
    uint64_t transaction_id;
    double amount;
    char currency[4];
    char *timestamp;                /* owned */
} transaction;

static bool create_points(void **objs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        point *p = malloc(sizeof *p);
        if (!p)
            return false;
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
        const point *p = objs[i];
        sum += point_checksum_term(p->x, p->y);
    }
    return sum;
}

static void destroy_points(void **objs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(objs[i]);
}

static bool create_transactions(void **objs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        transaction *t = malloc(sizeof *t);
        if (!t)
            return false;
        t->transaction_id = transaction_id(i);
        t->amount = transaction_amount(i);
        memcpy(t->currency, TRANSACTION_CURRENCY, sizeof t->currency);
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
        const transaction *t = objs[i];
        sum += transaction_checksum_term(t->transaction_id, t->amount, t->currency, t->timestamp);
    }
    return sum;
}

static void destroy_transactions(void **objs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        transaction *t = objs[i];
        if (t)
            free(t->timestamp);
        free(t);
    }
}

const objects_impl objects_malloc = {
    "C struct + malloc", sizeof(point), sizeof(transaction),
    create_points, sum_points, destroy_points,
    create_transactions, sum_transactions, destroy_transactions,
};
