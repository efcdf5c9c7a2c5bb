// Internal to the extract stage: the state of one document while the
// extractor's passes run over it (see extractor.cc for the entity and
// statement passes, claims.cc for claims and stances).
//
// A DocState lives for one Extract() call on one thread. Its string_views
// point into the document text, the Segmentation's forms and the Pipeline's
// model data, all of which outlive it; nothing here is shared between
// threads except the read-only Resources.
#ifndef HEARSAY_EXTRACT_DOC_STATE_H_
#define HEARSAY_EXTRACT_DOC_STATE_H_

#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "extract/lexicons.h"
#include "hearsay/extract.h"
#include "hearsay/nlp.h"
#include "hearsay/text.h"

namespace hearsay {
namespace extract_internal {

struct Resources {
  Resources(nlp::Pipeline p, Lexicons l, Segmenter s, std::string v)
      : pipeline(std::move(p)),
        lexicons(std::move(l)),
        segmenter(std::move(s)),
        models_version(std::move(v)) {}
  nlp::Pipeline pipeline;
  Lexicons lexicons;
  Segmenter segmenter;
  std::string models_version;
};

// One syntactic word of the document. The string_views point into the
// document text, the Segmentation's forms or the Pipeline's model data, all
// of which outlive the DocState.
struct W {
  Span span;
  std::string_view form, upos, deprel, ner;
  std::string lemma;
  int head = -1;  // document-wide index; -1 for the root
  int sent = 0;
  int lo = 0, hi = 0;  // subtree extent, inclusive
  int quote = -1;      // quote region holding it
  int mention = -1;    // mention covering it
};

struct SentInfo {
  Span span;
  int first = 0, last = 0;  // words [first, last)
  uint32_t paragraph = 0;
};

struct MentionRec {
  int first = 0, last = 0;  // words [first, last)
  int entity = -1;
  bool named = true;  // false for nominals and pronouns
  bool weak = false;  // a demonym: names the country only in passing
  // A person's name after its titles and their organisation ("Greywater
  // managing partner Colm Ashdown"): the first word of that prefix, which
  // is read by its surface because parsers split such phrases many ways.
  int titled_from = -1;
};

struct GroupRef {
  int first = 0, last = 0;
  std::vector<int> entities;
};

struct QuoteRegion {
  Span outer, inner;
  bool used = false;
};

struct EntityBuild {
  Entity e;
  const GazetteerEntry* gaz = nullptr;
  int count = 0;
};

// One place a claim is stated: its trigger and the clause read around it.
struct ClaimMention {
  int first = 0, last = 0;  // trigger words [first, last)
  int head = 0;             // the trigger's syntactic head word
  int statement = -1;       // whose content holds it; -1 the reporter's voice
  bool positive = true;
  Modality modality = Modality::kAsserted;
};

struct ClaimBuild {
  Claim c;
  std::vector<ClaimMention> mentions;  // in text order
  // Entities that may answer for the claim: participants (agent, partner,
  // target), the principal parties of DESIGN.md's status rules.
  std::vector<int> parties;
  // The key's parts: family, and the parties on each side ("" when the
  // clause names none) — a key missing a side is completed from a fuller
  // claim of the same family in the document.
  std::string family, side_a, side_b;
  bool vague = false;      // names a partner that is no one in particular
  bool site_only = false;  // names only the site that closes or opens
};

inline bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

inline bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A lower-cased day of the week: 0 for Monday, ..., 6; -1 for anything else.
int Weekday(std::string_view low);
// A lower-cased month, in full or as "sep" / "sep.": 1..12; 0 for anything
// else.
int Month(std::string_view low);

inline std::string_view LastWord(std::string_view name) {
  size_t sp = name.rfind(' ');
  return sp == std::string_view::npos ? name : name.substr(sp + 1);
}

inline bool IsPunct(const W& w) { return w.upos == "PUNCT"; }

// A dash word: hyphen, double hyphen, en or em dash.
inline bool IsDash(std::string_view f) {
  return f == "-" || f == "--" || f == "\u2013" || f == "\u2014";
}

// A mark that can close a quote: straight, Penn Treebank '' or curly.
inline bool IsClosingQuoteMark(std::string_view f) {
  return f == "\"" || f == "''" || f == "\xE2\x80\x9D";
}
// A mark that can open one: straight, Penn Treebank `` or '' (as news text
// written for the treebank conventions has it) or curly.
inline bool IsOpeningQuoteMark(std::string_view f) {
  return f == "\"" || f == "``" || f == "''" || f == "\xE2\x80\x9C";
}

// The possessive ending as the tokenizer splits it: "'s" or "’s".
inline bool IsPossessiveS(std::string_view f) {
  return f == "'s" || f == "\u2019s";
}

// A noun for something said that may be true or false: "a report that
// she had resigned", "false rumours".
bool ReportLemma(std::string_view lemma);
// Any account of events: a report-like noun, or "news", "alarm",
// "narrative", "statement" and the like ("false news", "withdrew the
// statement").
bool AccountLemma(std::string_view lemma);

// A word about anonymity ("anonymous", "anonymity", "anonymously"): a
// clause with one only asks not to be named.
inline bool AnonymityWord(std::string_view f) {
  return StartsWith(Lower(f), "anonym");
}

// Someone who can be held to a statement: a name, a group, a source.
inline bool HasSpeaker(const Speaker& sp) {
  return sp.entity >= 0 || !sp.entities.empty() || sp.anonymous ||
         !sp.description.empty();
}
class DocState {
 public:
  DocState(const Resources& r, const Document& doc)
      : r_(r), lex_(r.lexicons), doc_(doc), text_(doc.text) {}

