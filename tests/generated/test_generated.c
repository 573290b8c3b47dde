/*
** test_generated.c: the code slotgen generates for schemas/, run against
** the runtime.  Values go in and out through the generated constructors
** and accessors and through reflection by name; inheritance, readonly and
** frozen slots, defaults, weak references, and the release of strings and
** references at death are checked (the ASan build catches leaks).
*/
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "geometry.slots.h"
#include "records.slots.h"
#include "scene.slots.h"
#include "transactions.slots.h"
#include "tree.slots.h"

static const slots_module *const all_modules[] = {
    &geo_module, &rec_module, &scene_module, &transactions_module, &tree_module,
};

static void test_accessors_read_what_the_constructor_stored(void **state)
{
    transactions_Point *p = transactions_Point_new(3, -4);
    transactions_Transaction *t = transactions_Transaction_new(7, 12.5, "EUR", "2024-01-01");

    (void)state;
    assert_non_null(p);
    assert_non_null(t);
    assert_int_equal(transactions_Point_get_x(p), 3);
    assert_int_equal(transactions_Point_get_y(p), -4);
    transactions_Point_set_x(p, 100);
    assert_int_equal(transactions_Point_get_x(p), 100);
    assert_int_equal(transactions_Transaction_get_transaction_id(t), 7);
    assert_true(transactions_Transaction_get_amount(t) == 12.5);
    assert_string_equal(transactions_Transaction_get_currency(t), "EUR");
    assert_string_equal(transactions_Transaction_get_timestamp(t), "2024-01-01");
    slots_decref(p);
    slots_decref(t);
}

static void test_string_setters_copy_and_char_arrays_refuse_overflow(void **state)
{
    char text[] = "first";
    transactions_Transaction *t = transactions_Transaction_new(1, 1.0, "USD", text);

    (void)state;
    assert_non_null(t);
    text[0] = 'X';
    assert_string_equal(transactions_Transaction_get_timestamp(t), "first");
    assert_int_equal(transactions_Transaction_set_timestamp(t, "second"), SLOTS_OK);
    assert_string_equal(transactions_Transaction_get_timestamp(t), "second");
    assert_int_equal(transactions_Transaction_set_timestamp(t, NULL), SLOTS_OK);
    assert_null(transactions_Transaction_get_timestamp(t));
    assert_int_equal(transactions_Transaction_set_currency(t, "EURO"), SLOTS_ETYPE);
    assert_string_equal(transactions_Transaction_get_currency(t), "USD");
    assert_int_equal(transactions_Transaction_set_currency(t, "GBP"), SLOTS_OK);
    assert_string_equal(transactions_Transaction_get_currency(t), "GBP");
    slots_decref(t);
}

static void test_constructor_fails_cleanly_on_a_char_array_overflow(void **state)
{
    (void)state;
    /* The half-built object (its string already copied) is released. */
    assert_null(transactions_Transaction_new(1, 1.0, "EURO", "2024-01-01"));
}

/* An instance takes the block its predecessor freed (slabs reuse the last
** freed block first): the constructor, not the allocator, zeroes it, so a
** short char[N] and the padding after it must still read as zero bytes. */
static void test_a_reused_block_starts_zeroed(void **state)
{
    static const char expected[offsetof(transactions_Transaction, timestamp)
                               - offsetof(transactions_Transaction, currency)] = "X";
    transactions_Transaction *first = transactions_Transaction_new(1, 1.0, "EUR", "then");
    transactions_Transaction *second;

    (void)state;
    assert_non_null(first);
    slots_decref(first);
    second = transactions_Transaction_new(2, 2.0, "X", "now");
    assert_non_null(second);
    assert_memory_equal(second->currency, expected, sizeof expected);
    assert_int_equal(slots_refcount(second), 1);
    slots_decref(second);
}

static void test_reflection_offsets_are_the_compilers(void **state)
{
    const slots_class *cls = &transactions_Transaction_class;

    (void)state;
    assert_int_equal(slots_find_slot(cls, "transaction_id")->offset,
                     offsetof(transactions_Transaction, transaction_id));
    assert_int_equal(slots_find_slot(cls, "amount")->offset,
                     offsetof(transactions_Transaction, amount));
    assert_int_equal(slots_find_slot(cls, "currency")->offset,
                     offsetof(transactions_Transaction, currency));
    assert_int_equal(slots_find_slot(cls, "currency")->length, 4);
    assert_int_equal(slots_find_slot(cls, "timestamp")->offset,
                     offsetof(transactions_Transaction, timestamp));
    assert_int_equal(cls->size, sizeof(transactions_Transaction));
    assert_null(slots_find_slot(cls, "nope"));
    assert_null(slots_find_slot(cls, "amoun"));
}

