/*
** cdecl.h: the C spellings of a slot's type in generated code: the struct
** member, setter and constructor parameters, getter return types, sizeof
** expressions, member paths through base structs, and the static objects
** that hold defaults.
**
** How a slot is spelled depends on how it is accessed (cdecl_access), so
** that one classification drives every declaration and every template
** branch.  All functions append to a buf.
*/
#ifndef SLOTGEN_CDECL_H
#define SLOTGEN_CDECL_H

#include <stdbool.h>

#include "buf.h"
#include "model.h"

/* How a slot is read, written and released: each access kind has its own
** getter, setter and constructor code in the templates. */
typedef enum cdecl_access {
    ACC_SCALAR,     /* T x: plain assignment */
    ACC_STRING,     /* char *x: copied in, freed with the object */
    ACC_CHARS,      /* char x[N]: a bounded copy of a C string */
    ACC_ARRAY,      /* T x[N]: copied element for element */
    ACC_REF,        /* M_T *x: strong, counted */
    ACC_WEAK,       /* slots_weakref *x: reads NULL once the target died */
    ACC_COUNT
} cdecl_access;

cdecl_access cdecl_access_of(const m_slot *s);

/* The descriptor's slots_type constant for a kind ("SLOTS_T_INT32"). */
const char *cdecl_type_enum(m_kind k);

/* "module_Name": the C name of a class, for any schema of the program.
** cdecl_cname_of returns it in a new string (caller frees). */
void cdecl_cname(buf *b, const m_class *c);
char *cdecl_cname_of(const m_class *c);

/* The struct member holding `s`: "int32_t x", "char currency[4]",
** "geo_Node *next", "slots_weakref *parent". */
void cdecl_member(buf *b, const m_slot *s);

/* A parameter `name` taking a value for `s`, as setters and constructors
** declare it: "int32_t x", "const char *name", "const int32_t v[3]". */
void cdecl_value(buf *b, const m_slot *s, const char *name);

/* The type a getter returns, followed by the space a declaration needs
** ("int32_t ", "const char *"). */
void cdecl_return_type(buf *b, const m_slot *s);

/* sizeof of the member holding `s`, as an expression of its type
** ("sizeof(int32_t) * 3"). */
void cdecl_size(buf *b, const m_slot *s);

/* The member path from an instance of `c` to slot `s` (declared by `c`
** or an ancestor): "x", "slots_super.x", "slots_super.slots_super.x". */
void cdecl_path(buf *b, const m_class *c, const m_slot *s);

/* "geo_Point3D_z_default": the static object holding the default of `s`
** in the source of class `c` (each class keeps its own copy, so that a
** subclass in another schema needs nothing static from its base's file).
** Caller frees. */
char *cdecl_default_name(const m_class *c, const m_slot *s);

/* The declaration of that object, named `name`, without `static`:
** "const int32_t geo_Point3D_z_default", "const char *const ...". */
void cdecl_default_decl(buf *b, const m_slot *s, const char *name);

/* Its initialiser ("0", "\"USD\"", "{ 1, 2 }").  Sets *needs_math when it
** spells INFINITY or NAN. */
void cdecl_default_init(buf *b, const m_slot *s, bool *needs_math);

#endif
