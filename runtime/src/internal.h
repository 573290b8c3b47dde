/*
** internal.h: what the runtime's modules share and the public header does
** not promise: the allocator's hot path (inline, so that slots_new,
** slots_decref and weak references pay no call for it), the destruction
** stack, the dynamic-attribute table's entry points, and the hooks the
** runtime's own tests use to make allocations fail.
**
** Nothing here is part of the ABI: generated code never includes it.
*/
#ifndef SLOTS_INTERNAL_H
#define SLOTS_INTERNAL_H

#include <slots/slots.h>

#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define SLOTS_LIKELY(x) __builtin_expect(!!(x), 1)
#define SLOTS_UNLIKELY(x) __builtin_expect(!!(x), 0)
/* For a rare path that, inlined, would make its caller's common path
** save registers and set up a frame it does not need. */
#define SLOTS_NOINLINE __attribute__((noinline))
#else
#define SLOTS_LIKELY(x) (x)
#define SLOTS_UNLIKELY(x) (x)
#define SLOTS_NOINLINE
#endif

/* ------------------------------------------------------------------ */
/* Allocator (alloc.c)                                                 */
/* ------------------------------------------------------------------ */

/* Blocks of 1 to SLOTS_SLAB_MAX bytes come from slabs, in size classes
** SLOTS_SLAB_STEP bytes apart, so a 24-byte object takes exactly 24
** bytes.  Every slots struct holds only 8-byte-aligned members at most
** (no long double in the schema language), so the step is also the
** alignment the slabs guarantee.  Larger blocks, and empty ones, go to calloc. */
#define SLOTS_SLAB_STEP 8u
#define SLOTS_SLAB_MAX 256u
#define SLOTS_SLAB_CLASSES (SLOTS_SLAB_MAX / SLOTS_SLAB_STEP)

/* One size class: free blocks first (a stack threaded through their first
** word), then the untouched tail of the newest page, carved on demand so
** that memory never handed out is never touched. */
typedef struct slots__size_class {
    void *free_list;
    char *bump;                 /* next uncarved block of the newest page */
    char *bump_end;             /* end of the newest page */
} slots__size_class;

/* The allocator's whole state.  `fast` is the one flag the hot path
** tests: true once slabs were chosen and while no test hook is armed;
** everything else (choosing the mode at first use, malloc mode, injected
** failures) goes through slots__alloc_slow. */
typedef struct slots__heap {
    bool fast;
    bool decided;               /* mode chosen (at build time or first use) */
    bool use_malloc;            /* every block from calloc/free */
    long fail_countdown;        /* test hook: allocations left before one fails; <0 off */
    bool failed;                /* test hook: an injected failure happened */
    void *pages;                /* every slab page, chained through its first word */
    slots__size_class classes[SLOTS_SLAB_CLASSES];
} slots__heap_t;

extern slots__heap_t slots__heap;

void *slots__alloc_slow(size_t size);

/* One unsigned comparison: size 0 wraps around and fails it, so the
** class index below needs no test for it. */
static inline bool slots__slab_sized(size_t size)
{
    return size - 1 < SLOTS_SLAB_MAX;
}

/* Only for slots__slab_sized sizes. */
static inline size_t slots__class_index(size_t size)
{
    return (size - 1) / SLOTS_SLAB_STEP;
}

/* Block of `size` bytes, or NULL; its bytes are undefined when it comes
** from a slab (the slow path's are zero).  For callers that zero or
** store every byte themselves. */
static inline void *slots__alloc_uninit_inline(size_t size)
{
    if (SLOTS_LIKELY(slots__heap.fast && slots__slab_sized(size))) {
        slots__size_class *sc = &slots__heap.classes[slots__class_index(size)];
        void *block = sc->free_list;
        if (SLOTS_LIKELY(block != NULL)) {
            memcpy(&sc->free_list, block, sizeof(void *));
            return block;
        }
        size_t block_size = (slots__class_index(size) + 1) * SLOTS_SLAB_STEP;
        if (SLOTS_LIKELY(sc->bump_end - sc->bump >= (ptrdiff_t)block_size)) {
            block = sc->bump;
            sc->bump += block_size;
            return block;
        }
    }
    return slots__alloc_slow(size);
}

