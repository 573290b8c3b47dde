/*
** test_templates.c: the template set (templates.c) over a table that
** embed_templates.cmake wrote from the fixtures in FIXTURE_DIR: alpha,
** beta (quotes, backslashes, UTF-8, no final newline) and long (beyond
** C11's 4095-character string literal limit).
*/
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "templates.h"

/* Where template_set_new reports; a fresh one for every test. */
static diag *d;

static int new_diag(void **state)
{
    (void)state;
    d = diag_new();
    return 0;
}

static int free_diag(void **state)
{
    (void)state;
    diag_free(d);
    d = NULL;
    return 0;
}

static void read_whole(const char *path, buf *out)
{
    assert_true(buf_read_file(out, path));
}

static void write_whole(const char *dir, const char *file, const char *text)
{
    buf path = BUF_INIT;
    FILE *f;

    buf_printf(&path, "%s/%s", dir, file);
    f = fopen(buf_str(&path), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
    buf_free(&path);
}

static void remove_in(const char *dir, const char *file)
{
    buf path = BUF_INIT;
    buf_printf(&path, "%s/%s", dir, file);
    remove(buf_str(&path));
    buf_free(&path);
}

static void embedded_table_holds_the_files_byte_for_byte(void **state)
{
    static const char *const names[] = { "alpha", "beta", "long" };

    (void)state;
    assert_int_equal(templates_embedded_count, 3);
    for (size_t i = 0; i < 3; i++) {
        const template_file *t = &templates_embedded[i];
        buf path = BUF_INIT, text = BUF_INIT;

        assert_string_equal(t->name, names[i]);
        buf_printf(&path, "%s/%s.mustache", FIXTURE_DIR, names[i]);
        read_whole(buf_str(&path), &text);
        assert_int_equal(t->len, text.len);
        assert_memory_equal(t->text, buf_str(&text), text.len);
        assert_int_equal(t->text[t->len], '\0');
        buf_free(&path);
        buf_free(&text);
    }
    assert_true(templates_embedded[2].len > 4095);
}

static void without_a_directory_every_template_is_embedded(void **state)
{
    template_set *ts = template_set_new(NULL, d);
    size_t len = 0;
    const char *text;

    (void)state;
    assert_non_null(ts);
    assert_int_equal(diag_lines(d), 0);
    text = template_set_get(ts, "beta", &len);
    assert_ptr_equal(text, templates_embedded[1].text);
    assert_int_equal(len, templates_embedded[1].len);
    assert_null(template_set_get(ts, "gamma", &len));
    assert_int_equal(template_set_nfiles(ts), 0);
    template_set_free(ts);
}

static void override_directory_replaces_by_name_and_records_reads(void **state)
{
    char dir[] = "/tmp/slotgen-templates-XXXXXX";
    template_set *ts;
    buf alpha_path = BUF_INIT, gamma_path = BUF_INIT;
    size_t len = 0;
    const char *text;

    (void)state;
    assert_non_null(mkdtemp(dir));
    write_whole(dir, "alpha.mustache", "my alpha");
    write_whole(dir, "gamma.mustache", "my gamma");
    write_whole(dir, "notes.txt", "not a template");
    buf_printf(&alpha_path, "%s/alpha.mustache", dir);
    buf_printf(&gamma_path, "%s/gamma.mustache", dir);

    ts = template_set_new(dir, d);
    assert_non_null(ts);
    assert_int_equal(template_set_nfiles(ts), 0);

    text = template_set_get(ts, "alpha", &len);
    assert_non_null(text);
    assert_int_equal(len, strlen("my alpha"));
    assert_memory_equal(text, "my alpha", len);
    assert_int_equal(template_set_nfiles(ts), 1);
    assert_string_equal(template_set_file(ts, 0), buf_str(&alpha_path));

    /* Not overridden: still the embedded text, and no file recorded. */
    assert_ptr_equal(template_set_get(ts, "beta", &len), templates_embedded[1].text);
    assert_int_equal(template_set_nfiles(ts), 1);

    /* A partial the directory adds; a second read records nothing new. */
    assert_string_equal(template_set_get(ts, "gamma", &len), "my gamma");
    assert_non_null(template_set_get(ts, "alpha", &len));
    assert_int_equal(template_set_nfiles(ts), 2);
    assert_string_equal(template_set_file(ts, 1), buf_str(&gamma_path));

    assert_null(template_set_get(ts, "notes", &len));
    assert_null(template_set_get(ts, "notes.txt", &len));

    template_set_free(ts);
    remove_in(dir, "alpha.mustache");
    remove_in(dir, "gamma.mustache");
    remove_in(dir, "notes.txt");
    assert_int_equal(rmdir(dir), 0);
    buf_free(&alpha_path);
    buf_free(&gamma_path);
}

static void missing_directory_is_an_error(void **state)
{
    (void)state;
    assert_null(template_set_new("/nonexistent/slotgen/templates", d));
    assert_int_equal(diag_io_errors(d), 1);
    assert_string_equal(diag_line(d, 0), "/nonexistent/slotgen/templates: error: "
                        "cannot read template directory: No such file or directory");
}

static void unreadable_template_in_directory_is_an_error(void **state)
{
    char dir[] = "/tmp/slotgen-templates-XXXXXX";
    buf sub = BUF_INIT;

    (void)state;
    assert_non_null(mkdtemp(dir));
    /* A directory named like a template cannot be read as one. */
    buf_printf(&sub, "%s/header.mustache", dir);
    assert_int_equal(mkdir(buf_str(&sub), 0700), 0);
    assert_null(template_set_new(dir, d));
    assert_int_equal(diag_io_errors(d), 1);
    assert_non_null(strstr(diag_line(d, 0), "/header.mustache: error: cannot read template: "));
    assert_int_equal(rmdir(buf_str(&sub)), 0);
    assert_int_equal(rmdir(dir), 0);
    buf_free(&sub);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(embedded_table_holds_the_files_byte_for_byte, new_diag, free_diag),
        cmocka_unit_test_setup_teardown(without_a_directory_every_template_is_embedded, new_diag, free_diag),
        cmocka_unit_test_setup_teardown(override_directory_replaces_by_name_and_records_reads, new_diag, free_diag),
        cmocka_unit_test_setup_teardown(missing_directory_is_an_error, new_diag, free_diag),
        cmocka_unit_test_setup_teardown(unreadable_template_in_directory_is_an_error, new_diag, free_diag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
