/*
** test_data.c: the template data tree (data.c) and its dumps.  The dumps
** are checked twice: against exact text, and by reading them back with
** libyaml (which reads JSON too) into a tree equal to the original.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "data.h"
#include "yaml_data.h"

static bool data_equal(const data *a, const data *b)
{
    if (data_kind_of(a) != data_kind_of(b))
        return false;
    switch (data_kind_of(a)) {
    case DATA_NULL:
        return true;
    case DATA_BOOL:
        return data_bool_value(a) == data_bool_value(b);
    case DATA_STR:
        return data_str_len(a) == data_str_len(b) &&
               memcmp(data_str_value(a), data_str_value(b), data_str_len(a)) == 0;
    case DATA_LIST:
    case DATA_MAP:
        break;
    }
    if (data_count(a) != data_count(b))
        return false;
    for (size_t i = 0; i < data_count(a); i++) {
        if (data_kind_of(a) == DATA_LIST) {
            if (!data_equal(data_item(a, i), data_item(b, i)))
                return false;
        } else if (strcmp(data_key(a, i), data_key(b, i)) != 0 ||
                   !data_equal(data_value(a, i), data_value(b, i))) {
            return false;
        }
    }
    return true;
}

/* Strings a careless dump would get wrong: YAML's reserved words and
** indicators, escapes, control characters, UTF-8, and numbers (which the
** tree holds as text and must read back as the same text). */
static const char *const tricky[] = {
    "", "plain", "true", "False", "null", "NULL", "~", "yes", "No", "on", "y",
    "-", "-x", "- x", "? q", ": c", "a: b", "a #b", "#c", "&anchor", "*alias", "!tag",
    "%dir", "@at", "`tick", "|", ">", "[x]", "{y}", "'single'", "\"double\"",
    "back\\slash", "line\nbreak", "tab\there", "cr\rlf", "\x01\x1f\x7f", " lead",
    "trail ", "caf\xc3\xa9", "0", "-1", "0x1F", "1.210", ".inf", "-.inf", ".nan",
    "1e3", "+5", "07", "a/b.c", "x,y", "--- ", "...", "=",
};

/* Keys beyond YAML's 1024-character limit for implicit keys. */
static data *long_keys(data_doc *doc)
{
    data *map = data_map(doc, 0);
    data *inner = data_list(doc, 0);
    char key[2000];

    memset(key, 'k', sizeof key - 1);
    key[sizeof key - 1] = '\0';
    data_set(map, key, data_str(doc, "scalar value"));
    key[0] = 'K';
    data_push(inner, data_str(doc, "in a list"));
    data_set(map, key, inner);
    key[0] = '#';
    data_set(map, key, data_map(doc, 0));
    return map;
}

/* with_long_keys: include long_keys(doc).  Only the YAML dump can take them
** back through libyaml, whose flow mappings (which JSON's objects are)
** keep the 1024-character limit; the JSON itself is still valid. */
static data *tricky_tree(data_doc *doc, bool with_long_keys)
{
    data *root = data_map(doc, 0);
    data *strings = data_list(doc, 0);
    data *by_key = data_map(doc, 0);
    data *nested = data_list(doc, 0);
    data *inner = data_list(doc, 0);
    data *item = data_map(doc, 0);
    size_t n = sizeof tricky / sizeof tricky[0];

    for (size_t i = 0; i < n; i++) {
        data_push(strings, data_str(doc, tricky[i]));
        data_set(by_key, tricky[i], data_str(doc, tricky[n - 1 - i]));
    }
    data_push(inner, data_str(doc, "a"));
    data_push(inner, data_list(doc, 0));
    data_push(inner, data_map(doc, 0));
    data_push(nested, inner);
    data_set(item, "name", data_str(doc, "x"));
    data_set(item, "flags", data_list(doc, 0));
    data_push(nested, item);
    data_push(nested, data_null());
    data_push(nested, data_bool(true));
    if (with_long_keys)
        data_push(nested, long_keys(doc));
    data_set(root, "strings", strings);
    data_set(root, "keys", by_key);
    data_set(root, "nested", nested);
    data_set(root, "empty_map", data_map(doc, 0));
    data_set(root, "no", data_bool(false));
    data_set(root, "nothing", data_null());
    return root;
}

