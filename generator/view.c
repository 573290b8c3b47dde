/*
** view.c: the template data of one schema (see view.h).
**
** Every string a template prints is built here, so the templates stay a
** readable picture of the generated file and a --templates author never
** has to spell C types, escape literals or compute offsets.  The sections
** below follow the generated file: literals and comments, C spellings of
** slot types, defaults, accessors and constructor, descriptors, layout
** checks, name indexes, and finally the class and schema objects.
*/
#include "view.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <slots/slots.h>

#include "buf.h"
#include "mem.h"
#include "phash.h"
#include "slotgen.h"

/* Hash table rows in the generated source hold this many entries. */
#define HASH_ROW_WIDTH 16

/* ------------------------------------------------------------------ */
/* Literals and comments                                               */
/* ------------------------------------------------------------------ */

/* Append `s` as a C string literal.  Non-printable bytes become 3-digit
** octal escapes (a hex escape would swallow following hex digits), and a
** '?' right after another '?' is escaped ("?\?") so that no trigraph
** forms under -std=c99.  UTF-8 text is kept as it is, for readability. */
static void put_c_string(buf *b, const char *s)
{
    const unsigned char *p;

    buf_putc(b, '"');
    for (p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':  buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\r': buf_puts(b, "\\r"); break;
        case '?':  buf_puts(b, p > (const unsigned char *)s && p[-1] == '?' ? "\\?" : "?"); break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                buf_printf(b, "\\%03o", *p);
            else
                buf_putc(b, (char)*p);
        }
    }
    buf_putc(b, '"');
}

/* A data string holding the C literal of `s`, or NULL when s is NULL. */
static data *literal_or_null(const char *s)
{
    buf b = BUF_INIT;
    data *d;

    if (!s)
        return data_str("NULL");
    put_c_string(&b, s);
    d = data_str(buf_str(&b));
    buf_free(&b);
    return d;
}

/* Append `n` bytes of doc text so that they cannot end or nest the
** comment around them, nor form a trigraph: "*" "/" becomes "*\/",
** "/" "*" becomes "/\*" (-Wcomment) and "??" becomes "?\?". */
static void put_comment_text(buf *b, const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        buf_putc(b, s[i]);
        if (i + 1 < n && ((s[i] == '*' && s[i + 1] == '/') ||
                          (s[i] == '/' && s[i + 1] == '*') ||
                          (s[i] == '?' && s[i + 1] == '?')))
            buf_putc(b, '\\');
    }
}

/* The lines of a doc, trailing blanks of each line and trailing empty
** lines removed; returns the number of lines kept and fills *starts and
** *lens (caller frees both). */
static size_t doc_split(const char *doc, const char ***starts, size_t **lens)
{
    size_t n = 0, cap = 0, kept = 0;
    const char *p = doc;

    *starts = NULL;
    *lens = NULL;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        size_t trimmed = len;
        void *grow;

        while (trimmed > 0 && (p[trimmed - 1] == ' ' || p[trimmed - 1] == '\t' ||
                               p[trimmed - 1] == '\r'))
            trimmed--;
        grow = (void *)*starts;
        xgrow(&grow, &cap, n + 1, sizeof **starts);
        *starts = grow;
        *lens = xrealloc(*lens, cap * sizeof **lens);
        (*starts)[n] = p;
        (*lens)[n] = trimmed;
        n++;
        if (trimmed > 0)
            kept = n;
        p += len + (end ? 1 : 0);
    }
    return kept;
}

/* A doc as the lines of a block comment ("/" "** text *" "/" for one line,
** a starred block for more); an empty list when there is no doc. */
static data *doc_lines(const char *doc)
{
    data *list = data_list();
    const char **starts;
    size_t *lens, n, i;
    buf b = BUF_INIT;

    if (!doc)
        return list;
    n = doc_split(doc, &starts, &lens);
    if (n == 1) {
        buf_puts(&b, "/** ");
        put_comment_text(&b, starts[0], lens[0]);
        buf_puts(&b, " */");
        data_push(list, data_str(buf_str(&b)));
    } else if (n > 1) {
        data_push(list, data_str("/**"));
        for (i = 0; i < n; i++) {
            buf_clear(&b);
            buf_puts(&b, lens[i] ? " * " : " *");
            put_comment_text(&b, starts[i], lens[i]);
            data_push(list, data_str(buf_str(&b)));
        }
        data_push(list, data_str(" */"));
    }
    buf_free(&b);
    free(starts);
    free(lens);
    return list;
}

