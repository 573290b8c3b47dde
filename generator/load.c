/* load.c: placeholder until its stage lands. */
typedef int load_placeholder_;
