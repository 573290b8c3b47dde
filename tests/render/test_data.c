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
static data *long_keys(void)
{
    data *map = data_map();
    data *inner = data_list();
    char key[2000];

    memset(key, 'k', sizeof key - 1);
    key[sizeof key - 1] = '\0';
    data_set(map, key, data_str("scalar value"));
    key[0] = 'K';
    data_push(inner, data_str("in a list"));
    data_set(map, key, inner);
    key[0] = '#';
    data_set(map, key, data_map());
    return map;
}

/* with_long_keys: include long_keys().  Only the YAML dump can take them
** back through libyaml, whose flow mappings (which JSON's objects are)
** keep the 1024-character limit; the JSON itself is still valid. */
static data *tricky_tree(bool with_long_keys)
{
    data *root = data_map();
    data *strings = data_list();
    data *by_key = data_map();
    data *nested = data_list();
    data *inner = data_list();
    data *item = data_map();
    size_t n = sizeof tricky / sizeof tricky[0];

    for (size_t i = 0; i < n; i++) {
        data_push(strings, data_str(tricky[i]));
        data_set(by_key, tricky[i], data_str(tricky[n - 1 - i]));
    }
    data_push(inner, data_str("a"));
    data_push(inner, data_list());
    data_push(inner, data_map());
    data_push(nested, inner);
    data_set(item, "name", data_str("x"));
    data_set(item, "flags", data_list());
    data_push(nested, item);
    data_push(nested, data_null());
    data_push(nested, data_bool(true));
    if (with_long_keys)
        data_push(nested, long_keys());
    data_set(root, "strings", strings);
    data_set(root, "keys", by_key);
    data_set(root, "nested", nested);
    data_set(root, "empty_map", data_map());
    data_set(root, "no", data_bool(false));
    data_set(root, "nothing", data_null());
    return root;
}

static void expect_round_trip(const data *tree, const buf *dump)
{
    char *err = NULL;
    data *back = yaml_data_load(buf_str(dump), dump->len, NULL, &err);

    if (!back)
        fail_msg("dump does not parse: %s\n%s", err, buf_str(dump));
    if (!data_equal(tree, back))
        fail_msg("dump reads back as a different tree:\n%s", buf_str(dump));
    data_free(back);
}

static void yaml_dump_reads_back_as_the_same_tree(void **state)
{
    data *tree = tricky_tree(true);
    buf dump = BUF_INIT;

    (void)state;
    data_to_yaml(tree, &dump);
    expect_round_trip(tree, &dump);
    buf_free(&dump);
    data_free(tree);
}

static void json_dump_reads_back_as_the_same_tree(void **state)
{
    data *tree = tricky_tree(false);
    buf dump = BUF_INIT;

    (void)state;
    data_to_json(tree, &dump);
    expect_round_trip(tree, &dump);
    buf_free(&dump);
    data_free(tree);
}

static void scalars_at_the_root_round_trip(void **state)
{
    data *roots[] = { data_str("x: y"), data_str("true"), data_null(), data_bool(false),
                      data_list(), data_map() };

    (void)state;
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        buf yaml = BUF_INIT, json = BUF_INIT;
        data_to_yaml(roots[i], &yaml);
        data_to_json(roots[i], &json);
        expect_round_trip(roots[i], &yaml);
        expect_round_trip(roots[i], &json);
        buf_free(&yaml);
        buf_free(&json);
        data_free(roots[i]);
    }
}

static data *small_tree(void)
{
    data *root = data_map();
    data *slots = data_list();
    data *slot = data_map();

    data_set(slot, "name", data_str("x"));
    data_set(slot, "size", data_str("4"));
    data_push(slots, slot);
    data_push(slots, data_str("say \"hi\"\n\t\x01"));
    data_set(root, "module", data_str("geo"));
    data_set(root, "weakref", data_bool(true));
    data_set(root, "doc", data_null());
    data_set(root, "slots", slots);
    data_set(root, "none", data_list());
    return root;
}

static void json_dump_is_pretty_and_escaped(void **state)
{
    data *tree = small_tree();
    buf out = BUF_INIT;

    (void)state;
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
    data_free(tree);
}

static void yaml_dump_is_block_style_and_quotes_only_when_needed(void **state)
{
    data *tree = small_tree();
    buf out = BUF_INIT;

    (void)state;
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
    data_free(tree);
}

