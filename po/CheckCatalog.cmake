# cmake -DXGETTEXT=… -DMSGCMP=… -DOPTIONS=… -DSOURCES=… -DSOURCE_DIR=… -DPO=… -DWORK_DIR=… -P CheckCatalog.cmake
# Extracts the strings of the sources afresh and checks that PO translates every one of them
# (msgcmp: a missing, empty or fuzzy translation is an error that names the string).
set(fresh ${WORK_DIR}/fresh.pot)
execute_process(COMMAND ${XGETTEXT} ${OPTIONS} -o ${fresh} ${SOURCES}
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed (${rc})")
endif()
execute_process(COMMAND ${MSGCMP} ${PO} ${fresh} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PO} does not translate every string of app/gui (see above); "
                      "run `cmake --build <build> --target pot`, then msgmerge and translate")
endif()
message(STATUS "${PO} translates every string of app/gui")
