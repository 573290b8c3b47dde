/*
** test_render.c: what render() promises beyond the Mustache spec: its
** error messages, its truthiness rules, and a schema-sized view rendered
** whole (its speed is measured in bench/, never asserted here).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "data.h"
#include "render.h"

/* Partials for these tests: "p" is ctx (a NUL-terminated template). */
static const char *partial_p(void *ctx, const char *name, size_t *len)
{
    if (strcmp(name, "p") != 0)
        return NULL;
    *len = strlen(ctx);
    return ctx;
}

/* Renders tmpl against view; returns the malloc'd output, or NULL with
** *err set. */
static char *render_text(const char *tmpl, const data *view, const char *partial, char **err)
{
    render_partials partials = { partial_p, (void *)partial };
    buf out = BUF_INIT;

    if (render("t", tmpl, strlen(tmpl), view, partial ? &partials : NULL, &out, err) != 0) {
        buf_free(&out);
        return NULL;
    }
    return buf_steal(&out);
}

static void expect_error(const char *tmpl, const char *partial, const char *message)
{
    data_doc *doc = data_doc_new();
    data *view = data_map(doc, 0);
    char *err = NULL;
    char *out = render_text(tmpl, view, partial, &err);

    assert_null(out);
    assert_non_null(err);
    assert_string_equal(err, message);
    free(err);
    data_doc_free(doc);
}

static void expect_output(const char *tmpl, const data *view, const char *expected)
{
    char *err = NULL;
    char *out = render_text(tmpl, view, NULL, &err);

    assert_null(err);
    assert_non_null(out);
    assert_string_equal(out, expected);
    free(out);
}

static void malformed_templates_are_reported_at_their_line(void **state)
{
    (void)state;
    expect_error("a\n{{x", NULL, "t:2: unclosed tag");
    expect_error("a\n{{{x}}", NULL, "t:2: unclosed tag");
    expect_error("{{#a}}\nx\n", NULL, "t:1: unclosed section 'a'");
    expect_error("{{#a}}\n{{/b}}", NULL, "t:2: section 'a' closed by 'b'");
    expect_error("x\n\n{{/b}}", NULL, "t:3: section end 'b' without a section");
    expect_error("{{=<% =}}", NULL, "t:1: bad delimiters '<%'");
    expect_error("{{=a b c=}}", NULL, "t:1: bad delimiters 'a b c'");
    expect_error("{{= a=b c =}}", NULL, "t:1: bad delimiters 'a=b c'");
    expect_error("{{ }}", NULL, "t:1: empty tag");
}

static void errors_in_partials_name_the_partial(void **state)
{
    (void)state;
    expect_error("ok\n{{>p}}", "x\n{{#q}}", "p:2: unclosed section 'q'");
    expect_error("{{>p}}", "{{>p}}", "p:1: partials nested more than 100 deep");
}

static void only_null_false_and_empty_lists_are_falsey(void **state)
{
    data_doc *doc = data_doc_new();
    data *view = data_map(doc, 0);

    (void)state;
    data_set(view, "empty_string", data_str(doc, ""));
    data_set(view, "zero", data_str(doc, "0"));
    data_set(view, "empty_map", data_map(doc, 0));
    data_set(view, "empty_list", data_list(doc, 0));
    data_set(view, "no", data_bool(false));
    data_set(view, "nothing", data_null());
    expect_output("{{#empty_string}}a{{/empty_string}}{{#zero}}b{{/zero}}"
                  "{{#empty_map}}c{{/empty_map}}", view, "abc");
    expect_output("{{^empty_list}}d{{/empty_list}}{{^no}}e{{/no}}{{^nothing}}f{{/nothing}}"
                  "{{^missing}}g{{/missing}}", view, "defg");
    expect_output("{{#empty_list}}x{{/empty_list}}{{#no}}x{{/no}}{{^zero}}x{{/zero}}", view, "");
    data_doc_free(doc);
}

