/*
** mem.h: allocation for the generator.
**
** slotgen is a short-lived command-line tool.  Running out of memory while
** compiling a schema leaves nothing sensible to recover, so these wrappers
** print "slotgen: out of memory" and exit with status 2 (an I/O-class
** failure, see CONTRACT.md) instead of making every caller test for NULL.
** The runtime library (runtime/) never does this: it returns SLOTS_ENOMEM.
*/
#ifndef SLOTGEN_MEM_H
#define SLOTGEN_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grow *items (of *cap elements of size `size`) so it holds at least
** `need` elements; doubles, so appends are amortised O(1). */
void xgrow(void **items, size_t *cap, size_t need, size_t size);

#endif