static void expect_round_trip(const data *tree, const buf *dump)
{
    data_doc *doc = data_doc_new();
    char *err = NULL;
    data *back = yaml_data_load(doc, buf_str(dump), dump->len, NULL, &err);

    if (!back)
        fail_msg("dump does not parse: %s\n%s", err, buf_str(dump));
    if (!data_equal(tree, back))
        fail_msg("dump reads back as a different tree:\n%s", buf_str(dump));
    data_doc_free(doc);
}

static void yaml_dump_reads_back_as_the_same_tree(void **state)
{
    data_doc *doc = *state;
    data *tree = tricky_tree(doc, true);
    buf dump = BUF_INIT;

    data_to_yaml(tree, &dump);
    expect_round_trip(tree, &dump);
    buf_free(&dump);
}

static void json_dump_reads_back_as_the_same_tree(void **state)
{
    data_doc *doc = *state;
    data *tree = tricky_tree(doc, false);
    buf dump = BUF_INIT;

    data_to_json(tree, &dump);
    expect_round_trip(tree, &dump);
    buf_free(&dump);
}

static void scalars_at_the_root_round_trip(void **state)
{
    data_doc *doc = *state;
    data *roots[] = { data_str(doc, "x: y"), data_str(doc, "true"), data_null(), data_bool(false),
                      data_list(doc, 0), data_map(doc, 0) };

    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        buf yaml = BUF_INIT, json = BUF_INIT;
        data_to_yaml(roots[i], &yaml);
        data_to_json(roots[i], &json);
        expect_round_trip(roots[i], &yaml);
        expect_round_trip(roots[i], &json);
        buf_free(&yaml);
        buf_free(&json);
    }
}

static data *small_tree(data_doc *doc)
{
    data *root = data_map(doc, 0);
    data *slots = data_list(doc, 0);
    data *slot = data_map(doc, 0);

    data_set(slot, "name", data_str(doc, "x"));
    data_set(slot, "size", data_str(doc, "4"));
    data_push(slots, slot);
    data_push(slots, data_str(doc, "say \"hi\"\n\t\x01"));
    data_set(root, "module", data_str(doc, "geo"));
    data_set(root, "weakref", data_bool(true));
    data_set(root, "doc", data_null());
    data_set(root, "slots", slots);
    data_set(root, "none", data_list(doc, 0));
    return root;
}

static void json_dump_is_pretty_and_escaped(void **state)
{
    data_doc *doc = *state;
    data *tree = small_tree(doc);
    buf out = BUF_INIT;

    data_to_json(tree, &out);
    assert_string_equal(buf_str(&out),
        "{\n"
        "  \"module\": \"geo\",\n"
        "  \"weakref\": true,\n"
        "  \"doc\": null,\n"
        "  \"slots\": [\n"
        "    {\n"
        "      \"name\": \"x\",\n"
        "      \"size\": \"4\"\n"
        "    },\n"
        "    \"say \\\"hi\\\"\\n\\t\\u0001\"\n"
        "  ],\n"
        "  \"none\": []\n"
        "}\n");
    buf_free(&out);
}

static void yaml_dump_is_block_style_and_quotes_only_when_needed(void **state)
{
    data_doc *doc = *state;
    data *tree = small_tree(doc);
    buf out = BUF_INIT;

    data_to_yaml(tree, &out);
    assert_string_equal(buf_str(&out),
        "module: geo\n"
        "weakref: true\n"
        "doc: null\n"
        "slots:\n"
        "  - name: x\n"
        "    size: 4\n"
        "  - \"say \\\"hi\\\"\\n\\t\\u0001\"\n"
        "none: []\n");
    buf_free(&out);
}

