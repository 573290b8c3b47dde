/*
** yaml_data.c: YAML to data trees for the render tests (see yaml_data.h).
**
** A recursive descent over libyaml events: one call per node, which
** returns the node built from the events it consumed.
*/
#include "yaml_data.h"

#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "buf.h"
#include "mem.h"

typedef struct loader {
    yaml_parser_t parser;
    data_doc *doc;              /* where the nodes are made */
    const yaml_data_options *opts;
    char **err;
} loader;

static data *fail(loader *ld, const char *what)
{
    buf msg = BUF_INIT;
    if (ld->parser.error != YAML_NO_ERROR)
        buf_printf(&msg, "line %zu: %s", ld->parser.problem_mark.line + 1,
                   ld->parser.problem ? ld->parser.problem : "YAML error");
    else
        buf_puts(&msg, what);
    *ld->err = buf_steal(&msg);
    return NULL;
}

static bool is_one_of(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (strcmp(s, *words) == 0)
            return true;
    return false;
}

/* "1.210" as the shortest text that reads back as the same double. */
static data *decimal(data_doc *doc, const char *text)
{
    char *end;
    double value = strtod(text, &end);
    char shortest[64];

    if (*end != '\0' || !strpbrk(text, ".eE"))
        return NULL;
    for (int digits = 1; digits <= DBL_DECIMAL_DIG; digits++) {
        snprintf(shortest, sizeof shortest, "%.*g", digits, value);
        if (strtod(shortest, NULL) == value)
            break;
    }
    return data_str(doc, shortest);
}

static data *scalar(loader *ld, const yaml_event_t *ev)
{
    static const char *const nulls[] = { "", "~", "null", "Null", "NULL", NULL };
    static const char *const trues[] = { "true", "True", "TRUE", NULL };
    static const char *const falses[] = { "false", "False", "FALSE", NULL };
    const char *text = (const char *)ev->data.scalar.value;
    data *number;

    if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return data_strn(ld->doc, text, ev->data.scalar.length);
    if (is_one_of(text, nulls))
        return data_null();
    if (is_one_of(text, trues) || is_one_of(text, falses))
        return data_bool(is_one_of(text, trues));
    if (ld->opts && ld->opts->normalize_decimals && (number = decimal(ld->doc, text)) != NULL)
        return number;
    return data_strn(ld->doc, text, ev->data.scalar.length);
}

static data *node(loader *ld, yaml_event_t *ev);

/* Reads nodes up to the end event of the collection `into`. */
static data *collection(loader *ld, data *into, yaml_event_type_t end)
{
    for (;;) {
        yaml_event_t ev;
        data *key, *value;

        if (!yaml_parser_parse(&ld->parser, &ev))
            break;
        if (ev.type == end) {
            yaml_event_delete(&ev);
            return into;
        }
        key = node(ld, &ev);
        if (!key)
            break;
        if (data_kind_of(into) == DATA_LIST) {
            data_push(into, key);
            continue;
        }
        if (!yaml_parser_parse(&ld->parser, &ev) || !(value = node(ld, &ev)))
            break;
        if (data_kind_of(key) != DATA_STR)
            return fail(ld, "mapping keys must be strings");
        data_set(into, data_str_value(key), value);
    }
    return *ld->err ? NULL : fail(ld, "bad collection");
}

/* Builds the node starting with event *ev, which it consumes. */
static data *node(loader *ld, yaml_event_t *ev)
{
    yaml_event_type_t type = ev->type;
    data *d = NULL;

    if (type == YAML_SCALAR_EVENT)
        d = scalar(ld, ev);
    yaml_event_delete(ev);
    switch (type) {
    case YAML_SCALAR_EVENT:         return d;
    case YAML_SEQUENCE_START_EVENT: return collection(ld, data_list(ld->doc, 0), YAML_SEQUENCE_END_EVENT);
    case YAML_MAPPING_START_EVENT:  return collection(ld, data_map(ld->doc, 0), YAML_MAPPING_END_EVENT);
    case YAML_ALIAS_EVENT:          return fail(ld, "aliases are not supported");
    default:                        return fail(ld, "unexpected YAML event");
    }
}

data *yaml_data_load(data_doc *doc, const char *text, size_t len, const yaml_data_options *opts,
                     char **err)
{
    loader ld;
    data *root = NULL;
    yaml_event_t ev;

    *err = NULL;
    ld.doc = doc;
    ld.opts = opts;
    ld.err = err;
    if (!yaml_parser_initialize(&ld.parser))
        return fail(&ld, "cannot initialise libyaml");
    yaml_parser_set_input_string(&ld.parser, (const unsigned char *)text, len);
    /* Skip STREAM-START and DOCUMENT-START; the next event is the root. */
    for (;;) {
        if (!yaml_parser_parse(&ld.parser, &ev)) {
            fail(&ld, "YAML error");
            break;
        }
        if (ev.type == YAML_STREAM_START_EVENT || ev.type == YAML_DOCUMENT_START_EVENT) {
            yaml_event_delete(&ev);
            continue;
        }
        if (ev.type == YAML_STREAM_END_EVENT) {
            yaml_event_delete(&ev);
            fail(&ld, "empty document");
            break;
        }
        root = node(&ld, &ev);
        break;
    }
    yaml_parser_delete(&ld.parser);
    return root;
}

data *yaml_data_load_file(data_doc *doc, const char *path, const yaml_data_options *opts,
                          char **err)
{
    buf text = BUF_INIT;
    data *root;

    *err = NULL;
    if (!buf_read_file(&text, path)) {
        buf msg = BUF_INIT;
        buf_printf(&msg, "cannot read %s", path);
        *err = buf_steal(&msg);
        buf_free(&text);
        return NULL;
    }
    root = yaml_data_load(doc, buf_str(&text), text.len, opts, err);
    buf_free(&text);
    return root;
}
