/* alloc.c: placeholder until the runtime lands. */
typedef int alloc_placeholder_;
