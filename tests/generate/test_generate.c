/*
** test_generate.c: `slotgen generate` driven in-process (slotgen.h).
**
** Each test works in a fresh directory under the current one (the build
** tree): the promises checked are those of CONTRACT.md and write.h: two
** files per schema, byte-for-byte determinism, no rewrite of an unchanged
** file, atomic all-or-nothing writes, nothing written on a schema or
** template error, Make depfiles, template overrides and the model dump.
*/
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "slotgen.h"
#include "write.h"

static const char point_schema[] =
    "module: geo\n"
    "doc: Test shapes.\n"
    "classes:\n"
    "  Point:\n"
    "    slots:\n"
    "      x: int32\n"
    "      y: {type: int32, default: 2}\n";

/* ---- files and directories ---------------------------------------- */

static char *path_join(const char *dir, const char *name)
{
    buf b = BUF_INIT;

    buf_printf(&b, "%s/%s", dir, name);
    return buf_steal(&b);
}

static void write_text(const char *dir, const char *name, const char *text)
{
    char *path = path_join(dir, name);
    FILE *f = fopen(path, "w");

    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
    free(path);
}

/* The content of DIR/NAME (caller frees), or NULL if it cannot be read. */
static char *read_text(const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    buf b = BUF_INIT;
    bool ok = buf_read_file(&b, path);

    free(path);
    if (!ok) {
        buf_free(&b);
        return NULL;
    }
    return buf_steal(&b);
}

static bool exists(const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    struct stat st;
    bool found = stat(path, &st) == 0;

    free(path);
    return found;
}

static time_t mtime_of(const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    struct stat st;

    assert_int_equal(stat(path, &st), 0);
    free(path);
    return st.st_mtime;
}

/* Pretend DIR/NAME was written long ago, so that a rewrite would show. */
static void age(const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    struct timeval old[2] = { { 1000000, 0 }, { 1000000, 0 } };

    assert_int_equal(utimes(path, old), 0);
    free(path);
}

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;

    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

/* Remove a directory tree of plain files and directories. */
static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        char *path;
        struct stat st;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        path = path_join(dir, e->d_name);
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            chmod(path, 0700);
            remove_tree(path);
        } else {
            unlink(path);
        }
        free(path);
    }
    closedir(d);
    rmdir(dir);
}

/* Per-test fixture: a fresh directory, removed afterwards. */
static int make_dir(void **state)
{
    char *dir = strdup("generate_XXXXXX");

    if (!dir || !mkdtemp(dir))
        return -1;
    *state = dir;
    return 0;
}

static int remove_dir(void **state)
{
    remove_tree(*state);
    free(*state);
    return 0;
}

/* ---- running the generator ---------------------------------------- */

/* Generate DIR/NAME.yaml into OUT (DIR when NULL) with `opt` (NULL: just
** -o); returns the exit status.  Diagnostics land in *lines when given. */
static int generate(const char *dir, const char *schema, slotgen_options *opt,
                    char **lines)
{
    slotgen_options defaults;
    char *path = path_join(dir, schema);
    const char *paths[1];
    diag *d = diag_new();
    int status;

    memset(&defaults, 0, sizeof defaults);
    if (!opt) {
        opt = &defaults;
        opt->output_dir = dir;
    }
    paths[0] = path;
    status = slotgen_generate(paths, 1, opt, d, stdout);
    if (lines) {
        buf b = BUF_INIT;
        for (size_t i = 0; i < diag_lines(d); i++)
            buf_printf(&b, "%s\n", diag_line(d, i));
        *lines = buf_steal(&b);
    }
    diag_free(d);
    free(path);
    return status;
}

/* ---- tests ---------------------------------------------------------- */

static void test_generate_writes_a_header_and_a_source(void **state)
{
    const char *dir = *state;
    char *h, *c;

    write_text(dir, "geo.yaml", point_schema);
    assert_int_equal(generate(dir, "geo.yaml", NULL, NULL), 0);
    h = read_text(dir, "geo.slots.h");
    c = read_text(dir, "geo.slots.c");
    assert_non_null(h);
    assert_non_null(c);
    assert_non_null(strstr(h, "geo_Point *geo_Point_new(int32_t x);"));
    assert_non_null(strstr(h, "#ifndef SLOTGEN_GEO_GEO_SLOTS_H"));
    assert_non_null(strstr(c, "const slots_class geo_Point_class = {"));
    assert_int_equal(count_entries(dir), 3);
    free(h);
    free(c);
}

