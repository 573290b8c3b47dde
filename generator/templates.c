/* templates.c: placeholder until its stage lands. */
typedef int templates_placeholder_;
