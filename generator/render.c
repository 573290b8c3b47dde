/* render.c: placeholder until its stage lands. */
typedef int render_placeholder_;
