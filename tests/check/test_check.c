/*
** test_check.c: the model check_string and check_files build from good
** schemas: resolved bases, inherited flags, slot order, effective
** readonly, parsed defaults, module names, positions, imports and the
** files read.  (Bad schemas are tests/frontend/bad/.)
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "model.h"

/* The program of a schema that must check clean. */
static m_program *check_ok(const char *name, const char *text)
{
    diag *d = diag_new();
    m_program *p = check_string(name, text, strlen(text), NULL, d);
    if (diag_lines(d) > 0)
        print_error("unexpected diagnostic: %s\n", diag_line(d, 0));
    assert_int_equal(diag_lines(d), 0);
    assert_non_null(p);
    diag_free(d);
    return p;
}

static const char chain_schema[] =
    "doc: A chain declared leaf first.\n"
    "classes:\n"
    "  Leaf:\n"
    "    base: Mid\n"
    "    frozen: true\n"
    "    slots:\n"
    "      c: {type: int8, default: -5}\n"
    "  Root:\n"
    "    weakref: true\n"
    "    frozen: true\n"
    "    doc: The root.\n"
    "    slots:\n"
    "      a: {type: uint64, default: 0xFF}\n"
    "      s: {type: string, default: hi, doc: A greeting.}\n"
    "  Mid:\n"
    "    base: Root\n"
    "    frozen: true\n"
    "    slots:\n"
    "      b: {type: \"float[3]\", default: [1.5, .inf]}\n";

/* m_schema_find_class indexes classes appended after an earlier lookup
** (the checker declares classes one at a time) and, like a scan, finds
** the first of two classes with one name. */
static void test_find_class_sees_classes_appended_later(void **state)
{
    m_schema *s = calloc(1, sizeof *s);
    m_class *made[3];
    static char name_a[] = "A", name_b[] = "B";
    char *names[3] = { name_a, name_b, name_a };
    size_t i;

    (void)state;
    s->classes = calloc(3, sizeof *s->classes);
    for (i = 0; i < 3; i++) {
        made[i] = calloc(1, sizeof *made[i]);
        made[i]->name = names[i];
        made[i]->schema = s;
    }
    s->classes[s->nclasses++] = made[0];
    assert_ptr_equal(m_schema_find_class(s, "A"), made[0]);
    assert_null(m_schema_find_class(s, "B"));
    s->classes[s->nclasses++] = made[1];
    s->classes[s->nclasses++] = made[2];
    assert_ptr_equal(m_schema_find_class(s, "B"), made[1]);
    assert_ptr_equal(m_schema_find_class(s, "A"), made[0]);
    for (i = 0; i < 3; i++)
        free(made[i]);
    strmap_free(&s->class_index);
    free(s->classes);
    free(s);
}

static void test_bases_resolve_whatever_the_declaration_order(void **state)
{
    m_program *p = check_ok("chain.yaml", chain_schema);
    m_schema *s = p->schemas[0];
    m_class *leaf = m_schema_find_class(s, "Leaf"), *mid = m_schema_find_class(s, "Mid"),
            *root = m_schema_find_class(s, "Root");
    (void)state;
    assert_int_equal(p->nschemas, 1);
    assert_true(s->root);
    assert_int_equal(s->nclasses, 3);
    assert_ptr_equal(s->classes[0], leaf);          /* declared order kept */
    assert_ptr_equal(leaf->base, mid);
    assert_ptr_equal(mid->base, root);
    assert_null(root->base);
    assert_ptr_equal(leaf->schema, s);
    assert_string_equal(root->doc, "The root.");
    assert_null(leaf->doc);
    m_program_free(p);
}

static void test_weakref_is_inherited_but_declared_once(void **state)
{
    m_program *p = check_ok("chain.yaml", chain_schema);
    m_class *leaf = m_schema_find_class(p->schemas[0], "Leaf");
    m_class *root = m_schema_find_class(p->schemas[0], "Root");
    (void)state;
    assert_true(root->weakref);
    assert_true(root->has_weakref);
    assert_false(leaf->weakref);
    assert_true(leaf->has_weakref);
    assert_false(leaf->has_dict);
    m_program_free(p);
}

