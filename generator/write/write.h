/*
** write.h: stage 6 of the pipeline, putting generated text on disk.
**
** Two promises of CONTRACT.md live here.  A file is replaced atomically:
** the new content goes to a temporary file in the same directory, which is
** then renamed over the target, so a killed run leaves either the old file
** or the new one, never half of one; the files of one run are renamed
** into place only once all of them were written.  And a file whose content would not
** change is not touched at all (its mtime is kept), so a build that reruns
** the generator does not recompile what depends on it.
**
** Depfiles follow `gcc -MF`: one Make rule "TARGETS: PREREQUISITES", with
** spaces, '#' and '$' escaped, for CMake's DEPFILE and Ninja.
**
** Errors are reported into `d` as "PATH: error: MESSAGE" (strerror text)
** and the functions return -1; the driver maps that to exit status 2.
*/
#ifndef SLOTGEN_WRITE_H
#define SLOTGEN_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* One file of a run: `path` must end up holding `len` bytes of `data`
** (both borrowed). */
typedef struct write_item {
    const char *path;
    const char *data;
    size_t len;
} write_item;

/* Write every item whose content changed, all or nothing: each new
** content is first written to a temporary file beside its target, and only
** when all of them were written are they renamed into place.  Returns the
** number of files (re)written, or -1 on error (reported; no temporary file
** remains and no target was changed). */
int write_files_if_changed(const write_item *items, size_t n, diag *d);

/* Make `path` hold exactly `len` bytes of `data`.  Returns 1 when the file
** was (re)written, 0 when it already held that content (left untouched),
** -1 on error (reported; the old file, if any, is left as it was and no
** temporary file remains). */
int write_file_if_changed(const char *path, const char *data, size_t len, diag *d);

/* Write the depfile `path`: the rule "TARGETS: DEPS" (targets and deps
** borrowed, escaped as gcc -MF does).  Written with write_file_if_changed.
** Returns 0, or -1 on error (reported). */
int write_depfile(const char *path, const char *const *targets, size_t ntargets,
                  const char *const *deps, size_t ndeps, diag *d);

#endif
