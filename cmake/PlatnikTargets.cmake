# Target-scoped settings shared by all of Platnik's own targets.

function(platnik_target_settings target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Werror)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 reports std::string concatenation at -O3 as overlapping memcpy (GCC bug 105329).
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(PLATNIK_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()

# platnik_library(NAME <target> [ALIAS <ns::name>] SOURCES ... [PUBLIC_LINKS ...] [PRIVATE_LINKS ...])
# The library's headers live in <folder>/include and reach other targets only through a link.
function(platnik_library)
  cmake_parse_arguments(ARG "" "NAME;ALIAS" "SOURCES;PUBLIC_LINKS;PRIVATE_LINKS" ${ARGN})
  add_library(${ARG_NAME} STATIC ${ARG_SOURCES})
  platnik_target_settings(${ARG_NAME})
  target_include_directories(${ARG_NAME} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
                                         PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(${ARG_NAME} PUBLIC ${ARG_PUBLIC_LINKS} PRIVATE ${ARG_PRIVATE_LINKS})
  set_target_properties(${ARG_NAME} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  if(ARG_ALIAS)
    add_library(${ARG_ALIAS} ALIAS ${ARG_NAME})
  endif()
endfunction()

# platnik_boost_tests(NAME <exe> SOURCES ... LINKS ... [LABELS ...] [ENVIRONMENT ...])
# One executable per area; every source file `FooTests.cpp` holds the suite `FooTests`,
# registered with CTest as `<exe>.FooTests` so ctest's summary counts suites.
function(platnik_boost_tests)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LINKS;LABELS;ENVIRONMENT" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  platnik_target_settings(${ARG_NAME})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LINKS} Boost::unit_test_framework platnik::testsupport)
  foreach(src IN LISTS ARG_SOURCES)
    get_filename_component(suite ${src} NAME_WE)
    if(suite MATCHES "Tests$")
      add_test(NAME ${ARG_NAME}.${suite}
               COMMAND ${ARG_NAME} --run_test=${suite} --color_output=false --log_level=warning)
      set_tests_properties(${ARG_NAME}.${suite} PROPERTIES
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "PLATNIK_SHARED_DIR=${PLATNIK_SHARED_DIR};PLATNIK_SOURCE_DIR=${PROJECT_SOURCE_DIR};${ARG_ENVIRONMENT}"
        SKIP_RETURN_CODE 77)
      # Golden tests over ../shared/samples: without that folder (a public clone) they are
      # reported as not run rather than passed.
      if(suite MATCHES "SampleTests$" AND NOT EXISTS "${PLATNIK_SHARED_DIR}/samples")
        set_tests_properties(${ARG_NAME}.${suite} PROPERTIES DISABLED TRUE)
      endif()
    endif()
  endforeach()
endfunction()
