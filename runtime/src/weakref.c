/*
** weakref.c: zeroing weak references.
**
** Every object whose class has weakref carries a list head at
** cls->weaklist_offset (CPython's tp_weaklistoffset); each slots_weakref is
** a node of a doubly linked list hanging there.  Creating and freeing a
** reference is O(1) (push, unlink); when the object dies, one walk over
** its list makes every node read NULL, O(k) for k references.  A node
** outlives its object: it is its owner's to free, dead or alive.
*/
#include "internal.h"

/* Invariant: object != NULL exactly when the node is on object's list. */
struct slots_weakref {
    void *object;           /* the referent (borrowed), NULL once it died */
    slots_weakref *prev;    /* NULL for the head of the list */
    slots_weakref *next;
};

static slots_weakref **list_head(const void *obj)
{
    return slots__at(obj, slots__class(obj)->weaklist_offset);
}

slots_weakref *slots_weakref_new_err(void *obj, int *err)
{
    int code = SLOTS_OK;
    slots_weakref *wr = NULL;
    if (obj == NULL || slots__class(obj)->weaklist_offset == 0) {
        code = SLOTS_ENOWEAKREF;
    } else if ((wr = slots__alloc_inline(sizeof *wr)) == NULL) {
        code = SLOTS_ENOMEM;
    } else {
        slots_weakref **head = list_head(obj);
        wr->object = obj;
        wr->next = *head;
        if (*head != NULL)
            (*head)->prev = wr;
        *head = wr;
    }
    if (err != NULL)
        *err = code;
    return wr;
}

slots_weakref *slots_weakref_new(void *obj)
{
    return slots_weakref_new_err(obj, NULL);
}

void *slots_weakref_get(const slots_weakref *wr)
{
    return wr != NULL ? wr->object : NULL;
}

void slots_weakref_free(slots_weakref *wr)
{
    if (wr == NULL)
        return;
    if (wr->object != NULL) {
        if (wr->prev != NULL)
            wr->prev->next = wr->next;
        else
            *list_head(wr->object) = wr->next;
        if (wr->next != NULL)
            wr->next->prev = wr->prev;
    }
    slots__free_inline(wr, sizeof *wr);
}

size_t slots_weakref_count(const void *obj)
{
    if (slots__class(obj)->weaklist_offset == 0)
        return 0;
    size_t count = 0;
    for (const slots_weakref *wr = *list_head(obj); wr != NULL; wr = wr->next)
        count++;
    return count;
}

void slots__weakrefs_clear(void *obj)
{
    slots_weakref **head = list_head(obj);
    slots_weakref *wr = *head;
    *head = NULL;
    while (wr != NULL) {
        slots_weakref *next = wr->next;
        wr->object = NULL;
        wr->prev = wr->next = NULL;
        wr = next;
    }
}

int slots_set_weak(slots_weakref **field, void *target)
{
    slots_weakref *wr = NULL;
    if (target != NULL) {
        int err;
        wr = slots_weakref_new_err(target, &err);
        if (wr == NULL)
            return err;
    }
    slots_weakref_free(*field);
    *field = wr;
    return SLOTS_OK;
}