static void sections_over_maps_and_strings_push_them(void **state)
{
    data_doc *doc = data_doc_new();
    data *view = data_map(doc, 0);
    data *inner = data_map(doc, 0);

    (void)state;
    data_set(inner, "k", data_str(doc, "inner"));
    data_set(view, "m", inner);
    data_set(view, "k", data_str(doc, "outer"));
    data_set(view, "s", data_str(doc, "<str>"));
    data_set(view, "flag", data_bool(true));
    expect_output("{{#m}}{{k}}{{/m}} {{k}} {{#s}}{{.}}|{{{.}}}{{/s}} {{flag}}", view,
                  "inner outer &lt;str&gt;|<str> true");
    data_doc_free(doc);
}

/* Tag names are found in the view's keys once, when the template (or a
** partial) is parsed: a name no map has, a dotted name whose later part
** no map has, and a key only an inner map has are all resolved as the
** spec says, in the main template and in a partial alike. */
static void names_resolve_against_the_views_keys(void **state)
{
    const char *tmpl = "[{{nowhere}}|{{m.nowhere}}|{{m.deep}}|{{deep}}|{{#m}}{{deep}}{{/m}}]";
    data_doc *doc = data_doc_new();
    data *view = data_map(doc, 0), *inner = data_map(doc, 0);
    char *err = NULL, *out;

    (void)state;
    data_set(inner, "deep", data_str(doc, "d"));
    data_set(view, "m", inner);
    expect_output(tmpl, view, "[||d||d]");
    out = render_text("<{{>p}}>", view, tmpl, &err);
    assert_null(err);
    assert_string_equal(out, "<[||d||d]>");
    free(out);
    data_doc_free(doc);
}

static void missing_partial_renders_nothing(void **state)
{
    data_doc *doc = data_doc_new();
    data *view = data_map(doc, 0);

    (void)state;
    expect_output("[{{>nowhere}}]", view, "[]");
    data_doc_free(doc);
}

static data *big_view(data_doc *doc, size_t nclasses)
{
    data *view = data_map(doc, 0);
    data *classes = data_list(doc, 0);

    for (size_t i = 0; i < nclasses; i++) {
        data *cls = data_map(doc, 0);
        data *slots = data_list(doc, 0);
        for (int s = 0; s < 5; s++) {
            data *slot = data_map(doc, 0);
            data_set(slot, "name", data_strf(doc, "slot%d", s));
            data_set(slot, "type", data_str(doc, "int32_t"));
            data_push(slots, slot);
        }
        data_set(cls, "name", data_strf(doc, "Class%zu", i));
        data_set(cls, "slots", slots);
        data_push(classes, cls);
    }
    data_set(view, "module", data_str(doc, "geo"));
    data_set(view, "classes", classes);
    return view;
}

/* The struct that the template of the test below makes for class i. */
static void expect_class_struct(const buf *out, size_t i)
{
    buf expected = BUF_INIT;

    buf_printf(&expected, "struct geo_Class%zu {\n", i);
    for (int s = 0; s < 5; s++)
        buf_printf(&expected, "    int32_t slot%d; /* geo */\n", s);
    buf_puts(&expected, "};\n");
    assert_non_null(strstr(buf_str(out), buf_str(&expected)));
    buf_free(&expected);
}

static void ten_thousand_classes_render_whole(void **state)
{
    data_doc *doc = data_doc_new();
    const char *tmpl =
        "{{#classes}}\n"
        "struct {{module}}_{{name}} {\n"
        "{{#slots}}\n"
        "    {{>p}}\n"
        "{{/slots}}\n"
        "};\n"
        "{{/classes}}\n";
    render_partials partials = { partial_p, (void *)"{{{type}}} {{name}}; /* {{module}} */\n" };
    data *view = big_view(doc, 10000);
    buf out = BUF_INIT;
    char *err = NULL;

    (void)state;
    assert_int_equal(render("big", tmpl, strlen(tmpl), view, &partials, &out, &err), 0);
    expect_class_struct(&out, 0);
    expect_class_struct(&out, 9999);
    buf_free(&out);
    data_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(malformed_templates_are_reported_at_their_line),
        cmocka_unit_test(errors_in_partials_name_the_partial),
        cmocka_unit_test(only_null_false_and_empty_lists_are_falsey),
        cmocka_unit_test(sections_over_maps_and_strings_push_them),
        cmocka_unit_test(names_resolve_against_the_views_keys),
        cmocka_unit_test(missing_partial_renders_nothing),
        cmocka_unit_test(ten_thousand_classes_render_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
