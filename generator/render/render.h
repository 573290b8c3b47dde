/*
** render.h: stage 4 of the pipeline, a Mustache renderer.
**
** Implements the core of the Mustache spec (../shared/third_party/
** mustache-spec: comments, delimiters, interpolation, inverted, partials,
** sections), which the tests run case by case: escaped {{x}} and raw
** {{{x}}} / {{&x}} variables, dotted names, the implicit iterator {{.}},
** sections over lists, maps and booleans, inverted sections, comments,
** partials with standalone indentation, set delimiters, and the
** standalone-line rules.  Lambdas are not supported (optional in the spec).
**
** Truthiness: null, false and the empty list are false; everything else,
** including "" and "0", is true (templates test booleans the view made).
** HTML escaping of {{x}} follows the spec (& " < >); the C templates use
** {{{x}}} or a set of delimiters with raw output where that matters.
*/
#ifndef SLOTGEN_RENDER_H
#define SLOTGEN_RENDER_H

#include <stddef.h>

#include "buf.h"
#include "data.h"

/* Looks up a partial by name; returns its text (borrowed, must stay valid
** for the render call) and length, or NULL when there is no such partial
** (which renders as nothing, as the spec says). */
typedef const char *(*render_partial_fn)(void *ctx, const char *name, size_t *len);

typedef struct render_partials {
    render_partial_fn lookup;   /* NULL: no partials */
    void *ctx;
} render_partials;

/* Render `tmpl` (len bytes, named `name` for errors) against `view`,
** appending to `out`.  Returns 0 on success; on a malformed template
** (unclosed tag or section, mismatched section end, bad delimiter change)
** returns -1 and sets *err to a malloc'd "NAME:LINE: MESSAGE" string the
** caller frees. */
int render(const char *name, const char *tmpl, size_t len, const data *view,
           const render_partials *partials, buf *out, char **err);

#endif
