/*
** load.c: stage 1 of the pipeline, YAML text to syntax tree (see load.h).
**
** libyaml's event parser checks the YAML syntax; this file turns its events
** into ast nodes and adds the rules a schema is stricter by.  Recursive
** descent over the events: one function per node kind, each taking the
** event that opened its node.
**
** The bytes are checked for UTF-8 and NUL here, before libyaml sees them:
** libyaml reports a bad byte at an offset in its decoding buffer, and a
** NUL merely ends its input early, so neither gives the user a line and
** column to look at.
**
** A semantic error (duplicate key, alias, tag...) is reported and the walk
** goes on, so one run shows them all; a syntax error ends the file, since
** libyaml cannot resume after one.
*/
#include "load.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "buf.h"
#include "mem.h"
#include "strmap.h"

/* A schema nests about six levels deep; the bound keeps the recursion here
** and in ast_node_free from exhausting the C stack on hostile input. */
#define LOAD_MAX_DEPTH 64

/* libyaml expands the "!!" handle; messages show it the way it was written. */
#define YAML_CORE_TAG_PREFIX "tag:yaml.org,2002:"

/* The state of loading one file.  `text` is borrowed from the caller; `file`
** is owned until load_string hands it over or frees it. */
typedef struct loader {
    yaml_parser_t parser;
    diag *d;
    ast_file *file;             /* file->path is the srcpos.file of every node */
    const unsigned char *text;
    size_t len;
} loader;

/* ---- positions ---------------------------------------------------------- */

static srcpos pos_at_mark(const loader *ld, yaml_mark_t mark)
{
    srcpos at;
    at.file = ld->file->path;
    at.line = (int)mark.line + 1;
    at.col = (int)mark.column + 1;
    return at;
}

static bool has_utf8_bom(const unsigned char *text, size_t len)
{
    return len >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF;
}

/* Bytes taken by the line break at `p`, or 0.  The same breaks libyaml
** counts (YAML 1.1): CR LF, CR, LF, NEL, LS and PS. */
static size_t line_break_len(const unsigned char *p, size_t left)
{
    if (p[0] == '\r')
        return left >= 2 && p[1] == '\n' ? 2 : 1;
    if (p[0] == '\n')
        return 1;
    if (left >= 2 && p[0] == 0xC2 && p[1] == 0x85)
        return 2;
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
        return 3;
    return 0;
}

/* The position of byte `offset`, counted as libyaml counts its marks:
** columns in characters, a leading byte-order mark not counted at all.
** The bytes before `offset` must be valid UTF-8. */
static srcpos pos_at_offset(const loader *ld, size_t offset)
{
    srcpos at;
    size_t i = has_utf8_bom(ld->text, ld->len) ? 3 : 0;

    at.file = ld->file->path;
    at.line = 1;
    at.col = 1;
    while (i < offset && i < ld->len) {
        size_t brk = line_break_len(ld->text + i, ld->len - i);
        if (brk) {
            at.line++;
            at.col = 1;
            i += brk;
            continue;
        }
        if ((ld->text[i] & 0xC0) != 0x80)
            at.col++;
        i++;
    }
    return at;
}

/* ---- encoding ----------------------------------------------------------- */

