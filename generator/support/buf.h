/*
** buf.h: a growable byte buffer, always NUL-terminated.
**
** The renderer, the view dumper, the diagnostics and the writer all build
** text of unknown length; this is the one place that grows it.  A buf is
** a value: zero-initialise it (BUF_INIT) or call buf_init, and release it
** with buf_free.  The bytes belong to the buf until buf_steal hands them
** to the caller, who then frees them with free().
*/
#ifndef SLOTGEN_BUF_H
#define SLOTGEN_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct buf {
    char *data;     /* NUL-terminated when len > 0 or after any put; may be NULL when empty */
    size_t len;     /* bytes used, excluding the terminating NUL */
    size_t cap;     /* bytes allocated */
} buf;

#define BUF_INIT { NULL, 0, 0 }

void buf_init(buf *b);
void buf_free(buf *b);
void buf_clear(buf *b);                 /* len = 0, keeps the allocation */
void buf_putn(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_put_uint(buf *b, unsigned long long v);    /* decimal, without printf */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void buf_printf(buf *b, const char *fmt, ...);
void buf_vprintf(buf *b, const char *fmt, va_list ap);
const char *buf_str(const buf *b);      /* "" when empty, never NULL */
char *buf_steal(buf *b);                /* caller frees; b is left empty */

/* Append the whole file at `path` to b.  Returns false with errno set when
** it cannot be opened or read (b then holds whatever was read). */
bool buf_read_file(buf *b, const char *path);

#endif
