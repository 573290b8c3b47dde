/*
** test_load.c: the loader (load.h) in-process, from schema strings: the
** tree it builds (positions, quoting, order) and every diagnostic it owns,
** each at its exact line and column.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ast.h"
#include "buf.h"
#include "diag.h"
#include "load.h"

/* Each test loads one text; the fixture owns the diag and the tree. */
typedef struct fixture {
    diag *d;
    ast_file *file;
} fixture;

static int setup(void **state)
{
    static fixture fx;
    fx.d = diag_new();
    fx.file = NULL;
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    ast_file_free(fx->file);
    diag_free(fx->d);
    return 0;
}

/* Load `len` bytes (text may hold NULs), as file "t.yaml". */
static ast_file *load_n(void **state, const char *text, size_t len)
{
    fixture *fx = *state;
    fx->file = load_string("t.yaml", text, len, fx->d);
    return fx->file;
}

static ast_file *load(void **state, const char *text)
{
    return load_n(state, text, strlen(text));
}

/* The diagnostics must be exactly `expected...` (NULL-terminated), in order. */
static void expect_diags(void **state, ...)
{
    fixture *fx = *state;
    va_list ap;
    size_t i = 0, errors = 0;
    const char *want;

    va_start(ap, state);
    while ((want = va_arg(ap, const char *)) != NULL) {
        assert_true(i < diag_lines(fx->d));
        assert_string_equal(diag_line(fx->d, i), want);
        if (strstr(want, ": error: "))
            errors++;
        i++;
    }
    va_end(ap);
    assert_int_equal(diag_lines(fx->d), i);
    assert_int_equal(diag_errors(fx->d), errors);
}

/* A failed load returns no tree and reports exactly `line` (one error). */
static void expect_error(void **state, const char *text, const char *line)
{
    assert_null(load(state, text));
    expect_diags(state, line, NULL);
}

static void assert_pos(const ast_node *n, int line, int col)
{
    assert_non_null(n);
    assert_string_equal(n->pos.file, "t.yaml");
    assert_int_equal(n->pos.line, line);
    assert_int_equal(n->pos.col, col);
}

static void assert_scalar(const ast_node *n, const char *text, bool quoted)
{
    assert_non_null(n);
    assert_int_equal(n->kind, AST_SCALAR);
    assert_string_equal(n->text, text);
    assert_int_equal(n->len, strlen(text));
    assert_int_equal(n->quoted, quoted);
}

/* ---- the tree ----------------------------------------------------------- */

static void positions_of_block_and_flow_nodes(void **state)
{
    ast_file *f = load(state,
                       "module: geo\n"
                       "classes:\n"
                       "  Point:\n"
                       "    slots: {x: int32, y: [1, 2]}\n");
    const ast_node *classes, *point, *slots, *y;

    assert_non_null(f);
    expect_diags(state, NULL);
    assert_string_equal(f->path, "t.yaml");
    assert_int_equal(f->root->kind, AST_MAP);
    assert_pos(f->root, 1, 1);
    assert_pos(f->root->pairs[0].key, 1, 1);
    assert_pos(f->root->pairs[0].value, 1, 9);
    classes = ast_map_get(f->root, "classes");
    assert_pos(classes, 3, 3);
    point = ast_map_get(classes, "Point");
    assert_pos(point, 4, 5);
    slots = ast_map_get(point, "slots");
    assert_int_equal(slots->kind, AST_MAP);
    assert_pos(slots, 4, 12);
    assert_pos(slots->pairs[0].key, 4, 13);
    assert_pos(slots->pairs[0].value, 4, 16);
    y = ast_map_get(slots, "y");
    assert_int_equal(y->kind, AST_SEQ);
    assert_pos(y, 4, 26);
    assert_int_equal(y->nitems, 2);
    assert_pos(y->items[1], 4, 30);
    assert_scalar(y->items[1], "2", false);
}

static void block_sequence_items_keep_their_order(void **state)
{
    ast_file *f = load(state, "imports:\n  - b.yaml\n  - a.yaml\nclasses: {}\n");
    const ast_node *imports;

    assert_non_null(f);
    imports = ast_map_get(f->root, "imports");
    assert_int_equal(imports->kind, AST_SEQ);
    assert_int_equal(imports->nitems, 2);
    assert_scalar(imports->items[0], "b.yaml", false);
    assert_pos(imports->items[0], 2, 5);
    assert_scalar(imports->items[1], "a.yaml", false);
    assert_pos(imports->items[1], 3, 5);
}

