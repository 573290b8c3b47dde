/*
** test_dict.c: dynamic attributes (dict.c) of a `dict: true` class:
** created on first use, values of every kind, strings copied, objects
** referenced and released, deletion, insertion order, growth, and
** allocation failures at every step leaving the object unchanged.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "fixtures.h"
#include "internal.h"

static int set(void *obj, const char *name, slots_value v)
{
    return slots_setattr(obj, name, &v);
}

static slots_value get(const void *obj, const char *name)
{
    slots_value v;
    assert_int_equal(slots_getattr(obj, name, &v), SLOTS_OK);
    return v;
}

static void test_dict_is_created_on_first_set(void **state)
{
    (void)state;
    Node *n = slots_new(&Node_class);
    slots_value v;
    assert_null(n->slots_dict);
    assert_int_equal(slots_getattr(n, "color", &v), SLOTS_ENOATTR);
    assert_int_equal(slots_delattr(n, "color"), SLOTS_ENOATTR);
    assert_null(n->slots_dict);
    assert_int_equal(slots_dict_count(n), 0);
    assert_int_equal(set(n, "color", v_str("red")), SLOTS_OK);
    assert_non_null(n->slots_dict);
    assert_int_equal(slots_dict_count(n), 1);
    assert_string_equal(slots_dict_name(n, 0), "color");
    assert_null(slots_dict_name(n, 1));
    slots_decref(n);
}

static void test_dict_holds_every_kind(void **state)
{
    (void)state;
    Node *n = slots_new(&Node_class);
    Point *p = slots_new(&Point_class);
    char text[] = "copied";
    assert_int_equal(set(n, "none", v_none()), SLOTS_OK);
    assert_int_equal(set(n, "flag", v_bool(true)), SLOTS_OK);
    assert_int_equal(set(n, "int", v_int(-5)), SLOTS_OK);
    assert_int_equal(set(n, "uint", v_uint(UINT64_MAX)), SLOTS_OK);
    assert_int_equal(set(n, "real", v_double(0.5)), SLOTS_OK);
    assert_int_equal(set(n, "text", v_str(text)), SLOTS_OK);
    assert_int_equal(set(n, "obj", v_obj(p)), SLOTS_OK);
    assert_int_equal(set(n, "nullstr", v_str(NULL)), SLOTS_OK);
    text[0] = 'X';

    assert_int_equal(get(n, "none").kind, SLOTS_NONE);
    slots_value v = get(n, "flag");
    assert_int_equal(v.kind, SLOTS_BOOL); assert_true(v.as.b);
    v = get(n, "int");  assert_int_equal(v.kind, SLOTS_INT); assert_int_equal(v.as.i, -5);
    v = get(n, "uint"); assert_int_equal(v.kind, SLOTS_UINT); assert_true(v.as.u == UINT64_MAX);
    v = get(n, "real"); assert_int_equal(v.kind, SLOTS_DOUBLE); assert_true(v.as.d == 0.5);
    v = get(n, "text"); assert_int_equal(v.kind, SLOTS_STR); assert_string_equal(v.as.s, "copied");
    v = get(n, "obj");  assert_int_equal(v.kind, SLOTS_OBJ); assert_ptr_equal(v.as.obj, p);
    assert_int_equal(get(n, "nullstr").kind, SLOTS_NONE);
    assert_int_equal(slots_refcount(p), 2);
    assert_int_equal(slots_dict_count(n), 8);

    slots_value bad_kind = { (slots_kind)42, { .i = 0 } };
    assert_int_equal(slots_setattr(n, "bad", &bad_kind), SLOTS_ETYPE);
    assert_int_equal(slots_dict_count(n), 8);

    slots_decref(n);                    /* releases the dict's reference */
    assert_int_equal(slots_refcount(p), 1);
    slots_decref(p);
}

static void test_dict_replace_and_delete_release_values(void **state)
{
    (void)state;
    Node *n = slots_new(&Node_class);
    Point *p = slots_new(&Point_class);
    assert_int_equal(set(n, "a", v_obj(p)), SLOTS_OK);
    assert_int_equal(set(n, "b", v_str("bee")), SLOTS_OK);
    assert_int_equal(set(n, "a", v_obj(p)), SLOTS_OK);
    assert_int_equal(slots_refcount(p), 2);
    assert_int_equal(set(n, "a", v_str("now a string")), SLOTS_OK);
    assert_int_equal(slots_refcount(p), 1);
    assert_string_equal(get(n, "a").as.s, "now a string");
    assert_int_equal(slots_dict_count(n), 2);
    assert_string_equal(slots_dict_name(n, 0), "a");    /* replacing keeps the place */

    assert_int_equal(set(n, "c", v_obj(p)), SLOTS_OK);
    assert_int_equal(slots_delattr(n, "c"), SLOTS_OK);
    assert_int_equal(slots_refcount(p), 1);
    assert_int_equal(slots_delattr(n, "c"), SLOTS_ENOATTR);
    assert_int_equal(slots_delattr(n, "a"), SLOTS_OK);
    slots_value v;
    assert_int_equal(slots_getattr(n, "a", &v), SLOTS_ENOATTR);
    assert_string_equal(get(n, "b").as.s, "bee");
    assert_int_equal(slots_dict_count(n), 1);
    assert_string_equal(slots_dict_name(n, 0), "b");
    slots_decref(n);
    slots_decref(p);
}

