/*
** layout.c: offsets and sizes of the generated structs, and the
** `slotgen layout` listing (see layout.h).
**
** The arithmetic is C's own struct layout rule, applied with this
** compiler's sizes and alignments: each member at the next multiple of its
** alignment, the struct's alignment the largest of its members', its size
** rounded up to that alignment.  A base struct is one member, so its tail
** padding is never reused by a subclass.
*/
#include "layout.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <slots/slots.h>

#include "mem.h"

/* Size and alignment of one element of kind k (the pointer for strings
** and references). */
static void kind_size(m_kind k, size_t *size, size_t *align)
{
#define SET(T) (*size = sizeof(T), *align = _Alignof(T))
    switch (k) {
    case M_BOOL:   SET(bool); break;
    case M_CHAR:   SET(char); break;
    case M_INT8:   SET(int8_t); break;
    case M_INT16:  SET(int16_t); break;
    case M_INT32:  SET(int32_t); break;
    case M_INT64:  SET(int64_t); break;
    case M_UINT8:  SET(uint8_t); break;
    case M_UINT16: SET(uint16_t); break;
    case M_UINT32: SET(uint32_t); break;
    case M_UINT64: SET(uint64_t); break;
    case M_FLOAT:  SET(float); break;
    case M_DOUBLE: SET(double); break;
    case M_STRING: SET(char *); break;
    case M_REF:    SET(slots_object *); break;
    case M_WEAK:   SET(slots_weakref *); break;
    default:       SET(char); break;  /* M_KIND_COUNT: never in a model */
    }
#undef SET
}

static size_t align_up(size_t n, size_t align)
{
    return (n + align - 1) / align * align;
}

/* Append a member of `size`/`align` to a struct being laid out. */
static size_t place(size_t *end, size_t *struct_align, size_t size, size_t align)
{
    size_t at = align_up(*end, align);
    *end = at + size;
    if (align > *struct_align)
        *struct_align = align;
    return at;
}

/* Requires the base (if any) laid out already. */
static void layout_class(m_class *c)
{
    size_t end, align, i;

    if (c->base) {
        end = c->base->size;
        align = c->base->align;
    } else {
        end = sizeof(slots_object);
        align = _Alignof(slots_object);
    }
    c->own_start = end;
    if (c->weakref)
        c->weaklist_offset = place(&end, &align, sizeof(slots_weakref *), _Alignof(slots_weakref *));
    else
        c->weaklist_offset = c->base ? c->base->weaklist_offset : 0;
    if (c->dict)
        c->dict_offset = place(&end, &align, sizeof(slots_dict *), _Alignof(slots_dict *));
    else
        c->dict_offset = c->base ? c->base->dict_offset : 0;
    for (i = 0; i < c->nown; i++) {
        m_slot *s = c->own[i];
        size_t elem;
        kind_size(s->type.kind, &elem, &s->align);
        s->size = s->type.array_len ? elem * s->type.array_len : elem;
        s->offset = place(&end, &align, s->size, s->align);
    }
    c->align = align;
    c->size = align_up(end, align);
}

/* A base declared after its subclass in the same schema is computed first
** through this recursion.  A class is laid out once: a laid-out class has
** a nonzero size (its object header at least), which marks it done. */
static void layout_with_bases(m_class *c)
{
    if (c->size > 0)
        return;
    if (c->base)
        layout_with_bases(c->base);
    layout_class(c);
}

void layout_compute(m_program *p)
{
    size_t i, j;

    for (i = 0; i < p->nschemas; i++)
        for (j = 0; j < p->schemas[i]->nclasses; j++)
            layout_with_bases(p->schemas[i]->classes[j]);
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */

/* One printed row; `at` tracks the end of the previous row so holes show. */
typedef struct row_printer {
    FILE *out;
    size_t at;
    size_t padding;
} row_printer;

static void row(row_printer *rp, size_t offset, size_t size, const char *what,
                const char *type, const m_class *from)
{
    if (offset > rp->at) {
        fprintf(rp->out, "%8zu%6zu  [padding]\n", rp->at, offset - rp->at);
        rp->padding += offset - rp->at;
    }
    fprintf(rp->out, "%8zu%6zu  %s", offset, size, what);
    if (type)
        fprintf(rp->out, ": %s", type);
    if (from)
        fprintf(rp->out, " (from %s_%s)", from->schema->module, from->name);
    fputc('\n', rp->out);
    rp->at = offset + size;
}

/* The hidden members and own slots of `c`, after those of its ancestors. */
static void print_members(row_printer *rp, const m_class *c, const m_class *leaf)
{
    size_t i;
    if (c->base)
        print_members(rp, c->base, leaf);
    else
        row(rp, 0, sizeof(slots_object), "[object header]", NULL, NULL);
    if (c->weakref)
        row(rp, c->weaklist_offset, sizeof(slots_weakref *), "[weaklist]", NULL, NULL);
    if (c->dict)
        row(rp, c->dict_offset, sizeof(slots_dict *), "[dict]", NULL, NULL);
    for (i = 0; i < c->nown; i++) {
        const m_slot *s = c->own[i];
        row(rp, s->offset, s->size, s->name, s->type_text, c == leaf ? NULL : c);
    }
}

static void print_class(const m_class *c, FILE *out)
{
    row_printer rp;
    rp.out = out;
    rp.at = 0;
    rp.padding = 0;
    fprintf(out, "%s_%s (%s): %zu bytes, align %zu\n", c->schema->module, c->name,
            c->schema->path, c->size, c->align);
    fputs("  offset  size\n", out);
    print_members(&rp, c, c);
    if (c->size > rp.at) {
        fprintf(out, "%8zu%6zu  [padding]\n", rp.at, c->size - rp.at);
        rp.padding += c->size - rp.at;
    }
    fprintf(out, "  total %zu bytes, %zu of padding\n", c->size, rp.padding);
}

void layout_print(const m_program *p, FILE *out)
{
    size_t i, j;
    bool first = true;
    for (i = 0; i < p->nschemas; i++) {
        const m_schema *s = p->schemas[i];
        if (!s->root)
            continue;
        for (j = 0; j < s->nclasses; j++) {
            if (!first)
                fputc('\n', out);
            first = false;
            print_class(s->classes[j], out);
        }
    }
}
