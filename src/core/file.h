// Whole files read into memory, for the small inputs read at once (CSV
// tables, word class files, plain text given to a training command).
//
//   HEARSAY_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path));
//
// Errors name the file: NotFound when it cannot be opened, IoError when a
// read fails part way. Thread-safe (no shared state).
#ifndef HEARSAY_CORE_FILE_H_
#define HEARSAY_CORE_FILE_H_

#include <string>

#include "hearsay/status.h"

namespace hearsay {

Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace hearsay

#endif  // HEARSAY_CORE_FILE_H_