  void Run(Extraction& x);

 private:
  // Pass 1.
  void Annotate();
  bool SubjectsInModifiers(int first, int last);
  bool DaySubjects(int first, int last);
  bool DatelineSubjects(int first, int dash, int last);
  bool ClausesAfterCitations(int first, int last);
  bool ReportingParticiples(int first, int last);
  bool WithParticipleSubjects(int first, int last);
  bool CapitalisedInBody(std::string_view word, uint32_t from) const;
  // Pass 2.
  void FindMentions();
  void AddMention(int first, int last, int entity, bool named, bool weak);
  bool JoiningHyphen(int k) const;
  // Word k names whose local body the next word is: "Harrowgate council",
  // "Harrowgate police", "Harrowgate residents" (the next word lower-case).
  bool OfLocalBody(int k) const;
  bool WhenWord(int k) const;
  bool Dominates(int a, int w) const;
  // `name`, when given, names the entity instead of the words.
  int EntityFor(int first, int last, const GazetteerEntry* gaz,
                EntityType ner_type, std::string_view name = {});
  int NewEntity(std::string name, EntityType type, const GazetteerEntry* gaz);
  // One-word "persons" the article calls "it": bodies, not people.
  void NamesCalledIt();
  void FindRoles();
  void FindNominals();
  void FindGenders();
  // Pass 3.
  void FindQuotes();
  void NameOutlet();
  // Pass 4.
  void FindStatements();
  void QuoteStatements();
  void VerbStatements();
  void SourcingStatements();
  void InPollStatements();
  bool OpeningPollPhrase(size_t s);
  void NounStatements();
  void PassiveStatements();
  void AdverbStatements();
  void HeadlineStatements();
  void TidySpeakerSpans();
  void SpeakersBeforeRelativeClauses();
  void ClosingReportingClauses();
  int PhraseHead(int lo, int hi) const;
  int ClosingPhrase(int v, int* lo) const;
  bool AttributionCircumstance(int v, int end) const;
  void EndContentsAt(int v, uint32_t stop, bool from_cue, bool same_sentence);
  void ParticiplesOfReportingClauses();
  void ConjunctsOfReportingVerbs();
  void SpeakersWithNamesInApposition();
  void SpeakersEndBeforeTheirCue();
  // Attribution by punctuation and the speaker's full phrase (extractor.cc).
  void PunctuationStatements();
  int PersonCalled(std::string_view tag) const;
  Span SpeakerPhrase(const Speaker& sp, int cue) const;
  Span WithItsClause(const Speaker& sp, int subj, int cue) const;
  int WordEndingAt(uint32_t end) const;
  int BeforeVerbGroup(int v) const;
  // The first word that starts at or after byte `pos`.
  int FirstWordFrom(uint32_t pos) const;
  void DropNestedStatements();
  void DropNonSpeakers();
  void AnonymousBackReferences();
  void EraseStatements(const std::vector<bool>& drop);
  void SpeakingDocuments();
  // Pass 5 (claims.cc).
  void FindClaims();
  void FindOwners();
  // Whether the denial or confirmation word k is someone else's answer
  // told by the statement's speaker (its own subject or owner, named, is
  // not the speaker) or only a wish ("I hope it is accurate").
  bool OthersAnswer(int k, const Statement& st);
  void FindStances();
  void DateStatements();

