/*
** layout.h: where each member of each generated struct lands, on the host.
**
** The generator is built for the same ABI as the code it generates is
** first compiled for, so the sizes and alignments here are the generator's
** own sizeof/_Alignof of the same C types (and of slots_object, the
** runtime's object header).  The generated code re-checks every figure
** with static assertions, so a different ABI fails loudly at compile time
** rather than silently disagreeing with `slotgen layout`.
**
** Member order is fixed by the language: the object header (root class)
** or the base struct, then the weak-reference list head if the class
** declares weakref, then the dict pointer if it declares dict, then the
** own slots in declared order.  C inserts padding; we compute it.
*/
#ifndef SLOTGEN_LAYOUT_H
#define SLOTGEN_LAYOUT_H

#include <stdio.h>

#include "model.h"

/* Fill offset/size/align of every class and slot of `p` (bases first). */
void layout_compute(m_program *p);

/* `slotgen layout`: print each class of each root schema of `p`, slot by
** slot, with padding holes and the total size. */
void layout_print(const m_program *p, FILE *out);

#endif