static void test_every_slot_and_class_is_found_by_name(void **state)
{
    size_t m, c, s;

    (void)state;
    for (m = 0; m < sizeof all_modules / sizeof all_modules[0]; m++) {
        const slots_module *mod = all_modules[m];
        for (c = 0; c < mod->nclasses; c++) {
            const slots_class *cls = mod->classes[c];
            assert_ptr_equal(slots_find_class(mod, cls->name), cls);
            assert_string_equal(cls->module, mod->name);
            for (s = 0; s < cls->nslots; s++)
                assert_ptr_equal(slots_find_slot(cls, cls->slots[s].name), &cls->slots[s]);
        }
        assert_null(slots_find_class(mod, "NoSuchClass"));
    }
    assert_ptr_equal(slots_find_class(&geo_module, "Point3D"), &geo_Point3D_class);
    assert_int_equal(geo_module.nclasses, 5);
}

static void test_getattr_and_setattr_by_name(void **state)
{
    transactions_Transaction *t = transactions_Transaction_new(9, 2.5, "JPY", "now");
    slots_value v;

    (void)state;
    assert_int_equal(slots_getattr(t, "transaction_id", &v), SLOTS_OK);
    assert_int_equal(v.kind, SLOTS_UINT);
    assert_int_equal(v.as.u, 9);
    assert_int_equal(slots_getattr(t, "currency", &v), SLOTS_OK);
    assert_int_equal(v.kind, SLOTS_STR);
    assert_string_equal(v.as.s, "JPY");

    v.kind = SLOTS_DOUBLE;
    v.as.d = 99.75;
    assert_int_equal(slots_setattr(t, "amount", &v), SLOTS_OK);
    assert_true(transactions_Transaction_get_amount(t) == 99.75);
    v.kind = SLOTS_STR;
    v.as.s = "later";
    assert_int_equal(slots_setattr(t, "timestamp", &v), SLOTS_OK);
    assert_string_equal(transactions_Transaction_get_timestamp(t), "later");
    v.kind = SLOTS_INT;
    v.as.i = -1;
    assert_int_equal(slots_setattr(t, "transaction_id", &v), SLOTS_ETYPE);
    assert_int_equal(slots_setattr(t, "undeclared", &v), SLOTS_ENOATTR);
    assert_int_equal(slots_getattr(t, "undeclared", &v), SLOTS_ENOATTR);
    slots_decref(t);
}

static void test_subclass_pointer_is_a_base_pointer(void **state)
{
    geo_Point3D *p3 = geo_Point3D_new(1, 2);
    geo_Point *as_point = (geo_Point *)p3;
    slots_value v;

    (void)state;
    assert_non_null(p3);
    assert_int_equal(geo_Point_get_x(as_point), 1);
    assert_int_equal(geo_Point_get_y(as_point), 2);
    geo_Point_set_y(as_point, 20);
    assert_int_equal(geo_Point3D_get_y(p3), 20);
    geo_Point3D_set_x(p3, 10);
    assert_int_equal(geo_Point_get_x(as_point), 10);
    assert_int_equal(geo_Point3D_get_z(p3), 0);
    assert_true(slots_isinstance(p3, &geo_Point_class));
    assert_true(slots_isinstance(p3, &geo_Shape_class));
    assert_false(slots_isinstance(p3, &geo_Segment_class));
    assert_ptr_equal(slots_find_slot(&geo_Point3D_class, "x")->owner, &geo_Point_class);
    assert_int_equal(slots_find_slot(&geo_Point3D_class, "z")->offset, offsetof(geo_Point3D, z));
    assert_int_equal(slots_getattr(p3, "x", &v), SLOTS_OK);
    assert_int_equal(v.as.i, 10);
    slots_decref(p3);
}

