#include "extract/attribution_eval.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/lines.h"

namespace hearsay {
namespace {

namespace fs = std::filesystem;

using Spans = std::vector<Span>;

Result<std::string> ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return IoError(p.string() + ": cannot read");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Byte offset of every character offset (and of the end), so gold
// character spans become byte spans of the same file.
std::vector<uint32_t> CharToByte(std::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size() + 1);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

// Parses a decimal offset that fills `field` exactly.
bool Offset(std::string_view field, size_t* v) {
  auto [ptr, ec] =
      std::from_chars(field.data(), field.data() + field.size(), *v);
  return ec == std::errc() && ptr == field.data() + field.size() &&
         !field.empty();
}

}  // namespace

Result<std::vector<GoldAttribution>> ParsePolnearAnnotations(
    std::string_view ann, std::string_view text, const std::string& name) {
  const std::vector<uint32_t> c2b = CharToByte(text);
  const size_t chars = c2b.size() - 1;
  std::unordered_map<std::string, Spans> t;
  struct Event {
    std::unordered_map<std::string, std::string> roles;
    int line;
  };
  std::vector<Event> events;
  LineCursor lines(ann);
  std::string_view line;
  bool in_text = false;  // inside the covered text of a T line
  auto error_at = [&](int line_no, const std::string& what) {
    return DataLossError(name + ": line " + std::to_string(line_no) + ": " +
                         what);
  };
  auto error = [&](const std::string& what) {
    return error_at(lines.number(), what);
  };
  while (lines.Next(&line)) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      // The covered text of a span that runs over a line break goes on in
      // the next lines of the file.
      if (in_text || line.empty()) continue;
      return error("expected an id, a tab and an annotation");
    }
    in_text = false;
    std::string id(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    std::string_view field = rest.substr(0, rest.find('\t'));
    if (id.empty()) return error("an annotation without an id");
    if (id[0] == 'T') {
      // "Cue 10 20;30 40": a type, then fragments of character offsets.
      size_t sp = field.find(' ');
      if (sp == std::string_view::npos || sp == 0) {
        return error(id + ": expected a type and offsets");
      }
      Spans spans;
      std::string_view frags = field.substr(sp + 1);
      while (true) {
        size_t semi = frags.find(';');
        std::string_view frag = frags.substr(0, semi);
        size_t mid = frag.find(' ');
        size_t b = 0, e = 0;
        if (mid == std::string_view::npos || !Offset(frag.substr(0, mid), &b) ||
            !Offset(frag.substr(mid + 1), &e)) {
          return error(id + ": expected 'BEGIN END' offsets, got '" +
                       std::string(frag) + "'");
        }
        if (b > e || e > chars) {
          return error(id + ": offsets " + std::to_string(b) + "-" +
                       std::to_string(e) + " are not within the text's " +
                       std::to_string(chars) + " characters");
        }
        spans.push_back({c2b[b], c2b[e]});
        if (semi == std::string_view::npos) break;
        frags.remove_prefix(semi + 1);
      }
      t[id] = std::move(spans);
      in_text = true;
    } else if (id[0] == 'E') {
      // "Attribution:T4 Content:T3 Cue:T2 Source:T1"
      Event ev{{}, lines.number()};
      size_t i = 0;
      while (i < field.size()) {
        size_t j = field.find(' ', i);
        if (j == std::string_view::npos) j = field.size();
        std::string_view kv = field.substr(i, j - i);
        i = j + 1;
        if (kv.empty()) continue;
        size_t colon = kv.find(':');
        if (colon == std::string_view::npos || colon == 0 ||
            colon + 1 == kv.size()) {
          return error(id + ": expected ROLE:ID, got '" + std::string(kv) +
                       "'");
        }
        ev.roles[std::string(kv.substr(0, colon))] =
            std::string(kv.substr(colon + 1));
      }
      events.push_back(std::move(ev));
    } else if (id[0] != '#' && id[0] != 'A' && id[0] != 'R' && id[0] != 'N' &&
               id[0] != 'M' && id[0] != '*') {
      // Notes, attributes, relations, normalisations and equivalences say
      // nothing the score uses; anything else is not brat standoff.
      return error("unknown annotation '" + id + "'");
    }
  }
  std::vector<GoldAttribution> out;
  for (const Event& ev : events) {
    GoldAttribution g;
    for (const auto& [role, target] : ev.roles) {
      Spans* slot = role == "Source"    ? &g.source
                    : role == "Cue"     ? &g.cue
                    : role == "Content" ? &g.content
                                        : nullptr;
      if (slot == nullptr) continue;
      auto it = t.find(target);
      if (it == t.end()) {
        std::string what = role;
        what += " names " + target + ", which is not defined";
        return error_at(ev.line, what);
      }
      *slot = it->second;
    }
    if (g.cue.empty()) continue;
    out.push_back(std::move(g));
  }
  return out;
}

