/*
** cwrite.c: C source text for values and prose (see cwrite.h): the one
** place that knows C's escaping and literal rules.
*/
#include "cwrite.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* ------------------------------------------------------------------ */
/* Strings and comments                                                */
/* ------------------------------------------------------------------ */

/* Non-printable bytes become 3-digit octal escapes (a hex escape would
** swallow following hex digits), and a '?' right after another '?' is
** escaped ("?\?") so that no trigraph forms under -std=c99.  UTF-8 text is
** kept as it is, for readability. */
void cwrite_string(buf *b, const char *s)
{
    const unsigned char *p;

    buf_putc(b, '"');
    for (p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':  buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\r': buf_puts(b, "\\r"); break;
        case '?':  buf_puts(b, p > (const unsigned char *)s && p[-1] == '?' ? "\\?" : "?"); break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                buf_printf(b, "\\%03o", *p);
            else
                buf_putc(b, (char)*p);
        }
    }
    buf_putc(b, '"');
}

/* "/" "*" is escaped too because -Wcomment warns about it. */
void cwrite_comment_text(buf *b, const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        buf_putc(b, s[i]);
        if (i + 1 < n && ((s[i] == '*' && s[i + 1] == '/') ||
                          (s[i] == '/' && s[i + 1] == '*') ||
                          (s[i] == '?' && s[i + 1] == '?')))
            buf_putc(b, '\\');
    }
}

/* Lines are recorded as they come; only those up to the last non-empty
** one count, which drops trailing empty lines without a second pass. */
size_t cwrite_doc_split(const char *doc, const char ***starts, size_t **lens)
{
    size_t n = 0, cap = 0, kept = 0;
    const char *p = doc;

    *starts = NULL;
    *lens = NULL;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        size_t trimmed = len;
        void *grow;

        while (trimmed > 0 && (p[trimmed - 1] == ' ' || p[trimmed - 1] == '\t' ||
                               p[trimmed - 1] == '\r'))
            trimmed--;
        grow = (void *)*starts;
        xgrow(&grow, &cap, n + 1, sizeof **starts);
        *starts = grow;
        *lens = xrealloc(*lens, cap * sizeof **lens);
        (*starts)[n] = p;
        (*lens)[n] = trimmed;
        n++;
        if (trimmed > 0)
            kept = n;
        p += len + (end ? 1 : 0);
    }
    return kept;
}

/* ------------------------------------------------------------------ */
/* Numbers and characters                                              */
/* ------------------------------------------------------------------ */

/* A value as the kind the slot needs: the checker proved it fits. */
static int64_t value_int(const m_value *v)
{
    return v->kind == M_VUINT ? (int64_t)v->u : v->i;
}

static uint64_t value_uint(const m_value *v)
{
    return v->kind == M_VINT ? (uint64_t)v->i : v->u;
}

static double value_double(const m_value *v)
{
    if (v->kind == M_VINT)
        return (double)v->i;
    if (v->kind == M_VUINT)
        return (double)v->u;
    return v->d;
}

/* Fewest digits first: 0.1 stays "0.1", not "0.10000000000000001". */
void cwrite_double(buf *b, double x, bool as_float)
{
    char text[64];
    int digits;

    for (digits = as_float ? 6 : 15; digits <= 17; digits++) {
        snprintf(text, sizeof text, "%.*g", digits, x);
        if (as_float ? strtof(text, NULL) == (float)x : strtod(text, NULL) == x)
            break;
    }
    buf_puts(b, text);
    if (!strpbrk(text, ".e"))
        buf_puts(b, ".0");
    if (as_float)
        buf_putc(b, 'f');
}

void cwrite_char(buf *b, int64_t code)
{
    unsigned char c = (unsigned char)code;

    if (c == '\'' || c == '\\')
        buf_printf(b, "'\\%c'", c);
    else if (c >= 0x20 && c < 0x7f)
        buf_printf(b, "'%c'", c);
    else
        buf_printf(b, "'\\%03o'", c);
}

void cwrite_scalar(buf *b, m_kind k, const m_value *v, bool *needs_math)
{
    static const char *const int_min[M_KIND_COUNT] = {
        [M_INT8] = "INT8_MIN", [M_INT16] = "INT16_MIN",
        [M_INT32] = "INT32_MIN", [M_INT64] = "INT64_MIN",
    };
    static const int64_t int_min_value[M_KIND_COUNT] = {
        [M_INT8] = INT8_MIN, [M_INT16] = INT16_MIN,
        [M_INT32] = INT32_MIN, [M_INT64] = INT64_MIN,
    };
    double x;

    switch (k) {
    case M_BOOL: buf_puts(b, v->b ? "true" : "false"); return;
    case M_CHAR: cwrite_char(b, value_int(v)); return;
    case M_INT8: case M_INT16: case M_INT32: case M_INT64:
        /* The negated maximum is not a literal: -2147483648 is -(2147483648). */
        if (value_int(v) == int_min_value[k])
            buf_puts(b, int_min[k]);
        else
            buf_printf(b, "%" PRId64, value_int(v));
        return;
    case M_UINT8: case M_UINT16: case M_UINT32: case M_UINT64:
        buf_printf(b, "%" PRIu64 "u", value_uint(v));
        return;
    default:
        x = value_double(v);
        if (isnan(x)) {
            buf_puts(b, "NAN");
            *needs_math = true;
        } else if (isinf(x)) {
            buf_puts(b, x < 0 ? "-INFINITY" : "INFINITY");
            *needs_math = true;
        } else {
            cwrite_double(b, x, k == M_FLOAT);
        }
        return;
    }
}
