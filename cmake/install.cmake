# install.cmake: slotgen's install rules and its package interface, the
# three ways a user's build reaches the generator and the runtime:
# find_package(slotgen) (the exported targets and slotgenConfig.cmake),
# pkg-config (slots.pc) and the in-tree names for add_subdirectory and
# FetchContent.  Layout by GNUInstallDirs:
#
#   bin/slotgen                     the generator
#   include/slots/slots.h           the runtime's header
#   lib/libslots.a, libslots.so.*   the runtime, static and shared
#   lib/cmake/slotgen/              slotgenConfig.cmake, targets, version,
#                                   SlotgenGenerate.cmake
#   lib/pkgconfig/slots.pc          the runtime for plain Makefiles
#   share/man/man1/slotgen.1        the manual page
include(CMakePackageConfigHelpers)

# In-tree, the exported names work too, so a build file reads the same
# whichever way slotgen came in.
add_executable(slotgen::slotgen ALIAS slotgen)
set_target_properties(slots_static PROPERTIES EXPORT_NAME slots)

set(SLOTGEN_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/slotgen)

install(TARGETS slotgen slots_static slots_shared
  EXPORT slotgenTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/runtime/include/slots
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_SOURCE_DIR}/docs/slotgen.1
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(EXPORT slotgenTargets
  NAMESPACE slotgen::
  DESTINATION ${SLOTGEN_CMAKE_INSTALL_DIR})
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/slotgenConfig.cmake.in
  ${PROJECT_BINARY_DIR}/slotgenConfig.cmake
  INSTALL_DESTINATION ${SLOTGEN_CMAKE_INSTALL_DIR})
# Before 1.0 a minor release may break the generated-code contract.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/slotgenConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/slotgenConfig.cmake
  ${PROJECT_BINARY_DIR}/slotgenConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/SlotgenGenerate.cmake
  DESTINATION ${SLOTGEN_CMAKE_INSTALL_DIR})

# slots.pc finds its prefix from its own location (${pcfiledir}), so the
# installed tree can be moved, or installed with `cmake --install --prefix`.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(SLOTS_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH SLOTS_PC_UP "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
  set(SLOTS_PC_PREFIX "\${pcfiledir}/${SLOTS_PC_UP}")
endif()
foreach(dir INCLUDEDIR LIBDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(SLOTS_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(SLOTS_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/runtime/slots.pc.in ${PROJECT_BINARY_DIR}/slots.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/slots.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
