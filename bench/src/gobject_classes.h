/*
** gobject_classes.h: the GObject peers of the benchmark classes: Point,
** Transaction (its timestamp owned and freed by finalize), and WideN, a
** class with N int64 properties "f0".."f{N-1}" for lookup by name.
**
** Fields are public members of the instance structs, so that creating
** an object costs g_object_new plus plain stores, the fastest path GObject
** offers; reading by name goes through g_object_get, its reflective path.
*/
#ifndef BENCH_GOBJECT_CLASSES_H
#define BENCH_GOBJECT_CLASSES_H

#include <glib-object.h>

typedef struct BenchGPoint {
    GObject parent;
    gint32 x, y;
} BenchGPoint;

typedef struct BenchGTransaction {
    GObject parent;
    guint64 transaction_id;
    gdouble amount;
    gchar currency[4];
    gchar *timestamp;               /* owned: g_strdup'd, freed by finalize */
} BenchGTransaction;

/* A WideN instance: N int64 values after the GObject header. */
typedef struct BenchGWide {
    GObject parent;
    gint64 fields[];
} BenchGWide;

GType bench_g_point_get_type(void);
GType bench_g_transaction_get_type(void);
/* The class with `width` properties (4, 16 or 64), registered on first use. */
GType bench_g_wide_get_type(unsigned width);

#endif
