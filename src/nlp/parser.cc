#include "nlp/parser.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <string>

namespace hearsay::nlp {
namespace {

enum Move { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kMoves = 3;
constexpr int kMaxFeatures = 128;
constexpr uint64_t kRootWord = 4;
constexpr uint64_t kNoLabel = 0;

// The parser configuration. Words are 1..n, 0 is the root, which sits at the
// end of the buffer (position n+1). Every word on the stack or in the buffer
// is still headless.
struct State {
  int n = 0;
  int b = 1;  // buffer front; n+1 means the root
  std::vector<int> stack;
  std::vector<int> head, label;
  std::vector<int> lc1, lc2, rc1, rc2;  // leftmost / rightmost children
  std::vector<int> nl, nr;              // child counts
  std::vector<uint64_t> lset, rset;     // label bitsets of the children

  void Reset(int words) {
    n = words;
    b = 1;
    stack.clear();
    size_t m = static_cast<size_t>(n) + 1;
    head.assign(m, -1);
    label.assign(m, -1);
    lc1.assign(m, -1);
    lc2.assign(m, -1);
    rc1.assign(m, -1);
    rc2.assign(m, -1);
    nl.assign(m, 0);
    nr.assign(m, 0);
    lset.assign(m, 0);
    rset.assign(m, 0);
  }
  int Pos(int x) const { return x == 0 ? n + 1 : x; }
  int B(int k) const {  // k-th buffer element, or -1
    int i = b + k;
    if (i <= n) return i;
    if (i == n + 1) return 0;
    return -1;
  }
  int S(int k) const {
    return k < static_cast<int>(stack.size()) ? stack[stack.size() - 1 - k]
                                              : -1;
  }
  bool Terminal() const { return stack.empty() && b == n + 1; }
  void Valid(bool* v) const {
    int depth = static_cast<int>(stack.size());
    v[kShift] = b <= n;
    v[kLeft] = depth >= 1 && (b <= n || depth == 1);
    v[kRight] = depth >= 2;
  }
  // Applies a move; returns the dependent of the arc it made, or -1.
  int Apply(int move) {
    if (move == kShift) {
      stack.push_back(b++);
      return -1;
    }
    int d = stack.back();
    stack.pop_back();
    int h = move == kLeft ? B(0) : stack.back();
    head[d] = h;
    if (Pos(d) < Pos(h)) {
      ++nl[h];
      if (lc1[h] < 0 || d < lc1[h]) {
        lc2[h] = lc1[h];
        lc1[h] = d;
      } else if (lc2[h] < 0 || d < lc2[h]) {
        lc2[h] = d;
      }
    } else {
      ++nr[h];
      if (rc1[h] < 0 || d > rc1[h]) {
        rc2[h] = rc1[h];
        rc1[h] = d;
      } else if (rc2[h] < 0 || d > rc2[h]) {
        rc2[h] = d;
      }
    }
    return d;
  }
  void SetLabel(int d, int l) {
    label[d] = l;
    int h = head[d];
    uint64_t bit = 1ull << (l & 63);
    if (Pos(d) < Pos(h)) {
      lset[h] |= bit;
    } else {
      rset[h] |= bit;
    }
  }
};

struct Sentence {
  const std::vector<WordFeatures>* words;
  const std::vector<uint64_t>* tags;
  int features = 1;  // the feature set, ParserOptions::features
  uint64_t W(int x) const {
    if (x < 0) return kNone;
    if (x == 0) return kRootWord;
    return (*words)[x - 1].lower;
  }
  uint64_t T(int x) const {
    if (x < 0) return kNone;
    if (x == 0) return kRootWord;
    return (*tags)[x - 1];
  }
};

uint64_t Dist(int a, int b) {
  int d = std::abs(a - b);
  if (d < 5) return static_cast<uint64_t>(d);
  return d < 10 ? 5 : 6;
}

// Feature set 2 (ParserOptions::features): templates added to both the
// training list and the run-time split. Each is scored at every transition;
// they look at the preposition-like left child of b0 with s0 and s1 (where
// a PP or a conjunct attaches), at third-order children, at suffixes and
// shapes (unknown words) and at s1's valency.
size_t ExtraMoveFeatures(const State& st, const Sentence& s, uint64_t* f) {
  size_t n = 0;
  int s0 = st.S(0), s1 = st.S(1), b0 = st.B(0), b1 = st.B(1);
  auto at = [](const std::vector<int>& v, int x) { return x < 0 ? -1 : v[x]; };
  auto suffix = [&](int x) -> uint64_t {
    return x <= 0 ? s.W(x) : (*s.words)[x - 1].suffix[2];
  };
  auto shape = [&](int x) -> uint64_t {
    return x <= 0 ? s.W(x) : (*s.words)[x - 1].shape;
  };
  uint64_t s0w = s.W(s0), s0t = s.T(s0), s1w = s.W(s1), s1t = s.T(s1);
  uint64_t b0w = s.W(b0), b0t = s.T(b0), b1t = s.T(b1);
  int s0l = at(st.lc1, s0), s0r = at(st.rc1, s0), b0l = at(st.lc1, b0);
  int s0l2 = at(st.lc2, s0), s0r2 = at(st.rc2, s0), b0l2 = at(st.lc2, b0);
  uint64_t b0lw = s.W(b0l);
  f[n++] = Feat(73, suffix(s0), s0t);
  f[n++] = Feat(74, suffix(b0), b0t);
  f[n++] = Feat(75, s0w, b0lw, b0w);
  f[n++] = Feat(76, s1w, b0lw, b0w);
  f[n++] = Feat(77, s0t, b0lw, b0t);
  f[n++] = Feat(78, s1t, s0t, b0lw, b0t);
  f[n++] = Feat(79, s1t, s0w, b0lw);
  f[n++] = Feat(80, s0t, s.T(s0r), s.T(s0r2));
  f[n++] = Feat(81, b0t, s.T(b0l), s.T(b0l2));
  f[n++] = Feat(82, s0t, s.T(s0l), s.T(s0l2));
  f[n++] = Feat(83, s1t, s1 >= 0 ? std::min(st.nl[s1], 3) : 9,
                s1 >= 0 ? std::min(st.nr[s1], 3) : 9);
  f[n++] = Feat(84, s1t, s0t, b0t, b1t);
  f[n++] = Feat(85, shape(b0), b0t);
  f[n++] = Feat(86, shape(s0), s0t);
  f[n++] = Feat(87, s1w, s0t, b0t);
  f[n++] = Feat(88, s1t, s0t, b0w);
  f[n++] = Feat(89, s0t, s.W(s0r), b0t);
  // s0's two candidate heads, s1 (RIGHT) and b0 (LEFT), against each other.
  uint64_t d10 = s1 >= 0 && s0 >= 0 ? Dist(st.Pos(s1), st.Pos(s0)) : 7;
  uint64_t d1b = s1 >= 0 && b0 >= 0 ? Dist(st.Pos(s1), st.Pos(b0)) : 7;
  f[n++] = Feat(90, s1w, b0w);
  f[n++] = Feat(91, s1t, b0t, d1b);
  f[n++] = Feat(92, s1t, b0w, b0t);
  f[n++] = Feat(93, s1w, s1t, b0t);
  f[n++] = Feat(94, s1t, s0t, d10);
  f[n++] = Feat(95, s1w, s0t, d10);
  f[n++] = Feat(96, s1t, s0w, d10);
  f[n++] = Feat(97, s1t, s0t, b0t, d10 * 8 + d1b);
  return n;
}

size_t MoveFeatures(const State& st, const Sentence& s, uint64_t* f) {
  size_t n = 0;
  int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2);
  int b0 = st.B(0), b1 = st.B(1), b2 = st.B(2);
  auto label_of = [&](int x) -> uint64_t {
    return x < 0 || st.label[x] < 0 ? kNoLabel : st.label[x] + 8;
  };
  auto at = [](const std::vector<int>& v, int x) { return x < 0 ? -1 : v[x]; };
  uint64_t s0w = s.W(s0), s0t = s.T(s0), s1w = s.W(s1), s1t = s.T(s1);
  uint64_t b0w = s.W(b0), b0t = s.T(b0), b1w = s.W(b1), b1t = s.T(b1);
  uint64_t b2t = s.T(b2), s2t = s.T(s2);
  int s0l = at(st.lc1, s0), s0r = at(st.rc1, s0), b0l = at(st.lc1, b0);
  int s0l2 = at(st.lc2, s0), s0r2 = at(st.rc2, s0), b0l2 = at(st.lc2, b0);
  int s1r = at(st.rc1, s1), s1l = at(st.lc1, s1);
  uint64_t d = (s0 >= 0 && b0 >= 0) ? Dist(st.Pos(s0), st.Pos(b0)) : 7;
  uint64_t s0vl = s0 >= 0 ? st.nl[s0] : 99, s0vr = s0 >= 0 ? st.nr[s0] : 99;
  uint64_t b0vl = b0 >= 0 ? st.nl[b0] : 99;
  // Unigrams.
  f[n++] = Feat(1, s0w);
  f[n++] = Feat(2, s0t);
  f[n++] = Feat(3, s0w, s0t);
  f[n++] = Feat(4, b0w);
  f[n++] = Feat(5, b0t);
  f[n++] = Feat(6, b0w, b0t);
  f[n++] = Feat(7, b1w);
  f[n++] = Feat(8, b1t);
  f[n++] = Feat(9, b1w, b1t);
  f[n++] = Feat(10, b2t);
  f[n++] = Feat(11, s1w);
  f[n++] = Feat(12, s1t);
  f[n++] = Feat(13, s1w, s1t);
  f[n++] = Feat(14, s2t);
  f[n++] = Feat(15, s.W(b2));
  // Pairs.
  f[n++] = Feat(16, s0w, b0w);
  f[n++] = Feat(17, s0w, s0t, b0t);
  f[n++] = Feat(18, s0t, b0w, b0t);
  f[n++] = Feat(19, s0w, s0t, b0w, b0t);
  f[n++] = Feat(20, s0t, b0t);
  f[n++] = Feat(21, b0t, b1t);
  f[n++] = Feat(22, s1w, s0w);
  f[n++] = Feat(23, s1t, s0t);
  f[n++] = Feat(24, s1w, s0t);
  f[n++] = Feat(25, s1t, s0w);
  f[n++] = Feat(26, s1w, s1t, s0w, s0t);
  // Triples of tags.
  f[n++] = Feat(27, s0t, b0t, b1t);
  f[n++] = Feat(28, s1t, s0t, b0t);
  f[n++] = Feat(29, s0t, s.T(s0l), b0t);
  f[n++] = Feat(30, s0t, s.T(s0r), b0t);
  f[n++] = Feat(31, s0t, b0t, s.T(b0l));
  f[n++] = Feat(32, s1t, s.T(s1r), s0t);
  f[n++] = Feat(33, s2t, s1t, s0t);
  f[n++] = Feat(34, b0t, b1t, b2t);
  f[n++] = Feat(35, s1t, s0t, s.T(s0l));
  f[n++] = Feat(36, s1t, s.T(s1l), s0t);
  // Distance.
  f[n++] = Feat(37, s0w, d);
  f[n++] = Feat(38, s0t, d);
  f[n++] = Feat(39, b0w, d);
  f[n++] = Feat(40, b0t, d);
  f[n++] = Feat(41, s0w, b0w, d);
  f[n++] = Feat(42, s0t, b0t, d);
  // Valency.
  f[n++] = Feat(43, s0w, s0vr);
  f[n++] = Feat(44, s0t, s0vr);
  f[n++] = Feat(45, s0w, s0vl);
  f[n++] = Feat(46, s0t, s0vl);
  f[n++] = Feat(47, b0w, b0vl);
  f[n++] = Feat(48, b0t, b0vl);
  // Children: words, tags, labels.
  f[n++] = Feat(49, s.W(s0l));
  f[n++] = Feat(50, s.T(s0l));
  f[n++] = Feat(51, label_of(s0l));
  f[n++] = Feat(52, s.W(s0r));
  f[n++] = Feat(53, s.T(s0r));
  f[n++] = Feat(54, label_of(s0r));
  f[n++] = Feat(55, s.W(b0l));
  f[n++] = Feat(56, s.T(b0l));
  f[n++] = Feat(57, label_of(b0l));
  f[n++] = Feat(58, s.T(s0l2), label_of(s0l2));
  f[n++] = Feat(59, s.T(s0r2), label_of(s0r2));
  f[n++] = Feat(60, s.T(b0l2), label_of(b0l2));
  f[n++] = Feat(61, s0t, label_of(s0l), label_of(s0l2));
  f[n++] = Feat(62, s0t, label_of(s0r), label_of(s0r2));
  f[n++] = Feat(63, b0t, label_of(b0l), label_of(b0l2));
  f[n++] = Feat(64, s.T(s1r), label_of(s1r));
  // Label sets.
  uint64_t s0ls = s0 >= 0 ? st.lset[s0] : 0, s0rs = s0 >= 0 ? st.rset[s0] : 0;
  uint64_t b0ls = b0 >= 0 ? st.lset[b0] : 0;
  f[n++] = Feat(65, s0w, s0rs);
  f[n++] = Feat(66, s0t, s0rs);
  f[n++] = Feat(67, s0w, s0ls);
  f[n++] = Feat(68, s0t, s0ls);
  f[n++] = Feat(69, b0w, b0ls);
  f[n++] = Feat(70, b0t, b0ls);
  f[n++] = Feat(71, s0t, b0t, label_of(s0r));
  f[n++] = Feat(72, s0t, b0t, label_of(b0l));
  if (s.features >= 2) n += ExtraMoveFeatures(st, s, f + n);
  return n;
}

// At run time MoveFeatures' templates are split three ways; the weights
// added are the same, only the order differs, which integer sums ignore:
// - per-word groups, whose values depend on one word in one role (and, for
//   the "no left / no right children" groups, on that word having none):
//   scored the first time a sentence needs them, then reused;
// - constants, the templates of an absent child: scored once per sentence;
// - the rest, scored at every transition.
// Training keeps MoveFeatures itself (its float sums depend on the order).
// SplitMoveFeatures below, checked against MoveFeatures by a test, says
// which applies in a state.
enum Group {
  kGroupS0,         // s0: 1-3
  kGroupB0,         // b0 and the two words after it: 4-10, 15, 21, 34
  kGroupS1,         // s1: 11-13
  kGroupS2,         // s2: 14
  kGroupS0NoLeft,   // s0 without left children: 45, 46, 61, 67, 68
  kGroupS0NoRight,  // s0 without right children: 43, 44, 62, 65, 66
  kGroupB0NoLeft,   // b0 without left children: 47, 48, 63, 69, 70
  kGroups
};
enum Constant {
  kNoS0Left,    // 49-51
  kNoS0Left2,   // 58
  kNoS0Right,   // 52-54
  kNoS0Right2,  // 59
  kNoB0Left,    // 55-57
  kNoB0Left2,   // 60
  kNoS1Right,   // 64
  kConstants
};
// The features of group g for word x in its role (-1: no word there).
size_t GroupFeatures(int g, int x, const State& st, const Sentence& s,
                     uint64_t* f) {
  size_t n = 0;
  uint64_t w = s.W(x), t = s.T(x);
  switch (g) {
    case kGroupS0:
      f[n++] = Feat(1, w);
      f[n++] = Feat(2, t);
      f[n++] = Feat(3, w, t);
      break;
    case kGroupB0: {
      // The buffer is contiguous, the root last: b1 and b2 follow from b0.
      auto next = [&](int k) {
        return x == 0              ? -1
               : x + k > st.n + 1  ? -1
               : x + k == st.n + 1 ? 0
                                   : x + k;
      };
      int b1 = next(1), b2 = next(2);
      uint64_t b1w = s.W(b1), b1t = s.T(b1), b2t = s.T(b2);
      f[n++] = Feat(4, w);
      f[n++] = Feat(5, t);
      f[n++] = Feat(6, w, t);
      f[n++] = Feat(7, b1w);
      f[n++] = Feat(8, b1t);
      f[n++] = Feat(9, b1w, b1t);
      f[n++] = Feat(10, b2t);
      f[n++] = Feat(15, s.W(b2));
      f[n++] = Feat(21, t, b1t);
      f[n++] = Feat(34, t, b1t, b2t);
      break;
    }
    case kGroupS1:
      f[n++] = Feat(11, w);
      f[n++] = Feat(12, t);
      f[n++] = Feat(13, w, t);
      break;
    case kGroupS2:
      f[n++] = Feat(14, t);
      break;
    case kGroupS0NoLeft: {
      uint64_t count = x >= 0 ? 0 : 99;
      f[n++] = Feat(45, w, count);
      f[n++] = Feat(46, t, count);
      f[n++] = Feat(61, t, kNoLabel, kNoLabel);
      f[n++] = Feat(67, w, 0);
      f[n++] = Feat(68, t, 0);
      break;
    }
    case kGroupS0NoRight: {
      uint64_t count = x >= 0 ? 0 : 99;
      f[n++] = Feat(43, w, count);
      f[n++] = Feat(44, t, count);
      f[n++] = Feat(62, t, kNoLabel, kNoLabel);
      f[n++] = Feat(65, w, 0);
      f[n++] = Feat(66, t, 0);
      break;
    }
    case kGroupB0NoLeft:
      f[n++] = Feat(47, w, 0);
      f[n++] = Feat(48, t, 0);
      f[n++] = Feat(63, t, kNoLabel, kNoLabel);
      f[n++] = Feat(69, w, 0);
      f[n++] = Feat(70, t, 0);
      break;
  }
  return n;
}

size_t ConstantFeatures(int c, uint64_t* f) {
  size_t n = 0;
  switch (c) {
    case kNoS0Left:
      f[n++] = Feat(49, kNone);
      f[n++] = Feat(50, kNone);
      f[n++] = Feat(51, kNoLabel);
      break;
    case kNoS0Left2:
      f[n++] = Feat(58, kNone, kNoLabel);
      break;
    case kNoS0Right:
      f[n++] = Feat(52, kNone);
      f[n++] = Feat(53, kNone);
      f[n++] = Feat(54, kNoLabel);
      break;
    case kNoS0Right2:
      f[n++] = Feat(59, kNone, kNoLabel);
      break;
    case kNoB0Left:
      f[n++] = Feat(55, kNone);
      f[n++] = Feat(56, kNone);
      f[n++] = Feat(57, kNoLabel);
      break;
    case kNoB0Left2:
      f[n++] = Feat(60, kNone, kNoLabel);
      break;
    case kNoS1Right:
      f[n++] = Feat(64, kNone, kNoLabel);
      break;
  }
  return n;
}

// What a state needs: the word of each group (-2: the group does not
// apply) and whether each constant applies.
struct Split {
  int word[kGroups];
  bool constant[kConstants];
};

// Writes the per-transition features to f and fills `split`.
size_t SplitMoveFeatures(const State& st, const Sentence& s, uint64_t* f,
                         Split& split) {
  size_t n = 0;
  int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2);
  int b0 = st.B(0);
  auto label_of = [&](int x) -> uint64_t {
    return x < 0 || st.label[x] < 0 ? kNoLabel : st.label[x] + 8;
  };
  auto at = [](const std::vector<int>& v, int x) { return x < 0 ? -1 : v[x]; };
  uint64_t s0w = s.W(s0), s0t = s.T(s0), s1w = s.W(s1), s1t = s.T(s1);
  uint64_t b0w = s.W(b0), b0t = s.T(b0);
  int b1 = st.B(1);
  uint64_t b1t = s.T(b1), s2t = s.T(s2);
  int s0l = at(st.lc1, s0), s0r = at(st.rc1, s0), b0l = at(st.lc1, b0);
  int s0l2 = at(st.lc2, s0), s0r2 = at(st.rc2, s0), b0l2 = at(st.lc2, b0);
  int s1r = at(st.rc1, s1), s1l = at(st.lc1, s1);
  uint64_t d = (s0 >= 0 && b0 >= 0) ? Dist(st.Pos(s0), st.Pos(b0)) : 7;
  bool s0_left = s0 >= 0 && st.nl[s0] > 0, s0_right = s0 >= 0 && st.nr[s0] > 0;
  bool b0_left = b0 >= 0 && st.nl[b0] > 0;
  split.word[kGroupS0] = s0;
  split.word[kGroupB0] = b0;
  split.word[kGroupS1] = s1;
  split.word[kGroupS2] = s2;
  split.word[kGroupS0NoLeft] = s0_left ? -2 : s0;
  split.word[kGroupS0NoRight] = s0_right ? -2 : s0;
  split.word[kGroupB0NoLeft] = b0_left ? -2 : b0;
  split.constant[kNoS0Left] = s0l < 0;
  split.constant[kNoS0Left2] = s0l2 < 0;
  split.constant[kNoS0Right] = s0r < 0;
  split.constant[kNoS0Right2] = s0r2 < 0;
  split.constant[kNoB0Left] = b0l < 0;
  split.constant[kNoB0Left2] = b0l2 < 0;
  split.constant[kNoS1Right] = s1r < 0;
  // Pairs.
  f[n++] = Feat(16, s0w, b0w);
  f[n++] = Feat(17, s0w, s0t, b0t);
  f[n++] = Feat(18, s0t, b0w, b0t);
  f[n++] = Feat(19, s0w, s0t, b0w, b0t);
  f[n++] = Feat(20, s0t, b0t);
  f[n++] = Feat(22, s1w, s0w);
  f[n++] = Feat(23, s1t, s0t);
  f[n++] = Feat(24, s1w, s0t);
  f[n++] = Feat(25, s1t, s0w);
  f[n++] = Feat(26, s1w, s1t, s0w, s0t);
  // Triples of tags.
  f[n++] = Feat(27, s0t, b0t, b1t);
  f[n++] = Feat(28, s1t, s0t, b0t);
  f[n++] = Feat(29, s0t, s.T(s0l), b0t);
  f[n++] = Feat(30, s0t, s.T(s0r), b0t);
  f[n++] = Feat(31, s0t, b0t, s.T(b0l));
  f[n++] = Feat(32, s1t, s.T(s1r), s0t);
  f[n++] = Feat(33, s2t, s1t, s0t);
  f[n++] = Feat(35, s1t, s0t, s.T(s0l));
  f[n++] = Feat(36, s1t, s.T(s1l), s0t);
  // Distance.
  f[n++] = Feat(37, s0w, d);
  f[n++] = Feat(38, s0t, d);
  f[n++] = Feat(39, b0w, d);
  f[n++] = Feat(40, b0t, d);
  f[n++] = Feat(41, s0w, b0w, d);
  f[n++] = Feat(42, s0t, b0t, d);
  f[n++] = Feat(71, s0t, b0t, label_of(s0r));
  f[n++] = Feat(72, s0t, b0t, label_of(b0l));
  // Children, valency and label sets of words that have children.
  if (s0_left) {
    uint64_t vl = st.nl[s0], ls = st.lset[s0];
    f[n++] = Feat(45, s0w, vl);
    f[n++] = Feat(46, s0t, vl);
    f[n++] = Feat(49, s.W(s0l));
    f[n++] = Feat(50, s.T(s0l));
    f[n++] = Feat(51, label_of(s0l));
    f[n++] = Feat(61, s0t, label_of(s0l), label_of(s0l2));
    f[n++] = Feat(67, s0w, ls);
    f[n++] = Feat(68, s0t, ls);
    if (s0l2 >= 0) f[n++] = Feat(58, s.T(s0l2), label_of(s0l2));
  }
  if (s0_right) {
    uint64_t vr = st.nr[s0], rs = st.rset[s0];
    f[n++] = Feat(43, s0w, vr);
    f[n++] = Feat(44, s0t, vr);
    f[n++] = Feat(52, s.W(s0r));
    f[n++] = Feat(53, s.T(s0r));
    f[n++] = Feat(54, label_of(s0r));
    f[n++] = Feat(62, s0t, label_of(s0r), label_of(s0r2));
    f[n++] = Feat(65, s0w, rs);
    f[n++] = Feat(66, s0t, rs);
    if (s0r2 >= 0) f[n++] = Feat(59, s.T(s0r2), label_of(s0r2));
  }
  if (b0_left) {
    uint64_t vl = st.nl[b0], ls = st.lset[b0];
    f[n++] = Feat(47, b0w, vl);
    f[n++] = Feat(48, b0t, vl);
    f[n++] = Feat(55, s.W(b0l));
    f[n++] = Feat(56, s.T(b0l));
    f[n++] = Feat(57, label_of(b0l));
    f[n++] = Feat(63, b0t, label_of(b0l), label_of(b0l2));
    f[n++] = Feat(69, b0w, ls);
    f[n++] = Feat(70, b0t, ls);
    if (b0l2 >= 0) f[n++] = Feat(60, s.T(b0l2), label_of(b0l2));
  }
  if (s1r >= 0) f[n++] = Feat(64, s.T(s1r), label_of(s1r));
  if (s.features >= 2) n += ExtraMoveFeatures(st, s, f + n);
  return n;
}

size_t LabelFeatures(const State& st, const Sentence& s, int h, int d,
                     uint64_t* f) {
  size_t n = 0;
  uint64_t dir = st.Pos(d) < st.Pos(h) ? 1 : 2;
  uint64_t hw = s.W(h), ht = s.T(h), dw = s.W(d), dt = s.T(d);
  uint64_t dist = Dist(st.Pos(h), st.Pos(d));
  auto label_of = [&](int x) -> uint64_t {
    return x < 0 || st.label[x] < 0 ? kNoLabel : st.label[x] + 8;
  };
  int dl = st.lc1[d], dr = st.rc1[d], hl = st.lc1[h], hr = st.rc1[h];
  uint64_t dsuf = (*s.words)[d - 1].suffix[2];
  uint64_t prev_t = d > 1 ? s.T(d - 1) : kPadBefore;
  uint64_t next_t = d < st.n ? s.T(d + 1) : kPadAfter;
  f[n++] = Feat(101, ht, dt, dir);
  f[n++] = Feat(102, hw, dt, dir);
  f[n++] = Feat(103, ht, dw, dir);
  f[n++] = Feat(104, dw, dir);
  f[n++] = Feat(105, dt, dir);
  f[n++] = Feat(106, hw, dw, dir);
  f[n++] = Feat(107, ht, dt, dist, dir);
  f[n++] = Feat(108, dt, st.lset[d]);
  f[n++] = Feat(109, dt, st.rset[d]);
  f[n++] = Feat(110, dt, label_of(dl));
  f[n++] = Feat(111, dt, label_of(dr));
  f[n++] = Feat(112, dt, s.W(dl));
  f[n++] = Feat(113, ht, st.lset[h], dir);
  f[n++] = Feat(114, ht, st.rset[h], dir);
  f[n++] = Feat(115, prev_t, dt, dir);
  f[n++] = Feat(116, dt, next_t, dir);
  f[n++] = Feat(117, h == 0, dt);
  f[n++] = Feat(118, dw);
  f[n++] = Feat(119, dsuf, dt, dir);
  f[n++] = Feat(120, s.W(dl), hw);
  f[n++] = Feat(121, dt, std::min(st.nl[d], 3), std::min(st.nr[d], 3));
  f[n++] = Feat(122, dt, s.W(dr));
  f[n++] = Feat(123, hw, dir);
  f[n++] = Feat(124, ht, label_of(hl), dir);
  f[n++] = Feat(125, ht, label_of(hr), dir);
  f[n++] = Feat(126, dt, s.T(dl), s.T(dr));
  f[n++] = Feat(127, ht, dt, s.W(dl));
  if (s.features >= 2) {
    // The head's suffix and the dependent's shape (names: flat, compound,
    // appos), the word before and after the dependent, siblings so far.
    uint64_t hsuf = h == 0 ? kRootWord : (*s.words)[h - 1].suffix[2];
    uint64_t dshape = (*s.words)[d - 1].shape;
    uint64_t prev_w = d > 1 ? s.W(d - 1) : kPadBefore;
    uint64_t next_w = d < st.n ? s.W(d + 1) : kPadAfter;
    f[n++] = Feat(128, hsuf, ht, dir);
    f[n++] = Feat(129, dshape, dt, dir);
    f[n++] = Feat(130, hw, dt, dist, dir);
    f[n++] = Feat(131, dt, label_of(dl), label_of(dr));
    f[n++] = Feat(132, dt, s.W(st.lc2[d]));
    f[n++] = Feat(133, ht, dt, st.lset[d], dir);
    f[n++] = Feat(134, prev_w, dt, dir);
    f[n++] = Feat(135, dsuf, ht, dir);
    f[n++] = Feat(136, ht, dt, dir,
                  std::min(st.nl[h], 3) * 4 + std::min(st.nr[h], 3));
    f[n++] = Feat(137, dt, next_w);
  }
  return n;
}

// Arc-hybrid costs against gold heads `g` (index by word; g[0] unused).
void Costs(const State& st, const std::vector<int>& g,
           const std::vector<char>& in_stack, const bool* valid, int* cost) {
  int s0 = st.S(0), s1 = st.S(1), b0 = st.B(0);
  auto in_buffer = [&](int x) { return x == 0 || x >= st.b; };
  if (valid[kShift]) {
    int c = 0;
    int h = g[b0];
    if (h > 0 && in_stack[h] && h != s0) ++c;
    for (int k : st.stack) c += g[k] == b0;
    cost[kShift] = c;
  }
  if (valid[kLeft] || valid[kRight]) {
    int deps = 0;  // s0's gold dependents still in the buffer
    for (int k = st.b; k <= st.n; ++k) deps += g[k] == s0;
    int h = g[s0];
    if (valid[kLeft]) {
      cost[kLeft] = deps + (h != b0 && (h == s1 || in_buffer(h)) ? 1 : 0);
    }
    if (valid[kRight]) {
      cost[kRight] = deps + (h != s1 && in_buffer(h) ? 1 : 0);
    }
  }
}

uint64_t NextRandom(uint64_t& s) {
  uint64_t z = (s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::string_view Universal(std::string_view l) {
  return l.substr(0, l.find(':'));
}

}  // namespace

uint64_t TagValue(std::string_view upos, std::string_view xpos) {
  return Feat(0x544147, StringHash(upos), StringHash(xpos));
}

void Reparse(const Parser& parser, std::vector<conllu::Sentence>& sentences) {
  std::vector<WordFeatures> words;
  std::vector<uint64_t> tags;
  std::vector<int> heads, labels;
  for (conllu::Sentence& s : sentences) {
    ComputeWordFeatures(Forms(s), words);
    tags.clear();
    for (const auto& w : s.words) tags.push_back(TagValue(w.upos, w.xpos));
    parser.Parse(words, tags, heads, labels);
    for (size_t i = 0; i < s.words.size(); ++i) {
      s.words[i].head = heads[i];
      s.words[i].deprel = std::string(parser.Label(labels[i]));
    }
  }
}

bool IsProjective(const std::vector<int>& heads) {
  int n = static_cast<int>(heads.size());
  for (int d = 1; d <= n; ++d) {
    int h = heads[d - 1];
    if (h == 0) continue;
    for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k) {
      int x = k, steps = 0;
      while (x != 0 && x != h && steps++ <= n) x = heads[x - 1];
      if (x != h) return false;
    }
  }
  return true;
}

void Projectivize(std::vector<int>& heads) {
  int n = static_cast<int>(heads.size());
  for (int round = 0; round < n * n; ++round) {
    int best = -1, best_len = 1 << 30;
    for (int d = 1; d <= n; ++d) {
      int h = heads[d - 1];
      if (h == 0 || std::abs(h - d) >= best_len) continue;
      bool crossing = false;
      for (int k = std::min(h, d) + 1; k < std::max(h, d) && !crossing; ++k) {
        int x = k, steps = 0;
        while (x != 0 && x != h && steps++ <= n) x = heads[x - 1];
        crossing = x != h;
      }
      if (crossing) best = d, best_len = std::abs(h - d);
    }
    if (best < 0) return;
    heads[best - 1] = heads[heads[best - 1] - 1];
  }
}

std::vector<int> OracleHeads(const std::vector<int>& heads) {
  int n = static_cast<int>(heads.size());
  std::vector<int> g(n + 1, 0);
  for (int i = 0; i < n; ++i) g[i + 1] = heads[i];
  State st;
  st.Reset(n);
  std::vector<char> in_stack(n + 1, 0);
  bool valid[kMoves];
  int cost[kMoves];
  while (!st.Terminal()) {
    st.Valid(valid);
    Costs(st, g, in_stack, valid, cost);
    int move = -1;
    for (int m = 0; m < kMoves; ++m) {
      if (valid[m] && (move < 0 || cost[m] < cost[move])) move = m;
    }
    // A reduce always has a stack (State::Valid); saying so lets the
    // compiler see the index is never -1.
    if (move == kShift) {
      in_stack[st.b] = 1;
    } else if (!st.stack.empty()) {
      in_stack[st.stack.back()] = 0;
    }
    st.Apply(move);
  }
  return std::vector<int>(st.head.begin() + 1, st.head.end());
}

namespace {

// Every feature SplitMoveFeatures and the groups and constants it asks for
// give in a state, with the row each adds to: 0 for the transition's own
// features, 1 + c for constant c, then one row per group and word. Groups
// and constants already scored (ready) are left out. Returns the count.
constexpr size_t kMaxSplitFeatures = 160;

size_t AllSplitFeatures(const State& st, const Sentence& s, uint64_t* f,
                        uint32_t* owner, char* ready, uint32_t* use,
                        size_t& n_use) {
  Split split;
  size_t nf = SplitMoveFeatures(st, s, f, split);
  std::fill(owner, owner + nf, 0);
  n_use = 0;
  for (int c = 0; c < kConstants; ++c) {
    if (!split.constant[c]) continue;
    uint32_t row = 1 + c;
    use[n_use++] = row;
    if (ready[row]) continue;
    ready[row] = 1;
    size_t k = ConstantFeatures(c, f + nf);
    std::fill(owner + nf, owner + nf + k, row);
    nf += k;
  }
  uint32_t per_group = static_cast<uint32_t>(st.n) + 2;
  for (int g = 0; g < kGroups; ++g) {
    int x = split.word[g];
    if (x == -2) continue;
    uint32_t row = 1 + kConstants + g * per_group + (x + 1);
    use[n_use++] = row;
    if (ready[row]) continue;
    ready[row] = 1;
    size_t k = GroupFeatures(g, x, st, s, f + nf);
    std::fill(owner + nf, owner + nf + k, row);
    nf += k;
  }
  return nf;
}

size_t SplitRows(int n) { return 1 + kConstants + kGroups * (n + 2); }

// Scores transitions at run time from the split features: the per-word
// groups and constants are summed once per sentence into cached rows (they
// depend on the word alone, not on the state, so the cache serves every
// state of a beam too) and each state adds only its own features.
class MoveScorer {
 public:
  MoveScorer(const WeightTable& table, const Sentence& s)
      : table_(table),
        s_(s),
        rows_(ThreadScratch().rows),
        ready_(ThreadScratch().ready) {
    size_t rows = SplitRows(static_cast<int>(s.words->size()));
    rows_.assign(rows * 4, 0);
    ready_.assign(rows, 0);
  }
  // The three transitions' scores in `st`.
  void Score(const State& st, int32_t* scores) {
    size_t nf =
        AllSplitFeatures(st, s_, f_, owner_, ready_.data(), use_, n_use_);
    std::fill(rows_.begin(), rows_.begin() + 4, 0);
    table_.ScoreRows(f_, owner_, nf, rows_.data(), 4);
    for (int m = 0; m < kMoves; ++m) scores[m] = rows_[m];
    for (size_t u = 0; u < n_use_; ++u) {
      for (int m = 0; m < kMoves; ++m) scores[m] += rows_[4 * use_[u] + m];
    }
  }

