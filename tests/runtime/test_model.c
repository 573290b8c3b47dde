/*
** test_model.c: a model-based random test of the whole runtime.
**
** 200,000 random operations (new, incref, decref, slot and dynamic
** attribute writes and reads, weak references new/get/free, weak slots)
** run against the library and against a plain model of what must hold:
** every live object's reference count, every slot and attribute value,
** which objects are alive, what every weak reference reads.  After each
** step every live object's count is compared with the model.  Strong
** references only point from younger to older objects, so the graph has
** no cycles and everything is freed at the end (the sanitizer build
** checks that nothing leaks).
**
** The seed is fixed (SLOTS_TEST_SEED overrides it) and printed with the
** step number on failure.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

#define STEPS 200000L
#define POOL 48
#define NATTRS 4
#define NWEAK 64
#define TEXT 24

typedef struct model_attr {
    bool present;
    slots_value value;          /* as.s points at text, as.obj is the real object */
    char text[TEXT];
    int obj;                    /* pool index for SLOTS_OBJ */
} model_attr;

typedef struct model_obj {
    Node *real;
    bool alive;
    uint64_t serial;            /* creation order: strong references go to smaller */
    uint32_t refcnt;            /* expected: ext + references from other objects */
    uint32_t ext;               /* references the test holds */
    int64_t value;
    int next;                   /* pool index, or -1 */
    bool has_name;
    char name[TEXT];
    int parent;                 /* weak slot: pool index and serial, or -1 */
    uint64_t parent_serial;
    model_attr attrs[NATTRS];
} model_obj;

typedef struct model_weak {
    slots_weakref *wr;          /* NULL: unused */
    int target;
    uint64_t serial;
} model_weak;

static struct {
    uint64_t seed;
    long step;
    uint64_t rng;
    uint64_t serials;
    model_obj objs[POOL];
    model_weak weak[NWEAK];
    Point *stranger;            /* an object of the wrong class for `next` */
} m;

