#include "extract/lexicons.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>

#include "core/hash.h"
#include "core/tsv.h"
#include "core/utf8.h"

namespace hearsay::embedded {
extern const std::string_view kLexSpeechVerbs;
extern const std::string_view kLexSourcing;
extern const std::string_view kLexDenialCues;
extern const std::string_view kLexHedges;
extern const std::string_view kLexNegation;
extern const std::string_view kLexPredicates;
extern const std::string_view kLexRoles;
extern const std::string_view kLexNominals;
extern const std::string_view kLexOutlets;
extern const std::string_view kLexOrganisations;
extern const std::string_view kLexGovernments;
extern const std::string_view kLexPlaces;
extern const std::string_view kLexGivenNames;
}  // namespace hearsay::embedded

namespace hearsay {
namespace {

std::string LowerAsciiCopy(std::string_view s) {
  std::string low(s);
  for (char& c : low)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return low;
}

// Deeper phrases are refused at load time so that Match() can walk with a
// fixed-size stack.
constexpr size_t kMaxPhraseTokens = 32;

struct FileSpec {
  LexiconKind kind;
  std::string_view file;
  const std::string_view* embedded;
  std::vector<std::string_view> columns;  // the first is the key
};

const std::vector<FileSpec>& Specs() {
  static const std::vector<FileSpec>* specs = new std::vector<FileSpec>{
      {LexiconKind::kSpeechVerb,
       "speech_verbs.tsv",
       &embedded::kLexSpeechVerbs,
       {"lemma", "pos", "class", "stance", "that_clause", "notes"}},
      {LexiconKind::kSourcing,
       "sourcing.tsv",
       &embedded::kLexSourcing,
       {"phrase", "kind", "anonymous", "count", "notes"}},
      {LexiconKind::kDenialCue,
       "denial_cues.tsv",
       &embedded::kLexDenialCues,
       {"phrase", "stance", "strength", "notes"}},
      {LexiconKind::kHedge,
       "hedges.tsv",
       &embedded::kLexHedges,
       {"phrase", "modality", "notes"}},
      {LexiconKind::kNegation,
       "negation.tsv",
       &embedded::kLexNegation,
       {"cue", "kind", "notes"}},
      {LexiconKind::kPredicate,
       "predicates.tsv",
       &embedded::kLexPredicates,
       {"trigger", "pos", "class", "family", "cameo", "plover", "object",
        "notes"}},
      {LexiconKind::kRole,
       "roles.tsv",
       &embedded::kLexRoles,
       {"title", "label", "speaks_for", "pattern", "kind", "notes"}},
      {LexiconKind::kNominal,
       "nominals.tsv",
       &embedded::kLexNominals,
       {"phrase", "types", "kinds", "group", "notes"}},
      {LexiconKind::kOutlet,
       "outlets.tsv",
       &embedded::kLexOutlets,
       {"name", "aliases", "domains", "country", "kind", "notes"}},
      {LexiconKind::kOrganisation,
       "organisations.tsv",
       &embedded::kLexOrganisations,
       {"name", "type", "aliases", "country", "kind", "notes"}},
      {LexiconKind::kGovernment,
       "governments.tsv",
       &embedded::kLexGovernments,
       {"name", "aliases", "country", "kind", "notes"}},
      {LexiconKind::kPlace,
       "places.tsv",
       &embedded::kLexPlaces,
       {"name", "type", "aliases", "demonyms", "country", "kind", "notes"}},
      {LexiconKind::kGivenName,
       "given_names.tsv",
       &embedded::kLexGivenNames,
       {"name", "gender"}},
  };
  return *specs;
}

// ---------------------------------------------------------------------------
// Normalisation shared by the lexicon side and the text side of matching.

// The ASCII stand-in for a typographic character, or 0 to keep it.
char FoldChar(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x0060:
    case 0x00B4:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
    case 0x2039:
    case 0x203A:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return '-';
    case 0x00A0:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return ' ';
    case 0xFF06:
      return '&';
    default:
      return 0;
  }
}

// Appends `s` to `out` with typographic punctuation folded to ASCII and,
// when `lower`, letters lower-cased. Invalid bytes are copied unchanged.
void FoldInto(std::string_view s, bool lower, std::string* out) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out->push_back(lower && c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32)
                                                   : static_cast<char>(c));
      ++i;
      continue;
    }
    utf8::Decoded d = utf8::Decode(s, i);
    if (!d.valid) {
      out->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (char f = FoldChar(d.cp)) {
      out->push_back(f);
    } else if (lower) {
      utf8::Append(*out, static_cast<char32_t>(
                             utf8proc_tolower(static_cast<int32_t>(d.cp))));
    } else {
      out->append(s.substr(i, d.size));
    }
    i += d.size;
  }
}

std::string Fold(std::string_view s, bool lower) {
  std::string out;
  out.reserve(s.size());
  FoldInto(s, lower, &out);
  return out;
}

uint64_t KeyOfFolded(std::string_view folded) { return Hash64(folded, 0x1e8); }

uint64_t KeyOf(std::string_view token, bool lower) {
  std::string buf;
  FoldInto(token, lower, &buf);
  return KeyOfFolded(buf);
}

