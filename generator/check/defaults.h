/*
** defaults.h: a slot's `default:` read into a checked m_value.
**
** A default must be of the slot type's kind and fit its range: integers in
** decimal or 0x hex within the type's bounds, floats in YAML 1.2 core
** syntax (.inf and .nan included) within float's or double's range, a
** single ASCII character for char, text for string and char[N] (which
** must leave room for the NUL), and a list of at most N items for the
** other arrays.  References have no default.
*/
#ifndef SLOTGEN_DEFAULTS_H
#define SLOTGEN_DEFAULTS_H

#include "ast.h"
#include "model.h"
#include "problems.h"

/* Read `n`, the default written for slot `s` whose type is resolved, into
** s->def and set s->has_default; on a mistake report it to `out` and
** leave s->has_default false.  s->def.text keeps the scalar as written. */
void defaults_read(problems *out, const ast_node *n, m_slot *s);

#endif
