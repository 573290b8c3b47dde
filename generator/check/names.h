/*
** names.h: the identifier rules of the schema language, and "did you mean".
**
** Every class, slot and module name ends up in C (and, through the
** generated headers, in C++), so a name must be a plain ASCII identifier
** that none of C99, C11, C23 or C++ reserves: no keyword (alternative
** tokens such as `and` and `not` included), no reserved identifier (a
** leading `__`, or `_` and an uppercase letter), and no macro name of the
** headers generated code includes (`NULL`, `INT32_MAX`, `SLOTS_*`...).
**
** Suggestions use the optimal-string-alignment edit distance (a swap of
** two adjacent letters costs one), so `weakerf` suggests `weakref`.
*/
#ifndef SLOTGEN_NAMES_H
#define SLOTGEN_NAMES_H

#include <stdbool.h>
#include <stddef.h>

typedef enum names_problem {
    NAMES_OK,
    NAMES_NOT_IDENTIFIER,   /* not [A-Za-z_][A-Za-z0-9_]* */
    NAMES_C_KEYWORD,        /* a keyword of C99, C11 or C23 */
    NAMES_CXX_KEYWORD,      /* a keyword of C++ only (class, this, and, ...) */
    NAMES_RESERVED,         /* leading `__`, or `_` and an uppercase letter */
    NAMES_MACRO             /* a macro of <stddef.h>, <stdint.h> or <slots/slots.h> */
} names_problem;

/* True when `s` is [A-Za-z_][A-Za-z0-9_]*, ASCII. */
bool names_is_identifier(const char *s);

/* The first rule `s` breaks, in the order of the enum. */
names_problem names_check(const char *s);

/* Why a name is refused, to follow "'X' is ": "a C keyword", ... */
const char *names_problem_text(names_problem p);

/* Edit distance between a and b (insert, delete, substitute, swap). */
size_t names_distance(const char *a, const char *b);

/* The candidate closest to `word`, or NULL when none is close enough to be
** a plausible typo: within distance 2, or a third of the word's length for
** long words, and never a whole rewrite of a short one.  Ties go to the
** earlier candidate, so suggestions are deterministic.  The result is one
** of `candidates` (borrowed). */
const char *names_suggest(const char *word, const char *const *candidates, size_t n);

#endif
