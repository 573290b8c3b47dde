/*
** imports.c: loading the schema files of a run in import order (see imports.h).
*/
#define _XOPEN_SOURCE 700       /* realpath: a file imported twice is loaded once */

#include "imports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "expect.h"
#include "load.h"
#include "mem.h"

void imports_init(import_graph *g, const check_options *opt, diag *d,
                  import_visit *visit, void *ctx)
{
    memset(g, 0, sizeof *g);
    g->d = d;
    g->opt = opt;
    g->visit = visit;
    g->ctx = ctx;
}

void imports_record_reads(import_graph *g, char ***read_files, size_t *nread_files)
{
    g->read_files = read_files;
    g->nread_files = nread_files;
    g->cap_read_files = *nread_files;
}

static void record_read(import_graph *g, const char *path)
{
    void *items;
    if (!g->read_files)
        return;
    items = *g->read_files;
    xgrow(&items, &g->cap_read_files, *g->nread_files + 1, sizeof(char *));
    *g->read_files = items;
    (*g->read_files)[(*g->nread_files)++] = xstrdup(path);
}

/* ------------------------------------------------------------------ */
/* Finding a file                                                      */

static bool readable(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    fclose(f);
    return true;
}

/* DIR/ENTRY, or ENTRY when DIR is empty; caller frees. */
static char *join(const char *dir, size_t dirlen, const char *entry)
{
    buf b = BUF_INIT;
    if (dirlen == 0)
        return xstrdup(entry);
    buf_printf(&b, "%.*s/%s", (int)dirlen, dir, entry);
    return buf_steal(&b);
}

/* DIR/ENTRY when that file can be read; caller frees. */
static char *try_dir(const char *dir, size_t dirlen, const char *entry)
{
    char *p = join(dir, dirlen, entry);
    if (readable(p))
        return p;
    free(p);
    return NULL;
}

/* The importing file's directory first, then each -I directory; NULL when
** the entry is found nowhere.  Caller frees. */
static char *resolve_import(const import_graph *g, const schema_file *from, const char *entry)
{
    size_t i;
    char *p = NULL;
    if (entry[0] == '/')
        return readable(entry) ? xstrdup(entry) : NULL;
    if (!from->in_memory) {
        const char *slash = strrchr(from->path, '/');
        p = try_dir(from->path, slash ? (size_t)(slash - from->path) : 0, entry);
    }
    for (i = 0; !p && g->opt && i < g->opt->ninclude_dirs; i++)
        p = try_dir(g->opt->include_dirs[i], strlen(g->opt->include_dirs[i]), entry);
    return p;
}

/* ------------------------------------------------------------------ */
/* The files of the run                                                */

/* The file's realpath, or the path itself when it has none; caller frees. */
static char *identity_of(const char *path)
{
    char *real = realpath(path, NULL);
    char *id = xstrdup(real ? real : path);
    free(real);
    return id;
}

/* The record of the file at `path`, or NULL when it is not loaded yet. */
static schema_file *find_file(const import_graph *g, const char *path)
{
    char *id = identity_of(path);
    schema_file *found = NULL;
    size_t i;
    for (i = 0; !found && i < g->nfiles; i++)
        if (strcmp(g->files[i]->identity, id) == 0)
            found = g->files[i];
    free(id);
    return found;
}

/* A new record for `path` (taken over). */
static schema_file *add_file(import_graph *g, char *path, bool in_memory)
{
    schema_file *f = xcalloc(1, sizeof(schema_file));
    void *items = g->files;
    f->path = path;
    f->identity = in_memory ? xstrdup(path) : identity_of(path);
    f->in_memory = in_memory;
    xgrow(&items, &g->cap_files, g->nfiles + 1, sizeof(schema_file *));
    g->files = items;
    g->files[g->nfiles++] = f;
    return f;
}

static void push_chain(import_graph *g, schema_file *f)
{
    void *items = g->chain;
    xgrow(&items, &g->cap_chain, g->nchain + 1, sizeof(schema_file *));
    g->chain = items;
    g->chain[g->nchain++] = f;
    f->loading = true;
}

