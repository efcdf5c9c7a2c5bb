# The pipeline's stages, left to right. A stage may use only the stages to
# its left; hearsay_stage() links them and refuses, at configure time, any
# source that includes a header of a stage that is not among its deps.
set(HEARSAY_STAGES core ingest text nlp extract ledger)

function(hearsay_check_includes stage allowed)
  file(GLOB_RECURSE files "${PROJECT_SOURCE_DIR}/src/${stage}/*.h"
       "${PROJECT_SOURCE_DIR}/src/${stage}/*.cc")
  foreach(f ${files})
    file(STRINGS "${f}" lines REGEX "^#include \"[a-z_]+/")
    foreach(line ${lines})
      string(REGEX MATCH "^#include \"([a-z_]+)/" _ "${line}")
      set(dir "${CMAKE_MATCH_1}")
      if(dir STREQUAL "hearsay")
        continue()
      endif()
      list(FIND allowed "${dir}" found)
      if(found EQUAL -1)
        message(FATAL_ERROR
          "${f}: stage '${stage}' may not include '${dir}/' "
          "(allowed: ${allowed}). See DESIGN.md: the pipeline runs one way.")
      endif()
    endforeach()
  endforeach()
endfunction()

# hearsay_stage(NAME DEPS stage... LIBS target...)
function(hearsay_stage name)
  cmake_parse_arguments(ARG "" "" "DEPS;LIBS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${name}/*.cc")
  list(FILTER srcs EXCLUDE REGEX "_test\\.cc$")
  if(NOT srcs)
    message(WARNING "stage ${name} has no sources yet")
    add_library(hearsay_${name} INTERFACE)
    return()
  endif()
  add_library(hearsay_${name} STATIC ${srcs})
  target_include_directories(hearsay_${name} PUBLIC
    "${PROJECT_SOURCE_DIR}/include" "${PROJECT_SOURCE_DIR}/src")
  set(allowed ${name} ${ARG_DEPS})
  foreach(dep ${ARG_DEPS})
    list(FIND HEARSAY_STAGES "${dep}" di)
    list(FIND HEARSAY_STAGES "${name}" si)
    if(di GREATER_EQUAL si)
      message(FATAL_ERROR "stage ${name} cannot depend on ${dep}: it is not to its left")
    endif()
    target_link_libraries(hearsay_${name} PUBLIC hearsay_${dep})
  endforeach()
  if(ARG_LIBS)
    target_link_libraries(hearsay_${name} PUBLIC ${ARG_LIBS})
  endif()
  hearsay_check_includes(${name} "${allowed}")

  file(GLOB tests CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${name}/*_test.cc")
  if(tests AND HEARSAY_BUILD_TESTS)
    add_executable(${name}_test ${tests})
    target_link_libraries(${name}_test PRIVATE hearsay_${name} GTest::gtest GTest::gmock GTest::gtest_main)
    target_compile_definitions(${name}_test PRIVATE
      HEARSAY_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    gtest_discover_tests(${name}_test
      WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
      DISCOVERY_TIMEOUT 60
      PROPERTIES ENVIRONMENT "HEARSAY_SHARED=${HEARSAY_SHARED_DIR}")
  endif()
endfunction()
