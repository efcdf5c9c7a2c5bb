// What every format reader is given: the input's name, the options, and the
// two ways out — a finished Document, or a Diagnostic for a skipped part.
//
// A format reader is a function `Status ReadX(StreamBuffer&, ReadContext&)`.
// It calls ctx.Emit() for each document and ctx.Skip() for each malformed
// part, and returns early only when either of them returns a non-OK Status
// (the callback said stop, or strict mode). A ReadContext borrows everything
// it points to and lives for one input; it is not thread-safe.
#ifndef HEARSAY_INGEST_READER_CONTEXT_H_
#define HEARSAY_INGEST_READER_CONTEXT_H_

#include <functional>
#include <string>
#include <string_view>

#include "hearsay/document.h"
#include "hearsay/ingest.h"
#include "hearsay/status.h"
#include "ingest/stream.h"

namespace hearsay::ingest {

struct ReadContext {
  const ReadOptions* options = nullptr;
  std::string file;  // as named in diagnostics
  // Canonicalises the URL, detects the language, hashes, then hands the
  // document on. A document without text is skipped with a diagnostic.
  std::function<Status(Document&&, std::string_view location)> emit;
  std::function<Status(std::string_view location, std::string message)> skip;

  Status Emit(Document&& doc, std::string_view location) const {
    return emit(std::move(doc), location);
  }
  // Emit() for a reader that has itself made every byte of doc.text valid
  // UTF-8 (CleanUtf8), so that the text is not checked a second time.
  Status EmitValidUtf8(Document&& doc, std::string_view location) const {
    text_is_valid = true;
    Status s = emit(std::move(doc), location);
    text_is_valid = false;
    return s;
  }
  // True during EmitValidUtf8().
  mutable bool text_is_valid = false;
  Status Skip(std::string_view location, std::string message) const {
    return skip(location, std::move(message));
  }
  size_t max_bytes() const { return options->max_document_bytes; }
};

// Reads the rest of `in` into a string. Fails with ResourceExhausted when it
// holds more than `limit` bytes, without buffering more than that.
Result<std::string> ReadAll(StreamBuffer& in, size_t limit);

Status ReadTextInput(StreamBuffer& in, ReadContext& ctx);
Status ReadJsonlInput(StreamBuffer& in, ReadContext& ctx);
Status ReadHtmlInput(StreamBuffer& in, ReadContext& ctx);
Status ReadWarcInput(StreamBuffer& in, ReadContext& ctx);
Status ReadFeedInput(StreamBuffer& in, ReadContext& ctx);

}  // namespace hearsay::ingest

#endif  // HEARSAY_INGEST_READER_CONTEXT_H_
