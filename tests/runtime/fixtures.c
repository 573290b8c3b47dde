/*
** fixtures.c: the hand-written descriptors of fixtures.h, and their name
** indexes, built at start-up with the same slots_name_hash.  They are
** perfect (every name at its home entry): the case the generator aims for
** and the runtime's one-probe path; test_reflect.c covers displaced ones.
*/
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One slot row, as the generator writes it: offset and size by the C
** compiler, owner the declaring class. */
#define ROW(S, member, type, length, flags, ref, owner) \
    { #member, NULL, type, offsetof(S, member), sizeof(((S *)0)->member), \
      length, flags, ref, NULL, NULL, owner }

#define INDEX_CELLS 64
static uint16_t Point_index[INDEX_CELLS], Point3D_index[INDEX_CELLS],
    Point4D_index[INDEX_CELLS], Node_index[INDEX_CELLS], All_index[INDEX_CELLS],
    Transaction_index[INDEX_CELLS], module_index[INDEX_CELLS];

/* Name caches sized as the generator sizes them (a power of two >= the
** slots, at least 4); Empty has none, as a class without slots. */
static slots_name_cache Point_cache[4], Point3D_cache[4], Point4D_cache[4],
    Node_cache[4], All_cache[32], Transaction_cache[4];

static const slots_slot Point_slots[] = {
    ROW(Point, x, SLOTS_T_INT32, 0, 0, NULL, &Point_class),
    ROW(Point, y, SLOTS_T_INT32, 0, 0, NULL, &Point_class),
};
slots_class Point_class = {
    "Point", "fix", "A 2-D point.", NULL, sizeof(Point), 0, 0, 0,
    2, Point_slots, 0, NULL, 0, 0, Point_index, Point_cache, 3,
};

static const slots_slot Point3D_slots[] = {
    ROW(Point, x, SLOTS_T_INT32, 0, 0, NULL, &Point_class),
    ROW(Point, y, SLOTS_T_INT32, 0, 0, NULL, &Point_class),
    ROW(Point3D, z, SLOTS_T_INT32, 0, 0, NULL, &Point3D_class),
};
slots_class Point3D_class = {
    "Point3D", "fix", NULL, &Point_class, sizeof(Point3D), 0, 0, 0,
    3, Point3D_slots, 0, NULL, 0, 0, Point3D_index, Point3D_cache, 3,
};

static const slots_slot Point4D_slots[] = {
    ROW(Point, x, SLOTS_T_INT32, 0, 0, NULL, &Point_class),
    ROW(Point, y, SLOTS_T_INT32, 0, 0, NULL, &Point_class),
    ROW(Point3D, z, SLOTS_T_INT32, 0, 0, NULL, &Point3D_class),
    ROW(Point4D, w, SLOTS_T_INT32, 0, 0, NULL, &Point4D_class),
};
slots_class Point4D_class = {
    "Point4D", "fix", NULL, &Point3D_class, sizeof(Point4D), 0, 0, 0,
    4, Point4D_slots, 0, NULL, 0, 0, Point4D_index, Point4D_cache, 3,
};

/* A class without slots: no table at all. */
slots_class Empty_class = {
    "Empty", "fix", NULL, NULL, sizeof(Empty), 0, 0, 0,
    0, NULL, 0, NULL, 0, 0, NULL, NULL, 0,
};

static const slots_slot Node_slots[] = {
    ROW(Node, value, SLOTS_T_INT64, 0, 0, NULL, &Node_class),
    ROW(Node, next, SLOTS_T_REF, 0, 0, &Node_class, &Node_class),
    ROW(Node, parent, SLOTS_T_WEAKREF, 0, 0, &Node_class, &Node_class),
    ROW(Node, name, SLOTS_T_STRING, 0, 0, NULL, &Node_class),
};
static const uint16_t Node_release[] = { 1, 2, 3 };
slots_class Node_class = {
    "Node", "fix", NULL, NULL, sizeof(Node), SLOTS_CLASS_WEAKREF | SLOTS_CLASS_DICT,
    offsetof(Node, slots_weaklist), offsetof(Node, slots_dict),
    4, Node_slots, 3, Node_release, 0, 0, Node_index, Node_cache, 3,
};

static const slots_slot All_slots[] = {
    ROW(All, b, SLOTS_T_BOOL, 0, 0, NULL, &All_class),
    ROW(All, c, SLOTS_T_CHAR, 0, 0, NULL, &All_class),
    ROW(All, i8, SLOTS_T_INT8, 0, 0, NULL, &All_class),
    ROW(All, i16, SLOTS_T_INT16, 0, 0, NULL, &All_class),
    ROW(All, i32, SLOTS_T_INT32, 0, 0, NULL, &All_class),
    ROW(All, i64, SLOTS_T_INT64, 0, 0, NULL, &All_class),
    ROW(All, u8, SLOTS_T_UINT8, 0, 0, NULL, &All_class),
    ROW(All, u16, SLOTS_T_UINT16, 0, 0, NULL, &All_class),
    ROW(All, u32, SLOTS_T_UINT32, 0, 0, NULL, &All_class),
    ROW(All, u64, SLOTS_T_UINT64, 0, 0, NULL, &All_class),
    ROW(All, f, SLOTS_T_FLOAT, 0, 0, NULL, &All_class),
    ROW(All, d, SLOTS_T_DOUBLE, 0, 0, NULL, &All_class),
    ROW(All, s, SLOTS_T_STRING, 0, 0, NULL, &All_class),
    ROW(All, code, SLOTS_T_CHAR, 4, SLOTS_SLOT_ARRAY, NULL, &All_class),
    ROW(All, arr, SLOTS_T_INT32, 3, SLOTS_SLOT_ARRAY, NULL, &All_class),
    ROW(All, ref, SLOTS_T_REF, 0, 0, &Node_class, &All_class),
    ROW(All, weak, SLOTS_T_WEAKREF, 0, 0, &Node_class, &All_class),
    ROW(All, ro, SLOTS_T_INT32, 0, SLOTS_SLOT_READONLY, NULL, &All_class),
};
static const uint16_t All_release[] = { 12, 15, 16 };
slots_class All_class = {
    "All", "fix", NULL, NULL, sizeof(All), 0, 0, 0,
    sizeof All_slots / sizeof All_slots[0], All_slots, 3, All_release, 0, 0, All_index, All_cache, 31,
};

