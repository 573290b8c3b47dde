/*
** dict.c: dynamic attributes, for classes declared with `dict: true`.
**
** An instance holds only a NULL slots_dict pointer until its first
** undeclared attribute is set (CPython's lazily created __dict__).  The
** table is compact, as CPython's dict: entries in insertion order (so that
** slots_dict_name(i) iterates as Python does), and an open-addressing
** index of entry numbers, linear probing, kept at most half full.  It owns
** copies of the names and of string values, and one reference to each
** object value.  Instances rarely hold more than a handful of dynamic
** attributes, so deletion simply closes the gap and rebuilds the index.
*/
#include "internal.h"

#define DICT_MIN_ENTRIES 4u

typedef struct dict_entry {
    char *name;             /* owned copy */
    uint32_t hash;          /* slots_name_hash(name, 0) */
    slots_value value;      /* as.s owned, as.obj referenced */
} dict_entry;

/* Invariant: index[] has mask + 1 = 2 * capacity cells; each of the first
** `count` entries is named by exactly one cell (its number + 1). */
struct slots_dict {
    size_t count;
    size_t capacity;        /* entries allocated */
    uint32_t mask;
    dict_entry *entries;
    uint32_t index[];       /* entry number + 1; 0 = empty */
};

static void index_insert(slots_dict *d, uint32_t hash, size_t entry)
{
    uint32_t i = hash & d->mask;
    while (d->index[i] != 0)
        i = (i + 1) & d->mask;
    d->index[i] = (uint32_t)entry + 1;
}

static void index_rebuild(slots_dict *d)
{
    memset(d->index, 0, (d->mask + 1) * sizeof d->index[0]);
    for (size_t e = 0; e < d->count; e++)
        index_insert(d, d->entries[e].hash, e);
}

/* The entry number of name, or -1. */
static long find(const slots_dict *d, const char *name, uint32_t hash)
{
    for (uint32_t i = hash & d->mask; d->index[i] != 0; i = (i + 1) & d->mask) {
        const dict_entry *e = &d->entries[d->index[i] - 1];
        if (e->hash == hash && strcmp(e->name, name) == 0)
            return (long)(d->index[i] - 1);
    }
    return -1;
}

/* A table with room for `capacity` entries holding *old's (if any).  On
** failure *old is untouched. */
static slots_dict *dict_resize(slots_dict *old, size_t capacity)
{
    size_t cells = 2 * capacity;
    slots_dict *d = slots__malloc(sizeof *d + cells * sizeof d->index[0]);
    if (d == NULL)
        return NULL;
    dict_entry *entries = slots__realloc(old ? old->entries : NULL, capacity * sizeof *entries);
    if (entries == NULL) {
        free(d);
        return NULL;
    }
    d->count = old ? old->count : 0;
    d->capacity = capacity;
    d->mask = (uint32_t)cells - 1;
    d->entries = entries;
    index_rebuild(d);
    free(old);
    return d;
}

/* The stored form of v: a NULL string or object is None; a string copied,
** an object referenced.  SLOTS_ENOMEM leaves nothing behind. */
static int value_own(slots_value *stored, const slots_value *v)
{
    *stored = *v;
    if ((v->kind == SLOTS_STR && v->as.s == NULL) || (v->kind == SLOTS_OBJ && v->as.obj == NULL)) {
        stored->kind = SLOTS_NONE;
    } else if (v->kind == SLOTS_STR) {
        if ((stored->as.s = slots__strdup(v->as.s)) == NULL)
            return SLOTS_ENOMEM;
    } else if (v->kind == SLOTS_OBJ) {
        slots_incref(v->as.obj);
    }
    return SLOTS_OK;
}

/* Release a stored value; its object is dropped into `dead`, or, without
** a graveyard, through slots_decref. */
static void value_release(slots_value *v, slots__graveyard *dead)
{
    if (v->kind == SLOTS_STR)
        free((char *)(uintptr_t)v->as.s);
    else if (v->kind == SLOTS_OBJ && dead != NULL)
        slots__drop(v->as.obj, dead);
    else if (v->kind == SLOTS_OBJ)
        slots_decref(v->as.obj);
}

const slots_value *slots__dict_get(const slots_dict *d, const char *name)
{
    if (d == NULL)
        return NULL;
    long e = find(d, name, slots_name_hash(name, 0));
    return e < 0 ? NULL : &d->entries[e].value;
}

static int replace(slots_dict *d, size_t e, const slots_value *v)
{
    slots_value stored;
    int err = value_own(&stored, v);
    if (err != SLOTS_OK)
        return err;
    /* The old value goes last: it may be the only reference keeping the
    ** new one alive. */
    slots_value old = d->entries[e].value;
    d->entries[e].value = stored;
    value_release(&old, NULL);
    return SLOTS_OK;
}

static int append(slots_dict **dp, const char *name, uint32_t hash, const slots_value *v)
{
    slots_dict *d = *dp;
    if (d == NULL || d->count == d->capacity) {
        slots_dict *grown = dict_resize(d, d ? 2 * d->capacity : DICT_MIN_ENTRIES);
        if (grown == NULL)
            return SLOTS_ENOMEM;
        *dp = d = grown;
    }
    dict_entry entry = { slots__strdup(name), hash, { SLOTS_NONE, { false } } };
    if (entry.name == NULL)
        return SLOTS_ENOMEM;
    if (value_own(&entry.value, v) != SLOTS_OK) {
        free(entry.name);
        return SLOTS_ENOMEM;
    }
    d->entries[d->count] = entry;
    index_insert(d, hash, d->count);
    d->count++;
    return SLOTS_OK;
}

int slots__dict_set(slots_dict **dp, const char *name, const slots_value *v)
{
    uint32_t hash = slots_name_hash(name, 0);
    long e = *dp != NULL ? find(*dp, name, hash) : -1;
    if (e >= 0)
        return replace(*dp, (size_t)e, v);
    return append(dp, name, hash, v);
}

int slots__dict_del(slots_dict *d, const char *name)
{
    long e = d != NULL ? find(d, name, slots_name_hash(name, 0)) : -1;
    if (e < 0)
        return SLOTS_ENOATTR;
    dict_entry gone = d->entries[e];
    d->count--;
    memmove(&d->entries[e], &d->entries[e + 1], (d->count - (size_t)e) * sizeof *d->entries);
    index_rebuild(d);
    free(gone.name);
    value_release(&gone.value, NULL);
    return SLOTS_OK;
}

size_t slots__dict_count(const slots_dict *d)
{
    return d != NULL ? d->count : 0;
}

const char *slots__dict_name(const slots_dict *d, size_t i)
{
    return d != NULL && i < d->count ? d->entries[i].name : NULL;
}

void slots__dict_free(slots_dict *d, slots__graveyard *dead)
{
    for (size_t e = 0; e < d->count; e++) {
        free(d->entries[e].name);
        value_release(&d->entries[e].value, dead);
    }
    free(d->entries);
    free(d);
}
