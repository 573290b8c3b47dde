# SlotgenGenerate.cmake: slotgen_generate(), which runs `slotgen generate` at
# build time for a target's schemas (docs/cmake.md is the user's guide).
#
# Included by slotgen's own CMakeLists.txt (add_subdirectory, FetchContent)
# and by the installed slotgenConfig.cmake (find_package), so the function
# exists whichever way slotgen came in.  The same file doubles as the small
# `cmake -P` step that finishes each generation (see the end of the file).
#
# Why a stamp file.  `slotgen generate` leaves a generated file untouched
# when its content would not change, so that nothing recompiles for nothing.
# Ninja copes with outputs older than their inputs (restat), Make does not:
# it would rerun the generator on every build and recompile what includes
# the outputs.  So each schema's rule has one real OUTPUT, NAME.slots.stamp,
# touched after every successful run; the generated .h/.c are BYPRODUCTS,
# whose mtimes change only when their content does.  The generator's depfile
# names the generated files as targets; the finishing step rewrites it to
# name the stamp, the rule's output, so imported schemas and templates that
# were read count as the stamp's dependencies under both generators.

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  # Script mode: cmake -DDEPFILE_IN=.. -DDEPFILE_OUT=.. -DSTAMP=.. -P this.
  # Runs only after the generator succeeded (COMMANDs are chained with &&).
  file(READ "${DEPFILE_IN}" deps)
  # Everything up to the first ": " is the list of targets.
  string(FIND "${deps}" ": " colon)
  if(colon LESS 0)
    message(FATAL_ERROR "${DEPFILE_IN}: not a Make-style depfile")
  endif()
  string(SUBSTRING "${deps}" ${colon} -1 prerequisites)
  string(REPLACE " " "\\ " stamp_escaped "${STAMP}")
  file(WRITE "${DEPFILE_OUT}" "${stamp_escaped}${prerequisites}")
  file(TOUCH "${STAMP}")
  return()
endif()

include_guard(GLOBAL)

# Record the policies the function is written for: DEPFILE paths are
# rewritten for Ninja (CMP0116 NEW) whatever the caller's own policy level.
cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.25)

