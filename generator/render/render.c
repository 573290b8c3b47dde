/*
** render.c: the Mustache renderer (see render.h).
**
** Two passes.  parse() turns a template into a flat token list, applying
** the standalone-line rules and delimiter changes as it goes, so that
** rendering is a plain walk: a section token records where its children
** end, and closing tags leave no token behind.  Each tag's name is split
** at its dots and every part found in the view's keys once, at parse time
** (data_key_find): a tag inside a section over 10,000 classes is looked up
** 10,000 times, each then a comparison of pointers.  render_range()
** then walks the tokens against a stack of contexts.  Output only ever
** appends to one buf, so rendering is linear in the size of the output.
**
** Partials are parsed on first use and cached per render() call, keyed by
** name and indentation: a standalone partial is indented by prefixing
** every line of its source, as the spec describes, which makes an indented
** copy of it a template of its own.
*/
#include "render.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Partials nested deeper than this are taken for unbounded recursion. */
#define RENDER_MAX_PARTIAL_DEPTH 100

/* An offset meaning "this tag does not stand alone on its line". */
#define NOT_STANDALONE ((size_t)-1)

typedef enum token_kind {
    TOKEN_TEXT,         /* literal bytes */
    TOKEN_ESCAPED,      /* {{name}} */
    TOKEN_RAW,          /* {{{name}}} or {{&name}} */
    TOKEN_SECTION,      /* {{#name}} ... {{/name}} */
    TOKEN_INVERTED,     /* {{^name}} ... {{/name}} */
    TOKEN_PARTIAL       /* {{>name}} */
} token_kind;

typedef struct token {
    token_kind kind;
    const char *text;       /* TEXT: the bytes; others: the tag's name; points into the source */
    size_t len;
    size_t end;             /* SECTION/INVERTED: index of the first token after the section */
    size_t first_part;      /* ESCAPED/RAW/SECTION/INVERTED: the name, as parts */
    size_t nparts;          /* [first_part, +nparts) of the template's; 0 for "." */
    const char *indent;     /* PARTIAL: whitespace before a standalone tag, else NULL */
    size_t indent_len;
} token;

/* One dotted part of a tag's name: the view document's spelling of it
** (data_key_find), or NULL when no map of the view has that key. */
typedef const char *name_part;

/* A parsed template, for rendering against one view.  Tokens borrow from
** the source text, which must outlive it. */
typedef struct template_ {
    const data *view;       /* borrowed: whose keys the parts are */
    token *tokens;          /* owned */
    size_t count;
    size_t cap;
    name_part *parts;       /* owned: the parts of every tag's name */
    size_t nparts;
    size_t parts_cap;
} template_;

/* An open section during parsing, to match its end tag and report it
** when it is never closed. */
typedef struct open_section {
    size_t token;           /* index of its TOKEN_SECTION/TOKEN_INVERTED */
    size_t offset;          /* source offset of its tag, for the error line */
} open_section;

typedef struct parser {
    const char *name;       /* for errors */
    const char *src;
    size_t len;
    const char *open;       /* current delimiters: point into src or at "{{" "}}" */
    size_t open_len;
    const char *close;
    size_t close_len;
    open_section *sections; /* owned: the stack of sections not yet closed */
    size_t nsections;
    size_t sections_cap;
    template_ *out;
    char **err;
} parser;

