/*
** test_names.c: the identifier rules and "did you mean" of names.c.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "names.h"

static void test_identifiers_are_ascii_words(void **state)
{
    (void)state;
    assert_true(names_is_identifier("x"));
    assert_true(names_is_identifier("_x1"));
    assert_true(names_is_identifier("Point3D"));
    assert_false(names_is_identifier(""));
    assert_false(names_is_identifier("1x"));
    assert_false(names_is_identifier("a-b"));
    assert_false(names_is_identifier("a b"));
    assert_false(names_is_identifier("caf\xc3\xa9"));
}

static void test_c_keywords_of_every_standard_are_refused(void **state)
{
    (void)state;
    assert_int_equal(names_check("int"), NAMES_C_KEYWORD);          /* C99 */
    assert_int_equal(names_check("restrict"), NAMES_C_KEYWORD);
    assert_int_equal(names_check("while"), NAMES_C_KEYWORD);
    assert_int_equal(names_check("bool"), NAMES_C_KEYWORD);         /* C23 */
    assert_int_equal(names_check("typeof_unqual"), NAMES_C_KEYWORD);
    assert_int_equal(names_check("nullptr"), NAMES_C_KEYWORD);
    assert_int_equal(names_check("_Alignas"), NAMES_RESERVED);      /* C11 */
    assert_int_equal(names_check("_Bool"), NAMES_RESERVED);
}

static void test_cxx_keywords_and_alternative_tokens_are_refused(void **state)
{
    static const char *const words[] = {
        "class", "this", "template", "new", "delete", "namespace",
        "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq",
        "or", "or_eq", "xor", "xor_eq",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof words / sizeof words[0]; i++)
        assert_int_equal(names_check(words[i]), NAMES_CXX_KEYWORD);
}

static void test_reserved_identifiers(void **state)
{
    (void)state;
    assert_int_equal(names_check("__x"), NAMES_RESERVED);
    assert_int_equal(names_check("__"), NAMES_RESERVED);
    assert_int_equal(names_check("_Upper"), NAMES_RESERVED);
    assert_int_equal(names_check("_lower"), NAMES_OK);
    assert_int_equal(names_check("_"), NAMES_OK);
    assert_int_equal(names_check("a__b"), NAMES_OK);
}

static void test_header_macros_are_refused(void **state)
{
    (void)state;
    assert_int_equal(names_check("NULL"), NAMES_MACRO);
    assert_int_equal(names_check("INT32_MAX"), NAMES_MACRO);
    assert_int_equal(names_check("UINT8_MAX"), NAMES_MACRO);
    assert_int_equal(names_check("INT64_C"), NAMES_MACRO);
    assert_int_equal(names_check("INT_LEAST16_MIN"), NAMES_MACRO);
    assert_int_equal(names_check("UINT_FAST8_MAX"), NAMES_MACRO);
    assert_int_equal(names_check("INTMAX_MAX"), NAMES_MACRO);
    assert_int_equal(names_check("SIZE_MAX"), NAMES_MACRO);
    assert_int_equal(names_check("SLOTS_OK"), NAMES_MACRO);
    assert_int_equal(names_check("INT"), NAMES_OK);
    assert_int_equal(names_check("INT32_MAXIMUM"), NAMES_OK);
    assert_int_equal(names_check("UINT8"), NAMES_OK);
    assert_int_equal(names_check("Null"), NAMES_OK);
}

static void test_distance_counts_swaps_as_one_edit(void **state)
{
    (void)state;
    assert_int_equal(names_distance("weakref", "weakref"), 0);
    assert_int_equal(names_distance("weakerf", "weakref"), 1);
    assert_int_equal(names_distance("kitten", "sitting"), 3);
    assert_int_equal(names_distance("", "abc"), 3);
    assert_int_equal(names_distance("abc", ""), 3);
}

static void test_suggestion_picks_the_closest_plausible_candidate(void **state)
{
    static const char *const types[] = {"int8", "int16", "int32", "int64", "double", "string"};
    static const char *const classes[] = {"Polygon", "Point", "Points"};
    static const char *const one[] = {"y"};
    (void)state;
    assert_string_equal(names_suggest("int23", types, 6), "int32");
    assert_string_equal(names_suggest("doubel", types, 6), "double");
    assert_string_equal(names_suggest("Pont", classes, 3), "Point");
    /* Ties go to the earlier candidate. */
    assert_string_equal(names_suggest("Pointz", classes, 3), "Point");
    /* Replacing the whole word is no typo. */
    assert_null(names_suggest("x", one, 1));
    assert_null(names_suggest("color", types, 6));
    assert_null(names_suggest("anything", NULL, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identifiers_are_ascii_words),
        cmocka_unit_test(test_c_keywords_of_every_standard_are_refused),
        cmocka_unit_test(test_cxx_keywords_and_alternative_tokens_are_refused),
        cmocka_unit_test(test_reserved_identifiers),
        cmocka_unit_test(test_header_macros_are_refused),
        cmocka_unit_test(test_distance_counts_swaps_as_one_edit),
        cmocka_unit_test(test_suggestion_picks_the_closest_plausible_candidate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
