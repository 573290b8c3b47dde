/*
** view.c: the template data of one schema (see view.h).
**
** Every string a template prints is built by the view, so the templates
** stay a readable picture of the generated file and a --templates author
** never has to spell C types, escape literals or compute offsets.  This
** file maps the model onto that data: docs, the descriptor tables, the
** layout checks and the class and schema objects.  The spellings it needs
** come from cwrite.h (literals, comments) and cdecl.h (slot types); the
** data of the generated functions from viewcode.h; the name indexes from
** phash.h.  Lists and maps are made with room for what they will hold
** (data.h): a map for the keys its function sets, so a stale count only
** costs a little room or one regrowth.  A string taken whole from the
** model or from a literal ("NULL", a slot's name) is made with
** data_str_shared, so that its uses share one node: the view of 10,000
** classes is held in memory whole while both files are rendered.
*/
#include "view.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <slots/slots.h>

#include "buf.h"
#include "cdecl.h"
#include "cwrite.h"
#include "mem.h"
#include "phash.h"
#include "slotgen.h"
#include "strmap.h"
#include "viewcode.h"

/* Hash table rows in the generated source hold this many entries. */
#define HASH_ROW_WIDTH 16

/* ------------------------------------------------------------------ */
/* Literals and docs                                                   */
/* ------------------------------------------------------------------ */

/* A data string holding the C literal of `s`, or NULL when s is NULL. */
static data *literal_or_null(data_doc *doc, const char *s)
{
    buf b = BUF_INIT;
    data *d;

    if (!s)
        return data_str_shared(doc, "NULL");
    cwrite_string(&b, s);
    d = data_strn(doc, buf_str(&b), b.len);
    buf_free(&b);
    return d;
}

/* A doc comment as the lines of a block comment ("/" "** text *" "/" for
** one line, a starred block for more); an empty list when there is none. */
static data *doc_lines(data_doc *doc, const char *comment)
{
    const char **starts;
    size_t *lens, n, i;
    buf b = BUF_INIT;
    data *list;

    if (!comment)
        return data_list(doc, 0);
    n = cwrite_doc_split(comment, &starts, &lens);
    list = data_list(doc, n == 1 ? 1 : n + 2);
    if (n == 1) {
        buf_puts(&b, "/** ");
        cwrite_comment_text(&b, starts[0], lens[0]);
        buf_puts(&b, " */");
        data_push(list, data_strn(doc, buf_str(&b), b.len));
    } else if (n > 1) {
        data_push(list, data_str_shared(doc, "/**"));
        for (i = 0; i < n; i++) {
            buf_clear(&b);
            buf_puts(&b, lens[i] ? " * " : " *");
            cwrite_comment_text(&b, starts[i], lens[i]);
            data_push(list, data_strn(doc, buf_str(&b), b.len));
        }
        data_push(list, data_str_shared(doc, " */"));
    }
    buf_free(&b);
    free(starts);
    free(lens);
    return list;
}

/* A one-line doc comment as a trailing member comment (" /" "**< text *"
** "/"), or NULL when the comment is absent or spans several lines. */
static data *doc_trailing(data_doc *doc, const char *comment)
{
    const char **starts;
    size_t *lens, n;
    data *d = NULL;
    buf b = BUF_INIT;

    if (!comment)
        return NULL;
    n = cwrite_doc_split(comment, &starts, &lens);
    if (n == 1) {
        buf_puts(&b, " /**< ");
        cwrite_comment_text(&b, starts[0], lens[0]);
        buf_puts(&b, " */");
        d = data_strn(doc, buf_str(&b), b.len);
    }
    buf_free(&b);
    free(starts);
    free(lens);
    return d;
}

/* Set doc_lines (a block above the declaration) and, for a one-line doc
** comment, doc_trailing instead, as a member's comments. */
static void set_member_doc(data_doc *doc, data *map, const char *comment)
{
    data *trailing = doc_trailing(doc, comment);

    if (trailing) {
        data_set_literal(map, "doc_lines", data_list(doc, 0));
        data_set_literal(map, "doc_trailing", trailing);
    } else {
        data_set_literal(map, "doc_lines", doc_lines(doc, comment));
    }
}

