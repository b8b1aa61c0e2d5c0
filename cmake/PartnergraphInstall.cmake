# `cmake --install build [--prefix DIR]` installs what another program needs to use partnergraph:
#   bin/partnergraph
#   lib/libpartnergraph_{graph,analysis,io}.a
#   include/partnergraph/{graph,analysis,io}/*.h    (included as "graph/x.h", like in the tree)
#   lib/cmake/partnergraph/                        find_package(partnergraph): partnergraph::partnergraph
#   lib/pkgconfig/partnergraph.pc                  pkg-config --static partnergraph
#   share/man/man1/partnergraph.1                  when help2man was found (cmake/PartnergraphManPage.cmake)
#   share/bash-completion/completions/partnergraph
include(CMakePackageConfigHelpers)
set(PG_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/partnergraph)

install(TARGETS partnergraph RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS pg_graph pg_analysis pg_io pg_partnergraph EXPORT partnergraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# Headers by directory, so the headers other engineers add are installed with no edit here.
foreach(folder IN ITEMS graph analysis io)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${folder}/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/partnergraph/${folder}
    FILES_MATCHING PATTERN "*.h")
endforeach()

install(EXPORT partnergraphTargets NAMESPACE partnergraph:: DESTINATION ${PG_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/partnergraphConfig.cmake.in
  ${PROJECT_BINARY_DIR}/partnergraphConfig.cmake INSTALL_DESTINATION ${PG_CMAKE_DIR})
# 0.x: a new minor version may change the API, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/partnergraphConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/partnergraphConfig.cmake ${PROJECT_BINARY_DIR}/partnergraphConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/FindLibCSV.cmake DESTINATION ${PG_CMAKE_DIR})

file(RELATIVE_PATH PG_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${PROJECT_SOURCE_DIR}/cmake/partnergraph.pc.in ${PROJECT_BINARY_DIR}/partnergraph.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/partnergraph.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES ${PROJECT_SOURCE_DIR}/tools/completion/partnergraph.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME partnergraph)