#define CHECK(cond) \
    do { \
        if (!(cond)) \
            fail_msg("seed %" PRIu64 ", step %ld: %s", m.seed, m.step, #cond); \
    } while (0)

static const char *const attr_names[NATTRS] = { "d0", "d1", "d2", "d3" };

/* xorshift64*: small, deterministic, good enough to pick operations. */
static uint64_t next_random(void)
{
    m.rng ^= m.rng >> 12;
    m.rng ^= m.rng << 25;
    m.rng ^= m.rng >> 27;
    return m.rng * UINT64_C(2685821657736338717);
}

static unsigned below(unsigned n)
{
    return (unsigned)(next_random() % n);
}

/* A random live object, or -1; with `older_than`, only older ones. */
static int pick_alive(uint64_t older_than)
{
    int start = (int)below(POOL);
    for (int k = 0; k < POOL; k++) {
        int i = (start + k) % POOL;
        if (m.objs[i].alive && m.objs[i].serial < older_than)
            return i;
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* The model's own reference counting                                  */
/* ------------------------------------------------------------------ */

static void model_release(int i);

static void model_decref(int i)
{
    CHECK(m.objs[i].alive && m.objs[i].refcnt > 0);
    if (--m.objs[i].refcnt == 0)
        model_release(i);
}

static void model_release(int i)
{
    model_obj *o = &m.objs[i];
    o->alive = false;
    if (o->next >= 0)
        model_decref(o->next);
    o->next = -1;
    for (int a = 0; a < NATTRS; a++) {
        if (o->attrs[a].present && o->attrs[a].value.kind == SLOTS_OBJ)
            model_decref(o->attrs[a].obj);
        o->attrs[a].present = false;
    }
}

static void *expected_weak_target(int target, uint64_t serial)
{
    if (target < 0 || !m.objs[target].alive || m.objs[target].serial != serial)
        return NULL;
    return m.objs[target].real;
}

/* ------------------------------------------------------------------ */
/* Operations: each does one thing to both and checks the result       */
/* ------------------------------------------------------------------ */

static void op_new(void)
{
    for (int i = 0; i < POOL; i++) {
        if (m.objs[i].alive)
            continue;
        Node *n = slots_new(&Node_class);
        CHECK(n != NULL);
        model_obj fresh = { .real = n, .alive = true, .serial = ++m.serials, .refcnt = 1, .ext = 1,
                            .next = -1, .parent = -1 };
        m.objs[i] = fresh;
        return;
    }
}

static void op_incref(int i)
{
    CHECK(slots_incref(m.objs[i].real) == m.objs[i].real);
    m.objs[i].ext++;
    m.objs[i].refcnt++;
}

static void op_decref(int i)
{
    if (m.objs[i].ext == 0)
        return;
    m.objs[i].ext--;
    slots_decref(m.objs[i].real);
    model_decref(i);
}

static void op_value(int i, bool write)
{
    slots_value v;
    if (write) {
        int64_t x = (int64_t)next_random();
        v = v_int(x);
        CHECK(slots_setattr(m.objs[i].real, "value", &v) == SLOTS_OK);
        m.objs[i].value = x;
    }
    CHECK(slots_getattr(m.objs[i].real, "value", &v) == SLOTS_OK);
    CHECK(v.kind == SLOTS_INT && v.as.i == m.objs[i].value);
}

static void op_name(int i, bool write)
{
    model_obj *o = &m.objs[i];
    slots_value v;
    if (write) {
        o->has_name = below(4) != 0;
        snprintf(o->name, TEXT, "n%u", below(100000));
        v = o->has_name ? v_str(o->name) : v_none();
        CHECK(slots_setattr(o->real, "name", &v) == SLOTS_OK);
    }
    CHECK(slots_getattr(o->real, "name", &v) == SLOTS_OK);
    if (o->has_name)
        CHECK(v.kind == SLOTS_STR && strcmp(v.as.s, o->name) == 0 && v.as.s != o->name);
    else
        CHECK(v.kind == SLOTS_NONE);
}

static void op_next(int i, bool write)
{
    model_obj *o = &m.objs[i];
    slots_value v;
    if (write && below(10) == 0) {          /* wrong class: refused, nothing changes */
        v = v_obj(m.stranger);
        CHECK(slots_setattr(o->real, "next", &v) == SLOTS_ETYPE);
    } else if (write) {
        int target = below(4) != 0 ? pick_alive(o->serial) : -1;
        v = target >= 0 ? v_obj(m.objs[target].real) : v_none();
        CHECK(slots_setattr(o->real, "next", &v) == SLOTS_OK);
        if (target >= 0)
            m.objs[target].refcnt++;
        int old = o->next;
        o->next = target;
        if (old >= 0)
            model_decref(old);
    }
    CHECK(slots_getattr(o->real, "next", &v) == SLOTS_OK);
    if (o->next >= 0)
        CHECK(v.kind == SLOTS_OBJ && v.as.obj == m.objs[o->next].real);
    else
        CHECK(v.kind == SLOTS_NONE);
}

static void op_parent(int i, bool write)
{
    model_obj *o = &m.objs[i];
    slots_value v;
    if (write) {
        int target = below(4) != 0 ? pick_alive(UINT64_MAX) : -1;
        v = target >= 0 ? v_obj(m.objs[target].real) : v_none();
        CHECK(slots_setattr(o->real, "parent", &v) == SLOTS_OK);
        o->parent = target;
        o->parent_serial = target >= 0 ? m.objs[target].serial : 0;
    }
    CHECK(slots_getattr(o->real, "parent", &v) == SLOTS_OK);
    void *expected = expected_weak_target(o->parent, o->parent_serial);
    if (expected != NULL)
        CHECK(v.kind == SLOTS_OBJ && v.as.obj == expected);
    else
        CHECK(v.kind == SLOTS_NONE);
}

/* A random value of a random kind for a dynamic attribute of object i. */
static void random_attr(int i, model_attr *attr)
{
    memset(attr, 0, sizeof *attr);
    attr->present = true;
    attr->obj = -1;
    switch (below(7)) {
    case 0: attr->value = v_none(); break;
    case 1: attr->value = v_bool(below(2) != 0); break;
    case 2: attr->value = v_int((int64_t)next_random()); break;
    case 3: attr->value = v_uint(next_random()); break;
    case 4: attr->value = v_double((double)below(1000) / 8.0); break;
    case 5:
        snprintf(attr->text, TEXT, "s%u", below(100000));
        attr->value = v_str(attr->text);
        break;
    default:
        attr->obj = pick_alive(m.objs[i].serial);
        attr->value = attr->obj >= 0 ? v_obj(m.objs[attr->obj].real) : v_none();
        break;
    }
}

static void check_attr(int i, int a)
{
    const model_attr *expected = &m.objs[i].attrs[a];
    slots_value v;
    int rc = slots_getattr(m.objs[i].real, attr_names[a], &v);
    if (!expected->present) {
        CHECK(rc == SLOTS_ENOATTR);
        return;
    }
    CHECK(rc == SLOTS_OK && v.kind == expected->value.kind);
    switch (v.kind) {
    case SLOTS_BOOL:   CHECK(v.as.b == expected->value.as.b); break;
    case SLOTS_INT:    CHECK(v.as.i == expected->value.as.i); break;
    case SLOTS_UINT:   CHECK(v.as.u == expected->value.as.u); break;
    case SLOTS_DOUBLE: CHECK(v.as.d == expected->value.as.d); break;
    case SLOTS_STR:    CHECK(strcmp(v.as.s, expected->text) == 0 && v.as.s != expected->text); break;
    case SLOTS_OBJ:    CHECK(v.as.obj == expected->value.as.obj); break;
    default:           break;
    }
}

static void op_attr(int i, bool write)
{
    int a = (int)below(NATTRS);
    model_attr *attr = &m.objs[i].attrs[a];
    if (write) {
        model_attr fresh;
        random_attr(i, &fresh);
        CHECK(slots_setattr(m.objs[i].real, attr_names[a], &fresh.value) == SLOTS_OK);
        if (fresh.obj >= 0)
            m.objs[fresh.obj].refcnt++;
        model_attr old = *attr;
        *attr = fresh;
        if (attr->value.kind == SLOTS_STR)
            attr->value.as.s = attr->text;
        if (old.present && old.value.kind == SLOTS_OBJ)
            model_decref(old.obj);
    }
    check_attr(i, a);
}

static void op_delattr(int i)
{
    int a = (int)below(NATTRS);
    model_attr *attr = &m.objs[i].attrs[a];
    int rc = slots_delattr(m.objs[i].real, attr_names[a]);
    CHECK(rc == (attr->present ? SLOTS_OK : SLOTS_ENOATTR));
    if (attr->present) {
        attr->present = false;
        if (attr->value.kind == SLOTS_OBJ)
            model_decref(attr->obj);
    }
    check_attr(i, a);
}

static void op_weak_new(int i)
{
    for (int w = 0; w < NWEAK; w++) {
        if (m.weak[w].wr != NULL)
            continue;
        m.weak[w].wr = slots_weakref_new(m.objs[i].real);
        CHECK(m.weak[w].wr != NULL);
        m.weak[w].target = i;
        m.weak[w].serial = m.objs[i].serial;
        return;
    }
}

static void op_weak_get_or_free(bool free_it)
{
    model_weak *w = &m.weak[below(NWEAK)];
    if (w->wr == NULL)
        return;
    CHECK(slots_weakref_get(w->wr) == expected_weak_target(w->target, w->serial));
    if (free_it) {
        slots_weakref_free(w->wr);
        w->wr = NULL;
    }
}

static void check_refcounts(void)
{
    for (int i = 0; i < POOL; i++) {
        if (m.objs[i].alive)
            CHECK(slots_refcount(m.objs[i].real) == m.objs[i].refcnt);
    }
}

static void random_step(void)
{
    unsigned op = below(20);
    int i = pick_alive(UINT64_MAX);
    if (op < 2 || i < 0) {
        op_new();
        return;
    }
    switch (op) {
    case 2:  op_incref(i); break;
    case 3: case 4: op_decref(i); break;
    case 5:  op_value(i, true); break;
    case 6:  op_value(i, false); break;
    case 7:  op_name(i, true); break;
    case 8:  op_name(i, false); break;
    case 9:  op_next(i, true); break;
    case 10: op_next(i, false); break;
    case 11: op_parent(i, true); break;
    case 12: op_parent(i, false); break;
    case 13: case 14: op_attr(i, true); break;
    case 15: op_attr(i, false); break;
    case 16: op_delattr(i); break;
    case 17: op_weak_new(i); break;
    case 18: op_weak_get_or_free(false); break;
    default: op_weak_get_or_free(true); break;
    }
}

/* Drop every reference the test holds: then nothing may be left alive,
** and every weak reference must read NULL. */
static void tear_down(void)
{
    for (int i = 0; i < POOL; i++) {
        while (m.objs[i].alive && m.objs[i].ext > 0)
            op_decref(i);
    }
    for (int i = 0; i < POOL; i++)
        CHECK(!m.objs[i].alive);
    for (int w = 0; w < NWEAK; w++) {
        if (m.weak[w].wr == NULL)
            continue;
        CHECK(slots_weakref_get(m.weak[w].wr) == NULL);
        slots_weakref_free(m.weak[w].wr);
        m.weak[w].wr = NULL;
    }
}

static void test_random_operations_match_the_model(void **state)
{
    (void)state;
    const char *seed_text = getenv("SLOTS_TEST_SEED");
    m.seed = seed_text != NULL ? strtoull(seed_text, NULL, 10) : UINT64_C(20261125);
    m.rng = m.seed * 2 + 1;         /* xorshift needs a non-zero state */
    m.stranger = slots_new(&Point_class);
    for (m.step = 0; m.step < STEPS; m.step++) {
        random_step();
        check_refcounts();
    }
    tear_down();
    slots_decref(m.stranger);
}

int main(void)
{
    fixtures_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_operations_match_the_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