 private:
  // Sums of the cached groups and constants (and row 0, the state's own
  // features), 4 ints a row, and which rows are summed: scratch reused
  // across sentences on a thread.
  struct Scratch {
    std::vector<int32_t> rows;
    std::vector<char> ready;
  };
  static Scratch& ThreadScratch() {
    thread_local Scratch scratch;
    return scratch;
  }

  const WeightTable& table_;
  const Sentence& s_;
  std::vector<int32_t>& rows_;
  std::vector<char>& ready_;
  uint64_t f_[kMaxSplitFeatures];
  uint32_t owner_[kMaxSplitFeatures];
  uint32_t use_[int{kGroups} + int{kConstants}];
  size_t n_use_ = 0;
};

// Gives the arc just made to dependent d its label (root for the root's).
void LabelArc(const WeightTable& labeller, int root_label, State& st,
              const Sentence& s, int d) {
  thread_local std::vector<int32_t> scores;
  int h = st.head[d];
  int l = root_label;
  if (h != 0) {
    uint64_t f[kMaxFeatures];
    size_t nf = LabelFeatures(st, s, h, d, f);
    scores.assign(static_cast<size_t>(labeller.classes()), 0);
    labeller.Score(f, nf, scores.data());
    scores[root_label] = INT32_MIN;
    l = ArgMax(scores.data(), labeller.classes());
  }
  st.SetLabel(d, l);
}

bool Forced(const bool* valid, int& move) {
  if (valid[kShift] + valid[kLeft] + valid[kRight] != 1) return false;
  move = valid[kShift] ? kShift : valid[kLeft] ? kLeft : kRight;
  return true;
}

// One state of a beam: the configuration and the sum of its moves' scores.
struct BeamItem {
  State st;
  int64_t score = 0;
};

// How an item of the beam after a step was made from one before it.
struct BeamStep {
  int parent = 0;
  int move = 0;
  int label = -1;  // the label its arc got, -1 when the move made none
};

struct Candidate {
  int64_t score;
  int parent;
  int move;
};

// Keeps the `k` best candidates, best first; ties go to the earlier parent
// and the lower move, so a beam is the same on every run.
template <class C>
void KeepBest(std::vector<C>& c, size_t k) {
  auto better = [](const C& a, const C& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.parent != b.parent) return a.parent < b.parent;
    return a.move < b.move;
  };
  k = std::min(k, c.size());
  std::partial_sort(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(k),
                    c.end(), better);
  c.resize(k);
}

}  // namespace

