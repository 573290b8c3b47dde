/*
** slots.h: the runtime library that slotgen-generated code links.
**
** slotgen turns a YAML schema into C structs with fixed layouts (Python's
** __slots__, in C).  This library is what those structs share: the object
** header and reference counting, zeroing weak references, dynamic
** attributes for classes declared with `dict: true`, and reflection by
** name through the descriptor tables that the generated code fills in.
**
** Objects.  Every instance starts with a slots_object header (the root
** class's first member; a subclass's first member is its base struct, so a
** subclass pointer is a valid base pointer).  An instance is created with
** one reference; slots_incref/slots_decref count them as CPython does.
** When the count reaches zero the object's weak references are cleared,
** its strings freed, its strong references and dynamic attributes
** released, and its memory freed.  Reference cycles are never collected:
** break them with weak references (a parent pointer is the usual case).
**
** Threads.  The library is single-threaded by contract: an object, its
** weak references and the allocator must be used from one thread at a
** time.  Nothing here takes a lock.  One more reason: the lookups by name
** write to a per-class name cache (see slots_class) without any
** synchronisation, even through a const object.
**
** Memory.  Instances and weak references come from a small-object
** allocator (per-size slabs, as CPython's pymalloc) so that an instance
** costs its struct's size and no malloc overhead.  Define SLOTS_USE_MALLOC
** when building the library (CMake option SLOTS_USE_MALLOC), or set the
** environment variable SLOTS_MALLOC=1 before the first allocation, to use
** malloc/free for every object instead, so that AddressSanitizer and
** valgrind see each one.
**
** Example, with the generated code of a schema `geo` declaring Point(x, y):
**
**     geo_Point *p = geo_Point_new(1, 2);
**     slots_value v;
**     if (p && slots_getattr(p, "x", &v) == SLOTS_OK)
**         printf("%lld\n", (long long)v.as.i);          // 1
**     v.kind = SLOTS_INT; v.as.i = 7;
**     slots_setattr(p, "y", &v);                          // p->y == 7
**     slots_setattr(p, "z", &v);                          // SLOTS_ENOATTR
**     slots_decref(p);
*/
#ifndef SLOTS_SLOTS_H
#define SLOTS_SLOTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of the library.  SLOTS_ABI_VERSION is the contract between
** generated code and this header: generated headers refuse to compile
** against another one, so a stale generated file fails at build time. */
#define SLOTS_VERSION_MAJOR 0
#define SLOTS_VERSION_MINOR 1
#define SLOTS_VERSION_PATCH 0
#define SLOTS_ABI_VERSION 2

/* ------------------------------------------------------------------ */
/* Values and return codes                                             */
/* ------------------------------------------------------------------ */

/* Return codes of the functions below. */
enum {
    SLOTS_OK = 0,
    SLOTS_ENOATTR,      /* no such slot, and the class has no dict */
    SLOTS_EREADONLY,    /* the slot is readonly (or the class frozen) */
    SLOTS_ETYPE,        /* wrong kind of value, or out of the slot's range */
    SLOTS_ENOMEM,       /* allocation failed */
    SLOTS_ENOWEAKREF,   /* the class does not support weak references */
    SLOTS_ERR_COUNT
};

/* A short English description of a return code ("no such attribute", ...). */
const char *slots_strerror(int code);

typedef enum slots_kind {
    SLOTS_NONE, SLOTS_BOOL, SLOTS_INT, SLOTS_UINT, SLOTS_DOUBLE, SLOTS_STR, SLOTS_OBJ
} slots_kind;

/* A value read or written by name.  Signed slots (and char) read as
** SLOTS_INT, unsigned as SLOTS_UINT, float and double as SLOTS_DOUBLE,
** string and char[N] as SLOTS_STR (borrowed: valid until the slot changes
** or the object dies; a NULL string reads as SLOTS_NONE), references as
** SLOTS_OBJ (borrowed) or SLOTS_NONE when NULL or dead. */
typedef struct slots_value {
    slots_kind kind;
    union { bool b; int64_t i; uint64_t u; double d; const char *s; void *obj; } as;
} slots_value;

