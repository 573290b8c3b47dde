/*
** main.c: the `slotgen` command line (CONTRACT.md "Command line").
**
** Parses arguments into slotgen_options and hands over to slotgen.h; prints
** the diagnostics the run collected.  Exit status: 0 success, 1 schema
** errors, 2 usage or I/O errors.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mem.h"
#include "slotgen.h"

static const char usage_text[] =
    "usage: slotgen generate [-o DIR] [-I DIR]... [--templates DIR] [--depfile FILE]\n"
    "                        [--dump-model[=json|yaml]] SCHEMA...\n"
    "       slotgen check    [-I DIR]... SCHEMA...\n"
    "       slotgen layout   [-I DIR]... SCHEMA...\n"
    "       slotgen --version | --help\n";

static const char help_text[] =
    "\n"
    "slotgen turns YAML class schemas into C: fixed-layout structs, constructors,\n"
    "accessors, weak references and reflection tables, linked with libslots.\n"
    "\n"
    "Commands:\n"
    "  generate   write NAME.slots.h and NAME.slots.c for each schema NAME.yaml.\n"
    "             Files are written atomically and left untouched when their\n"
    "             content would not change.\n"
    "  check      load and check the schemas; write nothing.\n"
    "  layout     print the offset and size of every slot of every class, the\n"
    "             padding holes and the total size, for this machine's ABI.\n"
    "\n"
    "Options:\n"
    "  -o DIR            write generated files into DIR (default: .)\n"
    "  -I DIR            search DIR for schemas named in `imports:` (after the\n"
    "                    importing file's own directory); may be repeated\n"
    "  --templates DIR   use DIR/NAME.mustache instead of the built-in template\n"
    "                    NAME, for each such file (header, source, partials)\n"
    "  --depfile FILE    write a Make-style depfile naming every schema and\n"
    "                    template read (for CMake's DEPFILE / Ninja)\n"
    "  --dump-model[=json|yaml]\n"
    "                    print the data the templates see (default json) and\n"
    "                    write nothing\n"
    "  -h, --help        show this help\n"
    "  --version         show the version\n"
    "\n"
    "Exit status: 0 success, 1 schema errors (reported as FILE:LINE:COL: error:\n"
    "MESSAGE on stderr, nothing written), 2 usage or I/O errors.\n";

enum command { CMD_NONE, CMD_GENERATE, CMD_CHECK, CMD_LAYOUT };

/* Parsed command line; the arrays are owned here, their strings are argv's. */
typedef struct cli {
    enum command cmd;
    slotgen_options opt;
    const char **includes;
    size_t nincludes, cap_includes;
    const char **schemas;
    size_t nschemas, cap_schemas;
} cli;

static int usage_error(const char *fmt, const char *arg)
{
    fputs("slotgen: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fputs(usage_text, stderr);
    return 2;
}

static void push(const char ***items, size_t *n, size_t *cap, const char *s)
{
    void *p = (void *)*items;
    xgrow(&p, cap, *n + 1, sizeof(char *));
    *items = p;
    (*items)[(*n)++] = s;
}

/* The value of an option written "-o DIR", "-oDIR" or "--opt=DIR"/"--opt DIR". */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) == 0 && a[n] == '=' && name[1] == '-')
        return a + n + 1;
    if (strncmp(a, name, n) == 0 && a[n] != '\0' && name[1] != '-')
        return a + n;
    if (*i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

static int is_option(const char *a, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '\0')
        return 1;
    return name[1] == '-' ? a[n] == '=' : 1;
}

static int parse_options(cli *c, int argc, char **argv)
{
    int i, only_files = 0;
    for (i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v;
        if (only_files || a[0] != '-' || a[1] == '\0') {
            push(&c->schemas, &c->nschemas, &c->cap_schemas, a);
        } else if (strcmp(a, "--") == 0) {
            only_files = 1;
        } else if (is_option(a, "-I")) {
            if (!(v = option_value(argc, argv, &i, "-I")))
                return usage_error("option %s needs a directory", a);
            push(&c->includes, &c->nincludes, &c->cap_includes, v);
        } else if (c->cmd == CMD_GENERATE && is_option(a, "-o")) {
            if (!(v = option_value(argc, argv, &i, "-o")))
                return usage_error("option %s needs a directory", a);
            c->opt.output_dir = v;
        } else if (c->cmd == CMD_GENERATE && is_option(a, "--templates")) {
            if (!(v = option_value(argc, argv, &i, "--templates")))
                return usage_error("option %s needs a directory", a);
            c->opt.templates_dir = v;
        } else if (c->cmd == CMD_GENERATE && is_option(a, "--depfile")) {
            if (!(v = option_value(argc, argv, &i, "--depfile")))
                return usage_error("option %s needs a file", a);
            c->opt.depfile = v;
        } else if (c->cmd == CMD_GENERATE && strcmp(a, "--dump-model") == 0) {
            c->opt.dump_model = SLOTGEN_DUMP_JSON;
        } else if (c->cmd == CMD_GENERATE && strcmp(a, "--dump-model=json") == 0) {
            c->opt.dump_model = SLOTGEN_DUMP_JSON;
        } else if (c->cmd == CMD_GENERATE && strcmp(a, "--dump-model=yaml") == 0) {
            c->opt.dump_model = SLOTGEN_DUMP_YAML;
        } else {
            return usage_error("unknown option '%s'", a);
        }
    }
    if (c->nschemas == 0)
        return usage_error("%s: no schema given", argv[1]);
    c->opt.include_dirs = c->includes;
    c->opt.ninclude_dirs = c->nincludes;
    return 0;
}

static enum command parse_command(const char *s)
{
    if (strcmp(s, "generate") == 0)
        return CMD_GENERATE;
    if (strcmp(s, "check") == 0)
        return CMD_CHECK;
    if (strcmp(s, "layout") == 0)
        return CMD_LAYOUT;
    return CMD_NONE;
}

static int run(cli *c)
{
    diag *d = diag_new();
    int status = 2;
    switch (c->cmd) {
    case CMD_CHECK:
        status = slotgen_check(c->schemas, c->nschemas, &c->opt, d);
        break;
    case CMD_LAYOUT:
        status = slotgen_layout(c->schemas, c->nschemas, &c->opt, d, stdout);
        break;
    case CMD_GENERATE:
        status = slotgen_generate(c->schemas, c->nschemas, &c->opt, d, stdout);
        break;
    case CMD_NONE:
        break;
    }
    diag_print(d, stderr);
    diag_free(d);
    if (fflush(stdout) != 0 && status == 0) {
        perror("slotgen: stdout");
        status = 2;
    }
    return status;
}

int main(int argc, char **argv)
{
    cli c;
    int status;

    memset(&c, 0, sizeof c);
    if (argc < 2)
        return usage_error("%s", "no command given");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage_text, stdout);
        fputs(help_text, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("slotgen %s\n", SLOTGEN_VERSION);
        return 0;
    }
    c.cmd = parse_command(argv[1]);
    if (c.cmd == CMD_NONE)
        return usage_error("unknown command '%s'", argv[1]);
    status = parse_options(&c, argc, argv);
    if (status == 0)
        status = run(&c);
    free(c.includes);
    free(c.schemas);
    return status;
}
