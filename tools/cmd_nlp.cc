// `hearsay train tagger|parser|ner`, `hearsay parse`, `hearsay eval ud` and
// `hearsay eval ner`: the command-line face of the nlp stage. `parse` and
// `eval ud` start from raw text (the text stage's Segmenter) unless told
// to take the words of a CoNLL-U file.
#include <fmt/format.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "core/csv.h"
#include "core/file.h"
#include "hearsay/ingest.h"
#include "hearsay/nlp.h"
#include "hearsay/text.h"
#include "nlp/eval.h"
#include "nlp/ner.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"
#include "nlp/word_classes.h"
#include "output.h"
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
  std::string dir = FindModelsDir(models);
  if (dir.empty()) {
    return NotFoundError(
        "no models directory (give --models DIR or set $HEARSAY_MODELS)");
  }
  return nlp::Pipeline::Load(dir, lex);
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

struct ParseArgs {
  std::vector<std::string> inputs;
  std::string input = "text", format = "conllu", models, lexicon;
  ReaderFlags reader;
};

// Writes the sentences in the chosen format; false when stdout is gone.
bool WriteSentences(const std::vector<conllu::Sentence>& sentences, bool json,
                    std::string& out) {
  for (const conllu::Sentence& s : sentences) {
    if (json) {
      WriteJson(s, out);
    } else {
      conllu::Write(s, out);
    }
    if (out.size() > (1 << 20)) {
      if (!WriteOut(out)) return false;
      out.clear();
    }
  }
  return true;
}

Result<std::vector<conllu::Sentence>> ReadConllu(const std::string& path) {
  if (path != "-") return conllu::ReadFile(path);
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) data.append(buf, n);
  return conllu::Parse(data, "(stdin)");
}

int RunParse(const ParseArgs& args) {
  auto pipeline = LoadPipeline(args.models, args.lexicon);
  if (!pipeline.ok()) return Fail(pipeline.status());
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  bool json = args.format == "json";
  std::string out;
  bool write_failed = false;
  int code = kExitOk;
  if (args.input == "conllu") {
    for (const std::string& path : inputs) {
      auto sentences = ReadConllu(path);
      if (!sentences.ok()) {
        Fail(sentences.status());
        code = kExitSkipped;
        continue;
      }
      if (!WriteSentences(nlp::AnnotateConllu(*pipeline, *sentences), json,
                          out)) {
        return kExitSkipped;
      }
    }
    if (!WriteOut(out)) return kExitSkipped;
    return code;
  }
  ReadOptions options;
  if (!args.reader.ToOptions(options)) return kExitUsage;
  Reader reader(options);
  Segmenter segmenter;
  Status failed;
  auto on_doc = [&](Document&& doc) -> Status {
    auto sentences = nlp::AnnotateText(*pipeline, segmenter, doc.text, doc.id);
    if (!sentences.ok()) return sentences.status();
    if (!WriteSentences(*sentences, json, out)) {
      write_failed = true;
      return IoError("standard output closed");
    }
    return Status::Ok();
  };
  Status status;
  for (const std::string& path : inputs) {
    status = reader.ReadPath(path, on_doc);
    if (!status.ok()) break;
  }
  if (!write_failed && !WriteOut(out)) write_failed = true;
  std::fflush(stdout);
  if (write_failed) return kExitSkipped;
  if (!status.ok()) {
    std::fprintf(stderr, "hearsay: %s\n", status.message().c_str());
    return kExitSkipped;
  }
  return reader.skipped() > 0 ? kExitSkipped : kExitOk;
}

// One line of training progress, shown at once (a run takes minutes).
void PrintProgress(const std::string& line) {
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
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
  int passes = 1;
  int runs = 1;
  std::string tagger, parser;
  std::string gazetteers, clusters;
  bool agree_types = false;
  std::string tagged_train, save_tagged;
  int parser_features = 1;
  int beam = 1;
};

