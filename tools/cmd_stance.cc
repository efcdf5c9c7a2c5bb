// hearsay stance, hearsay train stance, hearsay eval fnc1: the FNC-1 stance
// of an article toward a claim (agree, disagree, discuss, unrelated).
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "command.h"
#include "core/csv.h"
#include "core/json_writer.h"
#include "extract/stance_fnc.h"
#include "hearsay/ingest.h"
#include "output.h"

namespace hearsay::cli {
namespace {

constexpr const char* kModelFile = "models/stance.model";
constexpr const char* kExitFooter =
    "Exit status: 0 every input was read; 1 some input or row was skipped as "
    "malformed (one line on stderr each); 2 usage error.";

// The model named on the command line, else models/stance.model in the
// working directory or next to (or above) the executable, so that both an
// installed binary and build/hearsay find the committed model.
std::string FindModel(const std::string& given) {
  if (!given.empty()) return given;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(kModelFile, ec)) return kModelFile;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty();
         dir = dir.parent_path()) {
      if (fs::exists(dir / kModelFile, ec)) return (dir / kModelFile).string();
      if (dir == dir.root_path()) break;
    }
  }
  return kModelFile;
}

Result<StanceClassifier> LoadModel(const std::string& given,
                                   const std::string& lexicon_dir) {
  std::string path = FindModel(given);
  Result<StanceClassifier> c = StanceClassifier::Load(path, lexicon_dir);
  if (c.ok() && c->trained_lexicons() != c->lexicons()) {
    std::fprintf(stderr,
                 "hearsay: warning: %s was trained with lexicons %s, these "
                 "are %s; its scores may differ from the documented ones "
                 "until it is retrained (hearsay train stance)\n",
                 path.c_str(), c->trained_lexicons().c_str(),
                 c->lexicons().c_str());
  }
  return c;
}

void PrintErrors(const std::vector<std::string>& errors) {
  for (const std::string& e : errors) {
    std::fprintf(stderr, "hearsay: %s\n", e.c_str());
  }
}

double Pct(double x) { return std::round(10000 * x) / 100; }

struct StanceArgs {
  std::string claim;
  std::string pairs;
  std::string bodies;
  std::string model;
  std::string lexicon_dir;
  std::string format = "text";
  std::vector<std::string> inputs;
  ReaderFlags reader;
};