void Parser::ParseBeam(const std::vector<WordFeatures>& words,
                       const std::vector<uint64_t>& tags,
                       std::vector<int>& heads,
                       std::vector<int>& labels) const {
  thread_local std::vector<BeamItem> cur, next;
  thread_local std::vector<Candidate> cands;
  int n = static_cast<int>(words.size());
  Sentence s{&words, &tags, features_};
  MoveScorer scorer(transitions_, s);
  cur.resize(1);
  cur[0].st.Reset(n);
  cur[0].score = 0;
  int32_t scores[kMoves];
  bool valid[kMoves];
  // Every sequence of arc-hybrid moves has 2n of them, so the items of a
  // beam are always comparable.
  for (int t = 0; t < 2 * n; ++t) {
    cands.clear();
    for (size_t i = 0; i < cur.size(); ++i) {
      const State& st = cur[i].st;
      st.Valid(valid);
      int move;
      if (Forced(valid, move)) {
        cands.push_back({cur[i].score, static_cast<int>(i), move});
        continue;
      }
      scorer.Score(st, scores);
      for (int m = 0; m < kMoves; ++m) {
        if (valid[m]) {
          cands.push_back({cur[i].score + scores[m], static_cast<int>(i), m});
        }
      }
    }
    KeepBest(cands, static_cast<size_t>(beam_));
    next.resize(cands.size());
    for (size_t j = 0; j < cands.size(); ++j) {
      BeamItem& it = next[j];
      it.st = cur[cands[j].parent].st;
      it.score = cands[j].score;
      int d = it.st.Apply(cands[j].move);
      if (d >= 0) LabelArc(labeller_, root_label_, it.st, s, d);
    }
    std::swap(cur, next);
  }
  const State& best = cur[0].st;
  heads.assign(best.head.begin() + 1, best.head.end());
  labels.assign(best.label.begin() + 1, best.label.end());
}

