/*
** call_setter.c: calls the setter -DCALL=NAME of class -DCLASS=TYPE.
** tests/generated/CMakeLists.txt builds it with the setter of a readonly
** or frozen slot, which must not exist (the build must fail, naming it),
** and with an existing setter as the control, which must build.
*/
#include "records.slots.h"

void call_setter(CLASS *obj);

void call_setter(CLASS *obj)
{
    CALL(obj, 1);
}
