# Script mode: writes OUT, a C++ file defining hearsay::embedded::VAR.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE "${OUT}"
  "// Generated from ${IN}; do not edit.\n#include <string_view>\n"
  "namespace hearsay::embedded {\nnamespace { constexpr char kData[] = {${body} 0}; }\n"
  "extern const std::string_view ${VAR};\n"
  "const std::string_view ${VAR}(kData, ${size});\n}\n")
