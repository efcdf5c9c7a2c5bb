#include "ledger/lifecycle.h"

#include <map>
#include <optional>

#include "ledger/time.h"

namespace hearsay::ledger {

std::string_view EffectName(Effect e) {
  switch (e) {
    case Effect::kConfirm:
      return "confirm";
    case Effect::kDeny:
      return "deny";
    case Effect::kNoComment:
      return "no_comment";
    case Effect::kNone:
      break;
  }
  return "";
}

Effect ParseEffect(std::string_view name) {
  if (name == "confirm") return Effect::kConfirm;
  if (name == "deny") return Effect::kDeny;
  if (name == "no_comment") return Effect::kNoComment;
  return Effect::kNone;
}

Effect StanceEffect(bool principal, StanceValue value, bool positive,
                    Modality modality) {
  if (!principal) return Effect::kNone;
  switch (value) {
    case StanceValue::kConfirm:
      return positive ? Effect::kConfirm : Effect::kDeny;
    case StanceValue::kDeny:
      return positive ? Effect::kDeny : Effect::kConfirm;
    case StanceValue::kNoComment:
      return Effect::kNoComment;
    case StanceValue::kAssert:
      if (modality != Modality::kAsserted && modality != Modality::kFuture) {
        return Effect::kNone;
      }
      return positive ? Effect::kConfirm : Effect::kDeny;
    case StanceValue::kHedge:
      return Effect::kNone;
  }
  return Effect::kNone;
}

namespace {

bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size()) {
      char c = hay[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return true;
  }
  return false;
}

}  // namespace

bool LooksLikeRetraction(StanceValue value, std::string_view rule,
                         std::string_view cue) {
  if (value != StanceValue::kDeny) return false;
  for (std::string_view word : {"retract", "correct", "withdr"}) {
    if (ContainsNoCase(rule, word) || ContainsNoCase(cue, word)) return true;
  }
  return false;
}

namespace {

ClaimStatus Decide(bool retracted, int confirms, int denies) {
  if (retracted && confirms == 0) return ClaimStatus::kRetracted;
  if (confirms > 0 && denies > 0) return ClaimStatus::kDisputed;
  if (confirms > 0) return ClaimStatus::kConfirmed;
  if (denies > 0) return ClaimStatus::kDenied;
  return ClaimStatus::kReported;
}

// When a statement was made, for ordering one party's answers: the day its
// article gives, when before the article's own ("On April 7, Oduya told
// investors"); else the article's time. `known` is false for an undated
// article; `before` for a statement the article retells without a date
// (made at some time before it, so it cannot be shown to come after any
// answer already known).
struct When {
  bool known = false;
  bool exact = false;  // a time of day, not only a day
  bool before = false;
  int64_t seconds = 0;
};

constexpr int64_t kDay = 86400;

// The start of the UTC day holding `seconds` (before 1970 too).
int64_t DayStart(int64_t seconds) {
  const int64_t r = seconds % kDay;
  return seconds - (r < 0 ? r + kDay : r);
}

When WhenMade(const LedgerStatement& s) {
  When w;
  std::optional<int64_t> pub = ParseTime(s.published);
  if (!s.said_on.empty()) {
    std::optional<int64_t> said = ParseTime(s.said_on);
    if (said && (!pub || *said < DayStart(*pub))) {
      w.known = true;
      w.seconds = *said;
      return w;
    }
  }
  if (pub) {
    w.known = true;
    w.exact = true;
    w.seconds = *pub;
  }
  w.before = s.retold;
  return w;
}

// Whether an answer made at `next` supersedes the party's answer made at
// `last`. Answers of unknown time keep the order the ledger read them in;
// two on one day, where one has no time of day, too.
bool Supersedes(const When& next, const When& last) {
  if (next.before) return false;
  if (!next.known || !last.known) return true;
  const int64_t a = DayStart(next.seconds), b = DayStart(last.seconds);
  if (a != b) return a > b;
  return !next.exact || !last.exact || next.seconds >= last.seconds;
}

std::string Describe(const LedgerStatement& s) {
  std::string who = s.speaker.empty() ? s.outlet : s.speaker;
  if (s.principal && !s.party.empty() && s.party != who) {
    who += " (for " + s.party + ")";
  }
  std::string out = who + " " + s.stance;
  if (!s.strength.empty()) out += " (" + s.strength + ")";
  if (!s.quote.empty()) out += ": \"" + s.quote + "\"";
  if (s.retold && !s.said_on.empty()) out += " (said " + s.said_on + ")";
  return out;
}

}  // namespace

Replay ReplayStatus(std::vector<LedgerStatement>& statements,
                    const std::vector<Effect>& effects) {
  Replay r;
  if (statements.empty()) return r;
  // The first report: in the earliest document, the first statement that
  // puts the claim forward rather than answers it.
  int64_t first_doc = statements[0].document;
  for (size_t i = 0; i < statements.size(); ++i) {
    const LedgerStatement& s = statements[i];
    if (s.document != first_doc) break;
    if (!s.principal && s.stance != "deny" && s.stance != "no_comment") {
      r.first_report = static_cast<int>(i);
      break;
    }
  }
  if (r.first_report < 0) r.first_report = 0;
  const std::string& origin = statements[r.first_report].outlet;

  // Party -> its latest confirm or deny, and when it was made. std::map: the
  // replay must not depend on hash order.
  std::map<std::string, std::pair<Effect, When>> latest;
  bool retracted = false;
  const LedgerStatement& first = statements[r.first_report];
  r.history.push_back(
      {ClaimStatus::kReported, first.published, r.first_report,
       "first reported by " +
           (first.outlet.empty() ? std::string("an unknown outlet")
                                 : first.outlet) +
           " (" + first.sourcing + ")"});
  ClaimStatus status = ClaimStatus::kReported;
  for (size_t i = 0; i < statements.size(); ++i) {
    LedgerStatement& s = statements[i];
    if (s.retraction && s.outlet != origin) s.retraction = false;
    bool changed_inputs = false;
    if (s.retraction) {
      retracted = true;
      changed_inputs = true;
    }
    Effect e = i < effects.size() ? effects[i] : Effect::kNone;
    // A no_comment is recorded but neither denies nor withdraws an earlier
    // confirmation or denial by the same party.
    if (s.principal && (e == Effect::kConfirm || e == Effect::kDeny)) {
      // An answer retold after a later one ("On April 7, Oduya told
      // investors there were no discussions", in the article announcing
      // the deal) does not undo it: each party's latest answer is the one
      // made last, not the one read last.
      const When made = WhenMade(s);
      auto [at, fresh] =
          latest.try_emplace(s.party.empty() ? s.speaker : s.party, e, made);
      if (fresh || Supersedes(made, at->second.second)) {
        at->second = {e, made};
        changed_inputs = true;
      }
    }
    if (!changed_inputs) continue;
    int confirms = 0, denies = 0;
    for (const auto& [party, answer] : latest) {
      const Effect effect = answer.first;
      confirms += effect == Effect::kConfirm;
      denies += effect == Effect::kDeny;
    }
    ClaimStatus next = Decide(retracted, confirms, denies);
    if (next != status) {
      std::string reason = Describe(s);
      if (s.retraction) reason = s.outlet + " withdrew its report: " + reason;
      r.history.push_back({next, s.published, static_cast<int>(i), reason});
      status = next;
    }
  }
  r.status = status;
  return r;
}

}  // namespace hearsay::ledger
