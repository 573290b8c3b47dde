/*
** test_embedded.c: the table built into slotgen holds exactly
** the .mustache files of templates/, byte for byte, in name order, so an
** installed slotgen renders what the source tree says.
*/
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <dirent.h>

#include <cmocka.h>

#include "buf.h"
#include "templates.h"

static size_t count_template_files(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *entry;
    size_t count = 0;
    const char *suffix = ".mustache";

    if (!d)
        return 0;
    while ((entry = readdir(d)) != NULL) {
        size_t len = strlen(entry->d_name);
        if (len > strlen(suffix) && strcmp(entry->d_name + len - strlen(suffix), suffix) == 0)
            count++;
    }
    closedir(d);
    return count;
}

static void table_matches_template_files(void **state)
{
    (void)state;
    assert_int_equal(templates_embedded_count, count_template_files(TEMPLATES_DIR));
    for (size_t i = 0; i < templates_embedded_count; i++) {
        const template_file *t = &templates_embedded[i];
        buf path = BUF_INIT, text = BUF_INIT;

        if (i > 0)
            assert_true(strcmp(templates_embedded[i - 1].name, t->name) < 0);
        buf_printf(&path, "%s/%s.mustache", TEMPLATES_DIR, t->name);
        assert_true(buf_read_file(&text, buf_str(&path)));
        assert_int_equal(t->len, text.len);
        assert_memory_equal(t->text, buf_str(&text), text.len);
        assert_int_equal(t->text[t->len], '\0');
        buf_free(&path);
        buf_free(&text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_matches_template_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
