# The Halcom family's fuzz targets: statement forms (turnover, recap, extended, foreign, and a
# turnover with its recap), payment-order files, Platnik's CSV.
platnik_fuzzer(NAME fuzz_halcom_statement SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzHalcomStatement.cpp
               LINKS platnik::formats SEEDS "serbia/coriolis_halcom_*" "turnover_*" "extended_*" "foreign*")
platnik_fuzzer(NAME fuzz_halcom_orders SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzHalcomOrders.cpp
               LINKS platnik::formats SEEDS "orders_*")
platnik_fuzzer(NAME fuzz_halcom_csv SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzHalcomCsv.cpp
               LINKS platnik::formats SEEDS "*.csv")
