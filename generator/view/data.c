/*
** data.c: the template data tree and its JSON/YAML dumps (see data.h).
**
** Every node, string, key copy and child array lives in its document's
** blocks: an allocation is a pointer bump, and freeing the document frees
** a few hundred blocks instead of millions of nodes.  Lists and maps keep
** their children in arrays that double when full; an array that is the
** last allocation of its block grows in place, any other is copied and
** its old copy left behind, which at most doubles what it occupies.
** Maps keep insertion order because the dumps and the templates'
** sections must be deterministic.  A document spells each key once, in
** its key table, and every pair holds that one spelling: a lookup in a
** map compares pointers, and a caller that looks the same key up many
** times (the renderer, for every tag at every render) finds the spelling
** once with data_key_find.  A view has thousands of maps but only a
** hundred distinct keys.
*/
#include "data.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Blocks are this big unless one allocation needs more; an allocation of
** more than a quarter of it gets a block of its own, so that the rest of
** the current block is not given up for it. */
#define DOC_BLOCK_SIZE ((size_t)64 * 1024)

typedef struct doc_block {
    struct doc_block *next;     /* the block allocated before this one */
    size_t size;                /* bytes of bytes[] */
    _Alignas(max_align_t) unsigned char bytes[];
} doc_block;

/* The keys of a document's maps, each once: open addressing with linear
** probing, at most half full. */
typedef struct key_entry {
    const char *key;            /* a copy in the document, or a literal;
                                   NULL = empty entry */
    size_t len;
    uint32_t hash;
} key_entry;

typedef struct key_table {
    key_entry *entries;         /* owned */
    size_t size;                /* 0, or a power of two at least twice n */
    size_t n;
} key_table;

/* The view sets millions of pairs with a few hundred literal keys: the
** document's spelling of a literal recently set is found by the literal's
** address, without reading the literal. */
#define LITERAL_CACHE_SIZE 256

typedef struct literal_key {
    const char *literal;        /* a key given to data_set_literal, or NULL */
    const char *doc_key;        /* the document's spelling of it */
} literal_key;

/* The string nodes data_str_shared made, by the address of their source,
** as many as the cache holds: a "NULL" or a slot name is made once per
** class, not once per use. */
#define SHARED_STR_CACHE_SIZE 256

typedef struct shared_str {
    const char *source;         /* given to data_str_shared, or NULL */
    data *node;                 /* its string node */
} shared_str;

struct data_doc {
    doc_block *blocks;          /* owned, newest first */
    unsigned char *free;        /* the unused rest of blocks[0] ... */
    unsigned char *end;         /* ... up to here */
    key_table keys;
    literal_key literals[LITERAL_CACHE_SIZE];   /* at the literal's address hash */
    shared_str shared[SHARED_STR_CACHE_SIZE];   /* at the source's address hash */
};

typedef struct data_pair {
    const char *key;            /* the document's spelling (key_table) */
    data *value;
} data_pair;

/* A string node is made without the members from `u` on, which only
** lists and maps use, and its text, NUL-terminated, takes their place
** (SQLite's reduced-size Expr): strings are most of a view's nodes. */
struct data {
    unsigned char kind;         /* a data_kind */
    bool boolean;               /* DATA_BOOL */
    size_t count;               /* DATA_STR: bytes of text, excluding the NUL;
                                   DATA_LIST/DATA_MAP: children in use */
    union {
        data **items;           /* DATA_LIST */
        data_pair *pairs;       /* DATA_MAP: insertion order */
    } u;
    size_t cap;                 /* DATA_LIST/DATA_MAP: children allocated */
    data_doc *doc;              /* DATA_LIST/DATA_MAP: where the arrays grow */
};

#define STR_NODE_SIZE offsetof(data, u)

/* The text of a string node. */
static const char *str_text(const data *d)
{
    return (const char *)d + STR_NODE_SIZE;
}

/* The shared nodes: nothing modifies a null or a boolean once made. */
static data shared_null = { .kind = DATA_NULL };
static data shared_false = { .kind = DATA_BOOL, .boolean = false };
static data shared_true = { .kind = DATA_BOOL, .boolean = true };

/* ---- The document ------------------------------------------------------ */

data_doc *data_doc_new(void)
{
    return xcalloc(1, sizeof(data_doc));
}

void data_doc_free(data_doc *doc)
{
    doc_block *b, *next;

    if (!doc)
        return;
    for (b = doc->blocks; b; b = next) {
        next = b->next;
        free(b);
    }
    free(doc->keys.entries);
    free(doc);
}

static doc_block *block_new(size_t size, doc_block *next)
{
    doc_block *b = xmalloc(offsetof(doc_block, bytes) + size);

    b->next = next;
    b->size = size;
    return b;
}

/* `size` bytes from a new block, whose start suits any alignment: a large
** allocation gets a block of its own, behind the current one. */
static void *doc_alloc_slow(data_doc *doc, size_t size)
{
    doc_block *b;

    if (size > DOC_BLOCK_SIZE / 4 && doc->blocks) {
        b = block_new(size, doc->blocks->next);
        doc->blocks->next = b;
        return b->bytes;
    }
    b = block_new(size > DOC_BLOCK_SIZE ? size : DOC_BLOCK_SIZE, doc->blocks);
    doc->blocks = b;
    doc->free = b->bytes + size;
    doc->end = b->bytes + b->size;
    return b->bytes;
}

