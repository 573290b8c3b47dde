/*
** types.c: resolving type and class names of a schema (see types.h).
*/
#include "types.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "expect.h"
#include "mem.h"

/* In m_kind order: the index of a word is its kind. */
static const char *const type_words[] = {
    "bool", "char", "int8", "int16", "int32", "int64", "uint8", "uint16",
    "uint32", "uint64", "float", "double", "string",
};

static bool scalar_kind(const char *word, size_t len, m_kind *out)
{
    size_t k;
    for (k = 0; k < COUNT(type_words); k++)
        if (strlen(type_words[k]) == len && strncmp(word, type_words[k], len) == 0) {
            *out = (m_kind)k;
            return true;
        }
    return false;
}

m_class *type_find_class(const type_scope *sc, const char *name)
{
    m_schema *s = sc->schema;
    m_class *c = m_schema_find_class(s, name);
    size_t i;
    for (i = 0; !c && i < s->nimports; i++)
        c = m_schema_find_class(s->imports[i], name);
    return c;
}

/* Names a suggestion may offer: the given words, then visible classes.
** The array is owned by the caller, its strings borrowed. */
static const char **visible_names(const m_schema *s, const char *const *words,
                                  size_t nwords, size_t *n)
{
    size_t total = nwords + s->nclasses, i, j, k = 0;
    const char **names;
    for (i = 0; i < s->nimports; i++)
        total += s->imports[i]->nclasses;
    names = xmalloc(total * sizeof(char *));
    for (i = 0; i < nwords; i++)
        names[k++] = words[i];
    for (i = 0; i < s->nclasses; i++)
        names[k++] = s->classes[i]->name;
    for (i = 0; i < s->nimports; i++)
        for (j = 0; j < s->imports[i]->nclasses; j++)
            names[k++] = s->imports[i]->classes[j]->name;
    *n = k;
    return names;
}

/* The likely cause of an unknown name: a class of the run not imported. */
static void note_not_imported(const type_scope *sc, const char *name)
{
    size_t i;
    for (i = 0; i < sc->run->nschemas; i++) {
        m_schema *other = sc->run->schemas[i];
        const m_class *c = m_schema_find_class(other, name);
        if (c && other != sc->schema) {
            problems_note(sc->out, c->pos, "'%s' is a class of '%s', which '%s' does not import",
                          c->name, c->schema->path, sc->schema->path);
            return;
        }
    }
}

void type_report_unknown(const type_scope *sc, const ast_node *n, const char *what,
                         const char *const *words, size_t nwords)
{
    size_t ncands;
    const char **cands;
    buf b = BUF_INIT;

    if (sc->imports_broken)
        return;
    cands = visible_names(sc->schema, words, nwords, &ncands);
    buf_printf(&b, "unknown %s '%s'", what, n->text);
    expect_suggest(&b, n->text, cands, ncands);
    problems_add(sc->out, n->pos, "%s", buf_str(&b));
    buf_free(&b);
    free(cands);
    note_not_imported(sc, n->text);
}

static void bad_array(const type_scope *sc, const ast_node *n)
{
    problems_add(sc->out, n->pos,
                 "bad array type '%s': expected T[N], N a decimal number from 1 to 65535", n->text);
}

/* N of "T[N]", `digits` just after the '[': decimal, no sign, no leading
** zero, 1..65535.  Returns 0 after reporting a mistake. */
static size_t array_len(const type_scope *sc, const ast_node *n, const char *digits)
{
    size_t len = 0, i;
    for (i = 0; digits[i] >= '0' && digits[i] <= '9'; i++)
        if (len <= 65535)
            len = len * 10 + (size_t)(digits[i] - '0');
    if (i == 0 || digits[i] != ']' || digits[i + 1] != '\0' || (digits[0] == '0' && i > 1)) {
        bad_array(sc, n);
        return 0;
    }
    if (len < 1 || len > 65535) {
        problems_add(sc->out, n->pos, "array size %.*s out of range (1..65535)", (int)i, digits);
        return 0;
    }
    return len;
}

/* An unknown element type is suggested among the scalar words only: a
** class would not be allowed there anyway. */
static void unknown_element(const type_scope *sc, const ast_node *n, const char *elem)
{
    buf b = BUF_INIT;
    if (sc->imports_broken)
        return;
    buf_printf(&b, "unknown type '%s'", elem);
    expect_suggest(&b, elem, type_words, COUNT(type_words));
    problems_add(sc->out, n->pos, "%s", buf_str(&b));
    buf_free(&b);
}

/* T[N] written at `n`, `open` pointing at its '['. */
static bool resolve_array(const type_scope *sc, const ast_node *n, const char *open, m_type *t)
{
    size_t elen = (size_t)(open - n->text);
    char *elem = xstrndup(n->text, elen);
    m_kind kind = M_BOOL;
    bool scalar = scalar_kind(elem, elen, &kind), ok = false;

    if (elen == 0) {
        bad_array(sc, n);
    } else if (scalar && kind != M_STRING) {
        t->kind = kind;
        ok = (t->array_len = array_len(sc, n, open + 1)) != 0;
    } else if (scalar || type_find_class(sc, elem)) {
        problems_add(sc->out, n->pos,
                     "arrays of '%s' are not supported: the element type must be a scalar", elem);
    } else {
        unknown_element(sc, n, elem);
    }
    free(elem);
    return ok;
}

bool type_resolve(const type_scope *sc, const ast_node *n, bool weak, m_type *t)
{
    const char *open = strchr(n->text, '[');
    if (open)
        return resolve_array(sc, n, open, t);
    if (scalar_kind(n->text, n->len, &t->kind))
        return true;
    if ((t->ref = type_find_class(sc, n->text)) != NULL) {
        t->kind = weak ? M_WEAK : M_REF;
        return true;
    }
    type_report_unknown(sc, n, "type", type_words, COUNT(type_words));
    return false;
}