/* A one-line doc as a trailing member comment (" /" "**< text *" "/"),
** or NULL when the doc is absent or spans several lines. */
static data *doc_trailing(const char *doc)
{
    const char **starts;
    size_t *lens, n;
    data *d = NULL;
    buf b = BUF_INIT;

    if (!doc)
        return NULL;
    n = doc_split(doc, &starts, &lens);
    if (n == 1) {
        buf_puts(&b, " /**< ");
        put_comment_text(&b, starts[0], lens[0]);
        buf_puts(&b, " */");
        d = data_str(buf_str(&b));
    }
    buf_free(&b);
    free(starts);
    free(lens);
    return d;
}

/* Set doc_lines (a block above the declaration) and, for a one-line doc,
** doc_trailing instead, as a member's comments. */
static void set_member_doc(data *map, const char *doc)
{
    data *trailing = doc_trailing(doc);

    if (trailing) {
        data_set(map, "doc_lines", data_list());
        data_set(map, "doc_trailing", trailing);
    } else {
        data_set(map, "doc_lines", doc_lines(doc));
    }
}

/* ------------------------------------------------------------------ */
/* C spellings of slot types                                           */
/* ------------------------------------------------------------------ */

static const char *const scalar_ctype[M_KIND_COUNT] = {
    [M_BOOL] = "bool", [M_CHAR] = "char",
    [M_INT8] = "int8_t", [M_INT16] = "int16_t", [M_INT32] = "int32_t", [M_INT64] = "int64_t",
    [M_UINT8] = "uint8_t", [M_UINT16] = "uint16_t", [M_UINT32] = "uint32_t", [M_UINT64] = "uint64_t",
    [M_FLOAT] = "float", [M_DOUBLE] = "double",
};

static const char *const type_enum[M_KIND_COUNT] = {
    [M_BOOL] = "SLOTS_T_BOOL", [M_CHAR] = "SLOTS_T_CHAR",
    [M_INT8] = "SLOTS_T_INT8", [M_INT16] = "SLOTS_T_INT16",
    [M_INT32] = "SLOTS_T_INT32", [M_INT64] = "SLOTS_T_INT64",
    [M_UINT8] = "SLOTS_T_UINT8", [M_UINT16] = "SLOTS_T_UINT16",
    [M_UINT32] = "SLOTS_T_UINT32", [M_UINT64] = "SLOTS_T_UINT64",
    [M_FLOAT] = "SLOTS_T_FLOAT", [M_DOUBLE] = "SLOTS_T_DOUBLE",
    [M_STRING] = "SLOTS_T_STRING", [M_REF] = "SLOTS_T_REF", [M_WEAK] = "SLOTS_T_WEAKREF",
};

/* How a slot is read, written and released: each access kind has its own
** getter, setter and constructor code in the templates. */
typedef enum access {
    ACC_SCALAR,     /* T x: plain assignment */
    ACC_STRING,     /* char *x: copied in, freed with the object */
    ACC_CHARS,      /* char x[N]: a bounded copy of a C string */
    ACC_ARRAY,      /* T x[N]: copied element for element */
    ACC_REF,        /* M_T *x: strong, counted */
    ACC_WEAK,       /* slots_weakref *x: reads NULL once the target died */
    ACC_COUNT
} access;

/* The template flag naming each access kind. */
static const char *const access_flag[ACC_COUNT] = {
    [ACC_SCALAR] = "is_scalar", [ACC_STRING] = "is_string", [ACC_CHARS] = "is_chars",
    [ACC_ARRAY] = "is_array", [ACC_REF] = "is_ref", [ACC_WEAK] = "is_weak",
};

static access slot_access(const m_slot *s)
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

/* "module_Name": the C name of a class, for any schema of the program. */
static void put_cname(buf *b, const m_class *c)
{
    buf_printf(b, "%s_%s", c->schema->module, c->name);
}

static char *cname_of(const m_class *c)
{
    buf b = BUF_INIT;

    put_cname(&b, c);
    return buf_steal(&b);
}

/* The declaration of the struct member holding `s`: "int32_t x",
** "char currency[4]", "geo_Node *next", "slots_weakref *parent". */
static void put_member_decl(buf *b, const m_slot *s)
{
    switch (slot_access(s)) {
    case ACC_SCALAR: buf_printf(b, "%s %s", scalar_ctype[s->type.kind], s->name); break;
    case ACC_CHARS:
    case ACC_ARRAY:
        buf_printf(b, "%s %s[%zu]", scalar_ctype[s->type.kind], s->name, s->type.array_len);
        break;
    case ACC_STRING: buf_printf(b, "char *%s", s->name); break;
    case ACC_REF:
        put_cname(b, s->type.ref);
        buf_printf(b, " *%s", s->name);
        break;
    default: buf_printf(b, "slots_weakref *%s", s->name); break;
    }
}

