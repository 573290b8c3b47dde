/*
** data.h: the data that templates see.
**
** A small JSON-like tree: null, booleans, strings, lists and ordered maps.
** The view (view.h) builds one per schema from the model; the renderer
** (render.h) reads it; `slotgen generate --dump-model` prints it, so a
** template author can see every name.  Numbers are strings: templates only
** ever print them.
**
** Ownership: every node owns its children.  data_push/data_set take
** ownership of the node they are given; data_free frees a whole tree.
** data_null and data_bool return shared immutable nodes, which data_free
** leaves alone, so they too can be given to data_push/data_set.
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

data *data_null(void);
data *data_bool(bool b);
data *data_str(const char *s);          /* copies s */
data *data_strn(const char *s, size_t n);
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
data *data_strf(const char *fmt, ...);
data *data_list(void);
data *data_map(void);

void data_push(data *list, data *item);                 /* appends; takes item */
void data_set(data *map, const char *key, data *value); /* replaces or appends; takes value */
/* As data_set, but `key` is borrowed, not copied: it must outlive the map
** (a string literal, as every key of the view is). */
void data_set_literal(data *map, const char *key, data *value);
void data_free(data *d);

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

/* Serialise for --dump-model.  Both are deterministic (map order kept). */
void data_to_json(const data *d, buf *out);
void data_to_yaml(const data *d, buf *out);

#endif
