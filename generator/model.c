/* model.c: placeholder until its stage lands. */
typedef int model_placeholder_;
