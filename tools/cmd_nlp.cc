// `hearsay train tagger|parser|ner`, `hearsay parse`, `hearsay eval ud` and
// `hearsay eval ner`: the command-line face of the nlp stage.
#include <fmt/format.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "hearsay/nlp.h"
#include "nlp/eval.h"
#include "nlp/ner.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"
#include "text/conllu.h"

namespace hearsay::cli {
namespace {

constexpr const char* kDefaultLexicon = "lexicons/lemmas.tsv";

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

int Fail(const Status& s) {
  std::fprintf(stderr, "hearsay: %s\n", s.ToString().c_str());
  return kExitSkipped;
}

Result<std::vector<conllu::Sentence>> ReadAll(
    const std::vector<std::string>& paths) {
  std::vector<conllu::Sentence> out;
  for (const std::string& p : paths) {
    HEARSAY_ASSIGN_OR_RETURN(std::vector<conllu::Sentence> s,
                             conllu::ReadFile(p));
    out.insert(out.end(), std::make_move_iterator(s.begin()),
               std::make_move_iterator(s.end()));
  }
  return out;
}

Result<nlp::Pipeline> LoadPipeline(const std::string& models,
                                   const std::string& lexicon) {
  std::string lex = lexicon;
  if (lex.empty() && Exists(kDefaultLexicon)) lex = kDefaultLexicon;
  return nlp::Pipeline::Load(models, lex);
}

void JsonString(std::string_view s, std::string& out) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

std::string SentId(const conllu::Sentence& s) {
  for (const std::string& c : s.comments) {
    if (c.rfind("sent_id = ", 0) == 0) return c.substr(10);
  }
  return "";
}

// One JSON object per sentence (JSON Lines).
void WriteJson(const conllu::Sentence& s, std::string& out) {
  out += "{\"sent_id\":";
  JsonString(SentId(s), out);
  out += ",\"text\":";
  JsonString(s.text, out);
  out += ",\"words\":[";
  for (size_t i = 0; i < s.words.size(); ++i) {
    const conllu::Word& w = s.words[i];
    if (i) out += ',';
    out += fmt::format("{{\"id\":{},\"form\":", w.id);
    JsonString(w.form, out);
    out += ",\"lemma\":";
    JsonString(w.lemma, out);
    out += ",\"upos\":";
    JsonString(w.upos, out);
    out += ",\"xpos\":";
    JsonString(w.xpos, out);
    out += ",\"feats\":";
    JsonString(w.feats, out);
    out += fmt::format(",\"head\":{},\"deprel\":", w.head);
    JsonString(w.deprel, out);
    std::string_view ne = conllu::MiscGet(w.misc, "NE");
    out += ",\"entity\":";
    JsonString(ne.empty() ? "O" : ne, out);
    out += '}';
  }
  out += "]}\n";
}

struct TrainArgs {
  std::vector<std::string> train;
  std::string dev, out;
  int epochs = 10;
  uint64_t seed = 1;
  float prune = 0;
  double max_mb = 0;
  int jackknife = 0;
  int tagger_epochs = 6;
  std::string tagger, parser;
};

void AddTrain(CommandSet& set, CLI::App* group, const std::string& name,
              const std::string& what,
              Status (*train)(const std::vector<conllu::Sentence>&,
                              const std::vector<conllu::Sentence>&,
                              const nlp::TrainOptions&, const std::string&),
              bool uses_tags) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* app = set.Add(group, name, what, [args, train]() {
    auto tr = ReadAll(args->train);
    if (!tr.ok()) return Fail(tr.status());
    auto dev = ReadAll({args->dev});
    if (!dev.ok()) return Fail(dev.status());
    nlp::TrainOptions o;
    o.epochs = args->epochs;
    o.seed = args->seed;
    o.prune = args->prune;
    o.max_bytes = static_cast<size_t>(args->max_mb * 1e6);
    o.log = [](const std::string& line) {
      std::printf("%s\n", line.c_str());
      std::fflush(stdout);
    };
    std::printf("%zu training sentences, %zu dev sentences\n", tr->size(),
                dev->size());
    // Tags the model will be trained and scored on: predicted ones, as at
    // run time (jackknifed on the training data, so they are as wrong there
    // as on unseen text).
    std::vector<conllu::Sentence> tagged_tr, tagged_dev;
    if (args->jackknife > 0) {
      nlp::TrainOptions to;
      to.epochs = args->tagger_epochs;
      to.seed = args->seed;
      tagged_tr = *tr;
      Status s = nlp::RetagJackknife(tagged_tr, args->jackknife, *dev, to);
      if (!s.ok()) return Fail(s);
      std::printf("training data retagged (%d-fold jackknife)\n",
                  args->jackknife);
    }
    if (!args->tagger.empty()) {
      auto tagger = nlp::Tagger::Load(args->tagger);
      if (!tagger.ok()) return Fail(tagger.status());
      tagged_dev = *dev;
      nlp::Retag(*tagger, tagged_dev);
      if (args->jackknife == 0) {
        tagged_tr = *tr;
        nlp::Retag(*tagger, tagged_tr);
      }
      std::printf("dev%s retagged with %s\n",
                  args->jackknife == 0 ? " and training data" : "",
                  args->tagger.c_str());
    }
    if (!args->parser.empty()) {
      auto parser = nlp::Parser::Load(args->parser);
      if (!parser.ok()) return Fail(parser.status());
      if (tagged_tr.empty()) tagged_tr = *tr;
      if (tagged_dev.empty()) tagged_dev = *dev;
      nlp::Reparse(*parser, tagged_tr);
      nlp::Reparse(*parser, tagged_dev);
      std::printf("trees predicted with %s\n", args->parser.c_str());
    }
    if (!tagged_tr.empty()) o.tagged_train = &tagged_tr;
    if (!tagged_dev.empty()) o.tagged_dev = &tagged_dev;
    Status s = train(*tr, *dev, o, args->out);
    if (!s.ok()) return Fail(s);
    std::printf("wrote %s\n", args->out.c_str());
    return kExitOk;
  });
  app->add_option("--train", args->train, "CoNLL-U training files")
      ->required()
      ->expected(1, -1);
  app->add_option("--dev", args->dev, "CoNLL-U file scored after each epoch")
      ->required();
  app->add_option("-o,--output", args->out, "model file to write")->required();
  app->add_option("--epochs", args->epochs, "passes over the training data")
      ->capture_default_str();
  app->add_option("--seed", args->seed, "seed of the shuffling")
      ->capture_default_str();
  app->add_option("--prune", args->prune,
                  "drop weights below this fraction of the largest")
      ->capture_default_str();
  app->add_option("--max-mb", args->max_mb,
                  "prune the smallest weights until the stored weights fit "
                  "(0: no limit)")
      ->capture_default_str();
  if (uses_tags) {
    app->add_option("--jackknife", args->jackknife,
                    "retag the training data with N-fold jackknifed taggers "
                    "(0: gold tags)")
        ->capture_default_str();
    app->add_option("--tagger-epochs", args->tagger_epochs,
                    "epochs of each jackknife tagger")
        ->capture_default_str();
    app->add_option("--tagger", args->tagger,
                    "tagger model whose tags replace the dev (and, without "
                    "--jackknife, the training) tags");
  }
  if (uses_tags && name == "ner") {
    app->add_option("--parser", args->parser,
                    "parser model whose trees replace the gold ones as "
                    "input features");
  }
}

}  // namespace

