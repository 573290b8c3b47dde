/*
** viewcode.c: the template data of a class's generated functions (see
** viewcode.h).  Templates branch on flags computed here (the access kind
** of a slot, the store a constructor uses) rather than on type names, so
** that every kind of slot is classified in one place.
*/
#include "viewcode.h"

#include <stdlib.h>

#include "buf.h"
#include "cdecl.h"

/* The template flag naming each access kind. */
static const char *const access_flag[ACC_COUNT] = {
    [ACC_SCALAR] = "is_scalar", [ACC_STRING] = "is_string", [ACC_CHARS] = "is_chars",
    [ACC_ARRAY] = "is_array", [ACC_REF] = "is_ref", [ACC_WEAK] = "is_weak",
};

bool viewcode_frozen(const m_class *c)
{
    for (; c; c = c->base)
        if (c->frozen)
            return true;
    return false;
}

bool viewcode_writable(const m_class *c, const m_slot *s)
{
    return !s->readonly && !viewcode_frozen(c);
}

static void set_access_flags(data *d, cdecl_access a)
{
    int i;

    for (i = 0; i < ACC_COUNT; i++)
        data_set_literal(d, access_flag[i], data_bool(a == (cdecl_access)i));
}

data *viewcode_accessor(data_doc *doc, const m_class *c, const m_slot *s)
{
    data *d = data_map(doc, 9 + ACC_COUNT);
    cdecl_access a = cdecl_access_of(s);
    buf b = BUF_INIT;

    data_set_literal(d, "name", data_str_shared(doc, s->name));
    cdecl_return_type(&b, s);
    cdecl_cname(&b, c);
    buf_puts(&b, "_get_");
    buf_puts(&b, s->name);
    buf_puts(&b, "(const ");
    cdecl_cname(&b, c);
    buf_puts(&b, " *self)");
    data_set_literal(d, "getter_decl", data_strn(doc, buf_str(&b), b.len));

    data_set_literal(d, "has_setter", data_bool(viewcode_writable(c, s)));
    buf_clear(&b);
    buf_puts(&b, a == ACC_STRING || a == ACC_CHARS || a == ACC_WEAK ? "int " : "void ");
    cdecl_cname(&b, c);
    buf_puts(&b, "_set_");
    buf_puts(&b, s->name);
    buf_putc(&b, '(');
    cdecl_cname(&b, c);
    buf_puts(&b, " *self, ");
    cdecl_value(&b, s, "value");
    buf_putc(&b, ')');
    data_set_literal(d, "setter_decl", data_strn(doc, buf_str(&b), b.len));
    data_set_literal(d, "setter_inline", data_bool(a == ACC_SCALAR || a == ACC_REF));

    buf_clear(&b);
    cdecl_path(&b, c, s);
    data_set_literal(d, "path", data_strn(doc, buf_str(&b), b.len));
    if (s->type.ref)
        data_set_literal(d, "ref_type", data_strf(doc, "%s_%s", s->type.ref->schema->module, s->type.ref->name));
    set_access_flags(d, a);
    data_set_literal(d, "inherited", data_bool(s->owner != c));
    data_set_literal(d, "from", data_strf(doc, "%s_%s", s->owner->schema->module, s->owner->name));
    buf_free(&b);
    return d;
}

data *viewcode_params(data_doc *doc, const m_class *c)
{
    size_t i, n = 0, seen = 0;
    buf b = BUF_INIT;
    data *list;

    for (i = 0; i < c->nall; i++)
        n += !c->all[i]->has_default;
    list = data_list(doc, n);
    for (i = 0; i < c->nall; i++) {
        const m_slot *s = c->all[i];
        data *p;
        if (s->has_default)
            continue;
        p = data_map(doc, 3);
        buf_clear(&b);
        cdecl_value(&b, s, s->name);
        data_set_literal(p, "decl", data_strn(doc, buf_str(&b), b.len));
        data_set_literal(p, "name", data_str_shared(doc, s->name));
        data_set_literal(p, "last", data_bool(++seen == n));
        data_push(list, p);
    }
    buf_free(&b);
    return list;
}

/* The statement a constructor stores a slot with. */
typedef enum store {
    STORE_ASSIGN,       /* self->x = v; */
    STORE_COPY,         /* memcpy of an array, or of a char[N] default */
    STORE_SET_CHARS,    /* slots_init_chars: a char[N] parameter may not fit */
    STORE_SET_STRING,   /* slots_set_string: copies, may run out of memory */
    STORE_INCREF,       /* a strong reference */
    STORE_SET_WEAK,     /* slots_set_weak: may run out of memory */
    STORE_COUNT
} store;

/* The template flag of each store; exactly one is true per `inits` item. */
static const char *const store_flag[STORE_COUNT] = {
    [STORE_ASSIGN] = "assign", [STORE_COPY] = "copy", [STORE_SET_CHARS] = "set_chars",
    [STORE_SET_STRING] = "set_string", [STORE_INCREF] = "incref", [STORE_SET_WEAK] = "set_weak",
};

static store store_of(const m_slot *s)
{
    switch (cdecl_access_of(s)) {
    case ACC_SCALAR: return STORE_ASSIGN;
    case ACC_ARRAY:  return STORE_COPY;
    /* A char[N] default was checked to fit: it is copied whole. */
    case ACC_CHARS:  return s->has_default ? STORE_COPY : STORE_SET_CHARS;
    case ACC_STRING: return STORE_SET_STRING;
    case ACC_REF:    return STORE_INCREF;
    default:         return STORE_SET_WEAK;
    }
}

static bool store_can_fail(store st)
{
    return st == STORE_SET_CHARS || st == STORE_SET_STRING || st == STORE_SET_WEAK;
}

data *viewcode_inits(data_doc *doc, const m_class *c, bool *can_fail)
{
    data *list = data_list(doc, c->nall);
    size_t i, k;
    buf b = BUF_INIT;

    *can_fail = false;
    for (i = 0; i < c->nall; i++) {
        const m_slot *s = c->all[i];
        data *d = data_map(doc, 3 + STORE_COUNT);
        store st = store_of(s);

        buf_clear(&b);
        cdecl_path(&b, c, s);
        data_set_literal(d, "path", data_strn(doc, buf_str(&b), b.len));
        if (s->has_default) {
            char *defname = cdecl_default_name(c, s);
            data_set_literal(d, "value", data_str(doc, defname));
            free(defname);
        } else {
            data_set_literal(d, "value", data_str_shared(doc, s->name));
        }
        if (s->type.ref)
            data_set_literal(d, "ref_type", data_strf(doc, "%s_%s", s->type.ref->schema->module, s->type.ref->name));
        for (k = 0; k < STORE_COUNT; k++)
            data_set_literal(d, store_flag[k], data_bool(k == (size_t)st));
        *can_fail = *can_fail || store_can_fail(st);
        data_push(list, d);
    }
    buf_free(&b);
    return list;
}

data *viewcode_default(data_doc *doc, const m_class *c, const m_slot *s, bool *needs_math)
{
    data *d = data_map(doc, 2);
    char *name = cdecl_default_name(c, s);
    buf b = BUF_INIT;

    cdecl_default_decl(&b, s, name);
    data_set_literal(d, "decl", data_strn(doc, buf_str(&b), b.len));
    buf_clear(&b);
    cdecl_default_init(&b, s, needs_math);
    data_set_literal(d, "init", data_strn(doc, buf_str(&b), b.len));
    buf_free(&b);
    free(name);
    return d;
}
