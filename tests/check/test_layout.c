/*
** test_layout.c: layout_compute agrees with the C compiler.  Each schema
** here has a hand-written C twin, written the way the generator emits
** structs (object header or base first, then weaklist, dict, own slots);
** every offset and size the model holds must equal offsetof/sizeof of
** the twin.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <slots/slots.h>

#include "check.h"
#include "layout.h"
#include "model.h"

static m_program *check_ok(const char *text)
{
    diag *d = diag_new();
    m_program *p = check_string("layout.yaml", text, strlen(text), NULL, d);
    if (diag_lines(d) > 0)
        print_error("unexpected diagnostic: %s\n", diag_line(d, 0));
    assert_non_null(p);
    diag_free(d);
    return p;
}

static const m_slot *slot(const m_class *c, const char *name)
{
    size_t i;
    for (i = 0; i < c->nall; i++)
        if (strcmp(c->all[i]->name, name) == 0)
            return c->all[i];
    fail_msg("no slot %s", name);
    return NULL;
}

#define ASSERT_MEMBER(cls, T, member, path)                                   \
    do {                                                                      \
        assert_int_equal(slot(cls, #member)->offset, offsetof(T, path));     \
        assert_int_equal(slot(cls, #member)->size, sizeof(((T *)0)->path));   \
    } while (0)

/* The write-up's classes. */
struct Point { slots_object head; int32_t x, y; };
struct Transaction {
    slots_object head;
    uint64_t transaction_id;
    double amount;
    char currency[4];
    char *timestamp;
};

static void test_point_and_transaction_match_their_structs(void **state)
{
    m_program *p = check_ok(
        "classes:\n"
        "  Point: {slots: {x: int32, y: int32}}\n"
        "  Transaction:\n"
        "    slots:\n"
        "      transaction_id: uint64\n"
        "      amount: double\n"
        "      currency: char[4]\n"
        "      timestamp: string\n");
    m_class *pt = p->schemas[0]->classes[0], *tx = p->schemas[0]->classes[1];
    (void)state;
    assert_int_equal(pt->size, sizeof(struct Point));
    assert_int_equal(pt->align, _Alignof(struct Point));
    assert_int_equal(pt->own_start, sizeof(slots_object));
    ASSERT_MEMBER(pt, struct Point, x, x);
    ASSERT_MEMBER(pt, struct Point, y, y);
    assert_int_equal(tx->size, sizeof(struct Transaction));
    ASSERT_MEMBER(tx, struct Transaction, transaction_id, transaction_id);
    ASSERT_MEMBER(tx, struct Transaction, amount, amount);
    ASSERT_MEMBER(tx, struct Transaction, currency, currency);
    ASSERT_MEMBER(tx, struct Transaction, timestamp, timestamp);
    assert_int_equal(tx->weaklist_offset, 0);
    m_program_free(p);
}

/* A chain with hidden members, tail padding and small types. */
struct Base { slots_object head; slots_weakref *weaklist; bool flag; int16_t s; };
struct Middle { struct Base super; slots_dict *dict; char tag[5]; };
struct Last { struct Middle super; double d; uint8_t bytes[3]; };

static void test_subclasses_embed_their_base_with_its_padding(void **state)
{
    m_program *p = check_ok(
        "classes:\n"
        "  Last:\n"
        "    base: Middle\n"
        "    slots: {d: double, bytes: \"uint8[3]\"}\n"
        "  Base:\n"
        "    weakref: true\n"
        "    slots: {flag: bool, s: int16}\n"
        "  Middle:\n"
        "    base: Base\n"
        "    dict: true\n"
        "    slots: {tag: \"char[5]\"}\n");
    m_schema *s = p->schemas[0];
    m_class *base = m_schema_find_class(s, "Base"), *mid = m_schema_find_class(s, "Middle"),
            *last = m_schema_find_class(s, "Last");
    (void)state;
    assert_int_equal(base->size, sizeof(struct Base));
    assert_int_equal(base->weaklist_offset, offsetof(struct Base, weaklist));
    ASSERT_MEMBER(base, struct Base, flag, flag);
    ASSERT_MEMBER(base, struct Base, s, s);
    assert_int_equal(mid->size, sizeof(struct Middle));
    assert_int_equal(mid->own_start, sizeof(struct Base));
    assert_int_equal(mid->dict_offset, offsetof(struct Middle, dict));
    assert_int_equal(mid->weaklist_offset, base->weaklist_offset);
    ASSERT_MEMBER(mid, struct Middle, tag, tag);
    assert_int_equal(last->size, sizeof(struct Last));
    assert_int_equal(last->align, _Alignof(struct Last));
    assert_int_equal(last->dict_offset, mid->dict_offset);
    ASSERT_MEMBER(last, struct Last, d, d);
    ASSERT_MEMBER(last, struct Last, bytes, bytes);
    ASSERT_MEMBER(last, struct Last, flag, super.super.flag);
    ASSERT_MEMBER(last, struct Last, tag, super.tag);
    m_program_free(p);
}

/* The printed form of the write-up's Transaction, on an LP64 host. */
static void test_layout_print_shows_padding_and_origins(void **state)
{
    m_program *p = check_ok(
        "module: geo\n"
        "classes:\n"
        "  Point: {slots: {x: int32, y: int32}}\n"
        "  Point3D: {base: Point, slots: {z: int32}}\n");
    char text[1024] = "";
    FILE *f = tmpfile();
    size_t n;
    (void)state;
    if (sizeof(void *) != 8 || sizeof(slots_object) != 16)
        skip();
    assert_non_null(f);
    layout_print(p, f);
    rewind(f);
    n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    assert_string_equal(text,
        "geo_Point (layout.yaml): 24 bytes, align 8\n"
        "  offset  size\n"
        "       0    16  [object header]\n"
        "      16     4  x: int32\n"
        "      20     4  y: int32\n"
        "  total 24 bytes, 0 of padding\n"
        "\n"
        "geo_Point3D (layout.yaml): 32 bytes, align 8\n"
        "  offset  size\n"
        "       0    16  [object header]\n"
        "      16     4  x: int32 (from geo_Point)\n"
        "      20     4  y: int32 (from geo_Point)\n"
        "      24     4  z: int32\n"
        "      28     4  [padding]\n"
        "  total 32 bytes, 4 of padding\n");
    m_program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_point_and_transaction_match_their_structs),
        cmocka_unit_test(test_subclasses_embed_their_base_with_its_padding),
        cmocka_unit_test(test_layout_print_shows_padding_and_origins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
