# Defines Weft::weft_static, the static archive with every stage of Weft, and the libraries that
# it links: LLVM stays the shared libLLVM-19.so.
find_dependency(LLVM 19.1 CONFIG)
find_dependency(antlr4-runtime)
find_dependency(fmt)
find_dependency(simdjson)
find_dependency(date CONFIG)
find_dependency(Threads)
find_dependency(PkgConfig)
pkg_check_modules(WEFT_DEPENDENCIES REQUIRED IMPORTED_TARGET re2 libutf8proc yaml-0.1)

# This file lies in LIBDIR/cmake/Weft, next to the archive's folder.
get_filename_component(_weft_libdir "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
get_target_property(_weft_includes Weft::weft INTERFACE_INCLUDE_DIRECTORIES)
add_library(Weft::weft_static STATIC IMPORTED)
set_target_properties(Weft::weft_static PROPERTIES
  IMPORTED_LOCATION "${_weft_libdir}/libweft.a"
  IMPORTED_LINK_INTERFACE_LANGUAGES CXX
  INTERFACE_INCLUDE_DIRECTORIES "${_weft_includes}"
  INTERFACE_LINK_LIBRARIES
    "LLVM;antlr4_shared;fmt::fmt;simdjson::simdjson;date::date-tz;PkgConfig::WEFT_DEPENDENCIES;Threads::Threads")
unset(_weft_libdir)
unset(_weft_includes)
