/*
** templates.h: the set of templates a run renders with.
**
** The defaults are the files of templates/, embedded into the slotgen
** binary at build time (cmake/embed_templates.cmake writes
** templates_embedded.c), so an installed slotgen needs nothing beside it.
** `--templates DIR` overrides them by file name: a file DIR/NAME.mustache
** replaces the embedded NAME, any name not found in DIR keeps the default,
** and DIR may add partials of its own.
*/
#ifndef SLOTGEN_TEMPLATES_H
#define SLOTGEN_TEMPLATES_H

#include <stddef.h>

#include "diag.h"

/* One embedded template (see templates_embedded.c, generated). */
typedef struct template_file {
    const char *name;       /* file name without ".mustache", e.g. "header" */
    const char *text;
    size_t len;
} template_file;

extern const template_file templates_embedded[];
extern const size_t templates_embedded_count;

typedef struct template_set template_set;

/* A set over the embedded templates, overridden from `dir` when not NULL.
** Returns NULL, with "PATH: error: ..." reported into `d` (an I/O error),
** if dir or a template in it cannot be read. */
template_set *template_set_new(const char *dir, diag *d);
void template_set_free(template_set *ts);

/* The template NAME, or NULL.  Records the file it came from when it was
** read from the override directory (see template_set_files). */
const char *template_set_get(template_set *ts, const char *name, size_t *len);

/* Paths of the override files actually read, for the depfile. */
size_t template_set_nfiles(const template_set *ts);
const char *template_set_file(const template_set *ts, size_t i);

#endif
