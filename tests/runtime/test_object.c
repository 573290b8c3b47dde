/*
** test_object.c: the life of an instance (object.c) and the allocator
** under it (alloc.c): creation, counts, destruction of what an object
** owns, long chains, class questions, slabs and the malloc fallback.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "internal.h"

static bool expect_malloc(void)
{
    const char *v = getenv("SLOTS_TEST_EXPECT_MALLOC");
    return v != NULL && strcmp(v, "1") == 0;
}

static void test_new_is_zeroed_with_one_reference(void **state)
{
    (void)state;
    Point *p = slots_new(&Point_class);
    assert_non_null(p);
    assert_int_equal(p->x, 0);
    assert_int_equal(p->y, 0);
    assert_int_equal(slots_refcount(p), 1);
    assert_ptr_equal(slots_class_of(p), &Point_class);
    slots_decref(p);
}

static void test_incref_and_decref_count_references(void **state)
{
    (void)state;
    Point *p = slots_new(&Point_class);
    assert_ptr_equal(slots_incref(p), p);
    assert_ptr_equal(slots_incref(p), p);
    assert_int_equal(slots_refcount(p), 3);
    slots_decref(p);
    assert_int_equal(slots_refcount(p), 2);
    slots_decref(p);
    assert_int_equal(slots_refcount(p), 1);
    slots_decref(p);
    assert_null(slots_incref(NULL));
    slots_decref(NULL);
}

static void test_isinstance_walks_three_levels(void **state)
{
    (void)state;
    Point4D *p4 = slots_new(&Point4D_class);
    Point *p = slots_new(&Point_class);
    assert_true(slots_isinstance(p4, &Point4D_class));
    assert_true(slots_isinstance(p4, &Point3D_class));
    assert_true(slots_isinstance(p4, &Point_class));
    assert_false(slots_isinstance(p4, &Node_class));
    assert_true(slots_isinstance(p, &Point_class));
    assert_false(slots_isinstance(p, &Point3D_class));
    assert_false(slots_isinstance(NULL, &Point_class));
    slots_decref(p4);
    slots_decref(p);
}

static void test_subclass_pointer_is_base_pointer(void **state)
{
    (void)state;
    Point4D *p4 = slots_new(&Point4D_class);
    Point *as_base = (Point *)p4;
    as_base->x = 5;
    p4->w = 9;
    slots_value v;
    assert_int_equal(slots_getattr(p4, "x", &v), SLOTS_OK);
    assert_int_equal(v.as.i, 5);
    assert_int_equal(slots_getattr(as_base, "w", &v), SLOTS_OK);
    assert_int_equal(v.as.i, 9);
    assert_ptr_equal(slots_class_of(as_base), &Point4D_class);
    slots_decref(p4);
}

static void test_sizeof_is_the_struct_alone(void **state)
{
    (void)state;
    Point *p = slots_new(&Point_class);
    Point4D *p4 = slots_new(&Point4D_class);
    Node *n = slots_new(&Node_class);
    assert_int_equal(slots_sizeof(p), sizeof(Point));
    assert_int_equal(slots_sizeof(p4), sizeof(Point4D));
    slots_value name = v_str("a long string, not counted by sizeof");
    assert_int_equal(slots_setattr(n, "name", &name), SLOTS_OK);
    assert_int_equal(slots_setattr(n, "extra", &name), SLOTS_OK);
    assert_int_equal(slots_sizeof(n), sizeof(Node));
    if (sizeof(void *) == 8) {      /* docs/design.md: a 16-byte header */
        assert_int_equal(sizeof(slots_object), 16);
        assert_int_equal(slots_sizeof(p), 24);
    }
    slots_decref(p);
    slots_decref(p4);
    slots_decref(n);
}

static void test_death_releases_strong_references(void **state)
{
    (void)state;
    Node *a = slots_new(&Node_class);
    Node *b = slots_new(&Node_class);
    slots_value vb = v_obj(b);
    assert_int_equal(slots_setattr(a, "next", &vb), SLOTS_OK);
    assert_int_equal(slots_setattr(a, "dyn", &vb), SLOTS_OK);
    assert_int_equal(slots_refcount(b), 3);
    slots_decref(a);
    assert_int_equal(slots_refcount(b), 1);
    slots_decref(b);
}

static void test_death_frees_strings(void **state)
{
    (void)state;
    /* Leaks would show under -DSLOTGEN_SANITIZE=ON; here, the copy must
    ** be the object's own until it dies. */
    char text[] = "temporary";
    Node *n = slots_new(&Node_class);
    slots_value v = v_str(text);
    assert_int_equal(slots_setattr(n, "name", &v), SLOTS_OK);
    assert_ptr_not_equal(n->name, text);
    text[0] = 'X';
    assert_string_equal(n->name, "temporary");
    slots_decref(n);
}

