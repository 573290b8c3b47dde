/*
** test_slotgen.c: slotgen_check() and slotgen_layout() as a library: the
** exit status each outcome maps to (CONTRACT.md: 0, 1 schema errors,
** 2 I/O), and that a failed run prints no layout.
**
** BAD_DIR (tests/frontend/bad) and SCHEMAS_DIR (schemas/) come from CMake.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "slotgen.h"

static const char bad_schema[] = BAD_DIR "/duplicate_slot.yaml";
static const char good_schema[] = SCHEMAS_DIR "/geometry.yaml";
static const char missing_schema[] = BAD_DIR "/no-such-schema.yaml";

static int check(const char *a, const char *b, diag *d)
{
    const char *schemas[2];
    schemas[0] = a;
    schemas[1] = b;
    return slotgen_check(schemas, b ? 2 : 1, NULL, d);
}

static void good_schema_checks_clean(void **state)
{
    diag *d = diag_new();
    (void)state;
    assert_int_equal(check(good_schema, NULL, d), 0);
    assert_int_equal(diag_lines(d), 0);
    diag_free(d);
}

static void schema_errors_exit_1(void **state)
{
    diag *d = diag_new();
    (void)state;
    assert_int_equal(check(bad_schema, NULL, d), 1);
    assert_int_equal(diag_errors(d), 1);
    assert_int_equal(diag_io_errors(d), 0);
    diag_free(d);
}

static void unreadable_schema_exits_2(void **state)
{
    diag *d = diag_new();
    (void)state;
    assert_int_equal(check(missing_schema, NULL, d), 2);
    assert_int_equal(diag_lines(d), 1);
    assert_non_null(strstr(diag_line(d, 0), "no-such-schema.yaml: error: cannot read: "));
    diag_free(d);
}

/* The I/O error outranks the schema error, and both are still reported. */
static void unreadable_beside_bad_schema_exits_2(void **state)
{
    diag *d = diag_new();
    (void)state;
    assert_int_equal(check(bad_schema, missing_schema, d), 2);
    assert_int_equal(diag_errors(d), 2);
    assert_int_equal(diag_io_errors(d), 1);
    diag_free(d);
}

/* slotgen_layout into a temporary file; returns the status, *printed the bytes. */
static int layout(const char *schema, diag *d, long *printed)
{
    FILE *out = tmpfile();
    int status;
    assert_non_null(out);
    status = slotgen_layout(&schema, 1, NULL, d, out);
    assert_int_equal(fseek(out, 0, SEEK_END), 0);
    *printed = ftell(out);
    fclose(out);
    return status;
}

static void layout_of_good_schema_prints(void **state)
{
    diag *d = diag_new();
    long printed;
    (void)state;
    assert_int_equal(layout(good_schema, d, &printed), 0);
    assert_true(printed > 0);
    assert_int_equal(diag_lines(d), 0);
    diag_free(d);
}

static void layout_of_failed_run_prints_nothing(void **state)
{
    diag *d = diag_new();
    long printed;
    (void)state;
    assert_int_equal(layout(bad_schema, d, &printed), 1);
    assert_int_equal(printed, 0);
    diag_free(d);
    d = diag_new();
    assert_int_equal(layout(missing_schema, d, &printed), 2);
    assert_int_equal(printed, 0);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_schema_checks_clean),
        cmocka_unit_test(schema_errors_exit_1),
        cmocka_unit_test(unreadable_schema_exits_2),
        cmocka_unit_test(unreadable_beside_bad_schema_exits_2),
        cmocka_unit_test(layout_of_good_schema_prints),
        cmocka_unit_test(layout_of_failed_run_prints_nothing),
    };
    return cmocka_run_group_tests_name("slotgen", tests, NULL, NULL);
}
