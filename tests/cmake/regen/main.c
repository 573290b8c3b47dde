/* main.c: the program of the regeneration tests; exits non-zero on a
   wrong value. */
#include "lone.slots.h"
#include "point.slots.h"

int main(void)
{
    point_Point *p = point_Point_new(7, 1, 2);
    lone_Lone *l = lone_Lone_new(5);
    int ok = p && l && point_Point_get_id(p) == 7 && point_Point_get_y(p) == 2
             && lone_Lone_get_value(l) == 5;
    if (p)
        slots_decref(p);
    if (l)
        slots_decref(l);
    return ok ? 0 : 1;
}
