// The first half of the extract stage: from one document, its entities (with
// mentions, aliases, roles and in-document coreference) and its statements —
// who said what, how, and through whom.
//
//   HEARSAY_ASSIGN_OR_RETURN(hearsay::Extractor ex,
//                            hearsay::Extractor::Create({.models_dir =
//                            "models"}));
//   hearsay::Extraction x = ex.Extract(doc);   // any thread
//   for (const hearsay::Statement& s : x.statements) ...
//
// Extract() segments the text, tags and parses every sentence with the nlp
// models, finds entities from the recogniser and the gazetteers, and reads
// statements off quotation marks, speech verbs with their clauses, sourcing
// phrases ("according to", "citing four anonymous sources") and speech nouns
// ("in a statement", "Ford's denial"). Every word list it uses is a lexicon
// (lexicons/README.md). Claims and stances are left empty: a statement's
// `content` span is what a later step reads propositions from.
//
// An Extractor owns its models and lexicons; it is immutable after Create()
// and Extract() may be called from many threads at once. Copies share the
// read-only resources.
#ifndef HEARSAY_EXTRACTOR_H_
#define HEARSAY_EXTRACTOR_H_

#include <memory>
#include <string>

#include "hearsay/document.h"
#include "hearsay/extract.h"
#include "hearsay/status.h"

namespace hearsay {

struct ExtractorOptions {
  // Holds tagger.model, parser.model and ner.model.
  std::string models_dir = "models";
  // A user lexicon directory (lexicons/README.md, "Extending"); empty for
  // the shipped lexicons only.
  std::string lexicon_dir;
};

namespace extract_internal {
struct Resources;
}

class Extractor {
 public:
  // Loads the models and lexicons; fails when a model file is missing or a
  // lexicon malformed.
  static Result<Extractor> Create(const ExtractorOptions& options);

  // Entities and statements of `doc`; the document is copied into the
  // result, whose spans are bytes of doc.text.
  Extraction Extract(const Document& doc) const;

  const std::string& models_version() const;
  const std::string& lexicons_version() const;

 private:
  explicit Extractor(std::shared_ptr<const extract_internal::Resources> r)
      : resources_(std::move(r)) {}
  std::shared_ptr<const extract_internal::Resources> resources_;
};

}  // namespace hearsay

#endif  // HEARSAY_EXTRACTOR_H_
