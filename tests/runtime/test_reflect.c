/*
** test_reflect.c: slots by name (reflect.c): lookups through the name
** index (home entries, displaced ones, absent names) and the name cache
** in front of it (reused buffers, collisions), every read kind,
** every conversion and range rule of setattr, the error codes (ENOATTR,
** EREADONLY incl. frozen, ETYPE, ENOMEM), and the helpers generated
** setters call.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <limits.h>
#include <math.h>
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
    memset(&v, 0, sizeof v);    /* the bytes a narrow kind leaves alone compare equal */
    assert_int_equal(slots_getattr(obj, name, &v), SLOTS_OK);
    return v;
}

/* ------------------------------------------------------------------ */

static void test_find_slot_finds_own_and_inherited_slots(void **state)
{
    (void)state;
    const char *names[] = { "x", "y", "z", "w" };
    for (size_t i = 0; i < 4; i++) {
        const slots_slot *slot = slots_find_slot(&Point4D_class, names[i]);
        assert_non_null(slot);
        assert_ptr_equal(slot, &Point4D_class.slots[i]);
    }
    assert_ptr_equal(slots_find_slot(&Point4D_class, "x")->owner, &Point_class);
    assert_ptr_equal(slots_find_slot(&Point4D_class, "z")->owner, &Point3D_class);
    for (size_t i = 0; i < All_class.nslots; i++)
        assert_ptr_equal(slots_find_slot(&All_class, All_class.slots[i].name), &All_class.slots[i]);
    assert_null(slots_find_slot(&Point_class, "z"));
    assert_null(slots_find_slot(&Point_class, ""));
    assert_null(slots_find_slot(&Point_class, "xx"));
    assert_null(slots_find_slot(&Empty_class, "x"));
}

/* A name that lands in a slot's cell is still refused: the one strcmp. */
static void test_find_slot_compares_the_name_in_the_cell(void **state)
{
    (void)state;
    uint32_t cell_of_x = slots_name_hash("x", Point_class.hash_seed) & Point_class.hash_mask;
    char name[32];
    bool found = false;
    for (int i = 0; i < 100000 && !found; i++) {
        snprintf(name, sizeof name, "k%d", i);
        found = (slots_name_hash(name, Point_class.hash_seed) & Point_class.hash_mask) == cell_of_x;
    }
    assert_true(found);
    assert_null(slots_find_slot(&Point_class, name));
}

/* A class whose index is built here with collisions: the generator
** avoids them when it can, but a lookup must still work through them. */
typedef struct Crowd {
    slots_object slots_head;
    int32_t a, b, c, d;
} Crowd;

#define CROWD_ROW(member) \
    { #member, NULL, SLOTS_T_INT32, offsetof(Crowd, member), sizeof(int32_t), \
      0, 0, NULL, NULL, NULL, &Crowd_class }

static slots_class Crowd_class;
static const slots_slot Crowd_slots[] = {
    CROWD_ROW(a), CROWD_ROW(b), CROWD_ROW(c), CROWD_ROW(d),
};
static uint16_t Crowd_index[8];
static slots_class Crowd_class = {
    "Crowd", "fix", NULL, NULL, sizeof(Crowd), 0, 0, 0,
    4, Crowd_slots, 0, NULL, 0, 7, Crowd_index, NULL, 0,
};

/* A seed under which every slot of Crowd has home entry 7, the last: the
** four fill entries 7, 0, 1, 2 in slot order, so the probe both walks a
** cluster and wraps around the end of the table. */
static void crowd_index_with_one_home(void)
{
    uint32_t seed = 0;
    bool shared = false;
    for (; seed < (1u << 24) && !shared; seed++) {
        shared = true;
        for (size_t i = 0; i < Crowd_class.nslots && shared; i++)
            shared = (slots_name_hash(Crowd_slots[i].name, seed) & 7u) == 7u;
    }
    assert_true(shared);
    Crowd_class.hash_seed = seed - 1;
    memset(Crowd_index, 0, sizeof Crowd_index);
    for (size_t i = 0; i < Crowd_class.nslots; i++)
        Crowd_index[(7 + i) & 7] = (uint16_t)(i + 1);
}

/* An absent name whose home entry under Crowd's seed is `home`. */
static void crowd_absent_name(uint32_t home, char *name, size_t size)
{
    for (int i = 0; i < 1000000; i++) {
        snprintf(name, size, "k%d", i);
        if ((slots_name_hash(name, Crowd_class.hash_seed) & Crowd_class.hash_mask) == home)
            return;
    }
    fail_msg("no name with home entry %u", (unsigned)home);
}