static void test_all_slots_are_inherited_first_in_layout_order(void **state)
{
    static const char *const order[] = {"a", "s", "b", "c"};
    m_program *p = check_ok("chain.yaml", chain_schema);
    m_class *leaf = m_schema_find_class(p->schemas[0], "Leaf");
    size_t i;
    (void)state;
    assert_int_equal(leaf->nown, 1);
    assert_int_equal(leaf->nall, 4);
    for (i = 0; i < 4; i++)
        assert_string_equal(leaf->all[i]->name, order[i]);
    assert_ptr_equal(leaf->all[3], leaf->own[0]);
    assert_string_equal(leaf->all[0]->owner->name, "Root");
    assert_string_equal(leaf->all[2]->owner->name, "Mid");
    m_program_free(p);
}

static void test_frozen_makes_every_slot_readonly(void **state)
{
    m_program *p = check_ok("chain.yaml", chain_schema);
    m_class *leaf = m_schema_find_class(p->schemas[0], "Leaf");
    size_t i;
    (void)state;
    for (i = 0; i < leaf->nall; i++)
        assert_true(leaf->all[i]->readonly);
    m_program_free(p);
}

static void test_defaults_are_parsed_into_values(void **state)
{
    m_program *p = check_ok("chain.yaml", chain_schema);
    m_class *leaf = m_schema_find_class(p->schemas[0], "Leaf");
    const m_slot *a = leaf->all[0], *s = leaf->all[1], *b = leaf->all[2], *c = leaf->all[3];
    (void)state;
    assert_true(a->has_default);
    assert_int_equal(a->def.kind, M_VUINT);
    assert_int_equal(a->def.u, 255);
    assert_string_equal(a->def.text, "0xFF");
    assert_int_equal(s->def.kind, M_VSTR);
    assert_string_equal(s->def.s, "hi");
    assert_string_equal(s->doc, "A greeting.");
    assert_int_equal(b->type.kind, M_FLOAT);
    assert_int_equal(b->type.array_len, 3);
    assert_string_equal(b->type_text, "float[3]");
    assert_int_equal(b->def.kind, M_VLIST);
    assert_int_equal(b->def.nitems, 2);
    assert_true(b->def.items[0].d == 1.5);
    assert_true(isinf(b->def.items[1].d) && b->def.items[1].d > 0);
    assert_int_equal(c->def.kind, M_VINT);
    assert_int_equal(c->def.i, -5);
    m_program_free(p);
}

static void test_slot_positions_are_their_keys(void **state)
{
    m_program *p = check_ok("chain.yaml", chain_schema);
    m_class *root = m_schema_find_class(p->schemas[0], "Root");
    (void)state;
    assert_int_equal(root->pos.line, 8);
    assert_int_equal(root->pos.col, 3);
    assert_int_equal(root->own[1]->pos.line, 14);
    assert_int_equal(root->own[1]->pos.col, 7);
    assert_string_equal(root->own[1]->pos.file, "chain.yaml");
    m_program_free(p);
}

static void test_module_defaults_to_the_file_name_made_an_identifier(void **state)
{
    static const char text[] = "classes: {}\n";
    m_program *p = check_ok("dir/3d-shapes.v2.yml", text);
    (void)state;
    assert_string_equal(p->schemas[0]->module, "_3d_shapes_v2");
    assert_string_equal(p->schemas[0]->name, "3d-shapes.v2");
    assert_int_equal(p->schemas[0]->nclasses, 0);
    m_program_free(p);
    p = check_ok("geometry.yaml", "module: geo\nclasses: {}\n");
    assert_string_equal(p->schemas[0]->module, "geo");
    assert_string_equal(p->schemas[0]->name, "geometry");
    m_program_free(p);
}

static void test_references_and_weak_references_resolve(void **state)
{
    static const char text[] =
        "classes:\n"
        "  Node:\n"
        "    weakref: true\n"
        "    dict: true\n"
        "    slots:\n"
        "      next: Node\n"
        "      parent: {type: Node, weak: true}\n"
        "      key: {type: string, readonly: true}\n"
        "      code: char[4]\n"
        "  Sub:\n"
        "    base: Node\n";
    m_program *p = check_ok("node.yaml", text);
    m_class *node = m_schema_find_class(p->schemas[0], "Node");
    m_class *sub = m_schema_find_class(p->schemas[0], "Sub");
    (void)state;
    assert_int_equal(node->own[0]->type.kind, M_REF);
    assert_ptr_equal(node->own[0]->type.ref, node);
    assert_int_equal(node->own[1]->type.kind, M_WEAK);
    assert_ptr_equal(node->own[1]->type.ref, node);
    assert_false(node->own[0]->readonly);
    assert_true(node->own[2]->readonly);
    assert_false(node->own[2]->has_default);
    assert_int_equal(node->own[3]->type.kind, M_CHAR);
    assert_int_equal(node->own[3]->type.array_len, 4);
    assert_true(sub->has_dict && !sub->dict);
    assert_int_equal(sub->nown, 0);
    assert_int_equal(sub->nall, 4);
    m_program_free(p);
}

