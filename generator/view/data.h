/*
** data.h: the data that templates see.
**
** A small JSON-like tree: null, booleans, strings, lists and ordered maps.
** The view (view.h) builds one per schema from the model; the renderer
** (render.h) reads it; `slotgen generate --dump-model` prints it, so a
** template author can see every name.  Numbers are strings: templates only
** ever print them.
**
** Ownership: a document (data_doc) owns every node made in it, with its
** strings, keys and child arrays, all carved from a few large blocks: a
** view holds millions of nodes, and one free of the document is both
** faster and smaller than a free per node.  Nodes are never freed one by
** one, so a node may be placed in more than one list or map of its
** document (the view shares each accessor between two lists, and
** data_str_shared hands out one string node for many uses); a value
** replaced by data_set stays in the document until it is freed.
** data_null and data_bool return shared immutable nodes that belong to no
** document and may be placed in any.
*/
#ifndef SLOTGEN_DATA_H
#define SLOTGEN_DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

typedef enum data_kind {
    DATA_NULL,
    DATA_BOOL,
    DATA_STR,
    DATA_LIST,
    DATA_MAP
} data_kind;

typedef struct data data;
typedef struct data_doc data_doc;

data_doc *data_doc_new(void);
void data_doc_free(data_doc *doc);      /* frees every node made in doc */

data *data_null(void);
data *data_bool(bool b);
data *data_str(data_doc *doc, const char *s);   /* copies s into doc */
data *data_strn(data_doc *doc, const char *s, size_t n);
/* As data_str, for an `s` that outlives the document unchanged (a string
** literal, a name in the model): asked again for the same `s`, it may
** return the node it made before, which is then shared (see above), so
** that the view keeps one "NULL" or slot name, not one per use. */
data *data_str_shared(data_doc *doc, const char *s);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
data *data_strf(data_doc *doc, const char *fmt, ...);
/* An empty list or map with room for `room` children before it has to
** grow (0 when the count is not known); either grows without bound. */
data *data_list(data_doc *doc, size_t room);
data *data_map(data_doc *doc, size_t room);

/* Both add `item`/`value` made in the same document as the collection
** (or a shared null or boolean). */
void data_push(data *list, data *item);                 /* appends */
void data_set(data *map, const char *key, data *value); /* replaces or appends; copies key */
/* As data_set, but `key` is borrowed, not copied: it must outlive the
** document (a string literal, as every key of the view is). */
void data_set_literal(data *map, const char *key, data *value);

data_kind data_kind_of(const data *d);
bool data_bool_value(const data *d);    /* DATA_BOOL only */
const char *data_str_value(const data *d);  /* DATA_STR only */
size_t data_str_len(const data *d);
size_t data_count(const data *d);       /* items of a list, pairs of a map */
const data *data_item(const data *list, size_t i);
const char *data_key(const data *map, size_t i);
const data *data_value(const data *map, size_t i);
const data *data_get(const data *map, const char *key); /* NULL if absent */
/* As data_get, with the key given as key[0..len) (a tag name inside a
** template); NULL when absent or when `map` is not a map. */
const data *data_getn(const data *map, const char *key, size_t len);
/* Look-ups in two steps, for a caller that looks the same key up many
** times (the renderer, at every render of a tag): data_key_find gives the
** document's own spelling of key[0..len), NULL when no map of the
** document of `node` has that key (or `node` is not a list or map);
** data_get_key then finds that spelling in `map`, a map of the same
** document, comparing pointers only.  NULL when absent or when `map` is
** not a map. */
const char *data_key_find(const data *node, const char *key, size_t len);
const data *data_get_key(const data *map, const char *doc_key);

/* Serialise for --dump-model.  Both are deterministic (map order kept). */
void data_to_json(const data *d, buf *out);
void data_to_yaml(const data *d, buf *out);

#endif