static void test_output_is_byte_for_byte_deterministic(void **state)
{
    const char *dir = *state;
    char *first_h, *first_c, *second_h, *second_c;
    slotgen_options opt;

    memset(&opt, 0, sizeof opt);
    write_text(dir, "geo.yaml", point_schema);
    assert_int_equal(mkdir("second", 0755) == 0 || exists(".", "second"), 1);
    assert_int_equal(generate(dir, "geo.yaml", NULL, NULL), 0);
    opt.output_dir = "second";
    assert_int_equal(generate(dir, "geo.yaml", &opt, NULL), 0);
    first_h = read_text(dir, "geo.slots.h");
    first_c = read_text(dir, "geo.slots.c");
    second_h = read_text("second", "geo.slots.h");
    second_c = read_text("second", "geo.slots.c");
    assert_string_equal(first_h, second_h);
    assert_string_equal(first_c, second_c);
    free(first_h);
    free(first_c);
    free(second_h);
    free(second_c);
    remove_tree("second");
}

static void test_unchanged_output_is_not_rewritten(void **state)
{
    const char *dir = *state;

    write_text(dir, "geo.yaml", point_schema);
    assert_int_equal(generate(dir, "geo.yaml", NULL, NULL), 0);
    age(dir, "geo.slots.h");
    age(dir, "geo.slots.c");
    assert_int_equal(generate(dir, "geo.yaml", NULL, NULL), 0);
    assert_int_equal(mtime_of(dir, "geo.slots.h"), 1000000);
    assert_int_equal(mtime_of(dir, "geo.slots.c"), 1000000);

    /* A real change is written. */
    write_text(dir, "geo.yaml", "module: geo\nclasses:\n  Point: {slots: {x: int64}}\n");
    assert_int_equal(generate(dir, "geo.yaml", NULL, NULL), 0);
    assert_true(mtime_of(dir, "geo.slots.h") != 1000000);
    assert_true(mtime_of(dir, "geo.slots.c") != 1000000);
}

static void test_no_temporary_file_is_left_behind(void **state)
{
    const char *dir = *state;

    write_text(dir, "geo.yaml", point_schema);
    assert_int_equal(generate(dir, "geo.yaml", NULL, NULL), 0);
    assert_int_equal(generate(dir, "geo.yaml", NULL, NULL), 0);
    assert_int_equal(count_entries(dir), 3);
}

static void test_missing_output_dir_is_an_io_error(void **state)
{
    const char *dir = *state;
    slotgen_options opt;
    char *lines;

    memset(&opt, 0, sizeof opt);
    opt.output_dir = "no/such/dir";
    write_text(dir, "geo.yaml", point_schema);
    assert_int_equal(generate(dir, "geo.yaml", &opt, &lines), 2);
    assert_non_null(strstr(lines, "no/such/dir/geo.slots.h: error: "));
    free(lines);
}

static void test_a_failed_write_changes_no_file(void **state)
{
    const char *dir = *state;
    char *sub = path_join(dir, "geo.slots.c");
    char *lines;

    /* The source cannot replace a directory; the header must not be
    ** written alone either. */
    write_text(dir, "geo.yaml", point_schema);
    assert_int_equal(mkdir(sub, 0755), 0);
    assert_int_equal(generate(dir, "geo.yaml", NULL, &lines), 2);
    assert_non_null(strstr(lines, "geo.slots.c: error: "));
    assert_false(exists(dir, "geo.slots.h"));
    assert_int_equal(count_entries(dir), 2);
    free(lines);
    free(sub);
}