static void test_errors_yield_no_program_and_every_diagnostic(void **state)
{
    static const char text[] =
        "classes:\n"
        "  A:\n"
        "    slots:\n"
        "      x: int23\n"
        "      y: {type: int8, default: 300}\n";
    diag *d = diag_new();
    m_program *p = check_string("bad.yaml", text, sizeof text - 1, NULL, d);
    (void)state;
    assert_null(p);
    assert_int_equal(diag_errors(d), 2);
    assert_string_equal(diag_line(d, 0), "bad.yaml:4:10: error: unknown type 'int23'; did you mean 'int32'?");
    assert_string_equal(diag_line(d, 1), "bad.yaml:5:32: error: default 300 out of range for int8 (-128..127)");
    diag_free(d);
}

/* Text that does not parse gets its syntax error and nothing else: no
** attempt to read a file of the same name, no I/O error. */
static void test_unparsable_text_reports_only_its_syntax_error(void **state)
{
    static const char text[] = "classes: [\n";
    diag *d = diag_new();
    m_program *p = check_string("check_unparsable.yaml", text, sizeof text - 1, NULL, d);
    (void)state;
    assert_null(p);
    assert_int_equal(diag_errors(d), 1);
    assert_int_equal(diag_io_errors(d), 0);
    assert_non_null(strstr(diag_line(d, 0), "check_unparsable.yaml:2:1: error: "));
    diag_free(d);
}

static void test_imports_are_loaded_once_and_recorded(void **state)
{
    const char *paths[] = {SCHEMAS_DIR "/scene.yaml", SCHEMAS_DIR "/geometry.yaml"};
    char **read = NULL;
    size_t nread = 0, i;
    diag *d = diag_new();
    m_program *p = check_files(paths, 2, NULL, d, &read, &nread);
    m_schema *scene, *geo, *tree;
    m_class *circle;
    (void)state;
    assert_non_null(p);
    assert_int_equal(diag_lines(d), 0);
    assert_int_equal(nread, 3);
    assert_string_equal(read[0], SCHEMAS_DIR "/scene.yaml");
    assert_string_equal(read[1], SCHEMAS_DIR "/geometry.yaml");
    assert_string_equal(read[2], SCHEMAS_DIR "/tree.yaml");
    /* Dependencies before dependents. */
    assert_int_equal(p->nschemas, 3);
    geo = p->schemas[0];
    tree = p->schemas[1];
    scene = p->schemas[2];
    assert_string_equal(scene->module, "scene");
    assert_true(scene->root);
    assert_true(geo->root);             /* named on the command line too */
    assert_false(tree->root);           /* only imported */
    assert_int_equal(scene->nimports, 2);
    assert_ptr_equal(scene->imports[0], geo);
    assert_ptr_equal(scene->imports[1], tree);
    circle = m_schema_find_class(scene, "Circle");
    assert_ptr_equal(circle->base, m_schema_find_class(geo, "Shape"));
    assert_ptr_equal(circle->own[0]->type.ref, m_schema_find_class(geo, "Point"));
    for (i = 0; i < nread; i++)
        free(read[i]);
    free(read);
    m_program_free(p);
    diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bases_resolve_whatever_the_declaration_order),
        cmocka_unit_test(test_find_class_sees_classes_appended_later),
        cmocka_unit_test(test_weakref_is_inherited_but_declared_once),
        cmocka_unit_test(test_all_slots_are_inherited_first_in_layout_order),
        cmocka_unit_test(test_frozen_makes_every_slot_readonly),
        cmocka_unit_test(test_defaults_are_parsed_into_values),
        cmocka_unit_test(test_slot_positions_are_their_keys),
        cmocka_unit_test(test_module_defaults_to_the_file_name_made_an_identifier),
        cmocka_unit_test(test_references_and_weak_references_resolve),
        cmocka_unit_test(test_errors_yield_no_program_and_every_diagnostic),
        cmocka_unit_test(test_unparsable_text_reports_only_its_syntax_error),
        cmocka_unit_test(test_imports_are_loaded_once_and_recorded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