/* A parameter `name` taking a value for `s`, as setters and constructors
** declare it: "int32_t x", "const char *name", "const int32_t v[3]". */
static void put_value_decl(buf *b, const m_slot *s, const char *name)
{
    switch (slot_access(s)) {
    case ACC_SCALAR: buf_printf(b, "%s %s", scalar_ctype[s->type.kind], name); break;
    case ACC_STRING:
    case ACC_CHARS: buf_printf(b, "const char *%s", name); break;
    case ACC_ARRAY:
        buf_printf(b, "const %s %s[%zu]", scalar_ctype[s->type.kind], name, s->type.array_len);
        break;
    default:
        put_cname(b, s->type.ref);
        buf_printf(b, " *%s", name);
        break;
    }
}

/* The type a getter returns, followed by the space a declaration needs
** ("int32_t ", "const char *"). */
static void put_return_type(buf *b, const m_slot *s)
{
    switch (slot_access(s)) {
    case ACC_SCALAR: buf_printf(b, "%s ", scalar_ctype[s->type.kind]); break;
    case ACC_STRING:
    case ACC_CHARS: buf_puts(b, "const char *"); break;
    case ACC_ARRAY: buf_printf(b, "const %s *", scalar_ctype[s->type.kind]); break;
    default:
        put_cname(b, s->type.ref);
        buf_puts(b, " *");
        break;
    }
}

/* sizeof of the member holding `s`, as an expression of its type. */
static void put_size_expr(buf *b, const m_slot *s)
{
    switch (slot_access(s)) {
    case ACC_SCALAR: buf_printf(b, "sizeof(%s)", scalar_ctype[s->type.kind]); break;
    case ACC_CHARS:
    case ACC_ARRAY:
        buf_printf(b, "sizeof(%s) * %zu", scalar_ctype[s->type.kind], s->type.array_len);
        break;
    case ACC_STRING: buf_puts(b, "sizeof(char *)"); break;
    case ACC_REF:
        buf_puts(b, "sizeof(");
        put_cname(b, s->type.ref);
        buf_puts(b, " *)");
        break;
    default: buf_puts(b, "sizeof(slots_weakref *)"); break;
    }
}

/* The member path from an instance of `c` to slot `s` (declared by `c`
** or an ancestor): "x", "slots_super.x", "slots_super.slots_super.x". */
static void put_member_path(buf *b, const m_class *c, const m_slot *s)
{
    const m_class *k;

    for (k = c; k && k != s->owner; k = k->base)
        buf_puts(b, "slots_super.");
    buf_puts(b, s->name);
}

static bool class_frozen(const m_class *c)
{
    for (; c; c = c->base)
        if (c->frozen)
            return true;
    return false;
}

/* Whether instances of `c` may set `s` after construction. */
static bool slot_writable(const m_class *c, const m_slot *s)
{
    return !s->readonly && !class_frozen(c);
}

/* Whether the runtime must release the slot when the object dies. */
static bool slot_released(const m_slot *s)
{
    access a = slot_access(s);
    return a == ACC_STRING || a == ACC_REF || a == ACC_WEAK;
}

/* ------------------------------------------------------------------ */
/* Defaults                                                            */
/* ------------------------------------------------------------------ */

static int64_t value_int(const m_value *v)
{
    return v->kind == M_VUINT ? (int64_t)v->u : v->i;
}

static uint64_t value_uint(const m_value *v)
{
    return v->kind == M_VINT ? (uint64_t)v->i : v->u;
}

static double value_double(const m_value *v)
{
    if (v->kind == M_VINT)
        return (double)v->i;
    if (v->kind == M_VUINT)
        return (double)v->u;
    return v->d;
}

/* The shortest decimal spelling of `x` that reads back exactly, always
** with a '.' or an exponent so that it stays a floating literal. */
static void put_double(buf *b, double x, bool as_float)
{
    char text[64];
    int digits;

    for (digits = as_float ? 6 : 15; digits <= 17; digits++) {
        snprintf(text, sizeof text, "%.*g", digits, x);
        if (as_float ? strtof(text, NULL) == (float)x : strtod(text, NULL) == x)
            break;
    }
    buf_puts(b, text);
    if (!strpbrk(text, ".e"))
        buf_puts(b, ".0");
    if (as_float)
        buf_putc(b, 'f');
}

/* A char constant for the character code `code`. */
static void put_char_literal(buf *b, int64_t code)
{
    unsigned char c = (unsigned char)code;

    if (c == '\'' || c == '\\')
        buf_printf(b, "'\\%c'", c);
    else if (c >= 0x20 && c < 0x7f)
        buf_printf(b, "'%c'", c);
    else
        buf_printf(b, "'\\%03o'", c);
}