namespace {

bool Overlap(const Spans& a, const Spans& b) {
  for (const Span& x : a) {
    for (const Span& y : b)
      if (x.Overlaps(y)) return true;
  }
  return false;
}

// Counts characters, not bytes: UTF-8 continuation bytes are skipped.
bool HalfUnion(const Spans& a, const Spans& b, std::string_view text) {
  if (a.empty() || b.empty()) return false;
  auto covered = [](const Spans& s, uint32_t i) {
    for (const Span& x : s)
      if (x.begin <= i && i < x.end) return true;
    return false;
  };
  uint32_t lo = UINT32_MAX, hi = 0;
  for (const Spans* s : {&a, &b}) {
    for (const Span& x : *s) {
      lo = std::min(lo, x.begin);
      hi = std::max(hi, x.end);
    }
  }
  size_t inter = 0, uni = 0;
  for (uint32_t i = lo; i < hi && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    bool ia = covered(a, i), ib = covered(b, i);
    inter += ia && ib;
    uni += ia || ib;
  }
  return uni > 0 && inter * 2 >= uni;
}

void Prf(size_t tp, size_t sys, size_t gold, double* p, double* r, double* f) {
  *p = sys ? static_cast<double>(tp) / sys : 0;
  *r = gold ? static_cast<double>(tp) / gold : 0;
  *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

}  // namespace

Result<AttributionScores> EvaluatePolnear(const std::string& split_dir,
                                          const Extractor& extractor) {
  fs::path text_dir = fs::path(split_dir) / "text";
  fs::path ann_dir = fs::path(split_dir) / "attributions";
  std::error_code ec;
  if (!fs::is_directory(text_dir, ec) || !fs::is_directory(ann_dir, ec))
    return NotFoundError(split_dir + ": no text/ and attributions/ here");
  std::vector<std::string> names, anns;
  for (const auto& e : fs::directory_iterator(text_dir)) {
    if (e.path().extension() == ".txt")
      names.push_back(e.path().stem().string());
  }
  for (const auto& e : fs::directory_iterator(ann_dir))
    anns.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  std::sort(anns.begin(), anns.end());
  AttributionScores s;
  for (const std::string& n : names) {
    auto ann = std::find_if(
        anns.begin(), anns.end(),
        [&](const std::string& a) { return a.rfind(n + "_", 0) == 0; });
    if (ann == anns.end()) continue;
    Result<std::string> text = ReadAll(text_dir / (n + ".txt"));
    if (!text.ok()) return text.status();
    Result<std::string> ann_text = ReadAll(ann_dir / *ann);
    if (!ann_text.ok()) return ann_text.status();
    HEARSAY_ASSIGN_OR_RETURN(
        std::vector<GoldAttribution> gold,
        ParsePolnearAnnotations(*ann_text, *text, (ann_dir / *ann).string()));
    Document doc;
    doc.id = n;
    doc.text = std::move(*text);
    Extraction x = extractor.Extract(doc);
    ++s.documents;
    s.gold += gold.size();
    std::vector<bool> used_cue(gold.size()), used(gold.size());
    for (const Statement& st : x.statements) {
      if (st.kind == StatementKind::kReporter) continue;
      ++s.system;
      Spans cue{st.cue};
      Spans source;
      if (st.speaker.has_span) source.push_back(st.speaker.span);
      for (size_t g = 0; g < gold.size(); ++g) {
        if (used_cue[g] || !Overlap(cue, gold[g].cue)) continue;
        used_cue[g] = true;
        ++s.cue_matched;
        break;
      }
      for (size_t g = 0; g < gold.size(); ++g) {
        if (used[g] || !Overlap(cue, gold[g].cue)) continue;
        if (!gold[g].source.empty() &&
            !HalfUnion(source, gold[g].source, x.document.text))
          continue;
        used[g] = true;
        ++s.matched;
        if (Overlap(st.content_parts.empty() ? std::vector<Span>{st.content}
                                             : st.content_parts,
                    gold[g].content))
          ++s.content_matched;
        break;
      }
    }
  }
  Prf(s.cue_matched, s.system, s.gold, &s.cue_precision, &s.cue_recall,
      &s.cue_f1);
  Prf(s.matched, s.system, s.gold, &s.precision, &s.recall, &s.f1);
  s.content_overlap =
      s.matched ? static_cast<double>(s.content_matched) / s.matched : 0;
  return s;
}

}  // namespace hearsay
