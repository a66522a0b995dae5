# Compiles the shipped XSDs into platnik_formats as string constants (EmbeddedSchemas.cpp).
set(_platnik_xsd_dir ${CMAKE_CURRENT_LIST_DIR})
set(_platnik_xsd_cpp ${CMAKE_CURRENT_BINARY_DIR}/EmbeddedSchemas.cpp)
add_custom_command(
  OUTPUT ${_platnik_xsd_cpp}
  COMMAND ${CMAKE_COMMAND} -DOUT=${_platnik_xsd_cpp} -DDIR=${_platnik_xsd_dir} -P ${_platnik_xsd_dir}/embed.cmake
  DEPENDS ${_platnik_xsd_dir}/embed.cmake ${_platnik_xsd_dir}/pain.001.001.03.xsd ${_platnik_xsd_dir}/pain.001.001.09.xsd
          ${_platnik_xsd_dir}/camt.053.001.02.xsd
  COMMENT "Embedding the pain.001 and camt.053 schemas")
target_sources(platnik_formats PRIVATE ${_platnik_xsd_cpp})