/* The constant of scalar kind `k` holding `v`.  Sets *needs_math when it
** spells INFINITY or NAN (<math.h>). */
static void put_scalar_literal(buf *b, m_kind k, const m_value *v, bool *needs_math)
{
    static const char *const int_min[M_KIND_COUNT] = {
        [M_INT8] = "INT8_MIN", [M_INT16] = "INT16_MIN",
        [M_INT32] = "INT32_MIN", [M_INT64] = "INT64_MIN",
    };
    static const int64_t int_min_value[M_KIND_COUNT] = {
        [M_INT8] = INT8_MIN, [M_INT16] = INT16_MIN,
        [M_INT32] = INT32_MIN, [M_INT64] = INT64_MIN,
    };
    double x;

    switch (k) {
    case M_BOOL: buf_puts(b, v->b ? "true" : "false"); return;
    case M_CHAR: put_char_literal(b, value_int(v)); return;
    case M_INT8: case M_INT16: case M_INT32: case M_INT64:
        /* The negated maximum is not a literal: -2147483648 is -(2147483648). */
        if (value_int(v) == int_min_value[k])
            buf_puts(b, int_min[k]);
        else
            buf_printf(b, "%" PRId64, value_int(v));
        return;
    case M_UINT8: case M_UINT16: case M_UINT32: case M_UINT64:
        buf_printf(b, "%" PRIu64 "u", value_uint(v));
        return;
    default:
        x = value_double(v);
        if (isnan(x)) {
            buf_puts(b, "NAN");
            *needs_math = true;
        } else if (isinf(x)) {
            buf_puts(b, x < 0 ? "-INFINITY" : "INFINITY");
            *needs_math = true;
        } else {
            put_double(b, x, k == M_FLOAT);
        }
        return;
    }
}

/* The initialiser of the default object of `s` ("0", "\"USD\"", "{ 1, 2 }"). */
static void put_default_init(buf *b, const m_slot *s, bool *needs_math)
{
    const m_value *v = &s->def;
    size_t i;

    switch (slot_access(s)) {
    case ACC_STRING:
    case ACC_CHARS:
        put_c_string(b, v->s ? v->s : "");
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
            put_scalar_literal(b, s->type.kind, &v->items[i], needs_math);
        }
        buf_puts(b, " }");
        return;
    default:
        put_scalar_literal(b, s->type.kind, v, needs_math);
        return;
    }
}

/* The default as the schema wrote it, for default_text. */
static void put_default_text(buf *b, const m_value *v)
{
    size_t i;

    if (v->text) {
        buf_puts(b, v->text);
        return;
    }
    if (v->kind == M_VSTR) {
        buf_puts(b, v->s ? v->s : "");
        return;
    }
    buf_putc(b, '[');
    for (i = 0; i < v->nitems; i++) {
        if (i > 0)
            buf_puts(b, ", ");
        put_default_text(b, &v->items[i]);
    }
    buf_putc(b, ']');
}

/* "geo_Point3D_z_default": the static object holding the default of `s`
** in the source of class `c` (each class keeps its own copy, so that a
** subclass in another schema needs nothing static from its base's file). */
static char *default_name(const m_class *c, const m_slot *s)
{
    buf b = BUF_INIT;

    put_cname(&b, c);
    buf_printf(&b, "_%s_default", s->name);
    return buf_steal(&b);
}

/* {decl, init}: `static {{decl}} = {{init}};` defines the default. */
static data *default_view(const m_class *c, const m_slot *s, bool *needs_math)
{
    data *d = data_map();
    char *name = default_name(c, s);
    buf b = BUF_INIT;

    switch (slot_access(s)) {
    case ACC_STRING: buf_printf(&b, "const char *const %s", name); break;
    case ACC_CHARS:
    case ACC_ARRAY:
        buf_printf(&b, "const %s %s[%zu]", scalar_ctype[s->type.kind], name, s->type.array_len);
        break;
    default: buf_printf(&b, "const %s %s", scalar_ctype[s->type.kind], name); break;
    }
    data_set(d, "decl", data_str(buf_str(&b)));
    buf_clear(&b);
    put_default_init(&b, s, needs_math);
    data_set(d, "init", data_str(buf_str(&b)));
    buf_free(&b);
    free(name);
    return d;
}

/* ------------------------------------------------------------------ */
/* Accessors and constructor                                           */
/* ------------------------------------------------------------------ */

static void set_access_flags(data *d, access a)
{
    int i;

    for (i = 0; i < ACC_COUNT; i++)
        data_set(d, access_flag[i], data_bool(a == (access)i));
}