/* ------------------------------------------------------------------ */
/* Descriptors: filled by generated code, read by the runtime          */
/* ------------------------------------------------------------------ */

/* The type of a slot in a descriptor.  Scalars first, in the order of
** SCHEMA.md's Types table. */
typedef enum slots_type {
    SLOTS_T_BOOL,
    SLOTS_T_CHAR,
    SLOTS_T_INT8, SLOTS_T_INT16, SLOTS_T_INT32, SLOTS_T_INT64,
    SLOTS_T_UINT8, SLOTS_T_UINT16, SLOTS_T_UINT32, SLOTS_T_UINT64,
    SLOTS_T_FLOAT, SLOTS_T_DOUBLE,
    SLOTS_T_STRING,     /* char *, owned by the object */
    SLOTS_T_REF,        /* strong reference: pointer to an instance of ref_class */
    SLOTS_T_WEAKREF,    /* weak reference: a slots_weakref * owned by the object */
    SLOTS_T_COUNT
} slots_type;

/* slots_slot.flags */
#define SLOTS_SLOT_READONLY 0x1u    /* no setter; set by the constructor only */
#define SLOTS_SLOT_ARRAY    0x2u    /* T[N]: `length` elements inline */

/* slots_class.flags (effective: set when the class or an ancestor has it) */
#define SLOTS_CLASS_WEAKREF 0x1u    /* instances can be weakly referenced */
#define SLOTS_CLASS_DICT    0x2u    /* undeclared attributes are allowed */
#define SLOTS_CLASS_FROZEN  0x4u    /* every slot readonly */

typedef struct slots_class slots_class;
typedef struct slots_slot slots_slot;

/* One entry of a class's name cache: the name pointer last looked up in
** this entry and the slot it named, or {NULL, NULL}. */
typedef struct slots_name_cache {
    const char *name;
    const slots_slot *slot;
} slots_name_cache;

/* One slot of a class: CPython's member descriptor, as a table row. */
struct slots_slot {
    const char *name;
    const char *doc;                /* the schema's doc, or NULL */
    slots_type type;                /* of the element, for arrays */
    size_t offset;                  /* offsetof() in the instance */
    size_t size;                    /* bytes of the member (whole array) */
    size_t length;                  /* array length; 0 for a scalar */
    unsigned flags;                 /* SLOTS_SLOT_* */
    const slots_class *ref_class;   /* REF/WEAKREF: the target class; else NULL */
    const void *default_value;      /* the default in the member's own C
                                       representation (for a string: a
                                       `const char *const`), or NULL */
    const char *default_text;       /* the default as the schema wrote it, or NULL */
    const slots_class *owner;       /* the class that declares the slot */
};

/* A class descriptor (`geo_Point_class`).  The name index is an
** open-addressing table built by the generator: slot i of `slots` is found
** by hashing its name, slots_name_hash(name, hash_seed) & hash_mask, and
** probing hash_table[] from there to the next empty entry (entries are
** index + 1, 0 = empty), comparing names.  The table is at most half full
** and the seed is chosen to keep names at their home entry, so a hit is
** usually one table read and one name comparison.
**
** In front of the index sits the name cache, CPython's type attribute
** cache per class: name_cache_mask + 1 entries (a power of two) that the
** runtime fills, direct-mapped by the bits of the name's pointer, so that
** a caller passing the same string again (a literal, an interned name)
** finds its slot with no hashing.  A pointer match is only a hint: the
** cached slot's name is still compared with the bytes at the pointer, as
** the caller may have reused the buffer for another name.  The generated
** file owns the cache (a zeroed static array); NULL means no cache. */
struct slots_class {
    const char *name;
    const char *module;
    const char *doc;                /* or NULL */
    const slots_class *base;        /* NULL for a root class */
    size_t size;                    /* sizeof the instance struct */
    unsigned flags;                 /* SLOTS_CLASS_* */
    size_t weaklist_offset;         /* of the slots_weakref * list head; 0 if none */
    size_t dict_offset;             /* of the dynamic-attribute pointer; 0 if none */
    size_t nslots;                  /* own and inherited */
    const slots_slot *slots;        /* inherited first, in layout order */
    size_t nrelease;                /* slots the runtime releases at death */
    const uint16_t *release;        /* their indexes in `slots` (strings, refs, weak refs) */
    uint32_t hash_seed;
    uint32_t hash_mask;             /* table size - 1; the size is a power of two */
    const uint16_t *hash_table;
    slots_name_cache *name_cache;   /* mutable despite the const descriptor; or NULL */
    uint32_t name_cache_mask;       /* entries - 1 */
};

