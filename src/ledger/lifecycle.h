// A ClaimRecord's status, replayed from its statements in time order
// (DESIGN.md, "Claim status"). Status is a function of the statements seen
// up to a time, so the whole history is recomputed whenever a statement
// arrives, whatever order documents arrive in.
//
// What a statement does to the status is decided once, when it is stored
// (StanceEffect), from the stance, the claim's polarity and modality, and
// whether the speaker is a principal party. Pure functions, thread-safe.
#ifndef HEARSAY_LEDGER_LIFECYCLE_H_
#define HEARSAY_LEDGER_LIFECYCLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "hearsay/extract.h"
#include "hearsay/ledger.h"

namespace hearsay::ledger {

enum class Effect { kNone, kConfirm, kDeny, kNoComment };
std::string_view EffectName(Effect e);  // "", "confirm", "deny", "no_comment"
Effect ParseEffect(std::string_view name);

// What a principal's stance does to the claim. A principal asserting the
// claim as done confirms it ("announces the thing as done"); asserting its
// negation ("has no plans to") denies it; denying a negated claim confirms
// it. Hedges and a third party's words change nothing.
Effect StanceEffect(bool principal, StanceValue value, bool claim_positive,
                    Modality modality);

// True when a statement reads as an outlet withdrawing or correcting its own
// report: a deny stance whose rule or cue says so (docs/ledger.md).
bool LooksLikeRetraction(StanceValue value, std::string_view rule,
                         std::string_view cue);

struct Replay {
  ClaimStatus status = ClaimStatus::kReported;
  std::vector<StatusChange> history;
  int first_report = -1;
};

// `statements` in time order; `effects[i]` is statement i's Effect.
// Retraction candidates from any other outlet than the first report's are
// cleared (an outlet can withdraw only its own report).
Replay ReplayStatus(std::vector<LedgerStatement>& statements,
                    const std::vector<Effect>& effects);

}  // namespace hearsay::ledger

#endif  // HEARSAY_LEDGER_LIFECYCLE_H_