/* The getter and setter of slot `s` as class `c` exposes them:
** getter_decl, has_setter, setter_decl, setter_inline (scalars and strong
** references; the others are defined in the source), path, ref_type, the
** is_* access flags, inherited and from (the declaring class). */
static data *accessor_view(const m_class *c, const m_slot *s)
{
    data *d = data_map();
    access a = slot_access(s);
    buf b = BUF_INIT;

    data_set(d, "name", data_str(s->name));
    put_return_type(&b, s);
    put_cname(&b, c);
    buf_printf(&b, "_get_%s(const ", s->name);
    put_cname(&b, c);
    buf_puts(&b, " *self)");
    data_set(d, "getter_decl", data_str(buf_str(&b)));

    data_set(d, "has_setter", data_bool(slot_writable(c, s)));
    buf_clear(&b);
    buf_puts(&b, a == ACC_STRING || a == ACC_CHARS || a == ACC_WEAK ? "int " : "void ");
    put_cname(&b, c);
    buf_printf(&b, "_set_%s(", s->name);
    put_cname(&b, c);
    buf_puts(&b, " *self, ");
    put_value_decl(&b, s, "value");
    buf_putc(&b, ')');
    data_set(d, "setter_decl", data_str(buf_str(&b)));
    data_set(d, "setter_inline", data_bool(a == ACC_SCALAR || a == ACC_REF));

    buf_clear(&b);
    put_member_path(&b, c, s);
    data_set(d, "path", data_str(buf_str(&b)));
    if (s->type.ref)
        data_set(d, "ref_type", data_strf("%s_%s", s->type.ref->schema->module, s->type.ref->name));
    set_access_flags(d, a);
    data_set(d, "inherited", data_bool(s->owner != c));
    data_set(d, "from", data_strf("%s_%s", s->owner->schema->module, s->owner->name));
    buf_free(&b);
    return d;
}

/* The constructor's parameters: {decl, last} per slot without a default,
** inherited first, in layout order. */
static data *ctor_params(const m_class *c)
{
    data *list = data_list();
    size_t i, n = 0, seen = 0;
    buf b = BUF_INIT;

    for (i = 0; i < c->nall; i++)
        n += !c->all[i]->has_default;
    for (i = 0; i < c->nall; i++) {
        const m_slot *s = c->all[i];
        data *p;
        if (s->has_default)
            continue;
        p = data_map();
        buf_clear(&b);
        put_value_decl(&b, s, s->name);
        data_set(p, "decl", data_str(buf_str(&b)));
        data_set(p, "name", data_str(s->name));
        data_set(p, "last", data_bool(++seen == n));
        data_push(list, p);
    }
    buf_free(&b);
    return list;
}

