/*
** model.h: the checked, resolved model of a set of schemas.
**
** The checker (check.h) builds it from syntax trees; layout (layout.h)
** fills in offsets and sizes for the host ABI; the view (view.h) turns it
** into template data; `slotgen layout` prints it.  Everything in a model
** has been validated: names are legal C identifiers that collide with
** nothing, every reference resolves, the inheritance chains are acyclic,
** defaults fit their types.  Later stages may rely on that and never
** report schema errors themselves.
**
** Ownership: an m_program owns its schemas; a schema owns its classes;
** a class owns its own slots.  Every other pointer here (base, ref,
** owner, all[], imports[]) is borrowed from the same program.  Strings are
** owned by the struct that holds them.  m_program_free releases it all.
*/
#ifndef SLOTGEN_MODEL_H
#define SLOTGEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "strmap.h"

typedef struct m_class m_class;
typedef struct m_schema m_schema;

/* What a slot holds.  The order of the scalar kinds is the Types table's. */
typedef enum m_kind {
    M_BOOL,
    M_CHAR,
    M_INT8, M_INT16, M_INT32, M_INT64,
    M_UINT8, M_UINT16, M_UINT32, M_UINT64,
    M_FLOAT, M_DOUBLE,
    M_STRING,           /* char *, owned by the object */
    M_REF,              /* strong reference to an instance of `ref` */
    M_WEAK,             /* weak reference to an instance of `ref` */
    M_KIND_COUNT
} m_kind;

typedef struct m_type {
    m_kind kind;
    size_t array_len;   /* N of T[N]; 0 when not an array (only scalar kinds and char have arrays) */
    m_class *ref;       /* M_REF / M_WEAK: the target class; NULL otherwise */
} m_type;

/* A checked default value.  For arrays, `items` holds one m_value per
** element written (at most array_len; the rest are zero), except that a
** char[N] default is a single M_VSTR. */
typedef enum m_vkind { M_VBOOL, M_VINT, M_VUINT, M_VFLOAT, M_VSTR, M_VLIST } m_vkind;
typedef struct m_value {
    m_vkind kind;
    bool b;
    int64_t i;              /* M_VINT: also char defaults, as the character's code */
    uint64_t u;             /* M_VUINT */
    double d;               /* M_VFLOAT */
    char *s;                /* M_VSTR, owned, NUL-terminated */
    char *text;             /* the default as written in the schema (scalar text), owned */
    struct m_value *items;  /* M_VLIST, owned */
    size_t nitems;
} m_value;

typedef struct m_slot {
    char *name;
    srcpos pos;             /* the slot's key in the schema */
    m_type type;
    char *type_text;        /* the type as written ("int32", "char[4]", "Node"), owned */
    bool readonly;          /* effective: declared readonly, or the class is frozen */
    bool has_default;
    m_value def;            /* valid when has_default */
    char *doc;              /* NULL when none */
    m_class *owner;         /* the class that declares it */
    /* Filled by layout_compute(): */
    size_t offset;          /* from the start of the instance */
    size_t size;            /* whole member, arrays included */
    size_t align;
} m_slot;

struct m_class {
    char *name;
    srcpos pos;             /* the class's key in the schema */
    char *doc;              /* NULL when none */
    m_schema *schema;       /* the schema that declares it */
    m_class *base;          /* NULL for a root class */
    bool weakref;           /* declared here: weakref: true */
    bool dict;              /* declared here: dict: true */
    bool frozen;            /* declared here (a frozen class's base is frozen too) */
    bool has_weakref;       /* here or in an ancestor */
    bool has_dict;          /* here or in an ancestor */
    m_slot **own;           /* owned; declared order */
    size_t nown;
    m_slot **all;           /* borrowed; inherited first, layout order */
    size_t nall;
    /* Filled by layout_compute(): */
    size_t size;            /* sizeof the generated struct */
    size_t align;
    size_t own_start;       /* offset where this class's own members start (after base/header) */
    size_t weaklist_offset; /* 0 when !has_weakref */
    size_t dict_offset;     /* 0 when !has_dict */
};

struct m_schema {
    char *path;             /* as loaded */
    char *name;             /* NAME of NAME.yaml: output files are NAME.slots.h/.c */
    char *module;           /* C prefix: `module:` or the file name made an identifier */
    char *doc;              /* NULL when none */
    bool root;              /* named on the command line (not only imported) */
    m_class **classes;      /* owned; declared order */
    size_t nclasses;
    m_schema **imports;     /* borrowed; as listed in `imports:` */
    size_t nimports;
    /* The index of m_schema_find_class over classes[0..nindexed), names
    ** borrowed: each lookup first adds the classes appended since the
    ** last one, so a schema of n classes costs O(n), not O(n) per lookup. */
    strmap class_index;
    size_t nindexed;
};

typedef struct m_program {
    m_schema **schemas;     /* owned; dependencies before dependents */
    size_t nschemas;
} m_program;

/* Schema spelling of a kind ("int32", "string", ...), C type of a scalar
** kind ("int32_t", "char *", ...), and its size/alignment on the host. */
const char *m_kind_name(m_kind k);
const char *m_kind_ctype(m_kind k);
bool m_kind_is_scalar(m_kind k);     /* bool, char, the ints and floats */
bool m_kind_is_signed(m_kind k);     /* char counts as signed iff CHAR_MIN < 0 */

/* The class of `s` called `name`, or NULL.  Not const: it extends the
** schema's name index (class_index above). */
m_class *m_schema_find_class(m_schema *s, const char *name);
void m_value_fini(m_value *v);
void m_program_free(m_program *p);

#endif
