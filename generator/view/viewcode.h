/*
** viewcode.h: the template data of the functions generated for a class:
** getters and setters, the constructor's parameters and stores, and the
** static objects holding defaults.  Part of the view (view.h), which
** assembles these into each class's data; the keys are listed there.
**
** Every function returns a new data node made in `doc` (data.h).
*/
#ifndef SLOTGEN_VIEWCODE_H
#define SLOTGEN_VIEWCODE_H

#include <stdbool.h>

#include "data.h"
#include "model.h"

/* Frozen here or in an ancestor: then no slot has a setter. */
bool viewcode_frozen(const m_class *c);

/* Whether instances of `c` may set `s` after construction. */
bool viewcode_writable(const m_class *c, const m_slot *s);

/* The getter and setter of slot `s` as class `c` exposes them:
** {name, getter_decl, has_setter, setter_decl, setter_inline, path,
** ref_type, is_scalar/is_string/is_chars/is_array/is_ref/is_weak,
** inherited, from}. */
data *viewcode_accessor(data_doc *doc, const m_class *c, const m_slot *s);

/* The constructor's parameters: {decl, name, last} per slot without a
** default, inherited first, in layout order. */
data *viewcode_params(data_doc *doc, const m_class *c);

/* How the constructor stores each slot: {path, value, ref_type, and one
** of assign/copy/set_chars/set_string/incref/set_weak}.  Sets *can_fail
** when some store can fail: the constructor then needs its clean-up
** path. */
data *viewcode_inits(data_doc *doc, const m_class *c, bool *can_fail);

/* {decl, init} of the default object of `s` in class `c`:
** `static {{decl}} = {{init}};`.  Sets *needs_math when the initialiser
** spells INFINITY or NAN. */
data *viewcode_default(data_doc *doc, const m_class *c, const m_slot *s, bool *needs_math);

#endif