/* A module descriptor (`geo_module`): the classes of one schema, with the
** same kind of name index by class name. */
typedef struct slots_module {
    const char *name;
    const char *doc;                /* or NULL */
    size_t nclasses;
    const slots_class *const *classes;  /* declared order */
    uint32_t hash_seed;
    uint32_t hash_mask;
    const uint16_t *hash_table;
} slots_module;

/* The object header, first member of every root class's struct.  Its
** fields are the runtime's; generated code and users never touch them. */
typedef struct slots_object {
    const slots_class *cls;
    uint32_t refcnt;
    uint32_t flags;                 /* runtime-private bits */
} slots_object;

typedef struct slots_weakref slots_weakref;
typedef struct slots_dict slots_dict;

/* The hash the name indexes use: 32-bit FNV-1a of the name's bytes, mixed
** with the seed.  The generator and the runtime must agree on it, so it
** lives here, inline. */
static inline uint32_t slots_name_hash(const char *name, uint32_t seed)
{
    uint32_t h = 2166136261u ^ seed;
    const unsigned char *p = (const unsigned char *)name;
    while (*p) {
        h ^= *p++;
        h *= 16777619u;
    }
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    return h;
}

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

/* A zeroed instance of `cls` with one reference, or NULL on allocation
** failure.  Generated constructors call this, then set the slots. */
void *slots_new(const slots_class *cls);
/* slots_new without zeroing, for generated constructors: the header is
** set, the other bytes are undefined until the constructor zeroes them
** with the struct's constant size, which the compiler turns into a few
** stores where slots_new, whose size is only known at run time, must
** call memset. */
void *slots_new_uninit(const slots_class *cls);

void *slots_incref(void *obj);      /* returns obj; NULL is allowed and ignored */
void slots_decref(void *obj);       /* NULL is allowed and ignored */
uint32_t slots_refcount(const void *obj);

const slots_class *slots_class_of(const void *obj);
bool slots_isinstance(const void *obj, const slots_class *cls);   /* walks the base chain */
/* Bytes of the instance itself (cls->size), like sys.getsizeof: strings,
** referenced objects and dynamic attributes are not counted. */
size_t slots_sizeof(const void *obj);

/* ------------------------------------------------------------------ */
/* Reflection by name                                                  */
/* ------------------------------------------------------------------ */

/* Own or inherited slot `name` of `cls`, or NULL.  O(1): one hash and a
** short probe, usually one string comparison, whatever the number of slots. */
const slots_slot *slots_find_slot(const slots_class *cls, const char *name);
/* Class `name` of module `m`, or NULL. */
const slots_class *slots_find_class(const slots_module *m, const char *name);

