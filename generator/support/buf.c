/*
** buf.c: growable NUL-terminated byte buffer (see buf.h).
*/
#include "buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

void buf_init(buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void buf_free(buf *b)
{
    free(b->data);
    buf_init(b);
}

void buf_clear(buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

/* A buf holds at least this much once it holds anything: most bufs hold
** one short C spelling, which then takes one malloc, not a chain of
** reallocs from a few bytes up. */
#define BUF_MIN_CAP 64

/* Room for `extra` more bytes and the NUL.  Most calls find it already:
** they return before the call to xgrow. */
static void reserve(buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    void *p = b->data;

    if (need <= b->cap)
        return;
    xgrow(&p, &b->cap, need < BUF_MIN_CAP ? BUF_MIN_CAP : need, 1);
    b->data = p;
}

void buf_putn(buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
    buf_putn(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
    buf_putn(b, &c, 1);
}

/* The view prints tables of thousands of numbers: digits are written
** backwards into a small array, with no format string to interpret. */
void buf_put_uint(buf *b, unsigned long long v)
{
    char digits[24];
    size_t n = sizeof digits;

    do {
        digits[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    buf_putn(b, digits + n, sizeof digits - n);
}

/* Most formatted text is short: with room for BUF_MIN_CAP bytes made
** first, it is formatted once, straight into b; only longer text is
** formatted a second time, after growing b (the view prints hundreds of
** thousands of short strings). */
void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
    size_t room;
    va_list again;
    int n;

    reserve(b, BUF_MIN_CAP);
    room = b->cap - b->len;
    va_copy(again, ap);
    n = vsnprintf(b->data + b->len, room, fmt, ap);
    if (n >= 0 && (size_t)n >= room) {
        reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    if (n < 0) {
        b->data[b->len] = '\0';
        return;
    }
    b->len += (size_t)n;
}

void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *buf_str(const buf *b)
{
    return b->data ? b->data : "";
}

char *buf_steal(buf *b)
{
    char *s = b->data ? b->data : xstrdup("");
    buf_init(b);
    return s;
}

bool buf_read_file(buf *b, const char *path)
{
    char chunk[65536];
    size_t n;
    int err;
    FILE *f = fopen(path, "rb");

    if (!f)
        return false;
    errno = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_putn(b, chunk, n);
    err = ferror(f) ? (errno ? errno : EIO) : 0;
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    errno = err;
    return err == 0;
}