void WriteStanceJson(const Document& doc, const std::string& claim,
                     const StanceResult& r, const StanceClassifier& c,
                     std::string& out) {
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("schema");
  w.String("hearsay.stance/1");
  w.Key("models");
  w.String(c.version());
  w.Key("lexicons");
  w.String(c.lexicons());
  w.Key("document");
  WriteDocumentJson(w, doc);
  w.Key("claim");
  w.String(claim);
  w.Key("stance");
  w.String(FncStanceName(r.stance));
  w.Key("scores");
  w.BeginObject();
  for (int k = 0; k < kFncStanceCount; ++k) {
    w.Key(FncStanceName(static_cast<FncStance>(k)));
    w.Double(std::round(r.scores[k] * 1e4) / 1e4);
  }
  w.EndObject();
  w.Key("evidence");
  w.BeginArray();
  for (const StanceEvidence& e : r.evidence) {
    w.BeginObject();
    w.Key("span");
    w.Span(e.span.begin, e.span.end);
    w.Key("text");
    w.String(e.span.Slice(doc.text));
    w.Key("similarity");
    w.Double(std::round(e.similarity * 1e4) / 1e4);
    w.Key("refuting");
    w.Bool(e.refuting);
    w.Key("hedging");
    w.Bool(e.hedging);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
}

void WriteStanceText(const Document& doc, const StanceResult& r,
                     std::string& out) {
  out += "== " + (doc.title.empty() ? std::string("(untitled)") : doc.title) +
         "\n   id " + doc.id + "\n";
  if (!doc.url.empty()) out += "   url " + doc.url + "\n";
  out += "   stance " + std::string(FncStanceName(r.stance)) + "  (";
  char buf[64];
  for (int k = 0; k < kFncStanceCount; ++k) {
    std::snprintf(buf, sizeof buf, "%s%s %.2f", k ? ", " : "",
                  std::string(FncStanceName(static_cast<FncStance>(k))).c_str(),
                  r.scores[k]);
    out += buf;
  }
  out += ")\n";
  for (const StanceEvidence& e : r.evidence) {
    std::snprintf(buf, sizeof buf, "   [%u,%u) %.2f%s%s ", e.span.begin,
                  e.span.end, e.similarity, e.refuting ? " refuting" : "",
                  e.hedging ? " hedging" : "");
    std::string text(e.span.Slice(doc.text));
    for (char& ch : text) {
      if (ch == '\n' || ch == '\r') ch = ' ';
    }
    out += buf + text + "\n";
  }
  out += "\n";
}

int RunStanceClaim(const StanceArgs& args, const StanceClassifier& c) {
  ReadOptions options;
  if (!args.reader.ToOptions(options)) return kExitUsage;
  Reader reader(options);
  bool json = args.format == "json";
  bool write_failed = false;
  std::string out;
  auto on_doc = [&](Document&& doc) -> Status {
    uint32_t begin = std::min<size_t>(doc.body_begin, doc.text.size());
    StanceResult r =
        c.Classify(args.claim, std::string_view(doc.text).substr(begin));
    for (StanceEvidence& e : r.evidence) {
      e.span.begin += begin;
      e.span.end += begin;
    }
    out.clear();
    if (json) {
      WriteStanceJson(doc, args.claim, r, c, out);
    } else {
      WriteStanceText(doc, r, out);
    }
    if (!WriteOut(out)) {
      write_failed = true;
      return IoError("standard output closed");
    }
    return Status::Ok();
  };
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  Status status;
  for (const std::string& path : inputs) {
    status = reader.ReadPath(path, on_doc);
    if (!status.ok()) break;
  }
  std::fflush(stdout);
  if (write_failed) return kExitSkipped;
  if (!status.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", status.message().c_str());
    return kExitSkipped;
  }
  return reader.skipped() > 0 ? kExitSkipped : kExitOk;
}

int RunStancePairs(const StanceArgs& args, const StanceClassifier& c) {
  Result<FncData> data = ReadFncData(args.bodies, args.pairs, false);
  if (!data.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", data.status().message().c_str());
    return kExitSkipped;
  }
  PrintErrors(data->errors);
  std::vector<FncStance> predicted = c.ClassifyPairs(*data, {});
  std::string out = "Headline,Body ID,Stance\n";
  for (size_t i = 0; i < data->pairs.size(); ++i) {
    const FncPair& p = data->pairs[i];
    AppendCsvRow({p.headline, p.body_id, FncStanceName(predicted[i])}, out);
  }
  if (!WriteOut(out)) return kExitSkipped;
  std::fflush(stdout);
  return data->errors.empty() ? kExitOk : kExitSkipped;
}

int RunStance(const StanceArgs& args) {
  bool claim = !args.claim.empty();
  bool pairs = !args.pairs.empty() || !args.bodies.empty();
  if (claim == pairs) {
    std::fprintf(stderr,
                 "hearsay stance: give either --claim TEXT [FILES], or "
                 "--pairs PAIRS.csv --bodies BODIES.csv\n");
    return kExitUsage;
  }
  if (pairs && (args.pairs.empty() || args.bodies.empty())) {
    std::fprintf(stderr, "hearsay stance: --pairs and --bodies go together\n");
    return kExitUsage;
  }
  if (pairs && !args.inputs.empty()) {
    std::fprintf(stderr, "hearsay stance: --pairs reads no other files\n");
    return kExitUsage;
  }
  Result<StanceClassifier> c = LoadModel(args.model, args.lexicon_dir);
  if (!c.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", c.status().message().c_str());
    return kExitUsage;
  }
  return claim ? RunStanceClaim(args, *c) : RunStancePairs(args, *c);
}

// ---------------------------------------------------------------------------
// Evaluation and training.

struct EvalArgs {
  std::string bodies;
  std::string stances;
  std::string model;
  std::string lexicon_dir;
  std::string split = "heldout";
  std::string write_gold;
  bool json = false;
};

void PrintSplit(const StorySplit& s) {
  std::fprintf(stderr,
               "split: %zu stories (%zu held out), %zu bodies (%zu held out), "
               "%zu pairs (%zu held out)\n",
               s.stories, s.heldout_stories, s.bodies, s.heldout_bodies,
               s.pairs, s.heldout_pairs);
}

std::string FormatScores(const FncScores& s, bool json,
                         const std::string& split) {
  std::string out;
  if (json) {
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("split");
    w.String(split);
    w.Key("pairs");
    w.Uint(s.total());
    w.Key("fnc_score");
    w.Double(Pct(s.Relative() / 100));
    w.Key("f1_macro");
    w.Double(Pct(s.MacroF1()));
    for (int k = 0; k < kFncStanceCount; ++k) {
      FncStance st = static_cast<FncStance>(k);
      std::string name(FncStanceName(st));
      w.Key("f1_" + name);
      w.Double(Pct(s.F1(st)));
      w.Key("precision_" + name);
      w.Double(Pct(s.Precision(st)));
      w.Key("recall_" + name);
      w.Double(Pct(s.Recall(st)));
    }
    w.Key("confusion");
    w.BeginArray();
    for (const auto& row : s.confusion) {
      w.BeginArray();
      for (uint64_t n : row) w.Uint(n);
      w.EndArray();
    }
    w.EndArray();
    w.EndObject();
    out.push_back('\n');
    return out;
  }
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "pairs        %llu (%s)\nfnc_score    %.2f\n"
                "f1_macro     %.2f\n",
                static_cast<unsigned long long>(s.total()), split.c_str(),
                Pct(s.Relative() / 100), Pct(s.MacroF1()));
  out += buf;
  out += "class        precision    recall        f1\n";
  for (int k = 0; k < kFncStanceCount; ++k) {
    FncStance st = static_cast<FncStance>(k);
    std::snprintf(buf, sizeof buf, "%-10s %11.2f %9.2f %9.2f\n",
                  std::string(FncStanceName(st)).c_str(), Pct(s.Precision(st)),
                  Pct(s.Recall(st)), Pct(s.F1(st)));
    out += buf;
  }
  out +=
      "confusion (gold rows, predicted columns): agree disagree discuss "
      "unrelated\n";
  for (int g = 0; g < kFncStanceCount; ++g) {
    std::snprintf(
        buf, sizeof buf, "%-10s",
        std::string(FncStanceName(static_cast<FncStance>(g))).c_str());
    out += buf;
    for (int p = 0; p < kFncStanceCount; ++p) {
      std::snprintf(buf, sizeof buf, " %6llu",
                    static_cast<unsigned long long>(s.confusion[g][p]));
      out += buf;
    }
    out += "\n";
  }
  return out;
}

