/*
** phash.c: the name indexes of the generated descriptors (see phash.h).
**
** Linear probing at load <= 1/2 keeps a lookup O(1) whatever the seed; the
** seed search only shortens probes.  Its work is bounded by SEARCH_BUDGET
** name placements (at least MIN_SEEDS seeds), so a module of many classes
** is indexed in time linear in its size, while a class of a few slots gets
** up to MAX_SEEDS tries, almost always enough for a perfect placement.
*/
#include "phash.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <slots/slots.h>

#include "mem.h"

#define MAX_SEEDS 256u
#define MIN_SEEDS 8u
#define SEARCH_BUDGET (1u << 20)

/* The smallest power of two >= 2n, and at least 1. */
static size_t table_size(size_t n)
{
    size_t size = 1;

    while (size < 2 * n)
        size <<= 1;
    return size;
}

static uint32_t seeds_to_try(size_t n)
{
    size_t seeds = n ? SEARCH_BUDGET / n : MAX_SEEDS;

    if (seeds > MAX_SEEDS)
        return MAX_SEEDS;
    return seeds < MIN_SEEDS ? MIN_SEEDS : (uint32_t)seeds;
}

/* Clear `table` and place names[] in order with `seed`; returns the total
** displacement, or a value above `limit` as soon as it exceeds it (the
** table is then incomplete: the seed already lost). */
static size_t place_all(const char *const *names, size_t n, uint32_t seed,
                        uint32_t mask, uint16_t *table, size_t limit)
{
    size_t i, displacement = 0;

    memset(table, 0, ((size_t)mask + 1) * sizeof *table);
    for (i = 0; i < n; i++) {
        uint32_t at = slots_name_hash(names[i], seed) & mask;
        while (table[at]) {
            at = (at + 1) & mask;
            displacement++;
        }
        table[at] = (uint16_t)(i + 1);
        if (displacement > limit)
            return displacement;
    }
    return displacement;
}

void phash_build(const char *const *names, size_t n, phash *ix)
{
    size_t size = table_size(n);
    uint32_t tries = seeds_to_try(n), seed;
    size_t best = SIZE_MAX;

    assert(n <= PHASH_MAX_NAMES);
    ix->seed = 0;
    ix->mask = (uint32_t)(size - 1);
    ix->table = xcalloc(size, sizeof *ix->table);
    for (seed = 0; seed < tries && best > 0; seed++) {
        size_t d = place_all(names, n, seed, ix->mask, ix->table, best);
        if (d < best) {
            best = d;
            ix->seed = seed;
        }
    }
    /* The table holds the last seed tried, not necessarily the best. */
    ix->displacement = place_all(names, n, ix->seed, ix->mask, ix->table, SIZE_MAX);
}

void phash_free(phash *ix)
{
    free(ix->table);
    ix->table = NULL;
}

long phash_find(const phash *ix, const char *const *names, const char *name)
{
    uint32_t at = slots_name_hash(name, ix->seed) & ix->mask;
    size_t probes;

    for (probes = 0; probes <= ix->mask && ix->table[at]; probes++) {
        long i = (long)ix->table[at] - 1;
        if (strcmp(names[i], name) == 0)
            return i;
        at = (at + 1) & ix->mask;
    }
    return -1;
}
