/* names.c: placeholder until its stage lands. */
typedef int names_placeholder_;
