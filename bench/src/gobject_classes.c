/*
** gobject_classes.c: registration of the GObject peers (gobject_classes.h).
*/
#include "gobject_classes.h"

#include <stdint.h>

typedef struct BenchGPointClass {
    GObjectClass parent_class;
} BenchGPointClass;

typedef struct BenchGTransactionClass {
    GObjectClass parent_class;
} BenchGTransactionClass;

G_DEFINE_FINAL_TYPE(BenchGPoint, bench_g_point, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE(BenchGTransaction, bench_g_transaction, G_TYPE_OBJECT)

static void bench_g_point_class_init(BenchGPointClass *klass)
{
    (void)klass;
}

static void bench_g_point_init(BenchGPoint *self)
{
    (void)self;
}

static void bench_g_transaction_finalize(GObject *object)
{
    BenchGTransaction *self = (BenchGTransaction *)object;
    g_free(self->timestamp);
    G_OBJECT_CLASS(bench_g_transaction_parent_class)->finalize(object);
}

static void bench_g_transaction_class_init(BenchGTransactionClass *klass)
{
    G_OBJECT_CLASS(klass)->finalize = bench_g_transaction_finalize;
}

static void bench_g_transaction_init(BenchGTransaction *self)
{
    (void)self;
}

/* WideN: property ids are 1..N, property i reads fields[i - 1]. */
static void wide_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
    (void)pspec;
    g_value_set_int64(value, ((BenchGWide *)object)->fields[prop_id - 1]);
}

static void wide_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
    (void)pspec;
    ((BenchGWide *)object)->fields[prop_id - 1] = g_value_get_int64(value);
}

static void wide_class_init(gpointer klass, gpointer class_data)
{
    GObjectClass *object_class = klass;
    unsigned width = (unsigned)(uintptr_t)class_data;
    object_class->get_property = wide_get_property;
    object_class->set_property = wide_set_property;
    for (unsigned i = 0; i < width; i++) {
        char name[16];
        g_snprintf(name, sizeof name, "f%u", i);
        g_object_class_install_property(object_class, i + 1,
            g_param_spec_int64(name, NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE));
    }
}

GType bench_g_wide_get_type(unsigned width)
{
    char type_name[32];
    g_snprintf(type_name, sizeof type_name, "BenchGWide%u", width);
    GType type = g_type_from_name(type_name);
    if (type)
        return type;
    const GTypeInfo info = {
        .class_size = sizeof(GObjectClass),
        .class_init = wide_class_init,
        .class_data = (gconstpointer)(uintptr_t)width,
        .instance_size = (guint16)(sizeof(BenchGWide) + width * sizeof(gint64)),
    };
    return g_type_register_static(G_TYPE_OBJECT, type_name, &info, 0);
}