static void test_unwritable_output_dir_is_an_io_error(void **state)
{
    const char *dir = *state;
    slotgen_options opt;
    char *out = path_join(dir, "out");

    memset(&opt, 0, sizeof opt);
    opt.output_dir = out;
    write_text(dir, "geo.yaml", point_schema);
    if (geteuid() == 0) {
        /* Root writes into any directory: use a file as the "directory". */
        write_text(dir, "out", "not a directory\n");
        assert_int_equal(generate(dir, "geo.yaml", &opt, NULL), 2);
        assert_int_equal(count_entries(dir), 2);
    } else {
        assert_int_equal(mkdir(out, 0555), 0);
        assert_int_equal(generate(dir, "geo.yaml", &opt, NULL), 2);
        assert_int_equal(count_entries(out), 0);
    }
    free(out);
}

static void test_schema_error_writes_and_changes_nothing(void **state)
{
    const char *dir = *state;
    slotgen_options opt;
    char *before, *after, *lines, *depfile = path_join(dir, "geo.d");

    write_text(dir, "geo.yaml", point_schema);
    assert_int_equal(generate(dir, "geo.yaml", NULL, NULL), 0);
    age(dir, "geo.slots.h");
    before = read_text(dir, "geo.slots.h");

    memset(&opt, 0, sizeof opt);
    opt.output_dir = dir;
    opt.depfile = depfile;
    write_text(dir, "geo.yaml", "module: geo\nclasses:\n  Point: {slots: {x: int33}}\n");
    assert_int_equal(generate(dir, "geo.yaml", &opt, &lines), 1);
    assert_non_null(strstr(lines, "geo.yaml:3:"));
    after = read_text(dir, "geo.slots.h");
    assert_string_equal(before, after);
    assert_int_equal(mtime_of(dir, "geo.slots.h"), 1000000);
    assert_false(exists(dir, "geo.d"));
    free(before);
    free(after);
    free(lines);
    free(depfile);
}

static void test_depfile_names_every_schema_and_template_read(void **state)
{
    const char *dir = *state;
    char *tdir = path_join(dir, "tmpl");
    char *depfile = path_join(dir, "geo.d");
    char *text;
    buf expected = BUF_INIT;
    slotgen_options opt;

    write_text(dir, "base.yaml", "module: base\nclasses:\n  Thing: {slots: {id: int32}}\n");
    write_text(dir, "geo.yaml", "module: geo\nimports: [base.yaml]\n"
                                "classes:\n  Point: {base: Thing, slots: {x: int32}}\n");
    assert_int_equal(mkdir(tdir, 0755), 0);
    write_text(tdir, "header.mustache", "/* {{module}} */\n");
    memset(&opt, 0, sizeof opt);
    opt.output_dir = dir;
    opt.templates_dir = tdir;
    opt.depfile = depfile;
    assert_int_equal(generate(dir, "geo.yaml", &opt, NULL), 0);

    text = read_text(dir, "geo.d");
    assert_non_null(text);
    buf_printf(&expected, "%s/geo.slots.h %s/geo.slots.c: \\\n %s/geo.yaml \\\n %s/base.yaml"
               " \\\n %s/header.mustache\n", dir, dir, dir, dir, tdir);
    assert_string_equal(text, buf_str(&expected));
    buf_free(&expected);
    free(text);
    free(tdir);
    free(depfile);
}

static void test_depfile_paths_are_escaped_like_gcc(void **state)
{
    const char *dir = *state;
    char *path = path_join(dir, "x.d");
    const char *targets[] = { "out dir/a.slots.h" };
    const char *deps[] = { "my schemas/a.yaml", "cost$.yaml", "c#.yaml" };
    diag *d = diag_new();
    char *text;

    assert_int_equal(write_depfile(path, targets, 1, deps, 3, d), 0);
    text = read_text(dir, "x.d");
    assert_string_equal(text, "out\\ dir/a.slots.h: \\\n my\\ schemas/a.yaml \\\n cost$$.yaml"
                              " \\\n c\\#.yaml\n");
    free(text);
    free(path);
    diag_free(d);
}

