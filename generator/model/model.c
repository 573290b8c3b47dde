/*
** model.c: the checked model's kind table, lookups and destructors
** (see model.h).
*/
#include "model.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Indexed by m_kind: schema spelling, C type.  Kept together so that a new
** kind cannot be spelled without also being given a C type. */
static const struct {
    const char *name;
    const char *ctype;
} kind_table[M_KIND_COUNT] = {
    [M_BOOL]   = {"bool",   "bool"},
    [M_CHAR]   = {"char",   "char"},
    [M_INT8]   = {"int8",   "int8_t"},
    [M_INT16]  = {"int16",  "int16_t"},
    [M_INT32]  = {"int32",  "int32_t"},
    [M_INT64]  = {"int64",  "int64_t"},
    [M_UINT8]  = {"uint8",  "uint8_t"},
    [M_UINT16] = {"uint16", "uint16_t"},
    [M_UINT32] = {"uint32", "uint32_t"},
    [M_UINT64] = {"uint64", "uint64_t"},
    [M_FLOAT]  = {"float",  "float"},
    [M_DOUBLE] = {"double", "double"},
    [M_STRING] = {"string", "char *"},
    [M_REF]    = {"reference", "void *"},
    [M_WEAK]   = {"weak reference", "slots_weakref *"},
};

const char *m_kind_name(m_kind k)
{
    return k < M_KIND_COUNT ? kind_table[k].name : "?";
}

const char *m_kind_ctype(m_kind k)
{
    return k < M_KIND_COUNT ? kind_table[k].ctype : "?";
}

bool m_kind_is_scalar(m_kind k)
{
    return k <= M_DOUBLE;
}

bool m_kind_is_signed(m_kind k)
{
    switch (k) {
    case M_CHAR:
        return CHAR_MIN < 0;
    case M_INT8: case M_INT16: case M_INT32: case M_INT64:
    case M_FLOAT: case M_DOUBLE:
        return true;
    default:
        return false;
    }
}

m_class *m_schema_find_class(m_schema *s, const char *name)
{
    size_t i;

    /* strmap_put keeps the first of two equal names, as a scan finds it. */
    for (; s->nindexed < s->nclasses; s->nindexed++)
        strmap_put(&s->class_index, s->classes[s->nindexed]->name, s->nindexed, NULL);
    return strmap_get(&s->class_index, name, &i) ? s->classes[i] : NULL;
}

void m_value_fini(m_value *v)
{
    size_t i;
    for (i = 0; i < v->nitems; i++)
        m_value_fini(&v->items[i]);
    free(v->items);
    free(v->s);
    free(v->text);
    memset(v, 0, sizeof *v);
}

static void slot_free(m_slot *s)
{
    free(s->name);
    free(s->type_text);
    free(s->doc);
    if (s->has_default)
        m_value_fini(&s->def);
    free(s);
}

static void class_free(m_class *c)
{
    size_t i;
    for (i = 0; i < c->nown; i++)
        slot_free(c->own[i]);
    free(c->own);
    free(c->all);
    free(c->name);
    free(c->doc);
    free(c);
}

static void schema_free(m_schema *s)
{
    size_t i;
    for (i = 0; i < s->nclasses; i++)
        class_free(s->classes[i]);
    free(s->classes);
    strmap_free(&s->class_index);
    free(s->imports);
    free(s->path);
    free(s->name);
    free(s->module);
    free(s->doc);
    free(s);
}

void m_program_free(m_program *p)
{
    size_t i;
    if (!p)
        return;
    for (i = 0; i < p->nschemas; i++)
        schema_free(p->schemas[i]);
    free(p->schemas);
    free(p);
}