static void quoted_and_plain_scalars(void **state)
{
    ast_file *f = load(state,
                       "plain: 1\n"
                       "single: '1'\n"
                       "double: \"1\"\n"
                       "literal: |\n"
                       "  text\n"
                       "folded: >-\n"
                       "  a\n"
                       "  b\n");
    assert_non_null(f);
    assert_scalar(ast_map_get(f->root, "plain"), "1", false);
    assert_scalar(ast_map_get(f->root, "single"), "1", true);
    assert_scalar(ast_map_get(f->root, "double"), "1", true);
    assert_scalar(ast_map_get(f->root, "literal"), "text\n", true);
    assert_scalar(ast_map_get(f->root, "folded"), "a b", true);
}

static void only_plain_null_spellings_are_null(void **state)
{
    ast_file *f = load(state,
                       "a:\n"
                       "b: ~\n"
                       "c: null\n"
                       "d: NULL\n"
                       "e: 'null'\n"
                       "f: \"\"\n"
                       "g: nil\n");
    assert_non_null(f);
    assert_true(ast_is_null(ast_map_get(f->root, "a")));
    assert_true(ast_is_null(ast_map_get(f->root, "b")));
    assert_true(ast_is_null(ast_map_get(f->root, "c")));
    assert_true(ast_is_null(ast_map_get(f->root, "d")));
    assert_false(ast_is_null(ast_map_get(f->root, "e")));
    assert_false(ast_is_null(ast_map_get(f->root, "f")));
    assert_false(ast_is_null(ast_map_get(f->root, "g")));
    assert_false(ast_is_null(f->root));
}

static void map_lookup_keeps_source_order(void **state)
{
    ast_file *f = load(state, "z: 1\na: 2\nm: 3\n");
    const ast_pair *pair;

    assert_non_null(f);
    assert_int_equal(f->root->npairs, 3);
    assert_string_equal(f->root->pairs[0].key->text, "z");
    assert_string_equal(f->root->pairs[1].key->text, "a");
    assert_string_equal(f->root->pairs[2].key->text, "m");
    pair = ast_map_pair(f->root, "a");
    assert_ptr_equal(pair, &f->root->pairs[1]);
    assert_scalar(pair->value, "2", false);
    assert_null(ast_map_get(f->root, "missing"));
    assert_null(ast_map_get(pair->value, "a"));
}

static void kind_names_read_as_prose(void **state)
{
    (void)state;
    assert_string_equal(ast_kind_name(AST_SCALAR), "a scalar");
    assert_string_equal(ast_kind_name(AST_SEQ), "a list");
    assert_string_equal(ast_kind_name(AST_MAP), "a mapping");
}

/* libyaml counts columns in characters, not bytes. */
static void columns_count_characters_not_bytes(void **state)
{
    ast_file *f = load(state, "doc: \"h\xC3\xA9\xE2\x82\xAC\"\nx: 1\nnext: \xC3\xA9t\xC3\xA9 y\n");
    assert_non_null(f);
    assert_pos(ast_map_get(f->root, "next"), 3, 7);
}

static void byte_order_mark_takes_no_column(void **state)
{
    ast_file *f = load(state, "\xEF\xBB\xBF" "a: 1\n");
    assert_non_null(f);
    assert_pos(f->root->pairs[0].key, 1, 1);
    assert_pos(f->root->pairs[0].value, 1, 4);
}

static void crlf_line_ends_count_once(void **state)
{
    ast_file *f = load(state, "a: 1\r\nb: 2\r\n\r\nc: 3\r\n");
    assert_non_null(f);
    assert_pos(ast_map_get(f->root, "b"), 2, 4);
    assert_pos(ast_map_get(f->root, "c"), 4, 4);
}

/* ---- diagnostics -------------------------------------------------------- */

static void syntax_error_at_libyaml_mark(void **state)
{
    expect_error(state, "a: b: c\n",
                 "t.yaml:1:5: error: mapping values are not allowed in this context");
}

