/*
** strmap.c: open addressing with linear probing, kept at most half full
** so that probes stay short and always end at an empty entry.
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

/* The entry holding key, or the empty entry where it belongs. */
static size_t find(const strmap *m, const char *key)
{
    size_t mask = m->size - 1;
    size_t i = hash(key) & mask;
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & mask;
    return i;
}

static void grow(strmap *m)
{
    strmap bigger = STRMAP_INIT;
    size_t i;

    bigger.size = m->size ? 2 * m->size : 16;
    bigger.keys = xcalloc(bigger.size, sizeof *bigger.keys);
    bigger.values = xcalloc(bigger.size, sizeof *bigger.values);
    for (i = 0; i < m->size; i++) {
        if (m->keys[i]) {
            size_t j = find(&bigger, m->keys[i]);
            bigger.keys[j] = m->keys[i];
            bigger.values[j] = m->values[i];
        }
    }
    bigger.n = m->n;
    strmap_free(m);
    *m = bigger;
}

bool strmap_put(strmap *m, const char *key, size_t value, size_t *existing)
{
    size_t i;

    if (2 * (m->n + 1) > m->size)
        grow(m);
    i = find(m, key);
    if (m->keys[i]) {
        if (existing)
            *existing = m->values[i];
        return false;
    }
    m->keys[i] = key;
    m->values[i] = value;
    m->n++;
    return true;
}

bool strmap_get(const strmap *m, const char *key, size_t *value)
{
    size_t i;

    if (m->n == 0)
        return false;
    i = find(m, key);
    if (!m->keys[i])
        return false;
    if (value)
        *value = m->values[i];
    return true;
}

void strmap_free(strmap *m)
{
    free(m->keys);
    free(m->values);
    m->keys = NULL;
    m->values = NULL;
    m->size = m->n = 0;
}
