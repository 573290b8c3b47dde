/*
** expect.c: reading schema values from syntax-tree nodes (see expect.h).
*/
#include "expect.h"

#include <stdarg.h>
#include <string.h>

#include "mem.h"
#include "names.h"

bool node_is_scalar(const ast_node *n)
{
    return n && n->kind == AST_SCALAR;
}

bool node_has_value(const ast_node *n)
{
    return node_is_scalar(n) && !ast_is_null(n);
}

/* "a list", "a mapping", "null", "a string", "'text'": what a node is. */
static void describe(buf *b, const ast_node *n)
{
    if (n->kind != AST_SCALAR)
        buf_puts(b, ast_kind_name(n->kind));
    else if (ast_is_null(n))
        buf_puts(b, "null");
    else if (n->quoted)
        buf_puts(b, "a string");
    else
        buf_printf(b, "'%s'", n->text);
}

void expect_fail(problems *out, const ast_node *n, const char *fmt, ...)
{
    buf b = BUF_INIT;
    va_list ap;
    buf_puts(&b, "expected ");
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    buf_puts(&b, ", got ");
    describe(&b, n);
    problems_add(out, n->pos, "%s", buf_str(&b));
    buf_free(&b);
}

bool expect_bool(problems *out, const ast_node *n, bool *value)
{
    static const char *const yes[] = {"true", "True", "TRUE"};
    static const char *const no[] = {"false", "False", "FALSE"};
    size_t i;
    if (node_is_scalar(n) && !n->quoted)
        for (i = 0; i < COUNT(yes); i++) {
            if (strcmp(n->text, yes[i]) == 0) {
                *value = true;
                return true;
            }
            if (strcmp(n->text, no[i]) == 0) {
                *value = false;
                return true;
            }
        }
    expect_fail(out, n, "true or false");
    return false;
}

char *expect_text(problems *out, const ast_node *n)
{
    if (!node_has_value(n)) {
        expect_fail(out, n, "a text");
        return NULL;
    }
    return xstrdup(n->text);
}

bool expect_mapping_or_empty(problems *out, const ast_node *n, const char *what)
{
    if (n->kind == AST_MAP || ast_is_null(n))
        return true;
    expect_fail(out, n, "%s", what);
    return false;
}

void expect_known_keys(problems *out, const ast_node *map, const char *what,
                       const char *const *known, size_t nknown)
{
    size_t i, j;
    if (map->kind != AST_MAP)
        return;
    for (i = 0; i < map->npairs; i++) {
        const ast_node *key = map->pairs[i].key;
        buf b = BUF_INIT;
        for (j = 0; j < nknown && strcmp(key->text, known[j]) != 0; j++)
            ;
        if (j < nknown)
            continue;
        buf_printf(&b, "unknown %s '%s'", what, key->text);
        expect_suggest(&b, key->text, known, nknown);
        problems_add(out, key->pos, "%s", buf_str(&b));
        buf_free(&b);
    }
}

void expect_suggest(buf *b, const char *word, const char *const *cands, size_t n)
{
    const char *s = names_suggest(word, cands, n);
    if (s)
        buf_printf(b, "; did you mean '%s'?", s);
}