FncScores ScoreSubset(const FncData& data, const std::vector<bool>& include,
                      const std::vector<FncStance>& predicted) {
  std::vector<FncStance> gold, pred;
  for (size_t i = 0; i < data.pairs.size(); ++i) {
    if (!include.empty() && !include[i]) continue;
    gold.push_back(data.pairs[i].stance);
    pred.push_back(predicted[i]);
  }
  return ScoreFnc(gold, pred);
}

// std::vector<bool> has no contiguous storage to view as a span.
std::vector<char> AsBytes(const std::vector<bool>& v) {
  return std::vector<char>(v.begin(), v.end());
}
std::span<const bool> AsSpan(const std::vector<char>& v) {
  return {reinterpret_cast<const bool*>(v.data()), v.size()};
}

int RunEvalFnc(const EvalArgs& args) {
  Result<FncData> data = ReadFncData(args.bodies, args.stances, true);
  if (!data.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", data.status().message().c_str());
    return kExitSkipped;
  }
  PrintErrors(data->errors);
  Result<StanceClassifier> c = LoadModel(args.model, args.lexicon_dir);
  if (!c.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", c.status().message().c_str());
    return kExitUsage;
  }
  std::vector<bool> include;
  if (args.split == "heldout") {
    StorySplit split = SplitStories(*data);
    PrintSplit(split);
    include = split.heldout;
  }
  if (!args.write_gold.empty()) {
    // The scored pairs with their gold labels, for any other scorer.
    std::string out = "Headline,Body ID,Stance\n";
    for (size_t i = 0; i < data->pairs.size(); ++i) {
      if (!include.empty() && !include[i]) continue;
      const FncPair& p = data->pairs[i];
      AppendCsvRow({p.headline, p.body_id, FncStanceName(p.stance)}, out);
    }
    std::FILE* f = std::fopen(args.write_gold.c_str(), "wb");
    bool ok = f && std::fwrite(out.data(), 1, out.size(), f) == out.size();
    if (f && std::fclose(f) != 0) ok = false;
    if (!ok) {
      std::fprintf(stderr, "hearsay: %s: cannot write\n",
                   args.write_gold.c_str());
      return kExitSkipped;
    }
  }
  std::vector<char> bytes = AsBytes(include);
  std::vector<FncStance> predicted = c->ClassifyPairs(*data, AsSpan(bytes));
  FncScores s = ScoreSubset(*data, include, predicted);
  if (!WriteOut(FormatScores(s, args.json, args.split))) return kExitSkipped;
  return data->errors.empty() ? kExitOk : kExitSkipped;
}

