// The extract stage's word lists, loaded once and compiled for lookup.
//
// Everything the extractor knows about words — speech verbs, sourcing
// phrases, denial and confirmation cues, hedges, negation, predicate
// triggers, roles, definite descriptions, the gazetteers of outlets,
// organisations, governments and places, and the genders of first names —
// is data in lexicons/*.tsv
// (documented in lexicons/README.md). The shipped files are compiled into
// the binary; a user directory adds rows to them and removes rows from them.
//
//   HEARSAY_ASSIGN_OR_RETURN(Lexicons lex,
//                            Lexicons::Load({.user_dir = dir}));
//   std::vector<TokenKey> keys;
//   for (const Word& w : words) keys.push_back(TokenKey::Of(form, lemma));
//   std::vector<PhraseMatch> hits;
//   lex.Match(keys, i, &hits);            // every phrase starting at word i,
//   for (const PhraseMatch& m : hits)     // longest first
//     if (m.kind == LexiconKind::kDenialCue) Use(lex.denial_cues()[m.entry]);
//   if (GazetteerHit h = lex.FindName("U.S."); h.entry) ...  // United States
//
// Phrases are matched over token keys: hashes of the lower-cased token with
// typographic quotes, apostrophes and dashes folded to ASCII, so the matcher
// needs no copy of the text. Cue phrases match case-insensitively and also by
// lemma ("said" reaches the entry "say"), except those written with capitals
// ("Representative", "the House"), which match only so; names from the
// gazetteers match as written, in title case (for headlines), and — when
// longer than one token — in lower case, so "US" is found but "us" is not.
//
// A Lexicons is immutable after Load(); every const method may be called from
// many threads at once. It owns all its entries; references to them die with
// it (a move keeps them valid: the vectors' buffers move along).
#ifndef HEARSAY_EXTRACT_LEXICONS_H_
#define HEARSAY_EXTRACT_LEXICONS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearsay/extract.h"
#include "hearsay/status.h"

