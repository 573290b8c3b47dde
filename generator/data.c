/*
** data.c: the template data tree and its JSON/YAML dumps (see data.h).
**
** A node is a tagged struct; lists and maps keep their children in
** growable arrays, so building a tree of n nodes costs O(n) allocations
** amortised.  Maps keep insertion order because the dumps and the
** templates' sections must be deterministic.
**
** A view holds millions of nodes for a large schema, so a node costs as
** few allocations as it can: a string lives in its node's own allocation,
** null and the two booleans are shared immutable nodes that are never
** allocated, and keys given as literals (data_set_literal) are not
** copied.  Each pair keeps its key's hash, so that a lookup (the
** renderer's, for every tag) compares one number per key, not a string.
*/
#include "data.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

typedef struct data_pair {
    const char *key;        /* owned when key_owned, else borrowed (a literal) */
    data *value;            /* owned */
    uint32_t key_hash;      /* key_hash(key) */
    bool key_owned;
} data_pair;

struct data {
    data_kind kind;
    bool boolean;           /* DATA_BOOL */
    size_t count;           /* DATA_STR: bytes of text, excluding the NUL;
                               DATA_LIST/DATA_MAP: children in use */
    size_t cap;             /* DATA_LIST/DATA_MAP: children allocated */
    union {
        data **items;       /* DATA_LIST: owned children */
        data_pair *pairs;   /* DATA_MAP: insertion order */
    } kids;
    char text[];            /* DATA_STR: NUL-terminated, in the node's allocation */
};

/* The shared nodes: data_free never frees them, and nothing modifies a
** null or a boolean once made. */
static data shared_null = { DATA_NULL, false, 0, 0, { NULL } };
static data shared_false = { DATA_BOOL, false, 0, 0, { NULL } };
static data shared_true = { DATA_BOOL, true, 0, 0, { NULL } };

static bool is_shared(const data *d)
{
    return d == &shared_null || d == &shared_false || d == &shared_true;
}

/* FNV-1a: keys are short identifiers. */
static uint32_t key_hash(const char *key, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)key[i]) * 16777619u;
    return h;
}

static data *node_new(data_kind kind)
{
    data *d = xcalloc(1, sizeof *d);
    d->kind = kind;
    return d;
}

data *data_null(void)
{
    return &shared_null;
}

data *data_bool(bool b)
{
    return b ? &shared_true : &shared_false;
}

data *data_strn(const char *s, size_t n)
{
    data *d = xmalloc(offsetof(data, text) + n + 1);

    memset(d, 0, offsetof(data, text));
    d->kind = DATA_STR;
    d->count = n;
    memcpy(d->text, s, n);
    d->text[n] = '\0';
    return d;
}

data *data_str(const char *s)
{
    return data_strn(s, strlen(s));
}

/* Most formatted strings are short: they are printed on the stack and
** copied once into their node; only longer ones go through a buf. */
data *data_strf(const char *fmt, ...)
{
    char small[256];
    buf text = BUF_INIT;
    va_list ap;
    int n;
    data *d;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof small)
        return data_strn(small, (size_t)n);
    va_start(ap, fmt);
    buf_vprintf(&text, fmt, ap);
    va_end(ap);
    d = data_strn(buf_str(&text), text.len);
    buf_free(&text);
    return d;
}

data *data_list(void)
{
    return node_new(DATA_LIST);
}

data *data_map(void)
{
    return node_new(DATA_MAP);
}

void data_push(data *list, data *item)
{
    void *items = list->kids.items;
    xgrow(&items, &list->cap, list->count + 1, sizeof *list->kids.items);
    list->kids.items = items;
    list->kids.items[list->count++] = item;
}

/* The pair of `map` whose key is key[0..len), or NULL. */
static data_pair *find_pair(const data *map, const char *key, size_t len)
{
    uint32_t h = key_hash(key, len);

    for (size_t i = 0; i < map->count; i++) {
        data_pair *p = &map->kids.pairs[i];
        if (p->key_hash == h && strncmp(p->key, key, len) == 0 && p->key[len] == '\0')
            return p;
    }
    return NULL;
}

