#include "nlp/ner.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "nlp/parser.h"
#include "nlp/word_classes.h"

namespace hearsay::nlp {
namespace {

constexpr int kClasses = 1 + 4 * static_cast<int>(kEntityTypes.size());
constexpr int kMaxFeatures = 96;
// Features of the parse tree (a name's relation, its governor, its case
// marker). Off: with predicted trees they cost about one point of F1 on GUM
// dev, whether the model is trained on gold or on predicted trees.
constexpr bool kTreeFeatures = false;
enum Part { kB = 0, kI = 1, kL = 2, kU = 3 };

int ClassOf(int type, int part) { return 1 + 4 * type + part; }
int PartOf(int c) { return (c - 1) % 4; }
int TypeOf(int c) { return (c - 1) / 4; }

int TypeIndex(std::string_view gum_type) {
  if (gum_type == "person") return 0;
  if (gum_type == "organization") return 1;
  if (gum_type == "place") return 2;
  return 3;
}

void ValidAfter(int prev, bool last, bool* valid) {
  bool open = prev > 0 && (PartOf(prev) == kB || PartOf(prev) == kI);
  for (int c = 0; c < kClasses; ++c) {
    if (c == 0) {
      valid[c] = !open;
      continue;
    }
    int part = PartOf(c);
    if (open) {
      valid[c] =
          TypeOf(c) == TypeOf(prev) && (part == kL || (part == kI && !last));
    } else {
      valid[c] = part == kU || (part == kB && !last);
    }
  }
}

struct Context {
  const std::vector<WordFeatures>* words;
  const std::vector<uint64_t>* upos;
  const std::vector<uint64_t>* tags;
  const std::vector<int>* heads;
  const std::vector<uint64_t>* rels;
  std::vector<int> run_first, run_last;  // PROPN run around each word, or -1
  std::vector<int> run_head;         // the word of the run (or the word itself)
                                     // whose head lies outside it
  std::vector<uint64_t> case_child;  // lower form of a `case` dependent
  const Gazetteer* gaz = nullptr;
  std::vector<uint8_t> gkind, gpart;  // Gazetteer::Match of the sentence
  // Word classes (feature set 2): per level, each word's class + 16 (clear
  // of the padding values), kNone when the word has none.
  const WordClasses* classes = nullptr;
  int levels = 0;
  std::vector<uint64_t> cls[WordClasses::kMaxLevels];
};

// The sentence's matches in the name lists and its words' classes.
void MatchGazetteer(Context& c) {
  if (c.gaz) {
    c.gaz->Match(*c.words, c.gkind, c.gpart);
  } else {
    c.gkind.assign(c.words->size(), 0);
    c.gpart.assign(c.words->size(), 0);
  }
  c.levels = c.classes ? c.classes->levels() : 0;
  const auto& w = *c.words;
  for (int l = 0; l < c.levels; ++l) c.cls[l].resize(w.size());
  for (size_t i = 0; i < w.size() && c.levels > 0; ++i) {
    const WordClasses::Ids* ids = c.classes->Find(w[i].form, w[i].lower);
    for (int l = 0; l < c.levels; ++l) {
      c.cls[l][i] = ids ? (*ids)[l] + 16u : kNone;
    }
  }
}

// Class of word k at `level`, with the padding values outside the sentence.
uint64_t ClassAt(const Context& c, int level, int k) {
  if (k < 0) return kPadBefore;
  if (k >= static_cast<int>(c.words->size())) return kPadAfter;
  return c.cls[level][k];
}

void Runs(const std::vector<char>& propn, Context& c) {
  int n = static_cast<int>(propn.size());
  static const uint64_t kCase = StringHash("case");
  c.case_child.assign(n, kNone);
  for (int i = 0; i < n; ++i) {
    int h = (*c.heads)[i];
    if (h > 0 && h <= n && (*c.rels)[i] == kCase &&
        c.case_child[h - 1] == kNone) {
      c.case_child[h - 1] = (*c.words)[i].lower;
    }
  }
  c.run_head.resize(n);
  for (int i = 0; i < n; ++i) c.run_head[i] = i;
  c.run_first.assign(n, -1);
  c.run_last.assign(n, -1);
  for (int i = 0; i < n;) {
    if (!propn[i]) {
      ++i;
      continue;
    }
    int j = i;
    while (j + 1 < n && propn[j + 1]) ++j;
    int head = i;
    for (int k = i; k <= j; ++k) {
      int h = (*c.heads)[k];
      if (h < i + 1 || h > j + 1) {
        head = k;
        break;
      }
    }
    for (int k = i; k <= j; ++k) {
      c.run_first[k] = i, c.run_last[k] = j, c.run_head[k] = head;
    }
    i = j + 1;
  }
}

// Which features to produce: those that do not depend on the previous
// labels are scored for the whole sentence at once.
enum class Which { kAll, kStatic, kDynamic };

// A template, so that each part computes only its own hashes.
template <Which part>
size_t FeaturesOf(const Context& c, int i, int p1, int p2, uint64_t* f) {
  size_t k = 0;
  auto put = [&](bool dynamic, uint64_t h) __attribute__((always_inline)) {
    if (part == Which::kAll || dynamic == (part == Which::kDynamic)) f[k++] = h;
  };
  const auto& w = *c.words;
  int n = static_cast<int>(w.size());
  auto lower = [&](int k) -> uint64_t {
    if (k < 0) return kPadBefore;
    if (k >= n) return kPadAfter;
    return w[k].lower;
  };
  auto form = [&](int k) -> uint64_t {
    if (k < 0) return kPadBefore;
    if (k >= n) return kPadAfter;
    return w[k].form;
  };
  auto shape = [&](int k) -> uint64_t {
    if (k < 0) return kPadBefore;
    if (k >= n) return kPadAfter;
    return w[k].shape;
  };
  auto upos = [&](int k) -> uint64_t {
    if (k < 0) return kPadBefore;
    if (k >= n) return kPadAfter;
    return (*c.upos)[k];
  };
  const WordFeatures& x = w[i];
  uint64_t prev1 = static_cast<uint64_t>(p1 + 8),
           prev2 = static_cast<uint64_t>(p2 + 8);
  put(false, Feat(201, 0));
  put(false, Feat(202, x.lower));
  put(false, Feat(203, x.form));
  put(false, Feat(204, x.shape));
  put(false, Feat(205, x.suffix[2]));
  put(false, Feat(206, x.suffix[3]));
  put(false, Feat(207, x.prefix[2]));
  put(false, Feat(208, upos(i)));
  put(false, Feat(209, (*c.tags)[i]));
  put(false, Feat(210, lower(i - 1)));
  put(false, Feat(211, lower(i + 1)));
  put(false, Feat(212, lower(i - 2)));
  put(false, Feat(213, lower(i + 2)));
  put(false, Feat(214, upos(i - 1)));
  put(false, Feat(215, upos(i + 1)));
  put(false, Feat(216, upos(i - 1), upos(i), upos(i + 1)));
  put(true, Feat(217, prev1));
  put(true, Feat(218, prev1, prev2));
  put(true, Feat(219, prev1, x.lower));
  put(true, Feat(220, prev1, upos(i)));
  put(false, Feat(221, lower(i - 1), x.lower));
  put(false, Feat(222, x.lower, lower(i + 1)));
  put(false, Feat(223, shape(i - 1)));
  put(false, Feat(224, shape(i + 1)));
  put(false, Feat(225, x.flags, i == 0));
  put(false, Feat(226, form(i + 1)));
  put(false, Feat(227, form(i - 1)));
  put(true, Feat(228, prev1, x.shape));
  int a = c.run_first[i], b = c.run_last[i];
  if (a >= 0) {
    uint64_t from = std::min(i - a, 3), to = std::min(b - i, 3);
    put(false, Feat(229, from, to));
    put(false, Feat(230, w[b].lower));
    put(false, Feat(231, w[a].lower));
    put(false, Feat(232, lower(a - 1)));
    put(false, Feat(233, lower(b + 1)));
    put(false, Feat(234, lower(a - 1), from, to));
    put(false, Feat(235, w[b].lower, from, to));
    put(true, Feat(236, prev1, from, to));
    put(false, Feat(237, x.lower, from, to));
    put(true, Feat(238, w[b].suffix[2], prev1));
  } else {
    put(true, Feat(239, prev1, upos(i)));
  }
  // Listed places, organisations and demonyms: the kind and position of
  // the match over this word and its neighbours.
  auto gaz = [&](int k) -> uint64_t {
    if (k < 0 || k >= n) return 99;
    return c.gkind[k] * 8u + c.gpart[k];
  };
  put(false, Feat(250, c.gkind[i], c.gpart[i]));
  put(false, Feat(251, c.gkind[i], c.gpart[i], upos(i)));
  put(false, Feat(252, gaz(i - 1) / 8, gaz(i + 1) / 8));
  put(true, Feat(253, c.gkind[i], c.gpart[i], prev1));
  put(false, Feat(270, gaz(i - 1)));
  put(false, Feat(271, gaz(i + 1)));
  put(false, Feat(272, c.gkind[i], x.shape));
  put(false, Feat(273, c.gkind[i], lower(i - 1)));
  if (kTreeFeatures) {
    int r = c.run_head[i];
    int g = (*c.heads)[r];
    uint64_t gov = g > 0 && g <= n ? w[g - 1].lower : kNone;
    uint64_t rel = (*c.rels)[r], cs = c.case_child[r];
    put(false, Feat(240, rel));
    put(false, Feat(241, rel, gov));
    put(false, Feat(242, cs));
    put(false, Feat(243, cs, gov));
    put(false, Feat(244, gov));
    put(false, Feat(245, rel, cs));
    put(false, Feat(246, rel, upos(i)));
  }
  if (c.levels > 0) {
    // The classes of the word and its neighbours at every level. (Adding
    // pairs of classes, classes with the shape, with the previous label and
    // with the name-list match, and the classes around a proper-noun run
    // scored lower on GUM dev: 70.92 against 71.78 over seeds 1-4.)
    for (int l = 0; l < c.levels; ++l) {
      put(false, Feat(300 + l, ClassAt(c, l, i)));
      put(false, Feat(310 + l, ClassAt(c, l, i - 1)));
      put(false, Feat(320 + l, ClassAt(c, l, i + 1)));
    }
  }
  return k;
}

size_t Features(const Context& c, int i, int p1, int p2, uint64_t* f,
                Which part = Which::kAll) {
  switch (part) {
    case Which::kStatic:
      return FeaturesOf<Which::kStatic>(c, i, p1, p2, f);
    case Which::kDynamic:
      return FeaturesOf<Which::kDynamic>(c, i, p1, p2, f);
    default:
      return FeaturesOf<Which::kAll>(c, i, p1, p2, f);
  }
}

constexpr int kTypes = static_cast<int>(kEntityTypes.size());

// Features of words [a, b] as one name. `common` marks a common-noun mention
// ("the college") used as extra training data: it shares the words' features
// with names but keeps a bias and a capitalisation pattern of its own.
size_t TypeFeatures(const Context& c, int a, int b, uint64_t* f,
                    bool common = false) {
  const auto& w = *c.words;
  int n = static_cast<int>(w.size());
  auto lower = [&](int k) -> uint64_t {
    if (k < 0) return kPadBefore;
    if (k >= n) return kPadAfter;
    return w[k].lower;
  };
  auto upos = [&](int k) -> uint64_t {
    if (k < 0) return kPadBefore;
    if (k >= n) return kPadAfter;
    return (*c.upos)[k];
  };
  size_t k = 0;
  uint64_t whole = 0x4e414d45;
  for (int i = a; i <= b; ++i) {
    whole = Feat(whole, w[i].lower);
    if (i - a < 6) {
      f[k++] = Feat(802, w[i].lower);
      f[k++] = Feat(820, w[i].shape);
    }
  }
  f[k++] = Feat(801, common);
  f[k++] = Feat(803, w[a].lower);
  f[k++] = Feat(804, w[b].lower);
  f[k++] = Feat(805, whole);
  f[k++] = Feat(806, w[b].suffix[2]);
  f[k++] = Feat(807, w[b].suffix[3]);
  f[k++] = Feat(808, w[a].prefix[2]);
  f[k++] = Feat(809, lower(a - 1));
  f[k++] = Feat(810, lower(a - 2));
  f[k++] = Feat(811, lower(a - 2), lower(a - 1));
  f[k++] = Feat(812, lower(b + 1));
  f[k++] = Feat(813, lower(b + 2));
  f[k++] = Feat(814, lower(b + 1), lower(b + 2));
  f[k++] = Feat(815, upos(a - 1));
  f[k++] = Feat(816, upos(b + 1));
  f[k++] = Feat(817, std::min(b - a, 3));
  f[k++] = Feat(818, a == 0, w[a].flags, common);
  f[k++] = Feat(819, (*c.tags)[b]);
  f[k++] = Feat(821, lower(a - 1), upos(b + 1));
  f[k++] = Feat(822, w[b].form);
  for (int d = 1; d <= 4; ++d) {
    f[k++] = Feat(840, lower(a - d));
    f[k++] = Feat(841, lower(b + d));
  }
  if (c.gaz) {
    f[k++] = Feat(870, c.gaz->Lookup(w, a, b));
    f[k++] = Feat(871, c.gaz->Lookup(w, b, b));
    f[k++] = Feat(872, c.gaz->Lookup(w, a, a));
    f[k++] = Feat(873, c.gkind[a], c.gpart[a], c.gpart[b]);
  }
  if (c.levels > 0) {
    // The classes of the name's first and last words and of the words
    // around it. (Adding those of every word of the name and the pair of
    // classes around it lowered the typer's accuracy on GUM dev.)
    for (int l = 0; l < c.levels; ++l) {
      f[k++] = Feat(880 + l, ClassAt(c, l, b));
      f[k++] = Feat(884 + l, ClassAt(c, l, a));
      f[k++] = Feat(888 + l, ClassAt(c, l, a - 1));
      f[k++] = Feat(892 + l, ClassAt(c, l, b + 1));
    }
  }
  return k;
}

void Decode(const std::vector<int>& labels, std::vector<Name>& names) {
  names.clear();
  for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
    int c = labels[i];
    if (c == 0) continue;
    int part = PartOf(c);
    if (part == kU || part == kB) {
      names.push_back({i, i, TypeOf(c)});
    } else if (!names.empty()) {
      names.back().last = i;
    }
  }
}

}  // namespace

