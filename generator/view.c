/* view.c: placeholder until its stage lands. */
typedef int view_placeholder_;