/* data_set and data_set_literal: `key` is already owned or borrowed as
** `key_owned` says. */
static void set_pair(data *map, const char *key, bool key_owned, data *value)
{
    size_t len = strlen(key);
    data_pair *pair = find_pair(map, key, len);
    void *pairs;

    if (pair) {
        data_free(pair->value);
        pair->value = value;
        if (key_owned)
            free((char *)key);
        return;
    }
    pairs = map->kids.pairs;
    xgrow(&pairs, &map->cap, map->count + 1, sizeof *map->kids.pairs);
    map->kids.pairs = pairs;
    pair = &map->kids.pairs[map->count++];
    pair->key = key;
    pair->value = value;
    pair->key_hash = key_hash(key, len);
    pair->key_owned = key_owned;
}

void data_set(data *map, const char *key, data *value)
{
    set_pair(map, xstrdup(key), true, value);
}

void data_set_literal(data *map, const char *key, data *value)
{
    set_pair(map, key, false, value);
}

void data_free(data *d)
{
    if (!d || is_shared(d))
        return;
    for (size_t i = 0; d->kind == DATA_LIST && i < d->count; i++)
        data_free(d->kids.items[i]);
    for (size_t i = 0; d->kind == DATA_MAP && i < d->count; i++) {
        if (d->kids.pairs[i].key_owned)
            free((char *)d->kids.pairs[i].key);
        data_free(d->kids.pairs[i].value);
    }
    if (d->kind == DATA_LIST)
        free(d->kids.items);
    else if (d->kind == DATA_MAP)
        free(d->kids.pairs);
    free(d);
}

data_kind data_kind_of(const data *d)
{
    return d->kind;
}

bool data_bool_value(const data *d)
{
    return d->boolean;
}

const char *data_str_value(const data *d)
{
    return d->text;
}

size_t data_str_len(const data *d)
{
    return d->count;
}

size_t data_count(const data *d)
{
    return d->kind == DATA_LIST || d->kind == DATA_MAP ? d->count : 0;
}

const data *data_item(const data *list, size_t i)
{
    return list->kids.items[i];
}

const char *data_key(const data *map, size_t i)
{
    return map->kids.pairs[i].key;
}

const data *data_value(const data *map, size_t i)
{
    return map->kids.pairs[i].value;
}

const data *data_get(const data *map, const char *key)
{
    return data_getn(map, key, strlen(key));
}

const data *data_getn(const data *map, const char *key, size_t len)
{
    const data_pair *pair;

    if (map->kind != DATA_MAP)
        return NULL;
    pair = find_pair(map, key, len);
    return pair ? pair->value : NULL;
}

/* ---- JSON ---------------------------------------------------------------
** Pretty-printed with two-space indentation.  Bytes of 0x80 and above pass
** through: the strings come from UTF-8 YAML, so the output is UTF-8 too. */

static void indent_to(buf *out, int depth)
{
    for (int i = 0; i < depth; i++)
        buf_puts(out, "  ");
}

static void json_string(buf *out, const char *s, size_t n)
{
    buf_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':  buf_puts(out, "\\\""); break;
        case '\\': buf_puts(out, "\\\\"); break;
        case '\n': buf_puts(out, "\\n"); break;
        case '\r': buf_puts(out, "\\r"); break;
        case '\t': buf_puts(out, "\\t"); break;
        case '\b': buf_puts(out, "\\b"); break;
        case '\f': buf_puts(out, "\\f"); break;
        default:
            /* DEL is legal JSON but not YAML: escaped, a dump is both. */
            if (c < 0x20 || c == 0x7f)
                buf_printf(out, "\\u%04x", c);
            else
                buf_putc(out, (char)c);
        }
    }
    buf_putc(out, '"');
}

static void json_node(const data *d, buf *out, int depth)
{
    switch (d->kind) {
    case DATA_NULL: buf_puts(out, "null"); return;
    case DATA_BOOL: buf_puts(out, d->boolean ? "true" : "false"); return;
    case DATA_STR:  json_string(out, d->text, d->count); return;
    case DATA_LIST:
    case DATA_MAP:
        break;
    }
    if (d->count == 0) {
        buf_puts(out, d->kind == DATA_LIST ? "[]" : "{}");
        return;
    }
    buf_puts(out, d->kind == DATA_LIST ? "[\n" : "{\n");
    for (size_t i = 0; i < d->count; i++) {
        indent_to(out, depth + 1);
        if (d->kind == DATA_MAP) {
            json_string(out, d->kids.pairs[i].key, strlen(d->kids.pairs[i].key));
            buf_puts(out, ": ");
        }
        json_node(d->kind == DATA_LIST ? d->kids.items[i] : d->kids.pairs[i].value, out, depth + 1);
        buf_puts(out, i + 1 < d->count ? ",\n" : "\n");
    }
    indent_to(out, depth);
    buf_putc(out, d->kind == DATA_LIST ? ']' : '}');
}

