// The read-only data the segmenter consults: lexicons and the sentence
// boundary model, parsed once from the embedded files (and optionally a user
// lexicon directory) and then shared by every Segmenter copy. Immutable after
// Load(); safe to read from many threads.
#ifndef HEARSAY_TEXT_RESOURCES_H_
#define HEARSAY_TEXT_RESOURCES_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hearsay/status.h"
#include "text/sentence_model.h"

namespace hearsay::text_internal {

// A string-keyed map for the tokenizer's lexicons, looked up on the hot
// path with a string_view (no std::string is built). Open addressing over
// a small index of (hash, entry) slots at most a quarter full: nearly every
// miss, the common case, ends at an empty first slot, without the modulo
// and the pointer chase of std::unordered_map. find() returns the entry or
// end() (nullptr), so call sites read like those of a standard map. Entries
// move while the map grows: a pointer from find() lasts until the next
// insertion. Built once, then only read; reads are thread-safe.
template <typename V>
class FlatStringMap {
 public:
  using value_type = std::pair<std::string, V>;

  const value_type* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = Hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && entries_[s.entry].first == key) {
        return &entries_[s.entry];
      }
    }
  }
  const value_type* end() const { return nullptr; }
  size_t count(std::string_view key) const { return find(key) != nullptr; }
  size_t size() const { return entries_.size(); }

  // The value of `key`, inserted (value-initialised) when absent.
  V& operator[](std::string_view key) {
    if (const value_type* e = find(key)) {
      return entries_[static_cast<size_t>(e - entries_.data())].second;
    }
    if ((entries_.size() + 1) * 4 > slots_.size()) {
      Grow(std::max<size_t>(16, slots_.size() * 2));
    }
    entries_.emplace_back(std::string(key), V{});
    Place(Hash(key), static_cast<uint32_t>(entries_.size() - 1));
    return entries_.back().second;
  }
  void insert(std::string_view key) { (*this)[key]; }

 private:
  struct Slot {
    uint64_t hash = 0;  // 0: empty
    uint32_t entry = 0;
  };
  // FNV-1a, inline: keys are short words. Never 0.
  static uint64_t Hash(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
    return (h ^ (h >> 29)) | 1;
  }
  void Place(uint64_t h, uint32_t entry) {
    size_t i = h & mask_;
    while (slots_[i].hash != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{h, entry};
  }
  void Grow(size_t size) {
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (size_t e = 0; e < entries_.size(); ++e) {
      Place(Hash(entries_[e].first), static_cast<uint32_t>(e));
    }
  }
  std::vector<value_type> entries_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

struct Present {};
using StringSet = FlatStringMap<Present>;
template <typename V>
using StringMap = FlatStringMap<V>;

enum class AbbrevKind : uint8_t { kTitle, kMonth, kNumber, kOther };

struct Abbreviation {
  AbbrevKind kind = AbbrevKind::kOther;
  bool needs_capital = false;
  // A state that is also a title ("Del." for Delegate): a place after a
  // comma ("Dover, Del."), a title elsewhere before a capitalised word
  // ("said Del. Ada Ross").
  bool also_title = false;
};

// A set of WordKey()s (never 0), asked once for most gaps before a capital.
// An open-addressing table kept at most 1/8 full, so that nearly every
// lookup ends at its first slot, found or empty, and the loop's branch is
// predictable where a binary search's are not.
class WordKeySet {
 public:
  void Insert(uint64_t key);
  bool Contains(uint64_t key) const {
    if (slots_.empty()) return false;
    const size_t mask = slots_.size() - 1;
    size_t i = key & mask;
    while (slots_[i] != 0 && slots_[i] != key) i = (i + 1) & mask;
    return slots_[i] == key;
  }
  size_t size() const { return size_; }

 private:
  std::vector<uint64_t> slots_;
  size_t size_ = 0;
};

struct Resources {
  // Lower case, with the final period ("inc.").
  StringMap<Abbreviation> abbreviations;
  // Lower case ("co" for "co-workers").
  StringSet hyphen_prefixes;
  // Lower-case token -> byte lengths of its words ("gonna" -> {3, 2}).
  StringMap<std::vector<uint8_t>> multiwords;
  size_t shortest_multiword = SIZE_MAX, longest_multiword = 0;
  // One-hash Bloom filter over the lower-cased multiword entries: most
  // words are rejected without touching the map.
  uint64_t multiword_filter[64] = {};
  // The filter bit of a word, lower-casing ASCII letters on the way.
  static uint32_t FilterBit(std::string_view word) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
    return static_cast<uint32_t>((h ^ (h >> 32)) & 4095);
  }
  // Bit (last byte & 31) of multiword_ends[length][first byte & 31] is set
  // for every entry (lengths from 15 up share the last row): the five low
  // bits of a byte are the same for both cases of an ASCII letter, so this
  // is a case-insensitive test on the length and two bytes that rejects
  // nearly every word before any hashing, and whose branch therefore
  // predicts well. (First and last bytes alone let through one word in
  // eight: "this", "times" for "thats".)
  uint32_t multiword_ends[16][32] = {};
  static size_t EndsRow(size_t length) { return std::min<size_t>(length, 15); }
  // False when `word` (any case, not empty) is surely not a multiword entry.
  bool MaybeMultiword(std::string_view word) const {
    if (!(multiword_ends[EndsRow(word.size())][word.front() & 31] >>
              (word.back() & 31) &
          1)) {
      return false;
    }
    uint32_t b = FilterBit(word);
    return multiword_filter[b >> 6] >> (b & 63) & 1;
  }
  StringSet emoticons;
  // Lower case: units split from a number written against them ("5pm").
  StringSet units;
  // Lower case: words that begin a sentence after an abbreviation.
  StringSet sentence_starters;
  // WordKey()s of the words after which a sentence does not end before a
  // capitalised word.
  WordKeySet non_final_words;
  size_t longest_emoticon = 0;
  SentenceModel sentence_model;

  // Parses abbreviations.tsv / tokenization.tsv content; `name` prefixes
  // error messages.
  Status AddAbbreviations(std::string_view tsv, std::string_view name);
  Status AddTokenization(std::string_view tsv, std::string_view name);
  Status AddSentenceStarters(std::string_view tsv, std::string_view name);
  Status AddNonFinalWords(std::string_view tsv, std::string_view name);
};

// What Segmenter::Segment() does, with its resources and options given;
// `tokenizer_fast_path` false sends every chunk through the tokenizer's
// general path, which the fast path must match (segmenter_test checks it on
// real news).
void SegmentWith(const Resources& r, const SegmenterOptions& options,
                 bool tokenizer_fast_path, std::string_view text,
                 Segmentation* out);

// The embedded lexicons and model; parsed on first use, never freed.
std::shared_ptr<const Resources> DefaultResources();
// The embedded data plus the files found in `dir`.
Result<std::shared_ptr<const Resources>> LoadResources(const std::string& dir);

// Lower-cases ASCII letters of `s` into `buf` (capacity `cap`); returns the
// view, or an empty view when s does not fit.
std::string_view LowerAscii(std::string_view s, char* buf, size_t cap);

}  // namespace hearsay::text_internal

#endif  // HEARSAY_TEXT_RESOURCES_H_