static void syntax_error_context_is_a_note(void **state)
{
    assert_null(load(state, "a: 1\nb: \"open\n"));
    expect_diags(state,
                 "t.yaml:3:1: error: found unexpected end of stream",
                 "t.yaml:2:4: note: while scanning a quoted scalar",
                 NULL);
}

static void tab_indentation_is_a_syntax_error(void **state)
{
    expect_error(state, "a:\n\tb: 1\n",
                 "t.yaml:2:1: error: found character that cannot start any token"
                 " while scanning for the next token");
}

static void errors_before_a_syntax_error_are_kept(void **state)
{
    assert_null(load(state, "a: 1\na: 2\nb: [\n"));
    expect_diags(state,
                 "t.yaml:2:1: error: duplicate key 'a'",
                 "t.yaml:1:1: note: previously defined here",
                 "t.yaml:4:1: error: did not find expected node content"
                 " while parsing a flow node",
                 NULL);
}

static void control_character_at_its_offset(void **state)
{
    expect_error(state, "a: 1\nb: \"\xC3\xA9\x01\"\n",
                 "t.yaml:2:6: error: control characters are not allowed (U+0001)");
}

static void empty_text(void **state)
{
    expect_error(state, "", "t.yaml:1:1: error: empty schema: expected a mapping with 'classes'");
}

static void comments_only(void **state)
{
    expect_error(state, "# nothing\n\n# here\n",
                 "t.yaml:1:1: error: empty schema: expected a mapping with 'classes'");
}

static void empty_document(void **state)
{
    expect_error(state, "---\n...\n",
                 "t.yaml:2:1: error: empty schema: expected a mapping with 'classes'");
}

static void root_is_a_list(void **state)
{
    expect_error(state, "\n- classes\n",
                 "t.yaml:2:1: error: the schema must be a mapping with 'classes', not a list");
}

static void root_is_a_scalar(void **state)
{
    expect_error(state, "classes\n",
                 "t.yaml:1:1: error: the schema must be a mapping with 'classes', not a scalar");
}

static void every_duplicate_key_is_reported(void **state)
{
    assert_null(load(state,
                     "classes:\n"
                     "  P:\n"
                     "    slots:\n"
                     "      x: int32\n"
                     "      'x': int8\n"
                     "  P: {}\n"));
    expect_diags(state,
                 "t.yaml:5:7: error: duplicate key 'x'",
                 "t.yaml:4:7: note: previously defined here",
                 "t.yaml:6:3: error: duplicate key 'P'",
                 "t.yaml:2:3: note: previously defined here",
                 NULL);
}

/* A mapping of thousands of keys (a schema of thousands of classes):
** duplicates are still reported in source order, each with a note at its
** first occurrence, and a non-duplicate is never taken for one. */
static void duplicates_among_many_keys_in_source_order(void **state)
{
    enum { N = 3000 };
    buf text = BUF_INIT;

    for (int i = 0; i < N; i++)
        buf_printf(&text, "k%d: %d\n", i, i);
    buf_printf(&text, "k2999: late\nk7: again\nk%d: new\nk7: thrice\n", N);
    assert_null(load_n(state, buf_str(&text), text.len));
    expect_diags(state,
                 "t.yaml:3001:1: error: duplicate key 'k2999'",
                 "t.yaml:3000:1: note: previously defined here",
                 "t.yaml:3002:1: error: duplicate key 'k7'",
                 "t.yaml:8:1: note: previously defined here",
                 "t.yaml:3004:1: error: duplicate key 'k7'",
                 "t.yaml:8:1: note: previously defined here",
                 NULL);
    buf_free(&text);
}

static void non_scalar_keys(void **state)
{
    assert_null(load(state, "? [a]\n: 1\n{b: c}: 2\n"));
    expect_diags(state,
                 "t.yaml:1:3: error: a mapping key must be a scalar, not a list",
                 "t.yaml:3:1: error: a mapping key must be a scalar, not a mapping",
                 NULL);
}

static void anchors_and_aliases(void **state)
{
    assert_null(load(state, "a: &x {b: 1}\nc: *x\n"));
    expect_diags(state,
                 "t.yaml:1:4: error: anchors and aliases are not allowed in a schema",
                 "t.yaml:2:4: error: anchors and aliases are not allowed in a schema",
                 NULL);
}

