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

static void reserve(buf *b, size_t extra)
{
    void *p = b->data;
    xgrow(&p, &b->cap, b->len + extra + 1, 1);
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

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
    va_list again;
    int n;

    va_copy(again, ap);
    n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0) {
        va_end(again);
        return;
    }
    reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
    va_end(again);
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
