/*
** check.c: syntax trees to a checked model (see check.h).
**
** A run loads every schema named on the command line and, depth first,
** everything they import, so a schema is checked only after the schemas it
** imports: their classes are complete when it uses them as bases or types.
** Each schema is checked in phases: top-level keys, class declarations
** (names, options, slot syntax), base resolution and cycle detection,
** inheritance (weakref/dict/frozen rules, inherited slots), slot types and
** defaults, and finally the generated names the schema will emit.
**
** Errors are reported at the node that is wrong, never at its class.  They
** are collected per schema and handed to the diag sorted by position, so
** the output reads in source order whatever phase found them.  A class
** whose base is unknown or cyclic is "tainted": the rules that depend on
** its ancestors are skipped for it and its subclasses, so one mistake is
** reported once.  Likewise, when an import of a schema failed, names the
** schema does not know are not reported: they may live in that import.
*/
#define _XOPEN_SOURCE 700       /* realpath: a file imported twice is loaded once */

#include "check.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "buf.h"
#include "layout.h"
#include "load.h"
#include "mem.h"
#include "names.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Pending diagnostics                                                 */

/* An error (and its optional note) waiting to be sorted into place. */
typedef struct problem {
    srcpos at;
    char *msg;              /* owned */
    srcpos note_at;
    char *note;             /* owned; NULL when no note */
    size_t seq;             /* report order: ties keep it */
} problem;

/* One schema file of the run. */
typedef struct source {
    char *path;             /* as displayed: given, or importer's dir + entry (owned) */
    char *identity;         /* canonical path, so a file is loaded once (owned) */
    bool in_memory;         /* from check_string: no directory to search */
    bool loading;           /* on the import stack: importing it again is a cycle */
    bool broken_imports;    /* an import failed: unknown names are not reported */
    srcpos module_at;       /* its `module:` value, or the file (line 0) */
    ast_file *ast;          /* owned; NULL when it did not load */
    m_schema *schema;       /* borrowed from the program once checked */
    problem *problems;      /* owned; this schema's errors, flushed sorted */
    size_t nproblems, cap_problems;
} source;

/* A generated file-scope name and who generates it, for collisions. */
typedef struct gen_name {
    char *name;             /* owned */
    char *what;             /* owned: "the constructor of class 'Point'" */
    srcpos at;              /* borrowed from the model */
} gen_name;

typedef struct checker {
    diag *d;
    const check_options *opt;
    m_program *prog;
    size_t cap_schemas;     /* of prog->schemas */
    source **sources;       /* owned; load order */
    size_t nsources, cap_sources;
    source **stack;         /* borrowed; the import chain being loaded */
    size_t nstack, cap_stack;
    gen_name *names;        /* owned; every generated name of the run */
    size_t nnames, cap_names;
    m_class **tainted;      /* borrowed; classes with an unknown or cyclic base */
    size_t ntainted, cap_tainted;
    size_t seq;
    char ***read_files;     /* the caller's, or NULL */
    size_t *nread_files;
    size_t cap_read_files;
} checker;

static source *current(checker *ck)
{
    return ck->stack[ck->nstack - 1];
}

