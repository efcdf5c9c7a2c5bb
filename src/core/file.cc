#include "core/file.h"

#include <fstream>
#include <sstream>

namespace hearsay {

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return std::move(buf).str();
}

}  // namespace hearsay
