/*
** slotgen.h: the generator as a library.
**
** `slotgen` (main.c) is a thin command line over these three calls, and the
** tests drive them in-process.  Each runs the whole pipeline it needs:
**
**   load (load.h) -> check (check.h) -> layout (layout.h)
**        -> view (view.h) -> render (render.h) -> write (write.h)
**
** and returns the process exit status of CONTRACT.md: 0 success, 1 schema
** errors (all of them in `d`, nothing written), 2 usage or I/O errors
** (also reported in `d`, as "PATH: error: ..." lines).
*/
#ifndef SLOTGEN_SLOTGEN_H
#define SLOTGEN_SLOTGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* The version comes from project() in CMakeLists.txt, the one place it is set. */
#ifdef SLOTGEN_VERSION_STRING
#define SLOTGEN_VERSION SLOTGEN_VERSION_STRING
#else
#define SLOTGEN_VERSION "unknown"
#endif

typedef enum slotgen_dump {
    SLOTGEN_DUMP_NONE,
    SLOTGEN_DUMP_JSON,
    SLOTGEN_DUMP_YAML
} slotgen_dump;

typedef struct slotgen_options {
    const char *const *include_dirs;    /* -I DIR... */
    size_t ninclude_dirs;
    const char *output_dir;             /* -o DIR; NULL: current directory */
    const char *templates_dir;          /* --templates DIR; NULL: embedded */
    const char *depfile;                /* --depfile FILE; NULL: none */
    slotgen_dump dump_model;            /* --dump-model[=json|yaml]: print the view, write nothing */
} slotgen_options;

int slotgen_check(const char *const *schemas, size_t n, const slotgen_options *opt, diag *d);
int slotgen_layout(const char *const *schemas, size_t n, const slotgen_options *opt, diag *d, FILE *out);
int slotgen_generate(const char *const *schemas, size_t n, const slotgen_options *opt, diag *d, FILE *out);

#endif