/* `size` bytes aligned to `align` (a power of two). */
static void *doc_alloc(data_doc *doc, size_t size, size_t align)
{
    uintptr_t at = ((uintptr_t)doc->free + (align - 1)) & ~(uintptr_t)(align - 1);

    if (!doc->free || size > (uintptr_t)doc->end - at)
        return doc_alloc_slow(doc, size);
    doc->free = (unsigned char *)at + size;
    return (void *)at;
}

/* The array `old` of old_size bytes, enlarged to new_size bytes: in place
** when it is the block's last allocation and the block has room. */
static void *doc_grow(data_doc *doc, void *old, size_t old_size, size_t new_size)
{
    unsigned char *p;

    if (old && (unsigned char *)old + old_size == doc->free &&
        new_size - old_size <= (size_t)(doc->end - doc->free)) {
        doc->free += new_size - old_size;
        return old;
    }
    p = doc_alloc(doc, new_size, _Alignof(data *));
    if (old_size)
        memcpy(p, old, old_size);
    return p;
}

/* A NUL-terminated copy of s[0..n) in the document. */
static char *doc_strndup(data_doc *doc, const char *s, size_t n)
{
    char *copy = doc_alloc(doc, n + 1, 1);

    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

/* ---- Keys -------------------------------------------------------------- */

/* FNV-1a: keys are short identifiers. */
static uint32_t key_hash(const char *key, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)key[i]) * 16777619u;
    return h;
}

/* The entry of `t` holding key[0..len) (of hash h), or the empty entry
** where it belongs. */
static size_t key_slot(const key_table *t, const char *key, size_t len, uint32_t h)
{
    size_t mask = t->size - 1, i = h & mask;
    const key_entry *e;

    while ((e = &t->entries[i])->key &&
           (e->hash != h || e->len != len || memcmp(e->key, key, len) != 0))
        i = (i + 1) & mask;
    return i;
}

static void key_table_grow(key_table *t)
{
    key_table bigger = { NULL, t->size ? 2 * t->size : 64, t->n };

    bigger.entries = xcalloc(bigger.size, sizeof *bigger.entries);
    for (size_t i = 0; i < t->size; i++) {
        const key_entry *e = &t->entries[i];
        if (e->key)
            bigger.entries[key_slot(&bigger, e->key, e->len, e->hash)] = *e;
    }
    free(t->entries);
    *t = bigger;
}

/* The document's spelling of key[0..len), or NULL when it has none. */
static const char *key_find(const data_doc *doc, const char *key, size_t len)
{
    if (doc->keys.n == 0)
        return NULL;
    return doc->keys.entries[key_slot(&doc->keys, key, len, key_hash(key, len))].key;
}

/* The document's spelling of `key`, made on first use: a copy of it, or
** the key itself when `borrow` says it outlives the document. */
static const char *key_intern(data_doc *doc, const char *key, bool borrow)
{
    size_t len = strlen(key), i;
    uint32_t h = key_hash(key, len);
    key_table *t = &doc->keys;

    if (2 * (t->n + 1) > t->size)
        key_table_grow(t);
    i = key_slot(t, key, len, h);
    if (!t->entries[i].key) {
        t->entries[i] = (key_entry){ borrow ? key : doc_strndup(doc, key, len), len, h };
        t->n++;
    }
    return t->entries[i].key;
}

/* Where the caches keyed by a string's address put it: strings of a few
** bytes sit close together, and so are told apart by their low bits. */
static size_t address_hash(const char *s)
{
    uintptr_t at = (uintptr_t)s;
    return (size_t)(at ^ (at >> 8));
}

/* key_intern for a literal, through the document's literal cache. */
static const char *literal_intern(data_doc *doc, const char *literal)
{
    literal_key *cached = &doc->literals[address_hash(literal) % LITERAL_CACHE_SIZE];

    if (cached->literal != literal) {
        cached->literal = literal;
        cached->doc_key = key_intern(doc, literal, true);
    }
    return cached->doc_key;
}

const char *data_key_find(const data *node, const char *key, size_t len)
{
    if (node->kind != DATA_LIST && node->kind != DATA_MAP)
        return NULL;
    return key_find(node->doc, key, len);
}

/* ---- Nodes ------------------------------------------------------------- */

data *data_null(void)
{
    return &shared_null;
}

data *data_bool(bool b)
{
    return b ? &shared_true : &shared_false;
}

/* A list or map node. */
static data *node_new(data_doc *doc, data_kind kind)
{
    data *d = doc_alloc(doc, sizeof *d, _Alignof(data));

    *d = (data){ .kind = (unsigned char)kind };
    return d;
}

