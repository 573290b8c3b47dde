/* generate.c: placeholder until code generation lands. */
#include "slotgen.h"
int slotgen_generate(const char *const *schemas, size_t n, const slotgen_options *opt, diag *d, FILE *out)
{ (void)schemas; (void)n; (void)opt; (void)out; diag_error_file(d, "slotgen", "generate: not built yet"); return 2; }
