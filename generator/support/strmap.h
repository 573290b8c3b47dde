/*
** strmap.h: a hash map from names to numbers, for the generator's lookups.
**
** Schemas may be large (the benchmarks generate 10,000 classes), so every
** "is this name taken?" question is answered in O(1), never by scanning.
** Keys are borrowed: the caller keeps each key string alive, unchanged,
** for as long as the map.  The map owns only its table; zero-initialise it
** (or STRMAP_INIT) and release it with strmap_free.
**
**     strmap seen = STRMAP_INIT;
**     size_t first;
**     if (!strmap_put(&seen, name, i, &first))
**         ... name was already there, as number `first` ...
**     strmap_free(&seen);
*/
#ifndef SLOTGEN_STRMAP_H
#define SLOTGEN_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strmap_entry {
    const char *key;        /* borrowed; NULL = empty entry */
    size_t value;
    size_t hash;            /* of key, so that probes rarely read a key */
} strmap_entry;

typedef struct strmap {
    strmap_entry *entries;  /* owned array */
    size_t size;            /* entries: 0, or a power of two at least twice n */
    size_t n;               /* keys stored */
} strmap;

#define STRMAP_INIT { NULL, 0, 0 }

/* Store key -> value unless key is already there.  Returns true when
** stored; false when present, with its value in *existing (if not NULL). */
bool strmap_put(strmap *m, const char *key, size_t value, size_t *existing);
/* The value of key in *value; false when absent. */
bool strmap_get(const strmap *m, const char *key, size_t *value);
void strmap_free(strmap *m);

#endif
