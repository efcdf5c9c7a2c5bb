// What hearsay extracts from one document: entities, statements (who said
// what, how, through whom), claims (normalised propositions) and the stance
// of each statement toward each claim. These are the types behind the JSON
// contract `hearsay.extract/1` of docs/DESIGN.md; field names match it.
//
//   hearsay::Extraction x = extractor.Extract(doc);   // (extract stage)
//   for (const hearsay::Statement& s : x.statements)
//     for (const hearsay::Stance& st : s.stances) ...
//
// Entities, statements and claims are numbered within their document and
// referred to by index (a `-1` is JSON's null); their JSON ids are "E1",
// "S1", "C1" (index + 1). Spans are [begin, end) in bytes of
// Extraction::document.text. An Extraction owns everything it holds and is a
// plain value, safe to move between threads.
#ifndef HEARSAY_EXTRACT_H_
#define HEARSAY_EXTRACT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/span.h"
#include "hearsay/status.h"

namespace hearsay {

inline constexpr std::string_view kExtractSchema = "hearsay.extract/1";

// The recogniser's coarse types, and the refinements the extract stage makes
// with lexicons (OUTLET and GOV are kinds of ORG; GPE and LOC of PLACE;
// PRODUCT and EVENT of MISC).
enum class EntityType {
  kPerson,
  kOrg,
  kPlace,
  kMisc,
  kOutlet,
  kGov,
  kGpe,
  kLoc,
  kProduct,
  kEvent,
};
std::string_view EntityTypeName(EntityType t);  // "PERSON", "ORG", ...
Result<EntityType> ParseEntityType(std::string_view name);
// ORG for OUTLET and GOV, PLACE for GPE and LOC, MISC for PRODUCT and EVENT.
EntityType CoarseType(EntityType t);

struct Entity {
  std::string name;  // canonical: "Jim Farley", "Financial Times"
  EntityType type = EntityType::kMisc;
  std::vector<std::string> aliases;  // other names seen: "Farley"
  std::vector<std::string> roles;    // "CEO of Ford"
  std::vector<Span> mentions;        // in order; the first is the first mention
};

enum class StatementKind {
  kDirect,       // "This story is completely false," Ford said.
  kPartial,      // Xiaomi said it had "no plans" to ...
  kIndirect,     // Ford said that the report was false.
  kAccordingTo,  // according to two people familiar with the matter
  kReport,       // The FT reported that ... (an outlet's report)
  kReporter,     // the reporter's own voice: no speaker
};
std::string_view StatementKindName(
    StatementKind k);  // "direct", "according_to"
Result<StatementKind> ParseStatementKind(std::string_view name);

struct Speaker {
  int entity = -1;            // index into Extraction::entities, -1 if none
  std::vector<int> entities;  // a group: "both companies" = {Ford, Xiaomi}
  std::string name;           // as named, or the description of a group
  bool anonymous = false;
  int count = -1;           // "four anonymous sources" = 4; -1 unknown
  std::string description;  // "people familiar with the matter"
  bool has_span = false;    // false for the reporter's own voice
  Span span;                // the mention this statement hangs on
};

enum class StanceValue { kConfirm, kDeny, kNoComment, kAssert, kHedge };
std::string_view StanceValueName(StanceValue v);  // "confirm", "no_comment"
Result<StanceValue> ParseStanceValue(std::string_view name);

// A denial's strength: flat ("completely false") or qualified ("no plans to",
// "not at this time"). kNone for every other stance.
enum class Strength { kNone, kFlat, kQualified };
std::string_view StrengthName(Strength s);  // "", "flat", "qualified"
Result<Strength> ParseStrength(std::string_view name);

struct Stance {
  int claim = -1;  // index into Extraction::claims
  StanceValue value = StanceValue::kAssert;
  Strength strength = Strength::kNone;
  double confidence = 0;
  bool principal = false;  // the speaker is one of the claim's parties
};

struct Statement {
  Speaker speaker;
  std::string cue_text;  // "said", "according to", "citing"
  Span cue;
  StatementKind kind = StatementKind::kReporter;
  Span content;  // what is attributed
  // A quote broken by its own attribution ('"A," he said. "B."') is one
  // statement whose content runs from A to B; `content_parts` then holds
  // the quoted pieces, in order, inside `content` (empty when the content is
  // one piece). PolNeAR writes such contents the same way. A quote over
  // several paragraphs, each opened again with a quotation mark, has a
  // piece per paragraph.
  std::vector<Span> content_parts;
  // The attributed words: ContentText() of the document's text, kept here so
  // a record read back from JSON (whose text may not travel with it) has
  // them.
  std::string content_text;
  int via = -1;  // the statement it reaches us through
  std::vector<Stance> stances;
  double confidence = 0;
  std::vector<Span> evidence;  // the sentences it rests on
  std::string rule;            // which rule produced it, for explanations
  // When the statement was made, as the article tells it: the ISO date of
  // "On April 7, Oduya told investors" or "said on Monday" ("" when the
  // article gives none, or a day after its own). `retold`: the article
  // tells a statement made before it ("had denied", "Brightwater's denial",
  // "weeks after the chief executive dismissed a report", a date before the
  // publication day). The ledger orders a party's answers by these, so an
  // old denial told again after a confirmation does not undo it.
  std::string said_on;
  bool retold = false;
};

// The attributed words of `s` in `text`: the content's bytes, or with
// content_parts, the pieces' joined by " … " where words lie between them
// (the attribution left out), by a space where only a paragraph's break and
// quotation marks do. s.content_text when the spans do not lie in `text` (a
// record read without its text).
std::string ContentText(std::string_view text, const Statement& s);

// Whether `span` lies inside what `s` attributes: inside one of its parts
// when it has them, else inside its content.
bool InContent(const Statement& s, const Span& span);

// For each statement, whether it reaches us only inside what a source
// without a name says ("Marchetti informed the board of her decision, the
// person said"): such words are the source's report, not the speaker's own
// answer on the record, so they never make the speaker a principal of a
// claim. A named relay ("Reuters reported that Ford denied ...") passes an
// answer on. One flag per statement of `statements`, in order.
std::vector<bool> RelayedByUnnamedSources(
    const std::vector<Statement>& statements);

enum class Modality { kAsserted, kReported, kHedged, kSpeculative, kFuture };
std::string_view ModalityName(Modality m);
Result<Modality> ParseModality(std::string_view name);

struct Participant {
  std::string role;  // "agent", "partner", "target", "theme"
  int entity = -1;   // -1: not an entity; `text` says what it is
  std::string text;
};

struct Claim {
  std::string predicate;  // "cooperate", "negotiate", ..., "other:behead"
  std::string cameo;      // CAMEO code, "" when none applies
  std::string plover;     // PLOVER event type, "" when none applies
  std::vector<Participant> participants;
  std::string location;  // "United States"
  std::string time;      // ISO 8601 date or "" ("on Thursday" resolved)
  bool positive = true;  // polarity: false for "no plans to", "denied that"
  Modality modality = Modality::kAsserted;
  // A readable paraphrase: the agent, "not" when negative, the predicate's
  // word (PredicateWord), then partner, target, theme, place and day.
  std::string text;
  // Names the proposition whatever its polarity and modality; predicates of
  // one family share it. Claims with equal keys are linked in the ledger.
  std::string key;
  double confidence = 0;
  std::vector<Span> evidence;
};

struct Extraction {
  Document document;
  std::vector<Entity> entities;  // in order of first mention
  std::vector<Statement> statements;
  std::vector<Claim> claims;
  std::string models_version;    // of the models that produced it
  std::string lexicons_version;  // of the lexicons that produced it
};

// The word a claim's paraphrase uses for its predicate: the predicate, or
// the verb of one no class names ("other:behead" -> "behead").
std::string_view PredicateWord(std::string_view predicate);

// Checks that every span of `x` has begin <= end and, when x.document.text
// is there, lies in it (a content's parts in order inside the content), and
// that every reference (speaker entity, group, via, stance claim,
// participant) is in range. The first fault comes back as DataLoss naming
// the field by its path in the JSON record ("statements[3].content: begin
// after end"). The JSON reader refuses records that fail it; the extractor
// never returns one (its fuzz target and golden tests hold it to that).
[[nodiscard]] Status CheckExtraction(const Extraction& x);

}  // namespace hearsay

#endif  // HEARSAY_EXTRACT_H_
