# share/man/man1/partnergraph.1, written from the program's own --help by tools/man/make_manpage.sh
# when help2man is installed (tools/bootstrap.sh installs it). Built with the default target, so
# `make build` and `cmake --build build` make it; sanitized and fuzz builds skip it (running an
# instrumented binary during the build buys nothing).
find_program(PG_HELP2MAN help2man)
if(NOT PG_HELP2MAN)
  message(STATUS "help2man not found: no man page (apt-get install help2man)")
  return()
endif()
if(PG_SANITIZE OR PG_FUZZ)
  return()
endif()
set(PG_MAN_PAGE ${PROJECT_BINARY_DIR}/man/partnergraph.1)
add_custom_command(OUTPUT ${PG_MAN_PAGE}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
  COMMAND bash ${PROJECT_SOURCE_DIR}/tools/man/make_manpage.sh $<TARGET_FILE:partnergraph> ${PG_MAN_PAGE}
  DEPENDS partnergraph ${PROJECT_SOURCE_DIR}/tools/man/make_manpage.sh
  COMMENT "Writing the man page partnergraph.1 from partnergraph --help"
  VERBATIM)
add_custom_target(pg_man_page ALL DEPENDS ${PG_MAN_PAGE})
install(FILES ${PG_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
