/*
** data.c: the template data tree and its JSON/YAML dumps (see data.h).
**
** A node is a tagged struct; lists and maps keep their children in
** growable arrays, so building a tree of n nodes costs O(n) allocations
** amortised.  Maps keep insertion order because the dumps and the
** templates' sections must be deterministic.
*/
#include "data.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

typedef struct data_pair {
    char *key;              /* owned */
    data *value;            /* owned */
} data_pair;

struct data {
    data_kind kind;
    bool boolean;           /* DATA_BOOL */
    char *str;              /* DATA_STR: owned, NUL-terminated */
    size_t len;             /* DATA_STR: bytes of str, excluding the NUL */
    data **items;           /* DATA_LIST: owned children */
    data_pair *pairs;       /* DATA_MAP: owned keys and values, insertion order */
    size_t count;           /* DATA_LIST/DATA_MAP: children in use */
    size_t cap;             /* DATA_LIST/DATA_MAP: children allocated */
};

static data *node_new(data_kind kind)
{
    data *d = xcalloc(1, sizeof *d);
    d->kind = kind;
    return d;
}

data *data_null(void)
{
    return node_new(DATA_NULL);
}

data *data_bool(bool b)
{
    data *d = node_new(DATA_BOOL);
    d->boolean = b;
    return d;
}

data *data_strn(const char *s, size_t n)
{
    data *d = node_new(DATA_STR);
    d->str = xstrndup(s, n);
    d->len = n;
    return d;
}

data *data_str(const char *s)
{
    return data_strn(s, strlen(s));
}

data *data_strf(const char *fmt, ...)
{
    buf text = BUF_INIT;
    va_list ap;
    data *d;

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
    void *items = list->items;
    xgrow(&items, &list->cap, list->count + 1, sizeof *list->items);
    list->items = items;
    list->items[list->count++] = item;
}

static data_pair *find_pair(const data *map, const char *key)
{
    for (size_t i = 0; i < map->count; i++)
        if (strcmp(map->pairs[i].key, key) == 0)
            return &map->pairs[i];
    return NULL;
}

void data_set(data *map, const char *key, data *value)
{
    data_pair *pair = find_pair(map, key);
    void *pairs;

    if (pair) {
        data_free(pair->value);
        pair->value = value;
        return;
    }
    pairs = map->pairs;
    xgrow(&pairs, &map->cap, map->count + 1, sizeof *map->pairs);
    map->pairs = pairs;
    map->pairs[map->count].key = xstrdup(key);
    map->pairs[map->count].value = value;
    map->count++;
}

void data_free(data *d)
{
    if (!d)
        return;
    for (size_t i = 0; d->kind == DATA_LIST && i < d->count; i++)
        data_free(d->items[i]);
    for (size_t i = 0; d->kind == DATA_MAP && i < d->count; i++) {
        free(d->pairs[i].key);
        data_free(d->pairs[i].value);
    }
    free(d->items);
    free(d->pairs);
    free(d->str);
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
    return d->str;
}

size_t data_str_len(const data *d)
{
    return d->len;
}

size_t data_count(const data *d)
{
    return d->kind == DATA_LIST || d->kind == DATA_MAP ? d->count : 0;
}

const data *data_item(const data *list, size_t i)
{
    return list->items[i];
}

const char *data_key(const data *map, size_t i)
{
    return map->pairs[i].key;
}

const data *data_value(const data *map, size_t i)
{
    return map->pairs[i].value;
}

const data *data_get(const data *map, const char *key)
{
    const data_pair *pair = find_pair(map, key);
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
    case DATA_STR:  json_string(out, d->str, d->len); return;
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
            json_string(out, d->pairs[i].key, strlen(d->pairs[i].key));
            buf_puts(out, ": ");
        }
        json_node(d->kind == DATA_LIST ? d->items[i] : d->pairs[i].value, out, depth + 1);
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
    case DATA_STR:  yaml_string(out, d->str, d->len); break;
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
        const data *child = d->kind == DATA_LIST ? d->items[i] : d->pairs[i].value;
        if (i > 0 || !continues_line)
            for (int c = 0; c < indent; c++)
                buf_putc(out, ' ');
        if (d->kind == DATA_LIST) {
            buf_puts(out, "- ");
            yaml_block(child, out, indent + 2, true);
            continue;
        }
        yaml_key(out, d->pairs[i].key, indent);
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
