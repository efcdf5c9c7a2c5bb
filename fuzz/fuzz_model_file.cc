// Feeds arbitrary bytes to the model container and to the loaders of the
// three models built on it (parser, tagger with its lemmatizer and FEATS
// tables, recogniser with its name lists and word classes): a damaged or
// foreign model file gives a clear error naming it, never a crash or a read
// outside the file, and a model that loads annotates two words with every
// output in range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/features.h"
#include "nlp/model_file.h"
#include "nlp/ner.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"

namespace {

using hearsay::nlp::WordFeatures;

void TryParser(const std::shared_ptr<const std::string>& bytes,
               const std::vector<WordFeatures>& words) {
  auto parser = hearsay::nlp::Parser::FromBytes(bytes);
  if (!parser.ok()) return;
  std::vector<uint64_t> tags = {hearsay::nlp::TagValue("PROPN", "NNP"),
                                hearsay::nlp::TagValue("VERB", "VBD")};
  std::vector<int> heads, labels;
  parser->Parse(words, tags, heads, labels);
  if (heads.size() != 2 || labels.size() != 2) std::abort();
  for (int i = 0; i < 2; ++i) {
    if (heads[i] < 0 || heads[i] > 2) std::abort();
    if (labels[i] < 0 || labels[i] >= parser->label_count()) std::abort();
  }
}

void TryTagger(const std::shared_ptr<const std::string>& bytes,
               const std::vector<std::string_view>& forms,
               const std::vector<WordFeatures>& words) {
  auto tagger = hearsay::nlp::Tagger::FromBytes(bytes);
  if (!tagger.ok()) return;
  std::vector<int> tags;
  tagger->Tag(words, tags);
  if (tags.size() != 2) std::abort();
  std::string lemma;
  for (int i = 0; i < 2; ++i) {
    if (tags[i] < 0 || tags[i] >= tagger->tag_count()) std::abort();
    // Views into the model's own tables; reading them must stay in bounds.
    volatile size_t n =
        tagger->Feats(words[i], tags[i]).size() + tagger->Upos(tags[i]).size();
    (void)n;
    tagger->lemmatizer().Lemmatize(forms[i], tagger->Upos(tags[i]),
                                   tagger->Xpos(tags[i]), lemma);
  }
}

void TryRecognizer(const std::shared_ptr<const std::string>& bytes,
                   const std::vector<WordFeatures>& words) {
  auto ner = hearsay::nlp::Recognizer::FromBytes(bytes);
  if (!ner.ok()) return;
  using hearsay::nlp::StringHash;
  std::vector<uint64_t> upos = {StringHash("PROPN"), StringHash("VERB")};
  std::vector<uint64_t> tags = {hearsay::nlp::TagValue("PROPN", "NNP"),
                                hearsay::nlp::TagValue("VERB", "VBD")};
  std::vector<char> propn = {1, 0};
  std::vector<int> heads = {2, 0};
  std::vector<uint64_t> rels = {StringHash("nsubj"), StringHash("root")};
  hearsay::nlp::Recognizer::Input in{&words, &upos,  &tags,
                                     &propn, &heads, &rels};
  std::vector<hearsay::nlp::Name> names;
  ner->Recognize(in, names);
  for (const auto& name : names) {
    if (name.first < 0 || name.last < name.first || name.last >= 2) {
      std::abort();
    }
    if (name.type < 0 ||
        name.type >= static_cast<int>(hearsay::nlp::kEntityTypes.size())) {
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto bytes = std::make_shared<const std::string>(
      reinterpret_cast<const char*>(data), size);
  auto file = hearsay::nlp::ModelFile::FromBuffer(*bytes, "fuzz.model");
  if (!file.ok()) {
    if (file.status().message().rfind("fuzz.model: ", 0) != 0) std::abort();
    return 0;
  }
  for (std::string_view name :
       {"kind", "labels", "t", "l", "features", "tags", "tagdict", "w.meta",
        "feats.exc", "lemma.rules", "gaz", "clusters"}) {
    auto section = file->Section(name);
    if (section.ok() &&
        (section->data() < bytes->data() ||
         section->data() + section->size() > bytes->data() + bytes->size()))
      std::abort();
  }
  std::vector<std::string_view> forms = {"Ford", "denied"};
  std::vector<WordFeatures> words;
  hearsay::nlp::ComputeWordFeatures(forms, words);
  TryParser(bytes, words);
  TryTagger(bytes, forms, words);
  TryRecognizer(bytes, words);
  return 0;
}
