/* check.c: placeholder until its stage lands. */
typedef int check_placeholder_;
