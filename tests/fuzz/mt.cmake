# The SWIFT family's fuzz target: MT940 and MT942 (and text-format detection), seeded from
# ../shared/samples/mt940 and our own fixtures in tests/formats/mt/fixtures.
platnik_fuzzer(NAME fuzz_mt940 SOURCES ${CMAKE_CURRENT_LIST_DIR}/mt940_fuzzer.cpp LINKS platnik::formats
               SEEDS "mt940/*" "*.sta" "*.mt942")
