// Feeds arbitrary bytes to the jsonl reader (format forced) and checks what
// every Document promises: body_begin within the text, valid UTF-8, the
// content hash of the text, a title that prefixes the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/hash.h"
#include "core/utf8.h"
#include "hearsay/ingest.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  hearsay::ReadOptions options;
  options.format = hearsay::InputFormat::kJsonl;
  options.max_document_bytes = 1 << 20;
  hearsay::Reader reader(options, [](const hearsay::Diagnostic& d) {
    Check(!d.file.empty() && !d.message.empty());
  });
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  hearsay::Status s =
      reader.ReadBuffer("fuzz", bytes, [](hearsay::Document&& doc) {
        Check(doc.body_begin <= doc.text.size());
        Check(hearsay::utf8::IsValid(doc.text));
        Check(hearsay::utf8::IsValid(doc.title));
        Check(doc.content_hash == hearsay::Hash64(doc.text));
        Check(!doc.id.empty());
        Check(doc.text.size() > doc.body_begin);
        if (!doc.title.empty()) {
          Check(std::string_view(doc.text).substr(0, doc.title.size()) ==
                doc.title);
        }
        return hearsay::Status::Ok();
      });
  Check(s.ok());  // not strict, and the callback never stops the read
  return 0;
}
