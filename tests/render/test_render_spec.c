/*
** test_render_spec.c: runs the Mustache spec files against render().
**
**   test_render_spec EXPECTED_COUNT SPEC.yml...
**
** Every test of every file given becomes its own CMocka case, named
** "FILE: TEST NAME" (e.g. "sections: Deeply Nested Contexts"), so a
** failure says which spec test broke.  EXPECTED_COUNT guards against a
** spec file that silently lost tests (or failed to load).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "data.h"
#include "mem.h"
#include "render.h"
#include "yaml_data.h"

/* One spec test, the state of its CMocka case. */
typedef struct spec_case {
    char *name;             /* owned: "FILE: NAME" */
    const data *test;       /* borrowed from its file's tree: name, data, template, ... */
} spec_case;

static const char *partial_from_map(void *ctx, const char *name, size_t *len)
{
    const data *partials = ctx;
    const data *text = partials ? data_get(partials, name) : NULL;

    if (!text || data_kind_of(text) != DATA_STR)
        return NULL;
    *len = data_str_len(text);
    return data_str_value(text);
}

static const char *field_text(const data *test, const char *key)
{
    const data *value = data_get(test, key);
    assert_non_null(value);
    assert_int_equal(data_kind_of(value), DATA_STR);
    return data_str_value(value);
}

static void run_spec_case(void **state)
{
    const spec_case *sc = *state;
    const char *tmpl = field_text(sc->test, "template");
    const char *expected = field_text(sc->test, "expected");
    const data *view = data_get(sc->test, "data");
    render_partials partials = { partial_from_map, (void *)data_get(sc->test, "partials") };
    buf out = BUF_INIT;
    char *err = NULL;
    int rc;

    assert_non_null(view);
    rc = render(sc->name, tmpl, strlen(tmpl), view, &partials, &out, &err);
    if (rc != 0)
        fail_msg("%s", err);
    assert_string_equal(buf_str(&out), expected);
    buf_free(&out);
}

/* "dir/sections.yml" -> "sections" */
static char *spec_title(const char *path)
{
    const char *base = strrchr(path, '/');
    const char *dot;

    base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    return xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
}

/* Appends a case for every test of the spec file `path`, whose tree is
** made in `doc` (kept alive for the cases).  Returns -1 if it does not
** load. */
static int add_spec_file(data_doc *doc, const char *path, spec_case **cases, size_t *count,
                         size_t *cap)
{
    yaml_data_options opts = { true };
    char *err = NULL;
    const data *file, *list;
    char *title;

    file = yaml_data_load_file(doc, path, &opts, &err);
    if (!file || !(list = data_get(file, "tests")) || data_kind_of(list) != DATA_LIST) {
        fprintf(stderr, "%s: %s\n", path, err ? err : "no 'tests' list");
        free(err);
        return -1;
    }
    title = spec_title(path);
    for (size_t i = 0; i < data_count(list); i++) {
        const data *name = data_get(data_item(list, i), "name");
        void *grown = *cases;
        buf full = BUF_INIT;

        xgrow(&grown, cap, *count + 1, sizeof **cases);
        *cases = grown;
        buf_printf(&full, "%s: %s", title, name ? data_str_value(name) : "?");
        (*cases)[*count].name = buf_steal(&full);
        (*cases)[*count].test = data_item(list, i);
        (*count)++;
    }
    free(title);
    return 0;
}

int main(int argc, char **argv)
{
    struct CMUnitTest *tests = NULL;
    spec_case *cases = NULL;
    size_t count = 0, cap = 0;
    data_doc *doc;
    long expected;
    int failed = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: %s EXPECTED_COUNT SPEC.yml...\n", argv[0]);
        return 2;
    }
    expected = strtol(argv[1], NULL, 10);
    doc = data_doc_new();
    for (int i = 2; i < argc && !failed; i++)
        failed = add_spec_file(doc, argv[i], &cases, &count, &cap) != 0;
    if (!failed && (long)count != expected) {
        fprintf(stderr, "expected %ld spec tests, found %zu\n", expected, count);
        failed = 1;
    }
    tests = xcalloc(count, sizeof *tests);
    for (size_t i = 0; i < count; i++) {
        tests[i].name = cases[i].name;
        tests[i].test_func = run_spec_case;
        tests[i].setup_func = NULL;
        tests[i].teardown_func = NULL;
        tests[i].initial_state = &cases[i];
    }
    if (!failed)
        failed = _cmocka_run_group_tests("mustache spec", tests, count, NULL, NULL);
    for (size_t i = 0; i < count; i++)
        free(cases[i].name);
    data_doc_free(doc);
    free(cases);
    free(tests);
    return failed ? 1 : 0;
}