void data_to_json(const data *d, buf *out)
{
    json_node(d, out, 0);
    buf_putc(out, '\n');
}

/* ---- YAML ---------------------------------------------------------------
** Block style.  A string is written plain only when no YAML 1.1 or 1.2
** reader could take it for anything but a string (numbers excepted: the
** tree holds numbers as their text, so `size: 24` reads back as "24");
** everything else is double-quoted with escapes. */

static bool is_plain_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' ||
           c == '/' || c == '+';
}

/* Words that YAML 1.1 or 1.2 readers resolve to null or a boolean. */
static bool is_reserved_word(const char *s, size_t n)
{
    static const char *const words[] = {
        "null", "true", "false", "yes", "no", "on", "off", "y", "n"
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t k = strlen(words[i]);
        size_t j = 0;
        while (j < k && j < n && (s[j] | 0x20) == words[i][j])
            j++;
        if (j == k && k == n)
            return true;
    }
    return false;
}

static bool yaml_can_be_plain(const char *s, size_t n)
{
    /* A leading '-', '.' or '+' could start an indicator or a float
    ** (".inf"); letters, digits, '_' and '/' cannot. */
    if (n == 0 || !is_plain_char((unsigned char)s[0]) ||
        s[0] == '-' || s[0] == '.' || s[0] == '+')
        return false;
    for (size_t i = 1; i < n; i++)
        if (!is_plain_char((unsigned char)s[i]))
            return false;
    return !is_reserved_word(s, n);
}

/* YAML's double-quoted style is a superset of JSON's strings, so one
** escaper serves both dumps. */
static void yaml_quoted(buf *out, const char *s, size_t n)
{
    json_string(out, s, n);
}

static void yaml_string(buf *out, const char *s, size_t n)
{
    if (yaml_can_be_plain(s, n))
        buf_putn(out, s, n);
    else
        yaml_quoted(out, s, n);
}

/* YAML limits implicit keys to 1024 characters; a longer one is written
** as an explicit "? KEY" line, its ':' then starting the next line. */
static void yaml_key(buf *out, const char *key, int indent)
{
    buf text = BUF_INIT;

    yaml_string(&text, key, strlen(key));
    if (text.len > 1024) {
        buf_puts(out, "? ");
        buf_putn(out, buf_str(&text), text.len);
        buf_putc(out, '\n');
        for (int c = 0; c < indent; c++)
            buf_putc(out, ' ');
    } else {
        buf_putn(out, buf_str(&text), text.len);
    }
    buf_free(&text);
}

static bool is_nonempty_collection(const data *d)
{
    return (d->kind == DATA_LIST || d->kind == DATA_MAP) && d->count > 0;
}

/* A scalar or an empty collection, on the current line. */
static void yaml_inline(const data *d, buf *out)
{
    switch (d->kind) {
    case DATA_NULL: buf_puts(out, "null"); break;
    case DATA_BOOL: buf_puts(out, d->boolean ? "true" : "false"); break;
    case DATA_STR:  yaml_string(out, d->text, d->count); break;
    case DATA_LIST: buf_puts(out, "[]"); break;
    case DATA_MAP:  buf_puts(out, "{}"); break;
    }
}

/* Writes d as a block at column `indent`.  When `continues_line` is set,
** the cursor already stands at that column after a "- ", so the first
** entry must not be indented again (the compact "- key: value" form). */
static void yaml_block(const data *d, buf *out, int indent, bool continues_line)
{
    if (!is_nonempty_collection(d)) {
        yaml_inline(d, out);
        buf_putc(out, '\n');
        return;
    }
    for (size_t i = 0; i < d->count; i++) {
        const data *child = d->kind == DATA_LIST ? d->kids.items[i] : d->kids.pairs[i].value;
        if (i > 0 || !continues_line)
            for (int c = 0; c < indent; c++)
                buf_putc(out, ' ');
        if (d->kind == DATA_LIST) {
            buf_puts(out, "- ");
            yaml_block(child, out, indent + 2, true);
            continue;
        }
        yaml_key(out, d->kids.pairs[i].key, indent);
        if (is_nonempty_collection(child)) {
            buf_puts(out, ":\n");
            yaml_block(child, out, indent + 2, false);
        } else {
            buf_puts(out, ": ");
            yaml_block(child, out, indent, true);
        }
    }
}

void data_to_yaml(const data *d, buf *out)
{
    yaml_block(d, out, 0, false);
}
