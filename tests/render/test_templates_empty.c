/*
** test_templates_empty.c: the template table embed_templates.cmake writes
** for a directory without templates.  That it compiled under -Wpedantic
** -Werror is half the test; the other half is that it is empty.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "diag.h"
#include "templates.h"

/* Where template_set_new reports; a fresh one for every test. */
static diag *d;

static int new_diag(void **state)
{
    (void)state;
    d = diag_new();
    return 0;
}

static int free_diag(void **state)
{
    (void)state;
    diag_free(d);
    d = NULL;
    return 0;
}

static void empty_table_has_no_templates(void **state)
{
    template_set *ts = template_set_new(NULL, d);
    size_t len = 0;

    (void)state;
    assert_int_equal(templates_embedded_count, 0);
    assert_non_null(ts);
    /* The sentinel entry of the table must not be found by its name. */
    assert_null(template_set_get(ts, "", &len));
    assert_null(template_set_get(ts, "header", &len));
    template_set_free(ts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(empty_table_has_no_templates, new_diag, free_diag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
