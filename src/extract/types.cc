// Names and parsers for the enums of hearsay/extract.h: the words that
// appear in hearsay.extract/1 records.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "hearsay/extract.h"

namespace hearsay {
namespace {

template <typename E, size_t N>
Result<E> ParseName(std::string_view name,
                    const std::array<std::string_view, N>& names,
                    std::string_view what) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  std::string message = "unknown " + std::string(what) + " \"" +
                        std::string(name.substr(0, 40)) + "\" (expected one of";
  for (size_t i = 0; i < N; ++i) {
    if (names[i].empty()) continue;
    message += " ";
    message += names[i];
  }
  message += ")";
  return InvalidArgumentError(std::move(message));
}

// Indexed by the enum's value; the order must follow the declarations.
constexpr std::array<std::string_view, 10> kEntityTypeNames = {
    "PERSON", "ORG", "PLACE", "MISC",    "OUTLET",
    "GOV",    "GPE", "LOC",   "PRODUCT", "EVENT"};
constexpr std::array<std::string_view, 6> kStatementKindNames = {
    "direct", "partial", "indirect", "according_to", "report", "reporter"};
constexpr std::array<std::string_view, 5> kStanceValueNames = {
    "confirm", "deny", "no_comment", "assert", "hedge"};
constexpr std::array<std::string_view, 3> kStrengthNames = {"", "flat",
                                                            "qualified"};
constexpr std::array<std::string_view, 5> kModalityNames = {
    "asserted", "reported", "hedged", "speculative", "future"};

}  // namespace

std::string_view EntityTypeName(EntityType t) {
  return kEntityTypeNames[static_cast<size_t>(t)];
}
Result<EntityType> ParseEntityType(std::string_view name) {
  return ParseName<EntityType>(name, kEntityTypeNames, "entity type");
}
EntityType CoarseType(EntityType t) {
  switch (t) {
    case EntityType::kOutlet:
    case EntityType::kGov:
      return EntityType::kOrg;
    case EntityType::kGpe:
    case EntityType::kLoc:
      return EntityType::kPlace;
    case EntityType::kProduct:
    case EntityType::kEvent:
      return EntityType::kMisc;
    default:
      return t;
  }
}

std::string_view StatementKindName(StatementKind k) {
  return kStatementKindNames[static_cast<size_t>(k)];
}
Result<StatementKind> ParseStatementKind(std::string_view name) {
  return ParseName<StatementKind>(name, kStatementKindNames, "statement kind");
}

std::string_view StanceValueName(StanceValue v) {
  return kStanceValueNames[static_cast<size_t>(v)];
}
Result<StanceValue> ParseStanceValue(std::string_view name) {
  return ParseName<StanceValue>(name, kStanceValueNames, "stance value");
}

std::string_view StrengthName(Strength s) {
  return kStrengthNames[static_cast<size_t>(s)];
}
Result<Strength> ParseStrength(std::string_view name) {
  return ParseName<Strength>(name, kStrengthNames, "denial strength");
}

std::string_view ModalityName(Modality m) {
  return kModalityNames[static_cast<size_t>(m)];
}
Result<Modality> ParseModality(std::string_view name) {
  return ParseName<Modality>(name, kModalityNames, "modality");
}

std::string_view PredicateWord(std::string_view predicate) {
  constexpr std::string_view kOther = "other:";
  return predicate.starts_with(kOther) ? predicate.substr(kOther.size())
                                       : predicate;
}

std::string ContentText(std::string_view text, const Statement& s) {
  auto in_text = [&](const Span& p) {
    return p.begin <= p.end && p.end <= text.size();
  };
  if (text.empty() || !in_text(s.content)) return s.content_text;
  if (s.content_parts.empty()) return std::string(s.content.Slice(text));
  // (" … " where words were left out between two pieces; a space where
  // only a paragraph's break and quotation marks were.)
  std::string out;
  const Span* prev = nullptr;
  for (const Span& p : s.content_parts) {
    if (!in_text(p)) return s.content_text;
    if (prev) {
      const std::string_view gap =
          prev->end <= p.begin ? text.substr(prev->end, p.begin - prev->end)
                               : std::string_view();
      const bool words = std::any_of(gap.begin(), gap.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0;
      });
      out += words ? " \u2026 " : " ";
    }
    out += p.Slice(text);
    prev = &p;
  }
  return out;
}

bool InContent(const Statement& s, const Span& span) {
  if (s.content_parts.empty()) return s.content.Contains(span);
  for (const Span& p : s.content_parts)
    if (p.Contains(span)) return true;
  return false;
}

std::vector<bool> RelayedByUnnamedSources(
    const std::vector<Statement>& statements) {
  std::vector<bool> relayed(statements.size(), false);
  for (size_t i = 0; i < statements.size(); ++i) {
    const Statement& o = statements[i];
    // (The writer's own voice and an outlet's report name who speaks.)
    if (o.kind == StatementKind::kReporter ||
        o.kind == StatementKind::kReport || o.speaker.entity >= 0 ||
        !o.speaker.entities.empty() || o.speaker.name.empty())
      continue;
    for (size_t j = 0; j < statements.size(); ++j)
      if (j != i && InContent(o, statements[j].cue)) relayed[j] = true;
  }
  return relayed;
}

}  // namespace hearsay