static void set_replaces_in_place_and_get_finds(void **state)
{
    data_doc *doc = *state;
    data *map = data_map(doc, 0);

    data_set(map, "a", data_str(doc, "1"));
    data_set(map, "b", data_str(doc, "2"));
    data_set(map, "a", data_strf(doc, "%d%s", 3, "x"));
    assert_int_equal(data_count(map), 2);
    assert_string_equal(data_key(map, 0), "a");
    assert_string_equal(data_str_value(data_get(map, "a")), "3x");
    assert_int_equal(data_str_len(data_value(map, 0)), 2);
    assert_null(data_get(map, "c"));
}

static void strn_keeps_embedded_bytes(void **state)
{
    data_doc *doc = *state;
    data *s = data_strn(doc, "ab\0cd", 5);

    assert_int_equal(data_kind_of(s), DATA_STR);
    assert_int_equal(data_str_len(s), 5);
    assert_memory_equal(data_str_value(s), "ab\0cd", 6);
}

/* A literal key is borrowed, a copied one the document's own: both are
** found, and changing the caller's copy changes nothing. */
static void literal_and_copied_keys_mix(void **state)
{
    data_doc *doc = *state;
    data *map = data_map(doc, 0);
    char key[] = "copied";

    data_set_literal(map, "literal", data_str(doc, "1"));
    data_set(map, key, data_str(doc, "2"));
    key[0] = 'X';           /* the map holds its own copy */
    data_set_literal(map, "copied", data_str(doc, "3"));
    data_set(map, "literal", data_str(doc, "4"));
    assert_int_equal(data_count(map), 2);
    assert_string_equal(data_str_value(data_get(map, "copied")), "3");
    assert_string_equal(data_str_value(data_get(map, "literal")), "4");
    assert_null(data_get(map, "Xopied"));
}

/* The renderer looks tag names up by length: "a.b" must find "a" only. */
static void getn_matches_the_whole_key_only(void **state)
{
    data_doc *doc = *state;
    data *map = data_map(doc, 0);

    data_set_literal(map, "ab", data_str(doc, "long"));
    data_set_literal(map, "a", data_str(doc, "short"));
    assert_string_equal(data_str_value(data_getn(map, "a.b", 1)), "short");
    assert_string_equal(data_str_value(data_getn(map, "abc", 2)), "long");
    assert_null(data_getn(map, "abc", 3));
    assert_null(data_getn(map, "", 0));
    assert_null(data_getn(data_get(map, "a"), "a", 1));    /* not a map */
}

/* A document spells each key once: data_key_find gives that spelling for
** any map of the document, whichever way the key was set (copied, or two
** literals of the same text), and data_get_key finds the key by it. */
static void keys_are_found_once_for_the_whole_document(void **state)
{
    static const char first_literal[] = "shared", second_literal[] = "shared";
    data_doc *doc = *state;
    data *root = data_map(doc, 0), *inner = data_map(doc, 0);
    char copied[] = "shared";
    const char *key;

    data_set_literal(root, first_literal, data_str(doc, "1"));
    data_set_literal(inner, second_literal, data_str(doc, "2"));
    data_set(inner, copied, data_str(doc, "3"));
    data_set_literal(root, "inner", inner);
    key = data_key_find(inner, "shared!", 6);
    assert_non_null(key);
    assert_ptr_equal(key, data_key_find(root, "shared", 6));
    assert_int_equal(data_count(inner), 1);
    assert_string_equal(data_str_value(data_get_key(root, key)), "1");
    assert_string_equal(data_str_value(data_get_key(inner, key)), "3");
    assert_ptr_equal(data_get_key(root, data_key_find(root, "inner", 5)), inner);
    assert_null(data_key_find(root, "absent", 6));
    assert_null(data_key_find(root, "shared\0x", 8));      /* only the whole key */
    assert_null(data_key_find(data_get(root, "shared"), "shared", 6));    /* a string */
    assert_null(data_get_key(data_get(root, "shared"), key));             /* not a map */
}