static void test_readonly_and_frozen_slots_refuse_setattr(void **state)
{
    rec_TaggedVersion *tv = rec_TaggedVersion_new(3);
    rec_Settings *s = rec_Settings_new("me");
    slots_value v;

    (void)state;
    v.kind = SLOTS_UINT;
    v.as.u = 4;
    assert_int_equal(slots_setattr(tv, "major", &v), SLOTS_EREADONLY);
    assert_int_equal(rec_TaggedVersion_get_major(tv), 3);
    assert_string_equal(rec_TaggedVersion_get_tag(tv), "release");
    assert_true(rec_TaggedVersion_class.flags & SLOTS_CLASS_FROZEN);
    assert_true(slots_find_slot(&rec_TaggedVersion_class, "major")->flags & SLOTS_SLOT_READONLY);
    assert_int_equal(slots_setattr(s, "created", &v), SLOTS_EREADONLY);
    assert_int_equal(rec_Settings_get_created(s), 1);
    assert_string_equal(rec_Settings_get_owner(s), "me");
    assert_false(slots_find_slot(&rec_Settings_class, "tiny")->flags & SLOTS_SLOT_READONLY);
    slots_decref(tv);
    slots_decref(s);
}

static void test_defaults_are_applied_and_described(void **state)
{
    rec_Settings *s = rec_Settings_new(NULL);
    const float *weights;
    const bool *flags;
    const slots_slot *tiny = slots_find_slot(&rec_Settings_class, "tiny");

    (void)state;
    assert_non_null(s);
    assert_false(rec_Settings_get_enabled(s));
    assert_int_equal(rec_Settings_get_initial(s), 'A');
    assert_int_equal(rec_Settings_get_tiny(s), -128);
    assert_int_equal(rec_Settings_get_small(s), -300);
    assert_int_equal(rec_Settings_get_medium(s), 0x7fffffff);
    assert_true(rec_Settings_get_large(s) == INT64_MIN);
    assert_int_equal(rec_Settings_get_ubyte(s), 255);
    assert_int_equal(rec_Settings_get_ushort(s), 0xffff);
    assert_true(rec_Settings_get_uint(s) == 4000000000u);
    assert_true(rec_Settings_get_ulong(s) == UINT64_MAX);
    assert_true(rec_Settings_get_ratio(s) == 0.5f);
    assert_true(rec_Settings_get_scale(s) == -1.25e-3);
    assert_true(isinf(rec_Settings_get_limit(s)) && rec_Settings_get_limit(s) > 0);
    assert_string_equal(rec_Settings_get_name(s), "default settings");
    assert_string_equal(rec_Settings_get_code(s), "abc");
    weights = rec_Settings_get_weights(s);
    assert_true(weights[0] == 1.0f && weights[1] == 2.5f && weights[2] == -3.0f && weights[3] == 0.0f);
    flags = rec_Settings_get_flags(s);
    assert_true(flags[0] && !flags[1]);
    assert_null(rec_Settings_get_owner(s));

    assert_non_null(tiny->default_value);
    assert_int_equal(*(const int8_t *)tiny->default_value, -128);
    assert_string_equal(tiny->default_text, "-128");
    assert_null(slots_find_slot(&rec_Settings_class, "owner")->default_value);
    assert_string_equal(*(const char *const *)slots_find_slot(&rec_Settings_class, "name")->default_value,
                        "default settings");
    slots_decref(s);
}

static void test_array_setters_copy(void **state)
{
    geo_Polygon *poly = geo_Polygon_new();
    uint8_t color[3] = { 1, 2, 3 };

    (void)state;
    assert_int_equal(geo_Polygon_get_color(poly)[0], 0x10);
    assert_int_equal(geo_Polygon_get_color(poly)[2], 255);
    assert_int_equal(geo_Polygon_get_corners(poly), 3);
    geo_Polygon_set_color(poly, color);
    color[0] = 9;
    assert_int_equal(geo_Polygon_get_color(poly)[0], 1);
    assert_int_equal(geo_Polygon_get_color(poly)[2], 3);
    slots_decref(poly);
}

