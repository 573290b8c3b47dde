/*
** defaults.c: reading and range-checking slot defaults (see defaults.h).
*/
#include "defaults.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expect.h"
#include "mem.h"

/* The range of an integer kind; 0..0 for any other. */
static void int_range(m_kind k, int64_t *min, uint64_t *max)
{
    static const struct { int64_t min; uint64_t max; } r[] = {
        [M_INT8] = {INT8_MIN, INT8_MAX},     [M_INT16] = {INT16_MIN, INT16_MAX},
        [M_INT32] = {INT32_MIN, INT32_MAX},  [M_INT64] = {INT64_MIN, INT64_MAX},
        [M_UINT8] = {0, UINT8_MAX},          [M_UINT16] = {0, UINT16_MAX},
        [M_UINT32] = {0, UINT32_MAX},        [M_UINT64] = {0, UINT64_MAX},
    };
    bool integer = k >= M_INT8 && k <= M_UINT64;
    *min = integer ? r[k].min : 0;
    *max = integer ? r[k].max : 0;
}

/* Decimal (optionally signed) or 0x hex into a magnitude and a sign;
** false on a syntax error, *overflow when beyond 64 bits. */
static bool parse_int(const char *s, uint64_t *mag, bool *neg, bool *overflow)
{
    unsigned base = 10;
    size_t ndigits = 0;
    *mag = 0;
    *neg = false;
    *overflow = false;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    } else if (*s == '-' || *s == '+') {
        *neg = *s++ == '-';
    }
    for (; *s; s++, ndigits++) {
        unsigned d;
        if (*s >= '0' && *s <= '9')
            d = (unsigned)(*s - '0');
        else if (base == 16 && *s >= 'a' && *s <= 'f')
            d = (unsigned)(*s - 'a' + 10);
        else if (base == 16 && *s >= 'A' && *s <= 'F')
            d = (unsigned)(*s - 'A' + 10);
        else
            return false;
        if (*mag > (UINT64_MAX - d) / base)
            *overflow = true;
        else
            *mag = *mag * base + d;
    }
    return ndigits > 0;
}

static bool default_int(problems *out, const ast_node *n, m_kind k, m_value *v)
{
    int64_t min;
    uint64_t max, mag;
    bool neg, overflow;

    int_range(k, &min, &max);
    if (!node_is_scalar(n) || n->quoted || !parse_int(n->text, &mag, &neg, &overflow)) {
        expect_fail(out, n, "an integer");
        return false;
    }
    if (overflow || (!neg && mag > max) || (neg && mag > (uint64_t)0 - (uint64_t)min)) {
        problems_add(out, n->pos, "default %s out of range for %s (%lld..%llu)", n->text,
                     m_kind_name(k), (long long)min, (unsigned long long)max);
        return false;
    }
    if (min < 0) {
        v->kind = M_VINT;
        /* mag <= 2^63 here; INT64_MIN's magnitude does not fit int64_t. */
        v->i = neg ? -(int64_t)(mag - 1) - 1 : (int64_t)mag;
    } else {
        v->kind = M_VUINT;
        v->u = neg ? 0 : mag;
    }
    return true;
}

/* YAML 1.2 core floats: [-+]?(.D+|D+(.D*)?)([eE][-+]?D+)?, [-+]?.inf, .nan */
static bool yaml_float_syntax(const char *s)
{
    size_t before = 0, after = 0;
    if (*s == '-' || *s == '+')
        s++;
    while (*s >= '0' && *s <= '9')
        s++, before++;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++)
            after++;
    if (before + after == 0)
        return false;
    if (*s == 'e' || *s == 'E') {
        size_t exp = 0;
        s++;
        if (*s == '-' || *s == '+')
            s++;
        for (; *s >= '0' && *s <= '9'; s++)
            exp++;
        if (exp == 0)
            return false;
    }
    return *s == '\0';
}

static bool yaml_special_float(const char *s, double *d)
{
    static const char *const infs[] = {".inf", ".Inf", ".INF"};
    static const char *const nans[] = {".nan", ".NaN", ".NAN"};
    size_t i;
    const char *t = (*s == '-' || *s == '+') ? s + 1 : s;
    for (i = 0; i < COUNT(infs); i++) {
        if (strcmp(t, infs[i]) == 0) {
            *d = *s == '-' ? -HUGE_VAL : HUGE_VAL;
            return true;
        }
        if (strcmp(s, nans[i]) == 0) {
            *d = NAN;
            return true;
        }
    }
    return false;
}