/* More distinct literal keys than the document caches by address, set
** twice over: each is still one pair with its latest value. */
static void many_literal_keys_stay_distinct(void **state)
{
    enum { N = 600 };
    static char keys[N][8];
    data_doc *doc = *state;
    data *map = data_map(doc, 0);

    for (int i = 0; i < N; i++)
        snprintf(keys[i], sizeof keys[i], "k%d", i);
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < N; i++)
            data_set_literal(map, keys[i], data_strf(doc, "%d", round * N + i));
    assert_int_equal(data_count(map), N);
    for (int i = 0; i < N; i++) {
        char expected[8];
        snprintf(expected, sizeof expected, "%d", N + i);
        assert_string_equal(data_str_value(data_get(map, keys[i])), expected);
        assert_string_equal(data_key(map, (size_t)i), keys[i]);
    }
}

/* data_str_shared hands out one node per source while it caches it, and
** a correct string for every source however many there are: the view
** puts the same "NULL" and slot names in many maps. */
static void shared_strings_hold_their_source_text(void **state)
{
    enum { N = 1000 };
    static char names[N][8];
    data_doc *doc = *state;
    data *list = data_list(doc, 0);

    for (int i = 0; i < N; i++)
        snprintf(names[i], sizeof names[i], "n%d", i);
    assert_ptr_equal(data_str_shared(doc, "NULL"), data_str_shared(doc, "NULL"));
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < N; i++)
            data_push(list, data_str_shared(doc, names[i]));
    for (int i = 0; i < 2 * N; i++) {
        const data *d = data_item(list, (size_t)i);
        assert_int_equal(data_kind_of(d), DATA_STR);
        assert_string_equal(data_str_value(d), names[i % N]);
        assert_int_equal(data_str_len(d), strlen(names[i % N]));
    }
}

/* Null and the booleans are shared: placing the same one in many parents
** and in other documents must keep their values. */
static void shared_scalars_survive_their_parents(void **state)
{
    data_doc *doc = *state, *other_doc = data_doc_new();
    data *list = data_list(doc, 0), *other = data_list(other_doc, 0);

    for (int i = 0; i < 3; i++) {
        data_push(list, data_bool(true));
        data_push(list, data_null());
        data_push(other, data_bool(true));
        data_push(other, data_null());
    }
    data_doc_free(other_doc);
    assert_true(data_bool_value(data_item(list, 4)));
    assert_int_equal(data_kind_of(data_item(list, 5)), DATA_NULL);
    assert_false(data_bool_value(data_bool(false)));
}

/* Lists and maps that outgrow the room they were made with, growing in
** turn so that each array is moved as often as it is grown in place:
** every child stays, in order. */
static void children_outgrow_their_room_and_keep_their_order(void **state)
{
    enum { N = 5000 };
    data_doc *doc = *state;
    data *a = data_list(doc, 1), *b = data_list(doc, 0), *map = data_map(doc, 1);
    char key[16];

    for (int i = 0; i < N; i++) {
        snprintf(key, sizeof key, "k%d", i);
        data_push(a, data_strf(doc, "a%d", i));
        data_set(map, key, data_strf(doc, "%d", i));
        data_push(b, data_strf(doc, "b%d", i));
    }
    assert_int_equal(data_count(a), N);
    assert_int_equal(data_count(b), N);
    assert_int_equal(data_count(map), N);
    for (int i = 0; i < N; i++) {
        snprintf(key, sizeof key, "a%d", i);
        assert_string_equal(data_str_value(data_item(a, (size_t)i)), key);
        key[0] = 'b';
        assert_string_equal(data_str_value(data_item(b, (size_t)i)), key);
        key[0] = 'k';
        assert_string_equal(data_key(map, (size_t)i), key);
        assert_int_equal(atoi(data_str_value(data_value(map, (size_t)i))), i);
    }
}

