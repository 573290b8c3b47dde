# embed_unchanged.cmake: checks that embed_templates.cmake rewrites its
# output only when the content changes, so that builds do not recompile
# the table for nothing, and that a changed template does reach it.
#
#   cmake -DSCRIPT=embed_templates.cmake -DTEMPLATES_DIR=DIR -DWORK_DIR=DIR -P embed_unchanged.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(COPY "${TEMPLATES_DIR}/" DESTINATION "${WORK_DIR}/templates")
set(output "${WORK_DIR}/embedded.c")

function(embed)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DTEMPLATES_DIR=${WORK_DIR}/templates -P ${SCRIPT}
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "embed_templates.cmake failed: ${rc}")
  endif()
endfunction()

embed()
file(TIMESTAMP "${output}" first "%s")
file(READ "${output}" first_content)
# Timestamps have one-second resolution here: wait past it.
execute_process(COMMAND ${CMAKE_COMMAND} -E sleep 1.2)
embed()
file(TIMESTAMP "${output}" second "%s")
if(NOT first STREQUAL second)
  message(FATAL_ERROR "unchanged templates rewrote ${output} (${first} -> ${second})")
endif()
if(EXISTS "${output}.tmp")
  message(FATAL_ERROR "temporary file ${output}.tmp left behind")
endif()

file(APPEND "${WORK_DIR}/templates/alpha.mustache" "changed")
embed()
file(READ "${output}" changed_content)
if(changed_content STREQUAL first_content)
  message(FATAL_ERROR "a changed template did not change ${output}")
endif()
