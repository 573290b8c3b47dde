/*
** view.h: stage 4 of the pipeline, the checked model of one schema as the
** data its templates see (data.h).
**
** Templates only print: every C spelling they need is computed here, once,
** deterministically (types, parameter lists with first/last flags,
** offsetof expressions, escaped string literals, doc comments split into
** ready lines, default initialisers, perfect-hash tables, the layout
** figures and the ABI they hold for).  `slotgen generate --dump-model`
** prints the tree, so a template author sees every name; the top-level
** keys are:
**
**   slotgen_version, schema_file, header_file, source_file, guard, module,
**   doc_lines, includes[{header}], abi_condition, abi_name, needs_math,
**   classes[...] (bases first), class_index{seed, mask, rows[]},
**   classes_rows[]
**
** and each class (see view.c, class_view) holds its struct members,
** accessors, constructor, descriptor rows and layout checks.
*/
#ifndef SLOTGEN_VIEW_H
#define SLOTGEN_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "data.h"
#include "model.h"

/* The template data for schema `s` (a schema of a checked, laid-out
** program).  Caller frees with data_free. */
data *view_schema(const m_schema *s);

/* A perfect hash of `n` distinct names for the runtime's name indexes
** (slots.h): finds the smallest power-of-two table size >= n and the
** smallest seed for which slots_name_hash(name, seed) & (size - 1) is
** collision-free.  Fills *seed, *mask (size - 1) and *table (size entries
** of index + 1, 0 = empty; caller frees).  Deterministic. */
void view_perfect_hash(const char *const *names, size_t n,
                       uint32_t *seed, uint32_t *mask, uint16_t **table);

#endif
