/*
** ast.c: queries over a schema's syntax tree, and its release (see ast.h).
*/
#include "ast.h"

#include <stdlib.h>
#include <string.h>

const char *ast_kind_name(ast_kind k)
{
    switch (k) {
    case AST_SCALAR:
        return "a scalar";
    case AST_SEQ:
        return "a list";
    case AST_MAP:
        return "a mapping";
    }
    return "a node";
}

const ast_pair *ast_map_pair(const ast_node *map, const char *key)
{
    size_t i;
    if (!map || map->kind != AST_MAP)
        return NULL;
    for (i = 0; i < map->npairs; i++) {
        if (strcmp(map->pairs[i].key->text, key) == 0)
            return &map->pairs[i];
    }
    return NULL;
}

ast_node *ast_map_get(const ast_node *map, const char *key)
{
    const ast_pair *pair = ast_map_pair(map, key);
    return pair ? pair->value : NULL;
}

bool ast_is_null(const ast_node *n)
{
    static const char *const spellings[] = { "", "~", "null", "Null", "NULL" };
    size_t i;
    if (!n || n->kind != AST_SCALAR || n->quoted)
        return false;
    for (i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        if (strcmp(n->text, spellings[i]) == 0)
            return true;
    }
    return false;
}

/* The loader bounds the nesting depth, so this recursion is bounded too. */
void ast_node_free(ast_node *n)
{
    size_t i;
    if (!n)
        return;
    free(n->text);
    for (i = 0; i < n->nitems; i++)
        ast_node_free(n->items[i]);
    free(n->items);
    for (i = 0; i < n->npairs; i++) {
        ast_node_free(n->pairs[i].key);
        ast_node_free(n->pairs[i].value);
    }
    free(n->pairs);
    free(n);
}

void ast_file_free(ast_file *f)
{
    if (!f)
        return;
    ast_node_free(f->root);
    free(f->path);
    free(f);
}
