/* weakref.c: placeholder until the runtime lands. */
typedef int weakref_placeholder_;