/* ---- Parsing ------------------------------------------------------------ */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_space(char c)
{
    return is_blank(c) || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static const char *find_bytes(const char *hay, size_t hay_len, const char *needle, size_t n)
{
    const char *end = hay + hay_len;
    const char *p = hay;

    while (n <= (size_t)(end - p)) {
        p = memchr(p, needle[0], (size_t)(end - p) - n + 1);
        if (!p)
            return NULL;
        if (memcmp(p, needle, n) == 0)
            return p;
        p++;
    }
    return NULL;
}

static size_t line_at(const char *src, size_t offset)
{
    size_t line = 1;
    for (size_t i = 0; i < offset; i++)
        line += src[i] == '\n';
    return line;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int parse_error(parser *ps, size_t offset, const char *fmt, ...)
{
    buf msg = BUF_INIT;
    va_list ap;

    buf_printf(&msg, "%s:%zu: ", ps->name, line_at(ps->src, offset));
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    *ps->err = buf_steal(&msg);
    return -1;
}

static void push_part(template_ *t, const char *text, size_t len)
{
    void *parts = t->parts;

    xgrow(&parts, &t->parts_cap, t->nparts + 1, sizeof *t->parts);
    t->parts = parts;
    t->parts[t->nparts++] = data_key_find(t->view, text, len);
}

/* Split the name of `tok` at its dots into t's parts, as the spec reads a
** dotted name; "." alone (the implicit iterator) has none. */
static void split_name(template_ *t, token *tok)
{
    const char *part = tok->text, *end = tok->text + tok->len;
    const char *dot;

    tok->first_part = t->nparts;
    if (tok->len == 1 && tok->text[0] == '.')
        return;
    while ((dot = memchr(part, '.', (size_t)(end - part))) != NULL) {
        push_part(t, part, (size_t)(dot - part));
        part = dot + 1;
    }
    push_part(t, part, (size_t)(end - part));
    tok->nparts = t->nparts - tok->first_part;
}

static token *push_token(template_ *t, token_kind kind, const char *text, size_t len)
{
    void *tokens = t->tokens;
    token *tok;

    xgrow(&tokens, &t->cap, t->count + 1, sizeof *t->tokens);
    t->tokens = tokens;
    tok = &t->tokens[t->count++];
    memset(tok, 0, sizeof *tok);
    tok->kind = kind;
    tok->text = text;
    tok->len = len;
    if (kind != TOKEN_TEXT && kind != TOKEN_PARTIAL)
        split_name(t, tok);
    return tok;
}

static void push_text(parser *ps, size_t from, size_t to)
{
    if (to > from)
        push_token(ps->out, TOKEN_TEXT, ps->src + from, to - from);
}

/* The start of the line holding `tag` if only blanks precede the tag on
** it and no other tag ends on it (text_start is where the previous tag
** ended); otherwise NOT_STANDALONE. */
static size_t standalone_line_start(const parser *ps, size_t text_start, size_t tag)
{
    size_t line_start = tag;

    while (line_start > text_start && ps->src[line_start - 1] != '\n')
        line_start--;
    if (line_start == text_start && text_start > 0 && ps->src[text_start - 1] != '\n')
        return NOT_STANDALONE;
    for (size_t i = line_start; i < tag; i++)
        if (!is_blank(ps->src[i]))
            return NOT_STANDALONE;
    return line_start;
}

/* Where the line after a standalone tag ending at `tag_end` begins, or
** NOT_STANDALONE if anything but blanks follows the tag on its line. */
static size_t standalone_line_end(const parser *ps, size_t tag_end)
{
    size_t i = tag_end;

    while (i < ps->len && is_blank(ps->src[i]))
        i++;
    if (i == ps->len)
        return i;
    if (ps->src[i] == '\n')
        return i + 1;
    if (ps->src[i] == '\r' && i + 1 < ps->len && ps->src[i + 1] == '\n')
        return i + 2;
    return NOT_STANDALONE;
}

static int set_delimiters(parser *ps, size_t tag, const char *s, size_t n)
{
    size_t a = 0, b;

    while (a < n && !is_space(s[a]) && s[a] != '=')
        a++;
    b = a;
    while (b < n && is_space(s[b]))
        b++;
    if (a == 0 || b == a || b == n)
        return parse_error(ps, tag, "bad delimiters '%.*s'", (int)n, s);
    for (size_t i = b; i < n; i++)
        if (is_space(s[i]) || s[i] == '=')
            return parse_error(ps, tag, "bad delimiters '%.*s'", (int)n, s);
    ps->open = s;
    ps->open_len = a;
    ps->close = s + b;
    ps->close_len = n - b;
    return 0;
}

static int open_section_at(parser *ps, token_kind kind, const char *name, size_t len, size_t tag)
{
    void *sections = ps->sections;

    push_token(ps->out, kind, name, len);
    xgrow(&sections, &ps->sections_cap, ps->nsections + 1, sizeof *ps->sections);
    ps->sections = sections;
    ps->sections[ps->nsections].token = ps->out->count - 1;
    ps->sections[ps->nsections].offset = tag;
    ps->nsections++;
    return 0;
}

static int close_section(parser *ps, const char *name, size_t len, size_t tag)
{
    token *opened;

    if (ps->nsections == 0)
        return parse_error(ps, tag, "section end '%.*s' without a section", (int)len, name);
    opened = &ps->out->tokens[ps->sections[ps->nsections - 1].token];
    if (opened->len != len || memcmp(opened->text, name, len) != 0)
        return parse_error(ps, tag, "section '%.*s' closed by '%.*s'",
                           (int)opened->len, opened->text, (int)len, name);
    opened->end = ps->out->count;
    ps->nsections--;
    return 0;
}

/* Records one tag of kind `sigil` ('\0' for a variable) and body s[0..n). */
static int add_tag(parser *ps, char sigil, const char *s, size_t n, size_t tag,
                   const char *indent, size_t indent_len)
{
    while (n > 0 && is_space(s[0]))
        s++, n--;
    while (n > 0 && is_space(s[n - 1]))
        n--;
    if (sigil == '!')
        return 0;
    if (sigil == '=')
        return set_delimiters(ps, tag, s, n);
    if (n == 0)
        return parse_error(ps, tag, "empty tag");
    switch (sigil) {
    case '#': return open_section_at(ps, TOKEN_SECTION, s, n, tag);
    case '^': return open_section_at(ps, TOKEN_INVERTED, s, n, tag);
    case '/': return close_section(ps, s, n, tag);
    case '>': {
        token *tok = push_token(ps->out, TOKEN_PARTIAL, s, n);
        tok->indent = indent;
        tok->indent_len = indent_len;
        return 0;
    }
    case '{':
    case '&':
        push_token(ps->out, TOKEN_RAW, s, n);
        return 0;
    default:
        push_token(ps->out, TOKEN_ESCAPED, s, n);
        return 0;
    }
}

/* The end of the body of a tag whose body starts at `body`: the next
** closing delimiter, preceded by `extra` ('}' of {{{x}}}, '=' of {{=a b=}})
** when that is not '\0'.  NULL when the tag is never closed. */
static const char *find_body_end(const parser *ps, size_t body, char extra)
{
    size_t from = body;

    for (;;) {
        const char *closing = find_bytes(ps->src + from, ps->len - from, ps->close, ps->close_len);
        if (!closing || !extra)
            return closing;
        if (closing > ps->src + body && closing[-1] == extra)
            return closing - 1;
        from = (size_t)(closing - ps->src) + 1;
    }
}

/* Parses the tag whose opening delimiter starts at `tag`; *pos is where
** the pending text starts on entry and where scanning resumes on return. */
static int parse_tag(parser *ps, size_t tag, size_t *pos)
{
    size_t body = tag + ps->open_len;
    char sigil = body < ps->len ? ps->src[body] : '\0';
    char extra = sigil == '{' ? '}' : sigil == '=' ? '=' : '\0';
    const char *closing;
    size_t body_end, tag_end;
    size_t line_start = NOT_STANDALONE, next_line = NOT_STANDALONE;

    if (sigil != '\0' && strchr("#^/>&{!=", sigil))
        body++;
    else
        sigil = '\0';
    closing = find_body_end(ps, body, extra);
    if (!closing)
        return parse_error(ps, tag, "unclosed tag");
    body_end = (size_t)(closing - ps->src);
    tag_end = body_end + (extra ? 1 : 0) + ps->close_len;

    /* Only tags that print nothing may stand alone and take their line. */
    if (sigil && strchr("#^/>!=", sigil)) {
        line_start = standalone_line_start(ps, *pos, tag);
        if (line_start != NOT_STANDALONE)
            next_line = standalone_line_end(ps, tag_end);
    }
    if (next_line != NOT_STANDALONE) {
        push_text(ps, *pos, line_start);
        *pos = next_line;
        return add_tag(ps, sigil, ps->src + body, body_end - body, tag,
                       ps->src + line_start, tag - line_start);
    }
    push_text(ps, *pos, tag);
    *pos = tag_end;
    return add_tag(ps, sigil, ps->src + body, body_end - body, tag, NULL, 0);
}

/* Parses src, to be rendered against `view`, into *out (which the caller
** frees with template_free, also after an error). */
static int parse(const char *name, const char *src, size_t len, const data *view,
                 template_ *out, char **err)
{
    parser ps = {
        name, src, len, "{{", 2, "}}", 2, NULL, 0, 0, out, err
    };
    size_t pos = 0;
    int rc = 0;

    out->view = view;
    while (rc == 0) {
        const char *tag = find_bytes(src + pos, len - pos, ps.open, ps.open_len);
        if (!tag) {
            push_text(&ps, pos, len);
            break;
        }
        rc = parse_tag(&ps, (size_t)(tag - src), &pos);
    }
    if (rc == 0 && ps.nsections > 0) {
        const open_section *open = &ps.sections[ps.nsections - 1];
        const token *tok = &out->tokens[open->token];
        rc = parse_error(&ps, open->offset, "unclosed section '%.*s'", (int)tok->len, tok->text);
    }
    free(ps.sections);
    return rc;
}

static void template_free(template_ *t)
{
    free(t->tokens);
    free(t->parts);
}

/* ---- Rendering ---------------------------------------------------------- */

/* A partial as parsed for one indentation. */
typedef struct partial_entry {
    char *name;             /* owned */
    char *indent;           /* owned; "" when not standalone */
    char *source;           /* owned indented copy, or NULL when the text is borrowed */
    bool found;             /* false: the lookup failed, render nothing */
    template_ tmpl;
} partial_entry;

typedef struct renderer {
    const data *view;       /* the root context, which partials are parsed for */
    const render_partials *partials;
    partial_entry **cache;  /* owned entries, each allocated alone so that
                               growing the cache never moves one in use */
    size_t ncache;
    size_t cache_cap;
    const data **stack;     /* owned array of borrowed contexts, top last */
    size_t depth;
    size_t stack_cap;
    int partial_depth;
    buf *out;
    char **err;
} renderer;

static void push_context(renderer *r, const data *d)
{
    void *stack = r->stack;
    xgrow(&stack, &r->stack_cap, r->depth + 1, sizeof *r->stack);
    r->stack = stack;
    r->stack[r->depth++] = d;
}

/* The spec's name resolution of the name of `tok` in `t`: "." is the top
** context; otherwise the first part is looked up down the stack and every
** later part only inside the previous result. */
static const data *resolve(const renderer *r, const template_ *t, const token *tok)
{
    const name_part *part = t->parts + tok->first_part, *end = part + tok->nparts;
    const data *found = NULL;

    if (tok->nparts == 0)
        return r->stack[r->depth - 1];
    if (!*part)
        return NULL;
    for (size_t i = r->depth; i-- > 0 && !found;)
        found = data_get_key(r->stack[i], *part);
    for (part++; found && part < end; part++)
        found = *part ? data_get_key(found, *part) : NULL;
    return found;
}

static bool is_truthy(const data *d)
{
    if (!d)
        return false;
    switch (data_kind_of(d)) {
    case DATA_NULL: return false;
    case DATA_BOOL: return data_bool_value(d);
    case DATA_LIST: return data_count(d) > 0;
    case DATA_STR:
    case DATA_MAP:
        break;
    }
    return true;
}

static void put_escaped(buf *out, const char *s, size_t n)
{
    size_t run = 0;

    for (size_t i = 0; i < n; i++) {
        const char *entity = s[i] == '&' ? "&amp;" : s[i] == '"' ? "&quot;"
                           : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;" : NULL;
        if (!entity)
            continue;
        buf_putn(out, s + run, i - run);
        buf_puts(out, entity);
        run = i + 1;
    }
    buf_putn(out, s + run, n - run);
}

static void interpolate(renderer *r, const data *value, bool escape)
{
    if (!value)
        return;
    switch (data_kind_of(value)) {
    case DATA_STR:
        if (escape)
            put_escaped(r->out, data_str_value(value), data_str_len(value));
        else
            buf_putn(r->out, data_str_value(value), data_str_len(value));
        break;
    case DATA_BOOL:
        buf_puts(r->out, data_bool_value(value) ? "true" : "false");
        break;
    case DATA_NULL:
    case DATA_LIST:
    case DATA_MAP:
        break;
    }
}

/* The partial source with `indent` put before every line. */
static char *indent_source(const char *text, size_t len, const char *indent)
{
    buf out = BUF_INIT;
    size_t line = 0;

    for (size_t i = 0; i < len; i++) {
        if (text[i] != '\n' && i + 1 < len)
            continue;
        buf_puts(&out, indent);
        buf_putn(&out, text + line, i + 1 - line);
        line = i + 1;
    }
    return buf_steal(&out);
}

/* The cached parse of partial `tok`, parsing it on first use.  Returns
** NULL with *r->err set when it does not parse. */
static const partial_entry *partial_for(renderer *r, const token *tok)
{
    partial_entry *entry;
    const char *text = NULL;
    size_t len = 0;
    void *cache = r->cache;

    for (size_t i = 0; i < r->ncache; i++) {
        entry = r->cache[i];
        if (strncmp(entry->name, tok->text, tok->len) == 0 && entry->name[tok->len] == '\0' &&
            strncmp(entry->indent, tok->indent ? tok->indent : "", tok->indent_len) == 0 &&
            entry->indent[tok->indent_len] == '\0')
            return entry;
    }
    xgrow(&cache, &r->cache_cap, r->ncache + 1, sizeof *r->cache);
    r->cache = cache;
    entry = xcalloc(1, sizeof *entry);
    r->cache[r->ncache++] = entry;
    entry->name = xstrndup(tok->text, tok->len);
    entry->indent = xstrndup(tok->indent ? tok->indent : "", tok->indent_len);
    if (r->partials && r->partials->lookup)
        text = r->partials->lookup(r->partials->ctx, entry->name, &len);
    entry->found = text != NULL;
    if (!text)
        return entry;
    if (tok->indent_len > 0) {
        entry->source = indent_source(text, len, entry->indent);
        text = entry->source;
        len = strlen(entry->source);
    }
    return parse(entry->name, text, len, r->view, &entry->tmpl, r->err) == 0 ? entry : NULL;
}

static int render_range(renderer *r, const template_ *t, size_t from, size_t to);

static int render_partial(renderer *r, const token *tok)
{
    const partial_entry *entry = partial_for(r, tok);
    int rc;

    if (!entry)
        return -1;
    if (!entry->found)
        return 0;
    if (r->partial_depth >= RENDER_MAX_PARTIAL_DEPTH) {
        buf msg = BUF_INIT;
        buf_printf(&msg, "%s:1: partials nested more than %d deep", entry->name,
                   RENDER_MAX_PARTIAL_DEPTH);
        *r->err = buf_steal(&msg);
        return -1;
    }
    r->partial_depth++;
    rc = render_range(r, &entry->tmpl, 0, entry->tmpl.count);
    r->partial_depth--;
    return rc;
}

static int render_section(renderer *r, const template_ *t, size_t i)
{
    const token *tok = &t->tokens[i];
    const data *value = resolve(r, t, tok);
    int rc = 0;

    if (!is_truthy(value))
        return 0;
    if (data_kind_of(value) != DATA_LIST) {
        push_context(r, value);
        rc = render_range(r, t, i + 1, tok->end);
        r->depth--;
        return rc;
    }
    for (size_t k = 0; k < data_count(value) && rc == 0; k++) {
        push_context(r, data_item(value, k));
        rc = render_range(r, t, i + 1, tok->end);
        r->depth--;
    }
    return rc;
}

static int render_range(renderer *r, const template_ *t, size_t from, size_t to)
{
    int rc = 0;

    for (size_t i = from; i < to && rc == 0; i++) {
        const token *tok = &t->tokens[i];
        switch (tok->kind) {
        case TOKEN_TEXT:
            buf_putn(r->out, tok->text, tok->len);
            break;
        case TOKEN_ESCAPED:
        case TOKEN_RAW:
            interpolate(r, resolve(r, t, tok), tok->kind == TOKEN_ESCAPED);
            break;
        case TOKEN_SECTION:
            rc = render_section(r, t, i);
            i = tok->end - 1;
            break;
        case TOKEN_INVERTED:
            if (!is_truthy(resolve(r, t, tok)))
                rc = render_range(r, t, i + 1, tok->end);
            i = tok->end - 1;
            break;
        case TOKEN_PARTIAL:
            rc = render_partial(r, tok);
            break;
        }
    }
    return rc;
}

int render(const char *name, const char *tmpl, size_t len, const data *view,
           const render_partials *partials, buf *out, char **err)
{
    template_ main_tmpl = { NULL, NULL, 0, 0, NULL, 0, 0 };
    renderer r;
    int rc;

    memset(&r, 0, sizeof r);
    r.view = view;
    r.partials = partials;
    r.out = out;
    r.err = err;
    *err = NULL;
    rc = parse(name, tmpl, len, view, &main_tmpl, err);
    if (rc == 0) {
        push_context(&r, view);
        rc = render_range(&r, &main_tmpl, 0, main_tmpl.count);
    }
    for (size_t i = 0; i < r.ncache; i++) {
        free(r.cache[i]->name);
        free(r.cache[i]->indent);
        free(r.cache[i]->source);
        template_free(&r.cache[i]->tmpl);
        free(r.cache[i]);
    }
    free(r.cache);
    free(r.stack);
    template_free(&main_tmpl);
    return rc;
}
