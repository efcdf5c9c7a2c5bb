// hearsay segment, hearsay eval segment.
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "core/json_writer.h"
#include "hearsay/ingest.h"
#include "hearsay/text.h"
#include "output.h"
#include "text/conllu.h"
#include "text/segment_eval.h"

namespace hearsay::cli {
namespace {

struct SegmentArgs {
  std::vector<std::string> inputs;
  std::string format = "json";
  ReaderFlags reader;
};

void WriteSegmentJson(const Document& doc, const Segmentation& seg,
                      std::string& out) {
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("schema");
  w.String("hearsay.segment/1");
  w.Key("document");
  WriteDocumentJson(w, doc);
  w.Key("paragraphs");
  w.BeginArray();
  for (const Span& p : seg.paragraphs) w.Span(p.begin, p.end);
  w.EndArray();
  w.Key("sentences");
  w.BeginArray();
  for (const Sentence& s : seg.sentences) w.Span(s.span.begin, s.span.end);
  w.EndArray();
  w.Key("tokens");
  w.BeginArray();
  for (const Token& t : seg.tokens) w.Span(t.span.begin, t.span.end);
  w.EndArray();
  // Only multi-word tokens are listed: their words, which the models see.
  w.Key("multiword_tokens");
  w.BeginArray();
  for (uint32_t i = 0; i < seg.tokens.size(); ++i) {
    const Token& t = seg.tokens[i];
    if (t.word_count < 2) continue;
    w.BeginObject();
    w.Key("token");
    w.Uint(i);
    w.Key("words");
    w.BeginArray();
    for (uint32_t k = 0; k < t.word_count; ++k) {
      const Word& word = seg.words[t.first_word + k];
      w.Span(word.span.begin, word.span.end);
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
}

// A summary a person reads: the metadata, then each sentence on its own line
// with its span, multi-word tokens shown split.
void WriteSegmentText(const Document& doc, const Segmentation& seg,
                      std::string& out) {
  out += "== " + (doc.title.empty() ? std::string("(untitled)") : doc.title) +
         "\n";
  out += "   id " + doc.id + "  outlet " +
         (doc.outlet.empty() ? "-" : doc.outlet) + "  published " +
         (doc.published.empty() ? "-" : doc.published) + " (" +
         std::string(PublishedFromName(doc.published_from)) + ")  language " +
         (doc.language.empty() ? "-" : doc.language) +
         (doc.language_detected ? " (detected)" : "") + "\n";
  if (!doc.url.empty()) out += "   url " + doc.url + "\n";
  out += "   " + std::to_string(seg.paragraphs.size()) + " paragraphs, " +
         std::to_string(seg.sentences.size()) + " sentences, " +
         std::to_string(seg.tokens.size()) + " tokens, " +
         std::to_string(seg.words.size()) + " words\n";
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    const Sentence& s = seg.sentences[i];
    out += "   [" + std::to_string(s.span.begin) + "," +
           std::to_string(s.span.end) + ") ";
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      const Token& tok = seg.tokens[t];
      if (t > s.first_token) out += ' ';
      if (tok.word_count > 1) {
        for (uint32_t k = 0; k < tok.word_count; ++k) {
          const Word& w = seg.words[tok.first_word + k];
          out += k ? "+" : "";
          out += w.form.empty() ? std::string(w.span.Slice(doc.text)) : w.form;
        }
      } else {
        out += tok.span.Slice(doc.text);
      }
    }
    out += "\n";
  }
  out += "\n";
}

int RunSegment(const SegmentArgs& args) {
  ReadOptions options;
  if (!args.reader.ToOptions(options)) return kExitUsage;
  Reader reader(options);
  Segmenter segmenter;
  Progress progress("documents");
  std::string out;
  bool conllu = args.format == "conllu";
  bool text = args.format == "text";
  bool write_failed = false;
  auto on_doc = [&](Document&& doc) -> Status {
    Segmentation seg = segmenter.Segment(doc.text);
    out.clear();
    if (conllu) {
      out = ToConllu(doc.text, seg, doc.id);
    } else if (text) {
      WriteSegmentText(doc, seg, out);
    } else {
      WriteSegmentJson(doc, seg, out);
    }
    if (!WriteOut(out)) {
      write_failed = true;
      return IoError("standard output closed");
    }
    progress.Update(reader.documents() + 1, reader.skipped());
    return Status::Ok();
  };
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  Status status;
  for (const std::string& path : inputs) {
    status = reader.ReadPath(path, on_doc);
    if (!status.ok()) break;
  }
  progress.Finish();
  std::fflush(stdout);
  if (write_failed) return kExitSkipped;
  if (!status.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", status.message().c_str());
    return kExitSkipped;
  }
  return reader.skipped() > 0 ? kExitSkipped : kExitOk;
}

void PrintPrf(const char* name, const Prf& p) {
  std::printf("%-10s %9.2f %9.2f %9.2f %9zu %9zu\n", name, 100 * p.precision,
              100 * p.recall, 100 * p.f1, p.gold, p.system);
}

void WritePrfJson(JsonWriter& w, const std::string& prefix, const Prf& p) {
  w.Key(prefix + "_precision");
  w.Double(100 * p.precision);
  w.Key(prefix + "_recall");
  w.Double(100 * p.recall);
  w.Key(prefix + "_f1");
  w.Double(100 * p.f1);
}

int RunEvalSegment(const std::string& gold_path, bool json) {
  Result<std::vector<conllu::Sentence>> gold = conllu::ReadFile(gold_path);
  if (!gold.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", gold.status().message().c_str());
    return kExitSkipped;
  }
  Segmenter segmenter;
  Result<SegmentScores> scores = EvaluateSegmentation(*gold, segmenter);
  if (!scores.ok()) {
    std::fprintf(stderr, "hearsay: %s: %s\n", gold_path.c_str(),
                 scores.status().message().c_str());
    return kExitSkipped;
  }
  if (json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("gold");
    w.String(gold_path);
    WritePrfJson(w, "tokens", scores->tokens);
    WritePrfJson(w, "words", scores->words);
    WritePrfJson(w, "sentences", scores->sentences);
    w.EndObject();
    out.push_back('\n');
    return WriteOut(out) ? kExitOk : kExitSkipped;
  }
  std::printf("%-10s %9s %9s %9s %9s %9s\n", "metric", "precision", "recall",
              "f1", "gold", "system");
  PrintPrf("tokens", scores->tokens);
  PrintPrf("words", scores->words);
  PrintPrf("sentences", scores->sentences);
  return kExitOk;
}

}  // namespace

void AddSegmentCommands(CommandSet& set) {
  auto args = std::make_shared<SegmentArgs>();
  CLI::App* seg = set.Add(
      nullptr, "segment",
      "Read documents and print their paragraphs, sentences and tokens as "
      "byte spans of the original text",
      [args] { return RunSegment(*args); });
  seg->add_option("inputs", args->inputs,
                  "files, directories (read recursively) or - for stdin "
                  "(default: -)");
  seg->add_option(
         "--format", args->format,
         "json (JSON Lines), conllu, or text (for people: each sentence "
         "tokenized, multi-word tokens joined by +)")
      ->check(CLI::IsMember({"json", "conllu", "text"}))
      ->capture_default_str();
  AddReaderFlags(seg, args->reader);
  seg->footer(
      "Exit status: 0 every input was read; 1 some input was skipped as "
      "malformed (one line on stderr each); 2 usage error.");

  CLI::App* eval = set.Group("eval", "Score hearsay against gold annotations");
  auto gold = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* es = set.Add(
      eval, "segment",
      "Token, word and sentence F1 against a CoNLL-U file, the CoNLL 2018 "
      "way: the raw text is rebuilt from the gold file and segmented",
      [gold, json] { return RunEvalSegment(*gold, *json); });
  es->add_option("gold", *gold, "gold CoNLL-U file")
      ->required()
      ->check(CLI::ExistingFile);
  es->add_flag("--json", *json,
               "print one JSON object (keys tokens_f1, "
               "words_f1, sentences_f1, ...)");
}

}  // namespace hearsay::cli
