/*
** problems.h: the errors of one schema, held back until it is checked.
**
** The checker finds a schema's mistakes phase by phase (declarations,
** bases, types, defaults, generated names), not line by line.  Collecting
** them here and handing them to the diag sorted by position makes the
** output read in source order whatever phase found each one; errors at
** the same position keep the order they were reported in.
**
** A problems list is a value: zero-initialise it (PROBLEMS_INIT), fill it,
** then problems_flush() it, which also empties it.  It owns its messages.
*/
#ifndef SLOTGEN_PROBLEMS_H
#define SLOTGEN_PROBLEMS_H

#include <stddef.h>

#include "diag.h"

/* An error and its optional note, waiting to be sorted into place. */
typedef struct problem {
    srcpos at;
    char *msg;              /* owned */
    srcpos note_at;
    char *note;             /* owned; NULL when no note */
    size_t seq;             /* report order: ties on position keep it */
} problem;

typedef struct problems {
    problem *items;         /* owned */
    size_t n, cap;
} problems;

#define PROBLEMS_INIT { NULL, 0, 0 }

#if defined(__GNUC__)
#define PROBLEMS_PRINTF(i, j) __attribute__((format(printf, i, j)))
#else
#define PROBLEMS_PRINTF(i, j)
#endif

/* Hold an error at `at`. */
void problems_add(problems *ps, srcpos at, const char *fmt, ...) PROBLEMS_PRINTF(3, 4);
/* Attach a note (a second location) to the error added just before. */
void problems_note(problems *ps, srcpos at, const char *fmt, ...) PROBLEMS_PRINTF(3, 4);
/* Report every held error (and note) to `d` in source order, then empty the list. */
void problems_flush(problems *ps, diag *d);
/* Release what is held without reporting it. */
void problems_free(problems *ps);

#endif
