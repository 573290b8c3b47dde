/*
** reflect.c: slots by name, through the descriptor tables that generated
** code fills in (CPython's member descriptors, as data).
**
** A name is found through the class's name cache (the pointer seen
** before, its bytes checked) or else the generator's name index: one hash,
** then a linear probe that is almost always one table read and one strcmp,
** whatever the number of slots.  Values cross the API as
** slots_value; every conversion rule lives here, in one place: integers fit
** where they are exactly representable, doubles go only into float and
** double (and not beyond FLT_MAX into float), bool only into bool, strings
** are copied, objects referenced after an isinstance check.  The string,
** char[N] and weak-slot helpers that generated setters call are here too.
*/
#include "internal.h"

#include <float.h>
#include <limits.h>
#include <math.h>

static const char *const error_text[SLOTS_ERR_COUNT] = {
    [SLOTS_OK] = "success",
    [SLOTS_ENOATTR] = "no such attribute",
    [SLOTS_EREADONLY] = "attribute is readonly",
    [SLOTS_ETYPE] = "wrong kind of value, or out of range",
    [SLOTS_ENOMEM] = "out of memory",
    [SLOTS_ENOWEAKREF] = "cannot create weak reference to this object",
};

const char *slots_strerror(int code)
{
    if (code < 0 || code >= SLOTS_ERR_COUNT)
        return "unknown error";
    return error_text[code];
}

/* ------------------------------------------------------------------ */
/* Lookup                                                              */
/* ------------------------------------------------------------------ */

