/*
** test_weakref.c: zeroing weak references (weakref.c): creation and the
** ENOWEAKREF/ENOMEM errors, unlinking in any order, clearing at death
** (1 and 1,000 references), nodes outliving their object, weak slots.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixtures.h"
#include "internal.h"

static void test_weakref_reads_its_object_without_owning_it(void **state)
{
    (void)state;
    Node *n = slots_new(&Node_class);
    slots_weakref *wr = slots_weakref_new(n);
    assert_non_null(wr);
    assert_ptr_equal(slots_weakref_get(wr), n);
    assert_int_equal(slots_refcount(n), 1);
    assert_int_equal(slots_weakref_count(n), 1);
    slots_weakref_free(wr);
    assert_int_equal(slots_weakref_count(n), 0);
    slots_decref(n);
}

static void test_weakref_refused_without_weakref_class(void **state)
{
    (void)state;
    Point *p = slots_new(&Point_class);
    int err = SLOTS_OK;
    assert_null(slots_weakref_new_err(p, &err));
    assert_int_equal(err, SLOTS_ENOWEAKREF);
    assert_null(slots_weakref_new(p));
    err = SLOTS_OK;
    assert_null(slots_weakref_new_err(NULL, &err));
    assert_int_equal(err, SLOTS_ENOWEAKREF);
    assert_int_equal(slots_weakref_count(p), 0);
    slots_decref(p);
}

static void test_weakref_reports_allocation_failure(void **state)
{
    (void)state;
    Node *n = slots_new(&Node_class);
    int err = SLOTS_OK;
    slots__fail_after(0);
    assert_null(slots_weakref_new_err(n, &err));
    slots__fail_after(-1);
    assert_int_equal(err, SLOTS_ENOMEM);
    assert_int_equal(slots_weakref_count(n), 0);
    slots_weakref *wr = slots_weakref_new_err(n, &err);
    assert_int_equal(err, SLOTS_OK);
    slots_weakref_free(wr);
    slots_decref(n);
}

static void test_weakref_null_arguments(void **state)
{
    (void)state;
    assert_null(slots_weakref_get(NULL));
    slots_weakref_free(NULL);
}

/* Unlinking from the head, the middle and the tail keeps the others. */
static void test_weakrefs_free_in_any_order(void **state)
{
    (void)state;
    Transaction *t = slots_new(&Transaction_class);
    slots_weakref *wr[5];
    for (size_t i = 0; i < 5; i++)
        wr[i] = slots_weakref_new(t);
    assert_int_equal(slots_weakref_count(t), 5);
    size_t order[] = { 2, 4, 0 };
    for (size_t k = 0; k < 3; k++) {
        slots_weakref_free(wr[order[k]]);
        wr[order[k]] = NULL;
        assert_int_equal(slots_weakref_count(t), 4 - k);
        for (size_t i = 0; i < 5; i++) {
            if (wr[i] != NULL)
                assert_ptr_equal(slots_weakref_get(wr[i]), t);
        }
    }
    slots_decref(t);
    assert_null(slots_weakref_get(wr[1]));
    assert_null(slots_weakref_get(wr[3]));
    slots_weakref_free(wr[1]);
    slots_weakref_free(wr[3]);
}

static void test_thousand_weakrefs_cleared_at_death(void **state)
{
    (void)state;
    enum { COUNT = 1000 };
    static slots_weakref *wr[COUNT];
    Node *n = slots_new(&Node_class);
    for (size_t i = 0; i < COUNT; i++) {
        wr[i] = slots_weakref_new(n);
        assert_non_null(wr[i]);
    }
    assert_int_equal(slots_weakref_count(n), COUNT);
    slots_decref(n);
    for (size_t i = 0; i < COUNT; i++) {
        assert_null(slots_weakref_get(wr[i]));
        slots_weakref_free(wr[i]);
    }
}

/* A weak slot naming its own object, and a weak slot to an object that
** dies in the same cascade: both are released without touching freed
** memory (checked by the sanitizer build). */
static void test_weak_slots_into_a_dying_cascade(void **state)
{
    (void)state;
    Node *a = slots_new(&Node_class);
    Node *b = slots_new(&Node_class);
    assert_int_equal(slots_set_weak(&a->parent, a), SLOTS_OK);
    assert_int_equal(slots_set_weak(&b->parent, a), SLOTS_OK);
    a->next = b;                        /* a owns b now */
    slots_weakref *watch_b = slots_weakref_new(b);
    assert_int_equal(slots_weakref_count(a), 2);
    slots_decref(a);
    assert_null(slots_weakref_get(watch_b));
    slots_weakref_free(watch_b);
}

int main(void)
{
    fixtures_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weakref_reads_its_object_without_owning_it),
        cmocka_unit_test(test_weakref_refused_without_weakref_class),
        cmocka_unit_test(test_weakref_reports_allocation_failure),
        cmocka_unit_test(test_weakref_null_arguments),
        cmocka_unit_test(test_weakrefs_free_in_any_order),
        cmocka_unit_test(test_thousand_weakrefs_cleared_at_death),
        cmocka_unit_test(test_weak_slots_into_a_dying_cascade),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
