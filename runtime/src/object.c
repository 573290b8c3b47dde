/* object.c: placeholder until the runtime lands. */
typedef int object_placeholder_;