  // Helpers.
  Span WordSpan(int first, int last_inclusive) const {
    return {words_[first].span.begin, words_[last_inclusive].span.end};
  }
  std::string_view Text(Span s) const { return s.Slice(text_); }
  std::span<const TokenKey> SentKeys(int s) const {
    return std::span<const TokenKey>(keys_).subspan(
        sents_[s].first, sents_[s].last - sents_[s].first);
  }
  std::optional<PhraseMatch> LongestAt(int w, LexiconKind kind) const {
    int s = words_[w].sent;
    return lex_.Longest(SentKeys(s), w - sents_[s].first, kind);
  }
  // A title (no party word or modifier) starting at word j: the role, and
  // in *end the word after it; nullptr when there is none.
  const Role* TitleAt(int j, int* end) const {
    auto role = LongestAt(j, LexiconKind::kRole);
    if (!role) return nullptr;
    const Role& rr = lex_.roles()[role->entry];
    if (rr.kind == "party" || rr.kind == "modifier") return nullptr;
    *end = j + role->length;
    return &rr;
  }
  // The dependents of w in text order; the view lives as long as this
  // DocState (the index is built once, at the end of Annotate).
  std::span<const int> Children(int w) const {
    return std::span<const int>(child_list_)
        .subspan(child_begin_[w], child_begin_[w + 1] - child_begin_[w]);
  }
  bool HasObject(int v) const;
  // Whether word v has a subject of its own (an nsubj child of any kind).
  bool HasSubject(int v) const;
  // Whether a denial, confirmation or no-comment cue of denial_cues.tsv
  // starting at most three words before word i runs onto it: "did not
  // respond to a request for comment" makes "respond" an answer.
  bool AnswerCueReaches(int i) const;
  // Whether the word has a determiner before it ("the filing", "a
  // warning"): a noun, whatever its ending.
  bool Determined(int w) const;
  // Whether speech verb `v`, whose list entry suggests `stance`, acts
  // rather than answers words: a verb of confirming on a person, with no
  // "as" ("acknowledged the first lady"), "dismiss" on a person or a case
  // ("dismissed him", "dismissed 849 cases"), "deny" a person a thing or
  // a thing alone ("denied access", "denied bail").
  bool AnswersNoWords(int v, StanceHint stance) const;
  // Whether verb `v` of calling ("call", "dub", "label", "brand",
  // "deem") takes two noun phrases one after the other, a thing and what
  // it is called ("called the report "a rush to judgment""), however the
  // parser hung them: a view of a thing, never the name given by a
  // participle ("a group called the Fund", one phrase). When the parser
  // hung the second phrase elsewhere, `*loose` is its first word (else
  // -1).
  bool TakesTwoPhrases(int v, int* loose = nullptr) const;
  // The subject of the participle that verb `v` was hung on when the two
  // are a source's description and its verb the parser read as a clause
  // ("People briefed on the situation say ...", with "briefed" the main
  // verb); else -1.
  int DescribedSubject(int v) const;
  // The word after a description of unnamed sources (sourcing.tsv) that
  // starts at word k, with the rest of its noun phrase ("briefed on the
  // plan"); -1 when none starts there.
  int DescriptorEnd(int k) const;
  // Whether retracting verb `v` ("withdraw", "walk back", "correct")
  // takes back words: a report, a statement, remarks, the record; not
  // troops, loyalty or a lawsuit.
  bool RetractsWords(int v) const;
  bool InThatClause(int v) const;
  int QuoteSafeSubject(int v, int subj) const;
  bool ActiveSpeech(int v, int i, int length, int subj) const;
  int AttributionTail(int v, int from) const;
  int DatelineDash(int w) const;
  int DatelineEnd(int first, int end) const;
  // Word k is a dash with a space before it (an aside or a dateline's end,
  // not "Clinton-Kaine"); k > 0.
  bool SpacedDash(int k) const {
    return IsDash(words_[k].form) &&
           words_[k].span.begin > words_[k - 1].span.end;
  }
  int RecentOrgEntity(int w) const;
  std::string RecentOrg(int w) const;
  bool ClosingAttribution(int v, int i, int subj, const Speaker& sp) const;
  // "..., said the source, whose information could not be verified", with
  // the speaker parsed as the subject of a clause `c` said after verb `v`
  // (and a comma before `v`): that subject, else -1.
  int SpeakerOpeningClause(int v, int c) const;
  // The subtree of w without its clausal modifiers and edge punctuation.
  std::pair<int, int> NounPhrase(int w) const;
  Span WithoutFinalStop(Span content) const;
  const SpeechVerb* SpeechVerbAt(int w, int* length) const;
  int CutParticiple(int v) const;
  bool PassiveSubjectUnsaid(int v, int subj) const;
  int OrganisationOfKind(int first, int last) const;
  int InvertedSubject(int v) const;
  bool HeadlineParticiple(int v) const;
  int SubjectOf(int v, int depth = 0) const;
  int SubjectBehindOpener(int v) const;
  bool BehindOpener(int c) const;
  bool AsQuantifier(int k) const;
  bool PassiveOfRevealing(int v) const;
  // `cue`, when known, is the verb the speaker says with: never part of
  // the speaker's words.
  Speaker SpeakerFromWord(int w, int cue = -1);
  Speaker SpeakerFromRange(int first, int last_inclusive, int head);
  void FillSpeakerEntity(Speaker& sp, int mention);
  int ResolvePronoun(int w);
  const Statement* GroupSaidBefore(int w) const;
  struct SourceInfo {
    bool is_source = false;
    bool anonymous = false;
    int count = -1;
  };
  SourceInfo AnalyzeSource(int first, int last_inclusive) const;
  Span TrimContent(Span s) const;
  int AddStatement(Statement st);
  bool InAnyQuote(int w) const { return words_[w].quote >= 0; }

