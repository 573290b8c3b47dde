/*
** types.h: what a type or class name written in a schema stands for.
**
** A slot's type is a scalar word of SCHEMA.md's Types table, T[N] with T
** a scalar other than string, or a class: the schema's own, or one of the
** schemas it imports.  A base names a class the same way.  A name that
** resolves to nothing is reported with a "did you mean" suggestion, and
** with a note when the class exists in a schema of the run that is not
** imported.
*/
#ifndef SLOTGEN_TYPES_H
#define SLOTGEN_TYPES_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "model.h"
#include "problems.h"

/* What the schema being checked can name, and where its errors go.  All
** pointers are borrowed. */
typedef struct type_scope {
    const m_program *run;       /* the schemas checked before this one */
    m_schema *schema;           /* this one: its classes and its imports' are visible
                                ** (not const: lookups extend its name index) */
    bool imports_broken;        /* an import failed: an unknown name may live there,
                                ** so it is not reported */
    problems *out;
} type_scope;

/* The class called `name` visible in `sc`: the schema's own first, then its
** imports' in order.  NULL when none. */
m_class *type_find_class(const type_scope *sc, const char *name);

/* Report "unknown WHAT 'NAME'" at `n` (its text is the name), suggesting
** the closest of `words` and the visible classes; nothing when imports
** are broken. */
void type_report_unknown(const type_scope *sc, const ast_node *n, const char *what,
                         const char *const *words, size_t nwords);

/* Resolve the type written at `n` into *t: a scalar, T[N], or a class as a
** strong reference (M_REF), or a weak one (M_WEAK) when `weak` is set.
** True when it resolved; false after reporting why not. */
bool type_resolve(const type_scope *sc, const ast_node *n, bool weak, m_type *t);

#endif
