// Where the shared evaluation data lives, for the tests and benchmarks that
// read it and skip (saying so) without it: $HEARSAY_SHARED when set, else
// ../shared beside the checkout. Only for targets compiled with
// HEARSAY_SOURCE_DIR (the tests and the benchmarks), never the library.
#ifndef HEARSAY_CORE_SHARED_DATA_H_
#define HEARSAY_CORE_SHARED_DATA_H_

#include <cstdlib>
#include <string>

#ifdef HEARSAY_SOURCE_DIR
namespace hearsay {

inline std::string SharedDir() {
  if (const char* env = std::getenv("HEARSAY_SHARED"); env && *env) return env;
  return std::string(HEARSAY_SOURCE_DIR) + "/../shared";
}

}  // namespace hearsay
#endif  // HEARSAY_SOURCE_DIR

#endif  // HEARSAY_CORE_SHARED_DATA_H_