  const Resources& r_;
  const Lexicons& lex_;
  const Document& doc_;
  std::string_view text_;
  Segmentation seg_;
  std::vector<W> words_;
  // Dependents of word w are child_list_[child_begin_[w], child_begin_[w+1]).
  std::vector<int> child_begin_;
  std::vector<int> child_list_;
  std::vector<TokenKey> keys_;
  std::vector<SentInfo> sents_;
  std::vector<MentionRec> mentions_;  // in text order after FindMentions
  std::vector<GroupRef> groups_;
  std::vector<EntityBuild> entities_;
  // Per entity, what "he" and "she" may stand for (FindGenders): 'm', 'f',
  // 0 when nothing says, 'x' when the evidence disagrees.
  std::vector<char> gender_;
  std::vector<QuoteRegion> quotes_;
  std::vector<Statement> statements_;
  std::vector<bool> consumed_;      // speech cue words already used
  std::vector<ClaimBuild> claims_;  // in order of first mention
  // The document's outlet as the article names it (NameOutlet).
  std::string outlet_;

  // Claims (claims.cc).
  int EntityAt(int w);
  void CollectArgs(int w, std::vector<int>* entities, std::vector<int>* further,
                   std::vector<int>* others, int depth = 0);
  std::string CaseOf(int w) const;
  int PredicateAt(int w, int* last) const;
  bool ProgressiveReadAsAdjective(int w) const;
  bool ReadClaim(int first, int last, const std::string& cls,
                 const std::string& family, const std::string& cameo,
                 const std::string& plover, const std::vector<int>& trigger_at,
                 ClaimBuild* out, bool negated = false);
  std::string ResolveTime(int w) const;
  int StatementHolding(Span s) const;
  bool SpeaksFor(const Statement& st, const ClaimBuild& c) const;
  bool InReportNoun(int w, Span within) const;
  bool RefusesToDiscuss(int v) const;
  bool NegatedByAdverb(int v) const;
  bool NoneOf(int k) const;
  bool ObjectFits(int w, const std::vector<std::string>& objects) const;
};

}  // namespace extract_internal
}  // namespace hearsay

#endif  // HEARSAY_EXTRACT_DOC_STATE_H_
