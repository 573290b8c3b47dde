/* layout.c: placeholder until its stage lands. */
typedef int layout_placeholder_;
