/*
** phash.h: the name indexes of the generated descriptors (slots.h's
** hash_seed, hash_mask, hash_table), built at generation time.
**
** An index is an open-addressing table with linear probing over
** slots_name_hash(name, seed): the runtime probes from the name's home
** entry, hash & mask, to the next empty one, comparing names.  A set of
** up to a few hundred names gets a perfect placement when one is found
** among a bounded number of seeds (every name at home: a hit is one hash,
** one table read and one name comparison), in the smallest power-of-two
** table of 2n to 16n entries that has one.  Otherwise the table is the
** next power of two >= 2n entries (load at most 1/2, so every probe ends
** at an empty entry) and the seed is the one with the least total
** displacement from home entries.  Building is linear in n; the result is
** deterministic.
*/
#ifndef SLOTGEN_PHASH_H
#define SLOTGEN_PHASH_H

#include <stddef.h>
#include <stdint.h>

/* The most names an index holds: entries are uint16_t index + 1. */
#define PHASH_MAX_NAMES 65535u

typedef struct phash {
    uint32_t seed;
    uint32_t mask;          /* entries - 1; the entry count is a power of two */
    uint16_t *table;        /* mask + 1 entries of index + 1, 0 = empty; owned */
    size_t displacement;    /* sum over names of the probes past their home entry */
} phash;

/* Build the index of `n` distinct names (n <= PHASH_MAX_NAMES: the
** checker enforces it).  Zero names give a one-entry empty table.  Free
** the result with phash_free.
**
**     phash ix;
**     phash_build(names, n, &ix);
**     ... print ix.seed, ix.mask and ix.table[0 .. ix.mask] ...
**     phash_free(&ix);
*/
void phash_build(const char *const *names, size_t n, phash *ix);
void phash_free(phash *ix);

/* The index in names[] of `name`, found the way the runtime finds it, or
** -1 when it is absent.  `names` are the ones the index was built from. */
long phash_find(const phash *ix, const char *const *names, const char *name);

#endif