static const slots_slot Transaction_slots[] = {
    ROW(Transaction, transaction_id, SLOTS_T_UINT64, 0, SLOTS_SLOT_READONLY, NULL, &Transaction_class),
    ROW(Transaction, amount, SLOTS_T_DOUBLE, 0, SLOTS_SLOT_READONLY, NULL, &Transaction_class),
    ROW(Transaction, currency, SLOTS_T_CHAR, 4, SLOTS_SLOT_READONLY | SLOTS_SLOT_ARRAY, NULL, &Transaction_class),
    ROW(Transaction, timestamp, SLOTS_T_STRING, 0, SLOTS_SLOT_READONLY, NULL, &Transaction_class),
};
static const uint16_t Transaction_release[] = { 3 };
slots_class Transaction_class = {
    "Transaction", "fix", NULL, NULL, sizeof(Transaction), SLOTS_CLASS_WEAKREF | SLOTS_CLASS_FROZEN,
    offsetof(Transaction, slots_weaklist), 0,
    4, Transaction_slots, 1, Transaction_release, 0, 0, Transaction_index, Transaction_cache, 3,
};

static const slots_class *const fix_classes[] = {
    &Point_class, &Point3D_class, &Point4D_class, &Empty_class,
    &Node_class, &All_class, &Transaction_class,
};
slots_module fix_module = {
    "fix", NULL, sizeof fix_classes / sizeof fix_classes[0], fix_classes, 0, 0, module_index,
};

/* Place every name in table[] (index + 1) with no two in one cell: try
** seeds until one works, as the generator does for small classes.  The table is twice the
** next power of two, so a seed is found after a few tries. */
static void perfect_hash(const char *const *names, size_t n, uint16_t *table,
                         uint32_t *seed, uint32_t *mask)
{
    size_t cells = 1;
    while (cells < 2 * n)
        cells *= 2;
    if (cells > INDEX_CELLS) {
        fprintf(stderr, "fixtures: %zu names do not fit the index\n", n);
        abort();
    }
    for (uint32_t s = 0; s < 1000000; s++) {
        bool ok = true;
        memset(table, 0, INDEX_CELLS * sizeof table[0]);
        for (size_t i = 0; i < n && ok; i++) {
            uint32_t cell = slots_name_hash(names[i], s) & (uint32_t)(cells - 1);
            ok = table[cell] == 0;
            table[cell] = (uint16_t)(i + 1);
        }
        if (ok) {
            *seed = s;
            *mask = (uint32_t)(cells - 1);
            return;
        }
    }
    fprintf(stderr, "fixtures: no perfect-hash seed\n");
    abort();
}

static void index_class(slots_class *cls)
{
    const char *names[INDEX_CELLS];
    for (size_t i = 0; i < cls->nslots; i++)
        names[i] = cls->slots[i].name;
    perfect_hash(names, cls->nslots, (uint16_t *)(uintptr_t)cls->hash_table,
                 &cls->hash_seed, &cls->hash_mask);
}

void fixtures_init(void)
{
    slots_class *indexed[] = {
        &Point_class, &Point3D_class, &Point4D_class, &Node_class, &All_class, &Transaction_class,
    };
    for (size_t i = 0; i < sizeof indexed / sizeof indexed[0]; i++)
        index_class(indexed[i]);
    const char *names[INDEX_CELLS];
    for (size_t i = 0; i < fix_module.nclasses; i++)
        names[i] = fix_module.classes[i]->name;
    perfect_hash(names, fix_module.nclasses, module_index, &fix_module.hash_seed, &fix_module.hash_mask);
}

slots_value v_none(void)
{
    slots_value v = { SLOTS_NONE, { .obj = NULL } };
    return v;
}

slots_value v_bool(bool b)
{
    slots_value v = { SLOTS_BOOL, { .b = b } };
    return v;
}

slots_value v_int(int64_t i)
{
    slots_value v = { SLOTS_INT, { .i = i } };
    return v;
}

slots_value v_uint(uint64_t u)
{
    slots_value v = { SLOTS_UINT, { .u = u } };
    return v;
}

slots_value v_double(double d)
{
    slots_value v = { SLOTS_DOUBLE, { .d = d } };
    return v;
}

slots_value v_str(const char *s)
{
    slots_value v = { SLOTS_STR, { .s = s } };
    return v;
}

slots_value v_obj(void *obj)
{
    slots_value v = { SLOTS_OBJ, { .obj = obj } };
    return v;
}
