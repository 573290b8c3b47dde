/*
** test_limits.c: what the descriptors' uint16_t name indexes can hold.
** A class of more than 65535 slots (own and inherited) or a schema of more
** than 65535 classes is a schema error, not a silently wrong table; just
** under the limit checks clean.  Also the name map (strmap.c) that keeps
** such schemas linear to check.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "model.h"
#include "phash.h"
#include "strmap.h"

/* A schema whose class Wide (base Base) has `nbase` + `nown` slots. */
static void wide_schema(buf *b, size_t nbase, size_t nown)
{
    size_t i;
    buf_puts(b, "classes:\n  Base:\n    slots:\n");
    for (i = 0; i < nbase; i++)
        buf_printf(b, "      b%zu: bool\n", i);
    buf_puts(b, "  Wide:\n    base: Base\n    slots:\n");
    for (i = 0; i < nown; i++)
        buf_printf(b, "      w%zu: bool\n", i);
}

static size_t errors_of(const buf *text, diag *d)
{
    m_program *p = check_string("limits.yaml", buf_str(text), text->len, NULL, d);
    size_t n = diag_errors(d);
    if (p)
        assert_int_equal(n, 0);
    m_program_free(p);
    return n;
}

static void a_class_of_65535_slots_fits(void **state)
{
    buf text = BUF_INIT;
    diag *d = diag_new();
    (void)state;
    wide_schema(&text, 40000, PHASH_MAX_NAMES - 40000);
    assert_int_equal(errors_of(&text, d), 0);
    buf_free(&text);
    diag_free(d);
}

static void a_class_of_65536_slots_is_an_error(void **state)
{
    buf text = BUF_INIT;
    diag *d = diag_new();
    (void)state;
    wide_schema(&text, 40000, PHASH_MAX_NAMES - 40000 + 1);
    assert_int_equal(errors_of(&text, d), 1);
    assert_string_equal(diag_line(d, 0), "limits.yaml:40004:3: error: class 'Wide' has "
                        "65536 slots, own and inherited; at most 65535 fit its name index");
    buf_free(&text);
    diag_free(d);
}

static void a_schema_of_65536_classes_is_an_error(void **state)
{
    buf text = BUF_INIT;
    diag *d = diag_new();
    size_t i;
    (void)state;
    buf_puts(&text, "classes:\n");
    for (i = 0; i < PHASH_MAX_NAMES + 1; i++)
        buf_printf(&text, "  C%zu: {}\n", i);
    assert_int_equal(errors_of(&text, d), 1);
    assert_string_equal(diag_line(d, 0), "limits.yaml:2:3: error: 65536 classes in one "
                        "schema; at most 65535 fit the module's class index");
    buf_free(&text);
    diag_free(d);
}

static void strmap_finds_what_it_holds_and_keeps_the_first(void **state)
{
    strmap m = STRMAP_INIT;
    char names[3000][8];
    size_t i, v;
    (void)state;
    for (i = 0; i < 3000; i++) {
        snprintf(names[i], sizeof names[i], "n%zu", i);
        assert_true(strmap_put(&m, names[i], i, NULL));
    }
    assert_int_equal(m.n, 3000);
    for (i = 0; i < 3000; i++) {
        assert_true(strmap_get(&m, names[i], &v));
        assert_int_equal(v, i);
    }
    assert_false(strmap_get(&m, "n3000", &v));
    assert_false(strmap_get(&m, "", &v));
    /* A second put of a key keeps the first value and reports it. */
    assert_false(strmap_put(&m, "n42", 7, &v));
    assert_int_equal(v, 42);
    assert_true(strmap_get(&m, "n42", &v));
    assert_int_equal(v, 42);
    strmap_free(&m);
    assert_false(strmap_get(&m, "n1", &v));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_class_of_65535_slots_fits),
        cmocka_unit_test(a_class_of_65536_slots_is_an_error),
        cmocka_unit_test(a_schema_of_65536_classes_is_an_error),
        cmocka_unit_test(strmap_finds_what_it_holds_and_keeps_the_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
