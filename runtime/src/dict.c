/* dict.c: placeholder until the runtime lands. */
typedef int dict_placeholder_;