void Parser::Parse(const std::vector<WordFeatures>& words,
                   const std::vector<uint64_t>& tags, std::vector<int>& heads,
                   std::vector<int>& labels) const {
  if (beam_ > 1) {
    ParseBeam(words, tags, heads, labels);
    return;
  }
  thread_local State st;
  int n = static_cast<int>(words.size());
  st.Reset(n);
  Sentence s{&words, &tags, features_};
  MoveScorer scorer(transitions_, s);
  int32_t scores[kMoves];
  bool valid[kMoves];
  while (!st.Terminal()) {
    st.Valid(valid);
    int move;
    // A forced move (the stack empty, or the buffer down to the root):
    // ArgMax over one valid move ignores the scores.
    if (!Forced(valid, move)) {
      scorer.Score(st, scores);
      move = ArgMax(scores, kMoves, valid);
    }
    int d = st.Apply(move);
    if (d >= 0) LabelArc(labeller_, root_label_, st, s, d);
  }
  heads.assign(st.head.begin() + 1, st.head.end());
  labels.assign(st.label.begin() + 1, st.label.end());
}

int CheckMoveFeatureSplit(const std::vector<WordFeatures>& words,
                          const std::vector<uint64_t>& tags, uint64_t seed,
                          int features) {
  int n = static_cast<int>(words.size());
  State st;
  st.Reset(n);
  Sentence s{&words, &tags, features};
  // Groups and constants are recomputed in every state here (none ready),
  // so every state is checked in full.
  std::vector<char> ready(SplitRows(n));
  uint64_t full[kMaxFeatures], split[kMaxSplitFeatures];
  uint32_t owner[kMaxSplitFeatures];
  uint32_t use[int{kGroups} + int{kConstants}];
  size_t n_use = 0;
  bool valid[kMoves];
  int checked = 0;
  while (!st.Terminal()) {
    std::fill(ready.begin(), ready.end(), 0);
    size_t a = MoveFeatures(st, s, full);
    size_t b = AllSplitFeatures(st, s, split, owner, ready.data(), use, n_use);
    std::sort(full, full + a);
    std::sort(split, split + b);
    if (!std::equal(full, full + a, split, split + b)) return -1;
    ++checked;
    st.Valid(valid);
    int move;
    do {
      move = static_cast<int>(NextRandom(seed) % kMoves);
    } while (!valid[move]);
    int d = st.Apply(move);
    if (d >= 0) st.SetLabel(d, static_cast<int>(NextRandom(seed) % 40));
  }
  return checked;
}

