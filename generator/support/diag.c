/*
** diag.c: collects diagnostics as formatted lines (see diag.h).
*/
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "buf.h"
#include "mem.h"

struct diag {
    char **lines;       /* owned, each owned */
    size_t nlines, cap;
    size_t nerrors;
    size_t nio_errors;  /* the part of nerrors reported by diag_error_file */
};

diag *diag_new(void)
{
    return xcalloc(1, sizeof(diag));
}

void diag_free(diag *d)
{
    size_t i;
    if (!d)
        return;
    for (i = 0; i < d->nlines; i++)
        free(d->lines[i]);
    free(d->lines);
    free(d);
}

static void add(diag *d, srcpos at, const char *severity, const char *fmt, va_list ap)
{
    buf b = BUF_INIT;
    void *items = d->lines;

    if (at.line > 0)
        buf_printf(&b, "%s:%d:%d: %s: ", at.file, at.line, at.col, severity);
    else
        buf_printf(&b, "%s: %s: ", at.file ? at.file : "slotgen", severity);
    buf_vprintf(&b, fmt, ap);
    xgrow(&items, &d->cap, d->nlines + 1, sizeof(char *));
    d->lines = items;
    d->lines[d->nlines++] = buf_steal(&b);
}

void diag_error(diag *d, srcpos at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, at, "error", fmt, ap);
    va_end(ap);
    d->nerrors++;
}

void diag_note(diag *d, srcpos at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, at, "note", fmt, ap);
    va_end(ap);
}

void diag_error_file(diag *d, const char *path, const char *fmt, ...)
{
    va_list ap;
    srcpos at;
    at.file = path;
    at.line = at.col = 0;
    va_start(ap, fmt);
    add(d, at, "error", fmt, ap);
    va_end(ap);
    d->nerrors++;
    d->nio_errors++;
}

size_t diag_errors(const diag *d)
{
    return d->nerrors;
}

size_t diag_io_errors(const diag *d)
{
    return d->nio_errors;
}

size_t diag_lines(const diag *d)
{
    return d->nlines;
}

const char *diag_line(const diag *d, size_t i)
{
    return i < d->nlines ? d->lines[i] : NULL;
}

void diag_print(const diag *d, FILE *out)
{
    size_t i;
    for (i = 0; i < d->nlines; i++)
        fprintf(out, "%s\n", d->lines[i]);
}