/* A finite number in YAML syntax that fits kind `k`, into *d. */
static bool parse_finite(problems *out, const ast_node *n, m_kind k, double *d)
{
    if (!yaml_float_syntax(n->text)) {
        expect_fail(out, n, "a number");
        return false;
    }
    errno = 0;
    *d = strtod(n->text, NULL);
    if (errno == ERANGE && (*d == HUGE_VAL || *d == -HUGE_VAL)) {
        problems_add(out, n->pos, "default %s out of range for double", n->text);
        return false;
    }
    if (k == M_FLOAT && (*d > FLT_MAX || *d < -FLT_MAX)) {
        problems_add(out, n->pos, "default %s out of range for float", n->text);
        return false;
    }
    return true;
}

static bool default_float(problems *out, const ast_node *n, m_kind k, m_value *v)
{
    double d;
    if (!node_is_scalar(n) || n->quoted) {
        expect_fail(out, n, "a number");
        return false;
    }
    if (!yaml_special_float(n->text, &d) && !parse_finite(out, n, k, &d))
        return false;
    v->kind = M_VFLOAT;
    v->d = d;
    return true;
}

/* A string default is the scalar's text; only a plain null has none. */
static bool default_text(problems *out, const ast_node *n, m_value *v)
{
    if (!node_has_value(n)) {
        expect_fail(out, n, "a string");
        return false;
    }
    v->kind = M_VSTR;
    v->s = xstrdup(n->text);
    return true;
}

/* One ASCII character, held as its code. */
static bool default_char(problems *out, const ast_node *n, m_value *v)
{
    if (!node_is_scalar(n) || n->len != 1 || (unsigned char)n->text[0] >= 0x80) {
        expect_fail(out, n, "a single character");
        return false;
    }
    v->kind = M_VINT;
    v->i = n->text[0];
    return true;
}

static bool default_scalar(problems *out, const ast_node *n, m_kind k, m_value *v)
{
    switch (k) {
    case M_BOOL:
        v->kind = M_VBOOL;
        return expect_bool(out, n, &v->b);
    case M_CHAR:
        return default_char(out, n, v);
    case M_FLOAT: case M_DOUBLE:
        return default_float(out, n, k, v);
    case M_STRING:
        return default_text(out, n, v);
    default:
        return default_int(out, n, k, v);
    }
}

/* char[N] holds a C string: its default is text that leaves room for the NUL. */
static bool default_char_array(problems *out, const ast_node *n, const m_slot *s, m_value *v)
{
    if (!default_text(out, n, v))
        return false;
    if (n->len >= s->type.array_len) {
        problems_add(out, n->pos, "default is %zu bytes long; %s holds at most %zu and a NUL",
                     n->len, s->type_text, s->type.array_len - 1);
        return false;
    }
    return true;
}

/* Every item is checked, so that each bad one is reported. */
static bool default_list(problems *out, const ast_node *n, const m_slot *s, m_value *v)
{
    size_t i;
    bool ok = true;
    if (n->kind != AST_SEQ) {
        expect_fail(out, n, "a list of at most %zu items", s->type.array_len);
        return false;
    }
    if (n->nitems > s->type.array_len) {
        problems_add(out, n->items[s->type.array_len]->pos, "default has %zu items; %s holds %zu",
                     n->nitems, s->type_text, s->type.array_len);
        return false;
    }
    v->kind = M_VLIST;
    v->items = xcalloc(n->nitems + 1, sizeof(m_value));
    for (i = 0; i < n->nitems; i++) {
        if (!default_scalar(out, n->items[i], s->type.kind, &v->items[i]))
            ok = false;
        if (node_is_scalar(n->items[i]))
            v->items[i].text = xstrdup(n->items[i]->text);
        v->nitems++;
    }
    return ok;
}

void defaults_read(problems *out, const ast_node *n, m_slot *s)
{
    bool ok;
    if (s->type.kind == M_REF || s->type.kind == M_WEAK) {
        problems_add(out, n->pos, "a reference slot cannot have a default");
        return;
    }
    if (s->type.array_len == 0)
        ok = default_scalar(out, n, s->type.kind, &s->def);
    else if (s->type.kind == M_CHAR)
        ok = default_char_array(out, n, s, &s->def);
    else
        ok = default_list(out, n, s, &s->def);
    if (node_is_scalar(n))
        s->def.text = xstrdup(n->text);
    if (ok)
        s->has_default = true;
    else
        m_value_fini(&s->def);
}
