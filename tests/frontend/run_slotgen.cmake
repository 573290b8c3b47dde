# run_slotgen.cmake: runs the `slotgen` executable once, as a user would,
# and checks its exit status and what it printed.  A ctest test per call,
# so that a failure names the case.
#
#   cmake -DSLOTGEN=path/to/slotgen -DARGS="check|x.yaml" -DSTATUS=1
#         [-DSTDOUT_REGEX=re] [-DSTDERR_REGEX=re] [-DSTDERR_FILE=x.expected]
#         -P run_slotgen.cmake
#
# ARGS separates the arguments with '|' (a ';' would be split by add_test).
# stdout and stderr must be empty unless a regex or file says otherwise;
# STDERR_FILE holds the exact expected stderr.  The working directory is
# the test's own.
foreach(required SLOTGEN STATUS)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "run_slotgen.cmake: -D${required}=... is required")
  endif()
endforeach()

string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${SLOTGEN} ${args}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)

set(failures "")
if(NOT "${status}" STREQUAL "${STATUS}")
  string(APPEND failures "exit status ${status}, expected ${STATUS}\n")
endif()

if(DEFINED STDOUT_REGEX)
  if(NOT out MATCHES "${STDOUT_REGEX}")
    string(APPEND failures "stdout does not match '${STDOUT_REGEX}'\n")
  endif()
elseif(NOT out STREQUAL "")
  string(APPEND failures "stdout should be empty\n")
endif()

if(DEFINED STDERR_FILE AND NOT EXISTS "${STDERR_FILE}")
  string(APPEND failures "${STDERR_FILE} is missing: it should hold the expected stderr\n")
elseif(DEFINED STDERR_FILE)
  file(READ "${STDERR_FILE}" expected)
  if(NOT err STREQUAL expected)
    string(APPEND failures "stderr differs from ${STDERR_FILE}, which holds:\n${expected}")
  endif()
elseif(DEFINED STDERR_REGEX)
  if(NOT err MATCHES "${STDERR_REGEX}")
    string(APPEND failures "stderr does not match '${STDERR_REGEX}'\n")
  endif()
elseif(NOT err STREQUAL "")
  string(APPEND failures "stderr should be empty\n")
endif()

if(NOT failures STREQUAL "")
  list(JOIN args " " command_line)
  message(FATAL_ERROR "slotgen ${command_line}\n${failures}--- stdout:\n${out}--- stderr:\n${err}---")
endif()
