/*
** reflect_protobuf.c: access by name through protobuf-c's descriptors:
** protobuf_c_message_descriptor_get_field_by_name (a binary search over
** fields_sorted_by_name), then a read or write through the field's offset.
*/
#include <stdlib.h>

#include "bench.pb-c.h"
#include "reflect.h"

static const ProtobufCMessageDescriptor *descriptor_for(unsigned width)
{
    switch (width) {
    case 4: return &bench__wide4__descriptor;
    case 16: return &bench__wide16__descriptor;
    case 64: return &bench__wide64__descriptor;
    default: return NULL;
    }
}

static void *make(unsigned width)
{
    const ProtobufCMessageDescriptor *desc = descriptor_for(width);
    if (!desc)
        return NULL;
    ProtobufCMessage *msg = malloc(desc->sizeof_message);
    if (!msg)
        return NULL;
    desc->message_init(msg);
    for (unsigned k = 0; k < width; k++)
        *(int64_t *)((char *)msg + desc->fields[k].offset) = reflect_value(k);
    return msg;
}

static void destroy(void *obj)
{
    protobuf_c_message_free_unpacked(obj, NULL);
}

static int64_t get_loop(const reflect_loop_args *a)
{
    const ProtobufCMessage *msg = a->obj;
    const ProtobufCMessageDescriptor *desc = msg->descriptor;
    int64_t sum = 0;
    for (size_t i = 0; i < a->iters; i++) {
        const ProtobufCFieldDescriptor *f =
            protobuf_c_message_descriptor_get_field_by_name(desc, a->names[i & (a->width - 1)]);
        if (!f)
            return -1;
        sum += *(const int64_t *)((const char *)msg + f->offset);
    }
    return sum;
}

static int64_t set_loop(const reflect_loop_args *a)
{
    ProtobufCMessage *msg = a->obj;
    const ProtobufCMessageDescriptor *desc = msg->descriptor;
    for (size_t i = 0; i < a->iters; i++) {
        const ProtobufCFieldDescriptor *f =
            protobuf_c_message_descriptor_get_field_by_name(desc, a->names[i & (a->width - 1)]);
        if (!f)
            return -1;
        *(int64_t *)((char *)msg + f->offset) = (int64_t)i;
    }
    int64_t sum = 0;
    for (unsigned k = 0; k < a->width; k++)
        sum += *(const int64_t *)((const char *)msg + desc->fields[k].offset);
    return sum;
}

static int64_t find_loop(const reflect_loop_args *a)
{
    const ProtobufCMessageDescriptor *desc = ((const ProtobufCMessage *)a->obj)->descriptor;
    int64_t sum = 0;
    for (size_t i = 0; i < a->iters; i++) {
        const ProtobufCFieldDescriptor *f =
            protobuf_c_message_descriptor_get_field_by_name(desc, a->names[i & (a->width - 1)]);
        if (!f)
            return -1;
        sum += (int64_t)f->id - 1;
    }
    return sum;
}

const reflect_impl reflect_protobuf = {
    "protobuf-c", make, destroy, get_loop, set_loop, find_loop,
};