/* All owns a string before its references (release order 12, 15, 16):
** slots_decref frees the string on its fast path, meets the reference and
** hands the object to the graveyard, which must neither free the string
** again (the sanitizer build would report it) nor skip the references. */
static void test_death_frees_strings_then_references(void **state)
{
    (void)state;
    All *a = slots_new(&All_class);
    Node *target = slots_new(&Node_class);
    slots_value s = v_str("owned"), ref = v_obj(target), weak = v_obj(target);
    assert_int_equal(slots_setattr(a, "s", &s), SLOTS_OK);
    assert_int_equal(slots_setattr(a, "ref", &ref), SLOTS_OK);
    assert_int_equal(slots_setattr(a, "weak", &weak), SLOTS_OK);
    assert_int_equal(slots_refcount(target), 2);
    assert_int_equal(slots_weakref_count(target), 1);
    slots_decref(a);
    assert_int_equal(slots_refcount(target), 1);
    assert_int_equal(slots_weakref_count(target), 0);
    slots_decref(target);
}

/* Each node holds the only reference to the one before it: the decref of
** the head frees all of them, in a loop, not a million nested calls. */
static void test_long_chain_is_freed_without_recursion(void **state)
{
    (void)state;
    enum { LENGTH = 1000000 };
    Node *head = NULL;
    slots_weakref *first = NULL, *middle = NULL;
    for (long i = 0; i < LENGTH; i++) {
        Node *n = slots_new(&Node_class);
        assert_non_null(n);
        n->next = head;        /* takes over our reference */
        head = n;
        if (i == 0)
            first = slots_weakref_new(n);
        if (i == LENGTH / 2)
            middle = slots_weakref_new(n);
    }
    assert_non_null(slots_weakref_get(first));
    slots_decref(head);
    assert_null(slots_weakref_get(first));
    assert_null(slots_weakref_get(middle));
    slots_weakref_free(first);
    slots_weakref_free(middle);
}

static void test_new_reports_allocation_failure(void **state)
{
    (void)state;
    slots__fail_after(0);
    assert_null(slots_new(&Point_class));
    assert_true(slots__fail_happened());
    Point *p = slots_new(&Point_class);
    assert_non_null(p);
    slots_decref(p);
    slots__fail_after(1);
    p = slots_new(&Point_class);
    assert_non_null(p);
    assert_null(slots_new(&Point_class));
    slots_decref(p);
    slots__fail_after(-1);
}

static void test_allocator_mode_follows_build_and_environment(void **state)
{
    (void)state;
    assert_int_equal(slots__alloc_uses_malloc(), expect_malloc());
}

/* The point of the slabs: consecutive objects sit their size apart, with
** no header between them. */
static void test_slabs_pack_objects_without_overhead(void **state)
{
    (void)state;
    if (expect_malloc())
        skip();
    enum { COUNT = 1000 };
    static Point *points[COUNT];
    size_t adjacent = 0;
    for (size_t i = 0; i < COUNT; i++) {
        points[i] = slots_new(&Point_class);
        if (i > 0 && (char *)points[i] - (char *)points[i - 1] == (ptrdiff_t)sizeof(Point))
            adjacent++;
    }
    assert_true(adjacent >= COUNT - 10);
    for (size_t i = 0; i < COUNT; i++)
        slots_decref(points[i]);
    /* freed blocks come back first */
    Point *again = slots_new(&Point_class);
    assert_ptr_equal(again, points[COUNT - 1]);
    slots_decref(again);
}

static void test_alloc_is_zeroed_after_reuse_and_for_large_blocks(void **state)
{
    (void)state;
    for (size_t size = 1; size <= 1024; size += 37) {
        unsigned char *p = slots_alloc(size);
        assert_non_null(p);
        memset(p, 0xAB, size);
        slots_free(p, size);
        p = slots_alloc(size);
        for (size_t i = 0; i < size; i++)
            assert_int_equal(p[i], 0);
        slots_free(p, size);
    }
    slots_free(NULL, 24);
}

int main(void)
{
    fixtures_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_is_zeroed_with_one_reference),
        cmocka_unit_test(test_incref_and_decref_count_references),
        cmocka_unit_test(test_isinstance_walks_three_levels),
        cmocka_unit_test(test_subclass_pointer_is_base_pointer),
        cmocka_unit_test(test_sizeof_is_the_struct_alone),
        cmocka_unit_test(test_death_releases_strong_references),
        cmocka_unit_test(test_death_frees_strings),
        cmocka_unit_test(test_death_frees_strings_then_references),
        cmocka_unit_test(test_long_chain_is_freed_without_recursion),
        cmocka_unit_test(test_new_reports_allocation_failure),
        cmocka_unit_test(test_allocator_mode_follows_build_and_environment),
        cmocka_unit_test(test_slabs_pack_objects_without_overhead),
        cmocka_unit_test(test_alloc_is_zeroed_after_reuse_and_for_large_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
