/*
** ast.h: the syntax tree of one schema file, as YAML wrote it.
**
** The loader (load.h) builds it; the checker (check.h) reads it.  It keeps
** exactly what the checker needs and nothing YAML-specific beyond that:
** three node kinds, each with its source position, scalars with their text
** and whether they were quoted (a quoted "1" is a string, a plain 1 is a
** number, a plain null/~ or empty scalar is null).  Mappings keep their
** pairs in source order; the loader has already rejected duplicate keys,
** non-scalar keys, anchors, aliases and tags.
**
** Ownership: an ast_file owns its path and its whole tree; ast_file_free
** releases everything.  Nodes are never shared.
*/
#ifndef SLOTGEN_AST_H
#define SLOTGEN_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef enum ast_kind {
    AST_SCALAR,
    AST_SEQ,
    AST_MAP
} ast_kind;

typedef struct ast_node ast_node;

typedef struct ast_pair {
    ast_node *key;          /* always AST_SCALAR */
    ast_node *value;
} ast_pair;

struct ast_node {
    ast_kind kind;
    srcpos pos;             /* where the node starts (pos.file is the ast_file's path) */
    /* AST_SCALAR */
    char *text;             /* NUL-terminated; may hold no NUL inside (the loader rejects \0) */
    size_t len;
    bool quoted;            /* single- or double-quoted, or a block scalar */
    /* AST_SEQ */
    ast_node **items;
    size_t nitems;
    /* AST_MAP */
    ast_pair *pairs;
    size_t npairs;
};

typedef struct ast_file {
    char *path;             /* as given on the command line or resolved from imports */
    ast_node *root;         /* an AST_MAP (the loader diagnoses anything else) */
} ast_file;

/* Human name of a kind for messages: "a scalar", "a list", "a mapping". */
const char *ast_kind_name(ast_kind k);

/* The value of `key` in mapping `map`, or NULL if absent (or map not a map). */
ast_node *ast_map_get(const ast_node *map, const char *key);
/* The pair whose key is `key`, or NULL. */
const ast_pair *ast_map_pair(const ast_node *map, const char *key);

/* A plain (unquoted) scalar that YAML reads as null: "", "~", "null", "Null", "NULL". */
bool ast_is_null(const ast_node *n);

void ast_node_free(ast_node *n);
void ast_file_free(ast_file *f);

#endif
