/* reflect.c: placeholder until the runtime lands. */
typedef int reflect_placeholder_;