static void test_declared_slots_never_go_to_the_dict(void **state)
{
    (void)state;
    Node *n = slots_new(&Node_class);
    assert_int_equal(set(n, "value", v_int(3)), SLOTS_OK);
    assert_int_equal(n->value, 3);
    assert_int_equal(set(n, "value", v_str("3")), SLOTS_ETYPE);
    assert_int_equal(slots_dict_count(n), 0);
    assert_int_equal(slots_delattr(n, "value"), SLOTS_EREADONLY);
    slots_decref(n);
}

static void test_dict_grows_and_keeps_insertion_order(void **state)
{
    (void)state;
    enum { COUNT = 100 };
    Node *n = slots_new(&Node_class);
    char name[32];
    for (int i = 0; i < COUNT; i++) {
        snprintf(name, sizeof name, "a%d", i);
        assert_int_equal(set(n, name, v_int(i)), SLOTS_OK);
    }
    assert_int_equal(slots_dict_count(n), COUNT);
    for (int i = 0; i < COUNT; i += 2) {
        snprintf(name, sizeof name, "a%d", i);
        assert_int_equal(slots_delattr(n, name), SLOTS_OK);
    }
    assert_int_equal(slots_dict_count(n), COUNT / 2);
    for (int i = 0; i < COUNT; i++) {
        snprintf(name, sizeof name, "a%d", i);
        slots_value v;
        int rc = slots_getattr(n, name, &v);
        if (i % 2 == 0) {
            assert_int_equal(rc, SLOTS_ENOATTR);
        } else {
            assert_int_equal(rc, SLOTS_OK);
            assert_int_equal(v.as.i, i);
            assert_string_equal(slots_dict_name(n, (size_t)i / 2), name);
        }
    }
    slots_decref(n);
}

/* Fail the k-th allocation of a set for k = 0, 1, ... until the set
** succeeds: every failure is SLOTS_ENOMEM with the object unchanged.
** `prefill` attributes first put the table at its growth point (or not),
** which decides how many allocations the set makes. */
static void check_set_survives_every_failure(size_t prefill, size_t allocations)
{
    size_t failures = 0;
    for (long k = 0;; k++) {
        Node *n = slots_new(&Node_class);
        char name[32];
        for (size_t i = 0; i < prefill; i++) {
            snprintf(name, sizeof name, "p%zu", i);
            assert_int_equal(set(n, name, v_int((int64_t)i)), SLOTS_OK);
        }
        slots__fail_after(k);
        int rc = set(n, "fresh", v_str("value"));
        bool failed = slots__fail_happened();
        slots__fail_after(-1);
        slots_value v;
        if (failed) {
            failures++;
            assert_int_equal(rc, SLOTS_ENOMEM);
            assert_int_equal(slots_getattr(n, "fresh", &v), SLOTS_ENOATTR);
            assert_int_equal(slots_dict_count(n), prefill);
            for (size_t i = 0; i < prefill; i++) {
                snprintf(name, sizeof name, "p%zu", i);
                assert_int_equal(get(n, name).as.i, (int64_t)i);
            }
        } else {
            assert_int_equal(rc, SLOTS_OK);
            assert_string_equal(get(n, "fresh").as.s, "value");
        }
        slots_decref(n);
        if (!failed)
            break;
    }
    assert_int_equal(failures, allocations);
}

static void test_dict_allocation_failures_leave_it_unchanged(void **state)
{
    (void)state;
    check_set_survives_every_failure(0, 4);     /* table, entries, name, string */
    check_set_survives_every_failure(4, 4);     /* full: grows */
    check_set_survives_every_failure(5, 2);     /* room left: name, string */
}

static void test_dict_replace_failure_keeps_the_old_value(void **state)
{
    (void)state;
    Node *n = slots_new(&Node_class);
    assert_int_equal(set(n, "s", v_str("old")), SLOTS_OK);
    slots__fail_after(0);
    assert_int_equal(set(n, "s", v_str("new")), SLOTS_ENOMEM);
    slots__fail_after(-1);
    assert_string_equal(get(n, "s").as.s, "old");
    slots_decref(n);
}

int main(void)
{
    fixtures_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dict_is_created_on_first_set),
        cmocka_unit_test(test_dict_holds_every_kind),
        cmocka_unit_test(test_dict_replace_and_delete_release_values),
        cmocka_unit_test(test_declared_slots_never_go_to_the_dict),
        cmocka_unit_test(test_dict_grows_and_keeps_insertion_order),
        cmocka_unit_test(test_dict_allocation_failures_leave_it_unchanged),
        cmocka_unit_test(test_dict_replace_failure_keeps_the_old_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