/* ------------------------------------------------------------------ */
/* Descriptors                                                         */
/* ------------------------------------------------------------------ */

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

/* Whether the runtime must release the slot when the object dies. */
static bool slot_released(const m_slot *s)
{
    cdecl_access a = cdecl_access_of(s);
    return a == ACC_STRING || a == ACC_REF || a == ACC_WEAK;
}

/* The SLOTS_SLOT_* flags of `s` in `c`, as a C expression. */
static data *slot_flags(data_doc *doc, const m_class *c, const m_slot *s)
{
    bool readonly = !viewcode_writable(c, s), array = s->type.array_len > 0;

    if (readonly && array)
        return data_str_shared(doc, "SLOTS_SLOT_READONLY | SLOTS_SLOT_ARRAY");
    if (readonly)
        return data_str_shared(doc, "SLOTS_SLOT_READONLY");
    return data_str_shared(doc, array ? "SLOTS_SLOT_ARRAY" : "0");
}

/* A pointer to the default object of `s` in `c` (an array already is
** one), or NULL. */
static data *default_pointer(data_doc *doc, const m_class *c, const m_slot *s)
{
    cdecl_access a = cdecl_access_of(s);
    char *defname;
    data *d;

    if (!s->has_default)
        return data_str_shared(doc, "NULL");
    defname = cdecl_default_name(c, s);
    d = a == ACC_CHARS || a == ACC_ARRAY ? data_str(doc, defname) : data_strf(doc, "&%s", defname);
    free(defname);
    return d;
}

/* The default of `s` as the schema wrote it, as a C literal, or NULL. */
static data *default_text(data_doc *doc, const m_slot *s)
{
    buf text = BUF_INIT;
    data *d;

    if (!s->has_default)
        return data_str_shared(doc, "NULL");
    put_default_text(&text, &s->def);
    d = literal_or_null(doc, buf_str(&text));
    buf_free(&text);
    return d;
}

/* One row of the slots_slot table of `c`: every field's initialiser. */
static data *slot_row(data_doc *doc, const m_class *c, const m_slot *s)
{
    data *d = data_map(doc, 12);
    buf size = BUF_INIT;
    char *owner = cdecl_cname_of(s->owner);

    data_set_literal(d, "name", data_str_shared(doc, s->name));
    data_set_literal(d, "name_literal", literal_or_null(doc, s->name));
    data_set_literal(d, "doc_literal", literal_or_null(doc, s->doc));
    data_set_literal(d, "type", data_str_shared(doc, cdecl_type_enum(s->type.kind)));
    data_set_literal(d, "offset", data_strf(doc, "offsetof(%s, %s)", owner, s->name));
    cdecl_size(&size, s);
    data_set_literal(d, "size", data_strn(doc, buf_str(&size), size.len));
    data_set_literal(d, "length", s->type.array_len ? data_strf(doc, "%zu", s->type.array_len)
                                                    : data_str_shared(doc, "0"));
    data_set_literal(d, "flags", slot_flags(doc, c, s));
    if (s->type.ref)
        data_set_literal(d, "ref_class", data_strf(doc, "&%s_%s_class", s->type.ref->schema->module, s->type.ref->name));
    else
        data_set_literal(d, "ref_class", data_str_shared(doc, "NULL"));
    data_set_literal(d, "default_value", default_pointer(doc, c, s));
    data_set_literal(d, "default_text", default_text(doc, s));
    data_set_literal(d, "owner", data_strf(doc, "&%s_class", owner));
    buf_free(&size);
    free(owner);
    return d;
}

