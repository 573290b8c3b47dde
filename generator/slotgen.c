/* slotgen.c: placeholder until the front end lands. */
#include "slotgen.h"
int slotgen_check(const char *const *schemas, size_t n, const slotgen_options *opt, diag *d)
{ (void)schemas; (void)n; (void)opt; diag_error_file(d, "slotgen", "check: not built yet"); return 2; }
int slotgen_layout(const char *const *schemas, size_t n, const slotgen_options *opt, diag *d, FILE *out)
{ (void)schemas; (void)n; (void)opt; (void)out; diag_error_file(d, "slotgen", "layout: not built yet"); return 2; }
