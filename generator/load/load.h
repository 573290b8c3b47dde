/*
** load.h: stage 1 of the pipeline, YAML text to syntax tree (ast.h).
**
** Built on libyaml's event parser.  Besides YAML syntax errors (reported at
** libyaml's own mark), it diagnoses what libyaml accepts but a schema must
** not contain: an empty document, a root that is not a mapping, duplicate
** keys in any mapping (at the second occurrence, with a note at the
** first), non-scalar keys, anchors and aliases (no use in a schema, and
** the "billion laughs" attack), tags, more than one document, and bytes
** that are not valid UTF-8 (at the first bad byte's line and column).
**
** Every diagnostic goes to `d`.  On any error the functions return NULL
** and the caller gets no tree; the run goes on with other files.
*/
#ifndef SLOTGEN_LOAD_H
#define SLOTGEN_LOAD_H

#include <stddef.h>

#include "ast.h"
#include "diag.h"

/* Read and parse the file at `path`.  Caller owns the result (ast_file_free).
** A file that cannot be read is reported with diag_error_file. */
ast_file *load_file(const char *path, diag *d);

/* Parse `len` bytes of `text`, reporting positions against `name`.  For
** tests and for the library API; caller owns the result. */
ast_file *load_string(const char *name, const char *text, size_t len, diag *d);

#endif