namespace hearsay {

// One per file in lexicons/; the order is the load order and the order in
// which the version hash covers them.
enum class LexiconKind : uint8_t {
  kSpeechVerb,
  kSourcing,
  kDenialCue,
  kHedge,
  kNegation,
  kPredicate,
  kRole,
  kNominal,
  kOutlet,
  kOrganisation,
  kGovernment,
  kPlace,
  kGivenName,
};
inline constexpr int kLexiconKindCount = 13;
// "speech_verbs.tsv", "sourcing.tsv", ...
std::string_view LexiconFileName(LexiconKind kind);

// A set of LexiconKinds, for filtering matches.
using LexiconKindSet = uint32_t;
constexpr LexiconKindSet KindBit(LexiconKind k) {
  return LexiconKindSet{1} << static_cast<int>(k);
}
inline constexpr LexiconKindSet kAllLexiconKinds =
    (LexiconKindSet{1} << kLexiconKindCount) - 1;
inline constexpr LexiconKindSet kGazetteerKinds =
    KindBit(LexiconKind::kOutlet) | KindBit(LexiconKind::kOrganisation) |
    KindBit(LexiconKind::kGovernment) | KindBit(LexiconKind::kPlace);

// What a cue suggests about the speaker's stance before any context.
enum class StanceHint : uint8_t {
  kNone,
  kAssert,
  kDeny,
  kConfirm,
  kHedge,
  kNoComment,
};
std::string_view StanceHintName(StanceHint h);  // "assert", "no_comment", ...

enum class PartOfSpeech : uint8_t { kVerb, kNoun, kPhrase, kOther };

// speech_verbs.tsv: verbs and nouns that introduce speech ("say",
// "statement").
struct SpeechVerb {
  std::string lemma;  // the first spelling in the file
  PartOfSpeech pos = PartOfSpeech::kVerb;
  std::string cls;  // "say", "deny", "warn", ...
  StanceHint stance = StanceHint::kNone;
  bool that_clause = false;  // takes "that ..." / a reported clause
};

enum class SourcingKind : uint8_t {
  kCue,                  // "citing", "according to", "told"
  kAnonymousDescriptor,  // "people familiar with the matter"
  kNamedIntro,           // "in an interview with", "said in a statement"
  kSourceNoun,           // "sources", "officials", "insiders"
  kCount,                // "four", "several", "a"
  kModifier,             // "anonymous", "senior", "unnamed"
  kAdverb,               // "reportedly": the clause is passed on, unsourced
};
std::string_view SourcingKindName(SourcingKind k);

// sourcing.tsv: how reports name — or decline to name — their sources.
struct SourcingPhrase {
  std::string phrase;
  SourcingKind kind = SourcingKind::kCue;
  bool anonymous = false;
  int count = -1;  // people the phrase stands for; -1 unknown or several
};

// denial_cues.tsv: words that deny, confirm or decline to comment.
struct DenialCue {
  std::string phrase;
  StanceHint stance = StanceHint::kDeny;  // kDeny, kConfirm or kNoComment
  Strength strength = Strength::kNone;    // kFlat or kQualified for denials
};

// hedges.tsv: words that weaken or displace an assertion.
struct Hedge {
  std::string phrase;
  Modality modality = Modality::kHedged;  // never kAsserted
};

// negation.tsv: cues of negative polarity.
struct NegationCue {
  std::string phrase;
  std::string kind;  // "particle", "determiner", "verb", ...
};

// predicates.tsv: triggers of the ontology's predicate classes.
struct PredicateTrigger {
  std::string trigger;
  PartOfSpeech pos = PartOfSpeech::kVerb;
  std::string cls;     // "cooperate", "acquire", ...
  std::string family;  // shared by classes whose claims share a key
  std::string cameo;   // "" when none applies
  std::string plover;  // "" when none applies
  // The trigger states the class's negation: "stay open" is "not close".
  bool negated = false;
  // The objects it needs to be a trigger (lemmas, or @people, @money,
  // @number, @org, and @none for no object at all), and "!lemma" for an
  // object that stops it ("launch" with "!investigation"); empty when it
  // needs none.
  std::vector<std::string> objects;
};

// roles.tsv: titles that make a person speak for something.
struct Role {
  std::string title;          // first spelling: "chief executive"
  std::string label;          // "CEO"
  bool speaks_for = false;    // the holder speaks for the organisation
  std::string label_pattern;  // "CEO of {org}", "{party} Representative"
  std::string kind;           // "business", "legislature", "party", ...
};

// nominals.tsv: definite descriptions and group expressions.
struct Nominal {
  std::string phrase;              // "the automaker", "both companies"
  std::vector<EntityType> types;   // what it may refer to
  std::vector<std::string> kinds;  // narrowing kind words; empty: any
  int group = 0;                   // 0 one entity; n a group of n; -1 some
};

// given_names.tsv: first names, and whether people who bear one in the
// news are nearly all men ('m') or nearly all women ('f'). Not matched as
// phrases; the extractor asks GenderOfGivenName.
struct GivenName {
  std::string name;  // "Ilse"
  char gender = 0;   // 'm', 'f' or 0 (either, or unsure)
};

// One entry of a gazetteer (outlets, organisations, governments, places).
struct GazetteerEntry {
  std::string name;  // canonical
  EntityType type = EntityType::kOrg;
  std::vector<std::string> aliases;
  std::vector<std::string> demonyms;  // places: "American", "Americans"
  std::vector<std::string> domains;   // outlets: "ft.com"
  std::string country;                // canonical place name, "" if none
  std::vector<std::string> kinds;     // "automaker", "wire agency", ...
  LexiconKind source = LexiconKind::kOrganisation;
};

// How a name was found.
enum class NameForm : uint8_t { kName, kAlias, kDemonym };

struct GazetteerHit {
  const GazetteerEntry* entry = nullptr;  // null when nothing matched
  NameForm form = NameForm::kName;
  explicit operator bool() const { return entry != nullptr; }
};

// The keys of one token, computed once per token by the caller.
struct TokenKey {
  uint64_t lower = 0;  // folded and lower-cased form
  uint64_t cased = 0;  // folded form as written (== lower if no capitals)
  uint64_t lemma = 0;  // folded lower-cased lemma; 0 when none or == form
  // `lemma` may be empty. Neither view is kept.
  static TokenKey Of(std::string_view form, std::string_view lemma = {});
};

struct PhraseMatch {
  LexiconKind kind;
  NameForm form;    // for gazetteer entries; kName otherwise
  uint16_t length;  // tokens covered
  uint32_t entry;   // index into the vector of `kind`
  // Matched with its capitals as written ("Representative", "the House"):
  // more specific than a case-folded match of the same length, and ranked
  // before it.
  bool cased = false;
};

// Where to find the lexicons.
struct LexiconOptions {
  // A directory whose files named like the shipped ones add and remove rows;
  // empty for the shipped lexicons only.
  std::string user_dir;
  // The lexicons to load, shipped and user files alike; the others stay
  // empty and are not read (a tool or a fuzzer that needs one kind).
  LexiconKindSet kinds = kAllLexiconKinds;
};

class Lexicons {
 public:
  // The shipped lexicons plus options.user_dir. Fails, naming the file and
  // line, when a file is unreadable or a row malformed; NotFound when
  // user_dir is not a directory.
  static Result<Lexicons> Load(const LexiconOptions& options = {});

  // A stable hash of everything loaded (16 hex digits): equal versions mean
  // equal lexicons, so every output record can name the one it came from.
  const std::string& version() const { return version_; }

  // Appends to `out` every phrase that starts at tokens[i] and whose kind is
  // in `kinds`, longest first; among equals, cased matches first, then
  // canonical names before aliases before demonyms, then file order. Costs
  // O(longest phrase), not O(lexicon). Nothing is appended when i is out of
  // range.
  void Match(std::span<const TokenKey> tokens, size_t i,
             std::vector<PhraseMatch>* out,
             LexiconKindSet kinds = kAllLexiconKinds) const;
  // The longest phrase of `kind` starting at tokens[i], if any.
  std::optional<PhraseMatch> Longest(std::span<const TokenKey> tokens, size_t i,
                                     LexiconKind kind) const;