/* Length of the well-formed UTF-8 sequence at `p` (RFC 3629: no overlong
** forms, no surrogates, nothing beyond U+10FFFF), or 0 if it is not one. */
static size_t utf8_sequence_len(const unsigned char *p, size_t left)
{
    unsigned char lead = p[0];
    unsigned char lo = 0x80, hi = 0xBF;     /* allowed range of the 2nd byte */
    size_t len, i;

    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        len = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        len = 3;
        lo = lead == 0xE0 ? 0xA0 : 0x80;
        hi = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        len = 4;
        lo = lead == 0xF0 ? 0x90 : 0x80;
        hi = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (left < len || p[1] < lo || p[1] > hi)
        return 0;
    for (i = 2; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return len;
}

/* Report the first NUL byte or malformed UTF-8 sequence; true if none. */
static bool check_encoding(loader *ld)
{
    size_t i = 0;
    while (i < ld->len) {
        size_t n;
        if (ld->text[i] == '\0') {
            diag_error(ld->d, pos_at_offset(ld, i), "NUL byte in a schema");
            return false;
        }
        n = utf8_sequence_len(ld->text + i, ld->len - i);
        if (n == 0) {
            diag_error(ld->d, pos_at_offset(ld, i),
                       "invalid UTF-8 sequence starting with byte 0x%02X", ld->text[i]);
            return false;
        }
        i += n;
    }
    return true;
}

/* ---- libyaml's errors ------------------------------------------------- */

static bool same_mark(yaml_mark_t a, yaml_mark_t b)
{
    return a.line == b.line && a.column == b.column;
}

/* Report the error that made yaml_parser_parse fail.  libyaml's `context`
** ("while scanning a quoted scalar") is a second location when it has its
** own mark, as PyYAML shows it; otherwise it completes the message. */
static void report_yaml_error(loader *ld)
{
    const yaml_parser_t *p = &ld->parser;
    const char *problem = p->problem ? p->problem : "invalid YAML";

    if (p->error == YAML_MEMORY_ERROR) {
        diag_error_file(ld->d, ld->file->path, "out of memory while parsing");
    } else if (p->error == YAML_READER_ERROR) {
        srcpos at = pos_at_offset(ld, p->problem_offset);
        if (p->problem_value >= 0)
            diag_error(ld->d, at, "%s (U+%04X)", problem, (unsigned)p->problem_value);
        else
            diag_error(ld->d, at, "%s", problem);
    } else if (p->context && !same_mark(p->context_mark, p->problem_mark)) {
        diag_error(ld->d, pos_at_mark(ld, p->problem_mark), "%s", problem);
        diag_note(ld->d, pos_at_mark(ld, p->context_mark), "%s", p->context);
    } else if (p->context) {
        diag_error(ld->d, pos_at_mark(ld, p->problem_mark), "%s %s", problem, p->context);
    } else {
        diag_error(ld->d, pos_at_mark(ld, p->problem_mark), "%s", problem);
    }
}

/* The next event into *ev; false after reporting a syntax error (then
** there is no event to delete and the file is over). */
static bool next_event(loader *ld, yaml_event_t *ev)
{
    if (yaml_parser_parse(&ld->parser, ev))
        return true;
    report_yaml_error(ld);
    return false;
}

/* ---- nodes -------------------------------------------------------------- */

static ast_node *new_node(loader *ld, ast_kind kind, yaml_mark_t start)
{
    ast_node *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    n->pos = pos_at_mark(ld, start);
    return n;
}

/* Anchors, aliases and tags are YAML machinery a schema has no use for;
** anchors with aliases also allow the "billion laughs" expansion. */
static void check_properties(loader *ld, srcpos at, const yaml_char_t *anchor,
                             const yaml_char_t *tag)
{
    if (anchor)
        diag_error(ld->d, at, "anchors and aliases are not allowed in a schema");
    if (tag) {
        const char *t = (const char *)tag;
        size_t core = strlen(YAML_CORE_TAG_PREFIX);
        if (strncmp(t, YAML_CORE_TAG_PREFIX, core) == 0)
            diag_error(ld->d, at, "tags are not allowed in a schema (!!%s)", t + core);
        else
            diag_error(ld->d, at, "tags are not allowed in a schema (%s)", t);
    }
}

static ast_node *scalar_node(loader *ld, const yaml_event_t *ev)
{
    const char *value = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    ast_node *n = new_node(ld, AST_SCALAR, ev->start_mark);

    check_properties(ld, n->pos, ev->data.scalar.anchor, ev->data.scalar.tag);
    /* The raw bytes hold no NUL (check_encoding), but a "\0" escape does. */
    if (memchr(value, '\0', len))
        diag_error(ld->d, n->pos, "a string in a schema may not contain a NUL character");
    n->text = xstrndup(value, len);
    n->len = len;
    n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
    return n;
}

static ast_node *parse_node(loader *ld, yaml_event_t *ev, int depth);

/* The pairs of one mapping as they are read, and its keys so far: a
** mapping may have thousands of keys (one per class), so duplicates are
** found by hashing, not by comparing every pair with every other. */
typedef struct map_builder {
    ast_node *map;
    size_t cap;                 /* of map->pairs */
    strmap keys;                /* key text (borrowed from map) -> pair index */
} map_builder;

/* A key must be a unique scalar; a bad pair is reported and dropped (the
** file fails anyway), so that the walk can go on to the next one. */
static void add_pair(loader *ld, map_builder *mb, ast_node *key, ast_node *value)
{
    ast_node *map = mb->map;
    size_t first;
    void *pairs = map->pairs;

    if (key->kind != AST_SCALAR) {
        diag_error(ld->d, key->pos, "a mapping key must be a scalar, not %s",
                   ast_kind_name(key->kind));
        goto drop;
    }
    if (!strmap_put(&mb->keys, key->text, map->npairs, &first)) {
        diag_error(ld->d, key->pos, "duplicate key '%s'", key->text);
        diag_note(ld->d, map->pairs[first].key->pos, "previously defined here");
        goto drop;
    }
    xgrow(&pairs, &mb->cap, map->npairs + 1, sizeof(ast_pair));
    map->pairs = pairs;
    map->pairs[map->npairs].key = key;
    map->pairs[map->npairs].value = value;
    map->npairs++;
    return;
drop:
    ast_node_free(key);
    ast_node_free(value);
}

/* The pairs of a mapping up to its end event.  Frees `map` and returns NULL
** after a syntax error. */
static ast_node *parse_mapping(loader *ld, ast_node *map, int depth)
{
    yaml_event_t ev;
    map_builder mb = { map, 0, STRMAP_INIT };
    for (;;) {
        ast_node *key, *value;
        if (!next_event(ld, &ev))
            break;
        if (ev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&ev);
            strmap_free(&mb.keys);
            return map;
        }
        if (!(key = parse_node(ld, &ev, depth + 1)))
            break;
        if (!next_event(ld, &ev)) {
            ast_node_free(key);
            break;
        }
        if (!(value = parse_node(ld, &ev, depth + 1))) {
            ast_node_free(key);
            break;
        }
        add_pair(ld, &mb, key, value);
    }
    strmap_free(&mb.keys);
    ast_node_free(map);
    return NULL;
}

