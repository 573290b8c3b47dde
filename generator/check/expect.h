/*
** expect.h: reading the values of a schema's syntax tree, and the
** "expected X, got Y" error when a node is not what its key needs.
**
** The shapes every part of a schema shares live here (booleans, texts,
** mappings that may be left empty, option keys from a fixed set) so that
** each is read, and each mistake worded, in one way only.  Errors go to a
** problems list (problems.h), at the offending node.
*/
#ifndef SLOTGEN_EXPECT_H
#define SLOTGEN_EXPECT_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "buf.h"
#include "problems.h"

/* Elements of an array, such as the key tables given to expect_known_keys. */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A scalar node; false for NULL, a list or a mapping. */
bool node_is_scalar(const ast_node *n);
/* A scalar that is not a plain null: what a name, a type or a path must be. */
bool node_has_value(const ast_node *n);

/* Report "expected WHAT, got ..." at `n`, WHAT from the printf format. */
void expect_fail(problems *out, const ast_node *n, const char *fmt, ...) DIAG_PRINTF(3, 4);

/* A YAML 1.2 core boolean (true/True/TRUE, false/...; yes/no/on/off are
** refused) into *value.  False, after reporting, for anything else. */
bool expect_bool(problems *out, const ast_node *n, bool *value);

/* A doc text: any scalar but a plain null.  Returns an owned copy, or NULL
** after reporting. */
char *expect_text(problems *out, const ast_node *n);

/* A mapping, or a plain null standing for an empty one (`slots:` with
** nothing after it).  `what` completes "expected ...". */
bool expect_mapping_or_empty(problems *out, const ast_node *n, const char *what);

/* Every key of mapping `map` is one of `known`; each other one is reported
** as "unknown WHAT 'key'", with a suggestion when one is close. */
void expect_known_keys(problems *out, const ast_node *map, const char *what,
                       const char *const *known, size_t nknown);

/* Append "; did you mean 'X'?" to `b` when a candidate is close to `word`. */
void expect_suggest(buf *b, const char *word, const char *const *cands, size_t n);

#endif
