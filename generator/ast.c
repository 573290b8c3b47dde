/* ast.c: placeholder until its stage lands. */
typedef int ast_placeholder_;