static void test_find_slot_probes_past_displaced_entries(void **state)
{
    (void)state;
    crowd_index_with_one_home();
    for (size_t i = 0; i < Crowd_class.nslots; i++)
        assert_ptr_equal(slots_find_slot(&Crowd_class, Crowd_slots[i].name), &Crowd_slots[i]);

    char name[32];
    crowd_absent_name(7, name, sizeof name);     /* walks the whole cluster */
    assert_null(slots_find_slot(&Crowd_class, name));
    crowd_absent_name(1, name, sizeof name);     /* starts inside it */
    assert_null(slots_find_slot(&Crowd_class, name));
    crowd_absent_name(4, name, sizeof name);     /* an empty home */
    assert_null(slots_find_slot(&Crowd_class, name));

    Crowd *obj = slots_new(&Crowd_class);
    assert_non_null(obj);
    assert_int_equal(slots_setattr(obj, "d", &(slots_value){ SLOTS_INT, { .i = 42 } }), SLOTS_OK);
    assert_int_equal(obj->d, 42);
    assert_int_equal(get(obj, "d").as.i, 42);
    assert_int_equal(slots_setattr(obj, name, &(slots_value){ SLOTS_INT, { .i = 1 } }), SLOTS_ENOATTR);
    slots_decref(obj);
}

/* A table with no empty entry (only a hand-built one can be so full) must
** not make a lookup of an absent name loop forever. */
static void test_find_slot_ends_in_a_full_table(void **state)
{
    (void)state;
    slots_class full = Crowd_class;
    uint16_t table[4];
    full.hash_mask = 3;
    full.hash_table = table;
    memset(table, 0, sizeof table);
    for (size_t i = 0; i < full.nslots; i++) {
        uint32_t at = slots_name_hash(Crowd_slots[i].name, full.hash_seed) & 3u;
        while (table[at] != 0)
            at = (at + 1) & 3u;
        table[at] = (uint16_t)(i + 1);
    }
    for (size_t i = 0; i < full.nslots; i++)
        assert_ptr_equal(slots_find_slot(&full, Crowd_slots[i].name), &Crowd_slots[i]);
    assert_null(slots_find_slot(&full, "absent"));
}

/* Point4D with a name cache of one entry, in which every name collides. */
static slots_class point4d_with_one_cache_entry(slots_name_cache *entry)
{
    slots_class cls = Point4D_class;
    memset(entry, 0, sizeof *entry);
    cls.name_cache = entry;
    cls.name_cache_mask = 0;
    return cls;
}

/* The cache keys on the pointer, but a caller may rewrite the buffer
** between lookups: the bytes decide, never the pointer alone. */
static void test_name_cache_checks_the_bytes_behind_a_known_pointer(void **state)
{
    (void)state;
    slots_name_cache entry;
    slots_class cls = point4d_with_one_cache_entry(&entry);
    char name[8];

    strcpy(name, "x");
    assert_ptr_equal(slots_find_slot(&cls, name), &cls.slots[0]);
    assert_ptr_equal(entry.name, name);
    strcpy(name, "z");
    assert_ptr_equal(slots_find_slot(&cls, name), &cls.slots[2]);
    assert_ptr_equal(entry.slot, &cls.slots[2]);
    strcpy(name, "q");
    assert_null(slots_find_slot(&cls, name));
    strcpy(name, "x");
    assert_ptr_equal(slots_find_slot(&cls, name), &cls.slots[0]);

    /* the same through getattr and setattr, on the generated-style cache */
    Point4D *p = slots_new(&Point4D_class);
    assert_non_null(p);
    p->w = 4;
    strcpy(name, "w");
    assert_int_equal(get(p, name).as.i, 4);
    strcpy(name, "y");
    assert_int_equal(set(p, name, (slots_value){ SLOTS_INT, { .i = 9 } }), SLOTS_OK);
    assert_int_equal(p->slots_super.slots_super.y, 9);
    assert_int_equal(p->w, 4);
    strcpy(name, "v");
    assert_int_equal(set(p, name, (slots_value){ SLOTS_INT, { .i = 1 } }), SLOTS_ENOATTR);
    slots_decref(p);
}

