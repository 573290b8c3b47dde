/*
** test_phash.c: the name indexes the generator writes into descriptors
** (phash.h): linear size, every name found by the runtime's probe, absent
** names not found, perfect placement for small and wide classes
** (spreading wide ones over a larger table), displacement
** reported truly, determinism.
**
** The probe here is written again from slots.h's description rather than
** taken from phash_find, so that the table is checked against what the
** runtime does, not against the code that built it.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <slots/slots.h>

#include "phash.h"

/* `n` distinct names "prefix0", "prefix1", ...  Caller frees with free_names. */
static char **make_names(const char *prefix, size_t n)
{
    char **names = calloc(n + 1, sizeof *names);
    size_t i;

    assert_non_null(names);
    for (i = 0; i < n; i++) {
        names[i] = malloc(32);
        assert_non_null(names[i]);
        snprintf(names[i], 32, "%s%zu", prefix, i);
    }
    return names;
}

static void free_names(char **names, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The runtime's lookup (slots.h): probe from the home entry to the next
** empty one, comparing names.  Returns the index, or -1. */
static long runtime_probe(const phash *ix, char *const *names, const char *name)
{
    uint32_t at = slots_name_hash(name, ix->seed) & ix->mask;
    size_t probes;

    for (probes = 0; probes <= ix->mask && ix->table[at]; probes++) {
        if (strcmp(names[ix->table[at] - 1], name) == 0)
            return (long)ix->table[at] - 1;
        at = (at + 1) & ix->mask;
    }
    return -1;
}

/* The sum over names of the distance from their home entry. */
static size_t measured_displacement(const phash *ix, char *const *names)
{
    size_t at, total = 0;

    for (at = 0; at <= ix->mask; at++) {
        if (ix->table[at]) {
            uint32_t home = slots_name_hash(names[ix->table[at] - 1], ix->seed) & ix->mask;
            total += (at - home) & ix->mask;
        }
    }
    return total;
}

static void test_ten_thousand_names_index_linearly(void **state)
{
    enum { N = 10000 };
    char **names = make_names("class_", N);
    char **absent = make_names("missing_", N);
    phash ix;
    size_t i, filled = 0;

    (void)state;
    phash_build((const char *const *)names, N, &ix);
    assert_true((size_t)ix.mask + 1 <= 4 * N);
    assert_true((size_t)ix.mask + 1 >= 2 * N);          /* load <= 1/2 */
    assert_int_equal((ix.mask + 1) & ix.mask, 0);       /* a power of two */
    for (i = 0; i < N; i++) {
        assert_int_equal(runtime_probe(&ix, names, names[i]), (long)i);
        assert_int_equal(phash_find(&ix, (const char *const *)names, names[i]), (long)i);
    }
    for (i = 0; i < N; i++) {
        assert_int_equal(runtime_probe(&ix, names, absent[i]), -1);
        assert_int_equal(phash_find(&ix, (const char *const *)names, absent[i]), -1);
    }
    for (i = 0; i <= ix.mask; i++)
        filled += ix.table[i] != 0;
    assert_int_equal(filled, N);
    assert_int_equal(ix.displacement, measured_displacement(&ix, names));
    phash_free(&ix);
    free_names(names, N);
    free_names(absent, N);
}

/* Every name of the index at its home entry: a hit is one table read and
** one name comparison, as with a perfect hash. */
static void assert_perfect(const phash *ix, char *const *names, size_t n)
{
    size_t i;

    assert_int_equal(ix->displacement, 0);
    for (i = 0; i < n; i++)
        assert_int_equal(ix->table[slots_name_hash(names[i], ix->seed) & ix->mask], i + 1);
}

/* A class of a few slots gets a seed that puts every name at home, in a
** table of at most 16n entries; small ones at the usual load of 1/2. */
static void test_small_sets_are_placed_perfectly(void **state)
{
    size_t n;

    (void)state;
    for (n = 1; n <= 12; n++) {
        char **names = make_names("slot_", n);
        phash ix;

        phash_build((const char *const *)names, n, &ix);
        assert_perfect(&ix, names, n);
        assert_true((size_t)ix.mask + 1 <= 16 * n);
        phash_free(&ix);
        free_names(names, n);
    }
}

/* 64 names have no perfect seed in 128 entries (about e^-16 per seed):
** the table grows until one is found, and stays within 16n entries.  The
** lookup cost then does not grow with the slot count. */
static void test_wide_classes_spread_to_a_perfect_table(void **state)
{
    static const size_t widths[] = { 16, 64, 100 };
    size_t w;

    (void)state;
    for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        size_t n = widths[w];
        char **names = make_names("f", n);
        phash ix;
        size_t i;

        phash_build((const char *const *)names, n, &ix);
        assert_perfect(&ix, names, n);
        assert_true((size_t)ix.mask + 1 <= 16 * n);
        assert_int_equal((ix.mask + 1) & ix.mask, 0);
        for (i = 0; i < n; i++)
            assert_int_equal(runtime_probe(&ix, names, names[i]), (long)i);
        assert_int_equal(runtime_probe(&ix, names, "g0"), -1);
        phash_free(&ix);
        free_names(names, n);
    }
}

/* Sets too large for a perfect search (over 256 names) get a table of
** load 1/2 and the least displaced of the seeds tried; every name is
** found. */
static void test_displaced_names_are_found(void **state)
{
    enum { N = 300 };
    char **names = make_names("member", N);
    phash ix;
    size_t i;

    (void)state;
    phash_build((const char *const *)names, N, &ix);
    assert_true(ix.displacement > 0);
    assert_int_equal(ix.mask + 1, 1024);
    assert_int_equal(ix.displacement, measured_displacement(&ix, names));
    for (i = 0; i < N; i++)
        assert_int_equal(runtime_probe(&ix, names, names[i]), (long)i);
    assert_int_equal(runtime_probe(&ix, names, "member300"), -1);
    phash_free(&ix);
    free_names(names, N);
}

static void test_building_is_deterministic(void **state)
{
    enum { N = 500 };
    char **names = make_names("n", N);
    phash first, second;

    (void)state;
    phash_build((const char *const *)names, N, &first);
    phash_build((const char *const *)names, N, &second);
    assert_int_equal(first.seed, second.seed);
    assert_int_equal(first.mask, second.mask);
    assert_memory_equal(first.table, second.table, ((size_t)first.mask + 1) * sizeof *first.table);
    phash_free(&first);
    phash_free(&second);
    free_names(names, N);
}

/* No names: a one-entry empty table, which every probe leaves at once. */
static void test_no_names_give_one_empty_entry(void **state)
{
    phash ix;

    (void)state;
    phash_build(NULL, 0, &ix);
    assert_int_equal(ix.mask, 0);
    assert_int_equal(ix.table[0], 0);
    assert_int_equal(ix.displacement, 0);
    assert_int_equal(phash_find(&ix, NULL, "x"), -1);
    phash_free(&ix);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ten_thousand_names_index_linearly),
        cmocka_unit_test(test_small_sets_are_placed_perfectly),
        cmocka_unit_test(test_wide_classes_spread_to_a_perfect_table),
        cmocka_unit_test(test_displaced_names_are_found),
        cmocka_unit_test(test_building_is_deterministic),
        cmocka_unit_test(test_no_names_give_one_empty_entry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
