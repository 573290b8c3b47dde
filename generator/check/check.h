/*
** check.h: stage 2 of the pipeline, syntax trees to a checked model.
**
** Enforces every rule of SCHEMA.md ("Rules", "Types", slot and class
** options), CPython's words where CPython has a rule, and stricter rules
** where it is silent: unknown keys, types and bases with a "did you mean"
** suggestion; C/C++ keywords, reserved identifiers and names that collide
** with generated ones; inheritance cycles named in full; weak references
** to classes without weakref; defaults out of range or of the wrong kind.
** Imports are followed through the loader, searched relative to the
** importing file first, then in each include directory in order.
**
** All errors go to `d`, each at the offending node's own position.
*/
#ifndef SLOTGEN_CHECK_H
#define SLOTGEN_CHECK_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

typedef struct check_options {
    const char *const *include_dirs;    /* -I DIR..., searched in order */
    size_t ninclude_dirs;
} check_options;

/* Load and check the schema files `paths` and everything they import.
** Returns the program (caller frees with m_program_free) when no error was
** reported, NULL otherwise.  Also calls layout_compute() on success.
** When `read_files` is not NULL, every file read (schemas named and
** imported) is appended to it, for depfiles: (*read_files)[i] are owned
** by the caller, as is the array. */
m_program *check_files(const char *const *paths, size_t npaths,
                       const check_options *opt, diag *d,
                       char ***read_files, size_t *nread_files);

/* The same for one schema held in memory (imports resolved through the
** include directories only).  For tests and the library API. */
m_program *check_string(const char *name, const char *text, size_t len,
                        const check_options *opt, diag *d);

#endif