/* Rows of at most HASH_ROW_WIDTH comma-terminated numbers. */
static data *number_rows(data_doc *doc, const uint16_t *v, size_t n)
{
    data *rows = data_list(doc, (n + HASH_ROW_WIDTH - 1) / HASH_ROW_WIDTH);
    buf b = BUF_INIT;
    size_t i;

    for (i = 0; i < n; i++) {
        if (i % HASH_ROW_WIDTH)
            buf_putc(&b, ' ');
        buf_put_uint(&b, v[i]);
        buf_putc(&b, ',');
        if ((i + 1) % HASH_ROW_WIDTH == 0 || i + 1 == n) {
            data_push(rows, data_strn(doc, buf_str(&b), b.len));
            buf_clear(&b);
        }
    }
    buf_free(&b);
    return rows;
}

/* {seed, mask, size, rows}: the name index over `names` (phash.h). */
static data *hash_view(data_doc *doc, const char *const *names, size_t n)
{
    data *d = data_map(doc, 4);
    phash ix;

    phash_build(names, n, &ix);
    data_set_literal(d, "seed", data_strf(doc, "%" PRIu32 "u", ix.seed));
    data_set_literal(d, "mask", data_strf(doc, "%" PRIu32 "u", ix.mask));
    data_set_literal(d, "size", data_strf(doc, "%" PRIu32, ix.mask + 1));
    data_set_literal(d, "rows", number_rows(doc, ix.table, (size_t)ix.mask + 1));
    phash_free(&ix);
    return d;
}

/* {size, mask}: the runtime's name cache for a class of n slots (slots.h).
** One entry per slot, rounded up to a power of two, so that a caller
** cycling through every name of the class can keep them all cached; at
** least 4, and at most 64 entries (1 KiB), past which a class's names are
** rarely all in use at once. */
#define NAME_CACHE_MIN 4u
#define NAME_CACHE_MAX 64u

static data *name_cache_view(data_doc *doc, size_t n)
{
    data *d = data_map(doc, 2);
    unsigned size = NAME_CACHE_MIN;

    while (size < n && size < NAME_CACHE_MAX)
        size *= 2;
    data_set_literal(d, "size", data_strf(doc, "%u", size));
    data_set_literal(d, "mask", data_strf(doc, "%uu", size - 1));
    return d;
}

/* The indexes in c->all of the slots the runtime releases. */
static data *release_view(data_doc *doc, const m_class *c)
{
    uint16_t *idx = xcalloc(c->nall + 1, sizeof *idx);
    size_t i, n = 0;
    data *d = data_map(doc, 3);

    for (i = 0; i < c->nall; i++)
        if (slot_released(c->all[i]))
            idx[n++] = (uint16_t)i;
    data_set_literal(d, "count", data_strf(doc, "%zu", n));
    data_set_literal(d, "rows", number_rows(doc, idx, n));
    data_set_literal(d, "any", data_bool(n > 0));
    free(idx);
    return d;
}

/* "offsetof(M_D, member)" in the ancestor D of `c` that declares the
** weakref (want_dict false) or dict member, or "0" when none does. */
static data *hidden_offset(data_doc *doc, const m_class *c, bool want_dict)
{
    const m_class *k;

    for (k = c; k; k = k->base)
        if (want_dict ? k->dict : k->weakref)
            return data_strf(doc, "offsetof(%s_%s, %s)", k->schema->module, k->name,
                             want_dict ? "slots_attrs" : "slots_weaklist");
    return data_str_shared(doc, "0");
}

static data *class_flags(data_doc *doc, const m_class *c)
{
    buf b = BUF_INIT;
    data *d;

    if (c->has_weakref)
        buf_puts(&b, "SLOTS_CLASS_WEAKREF");
    if (c->has_dict)
        buf_printf(&b, "%sSLOTS_CLASS_DICT", b.len ? " | " : "");
    if (viewcode_frozen(c))
        buf_printf(&b, "%sSLOTS_CLASS_FROZEN", b.len ? " | " : "");
    d = data_str(doc, b.len ? buf_str(&b) : "0");
    buf_free(&b);
    return d;
}

/* ------------------------------------------------------------------ */
/* Layout checks                                                       */
/* ------------------------------------------------------------------ */