static void pop_chain(import_graph *g)
{
    g->chain[--g->nchain]->loading = false;
}

/* ------------------------------------------------------------------ */
/* Following imports                                                   */

static void process_file(import_graph *g, schema_file *f);

/* "import cycle: a.yaml -> b.yaml -> a.yaml", from `target` (on the chain)
** to the file importing it again. */
static void report_import_cycle(import_graph *g, schema_file *from, const ast_node *entry,
                                const schema_file *target)
{
    buf b = BUF_INIT;
    size_t i = g->nchain;
    while (i > 0 && g->chain[i - 1] != target)
        i--;
    buf_puts(&b, "import cycle: ");
    for (i = i - 1; i < g->nchain; i++)
        buf_printf(&b, "%s -> ", g->chain[i]->path);
    buf_puts(&b, target->path);
    problems_add(&from->problems, entry->pos, "%s", buf_str(&b));
    buf_free(&b);
}

/* One entry of `from`'s `imports:`; returns the imported schema, or NULL
** after reporting why there is none. */
static m_schema *import_one(import_graph *g, schema_file *from, const ast_node *entry)
{
    char *path;
    schema_file *target;

    if (!node_has_value(entry)) {
        expect_fail(&from->problems, entry, "a schema file name");
        return NULL;
    }
    if ((path = resolve_import(g, from, entry->text)) == NULL) {
        problems_add(&from->problems, entry->pos, "cannot find imported schema '%s'", entry->text);
        return NULL;
    }
    target = find_file(g, path);
    if (target) {
        free(path);
        if (target->loading) {
            report_import_cycle(g, from, entry, target);
            return NULL;
        }
    } else {
        target = add_file(g, path, false);
        process_file(g, target);
    }
    return target->schema;
}

/* The schemas `f` imports, as an owned array for m_schema.imports. */
static m_schema **load_imports(import_graph *g, schema_file *f, size_t *n)
{
    const ast_node *list = ast_map_get(f->ast->root, "imports");
    m_schema **imports;
    size_t i, j;

    *n = 0;
    if (!list || ast_is_null(list))
        return NULL;
    if (list->kind != AST_SEQ) {
        expect_fail(&f->problems, list, "a list of schema files");
        return NULL;
    }
    imports = xcalloc(list->nitems + 1, sizeof(m_schema *));
    for (i = 0; i < list->nitems; i++) {
        m_schema *s = import_one(g, f, list->items[i]);
        if (!s) {
            f->imports_broken = true;
            continue;
        }
        for (j = 0; j < *n && imports[j] != s; j++)
            ;
        if (j == *n)
            imports[(*n)++] = s;
    }
    return imports;
}

/* Load `f` (unless it is loaded already), follow its imports, visit it. */
static void process_file(import_graph *g, schema_file *f)
{
    m_schema **imports;
    size_t nimports;

    if (!f->ast) {
        record_read(g, f->path);
        f->ast = load_file(f->path, g->d);
    }
    if (!f->ast)
        return;
    push_chain(g, f);
    imports = load_imports(g, f, &nimports);
    g->visit(g->ctx, f, imports, nimports);
    problems_flush(&f->problems, g->d);
    pop_chain(g);
}

schema_file *imports_load_path(import_graph *g, const char *path)
{
    schema_file *f = find_file(g, path);
    if (!f) {
        f = add_file(g, xstrdup(path), false);
        process_file(g, f);
    }
    return f;
}

schema_file *imports_load_string(import_graph *g, const char *name, const char *text, size_t len)
{
    schema_file *f = add_file(g, xstrdup(name), true);
    f->ast = load_string(name, text, len, g->d);
    /* Text that did not parse is reported; there is no file to fall back to. */
    if (f->ast)
        process_file(g, f);
    return f;
}

void imports_fini(import_graph *g)
{
    size_t i;
    for (i = 0; i < g->nfiles; i++) {
        schema_file *f = g->files[i];
        ast_file_free(f->ast);
        problems_free(&f->problems);
        free(f->path);
        free(f->identity);
        free(f);
    }
    free(g->files);
    free(g->chain);
}
