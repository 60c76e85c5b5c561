# The CMake package of libweft: find_package(Weft) defines Weft::weft, the shared library.
# find_package(Weft COMPONENTS static) also defines Weft::weft_static, which needs the
# development packages of Weft's dependencies (LLVM 19, ANTLR 4, fmt, simdjson, RE2, utf8proc,
# libyaml, date).
include(CMakeFindDependencyMacro)
include("${CMAKE_CURRENT_LIST_DIR}/WeftTargets.cmake")

foreach(component ${Weft_FIND_COMPONENTS})
  if(component STREQUAL "static")
    include("${CMAKE_CURRENT_LIST_DIR}/WeftStaticTargets.cmake")
    set(Weft_static_FOUND TRUE)
  elseif(Weft_FIND_REQUIRED_${component})
    set(Weft_FOUND FALSE)
    set(Weft_NOT_FOUND_MESSAGE "Weft has no component `${component}`; the only one is `static`")
  endif()
endforeach()