static void tags_as_written(void **state)
{
    assert_null(load(state, "a: !!str 1\nb: !local [x]\n"));
    expect_diags(state,
                 "t.yaml:1:4: error: tags are not allowed in a schema (!!str)",
                 "t.yaml:2:4: error: tags are not allowed in a schema (!local)",
                 NULL);
}

static void second_document(void **state)
{
    expect_error(state, "a: 1\n---\nb: 2\n",
                 "t.yaml:2:1: error: a schema is one YAML document: found a second one");
}

static void nul_byte(void **state)
{
    assert_null(load_n(state, "a: 1\nbc: x\0y\n", 12));
    expect_diags(state, "t.yaml:2:6: error: NUL byte in a schema", NULL);
}

static void nul_escape_in_a_string(void **state)
{
    expect_error(state, "a: \"x\\0y\"\n",
                 "t.yaml:1:4: error: a string in a schema may not contain a NUL character");
}

static void invalid_utf8_at_the_first_bad_byte(void **state)
{
    expect_error(state, "a: 1\nb: \"\xC3\xA9\xFF\"\n",
                 "t.yaml:2:6: error: invalid UTF-8 sequence starting with byte 0xFF");
}

static void truncated_utf8_sequence(void **state)
{
    expect_error(state, "a: \xE2\x82x\n",
                 "t.yaml:1:4: error: invalid UTF-8 sequence starting with byte 0xE2");
}

static void overlong_utf8(void **state)
{
    expect_error(state, "a: \xC0\xAF\n",
                 "t.yaml:1:4: error: invalid UTF-8 sequence starting with byte 0xC0");
}

static void utf8_encoded_surrogate(void **state)
{
    expect_error(state, "a: \xED\xA0\x80\n",
                 "t.yaml:1:4: error: invalid UTF-8 sequence starting with byte 0xED");
}

static void nesting_is_bounded(void **state)
{
    char text[400];
    size_t i;
    for (i = 0; i < 100; i++)
        text[i] = '[';
    text[i] = '\0';
    assert_null(load(state, text));
    expect_diags(state, "t.yaml:1:65: error: nested more than 64 levels deep", NULL);
}

static void unreadable_file_is_an_io_error(void **state)
{
    fixture *fx = *state;
    fx->file = load_file("no/such/file.yaml", fx->d);
    assert_null(fx->file);
    expect_diags(state, "no/such/file.yaml: error: cannot read: No such file or directory", NULL);
    assert_int_equal(diag_io_errors(fx->d), 1);
}

static void schema_errors_are_not_io_errors(void **state)
{
    fixture *fx = *state;
    assert_null(load(state, "a: 1\na: 2\n"));
    assert_int_equal(diag_errors(fx->d), 1);
    assert_int_equal(diag_io_errors(fx->d), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(positions_of_block_and_flow_nodes),
        T(block_sequence_items_keep_their_order),
        T(quoted_and_plain_scalars),
        T(only_plain_null_spellings_are_null),
        T(map_lookup_keeps_source_order),
        T(kind_names_read_as_prose),
        T(columns_count_characters_not_bytes),
        T(byte_order_mark_takes_no_column),
        T(crlf_line_ends_count_once),
        T(syntax_error_at_libyaml_mark),
        T(syntax_error_context_is_a_note),
        T(tab_indentation_is_a_syntax_error),
        T(errors_before_a_syntax_error_are_kept),
        T(control_character_at_its_offset),
        T(empty_text),
        T(comments_only),
        T(empty_document),
        T(root_is_a_list),
        T(root_is_a_scalar),
        T(every_duplicate_key_is_reported),
        T(duplicates_among_many_keys_in_source_order),
        T(non_scalar_keys),
        T(anchors_and_aliases),
        T(tags_as_written),
        T(second_document),
        T(nul_byte),
        T(nul_escape_in_a_string),
        T(invalid_utf8_at_the_first_bad_byte),
        T(truncated_utf8_sequence),
        T(overlong_utf8),
        T(utf8_encoded_surrogate),
        T(nesting_is_bounded),
        T(unreadable_file_is_an_io_error),
        T(schema_errors_are_not_io_errors),
    };
    return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
