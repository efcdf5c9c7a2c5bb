#include "text/resources.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <sstream>

#include "core/lines.h"

namespace hearsay::embedded {
extern const std::string_view kAbbreviations;
extern const std::string_view kTokenization;
extern const std::string_view kSentenceModel;
extern const std::string_view kSentenceStarters;
extern const std::string_view kNonFinalWords;
}  // namespace hearsay::embedded

namespace hearsay::text_internal {
namespace {

// Splits `tsv` into non-comment lines of tab-separated fields and calls
// fn(fields, line_number); stops at the first error.
template <typename Fn>
Status ForEachRow(std::string_view tsv, std::string_view name, Fn fn) {
  LineCursor lines(tsv);
  std::string_view line;
  while (lines.Next(&line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string_view fields[4];
    int n = 0;
    size_t start = 0;
    while (n < 4) {
      size_t tab = line.find('\t', start);
      fields[n++] = line.substr(start, tab == std::string_view::npos
                                           ? std::string_view::npos
                                           : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    Status s = fn(fields, n);
    if (!s.ok()) {
      return DataLossError(std::string(name) + ": line " +
                           std::to_string(lines.number()) + ": " + s.message());
    }
  }
  return Status::Ok();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Result<std::string> ReadIfExists(const std::string& path, bool* found) {
  std::ifstream in(path, std::ios::binary);
  *found = static_cast<bool>(in);
  if (!in) return std::string();
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return ss.str();
}

Status LoadEmbedded(Resources& r) {
  HEARSAY_RETURN_IF_ERROR(
      r.AddAbbreviations(embedded::kAbbreviations, "abbreviations.tsv"));
  HEARSAY_RETURN_IF_ERROR(
      r.AddTokenization(embedded::kTokenization, "tokenization.tsv"));
  HEARSAY_RETURN_IF_ERROR(r.AddSentenceStarters(embedded::kSentenceStarters,
                                                "sentence_starters.tsv"));
  HEARSAY_RETURN_IF_ERROR(
      r.AddNonFinalWords(embedded::kNonFinalWords, "non_final_words.tsv"));
  HEARSAY_ASSIGN_OR_RETURN(r.sentence_model,
                           SentenceModel::Parse(embedded::kSentenceModel));
  return Status::Ok();
}

}  // namespace

std::string_view LowerAscii(std::string_view s, char* buf, size_t cap) {
  if (s.size() > cap) return {};
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buf, s.size());
}

Status Resources::AddAbbreviations(std::string_view tsv,
                                   std::string_view name) {
  return ForEachRow(tsv, name, [&](std::string_view* f, int n) -> Status {
    if (n != 3) return DataLossError("expected form, kind, case");
    if (f[0].size() < 2 || f[0].back() != '.') {
      return DataLossError("form must end with a period");
    }
    Abbreviation a;
    if (f[1] == "title") {
      a.kind = AbbrevKind::kTitle;
    } else if (f[1] == "month") {
      a.kind = AbbrevKind::kMonth;
    } else if (f[1] == "number") {
      a.kind = AbbrevKind::kNumber;
    } else if (f[1] == "other") {
      a.kind = AbbrevKind::kOther;
    } else if (f[1] == "place_title") {
      a.kind = AbbrevKind::kOther;
      a.also_title = true;
    } else {
      return DataLossError("unknown kind '" + std::string(f[1]) + "'");
    }
    if (f[2] == "cap") {
      a.needs_capital = true;
    } else if (f[2] != "any") {
      return DataLossError("case must be any or cap");
    }
    abbreviations[Lower(f[0])] = a;
    return Status::Ok();
  });
}

Status Resources::AddTokenization(std::string_view tsv, std::string_view name) {
  return ForEachRow(tsv, name, [&](std::string_view* f, int n) -> Status {
    if (n < 2 || f[1].empty()) return DataLossError("expected kind and entry");
    std::string_view value = n >= 3 ? f[2] : std::string_view();
    if (f[0] == "prefix") {
      hyphen_prefixes.insert(Lower(f[1]));
    } else if (f[0] == "unit") {
      units.insert(Lower(f[1]));
    } else if (f[0] == "emoticon") {
      emoticons.insert(std::string(f[1]));
      longest_emoticon = std::max(longest_emoticon, f[1].size());
    } else if (f[0] == "multiword") {
      std::vector<uint8_t> lengths;
      std::string joined;
      size_t start = 0;
      while (start <= value.size()) {
        size_t sp = value.find(' ', start);
        if (sp == std::string_view::npos) sp = value.size();
        if (sp == start || sp - start > 255) {
          return DataLossError("words must be non-empty and single-spaced");
        }
        lengths.push_back(static_cast<uint8_t>(sp - start));
        joined += value.substr(start, sp - start);
        start = sp + 1;
      }
      if (lengths.size() < 2 || Lower(joined) != Lower(f[1])) {
        return DataLossError("the words of '" + std::string(f[1]) +
                             "' must spell it");
      }
      multiwords[Lower(f[1])] = std::move(lengths);
      shortest_multiword = std::min(shortest_multiword, f[1].size());
      longest_multiword = std::max(longest_multiword, f[1].size());
      uint32_t bit = FilterBit(Lower(f[1]));
      multiword_filter[bit >> 6] |= uint64_t{1} << (bit & 63);
      multiword_ends[EndsRow(f[1].size())][f[1].front() & 31] |=
          uint32_t{1} << (f[1].back() & 31);
    } else {
      return DataLossError("unknown kind '" + std::string(f[0]) + "'");
    }
    return Status::Ok();
  });
}

Status Resources::AddSentenceStarters(std::string_view tsv,
                                      std::string_view name) {
  return ForEachRow(tsv, name, [&](std::string_view* f, int n) -> Status {
    if (n != 1 || f[0].empty()) return DataLossError("expected one word");
    sentence_starters.insert(Lower(f[0]));
    return Status::Ok();
  });
}

Status Resources::AddNonFinalWords(std::string_view tsv,
                                   std::string_view name) {
  Status s = ForEachRow(tsv, name, [&](std::string_view* f, int n) -> Status {
    if (n != 1 || f[0].empty()) return DataLossError("expected one word");
    non_final_words.Insert(WordKey(Lower(f[0])));
    return Status::Ok();
  });
  return s;
}

void WordKeySet::Insert(uint64_t key) {
  if (Contains(key)) return;
  if ((size_ + 1) * 8 > slots_.size()) {
    std::vector<uint64_t> old;
    old.swap(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), 0);
    size_ = 0;
    for (uint64_t k : old) {
      if (k != 0) Insert(k);
    }
  }
  const size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = key;
  ++size_;
}

std::shared_ptr<const Resources> DefaultResources() {
  static const std::shared_ptr<const Resources> kDefault = [] {
    auto r = std::make_shared<Resources>();
    Status s = LoadEmbedded(*r);
    // The embedded files are checked by the tests; a failure is a build bug.
    assert(s.ok());
    s.IgnoreError();
    return std::shared_ptr<const Resources>(std::move(r));
  }();
  return kDefault;
}

Result<std::shared_ptr<const Resources>> LoadResources(const std::string& dir) {
  auto r = std::make_shared<Resources>();
  HEARSAY_RETURN_IF_ERROR(LoadEmbedded(*r));
  if (!dir.empty()) {
    bool found = false;
    std::string path = dir + "/abbreviations.tsv";
    HEARSAY_ASSIGN_OR_RETURN(std::string abbr, ReadIfExists(path, &found));
    if (found) HEARSAY_RETURN_IF_ERROR(r->AddAbbreviations(abbr, path));
    path = dir + "/tokenization.tsv";
    HEARSAY_ASSIGN_OR_RETURN(std::string tok, ReadIfExists(path, &found));
    if (found) HEARSAY_RETURN_IF_ERROR(r->AddTokenization(tok, path));
    path = dir + "/sentence_starters.tsv";
    HEARSAY_ASSIGN_OR_RETURN(std::string st, ReadIfExists(path, &found));
    if (found) HEARSAY_RETURN_IF_ERROR(r->AddSentenceStarters(st, path));
    path = dir + "/non_final_words.tsv";
    HEARSAY_ASSIGN_OR_RETURN(std::string nf, ReadIfExists(path, &found));
    if (found) HEARSAY_RETURN_IF_ERROR(r->AddNonFinalWords(nf, path));
  }
  return std::shared_ptr<const Resources>(std::move(r));
}

}  // namespace hearsay::text_internal