void AddNlpCommands(CommandSet& set) {
  CLI::App* train = set.Group("train", "Train the models in models/");
  AddTrain(set, train, "tagger",
           "UPOS+XPOS tagger, with morphological features and lemmatizer",
           &nlp::Tagger::Train, false);
  AddTrain(set, train, "parser", "Labelled dependency parser",
           &nlp::Parser::Train, true);
  AddTrain(set, train, "ner", "Named-entity recogniser (GUM Entity= names)",
           &nlp::Recognizer::Train, true);

  struct ParseArgs {
    std::string input = "conllu", format = "conllu", file, models = "models",
                lexicon;
  };
  auto pa = std::make_shared<ParseArgs>();
  CLI::App* parse = set.Add(
      nullptr, "parse",
      "Tag, lemmatize, parse and find names; CoNLL-U (NE= in MISC) or JSON",
      [pa]() {
        if (pa->input != "conllu") {
          // Raw text needs the tokenizer of the text stage, which will feed
          // nlp::Pipeline::Annotate with its words.
          std::fprintf(stderr,
                       "hearsay: parse --input %s is not available yet; use "
                       "--input conllu\n",
                       pa->input.c_str());
          return kExitUsage;
        }
        auto sentences = conllu::ReadFile(pa->file);
        if (!sentences.ok()) return Fail(sentences.status());
        auto pipeline = LoadPipeline(pa->models, pa->lexicon);
        if (!pipeline.ok()) return Fail(pipeline.status());
        std::string out;
        for (const conllu::Sentence& a :
             nlp::AnnotateConllu(*pipeline, *sentences)) {
          if (pa->format == "json") {
            WriteJson(a, out);
          } else {
            conllu::Write(a, out);
          }
          if (out.size() > (1 << 20)) {
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
          }
        }
        std::fwrite(out.data(), 1, out.size(), stdout);
        return kExitOk;
      });
  parse->add_option("--input", pa->input, "input format: conllu (gold words)")
      ->check(CLI::IsMember({"conllu", "text"}))
      ->capture_default_str();
  parse->add_option("file", pa->file, "input file")->required();
  parse->add_option("--format", pa->format, "output: conllu or json (lines)")
      ->check(CLI::IsMember({"conllu", "json"}))
      ->capture_default_str();
  parse->add_option("--models", pa->models, "directory of the model files")
      ->capture_default_str();
  parse->add_option("--lexicon", pa->lexicon,
                    "lemma override lexicon (default lexicons/lemmas.tsv)");

  CLI::App* eval = set.Group("eval", "Score hearsay against gold data");
  struct EvalArgs {
    std::string gold, system, models = "models", lexicon;
    bool gold_tokens = false, json = false;
  };
  auto ua = std::make_shared<EvalArgs>();
  auto system_for = [](const EvalArgs& a,
                       const std::vector<conllu::Sentence>& gold)
      -> Result<std::vector<conllu::Sentence>> {
    if (!a.system.empty()) return conllu::ReadFile(a.system);
    HEARSAY_ASSIGN_OR_RETURN(nlp::Pipeline p,
                             LoadPipeline(a.models, a.lexicon));
    return nlp::AnnotateConllu(p, gold);
  };
  CLI::App* ud = set.Add(
      eval, "ud",
      "CoNLL 2018 UPOS, XPOS, UFeats, Lemmas, UAS, LAS, CLAS on gold tokens",
      [ua, system_for]() {
        if (!ua->gold_tokens && ua->system.empty()) {
          std::fprintf(stderr,
                       "hearsay: eval ud needs --gold-tokens (raw-text "
                       "evaluation comes with the tokenizer)\n");
          return kExitUsage;
        }
        auto gold = conllu::ReadFile(ua->gold);
        if (!gold.ok()) return Fail(gold.status());
        auto sys = system_for(*ua, *gold);
        if (!sys.ok()) return Fail(sys.status());
        auto r = nlp::EvalUd(*gold, *sys);
        if (!r.ok()) return Fail(r.status());
        if (ua->json) {
          std::printf(
              "{\"upos\": %.2f, \"xpos\": %.2f, \"ufeats\": %.2f, \"lemma\": "
              "%.2f, \"uas\": %.2f, \"las\": %.2f, \"clas\": %.2f, "
              "\"words\": %zu}\n",
              r->upos, r->xpos, r->ufeats, r->lemma, r->uas, r->las, r->clas,
              r->words);
        } else {
          std::printf(
              "UPOS     %6.2f\nXPOS     %6.2f\nUFeats   %6.2f\nLemmas   "
              "%6.2f\nUAS      %6.2f\nLAS      %6.2f\nCLAS     %6.2f\nwords    "
              "%zu\n",
              r->upos, r->xpos, r->ufeats, r->lemma, r->uas, r->las, r->clas,
              r->words);
        }
        return kExitOk;
      });
  ud->add_option("gold", ua->gold, "gold CoNLL-U file")->required();
  ud->add_flag("--gold-tokens", ua->gold_tokens,
               "annotate the gold words (no tokenization)");
  ud->add_option("--system", ua->system,
                 "score this CoNLL-U file instead of running the models");
  ud->add_flag("--json", ua->json, "one JSON object");
  ud->add_option("--models", ua->models, "directory of the model files")
      ->capture_default_str();
  ud->add_option("--lexicon", ua->lexicon, "lemma override lexicon");

  auto na = std::make_shared<EvalArgs>();
  CLI::App* ner = set.Add(
      eval, "ner", "Names on GUM: per-type and micro precision, recall, F1",
      [na, system_for]() {
        auto gold = conllu::ReadFile(na->gold);
        if (!gold.ok()) return Fail(gold.status());
        auto sys = system_for(*na, *gold);
        if (!sys.ok()) return Fail(sys.status());
        auto r = nlp::EvalNer(*gold, *sys);
        if (!r.ok()) return Fail(r.status());
        if (na->json) {
          std::string out = fmt::format(
              "{{\"precision\": {:.2f}, \"recall\": {:.2f}, \"f1\": {:.2f}, "
              "\"gold\": {}, \"system\": {}",
              r->micro.Precision(), r->micro.Recall(), r->micro.F1(),
              r->micro.gold, r->micro.system);
          for (const auto& [type, p] : r->per_type) {
            out += fmt::format(
                ", \"{}\": {{\"precision\": {:.2f}, \"recall\": {:.2f}, "
                "\"f1\": {:.2f}}}",
                type, p.Precision(), p.Recall(), p.F1());
          }
          std::printf("%s}\n", out.c_str());
        } else {
          std::printf("%-8s %7s %7s %7s %6s %6s\n", "type", "P", "R", "F1",
                      "gold", "system");
          for (const auto& [type, p] : r->per_type) {
            std::printf("%-8s %7.2f %7.2f %7.2f %6zu %6zu\n", type.c_str(),
                        p.Precision(), p.Recall(), p.F1(), p.gold, p.system);
          }
          std::printf("%-8s %7.2f %7.2f %7.2f %6zu %6zu\n", "micro",
                      r->micro.Precision(), r->micro.Recall(), r->micro.F1(),
                      r->micro.gold, r->micro.system);
        }
        return kExitOk;
      });
  ner->add_option("gold", na->gold, "gold GUM CoNLL-U file")->required();
  ner->add_option("--system", na->system,
                  "score this CoNLL-U file (NE= in MISC) instead of running "
                  "the models");
  ner->add_flag("--json", na->json, "one JSON object");
  ner->add_option("--models", na->models, "directory of the model files")
      ->capture_default_str();
  ner->add_option("--lexicon", na->lexicon, "lemma override lexicon");
}

}  // namespace hearsay::cli
