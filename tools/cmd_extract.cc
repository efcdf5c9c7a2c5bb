// hearsay extract: entities, statements, claims and stances of each document,
// as hearsay.extract/1 JSON Lines or as a summary a person reads.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "command.h"
#include "core/json_writer.h"
#include "extract/attribution_eval.h"
#include "extract/extraction_json.h"
#include "hearsay/extractor.h"
#include "hearsay/ingest.h"
#include "output.h"

namespace hearsay::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string models;
  std::string lexicon;
  std::string format = "jsonl";
  int jobs = 1;
  ReaderFlags reader;
};

// `text` on one line: its line breaks as spaces.
std::string OneLine(std::string text) {
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

std::string SpeakerText(const Extraction& x, const Speaker& sp) {
  if (!sp.entities.empty()) {
    std::string out;
    for (int e : sp.entities) {
      if (!out.empty()) out += " + ";
      out += x.entities[e].name;
    }
    return out + " (\"" + sp.name + "\")";
  }
  if (sp.entity >= 0) return x.entities[sp.entity].name;
  if (sp.anonymous) {
    std::string out = "anonymous";
    if (sp.count > 0) out += " x" + std::to_string(sp.count);
    return out + " (\"" + sp.description + "\")";
  }
  if (!sp.name.empty()) return "\"" + sp.name + "\"";
  return "(the reporter)";
}

// Entities, then who said what and through whom, with the sentences.
void WriteExtractText(const Extraction& x, std::string& out) {
  const Document& doc = x.document;
  const std::string& text = doc.text;
  out += "== " + (doc.title.empty() ? std::string("(untitled)") : doc.title) +
         "\n";
  out += "   id " + doc.id + "  outlet " +
         (doc.outlet.empty() ? "-" : doc.outlet) + "  published " +
         (doc.published.empty() ? "-" : doc.published) + "\n";
  out += "-- entities\n";
  for (size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    out += "   E" + std::to_string(i + 1) + " " + e.name + " [" +
           std::string(EntityTypeName(e.type)) + "]";
    for (const std::string& r : e.roles) out += ", " + r;
    out += "  (" + std::to_string(e.mentions.size()) +
           (e.mentions.size() == 1 ? " mention" : " mentions");
    if (!e.aliases.empty()) {
      out += "; also";
      for (size_t k = 0; k < e.aliases.size(); ++k)
        out += (k ? ", \"" : " \"") + e.aliases[k] + "\"";
    }
    out += ")\n";
  }
  out += "-- statements\n";
  for (size_t i = 0; i < x.statements.size(); ++i) {
    const Statement& s = x.statements[i];
    out += "   S" + std::to_string(i + 1) + " " + SpeakerText(x, s.speaker) +
           " -- " + std::string(StatementKindName(s.kind)) + ", \"" +
           s.cue_text + "\"";
    if (s.via >= 0) out += ", via S" + std::to_string(s.via + 1);
    char conf[32];
    std::snprintf(conf, sizeof conf, " (%.2f, %s)", s.confidence,
                  s.rule.c_str());
    out += conf;
    out += "\n      says: " + OneLine(ContentText(text, s)) + "\n";
    for (const Span& e : s.evidence)
      out += "      in:   " + OneLine(std::string(e.Slice(text))) + "\n";
  }
  out += "-- claims\n";
  for (size_t i = 0; i < x.claims.size(); ++i) {
    const Claim& c = x.claims[i];
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.2f", c.confidence);
    out += "   C" + std::to_string(i + 1) + " " + c.text + "\n      " +
           c.predicate + (c.positive ? "" : ", negative") + ", " +
           std::string(ModalityName(c.modality));
    if (!c.location.empty()) out += ", in " + c.location;
    if (!c.time.empty()) out += ", on " + c.time;
    out += "  (" + std::string(conf) + ", key " + c.key + ")\n";
    for (const Participant& p : c.participants) {
      out += "      " + p.role + ": " + p.text +
             (p.entity >= 0 ? " (E" + std::to_string(p.entity + 1) + ")" : "") +
             "\n";
    }
    // Who takes which side: the answer an analyst reads first.
    for (size_t k = 0; k < x.statements.size(); ++k) {
      for (const Stance& st : x.statements[k].stances) {
        if (st.claim != static_cast<int>(i)) continue;
        out += "      " + std::string(StanceValueName(st.value));
        if (st.strength != Strength::kNone)
          out += " (" + std::string(StrengthName(st.strength)) + ")";
        out += " by " + SpeakerText(x, x.statements[k].speaker) + " [S" +
               std::to_string(k + 1) + "]" + (st.principal ? ", a party" : "") +
               "\n";
      }
    }
  }
  out += "\n";
}

int RunExtract(const ExtractArgs& args) {
  ReadOptions options;
  if (!args.reader.ToOptions(options)) return kExitUsage;
  std::string models = FindModelsDir(args.models);
  if (models.empty()) {
    std::fprintf(stderr,
                 "hearsay extract: no models found; give --models DIR or set "
                 "HEARSAY_MODELS to the directory holding tagger.model, "
                 "parser.model and ner.model\n");
    return kExitUsage;
  }
  Result<Extractor> ex =
      Extractor::Create({.models_dir = models, .lexicon_dir = args.lexicon});
  if (!ex.ok()) {
    std::fprintf(stderr, "hearsay extract: %s\n",
                 ex.status().message().c_str());
    return kExitUsage;
  }
  const bool text = args.format == "text";
  const int jobs = std::max(1, args.jobs);
  Reader reader(options);
  Progress progress("documents");
  bool write_failed = false;
  uint64_t done = 0;
  // Documents are batched so that workers share the load while the output
  // keeps the input order and memory stays bounded.
  std::vector<Document> batch;
  const size_t batch_size = static_cast<size_t>(jobs) * 16;
  auto flush = [&]() -> Status {
    std::vector<std::string> outs(batch.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < batch.size();) {
        Extraction x = ex->Extract(batch[i]);
        if (text) {
          WriteExtractText(x, outs[i]);
        } else {
          WriteExtractionJson(x, outs[i]);
        }
      }
    };
    if (jobs == 1 || batch.size() == 1) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (int t = 0; t < jobs; ++t) pool.emplace_back(work);
      for (std::thread& t : pool) t.join();
    }
    for (const std::string& o : outs) {
      if (!WriteOut(o)) {
        write_failed = true;
        return IoError("standard output closed");
      }
    }
    done += batch.size();
    progress.Update(done, reader.skipped());
    batch.clear();
    return Status::Ok();
  };
  auto on_doc = [&](Document&& doc) -> Status {
    batch.push_back(std::move(doc));
    if (batch.size() >= batch_size) return flush();
    return Status::Ok();
  };
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  Status status;
  for (const std::string& path : inputs) {
    status = reader.ReadPath(path, on_doc);
    if (!status.ok()) break;
  }
  if (status.ok() && !batch.empty()) status = flush();
  progress.Finish();
  std::fflush(stdout);
  if (write_failed) return kExitSkipped;
  if (!status.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", status.message().c_str());
    return kExitSkipped;
  }
  return reader.skipped() > 0 ? kExitSkipped : kExitOk;
}

