/*
** problems.c: the errors of one schema, held back and sorted (see problems.h).
*/
#include "problems.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

/* An error and its optional note, waiting to be sorted into place. */
struct problem {
    srcpos at;
    char *msg;              /* owned */
    srcpos note_at;
    char *note;             /* owned; NULL when no note */
    size_t seq;             /* report order: ties on position keep it */
};

static char *vformat(const char *fmt, va_list ap)
{
    buf b = BUF_INIT;
    buf_vprintf(&b, fmt, ap);
    return buf_steal(&b);
}

void problems_add(problems *ps, srcpos at, const char *fmt, ...)
{
    void *items = ps->items;
    problem *p;
    va_list ap;

    xgrow(&items, &ps->cap, ps->n + 1, sizeof(problem));
    ps->items = items;
    p = &ps->items[ps->n];
    memset(p, 0, sizeof *p);
    p->at = at;
    p->seq = ps->n++;
    va_start(ap, fmt);
    p->msg = vformat(fmt, ap);
    va_end(ap);
}

void problems_note(problems *ps, srcpos at, const char *fmt, ...)
{
    problem *p = &ps->items[ps->n - 1];
    va_list ap;

    p->note_at = at;
    va_start(ap, fmt);
    p->note = vformat(fmt, ap);
    va_end(ap);
}

static int problem_cmp(const void *a, const void *b)
{
    const problem *x = a, *y = b;
    if (x->at.line != y->at.line)
        return x->at.line < y->at.line ? -1 : 1;
    if (x->at.col != y->at.col)
        return x->at.col < y->at.col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void problems_flush(problems *ps, diag *d)
{
    size_t i;
    if (ps->n > 1)
        qsort(ps->items, ps->n, sizeof(problem), problem_cmp);
    for (i = 0; i < ps->n; i++) {
        const problem *p = &ps->items[i];
        diag_error(d, p->at, "%s", p->msg);
        if (p->note)
            diag_note(d, p->note_at, "%s", p->note);
    }
    problems_free(ps);
}

void problems_free(problems *ps)
{
    size_t i;
    for (i = 0; i < ps->n; i++) {
        free(ps->items[i].msg);
        free(ps->items[i].note);
    }
    free(ps->items);
    ps->items = NULL;
    ps->n = ps->cap = 0;
}
