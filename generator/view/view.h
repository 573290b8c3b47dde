/*
** view.h: stage 4 of the pipeline, the checked model of one schema as the
** data its templates see (data.h).
**
** Templates only print: every C spelling they need is computed here, once,
** deterministically (types, parameter lists with first/last flags,
** offsetof expressions, escaped string literals, doc comments split into
** ready lines, default initialisers, name-index tables, the layout
** figures and the ABI they hold for).  `slotgen generate --dump-model`
** prints the tree, so a template author sees every name.  Its shape:
**
**   schema: slotgen_version, abi_version, schema_file, header_file,
**     source_file, guard, module, module_literal, doc_lines, doc_literal,
**     includes[{header}], abi_condition, abi_name, needs_math,
**     classes[] (bases before subclasses), class_table[], has_classes,
**     nclasses, class_index{seed, mask, size, rows[]}
**   class: name, cname, name_literal, doc_lines, doc_literal, root,
**     base_cname, base_ptr, weakref, dict, frozen, members[{decl,
**     doc_lines, doc_trailing}], own_accessors[], inherited_accessors[],
**     has_inherited, accessors[] (both), params[{decl, name, last}],
**     inits[], ctor_can_fail, defaults[{decl, init}], nslots, has_slots,
**     slot_rows[], release{count, rows[], any}, index{...}, flags,
**     weaklist_offset, dict_offset, layout[{member, expr, value}]
**
** Lists of text lines (doc_lines, rows) are ready to print one per line;
** booleans are real booleans, so templates test them with sections.
*/
#ifndef SLOTGEN_VIEW_H
#define SLOTGEN_VIEW_H

#include "data.h"
#include "model.h"

/* The template data for schema `s` (a schema of a checked, laid-out
** program), made in `doc`. */
data *view_schema(data_doc *doc, const m_schema *s);

#endif
