/*
** templates.c: the embedded templates, overridden file by file from a
** directory (see templates.h).
**
** The override directory is read whole when the set is made, so that an
** unreadable file is reported up front rather than turning into a silently
** missing partial halfway through a render.  Which override files a run
** actually used is recorded on lookup: those are the files the output
** depends on, and the depfile lists exactly them.
*/
#define _POSIX_C_SOURCE 200809L

#include "templates.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

#define TEMPLATE_SUFFIX ".mustache"

/* A template read from the override directory. */
typedef struct override_file {
    char *name;             /* owned: file name without the suffix */
    char *path;             /* owned: DIR/NAME.mustache */
    char *text;             /* owned, NUL-terminated */
    size_t len;
    bool used;              /* already recorded in `used` */
} override_file;

struct template_set {
    override_file *overrides;   /* owned, sorted by name */
    size_t noverrides;
    size_t overrides_cap;
    const char **used;      /* paths (borrowed from overrides) in order of first use */
    size_t nused;
    size_t used_cap;
};

/* The template name of directory entry `file`, or NULL when it is not a
** template (wrong suffix, or the bare suffix). */
static char *template_name_of(const char *file)
{
    size_t len = strlen(file);
    size_t suffix = strlen(TEMPLATE_SUFFIX);

    if (len <= suffix || strcmp(file + len - suffix, TEMPLATE_SUFFIX) != 0)
        return NULL;
    return xstrndup(file, len - suffix);
}

static int add_override(template_set *ts, const char *dir, const char *file, diag *d)
{
    char *name = template_name_of(file);
    override_file *o;
    buf path = BUF_INIT, text = BUF_INIT;
    void *overrides = ts->overrides;

    if (!name)
        return 0;
    buf_printf(&path, "%s/%s", dir, file);
    xgrow(&overrides, &ts->overrides_cap, ts->noverrides + 1, sizeof *ts->overrides);
    ts->overrides = overrides;
    o = &ts->overrides[ts->noverrides];
    memset(o, 0, sizeof *o);
    o->name = name;
    o->path = buf_steal(&path);
    if (!buf_read_file(&text, o->path)) {
        diag_error_file(d, o->path, "cannot read template: %s", strerror(errno));
        buf_free(&text);
        free(o->name);
        free(o->path);
        return -1;
    }
    o->len = text.len;
    o->text = buf_steal(&text);
    ts->noverrides++;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const override_file *)a)->name, ((const override_file *)b)->name);
}

static int read_overrides(template_set *ts, const char *dir, diag *diags)
{
    DIR *d = opendir(dir);
    struct dirent *entry;
    int rc = 0;

    if (!d) {
        diag_error_file(diags, dir, "cannot read template directory: %s", strerror(errno));
        return -1;
    }
    errno = 0;
    while (rc == 0 && (entry = readdir(d)) != NULL)
        rc = add_override(ts, dir, entry->d_name, diags);
    if (rc == 0 && errno != 0) {
        diag_error_file(diags, dir, "cannot read template directory: %s", strerror(errno));
        rc = -1;
    }
    closedir(d);
    /* readdir's order is the file system's: sort for reproducible runs. */
    if (ts->noverrides > 1)
        qsort(ts->overrides, ts->noverrides, sizeof *ts->overrides, by_name);
    return rc;
}

template_set *template_set_new(const char *dir, diag *d)
{
    template_set *ts = xcalloc(1, sizeof *ts);

    if (dir && read_overrides(ts, dir, d) != 0) {
        template_set_free(ts);
        return NULL;
    }
    return ts;
}

void template_set_free(template_set *ts)
{
    if (!ts)
        return;
    for (size_t i = 0; i < ts->noverrides; i++) {
        free(ts->overrides[i].name);
        free(ts->overrides[i].path);
        free(ts->overrides[i].text);
    }
    free(ts->overrides);
    free(ts->used);
    free(ts);
}

static void record_use(template_set *ts, override_file *o)
{
    void *used = ts->used;

    if (o->used)
        return;
    o->used = true;
    xgrow(&used, &ts->used_cap, ts->nused + 1, sizeof *ts->used);
    ts->used = used;
    ts->used[ts->nused++] = o->path;
}

const char *template_set_get(template_set *ts, const char *name, size_t *len)
{
    for (size_t i = 0; i < ts->noverrides; i++) {
        override_file *o = &ts->overrides[i];
        if (strcmp(o->name, name) == 0) {
            record_use(ts, o);
            *len = o->len;
            return o->text;
        }
    }
    for (size_t i = 0; i < templates_embedded_count; i++) {
        if (strcmp(templates_embedded[i].name, name) == 0) {
            *len = templates_embedded[i].len;
            return templates_embedded[i].text;
        }
    }
    return NULL;
}

size_t template_set_nfiles(const template_set *ts)
{
    return ts->nused;
}

const char *template_set_file(const template_set *ts, size_t i)
{
    return ts->used[i];
}