namespace {

// Mentions: (first, last, GUM type), as the reference scorer reads the
// bracket notation of the Entity= item.
struct Mention {
  int first, last;
  std::string type;
};

std::vector<Mention> Mentions(const conllu::Sentence& s) {
  std::vector<Mention> mentions;
  std::map<std::string, std::vector<std::pair<int, std::string>>> open;
  for (int i = 0; i < static_cast<int>(s.words.size()); ++i) {
    std::string_view v = conllu::MiscGet(s.words[i].misc, "Entity");
    size_t j = 0;
    while (j < v.size()) {
      if (v[j] == '(') {
        size_t k = j + 1;
        while (k < v.size() && v[k] != '(' && v[k] != ')') ++k;
        std::string_view body = v.substr(j + 1, k - j - 1);
        size_t dash = body.find('-');
        std::string group(body.substr(0, dash));
        std::string type;
        if (dash != std::string_view::npos) {
          std::string_view rest = body.substr(dash + 1);
          type = std::string(rest.substr(0, rest.find('-')));
        }
        if (k < v.size() && v[k] == ')') {
          mentions.push_back({i, i, type});
          ++k;
        } else {
          open[group].emplace_back(i, type);
        }
        j = k;
      } else if (v[j] == ')') {
        ++j;
      } else {
        size_t k = j;
        while (k < v.size() && v[k] != '(' && v[k] != ')') ++k;
        std::string group(v.substr(j, k - j));
        auto it = open.find(group);
        if (k < v.size() && v[k] == ')' && it != open.end() &&
            !it->second.empty()) {
          auto [first, type] = it->second.back();
          it->second.pop_back();
          mentions.push_back({first, i, type});
          ++k;
        }
        j = k;
      }
    }
  }
  return mentions;
}

int MentionHead(const conllu::Sentence& s, const Mention& m) {
  int head = -1;
  for (int t = m.first; t <= m.last && head < 0; ++t) {
    int h = s.words[t].head;
    if (h < m.first + 1 || h > m.last + 1) head = t;
  }
  return head;
}

// Mentions headed by a common noun, as the run of nouns ending at the head
// ("the cyclone" -> cyclone, "a boarding school" -> boarding school): the
// type of "school" or "cyclone" carries over to names that end in them.
std::vector<Name> GoldNounMentions(const conllu::Sentence& s) {
  std::vector<Name> out;
  for (const Mention& m : Mentions(s)) {
    int head = MentionHead(s, m);
    if (head < 0 || s.words[head].upos != "NOUN") continue;
    int lo = head;
    while (lo - 1 >= m.first && (s.words[lo - 1].upos == "NOUN" ||
                                 s.words[lo - 1].upos == "PROPN")) {
      --lo;
    }
    out.push_back({lo, head, TypeIndex(m.type)});
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<Name> GoldNames(const conllu::Sentence& s) {
  std::vector<Mention> mentions = Mentions(s);
  std::vector<Name> names;
  for (const Mention& m : mentions) {
    int head = -1;
    for (int t = m.first; t <= m.last && head < 0; ++t) {
      int h = s.words[t].head;
      // Word ids are t+1; the head lies outside when its id is not in
      // [first+1, last+1] (root and "_" included).
      if (h < m.first + 1 || h > m.last + 1) head = t;
    }
    if (head < 0 || s.words[head].upos != "PROPN") continue;
    int lo = head, hi = head;
    while (lo - 1 >= m.first && s.words[lo - 1].upos == "PROPN") --lo;
    while (hi + 1 <= m.last && s.words[hi + 1].upos == "PROPN") ++hi;
    names.push_back({lo, hi, TypeIndex(m.type)});
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<Name> NamesFromBio(const std::vector<std::string_view>& bio) {
  std::vector<Name> names;
  bool have = false;
  Name cur;
  for (int i = 0; i < static_cast<int>(bio.size()); ++i) {
    std::string_view b = bio[i];
    int type = -1;
    char part = 0;
    if (b.size() > 2 && (b[0] == 'B' || b[0] == 'I') && b[1] == '-') {
      part = b[0];
      std::string_view t = b.substr(2);
      for (size_t k = 0; k < kEntityTypes.size(); ++k) {
        if (kEntityTypes[k] == t) type = static_cast<int>(k);
      }
      // An unknown type still delimits a name, which can never match gold.
      if (type < 0) type = 100;
    }
    if (type >= 0 && part == 'I' && have && cur.type == type) {
      cur.last = i;
      continue;
    }
    if (have) names.push_back(cur);
    have = type >= 0;
    if (have) cur = {i, i, type};
  }
  if (have) names.push_back(cur);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

void AgreeTypes(const std::vector<uint64_t>& keys, std::vector<int>& types) {
  std::unordered_map<uint64_t, std::array<int, kTypes>> votes;
  for (size_t i = 0; i < keys.size(); ++i) {
    auto& v =
        votes.try_emplace(keys[i], std::array<int, kTypes>{}).first->second;
    ++v[types[i]];
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    const auto& v = votes[keys[i]];
    int best = types[i];
    for (int t = 0; t < kTypes; ++t) {
      if (v[t] > v[best]) best = t;
    }
    types[i] = best;
  }
}

uint64_t NameKey(const uint64_t* form_hashes, int first, int last) {
  uint64_t key = 0x4b4559;
  for (int i = first; i <= last; ++i) key = Feat(key, form_hashes[i]);
  return key;
}

void Recognizer::Recognize(const Input& in, std::vector<Name>& names) const {
  thread_local Context c;
  thread_local std::vector<int> labels;
  c.words = in.words;
  c.upos = in.upos;
  c.tags = in.tags;
  c.heads = in.heads;
  c.rels = in.rels;
  c.gaz = gaz_.get();
  c.classes = classes_.get();
  Runs(*in.propn, c);
  MatchGazetteer(c);
  int n = static_cast<int>(in.words->size());
  labels.assign(n, 0);
  thread_local std::vector<uint64_t> all;
  thread_local std::vector<uint32_t> owner;
  thread_local std::vector<int32_t> base;
  all.resize(static_cast<size_t>(n) * kMaxFeatures);
  owner.clear();
  size_t total = 0;
  for (int i = 0; i < n; ++i) {
    size_t nf = Features(c, i, 0, 0, all.data() + total, Which::kStatic);
    owner.insert(owner.end(), nf, static_cast<uint32_t>(i));
    total += nf;
  }
  base.assign(static_cast<size_t>(n) * kClasses, 0);
  weights_.ScoreRows(all.data(), owner.data(), total, base.data(), kClasses);
  uint64_t f[kMaxFeatures];
  int32_t scores[kClasses];
  bool valid[kClasses];
  int p1 = -1, p2 = -2;
  for (int i = 0; i < n; ++i) {
    size_t nf = Features(c, i, p1, p2, f, Which::kDynamic);
    std::copy(base.begin() + static_cast<size_t>(i) * kClasses,
              base.begin() + static_cast<size_t>(i + 1) * kClasses, scores);
    weights_.Score(f, nf, scores);
    ValidAfter(p1, i == n - 1, valid);
    int l = ArgMax(scores, kClasses, valid);
    labels[i] = l;
    p2 = p1;
    p1 = l;
  }
  Decode(labels, names);
  if (types_.classes() == kTypes) {
    for (Name& nm : names) {
      size_t nf = TypeFeatures(c, nm.first, nm.last, f);
      int32_t ts[kTypes] = {};
      types_.Score(f, nf, ts);
      nm.type = ArgMax(ts, kTypes);
    }
  }
}

Result<Recognizer> Recognizer::Load(const std::string& path) {
  HEARSAY_ASSIGN_OR_RETURN(ModelFile f, ModelFile::Open(path));
  return FromFile(std::make_shared<ModelFile>(std::move(f)));
}

Result<Recognizer> Recognizer::FromBytes(
    std::shared_ptr<const std::string> bytes) {
  HEARSAY_ASSIGN_OR_RETURN(ModelFile f,
                           ModelFile::FromBuffer(*bytes, "(in memory)"));
  HEARSAY_ASSIGN_OR_RETURN(Recognizer r,
                           FromFile(std::make_shared<ModelFile>(std::move(f))));
  r.bytes_ = std::move(bytes);
  return r;
}

Result<Recognizer> Recognizer::FromFile(std::shared_ptr<ModelFile> file) {
  Recognizer r;
  r.file_ = std::move(file);
  const std::string& path = r.file_->name();
  HEARSAY_ASSIGN_OR_RETURN(std::string_view kind, r.file_->Section("kind"));
  if (kind != "ner") return FailedPreconditionError(path + ": not a ner model");
  HEARSAY_ASSIGN_OR_RETURN(r.weights_, WeightTable::FromModel(*r.file_, "w"));
  if (r.file_->Has("y.meta")) {
    HEARSAY_ASSIGN_OR_RETURN(r.types_, WeightTable::FromModel(*r.file_, "y"));
    if (r.types_.classes() != kTypes) {
      return DataLossError(path + ": wrong number of types");
    }
  }
  if (r.file_->Has("gaz")) {
    HEARSAY_ASSIGN_OR_RETURN(std::string_view text, r.file_->Section("gaz"));
    HEARSAY_ASSIGN_OR_RETURN(Gazetteer g, Gazetteer::Parse(text));
    r.gaz_ = std::make_shared<const Gazetteer>(std::move(g));
  }
  if (r.file_->Has("agree")) {
    HEARSAY_ASSIGN_OR_RETURN(std::string_view agree, r.file_->Section("agree"));
    r.agree_types_ = agree == "1";
  }
  std::string_view features = "1";
  if (r.file_->Has("features")) {
    HEARSAY_ASSIGN_OR_RETURN(features, r.file_->Section("features"));
  }
  if (features == "2") {
    HEARSAY_ASSIGN_OR_RETURN(std::string_view text,
                             r.file_->Section("clusters"));
    HEARSAY_ASSIGN_OR_RETURN(WordClasses wc, WordClasses::Parse(text));
    r.classes_ = std::make_shared<const WordClasses>(std::move(wc));
  } else if (features != "1") {
    return DataLossError(path + ": unknown feature set");
  }
  if (r.weights_.classes() != kClasses) {
    return DataLossError(path + ": wrong number of classes");
  }
  return r;
}

Status Recognizer::Train(const std::vector<conllu::Sentence>& train,
                         const std::vector<conllu::Sentence>& dev,
                         const TrainOptions& options, const std::string& path) {
  struct Prepared {
    std::vector<WordFeatures> words;
    std::vector<uint64_t> upos, tags;
    std::vector<char> propn;
    std::vector<int> heads;
    std::vector<uint64_t> rels;
    std::vector<int> gold;
    std::vector<Name> names;
    std::vector<Name> nouns;
    bool newdoc = false;
  };
  auto prepare = [](const conllu::Sentence& s, const conllu::Sentence& tagged) {
    Prepared p;
    ComputeWordFeatures(Forms(s), p.words);
    for (const auto& w : tagged.words) {
      p.upos.push_back(StringHash(w.upos));
      p.tags.push_back(TagValue(w.upos, w.xpos));
      p.propn.push_back(w.upos == "PROPN");
    }
    for (const auto& w : tagged.words) {
      p.heads.push_back(w.head);
      p.rels.push_back(StringHash(w.deprel));
    }
    p.names = GoldNames(s);
    p.nouns = GoldNounMentions(s);
    p.newdoc = s.newdoc;
    p.gold.assign(s.words.size(), 0);
    // Overlapping gold names cannot all be encoded; the earlier (then the
    // longer) one is kept.
    std::vector<Name> order = p.names;
    std::sort(order.begin(), order.end(), [](const Name& a, const Name& b) {
      if (a.first != b.first) return a.first < b.first;
      return a.last > b.last;
    });
    int free_from = 0;
    for (const Name& n : order) {
      if (n.first < free_from) continue;
      if (n.first == n.last) {
        p.gold[n.first] = ClassOf(n.type, kU);
      } else {
        p.gold[n.first] = ClassOf(n.type, kB);
        for (int k = n.first + 1; k < n.last; ++k) {
          p.gold[k] = ClassOf(n.type, kI);
        }
        p.gold[n.last] = ClassOf(n.type, kL);
      }
      free_from = n.last + 1;
    }
    return p;
  };
  std::vector<Prepared> tr, dv;
  for (size_t i = 0; i < train.size(); ++i) {
    tr.push_back(prepare(train[i], options.tagged_train
                                       ? (*options.tagged_train)[i]
                                       : train[i]));
  }
  for (size_t i = 0; i < dev.size(); ++i) {
    dv.push_back(prepare(
        dev[i], options.tagged_dev ? (*options.tagged_dev)[i] : dev[i]));
  }

  // Each run learns from its own shuffles; the model is the mean of the
  // runs' weights (run 0 alone is what one run gives). The typer's runs
  // shuffle first, the recogniser's go on from the orders they left.
  TrainingRuns runs(options.runs, tr.size(), options.seed);
  std::vector<PerceptronTrainer> models(runs.size(),
                                        PerceptronTrainer(kClasses));
  uint64_t f[kMaxFeatures];
  float scores[kClasses];
  bool valid[kClasses];
  Context c;
  // Points the context at a sentence and matches its words in the lists.
  auto use = [&c](const auto& p) {
    c.words = &p.words;
    c.upos = &p.upos;
    c.tags = &p.tags;
    MatchGazetteer(c);
  };
  Recognizer probe;
  std::string gaz_text;
  if (!options.gazetteers.empty()) {
    HEARSAY_ASSIGN_OR_RETURN(gaz_text,
                             Gazetteer::FromLexicons(options.gazetteers));
    HEARSAY_ASSIGN_OR_RETURN(Gazetteer g, Gazetteer::Parse(gaz_text));
    probe.gaz_ = std::make_shared<const Gazetteer>(std::move(g));
    c.gaz = probe.gaz_.get();
  }
  std::string classes_text;
  if (!options.clusters.empty()) {
    HEARSAY_ASSIGN_OR_RETURN(WordClasses wc,
                             WordClasses::ReadFile(options.clusters));
    classes_text = wc.ToText();
    probe.classes_ = std::make_shared<const WordClasses>(std::move(wc));
    c.classes = probe.classes_.get();
  }
  double best_f1 = -1;
  WeightTable best;
  {
    // The typer first: it learns from the gold spans alone.
    std::vector<PerceptronTrainer> typers(runs.size(),
                                          PerceptronTrainer(kTypes));
    uint64_t tf[kMaxFeatures];
    float ts[kTypes];
    std::vector<uint64_t> trngs = runs.rngs;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      for (int k = 0; k < runs.size(); ++k) {
        PerceptronTrainer& typer = typers[k];
        Shuffle(runs.orders[k], trngs[k]);
        for (size_t si : runs.orders[k]) {
          const Prepared& p = tr[si];
          use(p);
          for (const Name& nm : p.names) {
            size_t nf = TypeFeatures(c, nm.first, nm.last, tf);
            std::fill(ts, ts + kTypes, 0.f);
            typer.Score(tf, nf, ts);
            typer.Update(tf, nf, nm.type, ArgMax(ts, kTypes));
            typer.Tick();
          }
          for (const Name& nm : p.nouns) {
            size_t nf = TypeFeatures(c, nm.first, nm.last, tf, true);
            std::fill(ts, ts + kTypes, 0.f);
            typer.Score(tf, nf, ts);
            typer.Update(tf, nf, nm.type, ArgMax(ts, kTypes));
            typer.Tick();
          }
        }
      }
    }
    probe.types_ = ExportMean(typers, options.prune);
    size_t ok = 0, all = 0;
    for (const Prepared& p : dv) {
      use(p);
      for (const Name& nm : p.names) {
        size_t nf = TypeFeatures(c, nm.first, nm.last, tf);
        int32_t ts2[kTypes] = {};
        probe.types_.Score(tf, nf, ts2);
        ok += ArgMax(ts2, kTypes) == nm.type;
        ++all;
      }
    }
    if (options.log) {
      options.log("typer dev accuracy " + std::to_string(100.0 * ok / all));
    }
  }
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (int k = 0; k < runs.size(); ++k) {
      PerceptronTrainer& model = models[k];
      Shuffle(runs.orders[k], runs.rngs[k]);
      for (size_t si : runs.orders[k]) {
        const Prepared& p = tr[si];
        use(p);
        c.heads = &p.heads;
        c.rels = &p.rels;
        Runs(p.propn, c);
        int n = static_cast<int>(p.words.size());
        int p1 = -1, p2 = -2;
        for (int i = 0; i < n; ++i) {
          size_t nf = Features(c, i, p1, p2, f);
          std::fill(scores, scores + kClasses, 0.f);
          model.Score(f, nf, scores);
          ValidAfter(p1, i == n - 1, valid);
          int guess = ArgMax(scores, kClasses, valid);
          model.Update(f, nf, p.gold[i], guess);
          model.Tick();
          // Gold history during training keeps the BILOU constraints
          // satisfiable for the next word.
          p2 = p1;
          p1 = p.gold[i];
        }
      }
    }
    probe.weights_ = ExportMean(models, options.prune);
    size_t tp = 0, ng = 0, ns = 0;
    std::vector<std::vector<Name>> got(dv.size());
    for (size_t si = 0; si < dv.size(); ++si) {
      const Prepared& p = dv[si];
      probe.Recognize({&p.words, &p.upos, &p.tags, &p.propn, &p.heads, &p.rels},
                      got[si]);
    }
    if (options.agree_types) {
      std::vector<uint64_t> keys, forms;
      std::vector<int> types;
      for (size_t from = 0; from < dv.size();) {
        size_t to = from + 1;
        while (to < dv.size() && !dv[to].newdoc) ++to;
        keys.clear();
        types.clear();
        for (size_t si = from; si < to; ++si) {
          forms.clear();
          for (const WordFeatures& w : dv[si].words) forms.push_back(w.form);
          for (const Name& x : got[si]) {
            keys.push_back(NameKey(forms.data(), x.first, x.last));
            types.push_back(x.type);
          }
        }
        AgreeTypes(keys, types);
        size_t k = 0;
        for (size_t si = from; si < to; ++si) {
          for (Name& x : got[si]) x.type = types[k++];
        }
        from = to;
      }
    }
    for (size_t si = 0; si < dv.size(); ++si) {
      const Prepared& p = dv[si];
      ng += p.names.size();
      ns += got[si].size();
      for (const Name& x : got[si]) {
        tp += std::binary_search(p.names.begin(), p.names.end(), x);
      }
    }
    double prec = ns ? 100.0 * tp / ns : 0, rec = ng ? 100.0 * tp / ng : 0;
    double f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
    char line[200];
    std::snprintf(line, sizeof(line),
                  "epoch %d  dev P %.2f  R %.2f  F1 %.2f  stored %.1f MB",
                  epoch, prec, rec, f1, probe.weights_.bytes() / 1e6);
    if (options.log) options.log(line);
    if (f1 > best_f1) {
      best_f1 = f1;
      best = probe.weights_;
    }
  }
  float cut = FitToSize({&best}, options.max_bytes);
  if (cut > 0 && options.log) {
    options.log("pruned weights below " + std::to_string(cut));
  }
  ModelWriter w;
  w.Add("kind", "ner");
  best.AddTo(w, "w");
  probe.types_.AddTo(w, "y");
  if (!gaz_text.empty()) w.Add("gaz", gaz_text);
  if (options.agree_types) w.Add("agree", "1");
  if (!classes_text.empty()) {
    w.Add("features", "2");
    w.Add("clusters", classes_text);
  }
  return w.WriteFile(path);
}

}  // namespace hearsay::nlp
