/*
** imports.h: finding, loading and ordering the schema files of a run.
**
** A run starts from the schemas named on the command line (or one held in
** memory) and follows their `imports:` depth first, so that every schema
** is handed to the checker only after the schemas it imports: their
** classes are complete when it uses them.  An import is searched next to
** the importing file first, then in each include directory in order; a
** file reached twice, by whatever path, is loaded once (its identity is
** its realpath); an import that leads back to a file still being loaded
** is an import cycle, reported with the whole chain.
*/
#ifndef SLOTGEN_IMPORTS_H
#define SLOTGEN_IMPORTS_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "check.h"
#include "diag.h"
#include "model.h"
#include "problems.h"

/* One schema file of the run. */
typedef struct schema_file {
    char *path;             /* as displayed: given, or importer's dir + entry (owned) */
    char *identity;         /* canonical path, so a file is loaded once (owned) */
    bool in_memory;         /* from check_string: no directory to search */
    bool loading;           /* on the import chain: importing it again is a cycle */
    bool imports_broken;    /* an import failed: unknown names are not reported */
    ast_file *ast;          /* owned; NULL when it did not load */
    problems problems;      /* this schema's errors, flushed once it is checked */
    /* Set by the checker: */
    m_schema *schema;       /* borrowed from the program once checked; NULL before */
    srcpos module_at;       /* its `module:` value, or the file (line 0) */
} schema_file;

/* Checks `f`, whose imports are all done, and sets f->schema.  `imports`
** (the schemas of its `imports:` in order, duplicates dropped) is an owned
** array handed over for m_schema.imports. */
typedef void import_visit(void *ctx, schema_file *f, m_schema **imports, size_t nimports);

/* The files of one run.  Zero-initialise with imports_init. */
typedef struct import_graph {
    diag *d;
    const check_options *opt;   /* borrowed: the include directories; may be NULL */
    import_visit *visit;
    void *ctx;                  /* passed to visit */
    schema_file **files;        /* owned; load order */
    size_t nfiles, cap_files;
    schema_file **chain;        /* borrowed; the import chain being loaded */
    size_t nchain, cap_chain;
    char ***read_files;         /* the caller's, or NULL: see check_files */
    size_t *nread_files;
    size_t cap_read_files;
} import_graph;

void imports_init(import_graph *g, const check_options *opt, diag *d,
                  import_visit *visit, void *ctx);

/* Append the path of every file read from now on to *read_files (the
** caller's array of owned strings, grown here). */
void imports_record_reads(import_graph *g, char ***read_files, size_t *nread_files);

/* Load the schema file at `path` and, first, what it imports, visiting
** each once; a file already loaded is not loaded again.  Returns its
** record (owned by `g`), whose schema is NULL when it did not load. */
schema_file *imports_load_path(import_graph *g, const char *path);

/* The same for a schema held in memory, called `name` in messages: its
** imports are searched in the include directories only. */
schema_file *imports_load_string(import_graph *g, const char *name, const char *text, size_t len);

/* Release every file record (not the schemas: the program owns them). */
void imports_fini(import_graph *g);

#endif