static char *vformat(const char *fmt, va_list ap)
{
    buf b = BUF_INIT;
    buf_vprintf(&b, fmt, ap);
    return buf_steal(&b);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void report(checker *ck, srcpos at, const char *fmt, ...)
{
    source *src = current(ck);
    void *items = src->problems;
    problem *p;
    va_list ap;

    xgrow(&items, &src->cap_problems, src->nproblems + 1, sizeof(problem));
    src->problems = items;
    p = &src->problems[src->nproblems++];
    memset(p, 0, sizeof *p);
    p->at = at;
    p->seq = ck->seq++;
    va_start(ap, fmt);
    p->msg = vformat(fmt, ap);
    va_end(ap);
}

/* A note for the error reported just before. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void report_note(checker *ck, srcpos at, const char *fmt, ...)
{
    source *src = current(ck);
    problem *p = &src->problems[src->nproblems - 1];
    va_list ap;

    p->note_at = at;
    va_start(ap, fmt);
    p->note = vformat(fmt, ap);
    va_end(ap);
}

static int problem_cmp(const void *a, const void *b)
{
    const problem *x = a, *y = b;
    if (x->at.line != y->at.line)
        return x->at.line < y->at.line ? -1 : 1;
    if (x->at.col != y->at.col)
        return x->at.col < y->at.col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Hand a schema's errors to the diag in source order. */
static void flush_problems(checker *ck, source *src)
{
    size_t i;
    if (src->nproblems > 1)
        qsort(src->problems, src->nproblems, sizeof(problem), problem_cmp);
    for (i = 0; i < src->nproblems; i++) {
        problem *p = &src->problems[i];
        diag_error(ck->d, p->at, "%s", p->msg);
        if (p->note)
            diag_note(ck->d, p->note_at, "%s", p->note);
        free(p->msg);
        free(p->note);
    }
    free(src->problems);
    src->problems = NULL;
    src->nproblems = src->cap_problems = 0;
}

/* "; did you mean 'X'?" at the end of a message, when a candidate is close. */
static void suggest(buf *b, const char *word, const char *const *cands, size_t n)
{
    const char *s = names_suggest(word, cands, n);
    if (s)
        buf_printf(b, "; did you mean '%s'?", s);
}

static srcpos no_line(const char *file)
{
    srcpos p;
    p.file = file;
    p.line = p.col = 0;
    return p;
}

/* ------------------------------------------------------------------ */
/* Scalar helpers                                                      */

static bool is_scalar(const ast_node *n)
{
    return n && n->kind == AST_SCALAR;
}

/* "a list", "a mapping", "null", "a string", "'text'": what a node is, for
** "expected X, got Y". */
static void describe(buf *b, const ast_node *n)
{
    if (n->kind != AST_SCALAR)
        buf_puts(b, ast_kind_name(n->kind));
    else if (ast_is_null(n))
        buf_puts(b, "null");
    else if (n->quoted)
        buf_puts(b, "a string");
    else
        buf_printf(b, "'%s'", n->text);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void expected(checker *ck, const ast_node *n, const char *fmt, ...)
{
    buf b = BUF_INIT;
    va_list ap;
    buf_puts(&b, "expected ");
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    buf_puts(&b, ", got ");
    describe(&b, n);
    report(ck, n->pos, "%s", buf_str(&b));
    buf_free(&b);
}

/* YAML 1.2 core booleans; yes/no/on/off are refused. */
static bool get_bool(checker *ck, const ast_node *n, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE"};
    static const char *const no[] = {"false", "False", "FALSE"};
    size_t i;
    if (is_scalar(n) && !n->quoted)
        for (i = 0; i < COUNT(yes); i++) {
            if (strcmp(n->text, yes[i]) == 0) {
                *out = true;
                return true;
            }
            if (strcmp(n->text, no[i]) == 0) {
                *out = false;
                return true;
            }
        }
    expected(ck, n, "true or false");
    return false;
}

/* A doc string: any non-null scalar.  Returns an owned copy or NULL. */
static char *get_doc(checker *ck, const ast_node *n)
{
    if (!is_scalar(n) || (ast_is_null(n) && !n->quoted)) {
        expected(ck, n, "a text");
        return NULL;
    }
    return xstrdup(n->text);
}

/* A mapping, or a plain empty value standing for an empty one. */
static bool is_mapping_or_empty(checker *ck, const ast_node *n, const char *what)
{
    if (n->kind == AST_MAP || (is_scalar(n) && ast_is_null(n) && !n->quoted))
        return true;
    expected(ck, n, "%s", what);
    return false;
}

static void check_keys(checker *ck, const ast_node *map, const char *what,
                       const char *const *known, size_t nknown)
{
    size_t i, j;
    if (map->kind != AST_MAP)
        return;
    for (i = 0; i < map->npairs; i++) {
        const ast_node *key = map->pairs[i].key;
        buf b = BUF_INIT;
        for (j = 0; j < nknown; j++)
            if (strcmp(key->text, known[j]) == 0)
                break;
        if (j < nknown)
            continue;
        buf_printf(&b, "unknown %s '%s'", what, key->text);
        suggest(&b, key->text, known, nknown);
        report(ck, key->pos, "%s", buf_str(&b));
        buf_free(&b);
    }
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

/* Class and slot names: CPython's lexical rule first, then C's. */
static bool check_name(checker *ck, const ast_node *key, bool is_slot)
{
    names_problem p = names_check(key->text);
    const char *what = is_slot ? "slot name" : "class name";
    if (p == NAMES_NOT_IDENTIFIER) {
        if (is_slot)
            report(ck, key->pos, "__slots__ must be identifiers: '%s' is not one", key->text);
        else
            report(ck, key->pos, "class names must be identifiers: '%s' is not one", key->text);
        return false;
    }
    if (p != NAMES_OK) {
        report(ck, key->pos, "%s '%s' is %s", what, key->text, names_problem_text(p));
        return false;
    }
    if (is_slot && strncmp(key->text, "slots_", 6) == 0) {
        report(ck, key->pos, "slot name '%s' uses the prefix 'slots_', reserved for generated members",
               key->text);
        return false;
    }
    return true;
}

/* The default module name: the file's base name without .yaml/.yml, made
** an identifier. */
static char *module_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    size_t n, i;
    buf b = BUF_INIT;

    base = base ? base + 1 : path;
    n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
        n -= 5;
    else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
        n -= 4;
    if (n == 0 || (base[0] >= '0' && base[0] <= '9'))
        buf_putc(&b, '_');
    for (i = 0; i < n; i++) {
        char c = base[i];
        bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                 || (c >= '0' && c <= '9') || c == '_';
        buf_putc(&b, word ? c : '_');
    }
    return buf_steal(&b);
}

/* NAME of NAME.yaml: the stem of the output files. */
static char *stem_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    size_t n;
    base = base ? base + 1 : path;
    n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
        n -= 5;
    else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
        n -= 4;
    return xstrndup(base, n);
}

/* A module name is only ever a prefix, so keywords are harmless; what
** matters is that M_C is a legal, unreserved name outside the runtime's
** own `slots_` namespace. */
static bool module_ok(checker *ck, srcpos at, const char *module, const char *origin)
{
    names_problem p = names_check(module);
    if (p == NAMES_NOT_IDENTIFIER) {
        report(ck, at, "module name '%s'%s is not an identifier", module, origin);
        return false;
    }
    if (p == NAMES_RESERVED || p == NAMES_MACRO) {
        report(ck, at, "module name '%s'%s is %s", module, origin, names_problem_text(p));
        return false;
    }
    if (strcmp(module, "slots") == 0 || strncmp(module, "slots_", 6) == 0) {
        report(ck, at, "module name '%s'%s is in the runtime's 'slots_' namespace", module, origin);
        return false;
    }
    return true;
}

/* Record a generated name; a second definition is an error at the later
** one, with a note at the first. */
static void claim_name(checker *ck, srcpos at, char *name, char *what)
{
    size_t i;
    void *items;
    for (i = 0; i < ck->nnames; i++) {
        if (strcmp(ck->names[i].name, name) != 0)
            continue;
        report(ck, at, "'%s', %s, is already %s", name, what, ck->names[i].what);
        report_note(ck, ck->names[i].at, "'%s' first generated here", name);
        free(name);
        free(what);
        return;
    }
    items = ck->names;
    xgrow(&items, &ck->cap_names, ck->nnames + 1, sizeof(gen_name));
    ck->names = items;
    ck->names[ck->nnames].name = name;
    ck->names[ck->nnames].what = what;
    ck->names[ck->nnames].at = at;
    ck->nnames++;
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static char *fmt(const char *f, ...)
{
    char *s;
    va_list ap;
    va_start(ap, f);
    s = vformat(f, ap);
    va_end(ap);
    return s;
}

/* ------------------------------------------------------------------ */
/* Per-schema working state                                            */

typedef struct slot_work {
    m_slot *slot;
    bool name_ok;
    const ast_node *type_node;      /* scalar naming the type, or NULL */
    const ast_node *weak_node;      /* value of `weak:`, or NULL */
    const ast_node *default_node;   /* value of `default:`, or NULL */
    const ast_node *readonly_node;
    bool weak;
    bool type_ok;                   /* the type resolved */
} slot_work;

typedef enum walk_state { WALK_NEW, WALK_ACTIVE, WALK_DONE } walk_state;

typedef struct class_work {
    m_class *cls;
    bool name_ok;
    const ast_node *base_node;      /* value of `base:`, or NULL */
    const ast_node *weakref_node, *dict_node, *frozen_node;
    bool tainted;                   /* unknown/cyclic base, or a descendant */
    walk_state cycle_state;         /* for cycle detection */
    bool finished;                  /* inheritance resolved */
    slot_work *slots;               /* owned; parallel to cls->own */
    size_t nslots;
} class_work;

typedef struct schema_work {
    source *src;
    m_schema *schema;
    class_work *classes;            /* owned; parallel to schema->classes */
    size_t nclasses;
} schema_work;

static srcpos model_pos(const m_schema *s, srcpos p)
{
    p.file = s->path;
    return p;
}

static bool is_tainted(const checker *ck, const m_class *c)
{
    size_t i;
    for (i = 0; i < ck->ntainted; i++)
        if (ck->tainted[i] == c)
            return true;
    return false;
}

static void taint(checker *ck, class_work *w)
{
    void *items = ck->tainted;
    if (w->tainted)
        return;
    w->tainted = true;
    xgrow(&items, &ck->cap_tainted, ck->ntainted + 1, sizeof(m_class *));
    ck->tainted = items;
    ck->tainted[ck->ntainted++] = w->cls;
}

static class_work *work_of(schema_work *sw, const m_class *c)
{
    size_t i;
    for (i = 0; i < sw->nclasses; i++)
        if (sw->classes[i].cls == c)
            return &sw->classes[i];
    return NULL;
}

/* A class visible from this schema: its own, then its imports' in order. */
static m_class *find_visible(const schema_work *sw, const char *name)
{
    m_class *c = m_schema_find_class(sw->schema, name);
    size_t i;
    for (i = 0; !c && i < sw->schema->nimports; i++)
        c = m_schema_find_class(sw->schema->imports[i], name);
    return c;
}

/* Names a suggestion may offer: the given words, then visible classes. */
static const char **visible_names(const schema_work *sw, const char *const *words,
                                  size_t nwords, size_t *n)
{
    size_t total = nwords + sw->schema->nclasses, i, j, k = 0;
    const char **names;
    for (i = 0; i < sw->schema->nimports; i++)
        total += sw->schema->imports[i]->nclasses;
    names = xmalloc(total * sizeof(char *));
    for (i = 0; i < nwords; i++)
        names[k++] = words[i];
    for (i = 0; i < sw->schema->nclasses; i++)
        names[k++] = sw->schema->classes[i]->name;
    for (i = 0; i < sw->schema->nimports; i++)
        for (j = 0; j < sw->schema->imports[i]->nclasses; j++)
            names[k++] = sw->schema->imports[i]->classes[j]->name;
    *n = k;
    return names;
}

/* "unknown base 'X'" and the like, with a suggestion, and a note when the
** class exists in a schema of the run that this one does not import. */
static void unknown_name(checker *ck, schema_work *sw, const ast_node *n, const char *what,
                         const char *const *words, size_t nwords)
{
    size_t ncands, i;
    const char **cands;
    buf b = BUF_INIT;

    if (sw->src->broken_imports)
        return;
    cands = visible_names(sw, words, nwords, &ncands);
    buf_printf(&b, "unknown %s '%s'", what, n->text);
    suggest(&b, n->text, cands, ncands);
    report(ck, n->pos, "%s", buf_str(&b));
    buf_free(&b);
    free(cands);
    for (i = 0; i < ck->prog->nschemas; i++) {
        m_class *c = m_schema_find_class(ck->prog->schemas[i], n->text);
        if (c && ck->prog->schemas[i] != sw->schema) {
            report_note(ck, c->pos, "'%s' is a class of '%s', which '%s' does not import",
                        c->name, c->schema->path, sw->schema->path);
            break;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Declarations: classes, options, slot syntax                        */

static const char *const top_keys[] = {"module", "doc", "imports", "classes"};
static const char *const class_keys[] = {"base", "doc", "slots", "weakref", "dict", "frozen"};
static const char *const slot_keys[] = {"type", "default", "readonly", "doc", "weak"};

static void declare_slot(checker *ck, schema_work *sw, class_work *cw, const ast_pair *pair)
{
    m_slot *s = xcalloc(1, sizeof(m_slot));
    slot_work *w = &cw->slots[cw->nslots];
    const ast_node *v = pair->value;

    memset(w, 0, sizeof *w);
    w->slot = s;
    w->name_ok = check_name(ck, pair->key, true);
    s->name = xstrdup(pair->key->text);
    s->pos = model_pos(sw->schema, pair->key->pos);
    s->owner = cw->cls;
    cw->cls->own[cw->nslots] = s;
    cw->cls->nown = ++cw->nslots;

    if (is_scalar(v) && !ast_is_null(v)) {
        w->type_node = v;
    } else if (v->kind == AST_MAP) {
        const ast_node *n;
        check_keys(ck, v, "slot option", slot_keys, COUNT(slot_keys));
        w->type_node = ast_map_get(v, "type");
        if (!w->type_node)
            report(ck, v->pos, "slot '%s' has no 'type'", s->name);
        else if (!is_scalar(w->type_node) || ast_is_null(w->type_node)) {
            expected(ck, w->type_node, "a type name");
            w->type_node = NULL;
        }
        w->default_node = ast_map_get(v, "default");
        if ((n = ast_map_get(v, "readonly")) != NULL)
            get_bool(ck, n, &s->readonly);
        if ((n = ast_map_get(v, "doc")) != NULL)
            s->doc = get_doc(ck, n);
        if ((w->weak_node = ast_map_get(v, "weak")) != NULL
            && !get_bool(ck, w->weak_node, &w->weak))
            w->weak_node = NULL;
    } else {
        expected(ck, v, "a type, or a mapping with 'type'");
    }
    s->type_text = xstrdup(w->type_node ? w->type_node->text : "");
}

static void declare_slots(checker *ck, schema_work *sw, class_work *cw, const ast_node *slots)
{
    size_t i;
    if (!is_mapping_or_empty(ck, slots, "a mapping of slot names to types"))
        return;
    if (slots->kind != AST_MAP)
        return;
    cw->cls->own = xcalloc(slots->npairs, sizeof(m_slot *));
    cw->slots = xcalloc(slots->npairs, sizeof(slot_work));
    for (i = 0; i < slots->npairs; i++)
        declare_slot(ck, sw, cw, &slots->pairs[i]);
}

static void declare_class(checker *ck, schema_work *sw, const ast_pair *pair)
{
    class_work *cw = &sw->classes[sw->nclasses];
    m_class *c = xcalloc(1, sizeof(m_class));
    const ast_node *v = pair->value, *n;

    memset(cw, 0, sizeof *cw);
    cw->cls = c;
    cw->name_ok = check_name(ck, pair->key, false);
    c->name = xstrdup(pair->key->text);
    c->pos = model_pos(sw->schema, pair->key->pos);
    c->schema = sw->schema;
    sw->schema->classes[sw->nclasses] = c;
    sw->schema->nclasses = ++sw->nclasses;

    if (!is_mapping_or_empty(ck, v, "a mapping of class options") || v->kind != AST_MAP)
        return;
    check_keys(ck, v, "class option", class_keys, COUNT(class_keys));
    if ((n = ast_map_get(v, "doc")) != NULL)
        c->doc = get_doc(ck, n);
    if ((n = ast_map_get(v, "base")) != NULL) {
        if (is_scalar(n) && !ast_is_null(n))
            cw->base_node = n;
        else
            expected(ck, n, "a class name");
    }
    if ((n = ast_map_get(v, "weakref")) != NULL && get_bool(ck, n, &c->weakref))
        cw->weakref_node = n;
    if ((n = ast_map_get(v, "dict")) != NULL && get_bool(ck, n, &c->dict))
        cw->dict_node = n;
    if ((n = ast_map_get(v, "frozen")) != NULL && get_bool(ck, n, &c->frozen))
        cw->frozen_node = n;
    if ((n = ast_map_get(v, "slots")) != NULL)
        declare_slots(ck, sw, cw, n);
}

/* ------------------------------------------------------------------ */
/* Inheritance                                                         */

static void resolve_bases(checker *ck, schema_work *sw)
{
    size_t i;
    for (i = 0; i < sw->nclasses; i++) {
        class_work *cw = &sw->classes[i];
        if (!cw->base_node)
            continue;
        cw->cls->base = find_visible(sw, cw->base_node->text);
        if (!cw->cls->base) {
            unknown_name(ck, sw, cw->base_node, "base class", NULL, 0);
            taint(ck, cw);
        } else if (is_tainted(ck, cw->cls->base)) {
            taint(ck, cw);
        }
    }
}

/* Report the cycle that `start` (WALK_ACTIVE) closes, once, at the base of
** its first class in declared order, and taint its members. */
static void report_cycle(checker *ck, schema_work *sw, class_work *start)
{
    class_work *first = start, *w = start;
    buf b = BUF_INIT;
    do {
        if (w < first)
            first = w;
        w = work_of(sw, w->cls->base);
    } while (w != start);
    buf_puts(&b, "inheritance cycle: ");
    w = first;
    do {
        buf_printf(&b, "%s -> ", w->cls->name);
        taint(ck, w);
        w = work_of(sw, w->cls->base);
    } while (w != first);
    buf_puts(&b, first->cls->name);
    report(ck, first->base_node->pos, "%s", buf_str(&b));
    buf_free(&b);
}

/* Bases outside the schema were checked before it, so a cycle stays inside
** one schema.  Walk each chain; meeting an active class closes a cycle. */
static void find_cycles(checker *ck, schema_work *sw)
{
    size_t i;
    for (i = 0; i < sw->nclasses; i++) {
        class_work *w = &sw->classes[i];
        while (w && w->cycle_state == WALK_NEW) {
            w->cycle_state = WALK_ACTIVE;
            w = w->cls->base ? work_of(sw, w->cls->base) : NULL;
        }
        if (w && w->cycle_state == WALK_ACTIVE)
            report_cycle(ck, sw, w);
        /* Only this walk left classes active: retire them, cycle included. */
        for (w = &sw->classes[i]; w && w->cycle_state == WALK_ACTIVE;
             w = w->cls->base ? work_of(sw, w->cls->base) : NULL)
            w->cycle_state = WALK_DONE;
    }
}

static const m_slot *find_slot(const m_class *c, const char *name)
{
    size_t i;
    for (i = 0; i < c->nall; i++)
        if (strcmp(c->all[i]->name, name) == 0)
            return c->all[i];
    return NULL;
}

/* weakref/dict twice in a chain, and dataclasses' frozen rules. */
static void check_flags(checker *ck, class_work *cw)
{
    m_class *c = cw->cls, *b = c->base;
    if (c->weakref && b && b->has_weakref)
        report(ck, cw->weakref_node->pos, "__weakref__ slot disallowed: we already got one");
    if (c->dict && b && b->has_dict)
        report(ck, cw->dict_node->pos, "__dict__ slot disallowed: we already got one");
    if (b && c->frozen && !b->frozen)
        report(ck, cw->frozen_node->pos, "cannot inherit frozen class from a non-frozen one");
    if (b && !c->frozen && b->frozen)
        report(ck, cw->frozen_node ? cw->frozen_node->pos : cw->base_node->pos,
               "cannot inherit non-frozen class from a frozen one");
    c->has_weakref = c->weakref || (b && b->has_weakref);
    c->has_dict = c->dict || (b && b->has_dict);
    /* An inherited dict under a frozen class is already an error at the
    ** base: either it is frozen too, or the frozen rule fails. */
    if (c->frozen && c->dict)
        report(ck, cw->dict_node->pos,
               "a frozen class cannot have dict: true: its attributes could never be set");
}

/* all[]: the base's slots, then the own ones that do not redefine one. */
static void collect_slots(checker *ck, class_work *cw)
{
    m_class *c = cw->cls, *b = c->base;
    size_t nbase = b ? b->nall : 0, i;

    c->all = xcalloc(nbase + c->nown + 1, sizeof(m_slot *));
    for (i = 0; i < nbase; i++)
        c->all[c->nall++] = b->all[i];
    for (i = 0; i < c->nown; i++) {
        m_slot *s = c->own[i];
        const m_slot *old = find_slot(c, s->name);
        if (old) {
            report(ck, s->pos, "slot '%s' redefines the slot inherited from '%s'",
                   s->name, old->owner->name);
            report_note(ck, old->pos, "'%s.%s' is defined here", old->owner->name, old->name);
            continue;
        }
        c->all[c->nall++] = s;
    }
}

/* Bases first: a base in this schema is finished before its subclasses. */
static void finish_class(checker *ck, schema_work *sw, class_work *cw)
{
    class_work *bw;
    size_t i;
    if (cw->finished)
        return;
    cw->finished = true;
    bw = cw->cls->base ? work_of(sw, cw->cls->base) : NULL;
    if (bw && !cw->tainted)
        finish_class(ck, sw, bw);
    if (bw && bw->tainted)
        taint(ck, cw);
    if (cw->tainted) {
        /* Ancestors unknown: keep what the class itself declares. */
        cw->cls->base = NULL;
        cw->cls->has_weakref = cw->cls->weakref;
        cw->cls->has_dict = cw->cls->dict;
        cw->cls->all = xcalloc(cw->cls->nown + 1, sizeof(m_slot *));
        for (i = 0; i < cw->cls->nown; i++)
            cw->cls->all[cw->cls->nall++] = cw->cls->own[i];
    } else {
        check_flags(ck, cw);
        collect_slots(ck, cw);
    }
    for (i = 0; i < cw->cls->nown; i++)
        if (cw->cls->frozen)
            cw->cls->own[i]->readonly = true;
}

/* ------------------------------------------------------------------ */
/* Types                                                               */

static const char *const type_words[] = {
    "bool", "char", "int8", "int16", "int32", "int64", "uint8", "uint16",
    "uint32", "uint64", "float", "double", "string",
};

static bool scalar_kind(const char *word, size_t len, m_kind *out)
{
    size_t k;
    for (k = 0; k < COUNT(type_words); k++)
        if (strlen(type_words[k]) == len && strncmp(word, type_words[k], len) == 0) {
            *out = (m_kind)k;
            return true;
        }
    return false;
}

/* N of "T[N]": decimal, no sign, no leading zero, 1..65535.  Returns 0
** on a syntax error, and reports a size out of range. */
static size_t array_len(checker *ck, const ast_node *n, const char *digits)
{
    size_t len = 0, i;
    for (i = 0; digits[i] >= '0' && digits[i] <= '9'; i++)
        if (len <= 65535)
            len = len * 10 + (size_t)(digits[i] - '0');
    if (i == 0 || digits[i] != ']' || digits[i + 1] != '\0' || (digits[0] == '0' && i > 1)) {
        report(ck, n->pos, "bad array type '%s': expected T[N], N a decimal number from 1 to 65535",
               n->text);
        return 0;
    }
    if (len < 1 || len > 65535) {
        report(ck, n->pos, "array size %.*s out of range (1..65535)", (int)i, digits);
        return 0;
    }
    return len;
}

static void resolve_array(checker *ck, schema_work *sw, slot_work *w, const char *open)
{
    const ast_node *n = w->type_node;
    size_t elen = (size_t)(open - n->text);
    m_slot *s = w->slot;
    char *elem = xstrndup(n->text, elen);
    m_kind kind = M_BOOL;
    bool scalar = scalar_kind(elem, elen, &kind);

    if (elen == 0) {
        report(ck, n->pos, "bad array type '%s': expected T[N], N a decimal number from 1 to 65535",
               n->text);
    } else if (scalar && kind != M_STRING) {
        s->type.kind = kind;
        if ((s->type.array_len = array_len(ck, n, open + 1)) != 0)
            w->type_ok = true;
    } else if (scalar || find_visible(sw, elem)) {
        report(ck, n->pos, "arrays of '%s' are not supported: the element type must be a scalar",
               elem);
    } else if (!sw->src->broken_imports) {
        buf b = BUF_INIT;
        buf_printf(&b, "unknown type '%s'", elem);
        suggest(&b, elem, type_words, COUNT(type_words));
        report(ck, n->pos, "%s", buf_str(&b));
        buf_free(&b);
    }
    free(elem);
}

/* A weak reference's target must support weak references. */
static void check_weak_target(checker *ck, slot_work *w)
{
    m_class *t = w->slot->type.ref;
    if (t->has_weakref || is_tainted(ck, t))
        return;
    report(ck, w->type_node->pos, "cannot create weak reference to '%s' object", t->name);
    report_note(ck, t->pos, "declare weakref: true on '%s'", t->name);
}

static void resolve_type(checker *ck, schema_work *sw, slot_work *w)
{
    const ast_node *n = w->type_node;
    const char *open;
    m_slot *s = w->slot;

    if (!n)
        return;
    if ((open = strchr(n->text, '[')) != NULL) {
        resolve_array(ck, sw, w, open);
    } else if (scalar_kind(n->text, n->len, &s->type.kind)) {
        w->type_ok = true;
    } else if ((s->type.ref = find_visible(sw, n->text)) != NULL) {
        s->type.kind = w->weak ? M_WEAK : M_REF;
        w->type_ok = true;
        if (w->weak)
            check_weak_target(ck, w);
    } else {
        unknown_name(ck, sw, n, "type", type_words, COUNT(type_words));
    }
    if (w->type_ok && w->weak && s->type.kind != M_WEAK)
        report(ck, w->weak_node->pos, "weak: true needs a class type, not '%s'", n->text);
}

/* ------------------------------------------------------------------ */
/* Defaults                                                            */

/* The range of an integer kind; 0..0 for any other. */
static void int_range(m_kind k, int64_t *min, uint64_t *max)
{
    static const struct { int64_t min; uint64_t max; } r[] = {
        [M_INT8] = {INT8_MIN, INT8_MAX},     [M_INT16] = {INT16_MIN, INT16_MAX},
        [M_INT32] = {INT32_MIN, INT32_MAX},  [M_INT64] = {INT64_MIN, INT64_MAX},
        [M_UINT8] = {0, UINT8_MAX},          [M_UINT16] = {0, UINT16_MAX},
        [M_UINT32] = {0, UINT32_MAX},        [M_UINT64] = {0, UINT64_MAX},
    };
    bool integer = k >= M_INT8 && k <= M_UINT64;
    *min = integer ? r[k].min : 0;
    *max = integer ? r[k].max : 0;
}

/* Decimal (optionally signed) or 0x hex into a magnitude and a sign;
** false on a syntax error, *overflow when beyond 64 bits. */
static bool parse_int(const char *s, uint64_t *mag, bool *neg, bool *overflow)
{
    unsigned base = 10;
    size_t ndigits = 0;
    *mag = 0;
    *neg = false;
    *overflow = false;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    } else if (*s == '-' || *s == '+') {
        *neg = *s++ == '-';
    }
    for (; *s; s++, ndigits++) {
        unsigned d;
        if (*s >= '0' && *s <= '9')
            d = (unsigned)(*s - '0');
        else if (base == 16 && *s >= 'a' && *s <= 'f')
            d = (unsigned)(*s - 'a' + 10);
        else if (base == 16 && *s >= 'A' && *s <= 'F')
            d = (unsigned)(*s - 'A' + 10);
        else
            return false;
        if (*mag > (UINT64_MAX - d) / base)
            *overflow = true;
        else
            *mag = *mag * base + d;
    }
    return ndigits > 0;
}

static void range_error(checker *ck, const ast_node *n, m_kind k, int64_t min, uint64_t max)
{
    report(ck, n->pos, "default %s out of range for %s (%lld..%llu)", n->text, m_kind_name(k),
           (long long)min, (unsigned long long)max);
}

static bool default_int(checker *ck, const ast_node *n, m_kind k, m_value *v)
{
    int64_t min;
    uint64_t max, mag;
    bool neg, overflow;

    int_range(k, &min, &max);
    if (!is_scalar(n) || n->quoted || !parse_int(n->text, &mag, &neg, &overflow)) {
        expected(ck, n, "an integer");
        return false;
    }
    if (overflow || (!neg && mag > max) || (neg && mag > (uint64_t)0 - (uint64_t)min)) {
        range_error(ck, n, k, min, max);
        return false;
    }
    if (min < 0) {
        v->kind = M_VINT;
        /* mag <= 2^63 here; INT64_MIN's magnitude does not fit int64_t. */
        v->i = neg ? -(int64_t)(mag - 1) - 1 : (int64_t)mag;
    } else {
        v->kind = M_VUINT;
        v->u = neg ? 0 : mag;
    }
    return true;
}

/* YAML 1.2 core floats: [-+]?(.D+|D+(.D*)?)([eE][-+]?D+)?, [-+]?.inf, .nan */
static bool yaml_float_syntax(const char *s)
{
    size_t before = 0, after = 0;
    if (*s == '-' || *s == '+')
        s++;
    while (*s >= '0' && *s <= '9')
        s++, before++;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++)
            after++;
    if (before + after == 0)
        return false;
    if (*s == 'e' || *s == 'E') {
        size_t exp = 0;
        s++;
        if (*s == '-' || *s == '+')
            s++;
        for (; *s >= '0' && *s <= '9'; s++)
            exp++;
        if (exp == 0)
            return false;
    }
    return *s == '\0';
}

static bool yaml_special_float(const char *s, double *d)
{
    static const char *const infs[] = {".inf", ".Inf", ".INF"};
    static const char *const nans[] = {".nan", ".NaN", ".NAN"};
    size_t i;
    const char *t = (*s == '-' || *s == '+') ? s + 1 : s;
    for (i = 0; i < COUNT(infs); i++) {
        if (strcmp(t, infs[i]) == 0) {
            *d = *s == '-' ? -HUGE_VAL : HUGE_VAL;
            return true;
        }
        if (strcmp(s, nans[i]) == 0) {
            *d = NAN;
            return true;
        }
    }
    return false;
}

static bool default_float(checker *ck, const ast_node *n, m_kind k, m_value *v)
{
    double d;
    if (!is_scalar(n) || n->quoted) {
        expected(ck, n, "a number");
        return false;
    }
    if (!yaml_special_float(n->text, &d)) {
        if (!yaml_float_syntax(n->text)) {
            expected(ck, n, "a number");
            return false;
        }
        errno = 0;
        d = strtod(n->text, NULL);
        if (errno == ERANGE && (d == HUGE_VAL || d == -HUGE_VAL)) {
            report(ck, n->pos, "default %s out of range for double", n->text);
            return false;
        }
        if (k == M_FLOAT && (d > FLT_MAX || d < -FLT_MAX)) {
            report(ck, n->pos, "default %s out of range for float", n->text);
            return false;
        }
    }
    v->kind = M_VFLOAT;
    v->d = d;
    return true;
}

/* A string default is the scalar's text; only a plain null has none. */
static bool default_text(checker *ck, const ast_node *n, m_value *v)
{
    if (!is_scalar(n) || (ast_is_null(n) && !n->quoted)) {
        expected(ck, n, "a string");
        return false;
    }
    v->kind = M_VSTR;
    v->s = xstrdup(n->text);
    return true;
}

static bool default_scalar(checker *ck, const ast_node *n, m_kind k, m_value *v)
{
    switch (k) {
    case M_BOOL:
        v->kind = M_VBOOL;
        return get_bool(ck, n, &v->b);
    case M_CHAR:
        if (!is_scalar(n) || n->len != 1 || (unsigned char)n->text[0] >= 0x80) {
            expected(ck, n, "a single character");
            return false;
        }
        v->kind = M_VINT;
        v->i = n->text[0];
        return true;
    case M_FLOAT: case M_DOUBLE:
        return default_float(ck, n, k, v);
    case M_STRING:
        return default_text(ck, n, v);
    default:
        return default_int(ck, n, k, v);
    }
}

static bool default_array(checker *ck, const ast_node *n, const m_slot *s, m_value *v)
{
    size_t i;
    bool ok = true;
    if (s->type.kind == M_CHAR) {
        if (!default_text(ck, n, v))
            return false;
        if (n->len >= s->type.array_len) {
            report(ck, n->pos, "default is %zu bytes long; %s holds at most %zu and a NUL",
                   n->len, s->type_text, s->type.array_len - 1);
            return false;
        }
        return true;
    }
    if (n->kind != AST_SEQ) {
        expected(ck, n, "a list of at most %zu items", s->type.array_len);
        return false;
    }
    if (n->nitems > s->type.array_len) {
        report(ck, n->items[s->type.array_len]->pos, "default has %zu items; %s holds %zu",
               n->nitems, s->type_text, s->type.array_len);
        return false;
    }
    v->kind = M_VLIST;
    v->items = xcalloc(n->nitems + 1, sizeof(m_value));
    for (i = 0; i < n->nitems; i++) {
        if (!default_scalar(ck, n->items[i], s->type.kind, &v->items[i]))
            ok = false;
        if (is_scalar(n->items[i]))
            v->items[i].text = xstrdup(n->items[i]->text);
        v->nitems++;
    }
    return ok;
}

static void check_default(checker *ck, slot_work *w)
{
    m_slot *s = w->slot;
    const ast_node *n = w->default_node;
    bool ok;
    if (!n || !w->type_ok)
        return;
    if (s->type.kind == M_REF || s->type.kind == M_WEAK) {
        report(ck, n->pos, "a reference slot cannot have a default");
        return;
    }
    if (s->type.array_len)
        ok = default_array(ck, n, s, &s->def);
    else
        ok = default_scalar(ck, n, s->type.kind, &s->def);
    if (is_scalar(n))
        s->def.text = xstrdup(n->text);
    if (ok)
        s->has_default = true;
    else
        m_value_fini(&s->def);
}

/* ------------------------------------------------------------------ */
/* Generated names                                                     */

static void claim_class_names(checker *ck, const m_schema *sc, const class_work *cw)
{
    const m_class *c = cw->cls;
    const char *m = sc->module;
    size_t i;

    claim_name(ck, c->pos, fmt("%s_%s", m, c->name), fmt("the struct of class '%s'", c->name));
    claim_name(ck, c->pos, fmt("%s_%s_class", m, c->name),
               fmt("the descriptor of class '%s'", c->name));
    claim_name(ck, c->pos, fmt("%s_%s_new", m, c->name),
               fmt("the constructor of class '%s'", c->name));
    for (i = 0; i < c->nall; i++) {
        const m_slot *s = c->all[i];
        srcpos at = s->owner == c ? s->pos : c->pos;
        claim_name(ck, at, fmt("%s_%s_get_%s", m, c->name, s->name),
                   fmt("the getter of '%s.%s'", c->name, s->name));
        if (!s->readonly)
            claim_name(ck, at, fmt("%s_%s_set_%s", m, c->name, s->name),
                       fmt("the setter of '%s.%s'", c->name, s->name));
    }
}

static void claim_schema_names(checker *ck, schema_work *sw, srcpos module_at)
{
    size_t i, j;
    claim_name(ck, module_at, fmt("%s_module", sw->schema->module),
               fmt("the descriptor of module '%s'", sw->schema->module));
    for (i = 0; i < sw->nclasses; i++) {
        bool names_ok = sw->classes[i].name_ok;
        for (j = 0; j < sw->classes[i].nslots; j++)
            names_ok = names_ok && sw->classes[i].slots[j].name_ok;
        if (names_ok)
            claim_class_names(ck, sw->schema, &sw->classes[i]);
    }
}

/* ------------------------------------------------------------------ */
/* Schemas                                                             */

/* Two schemas of one run must not share a module name: every generated
** name would collide. */
static bool module_unique(checker *ck, const m_schema *s, srcpos at)
{
    size_t i;
    for (i = 0; i < ck->nsources; i++) {
        const m_schema *o = ck->sources[i]->schema;
        if (!o || strcmp(o->module, s->module) != 0)
            continue;
        report(ck, at, "module name '%s' is already used by '%s'", s->module, o->path);
        report_note(ck, ck->sources[i]->module_at, "module '%s' is declared here", o->module);
        return false;
    }
    return true;
}

/* module:, or the default from the file name; sets src->module_at.  False
** when the module is unusable: its generated names are then not claimed,
** since every one of them would repeat the same mistake. */
static bool check_module(checker *ck, schema_work *sw)
{
    m_schema *s = sw->schema;
    const ast_node *n = ast_map_get(sw->src->ast->root, "module");
    srcpos *at = &sw->src->module_at;

    if (n && is_scalar(n) && !ast_is_null(n)) {
        s->module = xstrdup(n->text);
        *at = model_pos(s, n->pos);
        return module_ok(ck, *at, s->module, "") && module_unique(ck, s, *at);
    }
    if (n)
        expected(ck, n, "a module name");
    s->module = module_from_path(s->path);
    *at = no_line(s->path);
    return module_ok(ck, *at, s->module, " (from the file name; set module:)")
        && module_unique(ck, s, *at);
}

/* The classes mapping, or NULL after reporting why there is none. */
static const ast_node *classes_node(checker *ck, const ast_node *root)
{
    const ast_node *n = ast_map_get(root, "classes");
    if (!n) {
        report(ck, root->pos, "missing required key 'classes'");
        return NULL;
    }
    if (!is_mapping_or_empty(ck, n, "a mapping of class names to classes") || n->kind != AST_MAP)
        return NULL;
    return n;
}

static void check_classes(checker *ck, schema_work *sw, const ast_node *classes)
{
    size_t i, j;
    sw->schema->classes = xcalloc(classes->npairs + 1, sizeof(m_class *));
    sw->classes = xcalloc(classes->npairs + 1, sizeof(class_work));
    for (i = 0; i < classes->npairs; i++)
        declare_class(ck, sw, &classes->pairs[i]);
    resolve_bases(ck, sw);
    find_cycles(ck, sw);
    for (i = 0; i < sw->nclasses; i++)
        finish_class(ck, sw, &sw->classes[i]);
    for (i = 0; i < sw->nclasses; i++)
        for (j = 0; j < sw->classes[i].nslots; j++) {
            slot_work *w = &sw->classes[i].slots[j];
            resolve_type(ck, sw, w);
            check_default(ck, w);
        }
}

static void free_schema_work(schema_work *sw)
{
    size_t i;
    for (i = 0; i < sw->nclasses; i++)
        free(sw->classes[i].slots);
    free(sw->classes);
}

/* Check a loaded source whose imports are done; adds its schema to the
** program. */
static void check_schema(checker *ck, source *src, m_schema **imports, size_t nimports)
{
    const ast_node *root = src->ast->root, *n, *classes;
    schema_work sw;
    bool module_usable;
    void *items = ck->prog->schemas;

    memset(&sw, 0, sizeof sw);
    sw.src = src;
    sw.schema = xcalloc(1, sizeof(m_schema));
    sw.schema->path = xstrdup(src->path);
    sw.schema->name = stem_from_path(src->path);
    sw.schema->imports = imports;
    sw.schema->nimports = nimports;
    check_keys(ck, root, "top-level key", top_keys, COUNT(top_keys));
    module_usable = check_module(ck, &sw);
    if ((n = ast_map_get(root, "doc")) != NULL)
        sw.schema->doc = get_doc(ck, n);
    if ((classes = classes_node(ck, root)) != NULL)
        check_classes(ck, &sw, classes);
    if (module_usable)
        claim_schema_names(ck, &sw, src->module_at);
    free_schema_work(&sw);

    xgrow(&items, &ck->cap_schemas, ck->prog->nschemas + 1, sizeof(m_schema *));
    ck->prog->schemas = items;
    ck->prog->schemas[ck->prog->nschemas++] = sw.schema;
    src->schema = sw.schema;
}

/* ------------------------------------------------------------------ */
/* Sources and imports                                                 */

static bool readable(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    fclose(f);
    return true;
}

/* DIR/ENTRY, or ENTRY when DIR is empty. */
static char *join(const char *dir, size_t dirlen, const char *entry)
{
    return dirlen ? fmt("%.*s/%s", (int)dirlen, dir, entry) : xstrdup(entry);
}

/* The importing file's directory first, then each -I directory. */
static char *resolve_import(const checker *ck, const source *from, const char *entry)
{
    size_t i;
    char *p;
    if (entry[0] == '/')
        return readable(entry) ? xstrdup(entry) : NULL;
    if (!from->in_memory) {
        const char *slash = strrchr(from->path, '/');
        p = join(from->path, slash ? (size_t)(slash - from->path) : 0, entry);
        if (readable(p))
            return p;
        free(p);
    }
    for (i = 0; ck->opt && i < ck->opt->ninclude_dirs; i++) {
        const char *dir = ck->opt->include_dirs[i];
        p = join(dir, strlen(dir), entry);
        if (readable(p))
            return p;
        free(p);
    }
    return NULL;
}

static char *identity_of(const char *path)
{
    char *real = realpath(path, NULL);
    char *id = xstrdup(real ? real : path);
    free(real);
    return id;
}

static source *find_source(const checker *ck, const char *identity)
{
    size_t i;
    for (i = 0; i < ck->nsources; i++)
        if (strcmp(ck->sources[i]->identity, identity) == 0)
            return ck->sources[i];
    return NULL;
}

static source *add_source(checker *ck, char *path, bool in_memory)
{
    source *src = xcalloc(1, sizeof(source));
    void *items = ck->sources;
    src->path = path;
    src->identity = in_memory ? xstrdup(path) : identity_of(path);
    src->in_memory = in_memory;
    xgrow(&items, &ck->cap_sources, ck->nsources + 1, sizeof(source *));
    ck->sources = items;
    ck->sources[ck->nsources++] = src;
    return src;
}

static void record_read(checker *ck, const char *path)
{
    void *items;
    if (!ck->read_files)
        return;
    items = *ck->read_files;
    xgrow(&items, &ck->cap_read_files, *ck->nread_files + 1, sizeof(char *));
    *ck->read_files = items;
    (*ck->read_files)[(*ck->nread_files)++] = xstrdup(path);
}

static void push_stack(checker *ck, source *src)
{
    void *items = ck->stack;
    xgrow(&items, &ck->cap_stack, ck->nstack + 1, sizeof(source *));
    ck->stack = items;
    ck->stack[ck->nstack++] = src;
    src->loading = true;
}

static void process_source(checker *ck, source *src);

static void report_import_cycle(checker *ck, const ast_node *entry, const source *target)
{
    buf b = BUF_INIT;
    size_t i = ck->nstack;
    while (i > 0 && ck->stack[i - 1] != target)
        i--;
    buf_puts(&b, "import cycle: ");
    for (i = i - 1; i < ck->nstack; i++)
        buf_printf(&b, "%s -> ", ck->stack[i]->path);
    buf_puts(&b, target->path);
    report(ck, entry->pos, "%s", buf_str(&b));
    buf_free(&b);
}

/* One entry of `imports:`; returns the imported schema or NULL. */
static m_schema *import_one(checker *ck, source *src, const ast_node *entry)
{
    char *path;
    source *target;

    if (!is_scalar(entry) || ast_is_null(entry)) {
        expected(ck, entry, "a schema file name");
        return NULL;
    }
    if ((path = resolve_import(ck, src, entry->text)) == NULL) {
        report(ck, entry->pos, "cannot find imported schema '%s'", entry->text);
        return NULL;
    }
    {
        char *id = identity_of(path);
        target = find_source(ck, id);
        free(id);
    }
    if (target && target->loading) {
        report_import_cycle(ck, entry, target);
        free(path);
        return NULL;
    }
    if (!target) {
        target = add_source(ck, path, false);
        process_source(ck, target);
    } else {
        free(path);
    }
    return target->schema;
}

/* The schemas `src` imports, as an owned array for m_schema.imports. */
static m_schema **load_imports(checker *ck, source *src, size_t *n)
{
    const ast_node *list = ast_map_get(src->ast->root, "imports");
    m_schema **imports;
    size_t i, j;

    *n = 0;
    if (!list || (is_scalar(list) && ast_is_null(list) && !list->quoted))
        return NULL;
    if (list->kind != AST_SEQ) {
        expected(ck, list, "a list of schema files");
        return NULL;
    }
    imports = xcalloc(list->nitems + 1, sizeof(m_schema *));
    for (i = 0; i < list->nitems; i++) {
        m_schema *s = import_one(ck, src, list->items[i]);
        if (!s) {
            src->broken_imports = true;
            continue;
        }
        for (j = 0; j < *n && imports[j] != s; j++)
            ;
        if (j == *n)
            imports[(*n)++] = s;
    }
    return imports;
}

/* Load (unless already loaded), follow imports, check. */
static void process_source(checker *ck, source *src)
{
    m_schema **imports;
    size_t nimports;

    if (!src->ast) {
        record_read(ck, src->path);
        src->ast = load_file(src->path, ck->d);
    }
    if (!src->ast)
        return;
    push_stack(ck, src);
    imports = load_imports(ck, src, &nimports);
    check_schema(ck, src, imports, nimports);
    flush_problems(ck, src);
    src->loading = false;
    ck->nstack--;
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */

static void checker_init(checker *ck, const check_options *opt, diag *d)
{
    memset(ck, 0, sizeof *ck);
    ck->d = d;
    ck->opt = opt;
    ck->prog = xcalloc(1, sizeof(m_program));
}

/* Frees the checker; returns the program when the run added no error. */
static m_program *checker_finish(checker *ck, size_t errors_before)
{
    m_program *p = ck->prog;
    size_t i;

    for (i = 0; i < ck->nsources; i++) {
        source *src = ck->sources[i];
        ast_file_free(src->ast);
        free(src->problems);
        free(src->path);
        free(src->identity);
        free(src);
    }
    for (i = 0; i < ck->nnames; i++) {
        free(ck->names[i].name);
        free(ck->names[i].what);
    }
    free(ck->names);
    free(ck->sources);
    free(ck->stack);
    free(ck->tainted);
    if (diag_errors(ck->d) > errors_before) {
        m_program_free(p);
        return NULL;
    }
    layout_compute(p);
    return p;
}

m_program *check_files(const char *const *paths, size_t npaths,
                       const check_options *opt, diag *d,
                       char ***read_files, size_t *nread_files)
{
    checker ck;
    size_t before = diag_errors(d), i;

    checker_init(&ck, opt, d);
    if (read_files) {
        ck.read_files = read_files;
        ck.nread_files = nread_files;
        ck.cap_read_files = *nread_files;
    }
    for (i = 0; i < npaths; i++) {
        char *id = identity_of(paths[i]);
        source *src = find_source(&ck, id);
        free(id);
        if (!src) {
            src = add_source(&ck, xstrdup(paths[i]), false);
            process_source(&ck, src);
        }
        if (src->schema)
            src->schema->root = true;
    }
    return checker_finish(&ck, before);
}

m_program *check_string(const char *name, const char *text, size_t len,
                        const check_options *opt, diag *d)
{
    checker ck;
    size_t before = diag_errors(d);
    source *src;

    checker_init(&ck, opt, d);
    src = add_source(&ck, xstrdup(name), true);
    src->ast = load_string(name, text, len, d);
    process_source(&ck, src);
    if (src->schema)
        src->schema->root = true;
    return checker_finish(&ck, before);
}
