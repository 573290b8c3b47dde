/*
** cwrite.h: C source text for values and prose: string, character and
** number literals, and comment text that cannot break out of its comment.
**
** Every function appends to a buf.  The spellings are chosen to compile
** warning-free as C99, C11 and C++ (no trigraphs, no hex escapes that
** swallow the next character, no negative literal that is really a
** negated out-of-range one), and to read back to exactly the value given.
*/
#ifndef SLOTGEN_CWRITE_H
#define SLOTGEN_CWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "model.h"

/* `s` as a C string literal, quotes included: "say \"hi\"\n". */
void cwrite_string(buf *b, const char *s);

/* A char constant for the character code `code`: 'a', '\'', '\001'. */
void cwrite_char(buf *b, int64_t code);

/* The shortest decimal spelling of `x` that reads back exactly as a
** double (or, with as_float, as a float: "1.5f"), always a floating
** literal ("2.0", not "2"). */
void cwrite_double(buf *b, double x, bool as_float);

/* The constant of scalar kind `k` holding `v` ("-1", "255u", "INT32_MIN",
** "true", "'x'", "0.5f").  Sets *needs_math when it spells INFINITY or NAN
** (<math.h>); leaves it alone otherwise. */
void cwrite_scalar(buf *b, m_kind k, const m_value *v, bool *needs_math);

/* `n` bytes of prose for the inside of a block comment: a "*" "/" cannot
** end the comment, a "/" "*" cannot nest one, "??" cannot form a trigraph
** (each gets a backslash between its two characters). */
void cwrite_comment_text(buf *b, const char *s, size_t n);

/* The lines of a doc, each without its trailing blanks, trailing empty
** lines dropped: returns the number of lines and fills *starts and *lens
** (pointers into doc and their lengths; the caller frees both arrays,
** which may be NULL when the count is 0). */
size_t cwrite_doc_split(const char *doc, const char ***starts, size_t **lens);

#endif
