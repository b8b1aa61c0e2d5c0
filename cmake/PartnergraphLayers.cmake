# The layers, enforced by the compiler. Our headers are included as "graph/x.h", so a folder's
# include root must be its parent; the source root would expose every folder to every other.
# Instead each layer gets a root of its own in the build tree holding one link, named like the
# folder, to the folder: pg_graph sees only graph/, pg_analysis sees graph/ and analysis/ (through
# pg_graph), pg_io sees graph/, analysis/ and io/. A forbidden include does not compile:
#   graph/x.cc: fatal error: io/y.h: No such file or directory
# tests/package/check_layers.sh states the same rule as a test, with a message that says it.

# Adds the static library TARGET built from FOLDER/*.cc (globbed: a new file needs no edit here),
# exported as partnergraph::FOLDER and installed as libpartnergraph_FOLDER.a.
function(pg_add_layer target folder)
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/${folder}/*.cc)
  add_library(${target} STATIC ${sources})
  add_library(partnergraph::${folder} ALIAS ${target})
  set(root ${CMAKE_BINARY_DIR}/layers/${folder})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${root}/${folder} SYMBOLIC)
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${root}>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/partnergraph>)
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${folder} OUTPUT_NAME partnergraph_${folder})
endfunction()
