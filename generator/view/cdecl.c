/*
** cdecl.c: the C spellings of a slot's type (see cdecl.h).
**
** Every spelling switches on cdecl_access_of(), so a new kind of slot is
** classified there first and each switch below then says how it looks.
*/
#include "cdecl.h"

#include "cwrite.h"

static const char *const type_enum[M_KIND_COUNT] = {
    [M_BOOL] = "SLOTS_T_BOOL", [M_CHAR] = "SLOTS_T_CHAR",
    [M_INT8] = "SLOTS_T_INT8", [M_INT16] = "SLOTS_T_INT16",
    [M_INT32] = "SLOTS_T_INT32", [M_INT64] = "SLOTS_T_INT64",
    [M_UINT8] = "SLOTS_T_UINT8", [M_UINT16] = "SLOTS_T_UINT16",
    [M_UINT32] = "SLOTS_T_UINT32", [M_UINT64] = "SLOTS_T_UINT64",
    [M_FLOAT] = "SLOTS_T_FLOAT", [M_DOUBLE] = "SLOTS_T_DOUBLE",
    [M_STRING] = "SLOTS_T_STRING", [M_REF] = "SLOTS_T_REF", [M_WEAK] = "SLOTS_T_WEAKREF",
};

const char *cdecl_type_enum(m_kind k)
{
    return type_enum[k];
}

cdecl_access cdecl_access_of(const m_slot *s)
{
    switch (s->type.kind) {
    case M_STRING: return ACC_STRING;
    case M_REF:    return ACC_REF;
    case M_WEAK:   return ACC_WEAK;
    default:
        if (s->type.array_len == 0)
            return ACC_SCALAR;
        return s->type.kind == M_CHAR ? ACC_CHARS : ACC_ARRAY;
    }
}

/* The C spellings are pieces put side by side: these run for every slot
** of a run, where printf would interpret a format string each time. */
static void put2(buf *b, const char *first, const char *second)
{
    buf_puts(b, first);
    buf_puts(b, second);
}

static void put3(buf *b, const char *first, const char *second, const char *third)
{
    put2(b, first, second);
    buf_puts(b, third);
}

/* "[N]" of an array slot. */
static void put_array_len(buf *b, const m_slot *s)
{
    buf_putc(b, '[');
    buf_put_uint(b, s->type.array_len);
    buf_putc(b, ']');
}

void cdecl_cname(buf *b, const m_class *c)
{
    buf_puts(b, c->schema->module);
    buf_putc(b, '_');
    buf_puts(b, c->name);
}

char *cdecl_cname_of(const m_class *c)
{
    buf b = BUF_INIT;

    cdecl_cname(&b, c);
    return buf_steal(&b);
}

void cdecl_member(buf *b, const m_slot *s)
{
    switch (cdecl_access_of(s)) {
    case ACC_SCALAR: put3(b, m_kind_ctype(s->type.kind), " ", s->name); break;
    case ACC_CHARS:
    case ACC_ARRAY:
        put3(b, m_kind_ctype(s->type.kind), " ", s->name);
        put_array_len(b, s);
        break;
    case ACC_STRING: put2(b, "char *", s->name); break;
    case ACC_REF:
        cdecl_cname(b, s->type.ref);
        put2(b, " *", s->name);
        break;
    default: put2(b, "slots_weakref *", s->name); break;
    }
}

void cdecl_value(buf *b, const m_slot *s, const char *name)
{
    switch (cdecl_access_of(s)) {
    case ACC_SCALAR: put3(b, m_kind_ctype(s->type.kind), " ", name); break;
    case ACC_STRING:
    case ACC_CHARS: put2(b, "const char *", name); break;
    case ACC_ARRAY:
        put3(b, "const ", m_kind_ctype(s->type.kind), " ");
        buf_puts(b, name);
        put_array_len(b, s);
        break;
    default:
        cdecl_cname(b, s->type.ref);
        put2(b, " *", name);
        break;
    }
}

void cdecl_return_type(buf *b, const m_slot *s)
{
    switch (cdecl_access_of(s)) {
    case ACC_SCALAR: put2(b, m_kind_ctype(s->type.kind), " "); break;
    case ACC_STRING:
    case ACC_CHARS: buf_puts(b, "const char *"); break;
    case ACC_ARRAY: put3(b, "const ", m_kind_ctype(s->type.kind), " *"); break;
    default:
        cdecl_cname(b, s->type.ref);
        buf_puts(b, " *");
        break;
    }
}

void cdecl_size(buf *b, const m_slot *s)
{
    switch (cdecl_access_of(s)) {
    case ACC_SCALAR: put3(b, "sizeof(", m_kind_ctype(s->type.kind), ")"); break;
    case ACC_CHARS:
    case ACC_ARRAY:
        put3(b, "sizeof(", m_kind_ctype(s->type.kind), ") * ");
        buf_put_uint(b, s->type.array_len);
        break;
    case ACC_STRING: buf_puts(b, "sizeof(char *)"); break;
    case ACC_REF:
        buf_puts(b, "sizeof(");
        cdecl_cname(b, s->type.ref);
        buf_puts(b, " *)");
        break;
    default: buf_puts(b, "sizeof(slots_weakref *)"); break;
    }
}

void cdecl_path(buf *b, const m_class *c, const m_slot *s)
{
    const m_class *k;

    for (k = c; k && k != s->owner; k = k->base)
        buf_puts(b, "slots_super.");
    buf_puts(b, s->name);
}

char *cdecl_default_name(const m_class *c, const m_slot *s)
{
    buf b = BUF_INIT;

    cdecl_cname(&b, c);
    put3(&b, "_", s->name, "_default");
    return buf_steal(&b);
}

/* A string default is a `const char *const` because the descriptor's
** default_value points at the member's own representation (slots.h). */
void cdecl_default_decl(buf *b, const m_slot *s, const char *name)
{
    switch (cdecl_access_of(s)) {
    case ACC_STRING: buf_printf(b, "const char *const %s", name); break;
    case ACC_CHARS:
    case ACC_ARRAY:
        buf_printf(b, "const %s %s[%zu]", m_kind_ctype(s->type.kind), name, s->type.array_len);
        break;
    default: buf_printf(b, "const %s %s", m_kind_ctype(s->type.kind), name); break;
    }
}

void cdecl_default_init(buf *b, const m_slot *s, bool *needs_math)
{
    const m_value *v = &s->def;
    size_t i;

    switch (cdecl_access_of(s)) {
    case ACC_STRING:
    case ACC_CHARS:
        cwrite_string(b, v->s ? v->s : "");
        return;
    case ACC_ARRAY:
        if (v->kind != M_VLIST || v->nitems == 0) {
            buf_puts(b, "{ 0 }");
            return;
        }
        buf_puts(b, "{ ");
        for (i = 0; i < v->nitems; i++) {
            if (i > 0)
                buf_puts(b, ", ");
            cwrite_scalar(b, s->type.kind, &v->items[i], needs_math);
        }
        buf_puts(b, " }");
        return;
    default:
        cwrite_scalar(b, s->type.kind, v, needs_math);
        return;
    }
}
