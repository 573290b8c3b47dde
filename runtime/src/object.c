/*
** object.c: the life of an instance: creation, reference counting, and
** destruction; and the questions about its class (class_of, isinstance,
** sizeof).
**
** Destruction never recurses.  When a count reaches zero the object is
** pushed on a stack (slots__graveyard) linked through its own header,
** then a loop pops objects one at a time, clears their weak references,
** releases their strings, references and dynamic attributes (references
** whose count reaches zero are pushed in turn) and frees their memory.
** The C stack stays flat however long a chain of strong references is.
*/
#include "internal.h"

/* A dead object's count and flags words hold the graveyard link. */
#define SLOTS_LINK_OFFSET offsetof(slots_object, refcnt)
_Static_assert(sizeof(slots_object) - offsetof(slots_object, refcnt) >= sizeof(slots_object *),
               "the object header must hold a pointer after its class");

static void graveyard_push(slots__graveyard *dead, slots_object *obj)
{
    memcpy(slots__at(obj, SLOTS_LINK_OFFSET), &dead->top, sizeof dead->top);
    dead->top = obj;
}

static slots_object *graveyard_pop(slots__graveyard *dead)
{
    slots_object *obj = dead->top;
    if (obj != NULL)
        memcpy(&dead->top, slots__at(obj, SLOTS_LINK_OFFSET), sizeof dead->top);
    return obj;
}

/* The header of a new object in `block` (NULL passes through). */
static inline void *init_header(slots_object *block, const slots_class *cls)
{
    if (SLOTS_UNLIKELY(block == NULL))
        return NULL;
    block->cls = cls;
    block->refcnt = 1;
    block->flags = 0;
    return block;
}

void *slots_new(const slots_class *cls)
{
    return init_header(slots__alloc_inline(cls->size), cls);
}

void *slots_new_uninit(const slots_class *cls)
{
    return init_header(slots__alloc_uninit_inline(cls->size), cls);
}

void *slots_incref(void *obj)
{
    if (obj != NULL)
        ((slots_object *)obj)->refcnt++;
    return obj;
}

uint32_t slots_refcount(const void *obj)
{
    return ((const slots_object *)obj)->refcnt;
}

/* Free what the object owns through its release[] slots. */
static void release_slots(slots_object *obj, slots__graveyard *dead)
{
    const slots_class *cls = obj->cls;
    for (size_t i = 0; i < cls->nrelease; i++) {
        const slots_slot *slot = &cls->slots[cls->release[i]];
        void *field = slots__at(obj, slot->offset);
        switch (slot->type) {
        case SLOTS_T_STRING:
            free(*(char **)field);
            break;
        case SLOTS_T_REF:
            slots__drop(*(void **)field, dead);
            break;
        case SLOTS_T_WEAKREF:
            slots_weakref_free(*(slots_weakref **)field);
            break;
        default:
            break;     /* scalars own nothing; the generator never lists them */
        }
    }
}

/* Weak references first, so that nothing can reach a half-released object. */
static void destroy_one(slots_object *obj, slots__graveyard *dead)
{
    const slots_class *cls = obj->cls;
    if (cls->weaklist_offset != 0)
        slots__weakrefs_clear(obj);
    release_slots(obj, dead);
    if (cls->dict_offset != 0) {
        slots_dict *dict = *(slots_dict **)slots__at(obj, cls->dict_offset);
        if (dict != NULL)
            slots__dict_free(dict, dead);
    }
    slots__free_inline(obj, cls->size);
}

/* Kept out of slots_decref: see SLOTS_NOINLINE. */
static SLOTS_NOINLINE void destroy(slots_object *obj)
{
    slots__graveyard dead = { NULL };
    graveyard_push(&dead, obj);
    while ((obj = graveyard_pop(&dead)) != NULL)
        destroy_one(obj, &dead);
}

void slots__drop(void *obj, slots__graveyard *dead)
{
    slots_object *o = obj;
    if (o != NULL && --o->refcnt == 0)
        graveyard_push(dead, o);
}

/* Free the strings obj owns, up to the first release slot that is not a
** string (a reference needs the graveyard).  Each freed field is set to
** NULL, so that destroy() can finish the job without freeing twice.
** True when every release slot was a string. */
static bool release_strings(slots_object *obj, const slots_class *cls)
{
    for (size_t i = 0; i < cls->nrelease; i++) {
        const slots_slot *slot = &cls->slots[cls->release[i]];
        if (slot->type != SLOTS_T_STRING)
            return false;
        char **field = slots__at(obj, slot->offset);
        free(*field);
        *field = NULL;
    }
    return true;
}

void slots_decref(void *obj)
{
    slots_object *o = obj;
    if (o == NULL || --o->refcnt != 0)
        return;
    const slots_class *cls = o->cls;
    /* The common cases (Point: nothing owned; Transaction: strings only;
    ** neither weak list nor dict) free at once, without the graveyard:
    ** releasing a string cannot make another object die. */
    if (SLOTS_LIKELY((cls->weaklist_offset | cls->dict_offset) == 0) && release_strings(o, cls))
        slots__free_inline(o, cls->size);
    else
        destroy(o);
}

const slots_class *slots_class_of(const void *obj)
{
    return ((const slots_object *)obj)->cls;
}

bool slots_isinstance(const void *obj, const slots_class *cls)
{
    if (obj == NULL)
        return false;
    for (const slots_class *c = slots__class(obj); c != NULL; c = c->base) {
        if (c == cls)
            return true;
    }
    return false;
}

size_t slots_sizeof(const void *obj)
{
    return slots__class(obj)->size;
}
