/*
** check.c: syntax trees to a checked model (see check.h).
**
** The driver of the check.  imports.c hands it each schema of the run once
** the schemas it imports are checked, so their classes are complete when
** it uses them as bases or types.  Each schema is checked in phases:
** top-level keys, class declarations (names, options, slot syntax), base
** resolution and cycle detection, inheritance (weakref/dict/frozen rules,
** inherited slots), slot types (types.c) and defaults (defaults.c), and
** finally the generated names the schema will emit, which must collide
** with no other name of the run (gennames.c).
**
** Errors are reported at the node that is wrong, never at its class, into
** the schema's problems list, which hands them to the diag in source order
** whatever phase found them.  A class whose base is unknown or cyclic is
** "tainted": the rules that depend on its ancestors are skipped for it and
** its subclasses, so one mistake is reported once.  Likewise, when an
** import of a schema failed, names the schema does not know are not
** reported: they may live in that import.
*/
#include "check.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "buf.h"
#include "defaults.h"
#include "expect.h"
#include "gennames.h"
#include "imports.h"
#include "layout.h"
#include "mem.h"
#include "names.h"
#include "phash.h"
#include "problems.h"
#include "strmap.h"
#include "types.h"

/* The state of one run, across its schemas. */
typedef struct checker {
    m_program *prog;        /* owned until checker_finish hands it over */
    size_t cap_schemas;     /* of prog->schemas */
    import_graph files;     /* every schema file of the run */
    problems *out;          /* borrowed: the errors of the schema being checked */
    gennames names;         /* every generated name of the run */
    m_class **tainted;      /* borrowed; classes with an unknown or cyclic base */
    size_t ntainted, cap_tainted;
} checker;

/* ------------------------------------------------------------------ */
/* Per-schema working state                                            */

typedef struct slot_work {
    m_slot *slot;
    bool name_ok;
    const ast_node *type_node;      /* scalar naming the type, or NULL */
    const ast_node *weak_node;      /* value of `weak:`, or NULL */
    const ast_node *default_node;   /* value of `default:`, or NULL */
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
    schema_file *file;
    m_schema *schema;
    type_scope scope;               /* what the schema's types may name */
    class_work *classes;            /* owned; parallel to schema->classes */
    size_t nclasses;
} schema_work;