// Folded, spaces collapsed and trimmed; case kept.
std::string NormalizeName(std::string_view s) {
  std::string folded = Fold(s, false);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string LowerAscii(std::string_view s) { return Fold(s, true); }

// "US", "AP", "WHO": in lower case these are ordinary words.
// A leading article does not change that: "the US" is no "the us".
bool IsShortAcronym(std::string_view name) {
  if (name.size() > 4 &&
      (name.substr(0, 4) == "the " || name.substr(0, 4) == "The ")) {
    name.remove_prefix(4);
  }
  if (name.size() > 5) return false;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if (c == '.' || c == ' ') return false;
  }
  return true;
}

bool HasAsciiUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return LowerAscii(a) == LowerAscii(b);
}

// ---------------------------------------------------------------------------
// Phrase tokenisation, following the text stage's UD conventions closely
// enough for lexicon phrases: clitics and possessives split off, hyphens
// their own tokens, abbreviation periods kept.

bool IsOpenPunct(char c) {
  return c == '"' || c == '(' || c == '[' || c == '{';
}
bool IsClosePunct(char c) {
  return c == '"' || c == ')' || c == ']' || c == '}' || c == ',' || c == ';' ||
         c == ':' || c == '!' || c == '?';
}

void SplitClitics(std::string_view w, std::vector<std::string>* out) {
  std::string lw = LowerAscii(w);
  auto ends = [&](std::string_view suffix) {
    return lw.size() > suffix.size() &&
           std::string_view(lw).substr(lw.size() - suffix.size()) == suffix;
  };
  if (ends("n't")) {
    // As UD does: "can't" is ca + n't, "won't" wo + n't.
    out->emplace_back(w.substr(0, w.size() - 3));
    out->emplace_back(w.substr(w.size() - 3));
    return;
  }
  for (std::string_view suffix : {"'s", "'re", "'ve", "'ll", "'d", "'m"}) {
    if (ends(suffix)) {
      out->emplace_back(w.substr(0, w.size() - suffix.size()));
      out->emplace_back(w.substr(w.size() - suffix.size()));
      return;
    }
  }
  if (lw.size() > 2 && lw.back() == '\'' && lw[lw.size() - 2] == 's') {
    out->emplace_back(w.substr(0, w.size() - 1));
    out->emplace_back("'");
    return;
  }
  out->emplace_back(w);
}

void SplitHyphens(std::string_view w, std::vector<std::string>* out) {
  bool letters_around = false;
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (w[i] == '-' && w[i - 1] != '-' && w[i + 1] != '-')
      letters_around = true;
  }
  if (!letters_around) {
    SplitClitics(w, out);
    return;
  }
  size_t start = 0;
  while (start <= w.size()) {
    size_t dash = w.find('-', start);
    if (dash == std::string_view::npos) dash = w.size();
    if (dash > start) SplitClitics(w.substr(start, dash - start), out);
    if (dash < w.size()) out->emplace_back("-");
    start = dash + 1;
  }
}

// The tokenisations a phrase may appear under: the UD one (clitics and
// hyphens split) and, when different, the surface one (words as written).
std::vector<std::vector<std::string>> PhraseVariants(std::string_view phrase) {
  std::string folded = NormalizeName(phrase);
  std::vector<std::string> ud, surface;
  size_t start = 0;
  while (start < folded.size()) {
    size_t sp = folded.find(' ', start);
    if (sp == std::string::npos) sp = folded.size();
    std::string_view w = std::string_view(folded).substr(start, sp - start);
    start = sp + 1;
    std::vector<std::string> trailing;
    while (w.size() > 1 && IsOpenPunct(w.front())) {
      ud.emplace_back(w.substr(0, 1));
      surface.emplace_back(w.substr(0, 1));
      w.remove_prefix(1);
    }
    while (w.size() > 1 && IsClosePunct(w.back())) {
      trailing.emplace_back(w.substr(w.size() - 1));
      w.remove_suffix(1);
    }
    SplitHyphens(w, &ud);
    surface.emplace_back(w);
    for (auto it = trailing.rbegin(); it != trailing.rend(); ++it) {
      ud.push_back(*it);
      surface.push_back(*it);
    }
  }
  std::vector<std::vector<std::string>> out;
  if (!ud.empty()) out.push_back(ud);
  if (surface != ud && !surface.empty()) out.push_back(std::move(surface));
  return out;
}