struct TrainArgs {
  std::string bodies;
  std::string stances;
  std::string out = kModelFile;
  std::string lexicon_dir;
  std::string split = "heldout";
  StanceTrainOptions options;
};

int RunTrainStance(const TrainArgs& args) {
  Result<FncData> data = ReadFncData(args.bodies, args.stances, true);
  if (!data.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", data.status().message().c_str());
    return kExitSkipped;
  }
  PrintErrors(data->errors);
  StorySplit split = SplitStories(*data);
  PrintSplit(split);
  std::vector<bool> train(data->pairs.size(), true);
  if (args.split == "heldout") {
    for (size_t i = 0; i < train.size(); ++i) train[i] = !split.heldout[i];
  }
  StanceTrainOptions options = args.options;
  options.lexicon_dir = args.lexicon_dir;
  std::vector<char> train_bytes = AsBytes(train);
  Result<StanceClassifier> c =
      StanceClassifier::Train(*data, AsSpan(train_bytes), options);
  if (!c.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", c.status().message().c_str());
    return kExitSkipped;
  }
  Status saved = c->Save(args.out);
  if (!saved.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", saved.message().c_str());
    return kExitSkipped;
  }
  std::fprintf(stderr, "wrote %s (%s)\n", args.out.c_str(),
               c->version().c_str());
  if (args.split == "heldout") {
    // Scored as saved, so the figures are those `eval fnc1` will print.
    Result<StanceClassifier> saved_model =
        StanceClassifier::Load(args.out, args.lexicon_dir);
    if (!saved_model.ok()) {
      std::fprintf(stderr, "hearsay: %s\n",
                   saved_model.status().message().c_str());
      return kExitSkipped;
    }
    std::vector<char> held = AsBytes(split.heldout);
    std::vector<FncStance> predicted =
        saved_model->ClassifyPairs(*data, AsSpan(held));
    FncScores s = ScoreSubset(*data, split.heldout, predicted);
    if (!WriteOut(FormatScores(s, false, "heldout"))) return kExitSkipped;
  }
  return data->errors.empty() ? kExitOk : kExitSkipped;
}

}  // namespace

