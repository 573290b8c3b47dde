/*
** generate.c: `slotgen generate` as a library call (see slotgen.h).
**
** check -> view -> render -> write.  Every output of the run is rendered
** into memory first and written only when all of them succeeded, so a run
** that fails (a schema error, a template error) writes nothing at all.
** Then each file is written atomically and only if its content changed
** (write.h), and the depfile names every schema and override template the
** outputs were made from.
*/
#include "slotgen.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "data.h"
#include "mem.h"
#include "model.h"
#include "render.h"
#include "templates.h"
#include "view.h"
#include "write.h"

/* The templates rendered for each schema, and the suffix of their output
** file (NAME.yaml -> NAME.slots.h, NAME.slots.c). */
static const struct {
    const char *template_name;
    const char *suffix;
} outputs[] = {
    { "header", ".slots.h" },
    { "source", ".slots.c" },
};
#define NOUTPUTS (sizeof outputs / sizeof outputs[0])

/* One generated file, held in memory until the whole run succeeded. */
typedef struct output_file {
    char *path;         /* owned: DIR/NAME.slots.h */
    buf text;
} output_file;

/* Everything a run holds; run_free releases it all. */
typedef struct run {
    m_program *program;
    char **read_files;  /* schemas read, for the depfile */
    size_t nread_files;
    template_set *templates;
    output_file *files;
    size_t nfiles;
} run;

static void run_free(run *r)
{
    size_t i;

    if (r->program)
        m_program_free(r->program);
    for (i = 0; i < r->nread_files; i++)
        free(r->read_files[i]);
    free(r->read_files);
    template_set_free(r->templates);
    for (i = 0; i < r->nfiles; i++) {
        free(r->files[i].path);
        buf_free(&r->files[i].text);
    }
    free(r->files);
}

/* "DIR/FILE", or FILE alone when there is no output directory. */
static char *output_path(const char *dir, const char *file)
{
    buf b = BUF_INIT;
    size_t len = dir ? strlen(dir) : 0;

    if (len > 0) {
        buf_puts(&b, dir);
        if (dir[len - 1] != '/')
            buf_putc(&b, '/');
    }
    buf_puts(&b, file);
    return buf_steal(&b);
}

static const char *lookup_partial(void *ctx, const char *name, size_t *len)
{
    return template_set_get(ctx, name, len);
}

/* Render template `name` against `view` into `out`.  A malformed template
** is reported as "NAME:LINE: error: MESSAGE" (the renderer's location). */
static int render_template(template_set *ts, const char *name, const data *view,
                           buf *out, diag *d)
{
    render_partials partials = { lookup_partial, ts };
    size_t len;
    const char *text = template_set_get(ts, name, &len);
    char *err = NULL, *message;

    if (!text) {
        diag_error_file(d, name, "no such template");
        return -1;
    }
    if (render(name, text, len, view, &partials, out, &err) == 0)
        return 0;
    /* err is "NAME:LINE: MESSAGE": split it into location and message. */
    message = err ? strstr(err, ": ") : NULL;
    if (message) {
        *message = '\0';
        diag_error_file(d, err, "%s", message + 2);
    } else {
        diag_error_file(d, name, "%s", err ? err : "cannot render");
    }
    free(err);
    return -1;
}

/* Render both files of schema `s` into r->files. */
static int render_schema(run *r, const m_schema *s, const slotgen_options *opt, diag *d)
{
    data_doc *doc = data_doc_new();
    data *view = view_schema(doc, s);
    size_t i;
    int rc = 0;

    for (i = 0; i < NOUTPUTS && rc == 0; i++) {
        output_file *f = &r->files[r->nfiles];
        buf name = BUF_INIT;

        buf_printf(&name, "%s%s", s->name, outputs[i].suffix);
        f->path = output_path(opt->output_dir, buf_str(&name));
        buf_init(&f->text);
        r->nfiles++;
        buf_free(&name);
        rc = render_template(r->templates, outputs[i].template_name, view, &f->text, d);
    }
    data_doc_free(doc);
    return rc;
}