Result<Parser> Parser::Load(const std::string& path) {
  HEARSAY_ASSIGN_OR_RETURN(ModelFile f, ModelFile::Open(path));
  return FromFile(std::move(f), path);
}

Result<Parser> Parser::FromBytes(std::shared_ptr<const std::string> bytes) {
  HEARSAY_ASSIGN_OR_RETURN(ModelFile f,
                           ModelFile::FromBuffer(*bytes, "(in memory)"));
  HEARSAY_ASSIGN_OR_RETURN(Parser p, FromFile(std::move(f), "(in memory)"));
  p.bytes_ = std::move(bytes);
  return p;
}

Result<Parser> Parser::FromFile(ModelFile f, const std::string& path) {
  Parser p;
  p.file_ = std::make_shared<ModelFile>(std::move(f));
  if (p.file_->Has("features")) {
    HEARSAY_ASSIGN_OR_RETURN(std::string_view features,
                             p.file_->Section("features"));
    if (features != "2") return DataLossError(path + ": bad feature set");
    p.features_ = 2;
  }
  if (p.file_->Has("beam")) {
    HEARSAY_ASSIGN_OR_RETURN(std::string_view beam, p.file_->Section("beam"));
    int k = 0;
    const char* end = beam.data() + beam.size();
    auto [stop, error] = std::from_chars(beam.data(), end, k);
    if (error != std::errc() || stop != end || k < 2 || k > 64) {
      return DataLossError(path + ": bad beam size");
    }
    p.beam_ = k;
  }
  HEARSAY_ASSIGN_OR_RETURN(std::string_view kind, p.file_->Section("kind"));
  if (kind != "parser") {
    return FailedPreconditionError(path + ": not a parser model");
  }
  HEARSAY_ASSIGN_OR_RETURN(std::string_view labels, p.file_->Section("labels"));
  p.labels_ = SplitLines(labels);
  auto root = std::find(p.labels_.begin(), p.labels_.end(), "root");
  if (root == p.labels_.end()) return DataLossError(path + ": no root label");
  p.root_label_ = static_cast<int>(root - p.labels_.begin());
  HEARSAY_ASSIGN_OR_RETURN(p.transitions_,
                           WeightTable::FromModel(*p.file_, "t"));
  HEARSAY_ASSIGN_OR_RETURN(p.labeller_, WeightTable::FromModel(*p.file_, "l"));
  if (p.transitions_.classes() != kMoves ||
      p.labeller_.classes() != p.label_count()) {
    return DataLossError(path + ": weight tables do not match the labels");
  }
  return p;
}

