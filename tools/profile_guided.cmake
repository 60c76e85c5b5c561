# A profile-guided build of the runtime, the code that `weft run` spends its time in. The runtime's
# sources are compiled once with instrumentation into `weft_profiling`, which maps generated
# accounts (tools/profile/train.sh), and once more with the counts that run recorded into the
# objects that `weft` links. GCC then lays out branches and inlines by what real records do:
# on the peer benchmark, one thread took 8% less time and two threads 11% less
# (docs/benchmarks.md).
#
# The optimized objects come before the static libraries on the link line, so the linker takes
# every runtime symbol from them and no member of the runtime archives. Tests and libweft link
# the plain archives, which keeps the tests covering both builds of the same code.
option(WEFT_PROFILE_GUIDED
  "Build the runtime of weft with GCC's profile feedback (GCC, Release or RelWithDebInfo)" ON)
if(NOT WEFT_PROFILE_GUIDED OR NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU" OR WEFT_SANITIZE
   OR NOT CMAKE_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo)$")
  message(STATUS "weft: runtime built without profile feedback")
  return()
endif()
message(STATUS "weft: runtime built with profile feedback (-DWEFT_PROFILE_GUIDED=OFF to skip)")

set(profiled_sources)
foreach(library weft_runtime weft_runtime_abi weft_csv_syntax weft_utf8)
  get_target_property(directory ${library} SOURCE_DIR)
  get_target_property(sources ${library} SOURCES)
  foreach(source ${sources})
    list(APPEND profiled_sources ${directory}/${source})
  endforeach()
endforeach()

# Both builds of a source must see the same options but for the profile's. Functions are named
# in the counts by their order among the definitions of the translation unit: by default GCC adds
# the object's name for functions with internal linkage, which differs between the two builds,
# and their counts were lost.
find_package(Threads REQUIRED)
set(profile_options --param=profile-func-internal-id=1)

add_subdirectory(profile/instrumented)

add_executable(weft_profiling weft.cc)
# `weft run` ends with _Exit, which skips the exit handler that writes the counts, so it calls
# __gcov_dump itself when the program defines it; -u makes the linker take it from libgcov.
target_link_libraries(weft_profiling PRIVATE weft_runtime_instrumented weft_commands
  weft_program_allocator)
target_link_options(weft_profiling PRIVATE -fprofile-generate LINKER:-u,__gcov_dump)
add_dependencies(weft_profiling weft_jit)

set(instrumented_objects
  ${CMAKE_CURRENT_BINARY_DIR}/profile/instrumented/CMakeFiles/weft_runtime_instrumented.dir)
set(optimized_objects
  ${CMAKE_CURRENT_BINARY_DIR}/profile/optimized/CMakeFiles/weft_runtime_optimized.dir)
set(profile_stamp ${CMAKE_CURRENT_BINARY_DIR}/profile/trained.stamp)
add_custom_command(OUTPUT ${profile_stamp}
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/profile/train.sh $<TARGET_FILE:weft_profiling>
    ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/profile ${instrumented_objects}
    ${optimized_objects}
  COMMAND ${CMAKE_COMMAND} -E touch ${profile_stamp}
  DEPENDS weft_profiling weft_jit ${CMAKE_CURRENT_SOURCE_DIR}/profile/train.sh
    ${PROJECT_SOURCE_DIR}/bench/peers/generate.py ${PROJECT_SOURCE_DIR}/bench/peers/accounts.map
  COMMENT "Training the profile of the runtime on generated accounts"
  VERBATIM)
add_custom_target(weft_runtime_profile DEPENDS ${profile_stamp})

add_subdirectory(profile/optimized)
target_link_libraries(weft PRIVATE weft_runtime_optimized)
# After inlining across files, GCC 12 warns that building a std::string from a literal reads past
# a 16-byte buffer; the warning is a false positive of that version.
target_link_options(weft PRIVATE -flto=auto -Wno-stringop-overread)