/* Strings larger than a quarter of a block, and than a whole block, among
** small ones: each is kept whole and the small ones around it too. */
static void strings_larger_than_a_block_are_kept_whole(void **state)
{
    static const size_t sizes[] = { 20 * 1024, 300 * 1024, 70 * 1024 };
    data_doc *doc = *state;
    data *list = data_list(doc, 0);
    char *text = malloc(sizes[1] + 1);

    assert_non_null(text);
    for (size_t i = 0; i < 3; i++) {
        memset(text, 'a' + (int)i, sizes[i]);
        data_push(list, data_str(doc, "before"));
        data_push(list, data_strn(doc, text, sizes[i]));
    }
    data_push(list, data_str(doc, "after"));
    for (size_t i = 0; i < 3; i++) {
        const data *big = data_item(list, 2 * i + 1);
        assert_string_equal(data_str_value(data_item(list, 2 * i)), "before");
        assert_int_equal(data_str_len(big), sizes[i]);
        assert_int_equal(data_str_value(big)[0], 'a' + (int)i);
        assert_int_equal(data_str_value(big)[sizes[i] - 1], 'a' + (int)i);
        assert_int_equal(data_str_value(big)[sizes[i]], '\0');
    }
    assert_string_equal(data_str_value(data_item(list, 6)), "after");
    free(text);
}

/* One node placed in two parents, as the view shares its accessors: the
** dump shows it in both places. */
static void a_node_may_have_two_parents(void **state)
{
    data_doc *doc = *state;
    data *root = data_map(doc, 2), *shared = data_map(doc, 1);
    data *first = data_list(doc, 1), *second = data_list(doc, 1);
    buf out = BUF_INIT;

    data_set_literal(shared, "name", data_str(doc, "x"));
    data_push(first, shared);
    data_push(second, shared);
    data_set_literal(root, "first", first);
    data_set_literal(root, "second", second);
    data_to_yaml(root, &out);
    assert_string_equal(buf_str(&out),
        "first:\n"
        "  - name: x\n"
        "second:\n"
        "  - name: x\n");
    buf_free(&out);
}

/* Many keys, as a large view has: every one is found, and a lookup of a
** key that is not there finds nothing even among equal-length keys. */
static void many_keys_are_all_found(void **state)
{
    data_doc *doc = *state;
    enum { N = 2000 };
    data *map = data_map(doc, 0);
    char key[16];

    for (int i = 0; i < N; i++) {
        snprintf(key, sizeof key, "k%04d", i);
        data_set(map, key, data_strf(doc, "%d", i));
    }
    assert_int_equal(data_count(map), N);
    for (int i = 0; i < N; i++) {
        snprintf(key, sizeof key, "k%04d", i);
        assert_int_equal(atoi(data_str_value(data_get(map, key))), i);
    }
    assert_null(data_get(map, "k9999"));
}

static int doc_new(void **state)
{
    *state = data_doc_new();
    return 0;
}

static int doc_free(void **state)
{
    data_doc_free(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(yaml_dump_reads_back_as_the_same_tree, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(json_dump_reads_back_as_the_same_tree, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(scalars_at_the_root_round_trip, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(json_dump_is_pretty_and_escaped, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(yaml_dump_is_block_style_and_quotes_only_when_needed, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(set_replaces_in_place_and_get_finds, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(strn_keeps_embedded_bytes, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(literal_and_copied_keys_mix, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(getn_matches_the_whole_key_only, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(keys_are_found_once_for_the_whole_document, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(many_literal_keys_stay_distinct, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(shared_strings_hold_their_source_text, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(shared_scalars_survive_their_parents, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(many_keys_are_all_found, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(children_outgrow_their_room_and_keep_their_order, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(strings_larger_than_a_block_are_kept_whole, doc_new, doc_free),
        cmocka_unit_test_setup_teardown(a_node_may_have_two_parents, doc_new, doc_free),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