Status Parser::Train(const std::vector<conllu::Sentence>& train,
                     const std::vector<conllu::Sentence>& dev,
                     const TrainOptions& options, const std::string& path) {
  return Train(train, dev, options, ParserOptions(), path);
}

Status Parser::Train(const std::vector<conllu::Sentence>& train,
                     const std::vector<conllu::Sentence>& dev,
                     const TrainOptions& options,
                     const ParserOptions& parser_options,
                     const std::string& path) {
  HEARSAY_ASSIGN_OR_RETURN(std::string bytes,
                           TrainBytes(train, dev, options, parser_options));
  return WriteFileAtomically(path, bytes);
}

namespace {

// Labels the arc just made to d with the labeller as trained so far; with
// `learn`, an arc of the gold tree first teaches the labeller its gold
// label. Returns the label given.
int TrainLabel(PerceptronTrainer& labeller, int root_label, State& st,
               const Sentence& s, int d, const std::vector<int>& gold_heads,
               const std::vector<int>& gold_labels, bool learn) {
  thread_local std::vector<float> scores;
  int h = st.head[d];
  int l = root_label;
  if (h != 0) {
    uint64_t f[kMaxFeatures];
    size_t nf = LabelFeatures(st, s, h, d, f);
    scores.assign(static_cast<size_t>(labeller.classes()), 0.f);
    labeller.Score(f, nf, scores.data());
    scores[root_label] = -1e30f;
    l = ArgMax(scores.data(), labeller.classes());
    int want = gold_labels[d];
    if (learn && h == gold_heads[d] && want >= 0 && want != root_label) {
      labeller.Update(f, nf, want, l);
      labeller.Tick();
    }
  }
  st.SetLabel(d, l);
  return l;
}

// Trains the move and label perceptrons on one sentence with beam search
// over whole transition sequences (ParserOptions::beam). The gold path takes
// zero-cost moves, ties going to the higher score. At the step where the
// beam's best item leads the gold path by most while no item of the beam is
// still correct (max-violation), the gold prefix's moves gain and the best
// item's prefix's lose, so the model learns to rank sequences, not moves.
// The labeller learns on the gold path's arcs as in greedy training.
void TrainBeam(const std::vector<WordFeatures>& words,
               const std::vector<uint64_t>& tags,
               const std::vector<int>& gold_heads,
               const std::vector<int>& gold_labels, int root_label,
               const ParserOptions& po, PerceptronTrainer& moves,
               PerceptronTrainer& labeller, size_t& right, size_t& total) {
  struct Item {
    State st;
    double score = 0;
    bool correct = true;
  };
  struct Cand {
    double score;
    int parent;
    int move;
    bool correct;
  };
  thread_local std::vector<Item> cur, next;
  thread_local std::vector<Cand> cands;
  thread_local std::vector<std::vector<BeamStep>> hist;
  thread_local std::vector<char> in_stack, gold_in;
  thread_local std::vector<int> gold_moves, gold_labs;
  thread_local State gold;
  int n = static_cast<int>(words.size());
  int steps = 2 * n;
  if (steps == 0) return;
  Sentence s{&words, &tags, po.features};
  cur.resize(1);
  cur[0].st.Reset(n);
  cur[0].score = 0;
  cur[0].correct = true;
  gold.Reset(n);
  gold_in.assign(static_cast<size_t>(n) + 1, 0);
  gold_moves.clear();
  gold_labs.clear();
  if (hist.size() < static_cast<size_t>(steps)) hist.resize(steps);
  double gold_score = 0, max_violation = -1;
  int violation_step = -1;
  uint64_t f[kMaxFeatures];
  float sc[kMoves];
  bool valid[kMoves];
  int cost[kMoves];
  for (int t = 0; t < steps; ++t) {
    cands.clear();
    for (size_t i = 0; i < cur.size(); ++i) {
      const State& st = cur[i].st;
      st.Valid(valid);
      std::fill(cost, cost + kMoves, 1);
      if (cur[i].correct) {
        in_stack.assign(static_cast<size_t>(n) + 1, 0);
        for (int x : st.stack) in_stack[x] = 1;
        Costs(st, gold_heads, in_stack, valid, cost);
      }
      int parent = static_cast<int>(i);
      int move;
      if (Forced(valid, move)) {
        cands.push_back(
            {cur[i].score, parent, move, cur[i].correct && cost[move] == 0});
        continue;
      }
      size_t nf = MoveFeatures(st, s, f);
      std::fill(sc, sc + kMoves, 0.f);
      moves.Score(f, nf, sc);
      for (int m = 0; m < kMoves; ++m) {
        if (!valid[m]) continue;
        cands.push_back(
            {cur[i].score + sc[m], parent, m, cur[i].correct && cost[m] == 0});
      }
    }
    KeepBest(cands, static_cast<size_t>(po.beam));
    // The gold path's step.
    gold.Valid(valid);
    Costs(gold, gold_heads, gold_in, valid, cost);
    int gm;
    if (!Forced(valid, gm)) {
      size_t nf = MoveFeatures(gold, s, f);
      std::fill(sc, sc + kMoves, 0.f);
      moves.Score(f, nf, sc);
      gm = -1;
      for (int m = 0; m < kMoves; ++m) {
        if (valid[m] && cost[m] == 0 && (gm < 0 || sc[m] > sc[gm])) gm = m;
      }
      if (gm < 0) gm = ArgMax(sc, kMoves, valid);  // unreachable gold
      gold_score += sc[gm];
    }
    if (gm == kShift) gold_in[gold.b] = 1;
    if (gm != kShift) gold_in[gold.S(0)] = 0;
    gold_moves.push_back(gm);
    int gd = gold.Apply(gm);
    gold_labs.push_back(gd < 0 ? -1
                               : TrainLabel(labeller, root_label, gold, s, gd,
                                            gold_heads, gold_labels, true));
    // The beam's step.
    next.resize(cands.size());
    hist[t].resize(cands.size());
    bool any_correct = false;
    for (size_t j = 0; j < cands.size(); ++j) {
      Item& it = next[j];
      it.st = cur[cands[j].parent].st;
      it.score = cands[j].score;
      it.correct = cands[j].correct;
      any_correct |= it.correct;
      int d = it.st.Apply(cands[j].move);
      int l = d < 0 ? -1
                    : TrainLabel(labeller, root_label, it.st, s, d, gold_heads,
                                 gold_labels, false);
      hist[t][j] = {cands[j].parent, cands[j].move, l};
    }
    ++total;
    right += next[0].correct;
    if (!any_correct && next[0].score - gold_score > max_violation) {
      max_violation = next[0].score - gold_score;
      violation_step = t;
    }
    moves.Tick();
    std::swap(cur, next);
  }
  if (violation_step < 0 && !cur[0].correct) violation_step = steps - 1;
  if (violation_step < 0) return;
  // Replays a path from the empty state, adding delta to each of its
  // scored moves' features.
  auto replay = [&](const std::vector<BeamStep>& path, float delta) {
    State& r = next[0].st;
    r.Reset(n);
    for (const BeamStep& step : path) {
      r.Valid(valid);
      int forced;
      if (!Forced(valid, forced)) {
        size_t nf = MoveFeatures(r, s, f);
        moves.Add(f, nf, step.move, delta);
      }
      int d = r.Apply(step.move);
      if (d >= 0) r.SetLabel(d, step.label);
    }
  };
  std::vector<BeamStep> path(static_cast<size_t>(violation_step) + 1);
  for (int t = 0; t <= violation_step; ++t) {
    path[t] = {0, gold_moves[t], gold_labs[t]};
  }
  replay(path, 1.f);
  int idx = 0;
  for (int t = violation_step; t >= 0; --t) {
    path[t] = hist[t][idx];
    idx = hist[t][idx].parent;
  }
  replay(path, -1.f);
}

}  // namespace