void AddStanceCommands(CommandSet& set) {
  auto args = std::make_shared<StanceArgs>();
  CLI::App* st = set.Add(
      nullptr, "stance",
      "Say whether articles agree with a claim, disagree, discuss it or are "
      "unrelated (FNC-1), with the sentences that decided it; or label "
      "FNC-1 style headline/body pairs",
      [args] { return RunStance(*args); });
  st->add_option("inputs", args->inputs,
                 "with --claim: files, directories or - for stdin (default: "
                 "-)");
  st->add_option("--claim", args->claim, "the claim (a headline) to test");
  st->add_option("--pairs", args->pairs,
                 "CSV of pairs to label: Headline, Body ID (a Stance column "
                 "is ignored); writes Headline,Body ID,Stance rows")
      ->check(CLI::ExistingFile);
  st->add_option("--bodies", args->bodies,
                 "CSV of bodies for --pairs: Body ID, articleBody")
      ->check(CLI::ExistingFile);
  st->add_option("--format", args->format,
                 "with --claim: text (for people) or json (JSON Lines)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  st->add_option("--model", args->model,
                 "stance model (default: models/stance.model, looked up in "
                 "the working directory, then beside the executable)");
  st->add_option("--lexicon", args->lexicon_dir,
                 "directory whose lexicons add to the shipped ones");
  AddReaderFlags(st, args->reader);
  st->footer(kExitFooter);

  CLI::App* eval = set.Group("eval", "Score hearsay against gold annotations");
  auto eargs = std::make_shared<EvalArgs>();
  CLI::App* ef = set.Add(
      eval, "fnc1",
      "FNC-1 score (relative, %), per-class precision/recall/F1, macro-F1 and "
      "the confusion matrix of the stance model on labelled pairs",
      [eargs] { return RunEvalFnc(*eargs); });
  ef->add_option("--bodies", eargs->bodies, "Body ID, articleBody CSV")
      ->required()
      ->check(CLI::ExistingFile);
  ef->add_option("--stances", eargs->stances, "Headline, Body ID, Stance CSV")
      ->required()
      ->check(CLI::ExistingFile);
  ef->add_option("--split", eargs->split,
                 "heldout: only the held-out stories (see "
                 "models/README-fnc1.md); all: every pair")
      ->check(CLI::IsMember({"heldout", "all"}))
      ->capture_default_str();
  ef->add_option("--model", eargs->model,
                 "stance model (default: "
                 "models/stance.model)");
  ef->add_option("--lexicon", eargs->lexicon_dir,
                 "directory whose lexicons add to the shipped ones");
  ef->add_option("--write-gold", eargs->write_gold,
                 "also write the scored pairs with their gold stances as CSV "
                 "(Headline,Body ID,Stance), to check with another scorer");
  ef->add_flag("--json", eargs->json,
               "print one JSON object (keys fnc_score, f1_macro, "
               "f1_disagree, ..., confusion), figures in %");
  ef->footer(kExitFooter);

  CLI::App* train = set.Group("train", "Train the models in models/");
  auto targs = std::make_shared<TrainArgs>();
  CLI::App* ts = set.Add(
      train, "stance",
      "Train the FNC-1 stance model on the training stories and print its "
      "scores on the held-out ones",
      [targs] { return RunTrainStance(*targs); });
  ts->add_option("--bodies", targs->bodies, "Body ID, articleBody CSV")
      ->required()
      ->check(CLI::ExistingFile);
  ts->add_option("--stances", targs->stances, "Headline, Body ID, Stance CSV")
      ->required()
      ->check(CLI::ExistingFile);
  ts->add_option("-o,--output", targs->out, "where to write the model")
      ->capture_default_str();
  ts->add_option("--split", targs->split,
                 "heldout: train on the training stories and score the "
                 "held-out ones; all: train on every pair")
      ->check(CLI::IsMember({"heldout", "all"}))
      ->capture_default_str();
  ts->add_option("--lexicon", targs->lexicon_dir,
                 "directory whose lexicons add to the shipped ones");
  ts->add_option("--seed", targs->options.seed, "shuffling seed")
      ->capture_default_str();
  ts->add_option("--runs", targs->options.runs,
                 "models averaged, each from another shuffle")
      ->capture_default_str();
  ts->add_option("--class-weight", targs->options.class_weight_power,
                 "0 unweighted .. 1 balanced second-stage classes")
      ->capture_default_str();
  ts->footer(kExitFooter);
}

}  // namespace hearsay::cli