/* Zeroed block of `size` bytes, or NULL. */
static inline void *slots__alloc_inline(size_t size)
{
    void *block = slots__alloc_uninit_inline(size);
    return block != NULL ? memset(block, 0, size) : NULL;
}

/* Give back a block from slots__alloc_inline with the same size. */
static inline void slots__free_inline(void *block, size_t size)
{
    if (SLOTS_UNLIKELY(slots__heap.use_malloc || !slots__slab_sized(size))) {
        free(block);
        return;
    }
    slots__size_class *sc = &slots__heap.classes[slots__class_index(size)];
    memcpy(block, &sc->free_list, sizeof(void *));
    sc->free_list = block;
}

/* Whether the armed test hook makes this allocation fail (it counts it).
** Only called while slots__heap.fail_countdown >= 0. */
bool slots__injected_failure(void);

/* malloc and a string copy for what has no fixed size (strings, dynamic
** attribute tables): plain malloc, except that the test hook can make
** them fail too.  Free them with free().  Inline, so that copying a
** string into a slot is one call each to strlen, malloc and memcpy. */
static inline void *slots__malloc(size_t size)
{
    if (SLOTS_UNLIKELY(slots__heap.fail_countdown >= 0) && slots__injected_failure())
        return NULL;
    return malloc(size == 0 ? 1 : size);
}

static inline char *slots__strdup(const char *s)
{
    size_t size = strlen(s) + 1;
    char *copy = slots__malloc(size);
    if (copy != NULL)
        memcpy(copy, s, size);
    return copy;
}

void *slots__realloc(void *p, size_t size);

/* Test hooks.  After slots__fail_after(n), n more allocations (objects,
** weak references, strings, tables) succeed, the next one fails, and the
** following ones succeed again; slots__fail_after(-1) disarms the hook.
** slots__fail_happened tells whether the armed failure was used. */
void slots__fail_after(long n);
bool slots__fail_happened(void);
/* Whether objects come from malloc (SLOTS_USE_MALLOC or SLOTS_MALLOC=1). */
bool slots__alloc_uses_malloc(void);

/* ------------------------------------------------------------------ */
/* Objects (object.c)                                                  */
/* ------------------------------------------------------------------ */

/* Objects whose count reached zero wait on a stack, linked through the
** count and flags words of their header (dead, so free to reuse), until
** the destruction loop releases them: a 1,000,000-long chain is a loop,
** not a recursion. */
typedef struct slots__graveyard {
    slots_object *top;
} slots__graveyard;

/* Drop one reference to obj (NULL ignored); at zero push it on `dead`
** instead of destroying it now. */
void slots__drop(void *obj, slots__graveyard *dead);

static inline void *slots__at(const void *obj, size_t offset)
{
    return (char *)(uintptr_t)obj + offset;
}

/* slots_class_of, inline: the public functions are interposable in the
** shared library, so calls between them would not be inlined. */
static inline const slots_class *slots__class(const void *obj)
{
    return ((const slots_object *)obj)->cls;
}

/* ------------------------------------------------------------------ */
/* Weak references (weakref.c)                                         */
/* ------------------------------------------------------------------ */

/* Make every weak reference to obj read NULL; O(number of them). */
void slots__weakrefs_clear(void *obj);

/* ------------------------------------------------------------------ */
/* Dynamic attributes (dict.c)                                         */
/* ------------------------------------------------------------------ */

/* Lookup: the stored value (strings and objects borrowed), or NULL. */
const slots_value *slots__dict_get(const slots_dict *d, const char *name);
/* Insert or replace in *dp, creating the table on first use.  The value's
** string is copied and its object referenced.  SLOTS_OK or SLOTS_ENOMEM
** (then nothing changed). */
int slots__dict_set(slots_dict **dp, const char *name, const slots_value *v);
/* Remove name: SLOTS_OK or SLOTS_ENOATTR. */
int slots__dict_del(slots_dict *d, const char *name);
size_t slots__dict_count(const slots_dict *d);
const char *slots__dict_name(const slots_dict *d, size_t i);
/* Free the table, its names and strings; objects go to `dead`. */
void slots__dict_free(slots_dict *d, slots__graveyard *dead);

#endif
