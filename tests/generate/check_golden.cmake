# check_golden.cmake: generate SCHEMA into OUTPUT_DIR and require the two
# files to be byte-for-byte those of EXPECTED_DIR (the reviewed golden
# output).  On a difference, prints a unified diff when `diff` exists.
#   cmake -DSLOTGEN=.. -DSCHEMA=.. -DEXPECTED_DIR=.. -DOUTPUT_DIR=.. -P check_golden.cmake
file(REMOVE_RECURSE "${OUTPUT_DIR}")
file(MAKE_DIRECTORY "${OUTPUT_DIR}")
execute_process(COMMAND "${SLOTGEN}" generate -o "${OUTPUT_DIR}" "${SCHEMA}"
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "slotgen generate ${SCHEMA} exited with ${status}")
endif()

get_filename_component(name "${SCHEMA}" NAME_WE)
set(failed FALSE)
foreach(file ${name}.slots.h ${name}.slots.c)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
                          "${EXPECTED_DIR}/${file}" "${OUTPUT_DIR}/${file}"
                  RESULT_VARIABLE different)
  if(different)
    set(failed TRUE)
    message(STATUS "${file} differs from the golden copy:")
    find_program(DIFF diff)
    if(DIFF)
      execute_process(COMMAND ${DIFF} -u "${EXPECTED_DIR}/${file}" "${OUTPUT_DIR}/${file}")
    endif()
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "generated code differs from tests/generate/golden "
                      "(if intended, refresh it as tests/generate/CMakeLists.txt says)")
endif()
