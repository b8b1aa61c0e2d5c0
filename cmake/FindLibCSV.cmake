# libcsv ships neither a CMake package nor a pkg-config file. This module finds it and gives it
# a target, LibCSV::LibCSV, so that partnergraph's exported io library can name it instead of a
# path on the machine that built it. Installed with partnergraph's package config.
find_library(LibCSV_LIBRARY NAMES csv)
find_path(LibCSV_INCLUDE_DIR NAMES csv.h)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibCSV REQUIRED_VARS LibCSV_LIBRARY LibCSV_INCLUDE_DIR)
if(LibCSV_FOUND AND NOT TARGET LibCSV::LibCSV)
  add_library(LibCSV::LibCSV UNKNOWN IMPORTED)
  set_target_properties(LibCSV::LibCSV PROPERTIES
    IMPORTED_LOCATION "${LibCSV_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LibCSV_INCLUDE_DIR}")
endif()
mark_as_advanced(LibCSV_LIBRARY LibCSV_INCLUDE_DIR)
