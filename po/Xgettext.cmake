# How the translatable strings are extracted: shared by the `pot` target (po/CMakeLists.txt)
# and the completeness test (tests/gui/CMakeLists.txt), so both see the same strings.
#   PLATNIK_XGETTEXT            the xgettext program
#   PLATNIK_XGETTEXT_OPTIONS    its options
#   PLATNIK_GUI_SOURCES         the sources with _("…"), relative to the project (as the .pot cites them)
find_program(PLATNIK_XGETTEXT xgettext REQUIRED)
set(PLATNIK_XGETTEXT_OPTIONS --language=C++ --keyword=_ --from-code=UTF-8 --package-name=Platnik
    --package-version=${PROJECT_VERSION} --add-comments=TRANSLATORS: --sort-by-file)
file(GLOB PLATNIK_GUI_SOURCES RELATIVE ${PROJECT_SOURCE_DIR} CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/app/gui/src/*.cpp ${PROJECT_SOURCE_DIR}/app/gui/include/gui/*.h)