Result<std::string> Parser::TrainBytes(
    const std::vector<conllu::Sentence>& train,
    const std::vector<conllu::Sentence>& dev, const TrainOptions& options,
    const ParserOptions& parser_options) {
  if (parser_options.features < 1 || parser_options.features > 2) {
    return InvalidArgumentError("parser feature set must be 1 or 2");
  }
  if (parser_options.beam < 1 || parser_options.beam > 64) {
    return InvalidArgumentError("parser beam must be 1 to 64");
  }
  std::map<std::string, int> label_count;
  for (const auto& s : train) {
    for (const auto& w : s.words) ++label_count[w.deprel];
  }
  label_count["root"] += 0;
  std::vector<std::string> labels;
  std::map<std::string, int> label_id;
  for (const auto& [l, c] : label_count) {
    if (labels.size() >= 64) break;
    label_id[l] = static_cast<int>(labels.size());
    labels.push_back(l);
  }
  int n_labels = static_cast<int>(labels.size());
  int root_label = label_id["root"];

  struct Prepared {
    std::vector<WordFeatures> words;
    std::vector<uint64_t> tags;
    std::vector<int> gold;    // projectivised, by word (index 0 unused)
    std::vector<int> labels;  // by word (index 0 unused), -1 unknown
  };
  auto prepare = [&](const std::vector<conllu::Sentence>& data,
                     const std::vector<conllu::Sentence>* tagged) {
    std::vector<Prepared> out;
    out.reserve(data.size());
    for (const auto& s : data) {
      Prepared p;
      ComputeWordFeatures(Forms(s), p.words);
      std::vector<int> heads;
      bool ok = true;
      for (const auto& w : s.words) {
        const conllu::Word& t =
            tagged ? (*tagged)[out.size()].words[&w - s.words.data()] : w;
        p.tags.push_back(TagValue(t.upos, t.xpos));
        if (w.head < 0 || w.head > static_cast<int>(s.words.size())) ok = false;
        heads.push_back(w.head);
      }
      if (!ok) heads.assign(s.words.size(), 0);
      Projectivize(heads);
      p.gold.push_back(0);
      p.gold.insert(p.gold.end(), heads.begin(), heads.end());
      p.labels.push_back(-1);
      for (const auto& w : s.words) {
        auto it = label_id.find(w.deprel);
        p.labels.push_back(it == label_id.end() ? -1 : it->second);
      }
      out.push_back(std::move(p));
    }
    return out;
  };
  std::vector<Prepared> tr = prepare(train, options.tagged_train);

  Parser probe;
  probe.labels_ = labels;
  probe.root_label_ = root_label;
  probe.features_ = parser_options.features;
  probe.beam_ = parser_options.beam;
  // Each run learns from its own shuffles and explorations; the model is
  // the mean of the runs' weights (run 0 alone is what one run gives).
  TrainingRuns runs(options.runs, tr.size(), options.seed);
  std::vector<PerceptronTrainer> all_moves(runs.size(),
                                           PerceptronTrainer(kMoves)),
      all_labellers(runs.size(), PerceptronTrainer(n_labels));
  uint64_t f[kMaxFeatures];
  float scores[kMoves];
  std::vector<char> in_stack;
  State st;
  double best_las = -1;
  WeightTable best_t, best_l;
  auto score_dev = [&](const Parser& parser) {
    size_t uas = 0, las = 0, total = 0;
    std::vector<WordFeatures> words;
    std::vector<uint64_t> tags;
    std::vector<int> heads, out_labels;
    for (const auto& s : dev) {
      ComputeWordFeatures(Forms(s), words);
      tags.clear();
      const conllu::Sentence& t =
          options.tagged_dev ? (*options.tagged_dev)[&s - dev.data()] : s;
      for (const auto& w : t.words) tags.push_back(TagValue(w.upos, w.xpos));
      parser.Parse(words, tags, heads, out_labels);
      for (size_t i = 0; i < s.words.size(); ++i) {
        ++total;
        if (heads[i] != s.words[i].head) continue;
        ++uas;
        las += Universal(labels[out_labels[i]]) == Universal(s.words[i].deprel);
      }
    }
    return std::pair<double, double>(total ? 100.0 * uas / total : 0.0,
                                     total ? 100.0 * las / total : 0.0);
  };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    size_t moves_right = 0, moves_total = 0;
    for (int k = 0; k < runs.size(); ++k) {
      PerceptronTrainer& moves = all_moves[k];
      PerceptronTrainer& labeller = all_labellers[k];
      uint64_t& rng = runs.rngs[k];
      Shuffle(runs.orders[k], rng);
      for (size_t si : runs.orders[k]) {
        const Prepared& p = tr[si];
        int n = static_cast<int>(p.words.size());
        if (parser_options.beam > 1) {
          TrainBeam(p.words, p.tags, p.gold, p.labels, root_label,
                    parser_options, moves, labeller, moves_right, moves_total);
          continue;
        }
        st.Reset(n);
        in_stack.assign(n + 1, 0);
        Sentence s{&p.words, &p.tags, parser_options.features};
        bool valid[kMoves];
        int cost[kMoves];
        while (!st.Terminal()) {
          size_t nf = MoveFeatures(st, s, f);
          std::fill(scores, scores + kMoves, 0.f);
          moves.Score(f, nf, scores);
          st.Valid(valid);
          Costs(st, p.gold, in_stack, valid, cost);
          int guess = ArgMax(scores, kMoves, valid);
          int min_cost = 1 << 30;
          for (int m = 0; m < kMoves; ++m) {
            if (valid[m]) min_cost = std::min(min_cost, cost[m]);
          }
          int truth = -1;
          for (int m = 0; m < kMoves; ++m) {
            if (valid[m] && cost[m] == min_cost &&
                (truth < 0 || scores[m] > scores[truth])) {
              truth = m;
            }
          }
          int move = truth;
          if (cost[guess] == min_cost) {
            move = guess;
            ++moves_right;
          } else {
            moves.Update(f, nf, truth, guess);
            // Exploration: from the second epoch on, sometimes follow the
            // mistake so the model learns to recover from its own errors.
            if (epoch > 1 && NextRandom(rng) % 10 < 9) move = guess;
          }
          ++moves_total;
          moves.Tick();
          if (move == kShift) in_stack[st.b] = 1;
          if (move != kShift) in_stack[st.S(0)] = 0;
          int d = st.Apply(move);
          if (d >= 0) {
            TrainLabel(labeller, root_label, st, s, d, p.gold, p.labels, true);
          }
        }
      }
    }
    probe.transitions_ = ExportMean(all_moves, options.prune);
    probe.labeller_ = ExportMean(all_labellers, options.prune);
    auto [uas_pct, las_pct] = score_dev(probe);
    char line[256];
    std::snprintf(line, sizeof(line),
                  "epoch %d  oracle-agreement %.2f  dev UAS %.2f  LAS %.2f  "
                  "stored %.1f MB",
                  epoch, moves_total ? 100.0 * moves_right / moves_total : 0.0,
                  uas_pct, las_pct,
                  (probe.transitions_.bytes() + probe.labeller_.bytes()) / 1e6);
    if (options.log) options.log(line);
    if (las_pct > best_las) {
      best_las = las_pct;
      best_t = probe.transitions_;
      best_l = probe.labeller_;
    }
  }
  float cut = FitToSize({&best_t, &best_l}, options.max_bytes);
  if (cut > 0) {
    probe.transitions_ = best_t;
    probe.labeller_ = best_l;
    auto [uas_pct, las_pct] = score_dev(probe);
    char line[200];
    std::snprintf(line, sizeof(line),
                  "pruned weights below %.3f: dev UAS %.2f  LAS %.2f  "
                  "stored %.1f MB",
                  cut, uas_pct, las_pct,
                  (best_t.bytes() + best_l.bytes()) / 1e6);
    if (options.log) options.log(line);
  }
  ModelWriter w;
  w.Add("kind", "parser");
  w.Add("labels", JoinLines(labels));
  best_t.AddTo(w, "t");
  best_l.AddTo(w, "l");
  if (parser_options.features != 1) {
    w.Add("features", std::to_string(parser_options.features));
  }
  if (parser_options.beam > 1) {
    w.Add("beam", std::to_string(parser_options.beam));
  }
  return w.Serialize();
}

}  // namespace hearsay::nlp
