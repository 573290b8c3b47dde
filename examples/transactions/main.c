/*
** main.c: the transactions example.
**
** Creates a million `Transaction`s of schemas/transactions.yaml and shows
** what one costs next to the bytes of its fields, then the ways to use
** slots: generated accessors, access by name, the error for an undeclared
** attribute, and a weak reference (schemas/tree.yaml) that reads NULL once
** its object died.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "transactions.slots.h"
#include "tree.slots.h"

#define N 1000000

/* Resident memory of this process in bytes, or 0 when unknown. */
static size_t resident_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long total, resident;
    size_t bytes = 0;

    if (!f)
        return 0;
    if (fscanf(f, "%lu %lu", &total, &resident) == 2)
        bytes = (size_t)resident * (size_t)sysconf(_SC_PAGESIZE);
    fclose(f);
    return bytes;
}

/* Create N transactions and report bytes per instance. */
static int memory_per_instance(void)
{
    transactions_Transaction **all = malloc(N * sizeof *all);
    const size_t fields = sizeof(uint64_t) + sizeof(double) + 4 + sizeof(char *);
    size_t before, after, i;

    if (!all)
        return -1;
    /* Make the array resident before measuring.  Not with zeros: the
    ** compiler may turn malloc + memset(0) into calloc, whose fresh pages
    ** only become resident when first written, inside the measurement. */
    memset(all, 0xff, N * sizeof *all);
    before = resident_bytes();
    for (i = 0; i < N; i++) {
        /* No timestamp: a string lives in its own allocation. */
        all[i] = transactions_Transaction_new(i, 0.01 * (double)i, "EUR", NULL);
        if (!all[i]) {
            fprintf(stderr, "out of memory after %zu transactions\n", i);
            break;
        }
    }
    after = resident_bytes();

    printf("%d transactions\n", N);
    printf("  raw field bytes:  %zu (uint64 + double + char[4] + char *)\n", fields);
    printf("  slots_sizeof:     %zu bytes per instance (%zu of object header, %zu of padding)\n",
           slots_sizeof(all[0]), sizeof(slots_object),
           slots_sizeof(all[0]) - sizeof(slots_object) - fields);
    if (before && after > before)
        printf("  RSS growth:       %.1f bytes per instance\n", (double)(after - before) / N);
    else
        printf("  RSS growth:       unknown (no /proc/self/statm)\n");
    for (i = 0; i < N; i++)
        slots_decref(all[i]);
    free(all);
    return 0;
}

static int accessors_and_names(void)
{
    transactions_Transaction *t = transactions_Transaction_new(42, 12.5, "EUR", "2024-05-01T12:00Z");
    slots_value v;
    int rc;

    if (!t)
        return -1;
    printf("\naccessors\n");
    printf("  id %llu, amount %.2f %s at %s\n",
           (unsigned long long)transactions_Transaction_get_transaction_id(t),
           transactions_Transaction_get_amount(t),
           transactions_Transaction_get_currency(t),
           transactions_Transaction_get_timestamp(t));
    transactions_Transaction_set_amount(t, 15.75);
    printf("  set_amount(15.75) -> %.2f\n", transactions_Transaction_get_amount(t));

    printf("\nby name\n");
    if (slots_getattr(t, "currency", &v) == SLOTS_OK)
        printf("  getattr currency -> \"%s\"\n", v.as.s);
    v.kind = SLOTS_DOUBLE;
    v.as.d = 99.5;
    rc = slots_setattr(t, "amount", &v);
    printf("  setattr amount = 99.5 -> %s, amount %.2f\n", slots_strerror(rc),
           transactions_Transaction_get_amount(t));
    rc = slots_setattr(t, "note", &v);
    printf("  setattr note (undeclared) -> %s (SLOTS_ENOATTR = %d)\n",
           slots_strerror(rc), rc);
    slots_decref(t);
    return rc == SLOTS_ENOATTR ? 0 : -1;
}

static int weak_reference(void)
{
    tree_Node *parent = tree_Node_new(1, NULL, NULL, NULL);
    tree_Node *child = tree_Node_new(2, parent, NULL, NULL);
    slots_weakref *wr = slots_weakref_new(parent);

    if (!parent || !child || !wr)
        return -1;
    printf("\nweak references (tree.yaml Node)\n");
    printf("  child's parent while alive: node %lld\n",
           (long long)tree_Node_get_value(tree_Node_get_parent(child)));
    slots_decref(parent);
    printf("  child's parent after the node died: %s\n",
           tree_Node_get_parent(child) ? "still set" : "NULL");
    printf("  weak reference after the node died: %s\n",
           slots_weakref_get(wr) ? "still set" : "NULL");
    slots_weakref_free(wr);
    slots_decref(child);
    return 0;
}

int main(void)
{
    if (memory_per_instance() != 0 || accessors_and_names() != 0 || weak_reference() != 0) {
        fprintf(stderr, "transactions example failed\n");
        return 1;
    }
    return 0;
}
