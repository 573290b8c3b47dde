/*
** test_layout.c: `slotgen layout` against the compiler.
**
** Runs `SLOTGEN layout SCHEMA...` (the command line of this test), parses
** every block it prints, and compares each figure with the generated
** descriptors, whose sizes and offsets the compiler filled in with sizeof
** and offsetof.  Every class of the generated modules must be printed, and
** every slot of each class.
*/
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "geometry.slots.h"
#include "records.slots.h"
#include "scene.slots.h"
#include "transactions.slots.h"
#include "tree.slots.h"

static const slots_module *const all_modules[] = {
    &geo_module, &rec_module, &scene_module, &transactions_module, &tree_module,
};

/* The command line: the slotgen executable, then the schemas. */
static int g_argc;
static char **g_argv;

/* The class whose C name is `cname` ("geo_Point"), or NULL. */
static const slots_class *class_named(const char *cname)
{
    size_t m;

    for (m = 0; m < sizeof all_modules / sizeof all_modules[0]; m++) {
        size_t len = strlen(all_modules[m]->name);
        if (strncmp(cname, all_modules[m]->name, len) == 0 && cname[len] == '_') {
            const slots_class *cls = slots_find_class(all_modules[m], cname + len + 1);
            if (cls)
                return cls;
        }
    }
    return NULL;
}

/* Check one member line ("OFFSET SIZE WHAT") of the block of `cls`;
** counts the slot lines in *nslots. */
static void check_member(const slots_class *cls, size_t offset, size_t size,
                         const char *what, size_t *nslots)
{
    if (strcmp(what, "[object header]") == 0) {
        assert_int_equal(offset, 0);
        assert_int_equal(size, sizeof(slots_object));
    } else if (strcmp(what, "[weaklist]") == 0) {
        assert_int_equal(offset, cls->weaklist_offset);
        assert_int_equal(size, sizeof(slots_weakref *));
    } else if (strcmp(what, "[dict]") == 0) {
        assert_int_equal(offset, cls->dict_offset);
        assert_int_equal(size, sizeof(slots_dict *));
    } else if (strcmp(what, "[padding]") != 0) {
        char name[128];
        const slots_slot *slot;
        assert_int_equal(sscanf(what, "%127[A-Za-z0-9_]:", name), 1);
        slot = slots_find_slot(cls, name);
        assert_non_null(slot);
        assert_int_equal(offset, slot->offset);
        assert_int_equal(size, slot->size);
        ++*nslots;
    }
}

static void test_layout_figures_are_the_compilers(void **state)
{
    char command[4096] = "";
    char line[512];
    const slots_class *cls = NULL;
    size_t nslots = 0, nclasses = 0, expected_classes = 0, m;
    int i;
    FILE *out;

    (void)state;
    for (i = 1; i < g_argc; i++) {
        strcat(command, i == 1 ? "'" : " '");
        strcat(command, g_argv[i]);
        strcat(command, i == 1 ? "' layout" : "'");
    }
    out = popen(command, "r");
    assert_non_null(out);
    while (fgets(line, sizeof line, out)) {
        char cname[128], what[256];
        size_t a, b;
        if (sscanf(line, "%127s (%*[^)]): %zu bytes, align %zu", cname, &a, &b) == 3) {
            cls = class_named(cname);
            assert_non_null(cls);
            assert_int_equal(a, cls->size);
            nslots = 0;
            nclasses++;
        } else if (sscanf(line, " total %zu bytes", &a) == 1) {
            assert_non_null(cls);
            assert_int_equal(a, cls->size);
            assert_int_equal(nslots, cls->nslots);
            cls = NULL;
        } else if (sscanf(line, " %zu %zu %255[^\n]", &a, &b, what) == 3) {
            assert_non_null(cls);
            check_member(cls, a, b, what, &nslots);
        }
    }
    assert_int_equal(pclose(out), 0);
    for (m = 0; m < sizeof all_modules / sizeof all_modules[0]; m++)
        expected_classes += all_modules[m]->nclasses;
    assert_int_equal(nclasses, expected_classes);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_figures_are_the_compilers),
    };
    if (argc < 3) {
        fprintf(stderr, "usage: %s SLOTGEN SCHEMA...\n", argv[0]);
        return 2;
    }
    g_argc = argc;
    g_argv = argv;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