/* Two names in one entry: each lookup evicts the other and is still
** right; an absent name leaves the entry alone. */
static void test_name_cache_collision_evicts(void **state)
{
    (void)state;
    slots_name_cache entry;
    slots_class cls = point4d_with_one_cache_entry(&entry);
    const char *y = "y", *w = "w";

    for (int round = 0; round < 2; round++) {
        assert_ptr_equal(slots_find_slot(&cls, y), &cls.slots[1]);
        assert_ptr_equal(entry.name, y);
        assert_ptr_equal(entry.slot, &cls.slots[1]);
        assert_ptr_equal(slots_find_slot(&cls, w), &cls.slots[3]);
        assert_ptr_equal(entry.name, w);
        assert_ptr_equal(entry.slot, &cls.slots[3]);
    }
    assert_null(slots_find_slot(&cls, "absent"));
    assert_ptr_equal(entry.name, w);
    assert_ptr_equal(entry.slot, &cls.slots[3]);
}

static void test_find_class_by_name(void **state)
{
    (void)state;
    for (size_t i = 0; i < fix_module.nclasses; i++)
        assert_ptr_equal(slots_find_class(&fix_module, fix_module.classes[i]->name), fix_module.classes[i]);
    assert_null(slots_find_class(&fix_module, "Nope"));
    assert_null(slots_find_class(&fix_module, "point"));
}

static void test_strerror_names_every_code(void **state)
{
    (void)state;
    for (int code = 0; code < SLOTS_ERR_COUNT; code++) {
        assert_non_null(slots_strerror(code));
        assert_true(strlen(slots_strerror(code)) > 0);
        for (int other = 0; other < code; other++)
            assert_string_not_equal(slots_strerror(code), slots_strerror(other));
    }
    assert_string_equal(slots_strerror(SLOTS_ENOATTR), "no such attribute");
    assert_string_equal(slots_strerror(-1), "unknown error");
    assert_string_equal(slots_strerror(SLOTS_ERR_COUNT), "unknown error");
}

/* ------------------------------------------------------------------ */

static void test_getattr_reads_every_type_as_its_kind(void **state)
{
    (void)state;
    All *a = slots_new(&All_class);
    Node *n = slots_new(&Node_class);
    a->b = true; a->c = 'q'; a->i8 = -8; a->i16 = -16; a->i32 = -32; a->i64 = INT64_MIN;
    a->u8 = 8; a->u16 = 16; a->u32 = 32; a->u64 = UINT64_MAX; a->f = 1.5f; a->d = -2.25;
    strcpy(a->code, "EUR");
    a->ref = slots_incref(n);
    assert_int_equal(slots_set_weak(&a->weak, n), SLOTS_OK);

    slots_value v = get(a, "b");
    assert_int_equal(v.kind, SLOTS_BOOL); assert_true(v.as.b);
    v = get(a, "c");
    assert_int_equal(v.kind, SLOTS_INT); assert_int_equal(v.as.i, 'q');
    v = get(a, "i8");  assert_int_equal(v.kind, SLOTS_INT); assert_int_equal(v.as.i, -8);
    v = get(a, "i16"); assert_int_equal(v.kind, SLOTS_INT); assert_int_equal(v.as.i, -16);
    v = get(a, "i32"); assert_int_equal(v.kind, SLOTS_INT); assert_int_equal(v.as.i, -32);
    v = get(a, "i64"); assert_int_equal(v.kind, SLOTS_INT); assert_true(v.as.i == INT64_MIN);
    v = get(a, "u8");  assert_int_equal(v.kind, SLOTS_UINT); assert_int_equal(v.as.u, 8);
    v = get(a, "u16"); assert_int_equal(v.kind, SLOTS_UINT); assert_int_equal(v.as.u, 16);
    v = get(a, "u32"); assert_int_equal(v.kind, SLOTS_UINT); assert_int_equal(v.as.u, 32);
    v = get(a, "u64"); assert_int_equal(v.kind, SLOTS_UINT); assert_true(v.as.u == UINT64_MAX);
    v = get(a, "f");   assert_int_equal(v.kind, SLOTS_DOUBLE); assert_true(v.as.d == 1.5);
    v = get(a, "d");   assert_int_equal(v.kind, SLOTS_DOUBLE); assert_true(v.as.d == -2.25);
    v = get(a, "s");   assert_int_equal(v.kind, SLOTS_NONE);
    v = get(a, "code"); assert_int_equal(v.kind, SLOTS_STR); assert_string_equal(v.as.s, "EUR");
    assert_ptr_equal(v.as.s, a->code);
    v = get(a, "ref"); assert_int_equal(v.kind, SLOTS_OBJ); assert_ptr_equal(v.as.obj, n);
    v = get(a, "weak"); assert_int_equal(v.kind, SLOTS_OBJ); assert_ptr_equal(v.as.obj, n);
    assert_int_equal(slots_getattr(a, "arr", &v), SLOTS_ETYPE);
    assert_int_equal(slots_getattr(a, "missing", &v), SLOTS_ENOATTR);

    assert_int_equal(set(a, "ref", v_none()), SLOTS_OK);
    v = get(a, "ref"); assert_int_equal(v.kind, SLOTS_NONE);
    slots_decref(n);                    /* dies: the weak slot reads None */
    v = get(a, "weak"); assert_int_equal(v.kind, SLOTS_NONE);
    slots_decref(a);
}

