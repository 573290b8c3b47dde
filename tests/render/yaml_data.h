/*
** yaml_data.h: YAML text to a data tree (data.h), for the render tests.
**
** The Mustache spec files and the YAML dumps of data.c both have to be
** read back as data trees; this loader does it with libyaml's event API.
** Plain scalars resolve as YAML's core schema says for null (null, Null,
** NULL, ~, nothing) and booleans (true/false in three spellings); every
** other scalar is a string, numbers included, as data.h wants.
*/
#ifndef SLOTGEN_TEST_YAML_DATA_H
#define SLOTGEN_TEST_YAML_DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "data.h"

typedef struct yaml_data_options {
    /* Rewrite plain decimals in their shortest round-trip form ("1.210"
    ** becomes "1.21"), as a YAML reader that makes them doubles and
    ** prints them back would: the spec expects that. */
    bool normalize_decimals;
} yaml_data_options;

/* Loads the first document of text[0..len) into `doc`.  Returns the tree,
** or NULL with *err set to a malloc'd message (nodes made before the
** error stay in `doc`, which the caller frees either way). */
data *yaml_data_load(data_doc *doc, const char *text, size_t len, const yaml_data_options *opts,
                     char **err);

/* The same for a whole file. */
data *yaml_data_load_file(data_doc *doc, const char *path, const yaml_data_options *opts,
                          char **err);

#endif