int RunEvalAttribution(const std::string& polnear,
                       const std::string& models_flag,
                       const std::string& lexicon, bool json) {
  std::string models = FindModelsDir(models_flag);
  if (models.empty()) {
    std::fprintf(stderr,
                 "hearsay eval attribution: no models found; give --models DIR "
                 "or set HEARSAY_MODELS\n");
    return kExitUsage;
  }
  Result<Extractor> ex =
      Extractor::Create({.models_dir = models, .lexicon_dir = lexicon});
  if (!ex.ok()) {
    std::fprintf(stderr, "hearsay eval attribution: %s\n",
                 ex.status().message().c_str());
    return kExitUsage;
  }
  Result<AttributionScores> s = EvaluatePolnear(polnear, *ex);
  if (!s.ok()) {
    std::fprintf(stderr, "hearsay eval attribution: %s\n",
                 s.status().message().c_str());
    return kExitSkipped;
  }
  if (json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    auto num = [&](const char* k, double v) {
      w.Key(k);
      w.Double(v);
    };
    auto count = [&](const char* k, size_t v) {
      w.Key(k);
      w.Uint(v);
    };
    num("precision_attribution", 100 * s->precision);
    num("recall_attribution", 100 * s->recall);
    num("f1_attribution", 100 * s->f1);
    num("precision_cue", 100 * s->cue_precision);
    num("recall_cue", 100 * s->cue_recall);
    num("f1_cue", 100 * s->cue_f1);
    num("source_given_cue",
        s->cue_matched ? 100.0 * s->matched / s->cue_matched : 0);
    num("content_overlap_of_matched", 100 * s->content_overlap);
    count("gold", s->gold);
    count("system", s->system);
    count("documents", s->documents);
    w.EndObject();
    out.push_back('\n');
    return WriteOut(out) ? kExitOk : kExitSkipped;
  }
  std::printf("%-28s %9s %9s %9s\n", "level", "precision", "recall", "f1");
  std::printf("%-28s %9.2f %9.2f %9.2f\n", "attribution (cue+source)",
              100 * s->precision, 100 * s->recall, 100 * s->f1);
  std::printf("%-28s %9.2f %9.2f %9.2f\n", "cue", 100 * s->cue_precision,
              100 * s->cue_recall, 100 * s->cue_f1);
  std::printf("source right, given the cue  %.2f\n",
              s->cue_matched ? 100.0 * s->matched / s->cue_matched : 0);
  std::printf("content overlaps, of matched %.2f\n", 100 * s->content_overlap);
  std::printf("gold %zu  system %zu  documents %zu\n", s->gold, s->system,
              s->documents);
  return kExitOk;
}

}  // namespace