static void test_slot_get_and_set_through_the_descriptor(void **state)
{
    (void)state;
    Point *p = slots_new(&Point_class);
    const slots_slot *y = slots_find_slot(&Point_class, "y");
    slots_value v = v_int(-7);
    assert_int_equal(slots_slot_set(p, y, &v, false), SLOTS_OK);
    assert_int_equal(p->y, -7);
    assert_int_equal(slots_slot_get(p, y, &v), SLOTS_OK);
    assert_int_equal(v.as.i, -7);
    slots_decref(p);
}

/* ------------------------------------------------------------------ */

typedef struct range_case {
    const char *slot;
    slots_value value;
    int expected;
} range_case;

static void check_range_cases(const range_case *cases, size_t n)
{
    All *a = slots_new(&All_class);
    for (size_t i = 0; i < n; i++) {
        slots_value before = get(a, cases[i].slot);
        int rc = slots_setattr(a, cases[i].slot, &cases[i].value);
        if (rc != cases[i].expected)
            fail_msg("case %zu (%s): got %d, expected %d", i, cases[i].slot, rc, cases[i].expected);
        slots_value after = get(a, cases[i].slot);
        if (rc != SLOTS_OK) {
            assert_memory_equal(&after.as, &before.as, sizeof after.as);      /* unchanged */
        } else if (cases[i].value.kind == SLOTS_INT && after.kind == SLOTS_INT) {
            assert_true(after.as.i == cases[i].value.as.i);
        } else if (cases[i].value.kind == SLOTS_UINT && after.kind == SLOTS_UINT) {
            assert_true(after.as.u == cases[i].value.as.u);
        } else if (cases[i].value.kind == SLOTS_INT && after.kind == SLOTS_UINT) {
            assert_true(after.as.u == (uint64_t)cases[i].value.as.i);
        } else if (cases[i].value.kind == SLOTS_UINT && after.kind == SLOTS_INT) {
            assert_true((uint64_t)after.as.i == cases[i].value.as.u);
        }
    }
    slots_decref(a);
}

