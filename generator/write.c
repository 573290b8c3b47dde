/* write.c: placeholder until its stage lands. */
typedef int write_placeholder_;
