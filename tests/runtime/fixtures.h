/*
** fixtures.h: classes written by hand the way slotgen generates them
** (structs with the header or base first, slots_slot rows filled by
** offsetof/sizeof, release lists, perfect-hash name indexes), so that the
** runtime is tested on its own, without the generator.
**
** The schema they stand for:
**   Point {x: int32, y: int32}
**   Point3D {base: Point, z: int32}    Point4D {base: Point3D, w: int32}
**   Empty {}                            (no slots at all)
**   Node {weakref, dict, value: int64, next: Node, parent: Node weak, name: string}
**   All {one slot of every type, incl. char[4], int32[3], a readonly int32}
**   Transaction {frozen, weakref, transaction_id: uint64, amount: double,
**                currency: char[4], timestamp: string}
**   module "fix" with all of them.
*/
#ifndef FIXTURES_H
#define FIXTURES_H

#include <slots/slots.h>

typedef struct Point {
    slots_object slots_head;
    int32_t x;
    int32_t y;
} Point;

typedef struct Point3D {
    Point slots_super;
    int32_t z;
} Point3D;

typedef struct Point4D {
    Point3D slots_super;
    int32_t w;
} Point4D;

typedef struct Empty {
    slots_object slots_head;
} Empty;

typedef struct Node Node;
struct Node {
    slots_object slots_head;
    slots_weakref *slots_weaklist;
    slots_dict *slots_dict;
    int64_t value;
    Node *next;
    slots_weakref *parent;
    char *name;
};

typedef struct All {
    slots_object slots_head;
    bool b;
    char c;
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    float f;
    double d;
    char *s;
    char code[4];
    int32_t arr[3];
    Node *ref;
    slots_weakref *weak;
    int32_t ro;
} All;

typedef struct Transaction {
    slots_object slots_head;
    slots_weakref *slots_weaklist;
    uint64_t transaction_id;
    double amount;
    char currency[4];
    char *timestamp;
} Transaction;

/* Not const, unlike generated descriptors: fixtures_init() fills in the
** hash seeds and masks it searches for. */
extern slots_class Point_class, Point3D_class, Point4D_class, Empty_class,
    Node_class, All_class, Transaction_class;
extern slots_module fix_module;

/* Compute every name index; call once before any test. */
void fixtures_init(void);

/* slots_value constructors, for readable tests. */
slots_value v_none(void);
slots_value v_bool(bool b);
slots_value v_int(int64_t i);
slots_value v_uint(uint64_t u);
slots_value v_double(double d);
slots_value v_str(const char *s);
slots_value v_obj(void *obj);

#endif