// "Biden administration" -> "Biden Administration", for headlines; short
// function words after the first stay lower case, as headline style has it.
std::vector<std::string> TitleCase(const std::vector<std::string>& tokens) {
  static constexpr std::string_view kKeepLower[] = {
      "a",  "an", "and", "as",  "at", "by", "de",  "for", "in",
      "of", "on", "or",  "the", "to", "'s", "n't", "-"};
  std::vector<std::string> out = tokens;
  for (size_t i = 0; i < out.size(); ++i) {
    std::string& t = out[i];
    if (t.empty() || !(t[0] >= 'a' && t[0] <= 'z')) continue;
    if (i > 0 && std::find(std::begin(kKeepLower), std::end(kKeepLower), t) !=
                     std::end(kKeepLower)) {
      continue;
    }
    t[0] = static_cast<char>(t[0] - 32);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Rows from the shipped file and the user's, before typing.

struct RawRow {
  std::vector<std::string> cells;  // in FileSpec::columns order
  const std::string* source;       // owned by the loader
  uint32_t line;
};

Status RowError(const RawRow& r, std::string_view message) {
  std::string m = *r.source;
  m += ':';
  m += std::to_string(r.line);
  m += ": ";
  m += message;
  return DataLossError(std::move(m));
}

// Reads `table` into rows laid out as `spec` says. The shipped files must
// have every column; a user file needs only the key column.
Status CollectRows(const FileSpec& spec, const TsvTable& table, bool user,
                   const std::string* source, std::vector<RawRow>* rows) {
  std::vector<int> where(spec.columns.size(), -1);
  for (size_t c = 0; c < spec.columns.size(); ++c) {
    where[c] = table.ColumnIndex(spec.columns[c]);
    if (where[c] < 0 && (!user || c == 0)) {
      return table.Column(spec.columns[c]).status();
    }
  }
  for (const std::string& have : table.columns()) {
    if (std::find(spec.columns.begin(), spec.columns.end(), have) ==
        spec.columns.end()) {
      std::string expected;
      for (std::string_view c : spec.columns) {
        if (!expected.empty()) expected += ", ";
        expected += c;
      }
      return DataLossError(
          table.source() + ":" + std::to_string(table.header_line()) +
          ": unknown column '" + have + "' (expected: " + expected + ")");
    }
  }
  for (size_t r = 0; r < table.rows(); ++r) {
    RawRow row{std::vector<std::string>(spec.columns.size()), source,
               table.Line(r)};
    for (size_t c = 0; c < spec.columns.size(); ++c) {
      row.cells[c] = std::string(table.Cell(r, where[c]));
    }
    if (row.cells[0].empty()) {
      return RowError(row, "the first column ('" +
                               std::string(spec.columns[0]) + "') is empty");
    }
    if (row.cells[0][0] == '-' && !user) {
      return RowError(row, "a shipped lexicon cannot remove entries");
    }
    if (row.cells[0] == "-") return RowError(row, "'-' removes nothing");
    if (row.cells[0][0] == '-') {
      // Removes the key (or one '|' spelling of it) from earlier rows.
      std::string target = LowerAscii(NormalizeName(row.cells[0].substr(1)));
      for (auto it = rows->begin(); it != rows->end();) {
        std::vector<std::string_view> keep;
        for (std::string_view v : SplitTsvList(it->cells[0])) {
          if (LowerAscii(NormalizeName(v)) != target) keep.push_back(v);
        }
        if (keep.empty()) {
          it = rows->erase(it);
          continue;
        }
        std::string joined;
        for (std::string_view v : keep) {
          if (!joined.empty()) joined += '|';
          joined += v;
        }
        it->cells[0] = std::move(joined);
        ++it;
      }
      continue;
    }
    rows->push_back(std::move(row));
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Typed cells.

Result<bool> YesNo(const RawRow& r, size_t col, std::string_view column) {
  const std::string& v = r.cells[col];
  if (v == "yes") return true;
  if (v == "no" || v.empty()) return false;
  return RowError(r, std::string(column) + " '" + v + "' is not yes or no");
}

Result<int> IntCell(const RawRow& r, size_t col, std::string_view column,
                    int if_empty) {
  const std::string& v = r.cells[col];
  if (v.empty()) return if_empty;
  int out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || out < -1 ||
      out > 1000000) {
    return RowError(r, std::string(column) + " '" + v +
                           "' is not a whole number from -1 up");
  }
  return out;
}

Result<PartOfSpeech> PosCell(const RawRow& r, size_t col) {
  const std::string& v = r.cells[col];
  if (v == "verb") return PartOfSpeech::kVerb;
  if (v == "noun") return PartOfSpeech::kNoun;
  if (v == "phrase") return PartOfSpeech::kPhrase;
  if (v == "other" || v.empty()) return PartOfSpeech::kOther;
  return RowError(r, "pos '" + v + "' is not verb, noun, phrase or other");
}

Result<StanceHint> StanceCell(const RawRow& r, size_t col) {
  const std::string& v = r.cells[col];
  if (v == "assert") return StanceHint::kAssert;
  if (v == "deny") return StanceHint::kDeny;
  if (v == "confirm") return StanceHint::kConfirm;
  if (v == "hedge") return StanceHint::kHedge;
  if (v == "no_comment") return StanceHint::kNoComment;
  if (v == "none" || v.empty()) return StanceHint::kNone;
  return RowError(r, "stance '" + v +
                         "' is not one of assert, deny, confirm, hedge, "
                         "no_comment, none");
}

std::optional<EntityType> TypeByName(std::string_view v) {
  static constexpr std::pair<std::string_view, EntityType> kTypes[] = {
      {"PERSON", EntityType::kPerson},   {"ORG", EntityType::kOrg},
      {"PLACE", EntityType::kPlace},     {"MISC", EntityType::kMisc},
      {"OUTLET", EntityType::kOutlet},   {"GOV", EntityType::kGov},
      {"GPE", EntityType::kGpe},         {"LOC", EntityType::kLoc},
      {"PRODUCT", EntityType::kProduct}, {"EVENT", EntityType::kEvent},
  };
  for (const auto& [name, type] : kTypes) {
    if (name == v) return type;
  }
  return std::nullopt;
}

Result<EntityType> TypeCell(const RawRow& r, size_t col,
                            std::initializer_list<EntityType> allowed,
                            std::string_view allowed_text) {
  std::optional<EntityType> t = TypeByName(r.cells[col]);
  if (t && std::find(allowed.begin(), allowed.end(), *t) != allowed.end()) {
    return *t;
  }
  return RowError(r, "type '" + r.cells[col] + "' is not one of " +
                         std::string(allowed_text));
}

std::vector<std::string> ListCell(const std::string& cell) {
  std::vector<std::string> out;
  for (std::string_view v : SplitTsvList(cell)) out.emplace_back(v);
  return out;
}

bool IsCode(std::string_view v, bool digits) {
  for (char c : v) {
    bool ok =
        digits ? (c >= '0' && c <= '9') : (c >= 'A' && c <= 'Z') || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------

std::string_view LexiconFileName(LexiconKind kind) {
  return Specs()[static_cast<size_t>(kind)].file;
}

std::string_view StanceHintName(StanceHint h) {
  switch (h) {
    case StanceHint::kNone:
      return "none";
    case StanceHint::kAssert:
      return "assert";
    case StanceHint::kDeny:
      return "deny";
    case StanceHint::kConfirm:
      return "confirm";
    case StanceHint::kHedge:
      return "hedge";
    case StanceHint::kNoComment:
      return "no_comment";
  }
  return "none";
}

std::string_view SourcingKindName(SourcingKind k) {
  switch (k) {
    case SourcingKind::kCue:
      return "cue";
    case SourcingKind::kAnonymousDescriptor:
      return "anonymous_descriptor";
    case SourcingKind::kNamedIntro:
      return "named_intro";
    case SourcingKind::kSourceNoun:
      return "source_noun";
    case SourcingKind::kCount:
      return "count";
    case SourcingKind::kModifier:
      return "modifier";
    case SourcingKind::kAdverb:
      return "adverb";
  }
  return "cue";
}

TokenKey TokenKey::Of(std::string_view form, std::string_view lemma) {
  TokenKey k;
  std::string buf;
  buf.reserve(form.size());
  FoldInto(form, true, &buf);
  k.lower = KeyOfFolded(buf);
  bool has_upper = false;
  for (char c : form) {
    if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) {
      has_upper = true;
      break;
    }
  }
  if (has_upper) {
    buf.clear();
    FoldInto(form, false, &buf);
    k.cased = KeyOfFolded(buf);
  } else {
    k.cased = k.lower;
  }
  if (!lemma.empty()) {
    buf.clear();
    FoldInto(lemma, true, &buf);
    uint64_t l = KeyOfFolded(buf);
    if (l != k.lower && l != k.cased) k.lemma = l;
  }
  return k;
}

std::vector<std::string> Lexicons::SplitPhrase(std::string_view phrase) {
  std::vector<std::vector<std::string>> v = PhraseVariants(phrase);
  return v.empty() ? std::vector<std::string>() : v[0];
}

std::vector<TokenKey> Lexicons::KeysOf(std::string_view phrase) {
  std::vector<TokenKey> keys;
  for (const std::string& t : SplitPhrase(phrase)) {
    keys.push_back(TokenKey::Of(t));
  }
  return keys;
}

void Lexicons::AddPhrase(std::span<const uint64_t> keys, Payload p) {
  // Load() refuses longer phrases; Match()'s fixed stack relies on it.
  if (keys.empty() || keys.size() > kMaxPhraseTokens) return;
  if (terminals_.empty()) terminals_.emplace_back();
  uint32_t node = 0;
  for (uint64_t k : keys) {
    auto [it, inserted] = edges_.try_emplace(
        EdgeKey{node, k}, static_cast<uint32_t>(terminals_.size()));
    if (inserted) terminals_.emplace_back();
    node = it->second;
  }
  std::vector<Payload>& here = terminals_[node];
  for (Payload& q : here) {
    if (q.kind == p.kind && q.entry == p.entry) {
      q.cased |= p.cased;
      return;
    }
  }
  here.push_back(p);
  max_phrase_tokens_ = std::max<uint16_t>(max_phrase_tokens_,
                                          static_cast<uint16_t>(keys.size()));
}

void Lexicons::AddText(std::string_view text, Payload p, CaseMode mode) {
  std::vector<uint64_t> keys;
  auto add = [&](const std::vector<std::string>& tokens, bool lower) {
    keys.clear();
    bool upper = false;
    for (const std::string& t : tokens) {
      keys.push_back(KeyOf(t, lower));
      upper |= HasAsciiUpper(t);
    }
    Payload q = p;
    q.cased = !lower && upper;
    AddPhrase(keys, q);
  };
  for (const std::vector<std::string>& tokens : PhraseVariants(text)) {
    bool upper = false;
    for (const std::string& t : tokens) upper |= HasAsciiUpper(t);
    if (mode == CaseMode::kLower && !upper) {
      add(tokens, true);
      continue;
    }
    // Written with capitals: "Representative" is the lawmaker, and "the
    // House" is not "the house".
    add(tokens, false);
    add(TitleCase(tokens), false);
    // Lower case reaches only names of two words or more besides "the":
    // "the Post" must not match "resigned from the post".
    size_t words = tokens.size();
    if (words > 0 && LowerAscii(tokens[0]) == "the") --words;
    if (mode == CaseMode::kName && words >= 2) add(tokens, true);
  }
  if (mode == CaseMode::kName) {
    std::string name = NormalizeName(text);
    NameRef ref{p.kind, p.form, p.entry};
    auto push = [&](std::vector<NameRef>& refs) {
      for (const NameRef& r : refs) {
        if (r.kind == ref.kind && r.entry == ref.entry) return;
      }
      refs.push_back(ref);
    };
    push(names_cased_[name]);
    if (!IsShortAcronym(name)) push(names_lower_[LowerAscii(name)]);
  }
}

void Lexicons::AddGazetteer(LexiconKind kind) {
  const std::vector<GazetteerEntry>& entries = *gazetteer(kind);
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const GazetteerEntry& e = entries[i];
    AddText(e.name, {kind, NameForm::kName, i}, CaseMode::kName);
    for (const std::string& a : e.aliases) {
      AddText(a, {kind, NameForm::kAlias, i}, CaseMode::kName);
    }
    for (const std::string& d : e.demonyms) {
      AddText(d, {kind, NameForm::kDemonym, i}, CaseMode::kName);
    }
    for (const std::string& d : e.domains) {
      std::string host = LowerAscii(d);
      if (host.rfind("www.", 0) == 0) host.erase(0, 4);
      outlet_domains_.try_emplace(host, i);
    }
  }
}

Result<Lexicons> Lexicons::Load(const LexiconOptions& options) {
  namespace fs = std::filesystem;
  if (!options.user_dir.empty()) {
    std::error_code ec;
    if (!fs::is_directory(options.user_dir, ec)) {
      return NotFoundError(options.user_dir + ": not a lexicon directory");
    }
  }

  Lexicons lex;
  lex.edges_.reserve(size_t{1} << 16);
  std::string hashed;  // everything loaded, for the version
  std::vector<std::unique_ptr<std::string>> sources;
  for (const FileSpec& spec : Specs()) {
    if (!(options.kinds & KindBit(spec.kind))) continue;
    std::vector<RawRow> rows;
    sources.push_back(
        std::make_unique<std::string>("lexicons/" + std::string(spec.file)));
    HEARSAY_ASSIGN_OR_RETURN(TsvTable shipped,
                             TsvTable::Parse(*spec.embedded, *sources.back()));
    HEARSAY_RETURN_IF_ERROR(
        CollectRows(spec, shipped, false, sources.back().get(), &rows));
    hashed += spec.file;
    hashed += '\0';
    hashed += *spec.embedded;
    hashed += '\0';
    if (!options.user_dir.empty()) {
      std::string path = (fs::path(options.user_dir) / spec.file).string();
      std::error_code ec;
      if (fs::exists(path, ec)) {
        HEARSAY_ASSIGN_OR_RETURN(TsvTable user, TsvTable::ReadFile(path));
        sources.push_back(std::make_unique<std::string>(path));
        HEARSAY_RETURN_IF_ERROR(
            CollectRows(spec, user, true, sources.back().get(), &rows));
        hashed.append("user\0", 5);  // (a literal would stop at its NUL)
        // The parsed cells rather than the raw bytes: what was loaded.
        for (const RawRow& r : rows) {
          for (const std::string& c : r.cells) {
            hashed += c;
            hashed += '\t';
          }
          hashed += '\n';
        }
      }
    }

    const LexiconKind kind = spec.kind;
    for (const RawRow& r : rows) {
      const uint32_t index = static_cast<uint32_t>(lex.size(kind));
      const Payload payload{kind, NameForm::kName, index};
      std::vector<std::string> spellings = ListCell(r.cells[0]);
      // Every phrase the matcher will hold, names and aliases included.
      auto check = [&](const std::vector<std::string>& phrases) -> Status {
        for (const std::string& s : phrases) {
          size_t n = SplitPhrase(s).size();
          if (n > kMaxPhraseTokens) {
            return RowError(r, "'" + s + "' is longer than " +
                                   std::to_string(kMaxPhraseTokens) +
                                   " tokens");
          }
          if (n == 0) return RowError(r, "'" + s + "' has no words");
        }
        return Status::Ok();
      };
      HEARSAY_RETURN_IF_ERROR(check(spellings));
      if (KindBit(kind) & kGazetteerKinds) {
        for (size_t c = 1; c < spec.columns.size(); ++c) {
          if (spec.columns[c] == "aliases" || spec.columns[c] == "demonyms") {
            HEARSAY_RETURN_IF_ERROR(check(ListCell(r.cells[c])));
          }
        }
      }
      if (spellings.empty()) return RowError(r, "the first column is empty");
      bool gazetteer = (KindBit(kind) & kGazetteerKinds) != 0;
      // (Given names are looked up whole, never matched in running text.)
      if (!gazetteer && kind != LexiconKind::kGivenName) {
        for (const std::string& s : spellings) {
          lex.AddText(s, payload, CaseMode::kLower);
        }
      }
      switch (kind) {
        case LexiconKind::kSpeechVerb: {
          SpeechVerb v;
          v.lemma = spellings[0];
          HEARSAY_ASSIGN_OR_RETURN(v.pos, PosCell(r, 1));
          v.cls = r.cells[2];
          if (v.cls.empty()) return RowError(r, "class is empty");
          HEARSAY_ASSIGN_OR_RETURN(v.stance, StanceCell(r, 3));
          HEARSAY_ASSIGN_OR_RETURN(v.that_clause, YesNo(r, 4, "that_clause"));
          lex.speech_verbs_.push_back(std::move(v));
          break;
        }
        case LexiconKind::kSourcing: {
          SourcingPhrase s;
          s.phrase = spellings[0];
          static constexpr SourcingKind kKinds[] = {
              SourcingKind::kCue,        SourcingKind::kAnonymousDescriptor,
              SourcingKind::kNamedIntro, SourcingKind::kSourceNoun,
              SourcingKind::kCount,      SourcingKind::kModifier,
              SourcingKind::kAdverb};
          bool found = false;
          for (SourcingKind k : kKinds) {
            if (SourcingKindName(k) == r.cells[1]) {
              s.kind = k;
              found = true;
            }
          }
          if (!found) {
            return RowError(r, "kind '" + r.cells[1] +
                                   "' is not one of cue, anonymous_descriptor, "
                                   "named_intro, source_noun, count, modifier, "
                                   "adverb");
          }
          HEARSAY_ASSIGN_OR_RETURN(s.anonymous, YesNo(r, 2, "anonymous"));
          HEARSAY_ASSIGN_OR_RETURN(s.count, IntCell(r, 3, "count", -1));
          lex.sourcing_.push_back(std::move(s));
          break;
        }
        case LexiconKind::kDenialCue: {
          DenialCue d;
          d.phrase = spellings[0];
          HEARSAY_ASSIGN_OR_RETURN(d.stance, StanceCell(r, 1));
          if (d.stance != StanceHint::kDeny &&
              d.stance != StanceHint::kConfirm &&
              d.stance != StanceHint::kNoComment &&
              !(d.stance == StanceHint::kNone && r.cells[1] == "none")) {
            return RowError(r, "stance '" + r.cells[1] +
                                   "' is not one of deny, confirm, "
                                   "no_comment, none");
          }
          const std::string& st = r.cells[2];
          if (st == "flat") {
            d.strength = Strength::kFlat;
          } else if (st == "qualified") {
            d.strength = Strength::kQualified;
          } else if (st != "-" && !st.empty()) {
            return RowError(
                r, "strength '" + st + "' is not one of flat, qualified, -");
          }
          if (d.strength != Strength::kNone && d.stance != StanceHint::kDeny) {
            return RowError(r, "only a denial has a strength");
          }
          if (d.strength == Strength::kNone && d.stance == StanceHint::kDeny) {
            return RowError(r, "a denial needs a strength (flat or qualified)");
          }
          lex.denial_cues_.push_back(std::move(d));
          break;
        }
        case LexiconKind::kHedge: {
          Hedge h;
          h.phrase = spellings[0];
          const std::string& m = r.cells[1];
          if (m == "reported") {
            h.modality = Modality::kReported;
          } else if (m == "hedged") {
            h.modality = Modality::kHedged;
          } else if (m == "speculative") {
            h.modality = Modality::kSpeculative;
          } else if (m == "future") {
            h.modality = Modality::kFuture;
          } else {
            return RowError(r, "modality '" + m +
                                   "' is not one of reported, hedged, "
                                   "speculative, future");
          }
          lex.hedges_.push_back(std::move(h));
          break;
        }
        case LexiconKind::kNegation:
          lex.negation_.push_back({spellings[0], r.cells[1]});
          break;
        case LexiconKind::kPredicate: {
          PredicateTrigger p;
          p.trigger = spellings[0];
          HEARSAY_ASSIGN_OR_RETURN(p.pos, PosCell(r, 1));
          p.cls = r.cells[2];
          if (p.cls.starts_with("not ")) {
            p.negated = true;
            p.cls.erase(0, 4);
          }
          if (p.cls.empty()) return RowError(r, "class is empty");
          p.family = r.cells[3].empty() ? p.cls : r.cells[3];
          p.cameo = r.cells[4];
          p.plover = r.cells[5];
          if (!IsCode(p.cameo, true)) {
            return RowError(r, "cameo '" + p.cameo + "' is not a numeric code");
          }
          if (!IsCode(p.plover, false)) {
            return RowError(
                r, "plover '" + p.plover + "' is not an upper-case event type");
          }
          for (const std::string& o : ListCell(r.cells[6])) {
            if (o.empty()) continue;
            if (o == "!" || (o.starts_with("!") && o[1] == '@')) {
              return RowError(r, "object '" + o + "' stops nothing");
            }
            if (o.starts_with("@") && o != "@people" && o != "@money" &&
                o != "@number" && o != "@person" && o != "@org" &&
                o != "@none") {
              return RowError(r, "object '" + o +
                                     "' is not @people, @money, @number, "
                                     "@person, @org or @none");
            }
            p.objects.emplace_back(o);
          }
          lex.predicates_.push_back(std::move(p));
          break;
        }
        case LexiconKind::kRole: {
          Role role;
          role.title = spellings[0];
          role.label = r.cells[1].empty() ? spellings[0] : r.cells[1];
          HEARSAY_ASSIGN_OR_RETURN(role.speaks_for, YesNo(r, 2, "speaks_for"));
          role.label_pattern = r.cells[3].empty() ? role.label : r.cells[3];
          role.kind = r.cells[4];
          lex.roles_.push_back(std::move(role));
          break;
        }
        case LexiconKind::kNominal: {
          Nominal n;
          n.phrase = spellings[0];
          for (const std::string& t : ListCell(r.cells[1])) {
            std::optional<EntityType> type = TypeByName(t);
            if (!type) {
              return RowError(r, "type '" + t + "' is not an entity type");
            }
            n.types.push_back(*type);
          }
          if (n.types.empty()) return RowError(r, "types is empty");
          n.kinds = ListCell(r.cells[2]);
          HEARSAY_ASSIGN_OR_RETURN(n.group, IntCell(r, 3, "group", 0));
          lex.nominals_.push_back(std::move(n));
          break;
        }
        case LexiconKind::kOutlet: {
          GazetteerEntry e;
          e.source = kind;
          e.type = EntityType::kOutlet;
          e.name = NormalizeName(spellings[0]);
          e.aliases = ListCell(r.cells[1]);
          e.domains = ListCell(r.cells[2]);
          e.country = r.cells[3];
          e.kinds = ListCell(r.cells[4]);
          lex.outlets_.push_back(std::move(e));
          break;
        }
        case LexiconKind::kOrganisation: {
          GazetteerEntry e;
          e.source = kind;
          e.name = NormalizeName(spellings[0]);
          HEARSAY_ASSIGN_OR_RETURN(
              e.type,
              TypeCell(r, 1,
                       {EntityType::kOrg, EntityType::kGov, EntityType::kOutlet,
                        EntityType::kProduct, EntityType::kEvent},
                       "ORG, GOV, OUTLET, PRODUCT, EVENT"));
          e.aliases = ListCell(r.cells[2]);
          e.country = r.cells[3];
          e.kinds = ListCell(r.cells[4]);
          lex.organisations_.push_back(std::move(e));
          break;
        }
        case LexiconKind::kGovernment: {
          GazetteerEntry e;
          e.source = kind;
          e.type = EntityType::kGov;
          e.name = NormalizeName(spellings[0]);
          e.aliases = ListCell(r.cells[1]);
          e.country = r.cells[2];
          e.kinds = ListCell(r.cells[3]);
          lex.governments_.push_back(std::move(e));
          break;
        }
        case LexiconKind::kPlace: {
          GazetteerEntry e;
          e.source = kind;
          e.name = NormalizeName(spellings[0]);
          HEARSAY_ASSIGN_OR_RETURN(
              e.type,
              TypeCell(r, 1, {EntityType::kGpe, EntityType::kLoc}, "GPE, LOC"));
          e.aliases = ListCell(r.cells[2]);
          e.demonyms = ListCell(r.cells[3]);
          e.country = r.cells[4];
          e.kinds = ListCell(r.cells[5]);
          lex.places_.push_back(std::move(e));
          break;
        }
        case LexiconKind::kGivenName: {
          GivenName g;
          g.name = spellings[0];
          const std::string& gender = r.cells[1];
          if (gender == "m" || gender == "f") {
            g.gender = gender[0];
          } else if (!gender.empty()) {
            return RowError(r, "gender '" + gender + "' is not m, f or empty");
          }
          // (A later row of the same name, a user's, says it instead.)
          for (const std::string& s : spellings)
            lex.gender_by_name_[LowerAsciiCopy(s)] = g.gender;
          lex.given_names_.push_back(std::move(g));
          break;
        }
      }
    }
    if (KindBit(kind) & kGazetteerKinds) lex.AddGazetteer(kind);
  }
  lex.version_ = HashHex(Hash64(hashed));
  return lex;
}

const std::vector<GazetteerEntry>* Lexicons::gazetteer(LexiconKind kind) const {
  switch (kind) {
    case LexiconKind::kOutlet:
      return &outlets_;
    case LexiconKind::kOrganisation:
      return &organisations_;
    case LexiconKind::kGovernment:
      return &governments_;
    case LexiconKind::kPlace:
      return &places_;
    default:
      return nullptr;
  }
}

char Lexicons::GenderOfGivenName(std::string_view name) const {
  auto it = gender_by_name_.find(LowerAsciiCopy(name));
  return it == gender_by_name_.end() ? 0 : it->second;
}

size_t Lexicons::size(LexiconKind kind) const {
  switch (kind) {
    case LexiconKind::kSpeechVerb:
      return speech_verbs_.size();
    case LexiconKind::kSourcing:
      return sourcing_.size();
    case LexiconKind::kDenialCue:
      return denial_cues_.size();
    case LexiconKind::kHedge:
      return hedges_.size();
    case LexiconKind::kNegation:
      return negation_.size();
    case LexiconKind::kPredicate:
      return predicates_.size();
    case LexiconKind::kRole:
      return roles_.size();
    case LexiconKind::kNominal:
      return nominals_.size();
    case LexiconKind::kGivenName:
      return given_names_.size();
    default:
      return gazetteer(kind)->size();
  }
}

void Lexicons::Match(std::span<const TokenKey> tokens, size_t i,
                     std::vector<PhraseMatch>* out,
                     LexiconKindSet kinds) const {
  if (i >= tokens.size() || terminals_.empty()) return;
  const size_t first = out->size();
  struct Frame {
    uint32_t node;
    uint32_t depth;
  };
  // Each level pushes at most three children (form, cased form, lemma), and
  // phrases are at most kMaxPhraseTokens deep.
  Frame stack[3 * kMaxPhraseTokens + 4];
  size_t top = 0;
  stack[top++] = {0, 0};
  while (top > 0) {
    Frame f = stack[--top];
    if (f.depth > 0) {
      for (const Payload& p : terminals_[f.node]) {
        if (KindBit(p.kind) & kinds) {
          out->push_back({p.kind, p.form, static_cast<uint16_t>(f.depth),
                          p.entry, p.cased});
        }
      }
    }
    size_t at = i + f.depth;
    if (at >= tokens.size() || f.depth >= max_phrase_tokens_) continue;
    const TokenKey& k = tokens[at];
    uint64_t tries[3] = {k.lower, k.cased, k.lemma};
    for (int t = 0; t < 3; ++t) {
      if (tries[t] == 0 || (t == 1 && k.cased == k.lower) ||
          (t == 2 && (k.lemma == k.lower || k.lemma == k.cased))) {
        continue;
      }
      auto it = edges_.find(EdgeKey{f.node, tries[t]});
      if (it != edges_.end()) stack[top++] = {it->second, f.depth + 1};
    }
  }
  auto begin = out->begin() + static_cast<std::ptrdiff_t>(first);
  std::sort(begin, out->end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    if (a.length != b.length) return a.length > b.length;
    if (a.cased != b.cased) return a.cased;
    if (a.form != b.form) return a.form < b.form;  // names before aliases
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.entry != b.entry) return a.entry < b.entry;
    return a.form < b.form;
  });
  // One entry reached along several paths (form and lemma, cased and
  // folded) is reported once, at its best rank. The range is tiny.
  size_t kept = first;
  for (size_t i = first; i < out->size(); ++i) {
    const PhraseMatch& m = (*out)[i];
    bool seen = false;
    for (size_t j = first; j < kept && !seen; ++j) {
      const PhraseMatch& k = (*out)[j];
      seen = k.length == m.length && k.kind == m.kind && k.entry == m.entry;
    }
    if (!seen) (*out)[kept++] = m;
  }
  out->resize(kept);
}

std::optional<PhraseMatch> Lexicons::Longest(std::span<const TokenKey> tokens,
                                             size_t i, LexiconKind kind) const {
  std::vector<PhraseMatch> hits;
  Match(tokens, i, &hits, KindBit(kind));
  if (hits.empty()) return std::nullopt;
  return hits.front();
}

std::vector<GazetteerHit> Lexicons::FindNames(std::string_view text) const {
  std::vector<GazetteerHit> out;
  auto collect = [&](const std::string& n) {
    const std::vector<NameRef>* refs = nullptr;
    if (auto it = names_cased_.find(n); it != names_cased_.end()) {
      refs = &it->second;
    } else if (IsShortAcronym(n)) {
      return false;  // "us" is not "US"
    } else if (auto lt = names_lower_.find(LowerAscii(n));
               lt != names_lower_.end()) {
      refs = &lt->second;
    }
    if (refs == nullptr) return false;
    for (const NameRef& r : *refs) {
      out.push_back({&(*gazetteer(r.kind))[r.entry], r.form});
    }
    return true;
  };
  std::string name = NormalizeName(text);
  // "the Financial Times" is listed as "Financial Times"; "Guardian" as
  // "The Guardian".
  bool found = collect(name);
  if (!found && name.size() > 4 &&
      EqualsIgnoreCase(name.substr(0, 4), "the ")) {
    found = collect(name.substr(4));
  }
  if (!found && !name.empty()) collect("The " + name);
  // A canonical name outranks an alias, an alias a demonym: "London" is the
  // city before it is the British government.
  std::stable_sort(out.begin(), out.end(),
                   [](const GazetteerHit& a, const GazetteerHit& b) {
                     return a.form < b.form;
                   });
  return out;
}

GazetteerHit Lexicons::FindName(std::string_view text) const {
  std::vector<GazetteerHit> hits = FindNames(text);
  return hits.empty() ? GazetteerHit{} : hits.front();
}

const GazetteerEntry* Lexicons::FindOutletByDomain(
    std::string_view host) const {
  std::string h = LowerAscii(host);
  while (!h.empty()) {
    if (auto it = outlet_domains_.find(h); it != outlet_domains_.end()) {
      return &outlets_[it->second];
    }
    size_t dot = h.find('.');
    if (dot == std::string::npos) break;
    h.erase(0, dot + 1);
  }
  return nullptr;
}

const GazetteerEntry* Lexicons::Gazetteer(const PhraseMatch& m) const {
  const std::vector<GazetteerEntry>* g = gazetteer(m.kind);
  if (g == nullptr || m.entry >= g->size()) return nullptr;
  return &(*g)[m.entry];
}

}  // namespace hearsay
