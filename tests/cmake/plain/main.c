/* main.c: a plain-Makefile program using generated code and libslots. */
#include "point.slots.h"

int main(void)
{
    geo_Point *p = geo_Point_new(3, 4);
    int ok = p && geo_Point_get_x(p) == 3 && geo_Point_get_y(p) == 4
             && slots_isinstance(p, &geo_Point_class);
    if (p)
        slots_decref(p);
    return ok ? 0 : 1;
}
