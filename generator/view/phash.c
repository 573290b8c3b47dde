/*
** phash.c: the name indexes of the generated descriptors (see phash.h).
**
** Linear probing at load <= 1/2 keeps a lookup O(1) whatever the seed; the
** seed search only shortens probes.  A set of at most SPREAD_MAX_NAMES
** names (a class's slots, a small module) first looks for a perfect
** placement, every name at its home entry, in tables of 2n up to
** SPREAD_FACTOR * 2n entries, smallest first: with 64 names a perfect seed
** at 2n is hopeless (the chance is about e^(-n^2/2m) per seed for m
** entries) but almost certain at 8n.  A try stops at its first collision,
** so a failed seed costs about sqrt(m) placements.  Otherwise, and for
** larger sets, the table has 2n entries and the seed with the least total
** displacement wins.  Every search is bounded by SEARCH_BUDGET name
** placements (at least MIN_SEEDS seeds), so a module of many classes is
** indexed in time linear in its size.
*/
#include "phash.h"

#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <slots/slots.h>

#include "mem.h"

#define MAX_SEEDS 256u
#define MIN_SEEDS 8u
#define SEARCH_BUDGET (1u << 20)
#define SPREAD_MAX_NAMES 256u
#define SPREAD_FACTOR 8u

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

/* Place names[] in order with `seed`, each at its home entry, into the
** empty table; on the first collision undo the placements and return
** false, leaving the table empty again.  `homes` holds n entries of
** scratch. */
static bool place_perfectly(const char *const *names, size_t n, uint32_t seed,
                            uint32_t mask, uint16_t *table, uint32_t *homes)
{
    size_t i;

    for (i = 0; i < n; i++) {
        homes[i] = slots_name_hash(names[i], seed) & mask;
        if (table[homes[i]])
            break;
        table[homes[i]] = (uint16_t)(i + 1);
    }
    if (i == n)
        return true;
    while (i-- > 0)
        table[homes[i]] = 0;
    return false;
}

/* A perfect placement in a table of 2n to SPREAD_FACTOR * 2n entries, the
** smallest that has one among the seeds tried; false if none does (then
** `ix` is untouched). */
static bool build_perfect(const char *const *names, size_t n, phash *ix)
{
    uint32_t *homes = xcalloc(n ? n : 1, sizeof *homes);
    uint32_t tries = seeds_to_try(n), seed;
    size_t size;
    bool found = false;

    for (size = table_size(n); size <= SPREAD_FACTOR * table_size(n) && !found; size <<= 1) {
        uint16_t *table = xcalloc(size, sizeof *table);
        for (seed = 0; seed < tries && !found; seed++)
            found = place_perfectly(names, n, seed, (uint32_t)(size - 1), table, homes);
        if (found) {
            ix->seed = seed - 1;
            ix->mask = (uint32_t)(size - 1);
            ix->table = table;
            ix->displacement = 0;
        } else {
            free(table);
        }
    }
    free(homes);
    return found;
}

/* The least displaced of the seeds tried, in a table of 2n entries. */
static void build_least_displaced(const char *const *names, size_t n, phash *ix)
{
    size_t size = table_size(n);
    uint32_t tries = seeds_to_try(n), seed;
    size_t best = SIZE_MAX;

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

void phash_build(const char *const *names, size_t n, phash *ix)
{
    assert(n <= PHASH_MAX_NAMES);
    if (n <= SPREAD_MAX_NAMES && build_perfect(names, n, ix))
        return;
    build_least_displaced(names, n, ix);
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