/* The items of a sequence up to its end event; as parse_mapping. */
static ast_node *parse_sequence(loader *ld, ast_node *seq, int depth)
{
    yaml_event_t ev;
    size_t cap = 0;             /* of seq->items */
    for (;;) {
        ast_node *item;
        void *items = seq->items;
        if (!next_event(ld, &ev))
            break;
        if (ev.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&ev);
            return seq;
        }
        if (!(item = parse_node(ld, &ev, depth + 1)))
            break;
        xgrow(&items, &cap, seq->nitems + 1, sizeof(ast_node *));
        seq->items = items;
        seq->items[seq->nitems++] = item;
    }
    ast_node_free(seq);
    return NULL;
}

/* Opens a sequence or mapping node; NULL (reported) when nested too deep. */
static ast_node *open_collection(loader *ld, ast_kind kind, const yaml_event_t *ev,
                                 const yaml_char_t *anchor, const yaml_char_t *tag,
                                 int depth)
{
    ast_node *n = new_node(ld, kind, ev->start_mark);
    if (depth >= LOAD_MAX_DEPTH) {
        diag_error(ld->d, n->pos, "nested more than %d levels deep", LOAD_MAX_DEPTH);
        ast_node_free(n);
        return NULL;
    }
    check_properties(ld, n->pos, anchor, tag);
    return n;
}