static void test_weak_references_read_null_once_the_target_died(void **state)
{
    tree_Node *parent = tree_Node_new(1, NULL, NULL, NULL);
    tree_Node *child = tree_Node_new(2, parent, NULL, NULL);
    tree_LabeledNode *leaf = tree_LabeledNode_new(3, parent, NULL, NULL);
    scene_Layer *layer = scene_Layer_new(NULL, parent, NULL);
    slots_value v;

    (void)state;
    assert_ptr_equal(tree_Node_get_parent(child), parent);
    assert_ptr_equal(tree_LabeledNode_get_parent(leaf), parent);
    assert_ptr_equal(scene_Layer_get_parent(layer), parent);
    assert_string_equal(tree_LabeledNode_get_label(leaf), "node");
    /* A weak reference does not keep its target alive. */
    assert_int_equal(slots_refcount(parent), 1);
    slots_decref(parent);
    assert_null(tree_Node_get_parent(child));
    assert_null(tree_LabeledNode_get_parent(leaf));
    assert_null(scene_Layer_get_parent(layer));
    assert_int_equal(slots_getattr(child, "parent", &v), SLOTS_OK);
    assert_int_equal(v.kind, SLOTS_NONE);
    assert_int_equal(tree_Node_set_parent(child, (tree_Node *)leaf), SLOTS_OK);
    assert_ptr_equal(tree_Node_get_parent(child), (tree_Node *)leaf);
    slots_decref(leaf);
    assert_null(tree_Node_get_parent(child));
    slots_decref(child);
    slots_decref(layer);
}

static void test_strong_references_are_counted_and_released(void **state)
{
    geo_Point *a = geo_Point_new(0, 0);
    geo_Point *b = geo_Point_new(1, 1);
    geo_Segment *seg = geo_Segment_new(a, b);

    (void)state;
    assert_non_null(seg);
    assert_int_equal(slots_refcount(a), 2);
    assert_ptr_equal(geo_Segment_get_start(seg), a);
    assert_string_equal(geo_Segment_get_label(seg), "unnamed");
    assert_int_equal(geo_Segment_set_label(seg, "diagonal"), SLOTS_OK);
    geo_Segment_set_start(seg, b);
    assert_int_equal(slots_refcount(a), 1);
    assert_int_equal(slots_refcount(b), 3);
    geo_Segment_set_end(seg, NULL);
    assert_int_equal(slots_refcount(b), 2);
    slots_decref(seg);
    assert_int_equal(slots_refcount(b), 1);
    slots_decref(a);
    slots_decref(b);
}

static void test_chains_of_strong_references_are_freed(void **state)
{
    tree_Node *head = NULL;
    int i;

    (void)state;
    for (i = 0; i < 1000; i++) {
        tree_Node *n = tree_Node_new(i, NULL, NULL, head);
        slots_decref(head);     /* n holds it now */
        head = n;
    }
    assert_int_equal(tree_Node_get_value(tree_Node_get_next(head)), 998);
    slots_decref(head);
}

static void test_undeclared_attributes_need_a_dict(void **state)
{
    transactions_Point *p = transactions_Point_new(0, 0);
    rec_Settings *s = rec_Settings_new(NULL);
    slots_value v, out;

    (void)state;
    v.kind = SLOTS_INT;
    v.as.i = 5;
    assert_int_equal(slots_setattr(p, "z", &v), SLOTS_ENOATTR);
    assert_true(strlen(slots_strerror(SLOTS_ENOATTR)) > 0);
    assert_int_equal(slots_setattr(s, "extra", &v), SLOTS_OK);
    assert_int_equal(slots_getattr(s, "extra", &out), SLOTS_OK);
    assert_int_equal(out.as.i, 5);
    assert_int_equal(slots_sizeof(p), sizeof(transactions_Point));
    slots_decref(p);
    slots_decref(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accessors_read_what_the_constructor_stored),
        cmocka_unit_test(test_string_setters_copy_and_char_arrays_refuse_overflow),
        cmocka_unit_test(test_constructor_fails_cleanly_on_a_char_array_overflow),
        cmocka_unit_test(test_a_reused_block_starts_zeroed),
        cmocka_unit_test(test_reflection_offsets_are_the_compilers),
        cmocka_unit_test(test_every_slot_and_class_is_found_by_name),
        cmocka_unit_test(test_getattr_and_setattr_by_name),
        cmocka_unit_test(test_subclass_pointer_is_a_base_pointer),
        cmocka_unit_test(test_readonly_and_frozen_slots_refuse_setattr),
        cmocka_unit_test(test_defaults_are_applied_and_described),
        cmocka_unit_test(test_array_setters_copy),
        cmocka_unit_test(test_weak_references_read_null_once_the_target_died),
        cmocka_unit_test(test_strong_references_are_counted_and_released),
        cmocka_unit_test(test_chains_of_strong_references_are_freed),
        cmocka_unit_test(test_undeclared_attributes_need_a_dict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
