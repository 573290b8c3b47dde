/*
** slotgen.c: the `check` and `layout` commands as library calls (see
** slotgen.h).  `generate` lives in generate.c with the later stages.
*/
#include "slotgen.h"

#include "check.h"
#include "layout.h"
#include "model.h"

/* What `d` holds when a run starts, so that the exit status reflects only
** what this run reported. */
typedef struct diag_mark {
    size_t errors;
    size_t io_errors;
} diag_mark;

static diag_mark diag_mark_now(const diag *d)
{
    diag_mark m;
    m.errors = diag_errors(d);
    m.io_errors = diag_io_errors(d);
    return m;
}

/* CONTRACT.md's exit status for what the run added to `d` since `start`:
** an unreadable file outranks schema errors, since the schemas could not
** all be seen. */
static int exit_status(const diag *d, diag_mark start)
{
    if (diag_io_errors(d) > start.io_errors)
        return 2;
    return diag_errors(d) > start.errors ? 1 : 0;
}

/* Load and check `schemas` (a NULL `opt` means no options) and set
** *status to the exit status.  The program is NULL unless *status is 0. */
static m_program *load_and_check(const char *const *schemas, size_t n,
                                 const slotgen_options *opt, diag *d, int *status)
{
    check_options copt = { NULL, 0 };
    diag_mark start = diag_mark_now(d);
    m_program *p;

    if (opt) {
        copt.include_dirs = opt->include_dirs;
        copt.ninclude_dirs = opt->ninclude_dirs;
    }
    p = check_files(schemas, n, &copt, d, NULL, NULL);
    *status = exit_status(d, start);
    /* The checker promises a diagnostic for every NULL; hold it to that. */
    if (!p && *status == 0) {
        diag_error_file(d, "slotgen", "internal error: check failed without a diagnostic");
        *status = 2;
    }
    if (p && *status != 0) {
        m_program_free(p);
        p = NULL;
    }
    return p;
}

int slotgen_check(const char *const *schemas, size_t n, const slotgen_options *opt, diag *d)
{
    int status;
    m_program *p = load_and_check(schemas, n, opt, d, &status);
    if (p)
        m_program_free(p);
    return status;
}

int slotgen_layout(const char *const *schemas, size_t n, const slotgen_options *opt, diag *d,
                   FILE *out)
{
    int status;
    m_program *p = load_and_check(schemas, n, opt, d, &status);
    if (p) {
        layout_print(p, out);
        m_program_free(p);
    }
    return status;
}
