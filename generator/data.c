/* data.c: placeholder until its stage lands. */
typedef int data_placeholder_;
