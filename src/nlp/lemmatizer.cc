#include "nlp/lemmatizer.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/ascii.h"
#include "nlp/features.h"
#include "nlp/model_file.h"

namespace hearsay::nlp {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    size_t t = line.find('\t');
    out.push_back(line.substr(0, t));
    if (t == std::string_view::npos) break;
    line.remove_prefix(t + 1);
  }
  return out;
}

bool HasUpper(std::string_view s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

}  // namespace

uint64_t Lemmatizer::Key(std::string_view a, std::string_view b) {
  return KeyOf(StringHash(a), StringHash(b));
}

uint64_t Lemmatizer::KeyOf(uint64_t hash_a, uint64_t hash_b) {
  return Feat(0x4c454d, hash_a, hash_b);
}

Lemmatizer::Rule Lemmatizer::Derive(std::string_view form,
                                    std::string_view lemma) {
  std::string lower;
  LowerAscii(form, lower);
  auto lcp = [&](std::string_view a) {
    size_t k = 0;
    while (k < a.size() && k < lemma.size() && a[k] == lemma[k]) ++k;
    return k;
  };
  size_t keep_lcp = lcp(form), lower_lcp = lcp(lower);
  Rule r;
  r.lower = !(keep_lcp > lower_lcp);
  size_t k = r.lower ? lower_lcp : keep_lcp;
  r.strip = static_cast<uint8_t>(std::min<size_t>(form.size() - k, 255));
  r.append = std::string(lemma.substr(k));
  return r;
}

bool Lemmatizer::Apply(const Rule& r, std::string_view form, std::string& out) {
  if (r.strip > form.size()) return false;
  // Rules count bytes: one learned on ASCII ("cats" -> "cat") would cut a
  // character in two ("\u00bd" tagged NNS), and the lemma would not be UTF-8.
  size_t cut = form.size() - r.strip;
  if (cut < form.size() &&
      (static_cast<unsigned char>(form[cut]) & 0xC0) == 0x80)
    return false;
  if (r.lower) {
    LowerAscii(form.substr(0, form.size() - r.strip), out);
  } else {
    out.assign(form.substr(0, form.size() - r.strip));
  }
  out += r.append;
  return !out.empty();
}

Lemmatizer Lemmatizer::Train(const std::vector<Example>& examples) {
  // Distinct (form, xpos) types with their most frequent lemma.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>>
      types;
  for (const Example& e : examples) {
    if (e.lemma.empty() || e.lemma == "_") continue;
    ++types[{std::string(e.form), std::string(e.xpos)}][std::string(e.lemma)];
  }
  // (xpos, suffix) -> rule text -> count of types.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>>
      counts;
  auto rule_text = [](const Rule& r) {
    return std::string(r.lower ? "1" : "0") + "\t" + std::to_string(r.strip) +
           "\t" + r.append;
  };
  std::vector<std::tuple<std::string, std::string, std::string>> best_lemma;
  for (const auto& [key, lemmas] : types) {
    const std::string& form = key.first;
    std::string lemma;
    int best = -1;
    for (const auto& [l, n] : lemmas) {
      if (n > best) best = n, lemma = l;
    }
    best_lemma.emplace_back(form, key.second, lemma);
    Rule r = Derive(form, lemma);
    std::string lower;
    LowerAscii(form, lower);
    std::string text = rule_text(r);
    // A rule is kept under the suffixes that hold what it rewrites: "ppl"
    // -> "people" (strip 2, append "eople") says nothing about other words
    // ending in "l" ("mill" tagged as a plural became "mieople").
    for (size_t k = r.strip; k <= std::min(kMaxSuffix, lower.size()); ++k) {
      ++counts[{key.second, lower.substr(lower.size() - k)}][text];
    }
  }
  Lemmatizer lem;
  for (const auto& [key, rules] : counts) {
    const std::string* best = nullptr;
    int n = 0;
    for (const auto& [text, c] : rules) {
      if (c > n) n = c, best = &text;
    }
    // A suffix seen on one word only says nothing about unseen words.
    if (!key.second.empty() && n < 2) continue;
    std::string line = key.first + "\t" + key.second + "\t" + *best;
    lem.rule_lines_.push_back(line);
  }
  std::set<std::string> vocabulary;
  for (const auto& [form, xpos, lemma] : best_lemma) {
    std::string lower;
    LowerAscii(lemma, lower);
    vocabulary.insert(lower);
  }
  std::string rules_text, vocabulary_text;
  for (const auto& l : lem.rule_lines_) rules_text += l + "\n";
  for (const auto& l : vocabulary) vocabulary_text += l + "\n";
  Result<Lemmatizer> parsed = Parse(rules_text, "", vocabulary_text);
  Lemmatizer out = std::move(*parsed);
  for (const auto& [form, xpos, lemma] : best_lemma) {
    std::string got;
    if (out.ByRules(form, xpos, got) && got == lemma) continue;
    out.exception_lines_.push_back(form + "\t" + xpos + "\t" + lemma);
    out.exceptions_[Key(form, xpos)] = lemma;
  }
  return out;
}

