#include "extract/attribution_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hearsay {
namespace {

namespace fs = std::filesystem;

using Spans = std::vector<Span>;

struct GoldAttribution {
  Spans source, cue, content;
};

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

// "Source 10 20;30 40" -> spans (after the type word).
Spans ParseSpans(std::string_view field, const std::vector<uint32_t>& c2b) {
  Spans out;
  size_t sp = field.find(' ');
  if (sp == std::string_view::npos) return out;
  std::string rest(field.substr(sp + 1));
  std::istringstream parts(rest);
  std::string part;
  while (std::getline(parts, part, ';')) {
    std::istringstream nums(part);
    size_t b = 0, e = 0;
    if (!(nums >> b >> e)) continue;
    b = std::min(b, c2b.size() - 1);
    e = std::min(e, c2b.size() - 1);
    out.push_back({c2b[b], c2b[e]});
  }
  return out;
}

std::vector<GoldAttribution> ParseAnn(std::string_view ann,
                                      const std::vector<uint32_t>& c2b) {
  std::unordered_map<std::string, Spans> t;
  std::vector<std::unordered_map<std::string, std::string>> events;
  size_t pos = 0;
  while (pos < ann.size()) {
    size_t nl = ann.find('\n', pos);
    if (nl == std::string_view::npos) nl = ann.size();
    std::string_view line = ann.substr(pos, nl - pos);
    pos = nl + 1;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string id(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    size_t tab2 = rest.find('\t');
    std::string_view field = rest.substr(0, tab2);
    if (!id.empty() && id[0] == 'T') {
      t[id] = ParseSpans(field, c2b);
    } else if (!id.empty() && id[0] == 'E') {
      std::unordered_map<std::string, std::string> roles;
      std::istringstream in{std::string(field)};
      std::string kv;
      while (in >> kv) {
        size_t colon = kv.find(':');
        if (colon != std::string::npos)
          roles[kv.substr(0, colon)] = kv.substr(colon + 1);
      }
      events.push_back(std::move(roles));
    }
  }
  std::vector<GoldAttribution> out;
  for (auto& roles : events) {
    auto get = [&](const char* k) -> Spans {
      auto r = roles.find(k);
      if (r == roles.end()) return {};
      auto s = t.find(r->second);
      return s == t.end() ? Spans{} : s->second;
    };
    GoldAttribution g{get("Source"), get("Cue"), get("Content")};
    if (g.cue.empty()) continue;
    out.push_back(std::move(g));
  }
  return out;
}

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
    std::vector<uint32_t> c2b = CharToByte(*text);
    std::vector<GoldAttribution> gold = ParseAnn(*ann_text, c2b);
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
        if (Overlap({st.content}, gold[g].content)) ++s.content_matched;
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
