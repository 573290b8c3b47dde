/*
** diag.h: the error sink every stage reports into.
**
** One format for every diagnostic of the generator, the one GCC, editors
** and CI annotators parse:
**
**     FILE:LINE:COL: error: MESSAGE
**     FILE:LINE:COL: note: MESSAGE        (a second location, e.g. "previously defined here")
**
** LINE and COL are 1-based.  Stages never stop at the first error: they
** report, recover and go on, so that one run shows every mistake.  The
** driver prints the collected lines in the order they were reported and
** exits 1 when diag_errors() is non-zero; nothing is written then.
**
** A diag owns copies of all its messages; positions passed in are only
** read during the call.
*/
#ifndef SLOTGEN_DIAG_H
#define SLOTGEN_DIAG_H

#include <stddef.h>
#include <stdio.h>

/* A position in a schema file.  `file` is borrowed: it points at the path
** string owned by the loaded file (ast_file.path) and lives as long as it. */
typedef struct srcpos {
    const char *file;
    int line;           /* 1-based; 0 when unknown (then only FILE: is printed) */
    int col;            /* 1-based */
} srcpos;

typedef struct diag diag;

diag *diag_new(void);
void diag_free(diag *d);

#if defined(__GNUC__)
#define DIAG_PRINTF(i, j) __attribute__((format(printf, i, j)))
#else
#define DIAG_PRINTF(i, j)
#endif

/* Report an error at `at`. */
void diag_error(diag *d, srcpos at, const char *fmt, ...) DIAG_PRINTF(3, 4);
/* Attach a note (a second location) to the error reported just before. */
void diag_note(diag *d, srcpos at, const char *fmt, ...) DIAG_PRINTF(3, 4);
/* An error with no position in a schema (a file that cannot be opened...):
** printed as "PATH: error: MESSAGE".  It counts as an I/O error too: a run
** that reports one exits 2, not 1 (CONTRACT.md). */
void diag_error_file(diag *d, const char *path, const char *fmt, ...) DIAG_PRINTF(3, 4);

size_t diag_errors(const diag *d);          /* number of errors (notes not counted) */
size_t diag_io_errors(const diag *d);       /* how many of them came from diag_error_file */
size_t diag_lines(const diag *d);           /* number of lines, errors and notes */
const char *diag_line(const diag *d, size_t i);  /* i-th line, without newline */
void diag_print(const diag *d, FILE *out);  /* every line, each ending in '\n' */

#endif