/* The node that *ev opens, with everything inside it.  Takes the event.
** NULL means the file cannot be read further (the reason is reported). */
static ast_node *parse_node(loader *ld, yaml_event_t *ev, int depth)
{
    ast_node *n = NULL;

    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        n = scalar_node(ld, ev);
        yaml_event_delete(ev);
        return n;
    case YAML_ALIAS_EVENT:
        /* Stands in for the alias so that the walk goes on. */
        n = new_node(ld, AST_SCALAR, ev->start_mark);
        n->text = xstrdup("");
        diag_error(ld->d, n->pos, "anchors and aliases are not allowed in a schema");
        yaml_event_delete(ev);
        return n;
    case YAML_SEQUENCE_START_EVENT:
        n = open_collection(ld, AST_SEQ, ev, ev->data.sequence_start.anchor,
                            ev->data.sequence_start.tag, depth);
        yaml_event_delete(ev);
        return n ? parse_sequence(ld, n, depth) : NULL;
    case YAML_MAPPING_START_EVENT:
        n = open_collection(ld, AST_MAP, ev, ev->data.mapping_start.anchor,
                            ev->data.mapping_start.tag, depth);
        yaml_event_delete(ev);
        return n ? parse_mapping(ld, n, depth) : NULL;
    default:
        /* libyaml yields only the four above where a node may start. */
        diag_error(ld->d, pos_at_mark(ld, ev->start_mark), "unexpected YAML event");
        yaml_event_delete(ev);
        return NULL;
    }
}

/* ---- the document ------------------------------------------------------- */

static void check_root(loader *ld, const ast_node *root)
{
    if (ast_is_null(root))
        diag_error(ld->d, root->pos, "empty schema: expected a mapping with 'classes'");
    else if (root->kind != AST_MAP)
        diag_error(ld->d, root->pos, "the schema must be a mapping with 'classes', not %s",
                   ast_kind_name(root->kind));
}

/* After the first document: the stream must end there. */
static void check_single_document(loader *ld)
{
    yaml_event_t ev;
    if (!next_event(ld, &ev))
        return;
    if (ev.type == YAML_DOCUMENT_START_EVENT)
        diag_error(ld->d, pos_at_mark(ld, ev.start_mark),
                   "a schema is one YAML document: found a second one");
    yaml_event_delete(&ev);
}

/* Stream start, one document, stream end.  Returns the root node, or NULL
** when there is none or libyaml stopped on a syntax error. */
static ast_node *parse_stream(loader *ld)
{
    yaml_event_t ev;
    ast_node *root;

    if (!next_event(ld, &ev))                       /* stream start */
        return NULL;
    yaml_event_delete(&ev);
    if (!next_event(ld, &ev))
        return NULL;
    if (ev.type != YAML_DOCUMENT_START_EVENT) {     /* stream end: no document at all */
        srcpos first = { ld->file->path, 1, 1 };
        yaml_event_delete(&ev);
        diag_error(ld->d, first, "empty schema: expected a mapping with 'classes'");
        return NULL;
    }
    yaml_event_delete(&ev);
    if (!next_event(ld, &ev) || !(root = parse_node(ld, &ev, 0)))
        return NULL;
    check_root(ld, root);
    if (!next_event(ld, &ev)) {                     /* document end */
        ast_node_free(root);
        return NULL;
    }
    yaml_event_delete(&ev);
    check_single_document(ld);
    return root;
}

/* ---- entry points ------------------------------------------------------- */

ast_file *load_string(const char *name, const char *text, size_t len, diag *d)
{
    loader ld;
    size_t errors_before = diag_errors(d);
    ast_node *root = NULL;

    memset(&ld, 0, sizeof ld);
    ld.d = d;
    ld.text = (const unsigned char *)text;
    ld.len = len;
    ld.file = xcalloc(1, sizeof *ld.file);
    ld.file->path = xstrdup(name);

    if (check_encoding(&ld)) {
        if (!yaml_parser_initialize(&ld.parser)) {
            diag_error_file(d, name, "out of memory while parsing");
        } else {
            yaml_parser_set_input_string(&ld.parser, ld.text, len);
            root = parse_stream(&ld);
            yaml_parser_delete(&ld.parser);
        }
    }
    if (!root || diag_errors(d) > errors_before) {
        ast_node_free(root);
        ast_file_free(ld.file);
        return NULL;
    }
    ld.file->root = root;
    return ld.file;
}

ast_file *load_file(const char *path, diag *d)
{
    buf text = BUF_INIT;
    ast_file *f = NULL;

    if (buf_read_file(&text, path))
        f = load_string(path, buf_str(&text), text.len, d);
    else
        diag_error_file(d, path, "cannot read: %s", strerror(errno));
    buf_free(&text);
    return f;
}
