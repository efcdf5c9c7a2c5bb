// Feeds arbitrary bytes to the lexicon loader as a user's `--lexicon DIR`
// file: the first byte picks which of the twelve files the rest becomes,
// and only that lexicon is loaded.
// A malformed file is refused with its path in the message, never a crash
// or a hang; a file that loads gives lexicons with a version to cite.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicons.h"

namespace {

const std::string& Dir() {
  static const std::string* dir = [] {
    char tmpl[] = "/tmp/fuzz_lexicons.XXXXXX";
    if (mkdtemp(tmpl) == nullptr) std::abort();
    return new std::string(tmpl);
  }();
  return *dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  auto kind =
      static_cast<hearsay::LexiconKind>(data[0] % hearsay::kLexiconKindCount);
  std::string_view file = hearsay::LexiconFileName(kind);
  std::string path = Dir() + "/" + std::string(file);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) std::abort();
  if (size > 1 && std::fwrite(data + 1, 1, size - 1, f) != size - 1) {
    std::abort();
  }
  std::fclose(f);
  // Only the fuzzed kind is loaded: the other twelve would cost most of
  // each run and test nothing new.
  auto lex = hearsay::Lexicons::Load(
      {.user_dir = Dir(), .kinds = hearsay::KindBit(kind)});
  std::remove(path.c_str());
  if (!lex.ok()) {
    // The message names the file the user has to fix.
    if (lex.status().message().find(file) == std::string::npos) std::abort();
    return 0;
  }
  if (lex->version().size() != 16) std::abort();
  return 0;
}
