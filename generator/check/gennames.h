/*
** gennames.h: the file-scope names the generated code of a run will
** define, so that no two of them collide.
**
** Every schema emits, for module M, `M_module` (and the statics
** `M_classes`, `M_class_index`), and for each class C `M_C`, `M_C_class`,
** `M_C_new`, a getter `M_C_get_S` (and a setter `M_C_set_S` unless
** readonly) for every slot S, inherited ones included, and the statics
** `M_C_slots`, `M_C_release`, `M_C_index` and `M_C_S_default` (for each
** slot with a default).  Legal names can still collide ("a_b" + "c" and
** "a" + "b_c", class `Point_new` beside class `Point`): the second
** definition is an error at its source, with a note at the first.
**
** A run may claim hundreds of thousands of names (10,000 classes of 8
** slots), so they are kept in a hash set, not compared pairwise, and
** their text is packed into large blocks instead of a malloc each.
*/
#ifndef SLOTGEN_GENNAMES_H
#define SLOTGEN_GENNAMES_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "problems.h"
#include "strmap.h"

/* What a generated name is, for the message when two collide. */
typedef enum gen_role {
    GEN_MODULE, GEN_CLASS_LIST, GEN_CLASS_INDEX,            /* of a module */
    GEN_STRUCT, GEN_DESCRIPTOR, GEN_CONSTRUCTOR,            /* of a class */
    GEN_SLOT_TABLE, GEN_RELEASE_LIST, GEN_SLOT_INDEX,
    GEN_GETTER, GEN_SETTER, GEN_DEFAULT                     /* of a slot */
} gen_role;

/* A generated name and who generates it.  The description is written
** only when a collision needs it: a run claims hundreds of thousands. */
typedef struct gen_name {
    const char *name;       /* in the gennames' blocks */
    gen_role role;
    const char *owner;      /* borrowed from the model: module or class name */
    const char *slot;       /* borrowed from the model: slot name, or NULL */
    srcpos at;              /* borrowed from the model */
} gen_name;

typedef struct gennames_block gennames_block;

/* Every name claimed so far in the run.  Zero-initialise it. */
typedef struct gennames {
    gen_name *items;        /* owned; in claim order */
    size_t n, cap;
    strmap index;           /* name -> its number in items; keys borrowed from items */
    gennames_block *blocks; /* owned: the text of the names, newest first */
    char *free;             /* the unused rest of blocks[0] ... */
    char *end;              /* ... up to here */
} gennames;

/* Claim the module descriptor of `s`, declared at `module_at`. */
void gennames_claim_module(gennames *g, problems *out, const m_schema *s, srcpos module_at);
/* Claim the names of class `c` of schema `s`, whose slots are collected. */
void gennames_claim_class(gennames *g, problems *out, const m_schema *s, const m_class *c);
void gennames_free(gennames *g);

#endif