static void set_replaces_in_place_and_get_finds(void **state)
{
    data *map = data_map();

    (void)state;
    data_set(map, "a", data_str("1"));
    data_set(map, "b", data_str("2"));
    data_set(map, "a", data_strf("%d%s", 3, "x"));
    assert_int_equal(data_count(map), 2);
    assert_string_equal(data_key(map, 0), "a");
    assert_string_equal(data_str_value(data_get(map, "a")), "3x");
    assert_int_equal(data_str_len(data_value(map, 0)), 2);
    assert_null(data_get(map, "c"));
    data_free(map);
}

static void strn_keeps_embedded_bytes(void **state)
{
    data *s = data_strn("ab\0cd", 5);

    (void)state;
    assert_int_equal(data_kind_of(s), DATA_STR);
    assert_int_equal(data_str_len(s), 5);
    assert_memory_equal(data_str_value(s), "ab\0cd", 6);
    data_free(s);
}

/* A literal key is borrowed, a copied one owned; both are found, and both
** are released (ASan and valgrind would see a leak or a bad free). */
static void literal_and_copied_keys_mix(void **state)
{
    data *map = data_map();
    char key[] = "copied";

    (void)state;
    data_set_literal(map, "literal", data_str("1"));
    data_set(map, key, data_str("2"));
    key[0] = 'X';           /* the map holds its own copy */
    data_set_literal(map, "copied", data_str("3"));
    data_set(map, "literal", data_str("4"));
    assert_int_equal(data_count(map), 2);
    assert_string_equal(data_str_value(data_get(map, "copied")), "3");
    assert_string_equal(data_str_value(data_get(map, "literal")), "4");
    assert_null(data_get(map, "Xopied"));
    data_free(map);
}

/* The renderer looks tag names up by length: "a.b" must find "a" only. */
static void getn_matches_the_whole_key_only(void **state)
{
    data *map = data_map();

    (void)state;
    data_set_literal(map, "ab", data_str("long"));
    data_set_literal(map, "a", data_str("short"));
    assert_string_equal(data_str_value(data_getn(map, "a.b", 1)), "short");
    assert_string_equal(data_str_value(data_getn(map, "abc", 2)), "long");
    assert_null(data_getn(map, "abc", 3));
    assert_null(data_getn(map, "", 0));
    assert_null(data_getn(data_get(map, "a"), "a", 1));    /* not a map */
    data_free(map);
}

/* Null and the booleans are shared: giving the same one to many parents
** and freeing them all must keep their values and free nothing twice. */
static void shared_scalars_survive_their_parents(void **state)
{
    data *list = data_list(), *other = data_list();

    (void)state;
    for (int i = 0; i < 3; i++) {
        data_push(list, data_bool(true));
        data_push(other, data_null());
    }
    data_free(list);
    data_free(data_bool(false));
    assert_true(data_bool_value(data_bool(true)));
    assert_false(data_bool_value(data_bool(false)));
    assert_int_equal(data_kind_of(data_item(other, 2)), DATA_NULL);
    data_free(other);
}

/* Many keys, as a large view has: every one is found, and a lookup of a
** key that is not there finds nothing even among equal-length keys. */
static void many_keys_are_all_found(void **state)
{
    enum { N = 2000 };
    data *map = data_map();
    char key[16];

    (void)state;
    for (int i = 0; i < N; i++) {
        snprintf(key, sizeof key, "k%04d", i);
        data_set(map, key, data_strf("%d", i));
    }
    assert_int_equal(data_count(map), N);
    for (int i = 0; i < N; i++) {
        snprintf(key, sizeof key, "k%04d", i);
        assert_int_equal(atoi(data_str_value(data_get(map, key))), i);
    }
    assert_null(data_get(map, "k9999"));
    data_free(map);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(yaml_dump_reads_back_as_the_same_tree),
        cmocka_unit_test(json_dump_reads_back_as_the_same_tree),
        cmocka_unit_test(scalars_at_the_root_round_trip),
        cmocka_unit_test(json_dump_is_pretty_and_escaped),
        cmocka_unit_test(yaml_dump_is_block_style_and_quotes_only_when_needed),
        cmocka_unit_test(set_replaces_in_place_and_get_finds),
        cmocka_unit_test(strn_keeps_embedded_bytes),
        cmocka_unit_test(literal_and_copied_keys_mix),
        cmocka_unit_test(getn_matches_the_whole_key_only),
        cmocka_unit_test(shared_scalars_survive_their_parents),
        cmocka_unit_test(many_keys_are_all_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