static void test_setattr_signed_range_edges(void **state)
{
    (void)state;
    const range_case cases[] = {
        { "i8", v_int(127), SLOTS_OK }, { "i8", v_int(128), SLOTS_ETYPE },
        { "i8", v_int(-128), SLOTS_OK }, { "i8", v_int(-129), SLOTS_ETYPE },
        { "i8", v_uint(127), SLOTS_OK }, { "i8", v_uint(128), SLOTS_ETYPE },
        { "i16", v_int(32767), SLOTS_OK }, { "i16", v_int(32768), SLOTS_ETYPE },
        { "i16", v_int(-32768), SLOTS_OK }, { "i16", v_int(-32769), SLOTS_ETYPE },
        { "i32", v_int(INT32_MAX), SLOTS_OK }, { "i32", v_int((int64_t)INT32_MAX + 1), SLOTS_ETYPE },
        { "i32", v_int(INT32_MIN), SLOTS_OK }, { "i32", v_int((int64_t)INT32_MIN - 1), SLOTS_ETYPE },
        { "i64", v_int(INT64_MIN), SLOTS_OK }, { "i64", v_int(INT64_MAX), SLOTS_OK },
        { "i64", v_uint(INT64_MAX), SLOTS_OK }, { "i64", v_uint((uint64_t)INT64_MAX + 1), SLOTS_ETYPE },
        { "i64", v_uint(UINT64_MAX), SLOTS_ETYPE },
    };
    check_range_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_setattr_unsigned_range_edges(void **state)
{
    (void)state;
    const range_case cases[] = {
        { "u8", v_uint(255), SLOTS_OK }, { "u8", v_uint(256), SLOTS_ETYPE },
        { "u8", v_int(0), SLOTS_OK }, { "u8", v_int(-1), SLOTS_ETYPE }, { "u8", v_int(255), SLOTS_OK },
        { "u16", v_uint(65535), SLOTS_OK }, { "u16", v_uint(65536), SLOTS_ETYPE },
        { "u16", v_int(-1), SLOTS_ETYPE },
        { "u32", v_uint(UINT32_MAX), SLOTS_OK }, { "u32", v_uint((uint64_t)UINT32_MAX + 1), SLOTS_ETYPE },
        { "u32", v_int(INT64_MIN), SLOTS_ETYPE },
        { "u64", v_uint(UINT64_MAX), SLOTS_OK }, { "u64", v_int(-1), SLOTS_ETYPE },
        { "u64", v_int(INT64_MAX), SLOTS_OK },
    };
    check_range_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_setattr_wrong_kinds_into_numbers(void **state)
{
    (void)state;
    const range_case cases[] = {
        { "i32", v_bool(true), SLOTS_ETYPE }, { "u8", v_bool(false), SLOTS_ETYPE },
        { "i32", v_double(1.0), SLOTS_ETYPE }, { "u64", v_double(0.0), SLOTS_ETYPE },
        { "i32", v_str("1"), SLOTS_ETYPE }, { "i32", v_none(), SLOTS_ETYPE },
        { "b", v_int(1), SLOTS_ETYPE }, { "b", v_str("true"), SLOTS_ETYPE },
        { "b", v_bool(true), SLOTS_OK },
        { "d", v_bool(true), SLOTS_ETYPE }, { "f", v_str("1.0"), SLOTS_ETYPE },
        { "d", v_none(), SLOTS_ETYPE },
    };
    check_range_cases(cases, sizeof cases / sizeof cases[0]);
    All *a = slots_new(&All_class);
    slots_value bad_kind = { (slots_kind)99, { .i = 0 } };
    assert_int_equal(slots_setattr(a, "i32", &bad_kind), SLOTS_ETYPE);
    slots_decref(a);
}

static void test_setattr_exact_integers_into_reals(void **state)
{
    (void)state;
    All *a = slots_new(&All_class);
    const int64_t two53 = INT64_C(1) << 53;
    assert_int_equal(set(a, "d", v_int(two53)), SLOTS_OK);
    assert_true(a->d == 9007199254740992.0);
    assert_int_equal(set(a, "d", v_int(two53 + 1)), SLOTS_ETYPE);
    assert_int_equal(set(a, "d", v_uint((uint64_t)two53 + 1)), SLOTS_ETYPE);
    assert_int_equal(set(a, "d", v_int(-two53 - 1)), SLOTS_ETYPE);
    assert_true(a->d == 9007199254740992.0);
    assert_int_equal(set(a, "d", v_int(INT64_MIN)), SLOTS_OK);      /* -2^63 is exact */
    assert_int_equal(set(a, "d", v_int(INT64_MAX)), SLOTS_ETYPE);
    assert_int_equal(set(a, "d", v_uint(UINT64_MAX)), SLOTS_ETYPE);
    assert_int_equal(set(a, "d", v_uint(UINT64_C(1) << 63)), SLOTS_OK);
    assert_int_equal(set(a, "f", v_int(1 << 24)), SLOTS_OK);
    assert_true(a->f == 16777216.0f);
    assert_int_equal(set(a, "f", v_int((1 << 24) + 1)), SLOTS_ETYPE);
    assert_int_equal(set(a, "f", v_uint((1u << 24) + 1)), SLOTS_ETYPE);
    assert_int_equal(set(a, "f", v_int(-3)), SLOTS_OK);
    assert_true(a->f == -3.0f);
    slots_decref(a);
}

static void test_setattr_doubles_into_float_range(void **state)
{
    (void)state;
    All *a = slots_new(&All_class);
    assert_int_equal(set(a, "f", v_double(FLT_MAX)), SLOTS_OK);
    assert_true(a->f == FLT_MAX);
    assert_int_equal(set(a, "f", v_double(-FLT_MAX)), SLOTS_OK);
    assert_int_equal(set(a, "f", v_double(1e39)), SLOTS_ETYPE);
    assert_int_equal(set(a, "f", v_double(-1e39)), SLOTS_ETYPE);
    assert_int_equal(set(a, "f", v_double(DBL_MAX)), SLOTS_ETYPE);
    assert_true(a->f == -FLT_MAX);
    assert_int_equal(set(a, "f", v_double(INFINITY)), SLOTS_OK);
    assert_true(isinf(a->f));
    assert_int_equal(set(a, "f", v_double(NAN)), SLOTS_OK);
    assert_true(isnan(a->f));
    assert_int_equal(set(a, "f", v_double(0.1)), SLOTS_OK);
    assert_true(get(a, "f").as.d == (double)0.1f);
    assert_int_equal(set(a, "d", v_double(DBL_MAX)), SLOTS_OK);
    assert_true(a->d == DBL_MAX);
    slots_decref(a);
}

static void test_setattr_char_takes_a_code_or_one_byte(void **state)
{
    (void)state;
    All *a = slots_new(&All_class);
    assert_int_equal(set(a, "c", v_int('A')), SLOTS_OK);
    assert_int_equal(a->c, 'A');
    assert_int_equal(set(a, "c", v_str("Z")), SLOTS_OK);
    assert_int_equal(get(a, "c").as.i, 'Z');
    assert_int_equal(set(a, "c", v_uint('b')), SLOTS_OK);
    assert_int_equal(a->c, 'b');
    assert_int_equal(set(a, "c", v_str("ZZ")), SLOTS_ETYPE);
    assert_int_equal(set(a, "c", v_str("")), SLOTS_ETYPE);
    assert_int_equal(set(a, "c", v_int(CHAR_MAX + 1)), SLOTS_ETYPE);
    assert_int_equal(set(a, "c", v_int(CHAR_MIN - 1)), SLOTS_ETYPE);
    assert_int_equal(set(a, "c", v_bool(true)), SLOTS_ETYPE);
    assert_int_equal(a->c, 'b');
    assert_int_equal(set(a, "c", v_int(CHAR_MIN)), SLOTS_OK);
    assert_int_equal(a->c, CHAR_MIN);
    slots_decref(a);
}

static void test_setattr_strings_are_copied(void **state)
{
    (void)state;
    All *a = slots_new(&All_class);
    char text[] = "hello";
    assert_int_equal(set(a, "s", v_str(text)), SLOTS_OK);
    text[0] = 'J';
    assert_string_equal(get(a, "s").as.s, "hello");
    assert_int_equal(set(a, "s", v_str("replaced")), SLOTS_OK);     /* old copy freed */
    assert_string_equal(a->s, "replaced");
    assert_int_equal(set(a, "s", v_str(a->s)), SLOTS_OK);           /* from itself */
    assert_string_equal(a->s, "replaced");
    assert_int_equal(set(a, "s", v_int(1)), SLOTS_ETYPE);
    assert_int_equal(set(a, "s", v_none()), SLOTS_OK);
    assert_null(a->s);
    assert_int_equal(set(a, "s", v_str("again")), SLOTS_OK);
    assert_int_equal(set(a, "s", v_str(NULL)), SLOTS_OK);           /* a NULL string is None */
    assert_null(a->s);
    assert_int_equal(get(a, "s").kind, SLOTS_NONE);
    assert_int_equal(set(a, "s", v_str("freed with the object")), SLOTS_OK);
    slots_decref(a);
}

static void test_setattr_char_array_must_fit(void **state)
{
    (void)state;
    All *a = slots_new(&All_class);
    assert_int_equal(set(a, "code", v_str("abc")), SLOTS_OK);
    assert_string_equal(a->code, "abc");
    assert_int_equal(set(a, "code", v_str("abcd")), SLOTS_ETYPE);   /* N-1 = 3 bytes at most */
    assert_string_equal(a->code, "abc");
    assert_int_equal(set(a, "code", v_str("z")), SLOTS_OK);
    assert_memory_equal(a->code, "z\0\0\0", 4);                      /* tail zeroed */
    assert_int_equal(set(a, "code", v_str("")), SLOTS_OK);
    assert_int_equal(set(a, "code", v_none()), SLOTS_ETYPE);
    assert_int_equal(set(a, "code", v_int(65)), SLOTS_ETYPE);
    assert_int_equal(set(a, "arr", v_int(1)), SLOTS_ETYPE);          /* other arrays: not by name */
    slots_decref(a);
}

static void test_setattr_references_check_the_class(void **state)
{
    (void)state;
    All *a = slots_new(&All_class);
    Node *n = slots_new(&Node_class);
    Point *p = slots_new(&Point_class);
    assert_int_equal(set(a, "ref", v_obj(n)), SLOTS_OK);
    assert_int_equal(slots_refcount(n), 2);
    assert_int_equal(set(a, "ref", v_obj(n)), SLOTS_OK);            /* same again: still one */
    assert_int_equal(slots_refcount(n), 2);
    assert_int_equal(set(a, "ref", v_obj(p)), SLOTS_ETYPE);
    assert_int_equal(set(a, "ref", v_int(0)), SLOTS_ETYPE);
    assert_int_equal(set(a, "ref", v_str("n")), SLOTS_ETYPE);
    assert_ptr_equal(a->ref, n);
    assert_int_equal(slots_refcount(p), 1);
    assert_int_equal(set(a, "ref", v_obj(NULL)), SLOTS_OK);         /* a NULL object is None */
    assert_null(a->ref);
    assert_int_equal(slots_refcount(n), 1);

    assert_int_equal(set(a, "weak", v_obj(n)), SLOTS_OK);
    assert_int_equal(slots_refcount(n), 1);                          /* weak: no reference */
    assert_int_equal(slots_weakref_count(n), 1);
    assert_int_equal(set(a, "weak", v_obj(p)), SLOTS_ETYPE);
    assert_ptr_equal(get(a, "weak").as.obj, n);
    assert_int_equal(set(a, "weak", v_none()), SLOTS_OK);
    assert_int_equal(slots_weakref_count(n), 0);
    assert_int_equal(set(a, "weak", v_obj(n)), SLOTS_OK);
    slots_decref(n);
    assert_int_equal(get(a, "weak").kind, SLOTS_NONE);
    slots_decref(p);
    slots_decref(a);                    /* frees the dead weak slot's node */
}

static void test_readonly_slot_is_set_only_at_init(void **state)
{
    (void)state;
    All *a = slots_new(&All_class);
    const slots_slot *ro = slots_find_slot(&All_class, "ro");
    assert_int_equal(set(a, "ro", v_int(1)), SLOTS_EREADONLY);
    slots_value v = v_int(42);
    assert_int_equal(slots_slot_set(a, ro, &v, false), SLOTS_EREADONLY);
    assert_int_equal(slots_slot_set(a, ro, &v, true), SLOTS_OK);
    assert_int_equal(get(a, "ro").as.i, 42);
    v = v_int(INT64_MAX);               /* init still checks the range */
    assert_int_equal(slots_slot_set(a, ro, &v, true), SLOTS_ETYPE);
    slots_decref(a);
}

static void test_frozen_class_refuses_every_write(void **state)
{
    (void)state;
    Transaction *t = slots_new(&Transaction_class);
    const slots_value init[] = { v_uint(7), v_double(12.5), v_str("EUR"), v_str("2024-01-01") };
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(slots_slot_set(t, &Transaction_class.slots[i], &init[i], true), SLOTS_OK);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(slots_setattr(t, Transaction_class.slots[i].name, &init[i]), SLOTS_EREADONLY);
    assert_int_equal(set(t, "undeclared", v_int(1)), SLOTS_EREADONLY);
    assert_int_equal(get(t, "transaction_id").as.u, 7);
    assert_true(get(t, "amount").as.d == 12.5);
    assert_string_equal(get(t, "currency").as.s, "EUR");
    assert_string_equal(get(t, "timestamp").as.s, "2024-01-01");
    assert_int_equal(slots_delattr(t, "amount"), SLOTS_EREADONLY);
    assert_int_equal(slots_delattr(t, "undeclared"), SLOTS_ENOATTR);
    slots_decref(t);
}

static void test_undeclared_names_without_dict(void **state)
{
    (void)state;
    Point *p = slots_new(&Point_class);
    Empty *e = slots_new(&Empty_class);
    slots_value v;
    assert_int_equal(set(p, "z", v_int(1)), SLOTS_ENOATTR);
    assert_int_equal(slots_getattr(p, "z", &v), SLOTS_ENOATTR);
    assert_int_equal(slots_delattr(p, "z"), SLOTS_ENOATTR);
    assert_int_equal(slots_delattr(p, "x"), SLOTS_EREADONLY);
    assert_int_equal(set(e, "x", v_int(1)), SLOTS_ENOATTR);
    assert_int_equal(slots_getattr(e, "x", &v), SLOTS_ENOATTR);
    assert_int_equal(slots_dict_count(p), 0);
    assert_null(slots_dict_name(p, 0));
    slots_decref(p);
    slots_decref(e);
}

static void test_setattr_reports_allocation_failure(void **state)
{
    (void)state;
    All *a = slots_new(&All_class);
    Node *n = slots_new(&Node_class);
    assert_int_equal(set(a, "s", v_str("kept")), SLOTS_OK);
    slots__fail_after(0);
    assert_int_equal(set(a, "s", v_str("lost")), SLOTS_ENOMEM);
    assert_string_equal(a->s, "kept");
    slots__fail_after(0);
    assert_int_equal(set(a, "weak", v_obj(n)), SLOTS_ENOMEM);
    assert_null(a->weak);
    assert_int_equal(slots_weakref_count(n), 0);
    slots__fail_after(-1);
    slots_decref(n);
    slots_decref(a);
}

static void test_helpers_for_generated_setters(void **state)
{
    (void)state;
    char *field = NULL;
    assert_int_equal(slots_set_string(&field, "one"), SLOTS_OK);
    assert_string_equal(field, "one");
    slots__fail_after(0);
    assert_int_equal(slots_set_string(&field, "two"), SLOTS_ENOMEM);
    slots__fail_after(-1);
    assert_string_equal(field, "one");
    assert_int_equal(slots_set_string(&field, NULL), SLOTS_OK);
    assert_null(field);

    char chars[4] = "xyz";
    assert_int_equal(slots_set_chars(chars, sizeof chars, "toolong"), SLOTS_ETYPE);
    assert_string_equal(chars, "xyz");
    assert_int_equal(slots_set_chars(chars, sizeof chars, "ab"), SLOTS_OK);
    assert_string_equal(chars, "ab");

    slots_weakref *weak = NULL;
    Point *p = slots_new(&Point_class);
    Node *n = slots_new(&Node_class);
    assert_int_equal(slots_set_weak(&weak, p), SLOTS_ENOWEAKREF);
    assert_null(weak);
    assert_int_equal(slots_set_weak(&weak, n), SLOTS_OK);
    assert_ptr_equal(slots_weakref_get(weak), n);
    assert_int_equal(slots_set_weak(&weak, NULL), SLOTS_OK);
    assert_null(weak);
    slots_decref(p);
    slots_decref(n);
}

int main(void)
{
    fixtures_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_slot_finds_own_and_inherited_slots),
        cmocka_unit_test(test_find_slot_compares_the_name_in_the_cell),
        cmocka_unit_test(test_find_slot_probes_past_displaced_entries),
        cmocka_unit_test(test_find_slot_ends_in_a_full_table),
        cmocka_unit_test(test_name_cache_checks_the_bytes_behind_a_known_pointer),
        cmocka_unit_test(test_name_cache_collision_evicts),
        cmocka_unit_test(test_find_class_by_name),
        cmocka_unit_test(test_strerror_names_every_code),
        cmocka_unit_test(test_getattr_reads_every_type_as_its_kind),
        cmocka_unit_test(test_slot_get_and_set_through_the_descriptor),
        cmocka_unit_test(test_setattr_signed_range_edges),
        cmocka_unit_test(test_setattr_unsigned_range_edges),
        cmocka_unit_test(test_setattr_wrong_kinds_into_numbers),
        cmocka_unit_test(test_setattr_exact_integers_into_reals),
        cmocka_unit_test(test_setattr_doubles_into_float_range),
        cmocka_unit_test(test_setattr_char_takes_a_code_or_one_byte),
        cmocka_unit_test(test_setattr_strings_are_copied),
        cmocka_unit_test(test_setattr_char_array_must_fit),
        cmocka_unit_test(test_setattr_references_check_the_class),
        cmocka_unit_test(test_readonly_slot_is_set_only_at_init),
        cmocka_unit_test(test_frozen_class_refuses_every_write),
        cmocka_unit_test(test_undeclared_names_without_dict),
        cmocka_unit_test(test_setattr_reports_allocation_failure),
        cmocka_unit_test(test_helpers_for_generated_setters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