static void test_templates_override_by_name(void **state)
{
    const char *dir = *state;
    char *tdir = path_join(dir, "tmpl");
    char *h, *c;
    slotgen_options opt;

    write_text(dir, "geo.yaml", point_schema);
    assert_int_equal(mkdir(tdir, 0755), 0);
    write_text(tdir, "header.mustache", "{{#classes}}{{cname}} {{>extra}}\n{{/classes}}");
    write_text(tdir, "extra.mustache", "has {{nslots}} slots");
    memset(&opt, 0, sizeof opt);
    opt.output_dir = dir;
    opt.templates_dir = tdir;
    assert_int_equal(generate(dir, "geo.yaml", &opt, NULL), 0);
    h = read_text(dir, "geo.slots.h");
    c = read_text(dir, "geo.slots.c");
    assert_string_equal(h, "geo_Point has 2 slots\n");
    /* The source template was not overridden: the embedded one ran. */
    assert_non_null(strstr(c, "const slots_class geo_Point_class = {"));
    free(h);
    free(c);
    free(tdir);
}

static void test_template_error_exits_2_and_writes_nothing(void **state)
{
    const char *dir = *state;
    char *tdir = path_join(dir, "tmpl");
    char *lines;
    slotgen_options opt;

    write_text(dir, "geo.yaml", point_schema);
    assert_int_equal(mkdir(tdir, 0755), 0);
    write_text(tdir, "source.mustache", "ok\n{{#classes}}never closed\n");
    memset(&opt, 0, sizeof opt);
    opt.output_dir = dir;
    opt.templates_dir = tdir;
    assert_int_equal(generate(dir, "geo.yaml", &opt, &lines), 2);
    assert_non_null(strstr(lines, "source"));
    assert_non_null(strstr(lines, "error: "));
    assert_false(exists(dir, "geo.slots.h"));
    assert_false(exists(dir, "geo.slots.c"));
    free(lines);
    free(tdir);
}

/* Run the dump into a temporary file and return what it printed. */
static char *dump(const char *dir, slotgen_dump how, int *status)
{
    char *path = path_join(dir, "geo.yaml");
    const char *paths[1];
    slotgen_options opt;
    diag *d = diag_new();
    FILE *out = tmpfile();
    buf b = BUF_INIT;
    char chunk[4096];
    size_t n;

    assert_non_null(out);
    memset(&opt, 0, sizeof opt);
    opt.output_dir = dir;
    opt.dump_model = how;
    paths[0] = path;
    *status = slotgen_generate(paths, 1, &opt, d, out);
    rewind(out);
    while ((n = fread(chunk, 1, sizeof chunk, out)) > 0)
        buf_putn(&b, chunk, n);
    fclose(out);
    diag_free(d);
    free(path);
    return buf_steal(&b);
}

static void test_dump_model_prints_the_view_and_writes_nothing(void **state)
{
    const char *dir = *state;
    int status;
    char *json, *yaml;

    write_text(dir, "geo.yaml", point_schema);
    json = dump(dir, SLOTGEN_DUMP_JSON, &status);
    assert_int_equal(status, 0);
    assert_int_equal(json[0], '{');
    assert_non_null(strstr(json, "\"cname\""));
    assert_non_null(strstr(json, "geo_Point"));
    assert_non_null(strstr(json, "\"getter_decl\""));
    yaml = dump(dir, SLOTGEN_DUMP_YAML, &status);
    assert_int_equal(status, 0);
    assert_non_null(strstr(yaml, "cname: geo_Point"));
    assert_int_equal(count_entries(dir), 1);
    free(json);
    free(yaml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, make_dir, remove_dir)
        T(test_generate_writes_a_header_and_a_source),
        T(test_output_is_byte_for_byte_deterministic),
        T(test_unchanged_output_is_not_rewritten),
        T(test_no_temporary_file_is_left_behind),
        T(test_missing_output_dir_is_an_io_error),
        T(test_a_failed_write_changes_no_file),
        T(test_unwritable_output_dir_is_an_io_error),
        T(test_schema_error_writes_and_changes_nothing),
        T(test_depfile_names_every_schema_and_template_read),
        T(test_depfile_paths_are_escaped_like_gcc),
        T(test_templates_override_by_name),
        T(test_template_error_exits_2_and_writes_nothing),
        T(test_dump_model_prints_the_view_and_writes_nothing),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
