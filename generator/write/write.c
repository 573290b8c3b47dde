/*
** write.c: atomic, only-if-changed file writes and Make depfiles (see
** write.h).
**
** The temporary file is created next to the target (rename() is atomic
** only within one file system) with mkstemp(), so two concurrent runs never
** share one.  The comparison with the existing file reads it once; a file
** that cannot be read simply counts as different.
*/
#define _POSIX_C_SOURCE 200809L
#include "write.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "mem.h"

/* Whether the file at `path` holds exactly `len` bytes equal to `data`. */
static bool file_has_content(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "rb");
    char chunk[8192];
    size_t seen = 0, n;
    bool same = true;

    if (!f)
        return false;
    while (same && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (seen + n > len || memcmp(chunk, data + seen, n) != 0)
            same = false;
        seen += n;
    }
    if (ferror(f))
        same = false;
    fclose(f);
    return same && seen == len;
}

/* Write all of `data` to descriptor `fd`, retrying short writes. */
static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* "DIR/.NAME.XXXXXX" for target "DIR/NAME": hidden, and in the same
** directory as the target.  Caller frees. */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    buf b = BUF_INIT;

    buf_putn(&b, path, dirlen);
    buf_printf(&b, ".%s.XXXXXX", path + dirlen);
    return buf_steal(&b);
}

/* Write `data` to a new temporary file beside `path`.  Returns its name
** (caller frees), or NULL on error (reported, nothing left behind). */
static char *write_temp(const char *path, const char *data, size_t len, diag *d)
{
    struct stat st;
    char *tmp;
    int fd, saved;

    /* A directory in the way would only fail at rename time, after other
    ** files of the run were renamed: catch it while nothing has changed. */
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_error_file(d, path, "cannot write: %s", strerror(EISDIR));
        return NULL;
    }
    tmp = temp_template(path);
    fd = mkstemp(tmp);
    if (fd < 0) {
        diag_error_file(d, path, "cannot create a temporary file: %s", strerror(errno));
        free(tmp);
        return NULL;
    }
    /* mkstemp creates 0600; generated sources are ordinary files. */
    if (fchmod(fd, 0644) != 0 || write_all(fd, data, len) != 0) {
        saved = errno;
        close(fd);
    } else if (close(fd) != 0) {
        saved = errno;
    } else {
        return tmp;
    }
    unlink(tmp);
    diag_error_file(d, path, "cannot write: %s", strerror(saved));
    free(tmp);
    return NULL;
}

int write_files_if_changed(const write_item *items, size_t n, diag *d)
{
    char **temps = xcalloc(n + 1, sizeof *temps);
    size_t i;
    int written = 0;

    for (i = 0; i < n && written >= 0; i++) {
        if (file_has_content(items[i].path, items[i].data, items[i].len))
            continue;
        temps[i] = write_temp(items[i].path, items[i].data, items[i].len, d);
        written = temps[i] ? written + 1 : -1;
    }
    for (i = 0; i < n; i++) {
        if (!temps[i])
            continue;
        if (written >= 0 && rename(temps[i], items[i].path) != 0) {
            diag_error_file(d, items[i].path, "cannot write: %s", strerror(errno));
            written = -1;
        }
        if (written < 0)
            unlink(temps[i]);
        free(temps[i]);
    }
    free(temps);
    return written;
}

int write_file_if_changed(const char *path, const char *data, size_t len, diag *d)
{
    write_item item = { path, data, len };

    return write_files_if_changed(&item, 1, d);
}

/* Append `path` escaped for a Make rule, as gcc -MF escapes it: a space
** (and the backslashes right before it) and '#' get a backslash, '$' is
** doubled. */
static void put_make_path(buf *b, const char *path)
{
    const char *p;

    for (p = path; *p; p++) {
        if (*p == ' ' || *p == '\t') {
            const char *q;
            for (q = p; q > path && q[-1] == '\\'; q--)
                buf_putc(b, '\\');
            buf_putc(b, '\\');
        } else if (*p == '#') {
            buf_putc(b, '\\');
        } else if (*p == '$') {
            buf_putc(b, '$');
        }
        buf_putc(b, *p);
    }
}

int write_depfile(const char *path, const char *const *targets, size_t ntargets,
                  const char *const *deps, size_t ndeps, diag *d)
{
    buf b = BUF_INIT;
    size_t i;
    int rc;

    for (i = 0; i < ntargets; i++) {
        if (i > 0)
            buf_putc(&b, ' ');
        put_make_path(&b, targets[i]);
    }
    buf_putc(&b, ':');
    for (i = 0; i < ndeps; i++) {
        buf_puts(&b, " \\\n ");
        put_make_path(&b, deps[i]);
    }
    buf_putc(&b, '\n');
    rc = write_file_if_changed(path, buf_str(&b), b.len, d);
    buf_free(&b);
    return rc < 0 ? -1 : 0;
}