# slotgen_generate(TARGET tgt SCHEMAS schema.yaml...
#                  [OUTPUT_DIR dir] [IMPORT_DIRS dir...] [TEMPLATES dir])
#
# For each schema NAME.yaml, generates NAME.slots.h and NAME.slots.c into
# OUTPUT_DIR/REL, where REL is the schema's folder relative to the current
# source directory (or binary directory, for generated schemas; empty for
# schemas outside both), so that two schemas of the same name in different
# folders do not clash.  Adds the .c files to `tgt`, OUTPUT_DIR and each
# REL folder to its include path, and links slotgen::slots.
#
# Relative SCHEMAS, IMPORT_DIRS and TEMPLATES are relative to the current
# source directory, a relative OUTPUT_DIR to the current binary directory
# (default: ${CMAKE_CURRENT_BINARY_DIR}/<tgt>.slotgen).
function(slotgen_generate)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "TARGET;OUTPUT_DIR;TEMPLATES" "SCHEMAS;IMPORT_DIRS")
  _slotgen_check_arguments()
  _slotgen_generator(generator)

  if(NOT arg_OUTPUT_DIR)
    set(arg_OUTPUT_DIR ${arg_TARGET}.slotgen)
  endif()
  cmake_path(ABSOLUTE_PATH arg_OUTPUT_DIR BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE)

  set(options)
  foreach(dir IN LISTS arg_IMPORT_DIRS)
    cmake_path(ABSOLUTE_PATH dir BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
    list(APPEND options -I "${dir}")
  endforeach()
  set(template_files)
  if(arg_TEMPLATES)
    cmake_path(ABSOLUTE_PATH arg_TEMPLATES BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
    list(APPEND options --templates "${arg_TEMPLATES}")
    # A template added or removed changes the rule: reconfigure.
    file(GLOB template_files CONFIGURE_DEPENDS "${arg_TEMPLATES}/*.mustache")
  endif()

  set(include_dirs "${arg_OUTPUT_DIR}")
  foreach(schema IN LISTS arg_SCHEMAS)
    _slotgen_add_schema_rule("${schema}")
  endforeach()

  list(REMOVE_DUPLICATES include_dirs)
  target_include_directories(${arg_TARGET} PUBLIC "$<BUILD_INTERFACE:${include_dirs}>")
  target_link_libraries(${arg_TARGET} PUBLIC slotgen::slots)
endfunction()

# Refuses, at configure time, what would otherwise fail obscurely at build
# time.  Reads and writes the caller's arg_* variables.
macro(_slotgen_check_arguments)
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "slotgen_generate: unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_TARGET OR NOT TARGET ${arg_TARGET})
    message(FATAL_ERROR "slotgen_generate: TARGET must name an existing target (got '${arg_TARGET}')")
  endif()
  if(NOT arg_SCHEMAS)
    message(FATAL_ERROR "slotgen_generate(TARGET ${arg_TARGET}): no SCHEMAS given")
  endif()
  # Makefile generators see a custom command only from targets of the
  # directory that declared it.
  get_target_property(target_dir ${arg_TARGET} SOURCE_DIR)
  if(NOT target_dir STREQUAL CMAKE_CURRENT_SOURCE_DIR)
    message(FATAL_ERROR "slotgen_generate: call it in the directory that created "
      "target '${arg_TARGET}' (${target_dir}), not in ${CMAKE_CURRENT_SOURCE_DIR}")
  endif()
endmacro()

# Sets `out_var` to the generator executable: the imported slotgen::slotgen
# after find_package, or the target built alongside (add_subdirectory).
function(_slotgen_generator out_var)
  if(TARGET slotgen::slotgen)
    set(${out_var} slotgen::slotgen PARENT_SCOPE)
  elseif(TARGET slotgen)
    set(${out_var} slotgen PARENT_SCOPE)
  else()
    message(FATAL_ERROR "slotgen_generate: no slotgen executable: "
      "use find_package(slotgen) or add_subdirectory() on slotgen's sources first")
  endif()
endfunction()

# The rule that generates one schema; called by slotgen_generate only, it
# reads the caller's arg_*, generator, options and template_files, and
# appends to its include_dirs.
macro(_slotgen_add_schema_rule schema)
  set(schema_path "${schema}")
  cmake_path(ABSOLUTE_PATH schema_path BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
  cmake_path(GET schema_path STEM LAST_ONLY name)
  _slotgen_mirrored_folder("${schema_path}" rel)
  set(out_dir "${arg_OUTPUT_DIR}")
  if(rel)
    string(APPEND out_dir "/${rel}")
  endif()
  set(header "${out_dir}/${name}.slots.h")
  set(source "${out_dir}/${name}.slots.c")
  set(stamp "${out_dir}/${name}.slots.stamp")
  _slotgen_claim_output("${header}" "${schema_path}")

  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS "${header}" "${source}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${out_dir}"
    COMMAND "$<TARGET_FILE:${generator}>" generate -o "${out_dir}" ${options}
            --depfile "${out_dir}/${name}.slots.d.tmp" "${schema_path}"
    COMMAND "${CMAKE_COMMAND}" "-DDEPFILE_IN=${out_dir}/${name}.slots.d.tmp"
            "-DDEPFILE_OUT=${out_dir}/${name}.slots.d" "-DSTAMP=${stamp}"
            -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
    DEPENDS "${schema_path}" ${template_files} ${generator} "$<TARGET_FILE:${generator}>"
    DEPFILE "${out_dir}/${name}.slots.d"
    WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
    COMMENT "slotgen: generating ${name}.slots.h/.c from ${schema}"
    VERBATIM)
  target_sources(${arg_TARGET} PRIVATE "${stamp}" "${header}" "${source}")
  list(APPEND include_dirs "${out_dir}")
endmacro()

# Sets `out_var` to the folder of `schema_path` relative to the current
# source directory, else to the current binary directory, else to "".
function(_slotgen_mirrored_folder schema_path out_var)
  cmake_path(GET schema_path PARENT_PATH folder)
  set(rel "")
  foreach(base IN ITEMS "${CMAKE_CURRENT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}")
    cmake_path(IS_PREFIX base "${folder}" NORMALIZE inside)
    if(inside)
      cmake_path(RELATIVE_PATH folder BASE_DIRECTORY "${base}" OUTPUT_VARIABLE rel)
      break()
    endif()
  endforeach()
  if(rel STREQUAL ".")
    set(rel "")
  endif()
  set(${out_var} "${rel}" PARENT_SCOPE)
endfunction()

# Two schemas that would write the same files (same name, both outside the
# source and binary trees, or listed twice for one OUTPUT_DIR) are a
# configure-time error rather than a race between two rules.
function(_slotgen_claim_output header schema_path)
  get_property(owner GLOBAL PROPERTY "slotgen_output:${header}")
  if(owner)
    message(FATAL_ERROR "slotgen_generate: ${schema_path} and ${owner} would both "
      "generate ${header}; give one of them another OUTPUT_DIR")
  endif()
  set_property(GLOBAL PROPERTY "slotgen_output:${header}" "${schema_path}")
endfunction()

cmake_policy(POP)
