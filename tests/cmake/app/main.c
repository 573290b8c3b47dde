/* main.c: uses classes generated for two targets, including two schemas
   named label.yaml, and exits non-zero on any wrong value. */
#include <stdio.h>
#include <string.h>

#include "geo/label.slots.h"
#include "geo/point.slots.h"
#include "other/label.slots.h"
#include "shapes.slots.h"

static int expect(int ok, const char *what)
{
    if (!ok)
        fprintf(stderr, "app: wrong %s\n", what);
    return ok ? 0 : 1;
}

int main(void)
{
    int failures = 0;
    shapes_Point3D *p = shapes_Point3D_new(1, 2, 3);
    other_Point *label = other_Point_new("");
    geo_label_Label *text = geo_label_Label_new("");
    if (!p || !label || !text) {
        fputs("app: out of memory\n", stderr);
        return 1;
    }
    failures += expect(shapes_Point3D_get_x(p) == 1 && shapes_Point3D_get_z(p) == 3, "Point3D slots");
    failures += expect(slots_isinstance(p, &geo_Point_class), "base class");
    failures += expect(other_Point_set_label(label, "origin") == SLOTS_OK, "set_label status");
    failures += expect(strcmp(other_Point_get_label(label), "origin") == 0, "label");
    failures += expect(geo_label_Label_set_text(text, "a longer label") == SLOTS_OK, "set_text status");
    failures += expect(strcmp(geo_label_Label_get_text(text), "a longer label") == 0, "text");
    slots_decref(p);
    slots_decref(label);
    slots_decref(text);
    return failures;
}
