/*
** strmap.c: open addressing with linear probing, kept at most half full
** so that probes stay short and always end at an empty entry.  Each entry
** keeps its key's hash beside the key: a probe compares numbers and reads
** a key string only when the hashes match, so a miss (the usual answer
** to "is this name taken?") touches one array, not every key it passes.
*/
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* FNV-1a: short identifiers are the whole workload. */
static size_t hash(const char *s)
{
    size_t h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

/* The entry holding key (whose hash is h), or the empty entry where it
** belongs. */
static size_t find(const strmap *m, const char *key, size_t h)
{
    size_t mask = m->size - 1;
    size_t i = h & mask;
    while (m->entries[i].key &&
           (m->entries[i].hash != h || strcmp(m->entries[i].key, key) != 0))
        i = (i + 1) & mask;
    return i;
}

static void grow(strmap *m)
{
    strmap bigger = STRMAP_INIT;
    size_t i;

    bigger.size = m->size ? 2 * m->size : 16;
    bigger.entries = xcalloc(bigger.size, sizeof *bigger.entries);
    for (i = 0; i < m->size; i++) {
        const strmap_entry *e = &m->entries[i];
        if (e->key)
            bigger.entries[find(&bigger, e->key, e->hash)] = *e;
    }
    bigger.n = m->n;
    strmap_free(m);
    *m = bigger;
}

bool strmap_put(strmap *m, const char *key, size_t value, size_t *existing)
{
    size_t h = hash(key), i;

    if (2 * (m->n + 1) > m->size)
        grow(m);
    i = find(m, key, h);
    if (m->entries[i].key) {
        if (existing)
            *existing = m->entries[i].value;
        return false;
    }
    m->entries[i] = (strmap_entry){ key, value, h };
    m->n++;
    return true;
}

bool strmap_get(const strmap *m, const char *key, size_t *value)
{
    size_t i;

    if (m->n == 0)
        return false;
    i = find(m, key, hash(key));
    if (!m->entries[i].key)
        return false;
    if (value)
        *value = m->entries[i].value;
    return true;
}

void strmap_free(strmap *m)
{
    free(m->entries);
    m->entries = NULL;
    m->size = m->n = 0;
}