/* strcmp(a, b) == 0, inline: names are a few bytes, shorter than a call
** into the C library's vectorised strcmp takes to start. */
static inline bool same_name(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* The name of item i of a descriptor array (slots or classes). */
typedef const char *name_at_fn(const void *items, size_t i);

static inline const char *slot_name_at(const void *items, size_t i)
{
    return ((const slots_slot *)items)[i].name;
}

static inline const char *class_name_at(const void *items, size_t i)
{
    return ((const slots_class *const *)items)[i]->name;
}

/* The entry (index + 1) of `name` in a name index, 0 if absent: a linear
** probe from the home entry to the next empty one.  The generator keeps
** the load at or under 1/2, so a probe is short and ends; the bound on
** the probe count only protects against a hand-built table without an
** empty entry. */
static inline uint16_t index_find(const uint16_t *table, uint32_t seed, uint32_t mask,
                                  const void *items, name_at_fn *name_at, const char *name)
{
    if (table == NULL)
        return 0;
    uint32_t at = slots_name_hash(name, seed) & mask;
    for (uint32_t probes = 0; probes <= mask && table[at] != 0; probes++) {
        if (same_name(name_at(items, table[at] - 1u), name))
            return table[at];
        at = (at + 1) & mask;
    }
    return 0;
}

static inline const slots_slot *find_indexed(const slots_class *cls, const char *name)
{
    uint16_t entry = index_find(cls->hash_table, cls->hash_seed, cls->hash_mask,
                                cls->slots, slot_name_at, name);
    return entry != 0 ? &cls->slots[entry - 1] : NULL;
}

/* The name cache's entry for the pointer `name`.  The low three bits are
** dropped: names a caller keeps apart (a table of char[8], separately
** allocated strings) differ above them, and dropping them spreads such
** names over consecutive entries with no collision. */
static inline slots_name_cache *cache_entry(const slots_class *cls, const char *name)
{
    return &cls->name_cache[((uintptr_t)name >> 3) & cls->name_cache_mask];
}

/* The slot the name cache holds for `name`, or NULL: the pointer must be
** the last one looked up in its entry, and the cached slot's name must
** still be the bytes it points at.  NULL is a miss, not an absence. */
static inline const slots_slot *cached_slot(const slots_class *cls, const char *name)
{
    if (SLOTS_UNLIKELY(cls->name_cache == NULL))
        return NULL;
    const slots_name_cache *cached = cache_entry(cls, name);
    if (SLOTS_LIKELY(cached->name == name) && same_name(cached->slot->name, name))
        return cached->slot;
    return NULL;
}

/* After a cache miss: the index, then the entry refilled.  Absent names
** are not cached: they go on to the dict, whose own lookup dwarfs the
** hash. */
static const slots_slot *find_and_cache(const slots_class *cls, const char *name)
{
    const slots_slot *slot = find_indexed(cls, name);
    if (slot != NULL && cls->name_cache != NULL) {
        slots_name_cache *cached = cache_entry(cls, name);
        cached->name = name;
        cached->slot = slot;
    }
    return slot;
}

static inline const slots_slot *find_slot(const slots_class *cls, const char *name)
{
    const slots_slot *slot = cached_slot(cls, name);
    return slot != NULL ? slot : find_and_cache(cls, name);
}

const slots_slot *slots_find_slot(const slots_class *cls, const char *name)
{
    return find_slot(cls, name);
}

const slots_class *slots_find_class(const slots_module *m, const char *name)
{
    uint16_t entry = index_find(m->hash_table, m->hash_seed, m->hash_mask,
                                m->classes, class_name_at, name);
    return entry != 0 ? m->classes[entry - 1] : NULL;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

static int read_none(slots_value *out)
{
    out->kind = SLOTS_NONE;
    out->as.obj = NULL;
    return SLOTS_OK;
}

static int read_int(slots_value *out, int64_t i)
{
    out->kind = SLOTS_INT;
    out->as.i = i;
    return SLOTS_OK;
}

static int read_uint(slots_value *out, uint64_t u)
{
    out->kind = SLOTS_UINT;
    out->as.u = u;
    return SLOTS_OK;
}

static int read_double(slots_value *out, double d)
{
    out->kind = SLOTS_DOUBLE;
    out->as.d = d;
    return SLOTS_OK;
}

static int read_str(slots_value *out, const char *s)
{
    if (s == NULL)
        return read_none(out);
    out->kind = SLOTS_STR;
    out->as.s = s;
    return SLOTS_OK;
}

static int read_obj(slots_value *out, void *obj)
{
    if (obj == NULL)
        return read_none(out);
    out->kind = SLOTS_OBJ;
    out->as.obj = obj;
    return SLOTS_OK;
}

static inline int slot_get(const void *obj, const slots_slot *slot, slots_value *out)
{
    const void *field = slots__at(obj, slot->offset);
    if (SLOTS_UNLIKELY(slot->flags & SLOTS_SLOT_ARRAY)) {
        if (slot->type != SLOTS_T_CHAR)
            return SLOTS_ETYPE;
        return read_str(out, field);
    }
    switch (slot->type) {
    case SLOTS_T_BOOL:
        out->kind = SLOTS_BOOL;
        out->as.b = *(const bool *)field;
        return SLOTS_OK;
    case SLOTS_T_CHAR:   return read_int(out, *(const char *)field);
    case SLOTS_T_INT8:   return read_int(out, *(const int8_t *)field);
    case SLOTS_T_INT16:  return read_int(out, *(const int16_t *)field);
    case SLOTS_T_INT32:  return read_int(out, *(const int32_t *)field);
    case SLOTS_T_INT64:  return read_int(out, *(const int64_t *)field);
    case SLOTS_T_UINT8:  return read_uint(out, *(const uint8_t *)field);
    case SLOTS_T_UINT16: return read_uint(out, *(const uint16_t *)field);
    case SLOTS_T_UINT32: return read_uint(out, *(const uint32_t *)field);
    case SLOTS_T_UINT64: return read_uint(out, *(const uint64_t *)field);
    case SLOTS_T_FLOAT:  return read_double(out, *(const float *)field);
    case SLOTS_T_DOUBLE: return read_double(out, *(const double *)field);
    case SLOTS_T_STRING: return read_str(out, *(char *const *)field);
    case SLOTS_T_REF:    return read_obj(out, *(void *const *)field);
    case SLOTS_T_WEAKREF:
        return read_obj(out, slots_weakref_get(*(slots_weakref *const *)field));
    default:
        return SLOTS_ETYPE;
    }
}

int slots_slot_get(const void *obj, const slots_slot *slot, slots_value *out)
{
    return slot_get(obj, slot, out);
}

/* slots_getattr after a name cache miss: the index, then the dict. */
static SLOTS_NOINLINE int getattr_uncached(const void *obj, const char *name, slots_value *out)
{
    const slots_class *cls = slots__class(obj);
    const slots_slot *slot = find_and_cache(cls, name);
    if (slot != NULL)
        return slot_get(obj, slot, out);
    if (cls->dict_offset != 0) {
        const slots_value *v = slots__dict_get(*(slots_dict *const *)slots__at(obj, cls->dict_offset), name);
        if (v != NULL) {
            *out = *v;
            return SLOTS_OK;
        }
    }
    return SLOTS_ENOATTR;
}

/* The cache hit is the whole of the fast path: with the miss out of line
** the hit needs no stack frame. */
int slots_getattr(const void *obj, const char *name, slots_value *out)
{
    const slots_slot *slot = cached_slot(slots__class(obj), name);
    if (SLOTS_LIKELY(slot != NULL))
        return slot_get(obj, slot, out);
    return getattr_uncached(obj, name, out);
}

/* ------------------------------------------------------------------ */
/* Conversions for writing                                             */
/* ------------------------------------------------------------------ */

/* v as a signed integer in [min, max]. */
static bool to_int(const slots_value *v, int64_t min, int64_t max, int64_t *out)
{
    if (v->kind == SLOTS_INT && v->as.i >= min && v->as.i <= max)
        *out = v->as.i;
    else if (v->kind == SLOTS_UINT && v->as.u <= (uint64_t)max)
        *out = (int64_t)v->as.u;
    else
        return false;
    return true;
}

/* v as an unsigned integer in [0, max]. */
static bool to_uint(const slots_value *v, uint64_t max, uint64_t *out)
{
    if (v->kind == SLOTS_UINT && v->as.u <= max)
        *out = v->as.u;
    else if (v->kind == SLOTS_INT && v->as.i >= 0 && (uint64_t)v->as.i <= max)
        *out = (uint64_t)v->as.i;
    else
        return false;
    return true;
}

/* v as a float or double (as_float: float); integers only when exactly
** representable: converted, then converted back unchanged.  The range test
** comes before the conversion back, which would be undefined outside it. */
static bool to_real(const slots_value *v, bool as_float, double *out)
{
    double d;
    bool exact;
    switch (v->kind) {
    case SLOTS_DOUBLE:
        d = v->as.d;
        exact = !as_float || !isfinite(d) || (d <= FLT_MAX && d >= -FLT_MAX);
        break;
    case SLOTS_INT:
        d = as_float ? (double)(float)v->as.i : (double)v->as.i;
        exact = d < 0x1p63 && (int64_t)d == v->as.i;
        break;
    case SLOTS_UINT:
        d = as_float ? (double)(float)v->as.u : (double)v->as.u;
        exact = d < 0x1p64 && (uint64_t)d == v->as.u;
        break;
    default:
        return false;
    }
    *out = d;
    return exact;
}

/* char: a code in CHAR_MIN..CHAR_MAX, or a string of exactly one byte. */
static bool to_char(const slots_value *v, char *out)
{
    int64_t code;
    if (v->kind == SLOTS_STR && v->as.s != NULL && v->as.s[0] != '\0' && v->as.s[1] == '\0')
        *out = v->as.s[0];
    else if (to_int(v, CHAR_MIN, CHAR_MAX, &code))
        *out = (char)code;
    else
        return false;
    return true;
}

/* A strong or weak reference: an instance of the slot's class, or None
** (a SLOTS_OBJ holding NULL is None too, as reading gives). */
static int write_ref(void *field, const slots_slot *slot, const slots_value *v)
{
    void *target = v->kind == SLOTS_OBJ ? v->as.obj : NULL;
    if (target == NULL ? v->kind != SLOTS_NONE && v->kind != SLOTS_OBJ
                       : !slots_isinstance(target, slot->ref_class))
        return SLOTS_ETYPE;
    if (slot->type == SLOTS_T_WEAKREF)
        return slots_set_weak(field, target);
    /* incref first: the old value may be what keeps the new one alive */
    void *old = *(void **)field;
    *(void **)field = slots_incref(target);
    slots_decref(old);
    return SLOTS_OK;
}

/* A string is copied; None, or a SLOTS_STR holding NULL, stores NULL. */
static int write_string(void *field, const slots_value *v)
{
    if (v->kind != SLOTS_STR && v->kind != SLOTS_NONE)
        return SLOTS_ETYPE;
    return slots_set_string(field, v->kind == SLOTS_STR ? v->as.s : NULL);
}

/* char[N]: a string shorter than N. */
static int write_chars(void *field, const slots_slot *slot, const slots_value *v)
{
    if (slot->type != SLOTS_T_CHAR || v->kind != SLOTS_STR || v->as.s == NULL)
        return SLOTS_ETYPE;
    return slots_set_chars(field, slot->length, v->as.s);
}

/* The store behind slots_setattr once the slot is found: one dispatch on
** the slot's type, each number case a range test with constant bounds and
** a store, so that setting an int64 by name costs little more than the
** lookup. */
static int write_scalar(void *field, const slots_slot *slot, const slots_value *v)
{
    int64_t i;
    uint64_t u;
    double d;
    switch (slot->type) {
    case SLOTS_T_BOOL:
        if (v->kind != SLOTS_BOOL)
            return SLOTS_ETYPE;
        *(bool *)field = v->as.b;
        return SLOTS_OK;
    case SLOTS_T_CHAR:
        return to_char(v, field) ? SLOTS_OK : SLOTS_ETYPE;
    case SLOTS_T_INT8:
        if (!to_int(v, INT8_MIN, INT8_MAX, &i))
            return SLOTS_ETYPE;
        *(int8_t *)field = (int8_t)i;
        return SLOTS_OK;
    case SLOTS_T_INT16:
        if (!to_int(v, INT16_MIN, INT16_MAX, &i))
            return SLOTS_ETYPE;
        *(int16_t *)field = (int16_t)i;
        return SLOTS_OK;
    case SLOTS_T_INT32:
        if (!to_int(v, INT32_MIN, INT32_MAX, &i))
            return SLOTS_ETYPE;
        *(int32_t *)field = (int32_t)i;
        return SLOTS_OK;
    case SLOTS_T_INT64:
        if (!to_int(v, INT64_MIN, INT64_MAX, &i))
            return SLOTS_ETYPE;
        *(int64_t *)field = i;
        return SLOTS_OK;
    case SLOTS_T_UINT8:
        if (!to_uint(v, UINT8_MAX, &u))
            return SLOTS_ETYPE;
        *(uint8_t *)field = (uint8_t)u;
        return SLOTS_OK;
    case SLOTS_T_UINT16:
        if (!to_uint(v, UINT16_MAX, &u))
            return SLOTS_ETYPE;
        *(uint16_t *)field = (uint16_t)u;
        return SLOTS_OK;
    case SLOTS_T_UINT32:
        if (!to_uint(v, UINT32_MAX, &u))
            return SLOTS_ETYPE;
        *(uint32_t *)field = (uint32_t)u;
        return SLOTS_OK;
    case SLOTS_T_UINT64:
        if (!to_uint(v, UINT64_MAX, &u))
            return SLOTS_ETYPE;
        *(uint64_t *)field = u;
        return SLOTS_OK;
    case SLOTS_T_FLOAT:
        if (!to_real(v, true, &d))
            return SLOTS_ETYPE;
        *(float *)field = (float)d;
        return SLOTS_OK;
    case SLOTS_T_DOUBLE:
        if (!to_real(v, false, &d))
            return SLOTS_ETYPE;
        *(double *)field = d;
        return SLOTS_OK;
    case SLOTS_T_STRING:
        return write_string(field, v);
    case SLOTS_T_REF: case SLOTS_T_WEAKREF:
        return write_ref(field, slot, v);
    default:
        return SLOTS_ETYPE;
    }
}

/* Write through the descriptor; the caller has checked readonly. */
static inline int slot_write(void *obj, const slots_slot *slot, const slots_value *v)
{
    void *field = slots__at(obj, slot->offset);
    if (SLOTS_UNLIKELY(slot->flags & SLOTS_SLOT_ARRAY))
        return write_chars(field, slot, v);
    return write_scalar(field, slot, v);
}

int slots_slot_set(void *obj, const slots_slot *slot, const slots_value *v, bool init)
{
    if (!init && ((slot->flags & SLOTS_SLOT_READONLY) || (slots__class(obj)->flags & SLOTS_CLASS_FROZEN)))
        return SLOTS_EREADONLY;
    return slot_write(obj, slot, v);
}

/* ------------------------------------------------------------------ */
/* By name                                                             */
/* ------------------------------------------------------------------ */

static slots_dict **dict_of(void *obj, const slots_class *cls)
{
    return cls->dict_offset != 0 ? slots__at(obj, cls->dict_offset) : NULL;
}

/* The class is not frozen: only the slot's own flag is left to check. */
static inline int write_unfrozen(void *obj, const slots_slot *slot, const slots_value *v)
{
    if (slot->flags & SLOTS_SLOT_READONLY)
        return SLOTS_EREADONLY;
    return slot_write(obj, slot, v);
}

/* slots_setattr after a name cache miss, on a class that is not frozen:
** the index, then the dict. */
static SLOTS_NOINLINE int setattr_uncached(void *obj, const char *name, const slots_value *v)
{
    const slots_class *cls = slots__class(obj);
    const slots_slot *slot = find_and_cache(cls, name);
    if (slot != NULL)
        return write_unfrozen(obj, slot, v);
    slots_dict **dict = dict_of(obj, cls);
    if (dict == NULL)
        return SLOTS_ENOATTR;
    if (v->kind > SLOTS_OBJ)
        return SLOTS_ETYPE;
    return slots__dict_set(dict, name, v);
}

/* As slots_getattr: the cache hit is the fast path, the miss out of line. */
int slots_setattr(void *obj, const char *name, const slots_value *v)
{
    const slots_class *cls = slots__class(obj);
    if (cls->flags & SLOTS_CLASS_FROZEN)
        return SLOTS_EREADONLY;
    const slots_slot *slot = cached_slot(cls, name);
    if (SLOTS_LIKELY(slot != NULL))
        return write_unfrozen(obj, slot, v);
    return setattr_uncached(obj, name, v);
}

int slots_delattr(void *obj, const char *name)
{
    const slots_class *cls = slots__class(obj);
    if (find_slot(cls, name) != NULL)
        return SLOTS_EREADONLY;
    slots_dict **dict = dict_of(obj, cls);
    return dict != NULL ? slots__dict_del(*dict, name) : SLOTS_ENOATTR;
}

size_t slots_dict_count(const void *obj)
{
    slots_dict **dict = dict_of((void *)(uintptr_t)obj, slots__class(obj));
    return dict != NULL ? slots__dict_count(*dict) : 0;
}

const char *slots_dict_name(const void *obj, size_t i)
{
    slots_dict **dict = dict_of((void *)(uintptr_t)obj, slots__class(obj));
    return dict != NULL ? slots__dict_name(*dict, i) : NULL;
}

/* ------------------------------------------------------------------ */
/* Helpers for generated setters                                       */
/* ------------------------------------------------------------------ */

int slots_set_string(char **field, const char *v)
{
    char *copy = NULL;
    if (v != NULL && (copy = slots__strdup(v)) == NULL)
        return SLOTS_ENOMEM;
    /* a constructor's field is still NULL: no call to free() for it */
    if (*field != NULL)
        free(*field);
    *field = copy;
    return SLOTS_OK;
}

/* The tail is zeroed so that equal strings leave equal bytes.  The
** length is measured only up to n: a longer value is refused without
** reading it all, and a short field (char[4] for a currency) costs a few
** byte reads rather than a call to strlen. */
int slots_set_chars(char *field, size_t n, const char *v)
{
    size_t len = 0;
    if (v == NULL)
        return SLOTS_ETYPE;
    while (len < n && v[len] != '\0')
        len++;
    if (len >= n)
        return SLOTS_ETYPE;
    memcpy(field, v, len + 1);
    if (len + 1 < n)
        memset(field + len + 1, 0, n - len - 1);
    return SLOTS_OK;
}
