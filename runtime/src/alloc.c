/*
** alloc.c: the small-object allocator behind instances and weak references.
**
** malloc puts a header (and rounding) in front of every block: a 24-byte
** Point would cost 32 to 40 bytes of memory.  Here, as in CPython's
** pymalloc, blocks of up to SLOTS_SLAB_MAX bytes are carved out of 64 KiB
** pages, one size class per 8 bytes, with no header at all: the caller
** gives the size back at free time (slots_free(p, size)), which it always
** knows (cls->size, sizeof(slots_weakref)).  Freed blocks go on a
** per-class free list and are reused first.  Pages are kept for the life
** of the process: the free lists thread through every page, so giving one
** back would mean walking them.
**
** The mode is chosen once: malloc/free for every block when the library is
** built with SLOTS_USE_MALLOC or the environment has SLOTS_MALLOC=1 at the
** first allocation (so that AddressSanitizer and valgrind see each object),
** slabs otherwise.  The hot path is inline in internal.h.
*/
#include "internal.h"

#define SLOTS_PAGE_SIZE (64u * 1024u)
/* The page's first bytes chain it to the previous page (so that leak
** checkers see slab memory as reachable); 16 keeps the blocks after it
** as aligned as malloc's result, to the 8 bytes any slots struct needs. */
#define SLOTS_PAGE_HEADER 16u

#ifdef SLOTS_USE_MALLOC
slots__heap_t slots__heap = { .decided = true, .use_malloc = true, .fail_countdown = -1 };
#else
slots__heap_t slots__heap = { .fail_countdown = -1 };
#endif

static bool env_wants_malloc(void)
{
    const char *value = getenv("SLOTS_MALLOC");
    return value != NULL && value[0] != '\0' && strcmp(value, "0") != 0;
}

/* The hot path may skip every check only in slab mode with no hook armed. */
static void update_fast_flag(void)
{
    slots__heap.fast = slots__heap.decided && !slots__heap.use_malloc
                       && slots__heap.fail_countdown < 0;
}

static void decide_mode(void)
{
    slots__heap.use_malloc = env_wants_malloc();
    slots__heap.decided = true;
    update_fast_flag();
}

/* Consume the armed test failure, if this allocation is the one. */
bool slots__injected_failure(void)
{
    if (slots__heap.fail_countdown < 0)
        return false;
    if (slots__heap.fail_countdown-- > 0)
        return false;
    slots__heap.failed = true;
    update_fast_flag();
    return true;
}

static void *slab_refill(slots__size_class *sc, size_t block_size)
{
    char *page = malloc(SLOTS_PAGE_SIZE);
    if (page == NULL)
        return NULL;
    memcpy(page, &slots__heap.pages, sizeof(void *));
    slots__heap.pages = page;
    sc->bump = page + SLOTS_PAGE_HEADER + block_size;
    sc->bump_end = page + SLOTS_PAGE_SIZE;
    return page + SLOTS_PAGE_HEADER;
}

static void *slab_alloc(size_t size)
{
    slots__size_class *sc = &slots__heap.classes[slots__class_index(size)];
    size_t block_size = (slots__class_index(size) + 1) * SLOTS_SLAB_STEP;
    void *block = sc->free_list;
    if (block != NULL) {
        memcpy(&sc->free_list, block, sizeof(void *));
    } else if (sc->bump_end - sc->bump >= (ptrdiff_t)block_size) {
        block = sc->bump;
        sc->bump += block_size;
    } else {
        block = slab_refill(sc, block_size);
        if (block == NULL)
            return NULL;
    }
    return memset(block, 0, size);
}

/* Everything the inline path does not handle: the first allocation,
** malloc mode, large blocks, a new page, an armed test hook. */
void *slots__alloc_slow(size_t size)
{
    if (!slots__heap.decided)
        decide_mode();
    if (slots__injected_failure())
        return NULL;
    if (slots__heap.use_malloc || !slots__slab_sized(size))
        return calloc(1, size == 0 ? 1 : size);
    return slab_alloc(size);
}

void *slots_alloc(size_t size)
{
    return slots__alloc_inline(size);
}

void slots_free(void *p, size_t size)
{
    if (p != NULL)
        slots__free_inline(p, size);
}

void *slots__realloc(void *p, size_t size)
{
    if (slots__injected_failure())
        return NULL;
    return realloc(p, size == 0 ? 1 : size);
}

void slots__fail_after(long n)
{
    if (!slots__heap.decided)
        decide_mode();
    slots__heap.fail_countdown = n;
    slots__heap.failed = false;
    update_fast_flag();
}

bool slots__fail_happened(void)
{
    return slots__heap.failed;
}

bool slots__alloc_uses_malloc(void)
{
    if (!slots__heap.decided)
        decide_mode();
    return slots__heap.use_malloc;
}