Result<Lemmatizer> Lemmatizer::Parse(std::string_view rules,
                                     std::string_view exceptions,
                                     std::string_view vocabulary) {
  Lemmatizer lem;
  for (const std::string& line : SplitLines(vocabulary)) {
    lem.vocabulary_.insert(StringHash(line));
    lem.vocabulary_lines_.push_back(line);
  }
  for (const std::string& line : SplitLines(rules)) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 5) return DataLossError("bad lemma rule: " + line);
    Rule r;
    r.lower = f[2] == "1";
    int strip = 0;
    std::from_chars(f[3].data(), f[3].data() + f[3].size(), strip);
    r.strip = static_cast<uint8_t>(strip);
    r.append = std::string(f[4]);
    lem.rules_[Key(f[0], f[1])] = std::move(r);
    lem.rule_lines_.push_back(line);
  }
  for (const std::string& line : SplitLines(exceptions)) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 3) return DataLossError("bad lemma exception: " + line);
    lem.exceptions_[Key(f[0], f[1])] = std::string(f[2]);
    lem.exception_lines_.push_back(line);
  }
  return lem;
}

void Lemmatizer::Serialize(std::string* rules, std::string* exceptions,
                           std::string* vocabulary) const {
  rules->clear();
  exceptions->clear();
  vocabulary->clear();
  for (const auto& l : rule_lines_) *rules += l + "\n";
  for (const auto& l : exception_lines_) *exceptions += l + "\n";
  for (const auto& l : vocabulary_lines_) *vocabulary += l + "\n";
}

Status Lemmatizer::LoadOverrides(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot open lemma lexicon");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line == "form\tupos\tlemma") continue;  // the column header
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 3) {
      return DataLossError(path + ": line " + std::to_string(n) +
                           ": expected form<TAB>upos<TAB>lemma");
    }
    overrides_[Key(f[0], f[1])] = std::string(f[2]);
  }
  return Status::Ok();
}

bool Lemmatizer::ByRules(std::string_view form, std::string_view xpos,
                         std::string& out) const {
  return ByRules(form, StringHash(xpos), out);
}

bool Lemmatizer::ByRules(std::string_view form, uint64_t xpos_hash,
                         std::string& out) const {
  // Longest known suffix first; the empty suffix is the tag's default rule.
  char buf[kMaxSuffix];
  size_t n = std::min(kMaxSuffix, form.size());
  for (size_t i = 0; i < n; ++i) {
    char c = form[form.size() - n + i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  // The longest suffix's lemma, unless it is unknown and a shorter
  // suffix's rule rewrites the form into a known one. (Not the form kept
  // as it is: "certified" is a known adjective, but the verb's lemma is
  // "certify".)
  std::string longest;
  bool found = false;
  for (size_t k = n + 1; k-- > 0;) {
    auto it = rules_.find(
        KeyOf(xpos_hash, StringHash(std::string_view(buf + n - k, k))));
    if (it == rules_.end() || !Apply(it->second, form, out)) continue;
    if (vocabulary_.empty()) return true;
    if (!found) {
      found = true;
      longest = out;
      if (Known(out)) return true;
      continue;
    }
    if (Known(out) && !EqualsIgnoreCase(out, form)) return true;
  }
  if (!found) return false;
  // "declining" -> "declin" under "-ing", which most words in training
  // take whole ("-eing" is rare): the known lemma with the "e" back.
  out = std::move(longest);
  if (out.size() >= 3 && out.back() != 'e' && !EqualsIgnoreCase(out, form)) {
    out += 'e';
    if (Known(out)) return true;
    out.pop_back();
  }
  return true;
}

bool Lemmatizer::Known(std::string_view lemma) const {
  if (!HasUpper(lemma)) return vocabulary_.contains(StringHash(lemma));
  std::string lower;
  LowerAscii(lemma, lower);
  return vocabulary_.contains(StringHash(lower));
}

void Lemmatizer::Lemmatize(std::string_view form, std::string_view upos,
                           std::string_view xpos, std::string& out) const {
  std::string lower;
  LowerAscii(form, lower);
  Lemmatize(
      form, upos, xpos,
      {StringHash(form), StringHash(lower), StringHash(upos), StringHash(xpos)},
      out);
}

void Lemmatizer::Lemmatize(std::string_view form, std::string_view upos,
                           std::string_view xpos, const Hashes& h,
                           std::string& out) const {
  if (!overrides_.empty()) {
    static const uint64_t kAnyTag = StringHash("*");
    auto it = overrides_.find(KeyOf(h.form, h.upos));
    if (it == overrides_.end()) it = overrides_.find(KeyOf(h.form, kAnyTag));
    if (it != overrides_.end()) {
      out = it->second;
      return;
    }
  }
  auto it = exceptions_.find(KeyOf(h.form, h.xpos));
  if (it != exceptions_.end()) {
    out = it->second;
    return;
  }
  if (HasUpper(form) && upos != "PROPN") {
    it = exceptions_.find(KeyOf(h.lower, h.xpos));
    if (it != exceptions_.end()) {
      out = it->second;
      return;
    }
  }
  if (ByRules(form, h.xpos, out)) return;
  out.assign(form);
}

}  // namespace hearsay::nlp