/* One allocation holds the reduced node and its text. */
data *data_strn(data_doc *doc, const char *s, size_t n)
{
    data *d = doc_alloc(doc, STR_NODE_SIZE + n + 1, _Alignof(data));
    char *text = (char *)d + STR_NODE_SIZE;     /* str_text(d) */

    d->kind = DATA_STR;
    d->boolean = false;
    d->count = n;
    memcpy(text, s, n);
    text[n] = '\0';
    return d;
}

data *data_str(data_doc *doc, const char *s)
{
    return data_strn(doc, s, strlen(s));
}

data *data_str_shared(data_doc *doc, const char *s)
{
    shared_str *cached = &doc->shared[address_hash(s) % SHARED_STR_CACHE_SIZE];

    if (cached->source != s) {
        cached->source = s;
        cached->node = data_str(doc, s);
    }
    return cached->node;
}

/* Most formatted strings are short: they are printed on the stack and
** copied once into the document; only longer ones go through a buf. */
data *data_strf(data_doc *doc, const char *fmt, ...)
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
        return data_strn(doc, small, (size_t)n);
    va_start(ap, fmt);
    buf_vprintf(&text, fmt, ap);
    va_end(ap);
    d = data_strn(doc, buf_str(&text), text.len);
    buf_free(&text);
    return d;
}

/* A list or map whose array has room for `room` children. */
static data *collection_new(data_doc *doc, data_kind kind, size_t room, size_t child_size)
{
    data *d = node_new(doc, kind);

    d->doc = doc;
    if (room > 0) {
        d->u.items = doc_alloc(doc, room * child_size, _Alignof(data *));
        d->cap = room;
    }
    return d;
}

data *data_list(data_doc *doc, size_t room)
{
    return collection_new(doc, DATA_LIST, room, sizeof(data *));
}

data *data_map(data_doc *doc, size_t room)
{
    return collection_new(doc, DATA_MAP, room, sizeof(data_pair));
}

/* Make room for one more child of `child_size` bytes in `d`. */
static void make_room(data *d, size_t child_size)
{
    size_t cap = d->cap ? d->cap * 2 : 4;

    if (d->count < d->cap)
        return;
    d->u.items = doc_grow(d->doc, d->u.items, d->cap * child_size, cap * child_size);
    d->cap = cap;
}

void data_push(data *list, data *item)
{
    make_room(list, sizeof *list->u.items);
    list->u.items[list->count++] = item;
}

/* The pair of `map` whose key is `doc_key` (the document's spelling), or
** NULL. */
static data_pair *find_pair(const data *map, const char *doc_key)
{
    for (size_t i = 0; i < map->count; i++)
        if (map->u.pairs[i].key == doc_key)
            return &map->u.pairs[i];
    return NULL;
}

/* data_set and data_set_literal: `copy_key` says whether the document
** needs its own copy of `key`. */
static void set_pair(data *map, const char *key, bool copy_key, data *value)
{
    const char *doc_key = copy_key ? key_intern(map->doc, key, false)
                                   : literal_intern(map->doc, key);
    data_pair *pair = find_pair(map, doc_key);

    if (pair) {
        pair->value = value;
        return;
    }
    make_room(map, sizeof *map->u.pairs);
    map->u.pairs[map->count++] = (data_pair){ doc_key, value };
}

void data_set(data *map, const char *key, data *value)
{
    set_pair(map, key, true, value);
}

void data_set_literal(data *map, const char *key, data *value)
{
    set_pair(map, key, false, value);
}

data_kind data_kind_of(const data *d)
{
    return (data_kind)d->kind;
}

bool data_bool_value(const data *d)
{
    return d->boolean;
}

const char *data_str_value(const data *d)
{
    return str_text(d);
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
    return list->u.items[i];
}

const char *data_key(const data *map, size_t i)
{
    return map->u.pairs[i].key;
}

const data *data_value(const data *map, size_t i)
{
    return map->u.pairs[i].value;
}

const data *data_get(const data *map, const char *key)
{
    return data_getn(map, key, strlen(key));
}

const data *data_getn(const data *map, const char *key, size_t len)
{
    const char *doc_key = data_key_find(map, key, len);

    return doc_key ? data_get_key(map, doc_key) : NULL;
}

const data *data_get_key(const data *map, const char *doc_key)
{
    const data_pair *pair;

    if (map->kind != DATA_MAP)
        return NULL;
    pair = find_pair(map, doc_key);
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
    case DATA_STR:  json_string(out, str_text(d), d->count); return;
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
            json_string(out, d->u.pairs[i].key, strlen(d->u.pairs[i].key));
            buf_puts(out, ": ");
        }
        json_node(d->kind == DATA_LIST ? d->u.items[i] : d->u.pairs[i].value, out, depth + 1);
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
    case DATA_STR:  yaml_string(out, str_text(d), d->count); break;
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
        const data *child = d->kind == DATA_LIST ? d->u.items[i] : d->u.pairs[i].value;
        if (i > 0 || !continues_line)
            for (int c = 0; c < indent; c++)
                buf_putc(out, ' ');
        if (d->kind == DATA_LIST) {
            buf_puts(out, "- ");
            yaml_block(child, out, indent + 2, true);
            continue;
        }
        yaml_key(out, d->u.pairs[i].key, indent);
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