/* The statement a constructor stores a slot with. */
typedef enum store {
    STORE_ASSIGN,       /* self->x = v; */
    STORE_COPY,         /* memcpy of an array, or of a char[N] default */
    STORE_SET_CHARS,    /* slots_set_chars: a char[N] parameter may not fit */
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
    switch (slot_access(s)) {
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

/* How the constructor stores each slot: {path, value, ref_type, and one
** store flag}, where value is the parameter or the default object.  Sets
** *can_fail when some store can fail: the constructor then needs its
** clean-up path. */
static data *ctor_inits(const m_class *c, bool *can_fail)
{
    data *list = data_list();
    size_t i, k;
    buf b = BUF_INIT;

    *can_fail = false;
    for (i = 0; i < c->nall; i++) {
        const m_slot *s = c->all[i];
        data *d = data_map();
        store st = store_of(s);

        buf_clear(&b);
        put_member_path(&b, c, s);
        data_set(d, "path", data_str(buf_str(&b)));
        if (s->has_default)
            data_set(d, "value", data_strf("%s_%s_%s_default", c->schema->module, c->name, s->name));
        else
            data_set(d, "value", data_str(s->name));
        if (s->type.ref)
            data_set(d, "ref_type", data_strf("%s_%s", s->type.ref->schema->module, s->type.ref->name));
        for (k = 0; k < STORE_COUNT; k++)
            data_set(d, store_flag[k], data_bool(k == (size_t)st));
        *can_fail = *can_fail || store_can_fail(st);
        data_push(list, d);
    }
    buf_free(&b);
    return list;
}

/* ------------------------------------------------------------------ */
/* Descriptors                                                         */
/* ------------------------------------------------------------------ */

/* One row of the slots_slot table of `c`: every field's initialiser. */
static data *slot_row(const m_class *c, const m_slot *s)
{
    data *d = data_map();
    access a = slot_access(s);
    buf b = BUF_INIT;
    char *owner = cname_of(s->owner);
    char *defname = default_name(c, s);

    data_set(d, "name", data_str(s->name));
    data_set(d, "name_literal", literal_or_null(s->name));
    data_set(d, "doc_literal", literal_or_null(s->doc));
    data_set(d, "type", data_str(type_enum[s->type.kind]));
    data_set(d, "offset", data_strf("offsetof(%s, %s)", owner, s->name));
    put_size_expr(&b, s);
    data_set(d, "size", data_str(buf_str(&b)));
    data_set(d, "length", data_strf("%zu", s->type.array_len));
    if (!slot_writable(c, s) && s->type.array_len)
        data_set(d, "flags", data_str("SLOTS_SLOT_READONLY | SLOTS_SLOT_ARRAY"));
    else if (!slot_writable(c, s))
        data_set(d, "flags", data_str("SLOTS_SLOT_READONLY"));
    else if (s->type.array_len)
        data_set(d, "flags", data_str("SLOTS_SLOT_ARRAY"));
    else
        data_set(d, "flags", data_str("0"));
    if (s->type.ref)
        data_set(d, "ref_class", data_strf("&%s_%s_class", s->type.ref->schema->module, s->type.ref->name));
    else
        data_set(d, "ref_class", data_str("NULL"));
    if (!s->has_default)
        data_set(d, "default_value", data_str("NULL"));
    else if (a == ACC_CHARS || a == ACC_ARRAY)
        data_set(d, "default_value", data_str(defname));
    else
        data_set(d, "default_value", data_strf("&%s", defname));
    buf_clear(&b);
    if (s->has_default) {
        buf b2 = BUF_INIT;
        put_default_text(&b2, &s->def);
        put_c_string(&b, buf_str(&b2));
        buf_free(&b2);
    } else {
        buf_puts(&b, "NULL");
    }
    data_set(d, "default_text", data_str(buf_str(&b)));
    data_set(d, "owner", data_strf("&%s_class", owner));
    buf_free(&b);
    free(owner);
    free(defname);
    return d;
}

/* Rows of at most HASH_ROW_WIDTH comma-terminated numbers. */
static data *number_rows(const uint16_t *v, size_t n)
{
    data *rows = data_list();
    buf b = BUF_INIT;
    size_t i;

    for (i = 0; i < n; i++) {
        buf_printf(&b, "%s%u,", i % HASH_ROW_WIDTH ? " " : "", (unsigned)v[i]);
        if ((i + 1) % HASH_ROW_WIDTH == 0 || i + 1 == n) {
            data_push(rows, data_str(buf_str(&b)));
            buf_clear(&b);
        }
    }
    buf_free(&b);
    return rows;
}

/* {seed, mask, size, rows}: the name index over `names` (phash.h). */
static data *hash_view(const char *const *names, size_t n)
{
    data *d = data_map();
    phash ix;

    phash_build(names, n, &ix);
    data_set(d, "seed", data_strf("%" PRIu32 "u", ix.seed));
    data_set(d, "mask", data_strf("%" PRIu32 "u", ix.mask));
    data_set(d, "size", data_strf("%" PRIu32, ix.mask + 1));
    data_set(d, "rows", number_rows(ix.table, (size_t)ix.mask + 1));
    phash_free(&ix);
    return d;
}

/* The indexes in c->all of the slots the runtime releases. */
static data *release_view(const m_class *c)
{
    uint16_t *idx = xcalloc(c->nall + 1, sizeof *idx);
    size_t i, n = 0;
    data *d = data_map();

    for (i = 0; i < c->nall; i++)
        if (slot_released(c->all[i]))
            idx[n++] = (uint16_t)i;
    data_set(d, "count", data_strf("%zu", n));
    data_set(d, "rows", number_rows(idx, n));
    data_set(d, "any", data_bool(n > 0));
    free(idx);
    return d;
}

/* "offsetof(M_D, member)" in the ancestor D of `c` that declares the
** weakref (want_dict false) or dict member, or "0" when none does. */
static data *hidden_offset(const m_class *c, bool want_dict)
{
    const m_class *k;

    for (k = c; k; k = k->base)
        if (want_dict ? k->dict : k->weakref)
            return data_strf("offsetof(%s_%s, %s)", k->schema->module, k->name,
                             want_dict ? "slots_attrs" : "slots_weaklist");
    return data_str("0");
}

static data *class_flags(const m_class *c)
{
    buf b = BUF_INIT;
    data *d;

    if (c->has_weakref)
        buf_puts(&b, "SLOTS_CLASS_WEAKREF");
    if (c->has_dict)
        buf_printf(&b, "%sSLOTS_CLASS_DICT", b.len ? " | " : "");
    if (class_frozen(c))
        buf_printf(&b, "%sSLOTS_CLASS_FROZEN", b.len ? " | " : "");
    d = data_str(b.len ? buf_str(&b) : "0");
    buf_free(&b);
    return d;
}

/* ------------------------------------------------------------------ */
/* Layout checks                                                       */
/* ------------------------------------------------------------------ */

static data *layout_check(const char *member, const char *expr, size_t value)
{
    data *d = data_map();

    data_set(d, "member", data_str(member));
    data_set(d, "expr", data_str(expr));
    data_set(d, "value", data_strf("%zu", value));
    return d;
}

/* {member, expr, value}: the figures of `slotgen layout` for the members
** `c` declares (inherited ones are checked in their own class). */
static data *layout_checks(const m_class *c)
{
    data *list = data_list();
    char *cname = cname_of(c);
    buf b = BUF_INIT;
    size_t i;

    buf_printf(&b, "sizeof(%s)", cname);
    data_push(list, layout_check("slots_size", buf_str(&b), c->size));
    if (c->weakref) {
        buf_clear(&b);
        buf_printf(&b, "offsetof(%s, slots_weaklist)", cname);
        data_push(list, layout_check("slots_weaklist", buf_str(&b), c->weaklist_offset));
    }
    if (c->dict) {
        buf_clear(&b);
        buf_printf(&b, "offsetof(%s, slots_attrs)", cname);
        data_push(list, layout_check("slots_attrs", buf_str(&b), c->dict_offset));
    }
    for (i = 0; i < c->nown; i++) {
        buf_clear(&b);
        buf_printf(&b, "offsetof(%s, %s)", cname, c->own[i]->name);
        data_push(list, layout_check(c->own[i]->name, buf_str(&b), c->own[i]->offset));
    }
    buf_free(&b);
    free(cname);
    return list;
}

/* The preprocessor condition under which the layout figures hold: the
** architecture and pointer size this generator was built for, which are
** the ones layout.c measured.  Other ABIs skip the checks. */
static const char *abi_arch(void)
{
#if defined(__x86_64__)
    return "__x86_64__";
#elif defined(__aarch64__)
    return "__aarch64__";
#elif defined(__i386__)
    return "__i386__";
#elif defined(__arm__)
    return "__arm__";
#elif defined(__riscv)
    return "__riscv";
#elif defined(__powerpc64__)
    return "__powerpc64__";
#elif defined(__s390x__)
    return "__s390x__";
#else
    return NULL;
#endif
}

static void set_abi(data *d)
{
    const char *arch = abi_arch();

    if (arch) {
        data_set(d, "abi_condition",
                 data_strf("defined(%s) && defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == %zu",
                           arch, sizeof(void *)));
        data_set(d, "abi_name", data_strf("%s, %zu-byte pointers", arch, sizeof(void *)));
    } else {
        data_set(d, "abi_condition", data_str("0"));
        data_set(d, "abi_name", data_str("an unknown architecture"));
    }
}

/* ------------------------------------------------------------------ */
/* Classes and the schema                                              */
/* ------------------------------------------------------------------ */

static data *member_view(const m_slot *s)
{
    data *d = data_map();
    buf b = BUF_INIT;

    put_member_decl(&b, s);
    data_set(d, "decl", data_str(buf_str(&b)));
    set_member_doc(d, s->doc);
    buf_free(&b);
    return d;
}

/* Everything the templates say about class `c`. */
static data *class_view(const m_class *c, bool *needs_math)
{
    data *d = data_map();
    data *members = data_list(), *accessors = data_list();
    data *inherited_accessors = data_list(), *all_accessors = data_list();
    data *defaults = data_list(), *rows = data_list();
    const char **names = xcalloc(c->nall + 1, sizeof *names);
    char *cname = cname_of(c);
    bool can_fail;
    size_t i;

    data_set(d, "name", data_str(c->name));
    data_set(d, "cname", data_str(cname));
    data_set(d, "name_literal", literal_or_null(c->name));
    data_set(d, "doc_lines", doc_lines(c->doc));
    data_set(d, "doc_literal", literal_or_null(c->doc));
    data_set(d, "root", data_bool(c->base == NULL));
    if (c->base) {
        data_set(d, "base_cname", data_strf("%s_%s", c->base->schema->module, c->base->name));
        data_set(d, "base_ptr", data_strf("&%s_%s_class", c->base->schema->module, c->base->name));
    } else {
        data_set(d, "base_ptr", data_str("NULL"));
    }
    data_set(d, "weakref", data_bool(c->weakref));
    data_set(d, "dict", data_bool(c->dict));
    data_set(d, "frozen", data_bool(class_frozen(c)));

    for (i = 0; i < c->nown; i++)
        data_push(members, member_view(c->own[i]));
    data_set(d, "members", members);
    for (i = 0; i < c->nall; i++) {
        bool inherited = c->all[i]->owner != c;
        data_push(inherited ? inherited_accessors : accessors, accessor_view(c, c->all[i]));
        data_push(all_accessors, accessor_view(c, c->all[i]));
        if (c->all[i]->has_default)
            data_push(defaults, default_view(c, c->all[i], needs_math));
        data_push(rows, slot_row(c, c->all[i]));
        names[i] = c->all[i]->name;
    }
    data_set(d, "own_accessors", accessors);
    data_set(d, "has_inherited", data_bool(data_count(inherited_accessors) > 0));
    data_set(d, "inherited_accessors", inherited_accessors);
    data_set(d, "accessors", all_accessors);
    data_set(d, "params", ctor_params(c));
    data_set(d, "inits", ctor_inits(c, &can_fail));
    data_set(d, "ctor_can_fail", data_bool(can_fail));
    data_set(d, "defaults", defaults);

    data_set(d, "nslots", data_strf("%zu", c->nall));
    data_set(d, "has_slots", data_bool(c->nall > 0));
    data_set(d, "slot_rows", rows);
    data_set(d, "release", release_view(c));
    data_set(d, "index", hash_view(names, c->nall));
    data_set(d, "flags", class_flags(c));
    data_set(d, "weaklist_offset", hidden_offset(c, false));
    data_set(d, "dict_offset", hidden_offset(c, true));
    data_set(d, "layout", layout_checks(c));
    free(names);
    free(cname);
    return d;
}

/* Append `c` to order[] after its bases that `s` declares (a base struct
** must be complete before it is embedded); done[] marks classes placed. */
static void order_class(const m_schema *s, const m_class *c, const m_class **order,
                        size_t *n, bool *done)
{
    size_t i;

    for (i = 0; i < s->nclasses && s->classes[i] != c; i++)
        continue;
    if (i == s->nclasses || done[i])
        return;
    done[i] = true;     /* before recursing: the checker ruled out cycles */
    if (c->base)
        order_class(s, c->base, order, n, done);
    order[(*n)++] = c;
}

static data *classes_view(const m_schema *s, bool *needs_math)
{
    const m_class **order = xcalloc(s->nclasses + 1, sizeof *order);
    bool *done = xcalloc(s->nclasses + 1, sizeof *done);
    data *list = data_list();
    size_t i, n = 0;

    for (i = 0; i < s->nclasses; i++)
        order_class(s, s->classes[i], order, &n, done);
    for (i = 0; i < n; i++)
        data_push(list, class_view(order[i], needs_math));
    free(order);
    free(done);
    return list;
}

/* The module's class table (declared order) and its name index. */
static void set_module_index(data *d, const m_schema *s)
{
    const char **names = xcalloc(s->nclasses + 1, sizeof *names);
    data *table = data_list();
    size_t i;

    for (i = 0; i < s->nclasses; i++) {
        names[i] = s->classes[i]->name;
        data_push(table, data_strf("&%s_%s_class,", s->module, s->classes[i]->name));
    }
    data_set(d, "class_table", table);
    data_set(d, "has_classes", data_bool(s->nclasses > 0));
    data_set(d, "nclasses", data_strf("%zu", s->nclasses));
    data_set(d, "class_index", hash_view(names, s->nclasses));
    free(names);
}

static data *includes_view(const m_schema *s)
{
    data *list = data_list();
    size_t i;

    for (i = 0; i < s->nimports; i++) {
        data *inc = data_map();
        data_set(inc, "header", data_strf("%s.slots.h", s->imports[i]->name));
        data_push(list, inc);
    }
    return list;
}

static void put_upper_ident(buf *b, const char *p)
{
    for (; *p; p++) {
        char c = *p;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            c = '_';
        buf_putc(b, c);
    }
}

/* "SLOTGEN_GEO_GEOMETRY_SLOTS_H" for geometry.slots.h of module geo.  The
** module is part of it because two schemas may share a file name (in
** different folders) but never a module, and both headers can meet in
** one translation unit. */
static data *guard_view(const m_schema *s)
{
    buf b = BUF_INIT;
    data *d;

    buf_puts(&b, "SLOTGEN_");
    put_upper_ident(&b, s->module);
    buf_putc(&b, '_');
    put_upper_ident(&b, s->name);
    buf_puts(&b, "_SLOTS_H");
    d = data_str(buf_str(&b));
    buf_free(&b);
    return d;
}

data *view_schema(const m_schema *s)
{
    data *d = data_map();
    const char *slash = strrchr(s->path, '/');
    bool needs_math = false;

    data_set(d, "slotgen_version", data_str(SLOTGEN_VERSION));
    data_set(d, "abi_version", data_strf("%d", SLOTS_ABI_VERSION));
    data_set(d, "schema_file", data_str(slash ? slash + 1 : s->path));
    data_set(d, "header_file", data_strf("%s.slots.h", s->name));
    data_set(d, "source_file", data_strf("%s.slots.c", s->name));
    data_set(d, "guard", guard_view(s));
    data_set(d, "module", data_str(s->module));
    data_set(d, "module_literal", literal_or_null(s->module));
    data_set(d, "doc_lines", doc_lines(s->doc));
    data_set(d, "doc_literal", literal_or_null(s->doc));
    data_set(d, "includes", includes_view(s));
    set_abi(d);
    data_set(d, "classes", classes_view(s, &needs_math));
    set_module_index(d, s);
    data_set(d, "needs_math", data_bool(needs_math));
    return d;
}