  // A gazetteer name, alias or demonym given as text ("U.S.", "the Financial
  // Times", "Guardian", "Chinese"). Whitespace and typography are
  // normalised; a leading "the" is optional both ways; case matters only for
  // short all-capital aliases, so "us" is not the United States. The first
  // of FindNames() wins.
  GazetteerHit FindName(std::string_view text) const;
  // Every entry the text names: canonical names before aliases before
  // demonyms, then in file order (outlets, organisations, governments,
  // places). "Washington": the city, then the state's and the government's
  // aliases; "London": the city before the British government.
  std::vector<GazetteerHit> FindNames(std::string_view text) const;
  // The outlet publishing at a host name ("www.ft.com", "ft.com").
  const GazetteerEntry* FindOutletByDomain(std::string_view host) const;
  // The entry of a match of a gazetteer kind; null for other kinds.
  const GazetteerEntry* Gazetteer(const PhraseMatch& m) const;

  // The tokens the matcher sees for a phrase written in a lexicon ("didn't
  // comment" -> did, n't, comment), for callers that hold plain text.
  static std::vector<std::string> SplitPhrase(std::string_view phrase);
  // Keys for a plain-text phrase, as TokenKey::Of on SplitPhrase's tokens.
  static std::vector<TokenKey> KeysOf(std::string_view phrase);

  const std::vector<SpeechVerb>& speech_verbs() const { return speech_verbs_; }
  const std::vector<SourcingPhrase>& sourcing() const { return sourcing_; }
  const std::vector<DenialCue>& denial_cues() const { return denial_cues_; }
  const std::vector<Hedge>& hedges() const { return hedges_; }
  const std::vector<NegationCue>& negation() const { return negation_; }
  const std::vector<PredicateTrigger>& predicates() const {
    return predicates_;
  }
  const std::vector<Role>& roles() const { return roles_; }
  const std::vector<Nominal>& nominals() const { return nominals_; }
  const std::vector<GazetteerEntry>& outlets() const { return outlets_; }
  const std::vector<GazetteerEntry>& organisations() const {
    return organisations_;
  }
  const std::vector<GazetteerEntry>& governments() const {
    return governments_;
  }
  const std::vector<GazetteerEntry>& places() const { return places_; }
  const std::vector<GivenName>& given_names() const { return given_names_; }
  // 'm' or 'f' when given_names.tsv says people called `name` ("Ilse",
  // any case) are nearly all men or women; 0 otherwise.
  char GenderOfGivenName(std::string_view name) const;
  // The gazetteer vector of a gazetteer kind, else null.
  const std::vector<GazetteerEntry>* gazetteer(LexiconKind kind) const;
  // Rows loaded per file, after removals.
  size_t size(LexiconKind kind) const;

 private:
  struct Payload {
    LexiconKind kind;
    NameForm form;
    uint32_t entry;
    bool cased = false;
  };
  struct EdgeKey {
    uint32_t node;
    uint64_t token;
    bool operator==(const EdgeKey&) const = default;
  };
  struct EdgeHash {
    size_t operator()(const EdgeKey& k) const {
      return static_cast<size_t>(k.token ^
                                 (uint64_t{k.node} * 0x9E3779B97F4A7C15ull));
    }
  };
  struct NameRef {
    LexiconKind kind;
    NameForm form;
    uint32_t entry;
  };
  Lexicons() = default;
  enum class CaseMode : uint8_t { kLower, kName };
  void AddPhrase(std::span<const uint64_t> keys, Payload p);
  // Adds every tokenisation of `text` (and, for names, its title-case and
  // lower-case forms) to the trie, and names to the name maps.
  void AddText(std::string_view text, Payload p, CaseMode mode);
  void AddGazetteer(LexiconKind kind);

  std::string version_;
  std::vector<SpeechVerb> speech_verbs_;
  std::vector<SourcingPhrase> sourcing_;
  std::vector<DenialCue> denial_cues_;
  std::vector<Hedge> hedges_;
  std::vector<NegationCue> negation_;
  std::vector<PredicateTrigger> predicates_;
  std::vector<Role> roles_;
  std::vector<Nominal> nominals_;
  std::vector<GivenName> given_names_;
  std::unordered_map<std::string, char> gender_by_name_;  // lower-cased
  std::vector<GazetteerEntry> outlets_;
  std::vector<GazetteerEntry> organisations_;
  std::vector<GazetteerEntry> governments_;
  std::vector<GazetteerEntry> places_;

  // The phrase trie: node 0 is the root; an edge per (node, token key).
  std::unordered_map<EdgeKey, uint32_t, EdgeHash> edges_;
  std::vector<std::vector<Payload>> terminals_;  // per node
  uint16_t max_phrase_tokens_ = 0;
  // Normalised names: as written, and lower-cased (short acronyms excluded).
  std::unordered_map<std::string, std::vector<NameRef>> names_cased_;
  std::unordered_map<std::string, std::vector<NameRef>> names_lower_;
  std::unordered_map<std::string, uint32_t> outlet_domains_;
};

}  // namespace hearsay

#endif  // HEARSAY_EXTRACT_LEXICONS_H_
