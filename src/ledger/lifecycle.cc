#include "ledger/lifecycle.h"

#include <map>

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

std::string Describe(const LedgerStatement& s) {
  std::string who = s.speaker.empty() ? s.outlet : s.speaker;
  if (s.principal && !s.party.empty() && s.party != who) {
    who += " (for " + s.party + ")";
  }
  std::string out = who + " " + s.stance;
  if (!s.strength.empty()) out += " (" + s.strength + ")";
  if (!s.quote.empty()) out += ": \"" + s.quote + "\"";
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

  // Party -> its latest confirm or deny. std::map: the replay must not
  // depend on hash order.
  std::map<std::string, Effect> latest;
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
      latest[s.party.empty() ? s.speaker : s.party] = e;
      changed_inputs = true;
    }
    if (!changed_inputs) continue;
    int confirms = 0, denies = 0;
    for (const auto& [party, effect] : latest) {
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