/* `member` is a literal or a name in the model (data_str_shared). */
static data *layout_check(data_doc *doc, const char *member, const char *expr, size_t value)
{
    data *d = data_map(doc, 3);

    data_set_literal(d, "member", data_str_shared(doc, member));
    data_set_literal(d, "expr", data_str(doc, expr));
    data_set_literal(d, "value", data_strf(doc, "%zu", value));
    return d;
}

/* {member, expr, value}: the figures of `slotgen layout` for the members
** `c` declares (inherited ones are checked in their own class). */
static data *layout_checks(data_doc *doc, const m_class *c)
{
    data *list = data_list(doc, 3 + c->nown);
    char *cname = cdecl_cname_of(c);
    buf b = BUF_INIT;
    size_t i;

    buf_printf(&b, "sizeof(%s)", cname);
    data_push(list, layout_check(doc, "slots_size", buf_str(&b), c->size));
    if (c->weakref) {
        buf_clear(&b);
        buf_printf(&b, "offsetof(%s, slots_weaklist)", cname);
        data_push(list, layout_check(doc, "slots_weaklist", buf_str(&b), c->weaklist_offset));
    }
    if (c->dict) {
        buf_clear(&b);
        buf_printf(&b, "offsetof(%s, slots_attrs)", cname);
        data_push(list, layout_check(doc, "slots_attrs", buf_str(&b), c->dict_offset));
    }
    for (i = 0; i < c->nown; i++) {
        buf_clear(&b);
        buf_printf(&b, "offsetof(%s, %s)", cname, c->own[i]->name);
        data_push(list, layout_check(doc, c->own[i]->name, buf_str(&b), c->own[i]->offset));
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

static void set_abi(data_doc *doc, data *d)
{
    const char *arch = abi_arch();

    if (arch) {
        data_set_literal(d, "abi_condition",
                 data_strf(doc, "defined(%s) && defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == %zu",
                           arch, sizeof(void *)));
        data_set_literal(d, "abi_name", data_strf(doc, "%s, %zu-byte pointers", arch, sizeof(void *)));
    } else {
        data_set_literal(d, "abi_condition", data_str_shared(doc, "0"));
        data_set_literal(d, "abi_name", data_str_shared(doc, "an unknown architecture"));
    }
}

/* ------------------------------------------------------------------ */
/* Classes and the schema                                              */
/* ------------------------------------------------------------------ */

static data *member_view(data_doc *doc, const m_slot *s)
{
    data *d = data_map(doc, 3);
    buf b = BUF_INIT;

    cdecl_member(&b, s);
    data_set_literal(d, "decl", data_strn(doc, buf_str(&b), b.len));
    set_member_doc(doc, d, s->doc);
    buf_free(&b);
    return d;
}

/* The class's names, docs and options. */
static void set_class_identity(data_doc *doc, data *d, const m_class *c)
{
    char *cname = cdecl_cname_of(c);

    data_set_literal(d, "name", data_str_shared(doc, c->name));
    data_set_literal(d, "cname", data_str(doc, cname));
    data_set_literal(d, "name_literal", literal_or_null(doc, c->name));
    data_set_literal(d, "doc_lines", doc_lines(doc, c->doc));
    data_set_literal(d, "doc_literal", literal_or_null(doc, c->doc));
    data_set_literal(d, "root", data_bool(c->base == NULL));
    if (c->base) {
        data_set_literal(d, "base_cname", data_strf(doc, "%s_%s", c->base->schema->module, c->base->name));
        data_set_literal(d, "base_ptr", data_strf(doc, "&%s_%s_class", c->base->schema->module, c->base->name));
    } else {
        data_set_literal(d, "base_ptr", data_str_shared(doc, "NULL"));
    }
    data_set_literal(d, "weakref", data_bool(c->weakref));
    data_set_literal(d, "dict", data_bool(c->dict));
    data_set_literal(d, "frozen", data_bool(viewcode_frozen(c)));
    free(cname);
}

/* The struct members and the generated functions (viewcode.h).  Each
** accessor is made once and placed both in `accessors` and in the list
** of own or inherited ones (data.h lets a document share a node). */
static void set_class_code(data_doc *doc, data *d, const m_class *c, bool *needs_math)
{
    size_t i, ninherited = c->nall - c->nown, ndefaults = 0;
    data *members = data_list(doc, c->nown), *own_accessors = data_list(doc, c->nown);
    data *inherited_accessors = data_list(doc, ninherited), *all_accessors = data_list(doc, c->nall);
    data *defaults;
    bool can_fail;

    for (i = 0; i < c->nall; i++)
        ndefaults += c->all[i]->has_default;
    defaults = data_list(doc, ndefaults);
    for (i = 0; i < c->nown; i++)
        data_push(members, member_view(doc, c->own[i]));
    data_set_literal(d, "members", members);
    for (i = 0; i < c->nall; i++) {
        data *accessor = viewcode_accessor(doc, c, c->all[i]);
        bool inherited = c->all[i]->owner != c;
        data_push(inherited ? inherited_accessors : own_accessors, accessor);
        data_push(all_accessors, accessor);
        if (c->all[i]->has_default)
            data_push(defaults, viewcode_default(doc, c, c->all[i], needs_math));
    }
    data_set_literal(d, "own_accessors", own_accessors);
    data_set_literal(d, "has_inherited", data_bool(data_count(inherited_accessors) > 0));
    data_set_literal(d, "inherited_accessors", inherited_accessors);
    data_set_literal(d, "accessors", all_accessors);
    data_set_literal(d, "params", viewcode_params(doc, c));
    data_set_literal(d, "inits", viewcode_inits(doc, c, &can_fail));
    data_set_literal(d, "ctor_can_fail", data_bool(can_fail));
    data_set_literal(d, "defaults", defaults);
}

/* The class descriptor: slot rows, release list, name index, flags,
** hidden-member offsets, and the layout checks. */
static void set_class_descriptor(data_doc *doc, data *d, const m_class *c)
{
    const char **names = xcalloc(c->nall + 1, sizeof *names);
    data *rows = data_list(doc, c->nall);
    size_t i;

    for (i = 0; i < c->nall; i++) {
        data_push(rows, slot_row(doc, c, c->all[i]));
        names[i] = c->all[i]->name;
    }
    data_set_literal(d, "nslots", data_strf(doc, "%zu", c->nall));
    data_set_literal(d, "has_slots", data_bool(c->nall > 0));
    data_set_literal(d, "slot_rows", rows);
    data_set_literal(d, "release", release_view(doc, c));
    data_set_literal(d, "index", hash_view(doc, names, c->nall));
    data_set_literal(d, "name_cache", name_cache_view(doc, c->nall));
    data_set_literal(d, "flags", class_flags(doc, c));
    data_set_literal(d, "weaklist_offset", hidden_offset(doc, c, false));
    data_set_literal(d, "dict_offset", hidden_offset(doc, c, true));
    data_set_literal(d, "layout", layout_checks(doc, c));
    free(names);
}

/* Everything the templates say about class `c`. */
static data *class_view(data_doc *doc, const m_class *c, bool *needs_math)
{
    data *d = data_map(doc, 30);

    set_class_identity(doc, d, c);
    set_class_code(doc, d, c, needs_math);
    set_class_descriptor(doc, d, c);
    return d;
}

/* Classes in the order their structs must be declared: a base struct
** must be complete before it is embedded.  `index` finds a class's place
** in the schema by name, so ordering is linear in the number of classes. */
typedef struct class_order {
    const m_schema *schema;
    strmap index;               /* class name (borrowed) -> i of schema->classes[i] */
    bool *done;                 /* owned: done[i] when classes[i] is placed */
    const m_class **order;      /* owned: the classes placed so far */
    size_t n;
} class_order;

/* Append `c` to the order after its bases that the schema declares. */
static void order_class(class_order *co, const m_class *c)
{
    size_t i;

    if (c->schema != co->schema || !strmap_get(&co->index, c->name, &i) || co->done[i])
        return;
    co->done[i] = true;     /* before recursing: the checker ruled out cycles */
    if (c->base)
        order_class(co, c->base);
    co->order[co->n++] = c;
}

static data *classes_view(data_doc *doc, const m_schema *s, bool *needs_math)
{
    class_order co = { s, STRMAP_INIT, NULL, NULL, 0 };
    data *list = data_list(doc, s->nclasses);
    size_t i;

    co.done = xcalloc(s->nclasses + 1, sizeof *co.done);
    co.order = xcalloc(s->nclasses + 1, sizeof *co.order);
    for (i = 0; i < s->nclasses; i++)
        strmap_put(&co.index, s->classes[i]->name, i, NULL);
    for (i = 0; i < s->nclasses; i++)
        order_class(&co, s->classes[i]);
    for (i = 0; i < co.n; i++)
        data_push(list, class_view(doc, co.order[i], needs_math));
    strmap_free(&co.index);
    free(co.order);
    free(co.done);
    return list;
}

/* The module's class table (declared order) and its name index. */
static void set_module_index(data_doc *doc, data *d, const m_schema *s)
{
    const char **names = xcalloc(s->nclasses + 1, sizeof *names);
    data *table = data_list(doc, s->nclasses);
    size_t i;

    for (i = 0; i < s->nclasses; i++) {
        names[i] = s->classes[i]->name;
        data_push(table, data_strf(doc, "&%s_%s_class,", s->module, s->classes[i]->name));
    }
    data_set_literal(d, "class_table", table);
    data_set_literal(d, "has_classes", data_bool(s->nclasses > 0));
    data_set_literal(d, "nclasses", data_strf(doc, "%zu", s->nclasses));
    data_set_literal(d, "class_index", hash_view(doc, names, s->nclasses));
    free(names);
}

static data *includes_view(data_doc *doc, const m_schema *s)
{
    data *list = data_list(doc, s->nimports);
    size_t i;

    for (i = 0; i < s->nimports; i++) {
        data *inc = data_map(doc, 1);
        data_set_literal(inc, "header", data_strf(doc, "%s.slots.h", s->imports[i]->name));
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
static data *guard_view(data_doc *doc, const m_schema *s)
{
    buf b = BUF_INIT;
    data *d;

    buf_puts(&b, "SLOTGEN_");
    put_upper_ident(&b, s->module);
    buf_putc(&b, '_');
    put_upper_ident(&b, s->name);
    buf_puts(&b, "_SLOTS_H");
    d = data_strn(doc, buf_str(&b), b.len);
    buf_free(&b);
    return d;
}

data *view_schema(data_doc *doc, const m_schema *s)
{
    data *d = data_map(doc, 19);
    const char *slash = strrchr(s->path, '/');
    bool needs_math = false;

    data_set_literal(d, "slotgen_version", data_str(doc, SLOTGEN_VERSION));
    data_set_literal(d, "abi_version", data_strf(doc, "%d", SLOTS_ABI_VERSION));
    data_set_literal(d, "schema_file", data_str(doc, slash ? slash + 1 : s->path));
    data_set_literal(d, "header_file", data_strf(doc, "%s.slots.h", s->name));
    data_set_literal(d, "source_file", data_strf(doc, "%s.slots.c", s->name));
    data_set_literal(d, "guard", guard_view(doc, s));
    data_set_literal(d, "module", data_str_shared(doc, s->module));
    data_set_literal(d, "module_literal", literal_or_null(doc, s->module));
    data_set_literal(d, "doc_lines", doc_lines(doc, s->doc));
    data_set_literal(d, "doc_literal", literal_or_null(doc, s->doc));
    data_set_literal(d, "includes", includes_view(doc, s));
    set_abi(doc, d);
    data_set_literal(d, "classes", classes_view(doc, s, &needs_math));
    set_module_index(doc, d, s);
    data_set_literal(d, "needs_math", data_bool(needs_math));
    return d;
}