/* Read slot or dynamic attribute `name`.  SLOTS_ENOATTR if neither exists;
** SLOTS_ETYPE for an array slot other than char[N] (read those through
** slots_find_slot and the offset). */
int slots_getattr(const void *obj, const char *name, slots_value *out);
/* Write slot `name`, or a dynamic attribute if the class has a dict.
** SLOTS_ENOATTR: undeclared and no dict.  SLOTS_EREADONLY: readonly slot,
** or any name on a frozen class.  SLOTS_ETYPE: a kind that does not fit
** the slot, or a value out of its range (an integer exactly representable
** in the slot's type fits; a string longer than N-1 does not fit char[N];
** an object must be an instance of the slot's class).  Strings are
** copied, objects get a reference (weak for weak slots).  SLOTS_ENOMEM. */
int slots_setattr(void *obj, const char *name, const slots_value *v);
/* Remove dynamic attribute `name`.  SLOTS_ENOATTR if there is none;
** SLOTS_EREADONLY for a declared slot (slots cannot be deleted). */
int slots_delattr(void *obj, const char *name);

/* Read a slot through its descriptor (no name lookup); same rules as
** slots_getattr/slots_setattr, except that readonly is not checked by
** slots_slot_set when `init` is true (constructors use it). */
int slots_slot_get(const void *obj, const slots_slot *slot, slots_value *out);
int slots_slot_set(void *obj, const slots_slot *slot, const slots_value *v, bool init);

/* Number of dynamic attributes, and the i-th one's name (insertion order),
** for iteration; 0 / NULL on a class without dict or before first use. */
size_t slots_dict_count(const void *obj);
const char *slots_dict_name(const void *obj, size_t i);

/* ------------------------------------------------------------------ */
/* Weak references                                                     */
/* ------------------------------------------------------------------ */

/* A new weak reference to obj, or NULL (SLOTS_ENOWEAKREF if the class lacks
** weakref, SLOTS_ENOMEM), the code stored in *err when err is not NULL.
** Each weak reference is the caller's, to free with slots_weakref_free. */
slots_weakref *slots_weakref_new_err(void *obj, int *err);
slots_weakref *slots_weakref_new(void *obj);
/* The object (borrowed), or NULL once it died.  NULL wr gives NULL. */
void *slots_weakref_get(const slots_weakref *wr);
void slots_weakref_free(slots_weakref *wr);     /* NULL is ignored */
/* Number of live weak references to obj (0 for classes without weakref). */
size_t slots_weakref_count(const void *obj);

/* ------------------------------------------------------------------ */
/* Helpers for generated code                                          */
/* ------------------------------------------------------------------ */

/* Replace the string at *field with a copy of v (NULL allowed); frees the
** old one.  SLOTS_OK or SLOTS_ENOMEM (then *field is unchanged). */
int slots_set_string(char **field, const char *v);
/* Copy v into a char[n] member: SLOTS_ETYPE if strlen(v) >= n (unchanged). */
int slots_set_chars(char *field, size_t n, const char *v);
/* slots_set_chars for a constructor, whose char[n] member slots_new zeroed:
** inline, so that with the constant n of a generated constructor a short
** field (char[4] for a currency) costs a few byte moves and no call.  On
** SLOTS_ETYPE the field is left partly written: the constructor discards
** the object. */
static inline int slots_init_chars(char *field, size_t n, const char *v)
{
    size_t len;
    if (v == NULL)
        return SLOTS_ETYPE;
    for (len = 0; len < n && v[len] != '\0'; len++)
        field[len] = v[len];
    return len < n ? SLOTS_OK : SLOTS_ETYPE;
}
/* Point the weak slot *field at target (NULL allowed), freeing the old weak
** reference.  SLOTS_OK, SLOTS_ENOMEM or SLOTS_ENOWEAKREF (unchanged). */
int slots_set_weak(slots_weakref **field, void *target);

/* The allocator behind objects and weak references (see "Memory" above). */
void *slots_alloc(size_t size);                 /* zeroed */
void slots_free(void *p, size_t size);          /* size as given to slots_alloc */

#ifdef __cplusplus
}
#endif

#endif
