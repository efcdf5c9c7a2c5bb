#include "ingest/language.h"

#include <cld2/public/compact_lang_det.h>

#include "core/utf8.h"
#include "ingest/util.h"

namespace hearsay::ingest {

std::string DetectLanguage(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && !utf8::IsBoundary(text, cut)) --cut;
    text = text.substr(0, cut);
  }
  if (text.empty()) return "";
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
      &reliable, &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE) return "";
  const char* code = CLD2::LanguageCode(lang);
  if (code == nullptr) return "";
  return NormalizeLanguage(code);
}

}  // namespace hearsay::ingest
