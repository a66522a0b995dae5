// po-cyrillic IN OUT: writes the Serbian Cyrillic catalog OUT made from the Serbian Latin
// catalog IN, so the two can never drift apart (run by the build, see po/CMakeLists.txt).
#include "po/CyrillicCatalog.h"

#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: po-cyrillic <sr@latin.po> <sr.po>\n");
    return 2;
  }
  try {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "po-cyrillic: cannot read %s\n", argv[1]);
      return 1;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const std::string cyrillic = platnik::po::cyrillicCatalog(text.str());
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out << cyrillic;
    if (!out.flush()) {
      std::fprintf(stderr, "po-cyrillic: cannot write %s\n", argv[2]);
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "po-cyrillic: %s: %s\n", argv[1], e.what());
    return 1;
  }
  return 0;
}