/* Positions in the model point at the schema's own copy of its path. */
static srcpos model_pos(const m_schema *s, srcpos p)
{
    p.file = s->path;
    return p;
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
            problems_add(ck->out, key->pos, "__slots__ must be identifiers: '%s' is not one",
                         key->text);
        else
            problems_add(ck->out, key->pos, "class names must be identifiers: '%s' is not one",
                         key->text);
        return false;
    }
    if (p != NAMES_OK) {
        problems_add(ck->out, key->pos, "%s '%s' is %s", what, key->text, names_problem_text(p));
        return false;
    }
    if (is_slot && strncmp(key->text, "slots_", 6) == 0) {
        problems_add(ck->out, key->pos,
                     "slot name '%s' uses the prefix 'slots_', reserved for generated members",
                     key->text);
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Modules                                                             */

/* The length of NAME in NAME.yaml or NAME.yml (the whole name otherwise). */
static size_t stem_len(const char *base)
{
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
        return n - 5;
    if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
        return n - 4;
    return n;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* NAME of DIR/NAME.yaml: the stem of the output files. */
static char *stem_from_path(const char *path)
{
    const char *base = base_name(path);
    return xstrndup(base, stem_len(base));
}

/* The default module name: the file's stem made an identifier. */
static char *module_from_path(const char *path)
{
    const char *base = base_name(path);
    size_t n = stem_len(base), i;
    buf b = BUF_INIT;

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

/* A module name is only ever a prefix, so keywords are harmless; what
** matters is that M_C is a legal, unreserved name outside the runtime's
** own `slots_` namespace. */
static bool module_ok(checker *ck, srcpos at, const char *module, const char *origin)
{
    names_problem p = names_check(module);
    if (p == NAMES_NOT_IDENTIFIER) {
        problems_add(ck->out, at, "module name '%s'%s is not an identifier", module, origin);
        return false;
    }
    if (p == NAMES_RESERVED || p == NAMES_MACRO) {
        problems_add(ck->out, at, "module name '%s'%s is %s", module, origin,
                     names_problem_text(p));
        return false;
    }
    if (strcmp(module, "slots") == 0 || strncmp(module, "slots_", 6) == 0) {
        problems_add(ck->out, at, "module name '%s'%s is in the runtime's 'slots_' namespace",
                     module, origin);
        return false;
    }
    return true;
}

/* Two schemas of one run must not share a module name: every generated
** name would collide. */
static bool module_unique(checker *ck, const m_schema *s, srcpos at)
{
    size_t i;
    for (i = 0; i < ck->files.nfiles; i++) {
        const schema_file *f = ck->files.files[i];
        if (!f->schema || strcmp(f->schema->module, s->module) != 0)
            continue;
        problems_add(ck->out, at, "module name '%s' is already used by '%s'", s->module,
                     f->schema->path);
        problems_note(ck->out, f->module_at, "module '%s' is declared here", f->schema->module);
        return false;
    }
    return true;
}

/* module:, or the default from the file name; sets file->module_at.  False
** when the module is unusable: its generated names are then not claimed,
** since every one of them would repeat the same mistake. */
static bool check_module(checker *ck, schema_work *sw)
{
    m_schema *s = sw->schema;
    const ast_node *n = ast_map_get(sw->file->ast->root, "module");
    srcpos *at = &sw->file->module_at;

    if (node_has_value(n)) {
        s->module = xstrdup(n->text);
        *at = model_pos(s, n->pos);
        return module_ok(ck, *at, s->module, "") && module_unique(ck, s, *at);
    }
    if (n)
        expect_fail(ck->out, n, "a module name");
    s->module = module_from_path(s->path);
    at->file = s->path;
    at->line = at->col = 0;
    return module_ok(ck, *at, s->module, " (from the file name; set module:)")
        && module_unique(ck, s, *at);
}

/* ------------------------------------------------------------------ */
/* Declarations: classes, options, slot syntax                        */

static const char *const top_keys[] = {"module", "doc", "imports", "classes"};
static const char *const class_keys[] = {"base", "doc", "slots", "weakref", "dict", "frozen"};
static const char *const slot_keys[] = {"type", "default", "readonly", "doc", "weak"};

/* The long form: {type: T, default: ..., readonly: ..., doc: ..., weak: ...}. */
static void declare_slot_options(checker *ck, slot_work *w, const ast_node *v)
{
    m_slot *s = w->slot;
    const ast_node *n;

    expect_known_keys(ck->out, v, "slot option", slot_keys, COUNT(slot_keys));
    w->type_node = ast_map_get(v, "type");
    if (!w->type_node)
        problems_add(ck->out, v->pos, "slot '%s' has no 'type'", s->name);
    else if (!node_has_value(w->type_node)) {
        expect_fail(ck->out, w->type_node, "a type name");
        w->type_node = NULL;
    }
    w->default_node = ast_map_get(v, "default");
    if ((n = ast_map_get(v, "readonly")) != NULL)
        expect_bool(ck->out, n, &s->readonly);
    if ((n = ast_map_get(v, "doc")) != NULL)
        s->doc = expect_text(ck->out, n);
    if ((w->weak_node = ast_map_get(v, "weak")) != NULL
        && !expect_bool(ck->out, w->weak_node, &w->weak))
        w->weak_node = NULL;
}

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

    if (node_has_value(v))
        w->type_node = v;
    else if (v->kind == AST_MAP)
        declare_slot_options(ck, w, v);
    else
        expect_fail(ck->out, v, "a type, or a mapping with 'type'");
    s->type_text = xstrdup(w->type_node ? w->type_node->text : "");
}

static void declare_slots(checker *ck, schema_work *sw, class_work *cw, const ast_node *slots)
{
    size_t i;
    if (!expect_mapping_or_empty(ck->out, slots, "a mapping of slot names to types")
        || slots->kind != AST_MAP)
        return;
    cw->cls->own = xcalloc(slots->npairs, sizeof(m_slot *));
    cw->slots = xcalloc(slots->npairs, sizeof(slot_work));
    for (i = 0; i < slots->npairs; i++)
        declare_slot(ck, sw, cw, &slots->pairs[i]);
}

/* A flag option; its node is kept for errors only when it reads true or false. */
static const ast_node *declare_flag(checker *ck, const ast_node *options, const char *key,
                                    bool *flag)
{
    const ast_node *n = ast_map_get(options, key);
    return n && expect_bool(ck->out, n, flag) ? n : NULL;
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

    if (!expect_mapping_or_empty(ck->out, v, "a mapping of class options") || v->kind != AST_MAP)
        return;
    expect_known_keys(ck->out, v, "class option", class_keys, COUNT(class_keys));
    if ((n = ast_map_get(v, "doc")) != NULL)
        c->doc = expect_text(ck->out, n);
    if ((n = ast_map_get(v, "base")) != NULL) {
        if (node_has_value(n))
            cw->base_node = n;
        else
            expect_fail(ck->out, n, "a class name");
    }
    cw->weakref_node = declare_flag(ck, v, "weakref", &c->weakref);
    cw->dict_node = declare_flag(ck, v, "dict", &c->dict);
    cw->frozen_node = declare_flag(ck, v, "frozen", &c->frozen);
    if ((n = ast_map_get(v, "slots")) != NULL)
        declare_slots(ck, sw, cw, n);
}

/* ------------------------------------------------------------------ */
/* Inheritance                                                         */

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

/* The working state of `c` when this schema declares it, else NULL. */
static class_work *work_of(schema_work *sw, const m_class *c)
{
    size_t i;
    for (i = 0; i < sw->nclasses; i++)
        if (sw->classes[i].cls == c)
            return &sw->classes[i];
    return NULL;
}

static void resolve_bases(checker *ck, schema_work *sw)
{
    size_t i;
    for (i = 0; i < sw->nclasses; i++) {
        class_work *cw = &sw->classes[i];
        if (!cw->base_node)
            continue;
        cw->cls->base = type_find_class(&sw->scope, cw->base_node->text);
        if (!cw->cls->base) {
            type_report_unknown(&sw->scope, cw->base_node, "base class", NULL, 0);
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
    problems_add(ck->out, first->base_node->pos, "%s", buf_str(&b));
    buf_free(&b);
}

/* The next class up the chain when this schema declares it, else NULL. */
static class_work *base_work(schema_work *sw, const class_work *w)
{
    return w->cls->base ? work_of(sw, w->cls->base) : NULL;
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
            w = base_work(sw, w);
        }
        if (w && w->cycle_state == WALK_ACTIVE)
            report_cycle(ck, sw, w);
        /* Only this walk left classes active: retire them, cycle included. */
        for (w = &sw->classes[i]; w && w->cycle_state == WALK_ACTIVE; w = base_work(sw, w))
            w->cycle_state = WALK_DONE;
    }
}

/* weakref/dict twice in a chain, and dataclasses' frozen rules. */
static void check_flags(checker *ck, class_work *cw)
{
    m_class *c = cw->cls, *b = c->base;
    if (c->weakref && b && b->has_weakref)
        problems_add(ck->out, cw->weakref_node->pos,
                     "__weakref__ slot disallowed: we already got one");
    if (c->dict && b && b->has_dict)
        problems_add(ck->out, cw->dict_node->pos, "__dict__ slot disallowed: we already got one");
    if (b && c->frozen && !b->frozen)
        problems_add(ck->out, cw->frozen_node->pos,
                     "cannot inherit frozen class from a non-frozen one");
    if (b && !c->frozen && b->frozen)
        problems_add(ck->out, cw->frozen_node ? cw->frozen_node->pos : cw->base_node->pos,
                     "cannot inherit non-frozen class from a frozen one");
    c->has_weakref = c->weakref || (b && b->has_weakref);
    c->has_dict = c->dict || (b && b->has_dict);
    /* An inherited dict under a frozen class is already an error at the
    ** base: either it is frozen too, or the frozen rule fails. */
    if (c->frozen && c->dict)
        problems_add(ck->out, cw->dict_node->pos,
                     "a frozen class cannot have dict: true: its attributes could never be set");
}

/* all[]: the base's slots, then the own ones that do not redefine one. */
static void collect_slots(checker *ck, class_work *cw)
{
    m_class *c = cw->cls, *b = c->base;
    size_t nbase = b ? b->nall : 0, i, at;
    strmap inherited = STRMAP_INIT;     /* names of b->all: classes may be wide */

    c->all = xcalloc(nbase + c->nown + 1, sizeof(m_slot *));
    for (i = 0; i < nbase; i++) {
        c->all[c->nall++] = b->all[i];
        strmap_put(&inherited, b->all[i]->name, i, NULL);
    }
    for (i = 0; i < c->nown; i++) {
        m_slot *s = c->own[i];
        if (strmap_get(&inherited, s->name, &at)) {
            const m_slot *old = b->all[at];
            problems_add(ck->out, s->pos, "slot '%s' redefines the slot inherited from '%s'",
                         s->name, old->owner->name);
            problems_note(ck->out, old->pos, "'%s.%s' is defined here", old->owner->name,
                          old->name);
            continue;
        }
        c->all[c->nall++] = s;
    }
    strmap_free(&inherited);
    if (c->nall > PHASH_MAX_NAMES)
        problems_add(ck->out, c->pos, "class '%s' has %zu slots, own and inherited; "
                     "at most %u fit its name index", c->name, c->nall, PHASH_MAX_NAMES);
}

/* Ancestors unknown: keep what the class itself declares. */
static void cut_from_ancestors(m_class *c)
{
    size_t i;
    c->base = NULL;
    c->has_weakref = c->weakref;
    c->has_dict = c->dict;
    c->all = xcalloc(c->nown + 1, sizeof(m_slot *));
    for (i = 0; i < c->nown; i++)
        c->all[c->nall++] = c->own[i];
}

/* Bases first: a base in this schema is finished before its subclasses. */
static void finish_class(checker *ck, schema_work *sw, class_work *cw)
{
    class_work *bw;
    size_t i;
    if (cw->finished)
        return;
    cw->finished = true;
    bw = base_work(sw, cw);
    if (bw && !cw->tainted)
        finish_class(ck, sw, bw);
    if (bw && bw->tainted)
        taint(ck, cw);
    if (cw->tainted) {
        cut_from_ancestors(cw->cls);
    } else {
        check_flags(ck, cw);
        collect_slots(ck, cw);
    }
    for (i = 0; i < cw->cls->nown; i++)
        if (cw->cls->frozen)
            cw->cls->own[i]->readonly = true;
}

/* ------------------------------------------------------------------ */
/* Slot types and defaults                                             */

/* A weak reference's target must support weak references. */
static void check_weak_target(checker *ck, const slot_work *w)
{
    const m_class *t = w->slot->type.ref;
    if (t->has_weakref || is_tainted(ck, t))
        return;
    problems_add(ck->out, w->type_node->pos, "cannot create weak reference to '%s' object",
                 t->name);
    problems_note(ck->out, t->pos, "declare weakref: true on '%s'", t->name);
}

static void check_slot_type(checker *ck, schema_work *sw, slot_work *w)
{
    const m_type *t = &w->slot->type;
    if (!w->type_node)
        return;
    w->type_ok = type_resolve(&sw->scope, w->type_node, w->weak, &w->slot->type);
    if (!w->type_ok)
        return;
    if (t->kind == M_WEAK)
        check_weak_target(ck, w);
    else if (w->weak)
        problems_add(ck->out, w->weak_node->pos, "weak: true needs a class type, not '%s'",
                     w->type_node->text);
}

/* ------------------------------------------------------------------ */
/* Schemas                                                             */

/* The classes mapping, or NULL after reporting why there is none. */
static const ast_node *classes_node(checker *ck, const ast_node *root)
{
    const ast_node *n = ast_map_get(root, "classes");
    if (!n) {
        problems_add(ck->out, root->pos, "missing required key 'classes'");
        return NULL;
    }
    if (!expect_mapping_or_empty(ck->out, n, "a mapping of class names to classes")
        || n->kind != AST_MAP)
        return NULL;
    return n;
}

static void check_classes(checker *ck, schema_work *sw, const ast_node *classes)
{
    size_t i, j;
    if (classes->npairs > PHASH_MAX_NAMES)
        problems_add(ck->out, classes->pos, "%zu classes in one schema; at most %u fit "
                     "the module's class index", classes->npairs, PHASH_MAX_NAMES);
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
            check_slot_type(ck, sw, w);
            if (w->default_node && w->type_ok)
                defaults_read(ck->out, w->default_node, w->slot);
        }
}

static void free_schema_work(schema_work *sw)
{
    size_t i;
    for (i = 0; i < sw->nclasses; i++)
        free(sw->classes[i].slots);
    free(sw->classes);
}

static void add_to_program(checker *ck, m_schema *s)
{
    void *items = ck->prog->schemas;
    xgrow(&items, &ck->cap_schemas, ck->prog->nschemas + 1, sizeof(m_schema *));
    ck->prog->schemas = items;
    ck->prog->schemas[ck->prog->nschemas++] = s;
}

/* A class whose name or a slot name is illegal generates nothing: every
** one of its names would repeat that mistake. */
static void claim_schema_names(checker *ck, schema_work *sw, srcpos module_at)
{
    size_t i, j;
    gennames_claim_module(&ck->names, ck->out, sw->schema, module_at);
    for (i = 0; i < sw->nclasses; i++) {
        bool names_ok = sw->classes[i].name_ok;
        for (j = 0; j < sw->classes[i].nslots; j++)
            names_ok = names_ok && sw->classes[i].slots[j].name_ok;
        if (names_ok)
            gennames_claim_class(&ck->names, ck->out, sw->schema, sw->classes[i].cls);
    }
}

/* import_visit: check a loaded file whose imports are done; adds its
** schema to the program. */
static void check_schema(void *ctx, schema_file *file, m_schema **imports, size_t nimports)
{
    checker *ck = ctx;
    const ast_node *root = file->ast->root, *n, *classes;
    schema_work sw;
    bool module_usable;

    ck->out = &file->problems;
    memset(&sw, 0, sizeof sw);
    sw.file = file;
    sw.schema = xcalloc(1, sizeof(m_schema));
    sw.schema->path = xstrdup(file->path);
    sw.schema->name = stem_from_path(file->path);
    sw.schema->imports = imports;
    sw.schema->nimports = nimports;
    sw.scope.run = ck->prog;
    sw.scope.schema = sw.schema;
    sw.scope.imports_broken = file->imports_broken;
    sw.scope.out = ck->out;

    expect_known_keys(ck->out, root, "top-level key", top_keys, COUNT(top_keys));
    module_usable = check_module(ck, &sw);
    if ((n = ast_map_get(root, "doc")) != NULL)
        sw.schema->doc = expect_text(ck->out, n);
    if ((classes = classes_node(ck, root)) != NULL)
        check_classes(ck, &sw, classes);
    if (module_usable)
        claim_schema_names(ck, &sw, file->module_at);
    free_schema_work(&sw);

    add_to_program(ck, sw.schema);
    file->schema = sw.schema;
    ck->out = NULL;
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */

static void checker_init(checker *ck, const check_options *opt, diag *d)
{
    memset(ck, 0, sizeof *ck);
    ck->prog = xcalloc(1, sizeof(m_program));
    imports_init(&ck->files, opt, d, check_schema, ck);
}

/* Frees the checker; returns the program when the run added no error. */
static m_program *checker_finish(checker *ck, size_t errors_before)
{
    m_program *p = ck->prog;
    diag *d = ck->files.d;

    imports_fini(&ck->files);
    gennames_free(&ck->names);
    free(ck->tainted);
    if (diag_errors(d) > errors_before) {
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
    if (read_files)
        imports_record_reads(&ck.files, read_files, nread_files);
    for (i = 0; i < npaths; i++) {
        schema_file *f = imports_load_path(&ck.files, paths[i]);
        if (f->schema)
            f->schema->root = true;
    }
    return checker_finish(&ck, before);
}

m_program *check_string(const char *name, const char *text, size_t len,
                        const check_options *opt, diag *d)
{
    checker ck;
    size_t before = diag_errors(d);
    schema_file *f;

    checker_init(&ck, opt, d);
    f = imports_load_string(&ck.files, name, text, len);
    if (f->schema)
        f->schema->root = true;
    return checker_finish(&ck, before);
}
