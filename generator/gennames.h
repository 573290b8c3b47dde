/*
** gennames.h: the file-scope names the generated code of a run will
** define, so that no two of them collide.
**
** Every schema emits, for module M, `M_module`, and for each class C
** `M_C`, `M_C_class`, `M_C_new`, and a getter `M_C_get_S` (and a setter
** `M_C_set_S` unless readonly) for every slot S, inherited ones included.
** Legal names can still collide ("a_b" + "c" and "a" + "b_c"): the second
** definition is an error at its source, with a note at the first.
*/
#ifndef SLOTGEN_GENNAMES_H
#define SLOTGEN_GENNAMES_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "problems.h"

/* A generated name and who generates it. */
typedef struct gen_name {
    char *name;             /* owned */
    char *what;             /* owned: "the constructor of class 'Point'" */
    srcpos at;              /* borrowed from the model */
} gen_name;

/* Every name claimed so far in the run.  Zero-initialise it. */
typedef struct gennames {
    gen_name *items;        /* owned */
    size_t n, cap;
} gennames;

/* Claim the module descriptor of `s`, declared at `module_at`. */
void gennames_claim_module(gennames *g, problems *out, const m_schema *s, srcpos module_at);
/* Claim the names of class `c` of schema `s`, whose slots are collected. */
void gennames_claim_class(gennames *g, problems *out, const m_schema *s, const m_class *c);
void gennames_free(gennames *g);

#endif