/* --dump-model: the view of each root schema, as one JSON value per line
** or one YAML document each. */
static void dump_views(const m_program *p, slotgen_dump how, FILE *out)
{
    size_t i;

    for (i = 0; i < p->nschemas; i++) {
        buf text = BUF_INIT;
        data_doc *doc;
        data *view;

        if (!p->schemas[i]->root)
            continue;
        doc = data_doc_new();
        view = view_schema(doc, p->schemas[i]);
        if (how == SLOTGEN_DUMP_YAML) {
            buf_puts(&text, "---\n");
            data_to_yaml(view, &text);
        } else {
            data_to_json(view, &text);
        }
        fwrite(text.data ? text.data : "", 1, text.len, out);
        buf_free(&text);
        data_doc_free(doc);
    }
}

static int write_outputs(const run *r, const slotgen_options *opt, diag *d)
{
    const char **targets, **deps;
    write_item *items;
    size_t i, ndeps = 0, ntemplates;
    int rc;

    items = xcalloc(r->nfiles + 1, sizeof *items);
    for (i = 0; i < r->nfiles; i++) {
        items[i].path = r->files[i].path;
        items[i].data = buf_str(&r->files[i].text);
        items[i].len = r->files[i].text.len;
    }
    rc = write_files_if_changed(items, r->nfiles, d);
    free(items);
    if (rc < 0)
        return -1;
    if (!opt->depfile)
        return 0;
    ntemplates = template_set_nfiles(r->templates);
    targets = xcalloc(r->nfiles + 1, sizeof *targets);
    deps = xcalloc(r->nread_files + ntemplates + 1, sizeof *deps);
    for (i = 0; i < r->nfiles; i++)
        targets[i] = r->files[i].path;
    for (i = 0; i < r->nread_files; i++)
        deps[ndeps++] = r->read_files[i];
    for (i = 0; i < ntemplates; i++)
        deps[ndeps++] = template_set_file(r->templates, i);
    rc = write_depfile(opt->depfile, targets, r->nfiles, deps, ndeps, d);
    free(targets);
    free(deps);
    return rc;
}

/* The exit status of a failed check: an unreadable file outranks schema
** errors, since the schemas could not all be seen. */
static int check_status(const diag *d)
{
    if (diag_io_errors(d) > 0 || diag_errors(d) == 0)
        return 2;
    return 1;
}

int slotgen_generate(const char *const *schemas, size_t n, const slotgen_options *opt,
                     diag *d, FILE *out)
{
    static const slotgen_options no_options;
    check_options copt;
    run r;
    size_t i;
    int status = 0;

    if (!opt)
        opt = &no_options;
    memset(&r, 0, sizeof r);
    copt.include_dirs = opt->include_dirs;
    copt.ninclude_dirs = opt->ninclude_dirs;
    r.program = check_files(schemas, n, &copt, d, &r.read_files, &r.nread_files);
    if (!r.program || diag_errors(d) > 0) {
        status = check_status(d);
        if (status == 2 && diag_errors(d) == 0)
            diag_error_file(d, "slotgen", "internal error: check failed without a diagnostic");
        goto done;
    }
    if (opt->dump_model != SLOTGEN_DUMP_NONE) {
        dump_views(r.program, opt->dump_model, out);
        goto done;
    }
    r.templates = template_set_new(opt->templates_dir, d);
    if (!r.templates) {
        status = 2;
        goto done;
    }
    r.files = xcalloc(r.program->nschemas * NOUTPUTS + 1, sizeof *r.files);
    for (i = 0; i < r.program->nschemas && status == 0; i++)
        if (r.program->schemas[i]->root && render_schema(&r, r.program->schemas[i], opt, d) != 0)
            status = 2;
    if (status == 0 && write_outputs(&r, opt, d) != 0)
        status = 2;
done:
    run_free(&r);
    return status;
}
