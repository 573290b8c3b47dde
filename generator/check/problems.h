/*
** problems.h: the errors of one schema, held back until it is checked.
**
** The checker finds a schema's mistakes phase by phase (declarations,
** bases, types, defaults, generated names), not line by line.  Collecting
** them here and handing them to the diag sorted by position makes the
** output read in source order whatever phase found each one; errors at
** the same position keep the order they were reported in.
**
** A problems list is a value: zero-initialise it, fill it, then
** problems_flush() it, which also empties it.  It owns its messages.
*/
#ifndef SLOTGEN_PROBLEMS_H
#define SLOTGEN_PROBLEMS_H

#include <stddef.h>

#include "diag.h"

typedef struct problem problem;     /* an error and its note: private */

typedef struct problems {
    problem *items;         /* owned */
    size_t n, cap;
} problems;

/* Hold an error at `at`. */
void problems_add(problems *ps, srcpos at, const char *fmt, ...) DIAG_PRINTF(3, 4);
/* Attach a note (a second location) to the error added just before. */
void problems_note(problems *ps, srcpos at, const char *fmt, ...) DIAG_PRINTF(3, 4);
/* Report every held error (and note) to `d` in source order, then empty the list. */
void problems_flush(problems *ps, diag *d);
/* Release what is held without reporting it. */
void problems_free(problems *ps);

#endif