void AddTrain(CommandSet& set, CLI::App* group, const std::string& name,
              const std::string& what,
              Status (*train)(const std::vector<conllu::Sentence>&,
                              const std::vector<conllu::Sentence>&,
                              const nlp::TrainOptions&, const std::string&),
              bool uses_tags) {
  auto args = std::make_shared<TrainArgs>();
  bool parser = name == "parser";
  CLI::App* app = set.Add(group, name, what, [args, train, parser]() {
    auto tr = ReadAll(args->train);
    if (!tr.ok()) return Fail(tr.status());
    auto dev = ReadAll({args->dev});
    if (!dev.ok()) return Fail(dev.status());
    nlp::TrainOptions o;
    o.epochs = args->epochs;
    o.seed = args->seed;
    o.prune = args->prune;
    o.max_bytes = static_cast<size_t>(args->max_mb * 1e6);
    o.gazetteers = args->gazetteers;
    o.clusters = args->clusters;
    o.agree_types = args->agree_types;
    o.passes = args->passes;
    o.runs = args->runs;
    o.log = PrintProgress;
    std::printf("%zu training sentences, %zu dev sentences\n", tr->size(),
                dev->size());
    // Tags the model will be trained and scored on: predicted ones, as at
    // run time (jackknifed on the training data, so they are as wrong there
    // as on unseen text).
    std::vector<conllu::Sentence> tagged_tr, tagged_dev;
    if (!args->tagged_train.empty()) {
      // A file --save-tagged wrote: the jackknife is the slow part of
      // training, and experiments on the model alone need not repeat it.
      auto tagged = ReadAll({args->tagged_train});
      if (!tagged.ok()) return Fail(tagged.status());
      if (tagged->size() != tr->size()) {
        return Fail(InvalidArgumentError(
            args->tagged_train + ": not parallel to the training data"));
      }
      for (size_t i = 0; i < tr->size(); ++i) {
        if ((*tagged)[i].words.size() != (*tr)[i].words.size()) {
          return Fail(InvalidArgumentError(
              args->tagged_train + ": not parallel to the training data"));
        }
      }
      tagged_tr = std::move(*tagged);
      std::printf("retagged training data read from %s\n",
                  args->tagged_train.c_str());
    } else if (args->jackknife > 0) {
      nlp::TrainOptions to;
      to.epochs = args->tagger_epochs;
      to.seed = args->seed;
      tagged_tr = *tr;
      Status s = nlp::RetagJackknife(tagged_tr, args->jackknife, *dev, to);
      if (!s.ok()) return Fail(s);
      std::printf("training data retagged (%d-fold jackknife)\n",
                  args->jackknife);
      if (!args->save_tagged.empty()) {
        std::string text;
        for (const conllu::Sentence& s : tagged_tr) conllu::Write(s, text);
        std::FILE* f = std::fopen(args->save_tagged.c_str(), "wb");
        bool ok =
            f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
        if (f && std::fclose(f) != 0) ok = false;
        if (!ok) {
          return Fail(
              InvalidArgumentError(args->save_tagged + ": cannot write"));
        }
        std::printf("retagged training data written to %s\n",
                    args->save_tagged.c_str());
      }
    }
    if (!args->tagger.empty()) {
      auto tagger = nlp::Tagger::Load(args->tagger);
      if (!tagger.ok()) return Fail(tagger.status());
      tagged_dev = *dev;
      nlp::Retag(*tagger, tagged_dev);
      if (args->jackknife == 0 && tagged_tr.empty()) {
        tagged_tr = *tr;
        nlp::Retag(*tagger, tagged_tr);
      }
      std::printf("dev%s retagged with %s\n",
                  args->jackknife == 0 && args->tagged_train.empty()
                      ? " and training data"
                      : "",
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
    nlp::ParserOptions po;
    po.features = args->parser_features;
    po.beam = args->beam;
    Status s = parser ? nlp::Parser::Train(*tr, *dev, o, po, args->out)
                      : train(*tr, *dev, o, args->out);
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
  if (name == "tagger") {
    app->add_option("--passes", args->passes,
                    "1, or 2: a second pass that also sees the first pass's "
                    "tags of the next two words")
        ->check(CLI::Range(1, 2))
        ->capture_default_str();
  }
  if (parser) {
    app->add_option("--beam", args->beam,
                    "parser states kept per step: 1 is the greedy parser; "
                    "more trains on whole transition sequences (beam "
                    "search, max-violation updates) and stores the beam in "
                    "the model, which then parses with it (slower: see "
                    "models/README.md)")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
  }
  if (name == "tagger" || name == "ner" || parser) {
    app->add_option("--runs", args->runs,
                    "models trained on differently shuffled data and "
                    "averaged into one")
        ->check(CLI::Range(1, 32))
        ->capture_default_str();
  }
  if (uses_tags) {
    app->add_option("--jackknife", args->jackknife,
                    "retag the training data with N-fold jackknifed taggers "
                    "(0: gold tags)")
        ->capture_default_str();
    app->add_option("--tagger-epochs", args->tagger_epochs,
                    "epochs of each jackknife tagger")
        ->capture_default_str();
    app->add_option("--save-tagged", args->save_tagged,
                    "write the jackknifed training data to this CoNLL-U file");
    app->add_option("--tagged-train", args->tagged_train,
                    "read the retagged training data from this file (written "
                    "by --save-tagged with the same --train files) instead "
                    "of jackknifing");
    app->add_option("--tagger", args->tagger,
                    "tagger model whose tags replace the dev (and, without "
                    "--jackknife, the training) tags");
  }
  if (parser) {
    app->add_option("--features", args->parser_features,
                    "feature set: 1 (the shipped model's) or 2 (more "
                    "templates: prepositions, third-order children, "
                    "suffixes, shapes)")
        ->check(CLI::Range(1, 2))
        ->capture_default_str();
  }
  if (uses_tags && name == "ner") {
    app->add_option("--parser", args->parser,
                    "parser model whose trees replace the gold ones as "
                    "input features");
    app->add_option("--gazetteers", args->gazetteers,
                    "directory of places.tsv, organisations.tsv, outlets.tsv "
                    "and governments.tsv, whose names become features (the "
                    "lists are stored in the model)");
    app->add_flag("--agree-types", args->agree_types,
                  "identical names in a document agree on their type (dev "
                  "scored so; recorded in the model for hearsay parse)");
    app->add_option("--clusters", args->clusters,
                    "word class file (train clusters) whose classes become "
                    "features (stored in the model)");
  }
}

struct ClusterArgs {
  std::vector<std::string> text;
  std::string out;
  std::vector<int> classes = {150, 40, 10};
  int min_count = 2;
  int iterations = 15;
  uint64_t seed = 1;
};

// Adds the sentences of one input to `corpus`: the words of a CoNLL-U file
// as they are, the text of a CSV file's articleBody column (FNC-1 bodies;
// else its last column) or of any other file cut into words by the text
// stage, which follows the treebanks' tokenization.
Status AddClusterText(const std::string& path, const Segmenter& segmenter,
                      nlp::WordClassCorpus& corpus) {
  std::vector<std::string_view> words;
  if (path.ends_with(".conllu")) {
    HEARSAY_ASSIGN_OR_RETURN(std::vector<conllu::Sentence> sentences,
                             conllu::ReadFile(path));
    for (const conllu::Sentence& s : sentences) {
      words.clear();
      for (const auto& w : s.words) words.push_back(w.form);
      corpus.AddSentence(words);
    }
    return Status::Ok();
  }
  auto add_text = [&](std::string_view text) {
    Segmentation seg = segmenter.Segment(text);
    for (const hearsay::Sentence& s : seg.sentences) {
      words.clear();
      for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
        const Token& tok = seg.tokens[t];
        for (uint32_t k = tok.first_word; k < tok.first_word + tok.word_count;
             ++k) {
          const Word& w = seg.words[k];
          words.push_back(w.form.empty() ? w.span.Slice(text)
                                         : std::string_view(w.form));
        }
      }
      corpus.AddSentence(words);
    }
  };
  if (path.ends_with(".csv")) {
    HEARSAY_ASSIGN_OR_RETURN(CsvTable table, CsvTable::ReadFile(path));
    int column = table.ColumnIndex("articleBody");
    if (column < 0) column = static_cast<int>(table.header().size()) - 1;
    for (size_t r = 0; r < table.rows(); ++r) add_text(table.Cell(r, column));
    return Status::Ok();
  }
  HEARSAY_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  add_text(text);
  return Status::Ok();
}

void AddClusterCommand(CommandSet& set, CLI::App* group) {
  auto args = std::make_shared<ClusterArgs>();
  CLI::App* app = set.Add(
      group, "clusters",
      "Word classes from unlabeled text (exchange algorithm), for train ner "
      "--clusters",
      [args]() {
        auto start = std::chrono::steady_clock::now();
        nlp::WordClassCorpus corpus;
        Segmenter segmenter;
        for (const std::string& path : args->text) {
          Status s = AddClusterText(path, segmenter, corpus);
          if (!s.ok()) return Fail(s);
          std::printf("%s: %zu words so far\n", path.c_str(), corpus.tokens());
          std::fflush(stdout);
        }
        nlp::WordClassOptions o;
        o.classes = args->classes;
        o.min_count = args->min_count;
        o.iterations = args->iterations;
        o.seed = args->seed;
        o.log = PrintProgress;
        auto wc = nlp::WordClasses::Train(corpus, o);
        if (!wc.ok()) return Fail(wc.status());
        Status s = nlp::WriteFileAtomically(args->out, wc->ToText());
        if (!s.ok()) return Fail(s);
        double secs = std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - start)
                          .count();
        std::printf("wrote %s: %zu words, %.1f s\n", args->out.c_str(),
                    wc->size(), secs);
        return kExitOk;
      });
  app->add_option("--text", args->text,
                  "CoNLL-U files (their word forms), CSV files (the "
                  "articleBody column, else the last) or plain text files")
      ->required()
      ->expected(1, -1);
  app->add_option("-o,--output", args->out, "word class file to write")
      ->required();
  app->add_option("--classes", args->classes,
                  "classes per level, finest first, each level fewer")
      ->delimiter(',')
      ->capture_default_str();
  app->add_option("--min-count", args->min_count,
                  "words seen fewer times get no class")
      ->capture_default_str();
  app->add_option("--iterations", args->iterations,
                  "most sweeps over the words per level")
      ->capture_default_str();
  app->add_option("--seed", args->seed, "seed of the sweep order")
      ->capture_default_str();
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
  AddClusterCommand(set, train);

  auto pa = std::make_shared<ParseArgs>();
  CLI::App* parse = set.Add(
      nullptr, "parse",
      "Segment raw text (or read CoNLL-U words), then tag, lemmatize, parse "
      "and find names; CoNLL-U (NE= in MISC) or JSON Lines",
      [pa]() { return RunParse(*pa); });
  parse->add_option("inputs", pa->inputs,
                    "files, directories (read recursively) or - for stdin "
                    "(default: -)");
  parse
      ->add_option("--input", pa->input,
                   "text: documents in any format the readers know, "
                   "segmented here; conllu: the words, sentences and "
                   "comments of a CoNLL-U file, kept as they are")
      ->check(CLI::IsMember({"conllu", "text"}))
      ->capture_default_str();
  parse->add_option("--format", pa->format, "output: conllu or json (lines)")
      ->check(CLI::IsMember({"conllu", "json"}))
      ->capture_default_str();
  parse->add_option("--models", pa->models,
                    "directory of the model files (default: $HEARSAY_MODELS, "
                    "then the source tree's models/, then ./models)");
  parse->add_option("--lexicon", pa->lexicon,
                    "lemma override lexicon (default lexicons/lemmas.tsv)");
  AddReaderFlags(parse, pa->reader);
  parse->footer(
      "Exit status: 0 every input was read; 1 some input was skipped as "
      "malformed (one line on stderr each); 2 usage error.");

  CLI::App* eval = set.Group("eval", "Score hearsay against gold data");
  struct EvalArgs {
    std::string gold, system, models, lexicon;
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
      "CoNLL 2018 UPOS, XPOS, UFeats, Lemmas, UAS, LAS, CLAS: from the raw "
      "text rebuilt from the gold file, or on its gold tokens",
      [ua]() {
        auto gold = conllu::ReadFile(ua->gold);
        if (!gold.ok()) return Fail(gold.status());
        Result<nlp::UdScores> r = InternalError("not run");
        if (!ua->system.empty()) {
          auto sys = conllu::ReadFile(ua->system);
          if (!sys.ok()) return Fail(sys.status());
          r = ua->gold_tokens ? nlp::EvalUd(*gold, *sys)
                              : nlp::EvalUdAligned(*gold, *sys);
        } else {
          auto p = LoadPipeline(ua->models, ua->lexicon);
          if (!p.ok()) return Fail(p.status());
          if (ua->gold_tokens) {
            r = nlp::EvalUd(*gold, nlp::AnnotateConllu(*p, *gold));
          } else {
            r = nlp::EvalUdFromText(*gold, *p, Segmenter());
          }
        }
        if (!r.ok()) return Fail(r.status());
        if (ua->json) {
          std::printf(
              "{\"upos\": %.2f, \"xpos\": %.2f, \"ufeats\": %.2f, \"lemma\": "
              "%.2f, \"uas\": %.2f, \"las\": %.2f, \"clas\": %.2f, "
              "\"tokens_f1\": %.2f, \"sentences_f1\": %.2f, \"words_f1\": "
              "%.2f, \"words\": %zu, \"system_words\": %zu}\n",
              r->upos, r->xpos, r->ufeats, r->lemma, r->uas, r->las, r->clas,
              r->tokens_f1, r->sentences_f1, r->words_f1, r->words,
              r->system_words);
        } else {
          std::printf(
              "Tokens   %6.2f\nSentences %5.2f\nWords    %6.2f\n"
              "UPOS     %6.2f\nXPOS     %6.2f\nUFeats   %6.2f\nLemmas   "
              "%6.2f\nUAS      %6.2f\nLAS      %6.2f\nCLAS     %6.2f\nwords    "
              "%zu gold, %zu system\n",
              r->tokens_f1, r->sentences_f1, r->words_f1, r->upos, r->xpos,
              r->ufeats, r->lemma, r->uas, r->las, r->clas, r->words,
              r->system_words);
        }
        return kExitOk;
      });
  ud->add_option("gold", ua->gold, "gold CoNLL-U file")->required();
  ud->add_flag("--gold-tokens", ua->gold_tokens,
               "annotate the gold words and sentences (no segmentation)");
  ud->add_option("--system", ua->system,
                 "score this CoNLL-U file instead of running the models "
                 "(any tokenization of the same text; with --gold-tokens, "
                 "the gold words)");
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