void AddExtractCommands(CommandSet& set) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = set.Add(
      nullptr, "extract",
      "Read documents and print their entities, statements (who said "
      "what, how, through whom), claims and each statement's stance toward "
      "them, as hearsay.extract/1 JSON Lines",
      [args] { return RunExtract(*args); });
  cmd->add_option("inputs", args->inputs,
                  "files, directories (read recursively) or - for stdin "
                  "(default: -)");
  cmd->add_option("--models", args->models,
                  "directory of tagger.model, parser.model, ner.model "
                  "(default: $HEARSAY_MODELS, then the source tree's models/, "
                  "then ./models)");
  cmd->add_option("--lexicon", args->lexicon,
                  "a directory of lexicon files that add to and remove from "
                  "the shipped ones (lexicons/README.md)");
  cmd->add_option("--format", args->format,
                  "jsonl (hearsay.extract/1, one object per document) or text "
                  "(a summary for people)")
      ->check(CLI::IsMember({"jsonl", "json", "text"}))
      ->capture_default_str();
  cmd->add_option("--jobs,-j", args->jobs, "worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  AddReaderFlags(cmd, args->reader);
  cmd->footer(
      "Exit status: 0 every input was read; 1 some input was skipped as "
      "malformed (one line on stderr each); 2 usage error.");

  struct EvalArgs {
    std::string polnear, models, lexicon;
    bool json = false;
  };
  auto ea = std::make_shared<EvalArgs>();
  CLI::App* eval = set.Group("eval", "Score hearsay against gold annotations");
  CLI::App* ev = set.Add(
      eval, "attribution",
      "Statements against PolNeAR's gold attributions: cues overlap and "
      "speakers share half their characters (DESIGN.md)",
      [ea] {
        return RunEvalAttribution(ea->polnear, ea->models, ea->lexicon,
                                  ea->json);
      });
  ev->add_option("--polnear", ea->polnear,
                 "a PolNeAR split: text/ and attributions/")
      ->required();
  ev->add_option("--models", ea->models, "directory of the model files");
  ev->add_option("--lexicon", ea->lexicon, "a user lexicon directory");
  ev->add_flag("--json", ea->json,
               "print one JSON object (key f1_attribution, ...)");
}

}  // namespace hearsay::cli
