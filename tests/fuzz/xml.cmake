# The XML family's fuzz targets (camt, Asseco, ROL statements; pain.001; pain.002).
platnik_fuzzer(NAME fuzz_camt SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzCamt.cpp LINKS platnik::formats
               SEEDS "camt05*/*.xml" "camt05*.xml")
platnik_fuzzer(NAME fuzz_serbian_xml SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzSerbianXml.cpp LINKS platnik::formats
               SEEDS "serbia/*.xml" "asseco*.xml" "rol*.xml")
platnik_fuzzer(NAME fuzz_pain001 SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzPain001.cpp LINKS platnik::formats
               SEEDS "pain001/*.xml" "pain001*.xml")
platnik_fuzzer(NAME fuzz_pain002 SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzPain002.cpp LINKS platnik::formats
               SEEDS "pain002/*.xml" "pain002*.xml")
