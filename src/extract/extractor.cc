// Entities and statements of one document (hearsay/extractor.h).
//
// Extract() works on one DocState: the document's words laid out flat (one
// array for the whole text, heads as document-wide indices), the mentions
// found so far, and the statements. The passes run in a fixed order, each
// reading what the earlier ones wrote:
//   1. words: segment, annotate each sentence, token keys, subtree extents;
//   2. mentions: gazetteer matches, then the recogniser's names, then roles
//      read off the titles before a person's name, then definite nominals and
//      groups ("the automaker", "both companies");
//   3. quotation marks: regions, reopened across paragraphs;
//   4. statements: quotes with their speech verb, speech verbs with their
//      clauses (partial when a quote sits inside), passives ("reported by"),
//      sourcing cues ("according to", "citing"), speech nouns ("Ford's
//      denial");
//   5. entities renumbered in order of first mention.
#include "hearsay/extractor.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/hash.h"
#include "extract/doc_state.h"
#include "extract/lexicons.h"
#include "hearsay/nlp.h"
#include "hearsay/text.h"

namespace hearsay {
namespace extract_internal {

// ---------------------------------------------------------------- words

namespace {

// Words that open a clause and that the parser may read as a preposition of
// the clause's subject ("a day after the company denied a report").
constexpr std::string_view kClauseOpeners[] = {"after", "before", "since",
                                               "until", "once",   "as"};

// Most words of four letters or more start with a capital.
bool TitleCase(const std::vector<std::string_view>& words) {
  int long_words = 0, capitalised = 0;
  for (std::string_view w : words) {
    if (w.size() < 4) continue;
    ++long_words;
    capitalised += std::isupper(static_cast<unsigned char>(w[0])) != 0;
  }
  return long_words >= 2 && capitalised * 10 >= long_words * 8;
}

// A word in capitals, of letters only ("TACOMA", not "U.S." or "A").
bool AllCapitals(std::string_view w) {
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) {
           return std::isupper(static_cast<unsigned char>(c));
         });
}

// A day is when something was said, never who said it ("..., said
// Wednesday a ministry official", parsed with the day as the subject).
bool DayWord(std::string_view w) {
  static constexpr std::string_view kDays[] = {
      "monday",   "tuesday", "wednesday", "thursday",  "friday",
      "saturday", "sunday",  "today",     "yesterday", "tonight"};
  for (std::string_view d : kDays)
    if (EqualsIgnoreCase(w, d)) return true;
  return false;
}
// Defined with the other word tests below.
bool TimeNoun(std::string_view lemma);
bool RelativePronoun(std::string_view w);

}  // namespace

// Word k says when, not who: a day ("Tuesday") or a noun of time ("week").
bool DocState::WhenWord(int k) const {
  return DayWord(words_[k].form) || TimeNoun(words_[k].lemma);
}

// Whether word `a` is word `w` or one of its heads. The guard stops at a
// cycle, which a repair that moved a word must never leave.
bool DocState::Dominates(int a, int w) const {
  const int n = static_cast<int>(words_.size());
  for (int k = w, guard = 0; k >= 0 && guard <= n; k = words_[k].head, ++guard)
    if (k == a) return true;
  return false;
}

// Whether `word` occurs in the body (from byte `from` on) with its capital
// after a lower-case word or a comma: a name, not a sentence's first word.
bool DocState::CapitalisedInBody(std::string_view word, uint32_t from) const {
  std::string_view body = text_.substr(std::min<size_t>(from, text_.size()));
  auto letter = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
  };
  for (size_t at = body.find(word); at != std::string_view::npos;
       at = body.find(word, at + 1)) {
    size_t end = at + word.size();
    if ((at > 0 && letter(body[at - 1])) ||
        (end < body.size() && letter(body[end])))
      continue;
    size_t k = at;
    while (k > 0 && body[k - 1] == ' ') --k;
    if (k == at || k == 0) continue;
    char prev = body[k - 1];
    if (std::islower(static_cast<unsigned char>(prev)) || prev == ',')
      return true;
  }
  return false;
}

void DocState::Annotate() {
  r_.segmenter.Segment(text_, &seg_);
  // "Rep. Dana Whitcomb (D-Mass.) said ...": a sentence closed at the
  // bracket after a state's abbreviation goes on when the next one starts
  // in lower case, or the speaker is cut off from the verb.
  {
    std::vector<Sentence>& ss = seg_.sentences;
    size_t out = 0;
    for (size_t i = 0; i < ss.size(); ++i) {
      if (out > 0) {
        Sentence& prev = ss[out - 1];
        std::string_view pt = prev.span.Slice(text_);
        std::string_view nt = ss[i].span.Slice(text_);
        if (prev.paragraph == ss[i].paragraph && pt.ends_with(".)") &&
            !nt.empty() && std::islower(static_cast<unsigned char>(nt[0])) &&
            prev.first_token + prev.token_count == ss[i].first_token) {
          prev.span.end = ss[i].span.end;
          prev.token_count += ss[i].token_count;
          continue;
        }
      }
      ss[out++] = ss[i];
    }
    ss.resize(out);
  }
  words_.resize(seg_.words.size());
  keys_.resize(seg_.words.size());
  consumed_.assign(seg_.words.size(), false);
  nlp::AnnotatedSentence a;
  // Every sentence's annotation, kept until the names of the whole
  // document have agreed on their types (Pipeline::AgreeNames).
  std::vector<nlp::AnnotatedSentence> annotated;
  std::vector<int> annotated_first;
  std::vector<int> datelines;  // sentences that open with one
  for (size_t si = 0; si < seg_.sentences.size(); ++si) {
    const Sentence& s = seg_.sentences[si];
    if (s.token_count == 0) continue;
    const Token& ft = seg_.tokens[s.first_token];
    const Token& lt = seg_.tokens[s.first_token + s.token_count - 1];
    int first = static_cast<int>(ft.first_word);
    int last = static_cast<int>(lt.first_word + lt.word_count);
    sents_.push_back({s.span, first, last, s.paragraph});
    int sent = static_cast<int>(sents_.size()) - 1;
    a.words.clear();
    for (int i = first; i < last; ++i) {
      const Word& w = seg_.words[i];
      a.words.push_back(w.form.empty() ? w.span.Slice(text_)
                                       : std::string_view(w.form));
    }
    // A headline in title case ("Xiaomi and Ford Deny Joint EV Venture")
    // is tagged as a sentence would be written: the models learnt from
    // sentence case, and read every capital as a name. Names the gazetteers
    // know keep their capitals; the words keep their original forms.
    std::vector<std::string> folded;
    std::vector<std::string_view> original;
    // A text given without its title often opens with it: a first
    // paragraph of one sentence before others is read as the headline.
    const bool headline =
        s.span.end <= doc_.body_begin ||
        (doc_.body_begin == 0 && si == 0 && seg_.sentences.size() > 1 &&
         seg_.sentences[1].paragraph != s.paragraph);
    if (headline && TitleCase(a.words)) {
      std::vector<TokenKey> k;
      for (std::string_view f : a.words) k.push_back(TokenKey::Of(f));
      std::vector<bool> named(a.words.size(), false);
      std::vector<PhraseMatch> hits;
      for (size_t i = 0; i < a.words.size(); ++i) {
        hits.clear();
        lex_.Match(k, i, &hits, kGazetteerKinds);
        for (const PhraseMatch& m : hits) {
          for (size_t j = i; j < i + m.length && j < named.size(); ++j)
            named[j] = true;
        }
      }
      original = a.words;
      folded.reserve(a.words.size());
      for (size_t i = 0; i < a.words.size(); ++i) {
        std::string_view f = a.words[i];
        bool title =
            f.size() > 1 && std::isupper(static_cast<unsigned char>(f[0]));
        for (size_t j = 1; j < f.size() && title; ++j)
          title = std::islower(static_cast<unsigned char>(f[j])) != 0;
        // A name the body writes with its capital inside a sentence
        // ("said Dornfield") keeps it.
        folded.push_back(
            title && !named[i] &&
                    !CapitalisedInBody(f, std::max(doc_.body_begin, s.span.end))
                ? Lower(f)
                : std::string(f));
      }
      for (size_t i = 0; i < a.words.size(); ++i) a.words[i] = folded[i];
    }
    r_.pipeline.Annotate(a);
    // "director of communications at WHO, told Mashable": an acronym the
    // gazetteers list that is also a word of grammar ("WHO", "US") may be
    // tagged as that word, and the parse around it goes with the tag. Such
    // a sentence is annotated again with a stand-in the models know as a
    // name in capitals; the words keep their original forms.
    std::vector<size_t> replaced;                   // words given a stand-in
    std::vector<std::pair<size_t, size_t>> titles;  // [begin, end) words
    for (size_t k = 0; k < a.words.size(); ++k) {
      const std::string_view u = a.upos[k];
      if ((u == "PRON" || u == "AUX" || u == "DET" || u == "ADP" ||
           u == "SCONJ" || u == "CCONJ") &&
          AllCapitals(a.words[k]) && lex_.FindName(a.words[k]) &&
          // (Not in a line of capitals: "WHO IS TO BLAME".)
          (k == 0 || !AllCapitals(a.words[k - 1])) &&
          (k + 1 == a.words.size() || !AllCapitals(a.words[k + 1]))) {
        if (original.empty()) original = a.words;
        a.words[k] = "NATO";
        replaced.push_back(k);
      }
    }
    // 'said on NBC's "Meet the Press" on Sunday that ...', 'told CBS's
    // "Face the Nation" that ...': the words of a programme's title are
    // tagged and parsed as words of the sentence ("Meet" its verb, the
    // reported clause hung on it). A few words in title case between
    // quotation marks after "on", "with", "to" or telling, the network's
    // name and "'s" perhaps between, are annotated again as one name.
    const size_t nw = a.words.size();
    for (size_t k = 0; k + 2 < nw; ++k) {
      if (a.words[k] != "\"" && a.words[k] != "\xE2\x80\x9C") continue;
      size_t close = k + 1;
      bool title = true;
      for (;
           close < nw && close <= k + 6 && !IsClosingQuoteMark(a.words[close]);
           ++close) {
        if (a.words[close].empty()) break;
        const auto c0 = static_cast<unsigned char>(a.words[close][0]);
        const std::string_view u = a.upos[close];
        title &= std::isupper(c0) || std::isdigit(c0) ||
                 (close > k + 1 && (u == "DET" || u == "ADP" || u == "CCONJ"));
      }
      if (!title || close == k + 1 || close >= nw ||
          !IsClosingQuoteMark(a.words[close]))
        continue;
      size_t pre = k;  // the word before the title, past "NBC's"
      if (pre >= 2 && IsPossessiveS(a.words[pre - 1]) &&
          a.upos[pre - 2] == "PROPN") {
        pre -= 2;
        while (pre > 0 && a.upos[pre - 1] == "PROPN") --pre;
      }
      if (pre == 0) continue;
      const std::string_view before = a.words[pre - 1];
      if (!(((EqualsIgnoreCase(before, "on") ||
              EqualsIgnoreCase(before, "with") ||
              EqualsIgnoreCase(before, "to")) &&
             a.upos[pre - 1] == "ADP") ||
            EqualsIgnoreCase(before, "told") ||
            EqualsIgnoreCase(before, "tells") ||
            EqualsIgnoreCase(before, "telling")))
        continue;
      if (original.empty()) original = a.words;
      for (size_t j = k + 1; j < close; ++j) {
        a.words[j] = "Hardball";
        replaced.push_back(j);
      }
      titles.emplace_back(k + 1, close);
      k = close;
    }
    if (!replaced.empty()) {
      r_.pipeline.Annotate(a);
      // (A stand-in's lemma is its own; a programme is a work, whatever
      // type its stand-in got.)
      for (size_t j : replaced) a.lemma[j] = std::string(original[j]);
      for (const auto& [b, e] : titles) {
        for (size_t j = b; j < e; ++j)
          a.entity[j] = j == b ? "B-MISC" : "I-MISC";
      }
    }
    if (!original.empty()) a.words = original;
    if (const char* dbg = std::getenv("HEARSAY_EXTRACT_DEBUG");
        dbg && std::string_view(dbg) != "claims") {
      for (size_t k = 0; k < a.words.size(); ++k) {
        std::fprintf(stderr, "%zu\t%.*s\t%.*s\t%d\t%.*s\t%.*s\n", k + 1,
                     static_cast<int>(a.words[k].size()), a.words[k].data(),
                     static_cast<int>(a.upos[k].size()), a.upos[k].data(),
                     a.head[k], static_cast<int>(a.deprel[k].size()),
                     a.deprel[k].data(), static_cast<int>(a.entity[k].size()),
                     a.entity[k].data());
      }
      std::fprintf(stderr, "\n");
    }
    for (int i = first; i < last; ++i) {
      int k = i - first;
      W& w = words_[i];
      w.span = seg_.words[i].span;
      w.form = a.words[k];
      w.upos = a.upos[k];
      w.deprel = a.deprel[k];
      w.ner = a.entity[k];
      w.lemma = a.lemma[k];
      w.head = a.head[k] == 0 ? -1 : first + a.head[k] - 1;
      w.sent = sent;
      w.lo = w.hi = i;
      keys_[i] = TokenKey::Of(w.form, w.lemma);
    }
    // Subtree extents: every word widens each of its ancestors (again
    // after a repair of the tree).
    auto extents = [&] {
      for (int i = first; i < last; ++i) {
        int h = words_[i].head;
        for (int guard = 0; h >= 0 && guard < last - first; ++guard) {
          words_[h].lo = std::min(words_[h].lo, i);
          words_[h].hi = std::max(words_[h].hi, i);
          h = words_[h].head;
        }
      }
    };
    extents();
    bool repaired = SubjectsInModifiers(first, last);
    // (The dateline first: a day left as the only subject is then the
    // day's to repair.)
    const int dash = DatelineEnd(first, std::min(first + 10, last));
    if (dash >= 0) {
      datelines.push_back(sent);
      repaired |= DatelineSubjects(first, dash, last);
    }
    repaired |= DaySubjects(first, last);
    repaired |= ClausesAfterCitations(first, last);
    repaired |= ReportingParticiples(first, last);
    repaired |= WithParticipleSubjects(first, last);
    if (repaired) {
      for (int i = first; i < last; ++i) words_[i].lo = words_[i].hi = i;
      extents();
    }
    // Only what AgreeNames reads: the words and their name tags.
    annotated.emplace_back();
    annotated.back().words = a.words;
    annotated.back().entity = a.entity;
    annotated_first.push_back(first);
  }
  r_.pipeline.AgreeNames(annotated);
  for (size_t j = 0; j < annotated.size(); ++j) {
    for (size_t k = 0; k < annotated[j].entity.size(); ++k)
      words_[annotated_first[j] + k].ner = annotated[j].entity[k];
  }
  // "PORT ALBERNI, British Columbia — ...": the words in capitals that open
  // a dateline name the place the story was filed from, which the tagger
  // and the recogniser, seeing capitals, take for a common noun or an
  // organisation.
  for (int d : datelines) {
    const SentInfo& si = sents_[d];
    const int last = static_cast<int>(si.last);
    for (int k = si.first; k < last && AllCapitals(words_[k].form); ++k) {
      words_[k].ner = k == si.first ? "B-PLACE" : "I-PLACE";
      words_[k].upos = "PROPN";
    }
  }
  // The dependents of every word, once: the rules ask for them thousands
  // of times per document. A counting sort keeps each list in text order.
  const size_t n = words_.size();
  child_begin_.assign(n + 1, 0);
  for (const W& w : words_)
    if (w.head >= 0) ++child_begin_[w.head + 1];
  for (size_t i = 0; i < n; ++i) child_begin_[i + 1] += child_begin_[i];
  child_list_.resize(child_begin_[n]);
  std::vector<int> fill(child_begin_.begin(), child_begin_.end() - 1);
  for (size_t i = 0; i < n; ++i)
    if (words_[i].head >= 0)
      child_list_[fill[words_[i].head]++] = static_cast<int>(i);
}

// "People who have battled online threats say ...", "Supporters who came
// to protest the levy say ...": the parser may take the noun that
// ends a relative clause or a participle's phrase for a second subject of
// the verb after it, nearer the verb than the real one (the speaker becomes
// "online threats"). When a verb has two subjects and the first has such a
// clause ending right before the second, the second belongs to the clause:
// the object of its last verb, or its oblique when it has a preposition.
// Reads the subtree extents of the tree as parsed; true if it moved a word.
bool DocState::SubjectsInModifiers(int first, int last) {
  bool moved = false;
  // (The child index is built for the whole document later.)
  auto children = [&](int w) {
    std::vector<int> out;
    for (int i = first; i < last; ++i)
      if (words_[i].head == w) out.push_back(i);
    return out;
  };
  for (int v = first; v < last; ++v) {
    if (words_[v].upos != "VERB") continue;
    std::vector<int> subjects;
    for (int c : children(v))
      if (c < v && StartsWith(words_[c].deprel, "nsubj")) subjects.push_back(c);
    if (subjects.size() != 2) continue;
    const int m = subjects[0], s = subjects[1];
    const int s_lo = words_[s].lo;
    // "research conducted by the Institute for Media and Public Affairs
    // found", "The Committee on Civil Liberties, Justice and Home Affairs
    // should offer": the last of the names joined in the first subject's
    // modifier taken for a second subject. With only a comma or "and"
    // between the modifier's last name and a capitalised second subject,
    // the second is that name's conjunct.
    {
      int e = words_[m].hi;
      while (e > m && IsPunct(words_[e])) --e;
      int f = s_lo;
      while (f < s && IsPunct(words_[f])) ++f;
      auto capital = [&](int k) {
        return std::isupper(static_cast<unsigned char>(words_[k].form[0]));
      };
      const int gap = e + 1;
      // (A comma only before a list that goes on: "Sciences, Engineering
      // and Medicine", not "After reading the Gazette, Hart said".)
      bool list = false;
      for (int k = f; k <= words_[s].hi; ++k) list |= words_[k].upos == "CCONJ";
      if (e > m && f == gap + 1 && capital(e) && capital(f) &&
          (words_[e].upos == "PROPN" || words_[e].upos == "NOUN") &&
          ((words_[gap].form == "," && list) ||
           EqualsIgnoreCase(words_[gap].form, "and") ||
           EqualsIgnoreCase(words_[gap].form, "or"))) {
        words_[s].head = e;
        words_[s].deprel = "conj";
        words_[gap].head = s;
        words_[gap].deprel = words_[gap].form == "," ? "punct" : "cc";
        moved = true;
        continue;
      }
      // "Rumors of a collaboration between Ford and Chinese EV giant Xiaomi
      // ignited ...": a name right after the common noun that ends the
      // first subject's modifier is that noun's apposition.
      // (Only after a common noun's modifier: "Sen. Lind and former
      // governor Martin Hale suggested" joins two people.)
      bool modifier = false;
      for (int c : children(m))
        modifier |= StartsWith(words_[c].deprel, "nmod");
      if (e > m && s_lo == gap && s_lo == s && words_[s].upos == "PROPN" &&
          words_[e].upos == "NOUN" && !capital(e) && words_[m].upos == "NOUN" &&
          modifier) {
        bool has_case = false;
        for (int c : children(s)) has_case |= words_[c].deprel == "case";
        if (!has_case) {
          words_[s].head = e;
          words_[s].deprel = "appos";
          moved = true;
          continue;
        }
      }
    }
    if ((words_[s].upos != "NOUN" && words_[s].upos != "PROPN") ||
        IsPunct(words_[s_lo]))
      continue;
    for (int r : children(m)) {
      if (r < m || !StartsWith(words_[r].deprel, "acl") ||
          words_[r].upos != "VERB" || words_[r].hi + 1 != s_lo)
        continue;
      // The clause's last verb: "came ... to protest the convention",
      // also through a noun ("handling lawsuits seeking").
      int at = r, k = r;
      for (bool down = true; down;) {
        down = false;
        for (int c : children(k)) {
          if (c > k && words_[c].hi == words_[r].hi) {
            k = c;
            if (words_[c].upos == "VERB") at = c;
            down = true;
            break;
          }
        }
      }
      bool has_case = false, has_obj = false;
      for (int c : children(s)) has_case |= words_[c].deprel == "case";
      for (int c : children(at)) has_obj |= words_[c].deprel == "obj";
      // (A name after a noun is that noun's apposition, not an object:
      // "conducted by analyst Elena Sadovskaya found".)
      if (!has_case && (has_obj || at != s_lo - 1)) break;
      words_[s].head = at;
      words_[s].deprel = has_case ? "obl" : "obj";
      moved = true;
      break;
    }
  }
  return moved;
}

// "Sanders on Tuesday said ...", "..., Rhodes, an adviser, said Sunday.",
// "In a statement released Thursday, Sen. Ada Lind reacted ...": the
// parser may take a day for the subject of the verb next to it, and hang
// the real subject elsewhere. A day says when. The subject is the noun
// phrase that ends right before the verb (before the day and its
// preposition when the day comes first).
// Reads the subtree extents of the tree as parsed; true if it moved a word.
bool DocState::DaySubjects(int first, int last) {
  bool moved = false;
  for (int t = first; t < last; ++t) {
    const int v = words_[t].head;
    if (v < 0 || words_[t].deprel != "nsubj" || !DayWord(words_[t].form) ||
        words_[v].upos != "VERB")
      continue;
    // (A verb with a subject besides the day is left to the speaker rules,
    // which keep the day in that subject's phrase: "A poll out Monday
    // showed".)
    bool other = false;
    for (int i = first; i < last; ++i)
      other |= i != t && words_[i].head == v &&
               StartsWith(words_[i].deprel, "nsubj");
    if (other) continue;
    int end = v - 1;
    // ("Wednesday at the debate, Sen. Ada Lind said": the subject after
    // the day's phrase and its comma.)
    bool comma = false;
    for (int k = t + 1; k < v; ++k) comma |= words_[k].form == ",";
    if (t < v && !comma) {
      end = t - 1;
      // ("on Tuesday", "late Sunday")
      while (end >= first &&
             (words_[end].upos == "ADP" || words_[end].upos == "ADV" ||
              words_[end].upos == "SCONJ"))
        --end;
    }
    // ("Rhodes, an adviser, said", "Lind (D-Ore.) said": the name
    // before the apposition.)
    if (end >= first && words_[end].form == ",") {
      --end;
      int c = end;
      while (c > first && c > end - 12 && words_[c].form != ",") --c;
      if (c > first && words_[c].form == "," && words_[c - 1].upos == "PROPN")
        end = c - 1;
    }
    if (end >= first && words_[end].form == ")") {
      while (end >= first && words_[end].form != "(") --end;
      --end;
    }
    // (Not "A report published Wednesday said": the day ends the
    // subject's own phrase, which the speaker rules read whole.)
    if (end < first || words_[end].quote >= 0 ||
        (words_[end].upos != "NOUN" && words_[end].upos != "PROPN"))
      continue;
    // The head of the phrase: up through names and appositions.
    int x = end;
    const int floor = t < v && comma ? t + 1 : first;
    while (words_[x].head >= floor && words_[x].head < x &&
           (words_[x].deprel == "appos" || words_[x].deprel == "flat" ||
            words_[x].deprel == "compound") &&
           words_[words_[x].head].quote < 0)
      x = words_[x].head;
    if (words_[x].head < 0) continue;
    // (Never under the verb's own phrase: that would make a cycle.)
    if (Dominates(x, v)) continue;
    words_[t].deprel = "obl:tmod";
    words_[x].head = v;
    words_[x].deprel = "nsubj";
    moved = true;
  }
  return moved;
}

// "TACOMA, Wash. — Helen Marchetti has resigned as ...": the parser may
// take the dateline for a second subject of the verb whose own subject
// follows the dash, and the claim then has a place for its actor. The
// dateline's words hang on the verb as an unspecified dependent instead.
// `dash` ends the dateline that opens the sentence [first, last).
bool DocState::DatelineSubjects(int first, int dash, int last) {
  bool moved = false;
  for (int t = first; t < dash; ++t) {
    const int v = words_[t].head;
    // (In capitals, the place may even be read as a verb: "LANSING" as
    // the clausal subject of "will build".)
    if (v <= dash || (!StartsWith(words_[t].deprel, "nsubj") &&
                      !StartsWith(words_[t].deprel, "csubj")))
      continue;
    bool after = false;
    for (int i = dash + 1; i < last; ++i)
      after |= words_[i].head == v && StartsWith(words_[i].deprel, "nsubj");
    if (!after) continue;
    words_[t].deprel = "dep";
    moved = true;
  }
  return moved;
}

// "The chief of defence staff and a senior presidential aide announced on
// Friday that agreement had been reached": the parser may read the verb of
// saying as a participle on the subject ("an aide announced on Friday") and
// "that" as the determiner of the next noun, so that the sentence's verb is
// "reached" and nobody announces anything. A verb of saying that takes a
// clause, hung as a bare participle on a word of the main verb's subject,
// with "that" right after its own words and the main verb after that,
// becomes the main verb, the subject its subject and the rest its clause.
bool DocState::ReportingParticiples(int first, int last) {
  for (int v = first; v < last; ++v) {
    const int n = words_[v].head;
    if (words_[v].upos != "VERB" || words_[v].deprel != "acl" ||
        !words_[v].form.ends_with("ed") || n < first || n >= v)
      continue;
    int length = 0;
    const SpeechVerb* sv = SpeechVerbAt(v, &length);
    if (!sv || length != 1 || sv->pos != PartOfSpeech::kVerb ||
        !sv->that_clause)
      continue;
    bool own = false;
    for (int k = first; k < last; ++k) {
      own |= words_[k].head == v && (StartsWith(words_[k].deprel, "aux") ||
                                     StartsWith(words_[k].deprel, "nsubj") ||
                                     words_[k].deprel == "mark" ||
                                     StartsWith(words_[k].deprel, "obj"));
    }
    if (own) continue;
    // The subject word of the main verb that the participle hangs on,
    // itself or through the words joined to it.
    int s0 = n;
    while (s0 >= first && words_[s0].deprel == "conj") s0 = words_[s0].head;
    const int r = s0 >= first ? words_[s0].head : -1;
    if (r <= v || r >= last || words_[r].head >= 0 ||
        !StartsWith(words_[s0].deprel, "nsubj"))
      continue;
    const int t = words_[v].hi + 1;
    if (t >= r || !EqualsIgnoreCase(words_[t].form, "that") ||
        words_[t].upos != "DET")
      continue;
    bool clause_subject = false;  // the noun "that" went with
    for (int k = t + 1; k < r; ++k) {
      clause_subject |= words_[k].head == r &&
                        StartsWith(words_[k].deprel, "nsubj") &&
                        words_[t].head == k;
    }
    if (!clause_subject) continue;
    for (int k = first; k < last; ++k) {
      if (words_[k].head != r || k == s0) continue;
      if (k < t || (k == last - 1 && IsPunct(words_[k]))) words_[k].head = v;
    }
    words_[v].head = -1;
    words_[v].deprel = "root";
    words_[s0].head = v;
    words_[s0].deprel = "nsubj";
    words_[r].head = v;
    words_[r].deprel = "ccomp";
    words_[t].head = r;
    words_[t].deprel = "mark";
    words_[t].upos = "SCONJ";
    return true;
  }
  return false;
}

// "The Ledger reported on Monday, citing four people familiar with the
// matter, that the two companies had discussed a venture": the parser may
// hang the "that" clause on "citing", and the report then says only "on
// Monday". A "that" clause after a citing or quoting participle, whose verb
// has no clause of its own, is that verb's.
bool DocState::ClausesAfterCitations(int first, int last) {
  bool moved = false;
  for (int c = first; c < last; ++c) {
    const int h = words_[c].head;
    if ((words_[c].lemma != "cite" && words_[c].lemma != "quote") ||
        !words_[c].form.ends_with("ing") || h < first || h >= c ||
        words_[h].upos != "VERB" || !StartsWith(words_[c].deprel, "advcl"))
      continue;
    bool own = false;
    for (int k = first; k < last; ++k)
      own |= words_[k].head == h && StartsWith(words_[k].deprel, "ccomp");
    if (own) continue;
    for (int x = c + 1; x < last; ++x) {
      if (words_[x].head != c || !(StartsWith(words_[x].deprel, "advcl") ||
                                   StartsWith(words_[x].deprel, "ccomp")))
        continue;
      bool that = false;
      for (int k = c + 1; k < x; ++k)
        that |= words_[k].head == x && words_[k].deprel == "mark" &&
                EqualsIgnoreCase(words_[k].form, "that");
      if (!that) continue;
      words_[x].head = h;
      words_[x].deprel = "ccomp";
      moved = true;
      break;
    }
  }
  return moved;
}

// "The race tightened, with recent polls showing Lind ahead", "with 22
// percent saying they would back him": the noun phrase after "with" is the
// subject of the participle that follows it, but the parser hangs the
// participle on the noun, or the noun on the main verb, and the speaker
// becomes the main clause's subject. The phrase runs from "with" to the
// participle without punctuation or another verb (adverbs may come before
// the participle: "with Ames repeatedly calling").
// Reads the subtree extents of the tree as parsed; true if it moved a word.
bool DocState::WithParticipleSubjects(int first, int last) {
  bool moved = false;
  for (int p = first; p + 2 < last; ++p) {
    if (!EqualsIgnoreCase(words_[p].form, "with") &&
        !EqualsIgnoreCase(words_[p].form, "without"))
      continue;
    int g = p + 1;
    while (g < last && !IsPunct(words_[g]) && words_[g].quote < 0 &&
           words_[g].upos != "VERB" && words_[g].upos != "AUX" &&
           words_[g].upos != "SCONJ" && words_[g].upos != "CCONJ")
      ++g;
    if (g >= last || words_[g].upos != "VERB" ||
        !words_[g].form.ends_with("ing"))
      continue;
    int e = g - 1;
    while (e > p && words_[e].upos == "ADV") --e;
    if (e <= p || (words_[e].upos != "NOUN" && words_[e].upos != "PROPN" &&
                   words_[e].upos != "NUM" && words_[e].upos != "PRON"))
      continue;
    // The phrase's head: its one word whose head lies outside it.
    int x = -1, outside = 0;
    for (int k = p + 1; k <= e; ++k) {
      const int h = words_[k].head;
      if (h < p + 1 || h > e) {
        ++outside;
        x = k;
      }
    }
    if (outside != 1 ||
        (words_[x].upos != "NOUN" && words_[x].upos != "PROPN" &&
         words_[x].upos != "NUM" && words_[x].upos != "PRON"))
      continue;
    if (words_[x].head == g && StartsWith(words_[x].deprel, "nsubj")) continue;
    // Where the participle hangs: outside "with", its phrase and its own
    // subtree.
    // (Nor under the phrase's head or the participle by any path: that
    // would make a cycle.)
    auto inside = [&](int h) {
      return (h >= p && h <= e) || Dominates(g, h) || Dominates(x, h) ||
             Dominates(p, h);
    };
    int at = words_[g].head;
    if (at >= 0 && inside(at)) {
      at = words_[x].head;
      if (at >= 0 && inside(at)) at = words_[p].head;
      if (at >= 0 && inside(at)) continue;
    }
    if (at < 0) continue;
    words_[x].head = g;
    words_[x].deprel = "nsubj";
    words_[p].head = g;
    words_[p].deprel = "mark";
    if (words_[g].head != at) {
      words_[g].head = at;
      words_[g].deprel = "advcl";
    }
    moved = true;
  }
  return moved;
}

// '"They have known it for years," Okafor said': a subject inside a
// quote is the parser's mistake; the speaker is the name next to the verb.
int DocState::QuoteSafeSubject(int v, int subj) const {
  if (subj < 0 || words_[subj].quote < 0 || words_[v].quote >= 0) return subj;
  auto nominal = [&](int k) {
    return k >= sents_[words_[v].sent].first &&
           k < sents_[words_[v].sent].last && words_[k].quote < 0 &&
           (words_[k].upos == "PROPN" || words_[k].upos == "PRON" ||
            words_[k].upos == "NOUN");
  };
  if (nominal(v - 1)) return v - 1;
  // '"...," Wen Halloway, 57, told ...': a name between the quote and the
  // verb, with the age or a title after it.
  for (int k = v - 1;
       k >= sents_[words_[v].sent].first && k > v - 12 && words_[k].quote < 0;
       --k) {
    int m = words_[k].mention;
    if (m >= 0 && mentions_[m].named && mentions_[m].last - 1 == k &&
        entities_[mentions_[m].entity].e.type == EntityType::kPerson)
      return k;
  }
  for (int k = v + 1; k < v + 6 && nominal(k); ++k) {
    if (words_[k].upos == "PRON") return k;
    if (words_[k].mention < 0) continue;
    // '"...," said Brenner campaign spokesman Ivo Tall': the first name
    // after the verb may only modify the phrase's head, the titled person
    // who speaks ("Brenner" is the campaign's, "Ivo Tall" speaks).
    while (words_[k].head > k && words_[k].head < k + 6 &&
           nominal(words_[k].head))
      k = words_[k].head;
    return k;
  }
  return -1;
}

bool DocState::HasObject(int v) const {
  for (int c : Children(v)) {
    std::string_view d = words_[c].deprel;
    if (d == "obj" || StartsWith(d, "xcomp") || StartsWith(d, "ccomp"))
      return true;
  }
  return false;
}

bool DocState::HasSubject(int v) const {
  for (int c : Children(v))
    if (StartsWith(words_[c].deprel, "nsubj")) return true;
  return false;
}

int DocState::DescriptorEnd(int k) const {
  auto m = LongestAt(k, LexiconKind::kSourcing);
  if (!m ||
      lex_.sourcing()[m->entry].kind != SourcingKind::kAnonymousDescriptor)
    return -1;
  // ("briefed on the plan" after the listed "briefed on": the rest of the
  // noun phrase.)
  int end = k + m->length;
  const int last = static_cast<int>(sents_[words_[k].sent].last);
  while (end < last && end < k + m->length + 4 &&
         (words_[end].upos == "DET" || words_[end].upos == "ADJ" ||
          words_[end].upos == "NOUN" || words_[end].upos == "PROPN") &&
         !InAnyQuote(end))
    ++end;
  return end;
}

int DocState::DescribedSubject(int v) const {
  const int h = words_[v].head;
  if (h < 0 || h >= v || words_[h].upos != "VERB" ||
      !(StartsWith(words_[v].deprel, "ccomp") ||
        StartsWith(words_[v].deprel, "xcomp")))
    return -1;
  if (DescriptorEnd(h) != v || HasSubject(v)) return -1;
  for (int c : Children(h))
    if (c < h && StartsWith(words_[c].deprel, "nsubj")) return c;
  return -1;
}

bool DocState::TakesTwoPhrases(int v, int* loose) const {
  if (loose != nullptr) *loose = -1;
  const std::string_view l = words_[v].lemma;
  if (l != "call" && l != "dub" && l != "label" && l != "brand" && l != "deem")
    return false;
  int first = -1;
  for (int c : Children(v)) {
    const std::string_view d = words_[c].deprel;
    if (c > v && (d == "obj" || d == "iobj" || StartsWith(d, "xcomp"))) {
      first = c;
      break;
    }
  }
  // The second phrase starts right after the first, without a comma: one
  // the parser hung on the verb too, or one it hung elsewhere that opens
  // with an article or a quotation mark.
  const int k = first >= 0 ? words_[first].hi + 1 : -1;
  if (k < 0 || k >= static_cast<int>(words_.size()) ||
      words_[k].sent != words_[v].sent)
    return false;
  for (int c : Children(v)) {
    const std::string_view d = words_[c].deprel;
    if (c > first && words_[c].lo == k &&
        (d == "obj" || d == "iobj" || StartsWith(d, "xcomp")))
      return true;
  }
  const bool second = words_[k].head != first &&
                      (words_[k].upos == "DET" || words_[k].form == "\"" ||
                       words_[k].form == "\xE2\x80\x9C");
  if (second && loose != nullptr) *loose = k;
  return second;
}

bool DocState::AnswersNoWords(int v, StanceHint stance) const {
  int obj = -1, objects = 0;
  bool as = false;
  for (int c : Children(v)) {
    if (words_[c].deprel == "obj") obj = c;
    objects += words_[c].deprel == "obj" || words_[c].deprel == "iobj";
    as |= c > v && CaseOf(c) == "as";
  }
  if (obj < 0 || as) return false;
  for (int c : Children(obj)) as |= CaseOf(c) == "as";
  if (as) return false;
  const W& o = words_[obj];
  const std::string& l = words_[v].lemma;
  if (l == "dismiss") {
    for (std::string_view n : {"case", "lawsuit", "suit", "complaint",
                               "indictment", "count", "juror", "employee"})
      if (o.lemma == n) return true;
  }
  // ("denied access to reporters", "denied bail": a thing refused.)
  if (l == "deny") {
    for (std::string_view n :
         {"entry", "access", "bail", "visa", "permit", "permission", "appeal",
          "motion", "application", "service", "asylum", "parole"})
      if (o.lemma == n) return true;
  }
  // (Contradicting or disavowing a person answers their words: "Peña
  // contradicting Trump". Only dismissing a person, giving them nothing
  // or knowing them is an act.)
  if (!(stance == StanceHint::kConfirm || l == "dismiss" ||
        (l == "deny" && objects > 1)))
    return false;
  // (Not a clause the parser split at its subject: "did not confirm
  // Rosenberg, who is from White Rock, had been captured", "cannot verify
  // that Edelman, in fact, sent the email"; nor the speaker after the verb:
  // "..., confirmed Marc Cannon, a vice-president of AutoNation".)
  // (A joined verb shares its subject, unless it follows a bare comma.)
  bool subject = (StartsWith(words_[v].deprel, "conj") ||
                  StartsWith(words_[v].deprel, "xcomp")) &&
                 v > 0 && words_[v - 1].form != ",";
  for (int c : Children(v)) {
    subject |=
        StartsWith(words_[c].deprel, "nsubj") || words_[c].deprel == "cc";
  }
  if (!subject || (v > 0 && words_[v - 1].form == "," && o.lo == v + 1))
    return false;
  // (Nor a possessor the parser took for the object: "confirmed the
  // musician's untimely passing".)
  for (int c : Children(obj)) {
    if (c < obj && EqualsIgnoreCase(words_[c].form, "that")) return false;
    if (c > obj && IsPossessiveS(words_[c].form)) return false;
  }
  int next = o.hi + 1;
  while (next < static_cast<int>(words_.size()) &&
         words_[next].sent == o.sent && words_[next].form == ",")
    ++next;
  if (next < static_cast<int>(words_.size()) && words_[next].sent == o.sent &&
      (words_[next].upos == "AUX" || words_[next].upos == "VERB"))
    return false;
  // (Denying someone a thing names the person first: "deny them mining
  // permits", "denied Merrick Garland a hearing".)
  int person = obj;
  for (int c : Children(v))
    if (words_[c].deprel == "iobj") person = c;
  const W& p = words_[person];
  if (p.upos == "PRON") {
    for (std::string_view f : {"him", "her", "them"})
      if (EqualsIgnoreCase(p.form, f)) return true;
  }
  // (A person by title counts: "the first lady", "the minister".)
  for (int k = p.lo, end = 0; k <= p.hi; ++k)
    if (TitleAt(k, &end) && end == person + 1) return true;
  return p.mention >= 0 &&
         entities_[mentions_[p.mention].entity].e.type == EntityType::kPerson;
}

bool DocState::RetractsWords(int v) const {
  for (int c : Children(v)) {
    if (words_[c].deprel != "obj" && words_[c].deprel != "nsubj:pass") continue;
    const std::string& l = words_[c].lemma;
    if (AccountLemma(l)) return true;
    for (std::string_view n : {"remark", "comment", "tweet", "post", "word",
                               "apology", "endorsement", "record"})
      if (l == n) return true;
  }
  return false;
}

bool DocState::AnswerCueReaches(int i) const {
  const int first =
      std::max(static_cast<int>(sents_[words_[i].sent].first), i - 3);
  for (int k = first; k <= i; ++k) {
    if (auto d = LongestAt(k, LexiconKind::kDenialCue);
        d && k + d->length > i &&
        lex_.denial_cues()[d->entry].stance != StanceHint::kNone)
      return true;
  }
  return false;
}

bool DocState::Determined(int w) const {
  for (int c : Children(w)) {
    if (c < w && words_[c].deprel == "det") return true;
  }
  return false;
}

// Whether the verb, or a verb it hangs on, opens with "that" as the
// complement, adverbial or conjunct of another word ("suggested that he
// regretted the insults"): the first clause marked "that" on the way up
// decides; a relative ("the claim that ...") or a main clause does not count.
bool DocState::InThatClause(int v) const {
  for (int j = v; j >= 0; j = words_[j].head) {
    // "announced that he filed the statement, saying ...": a participle
    // hung on the clause may be the outer speaker's own statement.
    if (words_[j].form.ends_with("ing") &&
        StartsWith(words_[j].deprel, "advcl"))
      return false;
    bool marked = false;
    for (int c : Children(j))
      marked |= c < j && words_[c].deprel == "mark" &&
                EqualsIgnoreCase(words_[c].form, "that");
    if (!marked) continue;
    std::string_view d = words_[j].deprel;
    return StartsWith(d, "ccomp") || StartsWith(d, "conj") ||
           StartsWith(d, "csubj") || StartsWith(d, "parataxis") ||
           StartsWith(d, "advcl");
  }
  return false;
}

std::pair<int, int> DocState::NounPhrase(int w) const {
  int lo = w, hi = w;
  for (int c : Children(w)) {
    std::string_view d = words_[c].deprel;
    if (StartsWith(d, "acl") || StartsWith(d, "advcl") ||
        StartsWith(d, "parataxis") || StartsWith(d, "punct") ||
        StartsWith(d, "ccomp") || StartsWith(d, "dep"))
      continue;
    lo = std::min(lo, words_[c].lo);
    hi = std::max(hi, words_[c].hi);
  }
  while (lo < hi && IsPunct(words_[lo])) ++lo;
  // Keep a bracket that closes one opened inside: "Rep. G.K. Butterfield
  // (D-N.C.)".
  int opened = 0, closed = 0;
  for (int k = lo; k <= hi; ++k) {
    opened += words_[k].form == "(";
    closed += words_[k].form == ")";
  }
  bool balanced = opened > 0 && opened == closed;
  while (hi > lo && IsPunct(words_[hi]) &&
         !(balanced && words_[hi].form == ")"))
    --hi;
  return {lo, hi};
}

// ---------------------------------------------------------------- entities

int DocState::NewEntity(std::string name, EntityType type,
                        const GazetteerEntry* gaz) {
  EntityBuild b;
  b.e.name = std::move(name);
  b.e.type = type;
  b.gaz = gaz;
  entities_.push_back(std::move(b));
  return static_cast<int>(entities_.size()) - 1;
}

EntityType GazetteerType(const GazetteerEntry& g) {
  switch (g.source) {
    case LexiconKind::kOutlet:
      return EntityType::kOutlet;
    case LexiconKind::kGovernment:
      return EntityType::kGov;
    default:
      return g.type;
  }
}

// The entity a name between words [first, last) stands for, made when new.
namespace {

// "Inc.", "PLC": the legal forms of companies, which end only their names.
constexpr std::string_view kLegalForms[] = {
    "Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd", "Ltd.", "LLC", "PLC", "plc"};

bool LegalFormWord(std::string_view w) {
  return std::find(std::begin(kLegalForms), std::end(kLegalForms), w) !=
         std::end(kLegalForms);
}

// "Carrick Bancorp", "Dornfield Mills", "Sorrel Mobile": words companies'
// names end in, besides their legal forms.
constexpr std::string_view kCompanyWords[] = {"AG",
                                              "SA",
                                              "NV",
                                              "Group",
                                              "Holdings",
                                              "Bancorp",
                                              "Bank",
                                              "Capital",
                                              "Partners",
                                              "Motors",
                                              "Mills",
                                              "Systems",
                                              "Analytics",
                                              "Networks",
                                              "Telecom",
                                              "Mobile",
                                              "Energy",
                                              "Solar",
                                              "Textiles",
                                              "Airlines",
                                              "Airways",
                                              "Pharmaceuticals",
                                              "Therapeutics",
                                              "Labs",
                                              "Technologies",
                                              "Industries",
                                              "Foods",
                                              "Logistics",
                                              "Media",
                                              "Entertainment",
                                              "Insurance",
                                              "Financial",
                                              "Ventures",
                                              "Robotics",
                                              "Semiconductor",
                                              "Software",
                                              "Electric",
                                              "Steel",
                                              "Chemicals",
                                              "Corporation",
                                              "Company",
                                              "Limited",
                                              "Enterprises",
                                              "Investments",
                                              "Securities",
                                              "Ferries",
                                              "Shipping",
                                              "Railways",
                                              "Mining",
                                              "Resources",
                                              "Petroleum",
                                              "Brewing",
                                              "Biosciences",
                                              "Exchange",
                                              "Dairy",
                                              "Farms"};

// Verbs whose passive subject is what was said: "was revealed", "were
// denied", "was announced".
bool ContentSubjectPassiveLemma(std::string_view lemma) {
  for (std::string_view l :
       {"reveal", "report", "confirm", "announce", "disclose"})
    if (lemma == l) return true;
  return false;
}

// The gender a title before a name gives ("mr.", "ms"), lower-cased: 'm',
// 'f', or 0 for none.
char HonorificGender(std::string_view low) {
  for (std::string_view m : {"mr.", "mr", "sir"})
    if (low == m) return 'm';
  for (std::string_view f : {"mrs.", "mrs", "ms.", "ms", "miss", "dame"})
    if (low == f) return 'f';
  return 0;
}

// "who", "which" or "that": the pronouns that open a relative clause and
// stand for its noun.
bool RelativeWord(std::string_view w) {
  return EqualsIgnoreCase(w, "who") || EqualsIgnoreCase(w, "which") ||
         EqualsIgnoreCase(w, "that");
}

// "al", "bin", "abu": the articles and kin words inside Arabic names,
// written in lower case before a hyphen ("Saja al-Dulaimi").
bool NameParticle(std::string_view w) {
  for (std::string_view p : {"al", "el", "bin", "ibn", "abu", "abd"})
    if (EqualsIgnoreCase(w, p)) return true;
  return false;
}

bool CompanyWord(std::string_view w) {
  return LegalFormWord(w) ||
         std::find(std::begin(kCompanyWords), std::end(kCompanyWords), w) !=
             std::end(kCompanyWords);
}

// "Network Security Board", "Trade Commission": words the names of public
// bodies end in.
constexpr std::string_view kPublicBodyWords[] = {
    "Board",     "Commission",     "Agency",       "Authority",
    "Ministry",  "Department",     "Council",      "Bureau",
    "Regulator", "Administration", "Parliament",   "Senate",
    "Congress",  "Directorate",    "Inspectorate", "Committee"};

bool PublicBodyWord(std::string_view w) {
  return std::find(std::begin(kPublicBodyWords), std::end(kPublicBodyWords),
                   w) != std::end(kPublicBodyWords);
}

// "the Center for Responsive Politics", "the Institute for Fiscal
// Studies": words an institution's name starts its "for ..." or "of ..."
// with.
constexpr std::string_view kInstitutionWords[] = {
    "Center",     "Centre",      "Institute", "Foundation", "Coalition",
    "Alliance",   "Association", "Society",   "League",     "Fund",
    "Union",      "Project",     "Network",   "Forum",      "Campaign",
    "University", "College",     "School",    "Academy",    "Office"};

bool InstitutionWord(std::string_view w) {
  return std::find(std::begin(kInstitutionWords), std::end(kInstitutionWords),
                   w) != std::end(kInstitutionWords) ||
         PublicBodyWord(w);
}

// "The Ashby Tribune", "the Harwick Courier": words newspapers' names end
// in.
constexpr std::string_view kOutletWords[] = {
    "Tribune", "Courier",  "Herald",    "Ledger",   "Times",       "Post",
    "Gazette", "Journal",  "Chronicle", "Observer", "Telegraph",   "Dispatch",
    "Wire",    "Bulletin", "Examiner",  "Inquirer", "Sentinel",    "Register",
    "Monitor", "Globe",    "Record",    "Enquirer", "Star-Ledger", "Daily"};

bool OutletWord(std::string_view w) {
  return std::find(std::begin(kOutletWords), std::end(kOutletWords), w) !=
         std::end(kOutletWords);
}

}  // namespace

int DocState::EntityFor(int first, int last, const GazetteerEntry* gaz,
                        EntityType ner_type, std::string_view given) {
  std::string_view surface =
      given.empty() ? Text(WordSpan(first, last - 1)) : given;
  if (!gaz) {
    GazetteerHit hit = lex_.FindName(surface);
    if (hit && ner_type != EntityType::kPerson) gaz = hit.entry;
  }
  if (gaz) {
    for (size_t i = 0; i < entities_.size(); ++i)
      if (entities_[i].gaz == gaz) return static_cast<int>(i);
    return NewEntity(gaz->name, GazetteerType(*gaz), gaz);
  }
  std::string name(surface);
  if (StartsWith(name, "the ") || StartsWith(name, "The "))
    name = name.substr(4);
  // "Carrick Bancorp", "Dornfield Mills", "Sorrel Mobile": a name that ends
  // in a word companies end in is a company, whatever the recogniser read.
  if (name.find(' ') != std::string::npos && CompanyWord(LastWord(name)))
    ner_type = EntityType::kOrg;
  // "Network Security Board", "Federal Trade Commission": a public body.
  if (name.find(' ') != std::string::npos && PublicBodyWord(LastWord(name)))
    ner_type = EntityType::kGov;
  // "The Ashby Tribune", "the Harwick Courier": a name that ends in a word
  // newspapers end in is an outlet — the speaker of a report.
  if (name.find(' ') != std::string::npos &&
      std::isupper(static_cast<unsigned char>(name[0])) &&
      OutletWord(LastWord(name)))
    ner_type = EntityType::kOutlet;
  // "Veltra" in a headline, then "Veltra Systems" in the body: one
  // company, named in full.
  // (Or the first words of it: "Ferro Marsh", then "Ferro Marsh
  // Securities".)
  for (size_t sp = name.find(' ');
       sp != std::string::npos && CoarseType(ner_type) == EntityType::kOrg;
       sp = name.find(' ', sp + 1)) {
    std::string head = name.substr(0, sp);
    for (size_t i = 0; i < entities_.size(); ++i) {
      Entity& e = entities_[i].e;
      if (entities_[i].gaz || e.name != head ||
          CoarseType(e.type) == EntityType::kPlace)
        continue;
      e.aliases.push_back(e.name);
      e.name = name;
      e.type = ner_type;
      return static_cast<int>(i);
    }
  }
  // "Carrick" after "Carrick Bancorp" is the company, not a person nor a
  // place (an unlisted name: listed places were found above); "the
  // Tribune" after "the Ashby Tribune" is the newspaper.
  if (name.find(' ') == std::string::npos) {
    for (size_t i = 0; i < entities_.size(); ++i) {
      const Entity& e = entities_[i].e;
      if (CoarseType(e.type) == EntityType::kOrg &&
          (StartsWith(e.name, name + " ") ||
           (e.type == EntityType::kOutlet &&
            e.name.find(' ') != std::string::npos && LastWord(e.name) == name)))
        return static_cast<int>(i);
    }
  }
  // A lone surname of a person named in full is that person however the
  // recogniser typed this mention ("Brood:" a place after "Ansel Brood"):
  // the document's full name says more than one mention's type.
  if (name.find(' ') == std::string::npos && ner_type != EntityType::kPerson) {
    for (size_t i = 0; i < entities_.size(); ++i) {
      const Entity& e = entities_[i].e;
      if (!entities_[i].gaz && e.type == EntityType::kPerson &&
          e.name.find(' ') != std::string::npos && LastWord(e.name) == name)
        return static_cast<int>(i);
    }
  }
  // Same name, or a surname of a person named in full, or an acronym.
  // ("KELDRITH" from a dateline, then "Keldrith": the name as the body
  // writes it is the canonical one.)
  auto same = [&](Entity& e) {
    if (!EqualsIgnoreCase(e.name, name)) return false;
    auto shouted = [](std::string_view x) {
      return std::none_of(x.begin(), x.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c));
      });
    };
    if (shouted(e.name) && !shouted(name)) {
      e.aliases.push_back(e.name);
      e.name = name;
    }
    return true;
  };
  for (size_t i = 0; i < entities_.size(); ++i) {
    Entity& e = entities_[i].e;
    // A name of several words is one entity however the recogniser typed
    // each mention ("Penhale Grant" a place here, a person there).
    if (name.find(' ') != std::string::npos && !entities_[i].gaz && same(e))
      return static_cast<int>(i);
    if (CoarseType(e.type) != CoarseType(ner_type)) continue;
    if (same(e)) return static_cast<int>(i);
    if (ner_type == EntityType::kPerson) {
      bool single = name.find(' ') == std::string::npos;
      bool e_single = e.name.find(' ') == std::string::npos;
      if (single && !e_single && LastWord(e.name) == name)
        return static_cast<int>(i);
      // A surname seen first ("Trump's position ... Donald Trump"): the full
      // name becomes canonical.
      if (!single && e_single && LastWord(name) == e.name) {
        e.aliases.push_back(e.name);
        e.name = name;
        return static_cast<int>(i);
      }
    } else if (name.size() >= 2 && name.size() <= 6 &&
               std::all_of(name.begin(), name.end(), [](char c) {
                 return std::isupper(static_cast<unsigned char>(c));
               })) {
      std::string initials;
      bool start = true;
      for (char c : e.name) {
        if (start && std::isupper(static_cast<unsigned char>(c)))
          initials.push_back(c);
        start = c == ' ';
      }
      if (initials == name) return static_cast<int>(i);
    }
  }
  // A name that writes the family name first ("Kim Jong Un ... Kim said"):
  // a lone word that is no one's surname but the first word of a person
  // named in full is that person, the first such named.
  if (ner_type == EntityType::kPerson && name.find(' ') == std::string::npos) {
    for (size_t i = 0; i < entities_.size(); ++i) {
      const Entity& e = entities_[i].e;
      if (e.type == EntityType::kPerson && StartsWith(e.name, name + " ") &&
          std::count(e.name.begin(), e.name.end(), ' ') >= 2)
        return static_cast<int>(i);
    }
  }
  return NewEntity(std::move(name), ner_type, nullptr);
}

bool DocState::OfLocalBody(int k) const {
  if (k + 1 >= static_cast<int>(words_.size()) ||
      words_[k + 1].sent != words_[k].sent || words_[k + 1].upos != "NOUN")
    return false;
  // (Not "voters" nor "government": "Trump voters", "the Modi
  // government" are a person's.)
  for (std::string_view w :
       {"council", "councillors", "councilors", "mayor", "police", "residents"})
    if (words_[k + 1].form == w) return true;
  return false;
}

// "Marsh-Ellery": a hyphen at word k written without spaces between two
// words, which the tokenizer split as UD does.
bool DocState::JoiningHyphen(int k) const {
  return k > 0 && k + 1 < static_cast<int>(words_.size()) &&
         words_[k].form == "-" &&
         words_[k].span.begin == words_[k - 1].span.end &&
         words_[k + 1].span.begin == words_[k].span.end;
}

void DocState::AddMention(int first, int last, int entity, bool named,
                          bool weak) {
  mentions_.push_back({first, last, entity, named, weak});
}

EntityType NerType(std::string_view tag) {
  std::string_view t = tag.substr(2);
  if (t == "PERSON") return EntityType::kPerson;
  if (t == "ORG") return EntityType::kOrg;
  if (t == "PLACE") return EntityType::kPlace;
  return EntityType::kMisc;
}

void DocState::FindMentions() {
  struct Cand {
    int first, last;
    const GazetteerEntry* gaz;
    NameForm form;
    EntityType type;
    bool heading = false;
  };
  std::vector<Cand> cands;
  std::vector<PhraseMatch> hits;
  for (size_t s = 0; s < sents_.size(); ++s) {
    const SentInfo& si = sents_[s];
    std::span<const TokenKey> keys = SentKeys(static_cast<int>(s));
    std::vector<bool> taken(si.last - si.first, false);
    // Headings in title case make the recogniser see names everywhere.
    int alpha = 0, upper = 0;
    for (int i = si.first; i < si.last; ++i) {
      unsigned char c = static_cast<unsigned char>(words_[i].form[0]);
      if (!std::isalpha(c)) continue;
      ++alpha;
      upper += std::isupper(c) ? 1 : 0;
    }
    // (Not a sentence of the body that ends in a full stop: "New Jersey
    // Gov. Chris Christie, Bush, and Ohio Gov. John Kasich spoke." is a
    // list of names.)
    const std::string_view end = words_[si.last - 1].form;
    const bool full_stop = end == "." || end == "!" || end == "?";
    bool heading = alpha >= 2 && upper * 10 >= alpha * 7 &&
                   (si.span.end <= doc_.body_begin || !full_stop);
    // Gazetteer names first: they carry canonical names and fine types.
    for (int i = si.first; i < si.last;) {
      hits.clear();
      lex_.Match(keys, i - si.first, &hits, kGazetteerKinds);
      const GazetteerEntry* g =
          hits.empty() ? nullptr : lex_.Gazetteer(hits[0]);
      // A demonym names its country only as a modifier ("Chinese EV giant"),
      // never as a noun for people ("the Chinese").
      if (g && hits[0].form == NameForm::kDemonym &&
          words_[i + hits[0].length - 1].upos != "ADJ" &&
          words_[i + hits[0].length - 1].upos != "PROPN")
        g = nullptr;
      // "West Palm Beach", "Western High School": a listed place that the
      // recogniser reads as the start of a longer name is part of that
      // name. (Not an organisation: "Ford CEO Jim Farley".)
      if (g && CoarseType(GazetteerType(*g)) == EntityType::kPlace &&
          i + hits[0].length < si.last &&
          StartsWith(words_[i + hits[0].length].ner, "I-") &&
          words_[i + hits[0].length].upos == "PROPN")
        g = nullptr;
      // "Rep. Dale Jordan", "said Ada Chad": a listed place inside a
      // person's name, as the recogniser reads it or as a title and a first
      // name before it show, is a surname.
      if (g && CoarseType(GazetteerType(*g)) == EntityType::kPlace &&
          words_[i].upos == "PROPN") {
        bool surname = StartsWith(words_[i].ner, "I-") &&
                       NerType(words_[i].ner) == EntityType::kPerson;
        int k = i;
        while (k > si.first && words_[k - 1].upos == "PROPN" &&
               !LongestAt(k - 1, LexiconKind::kRole))
          --k;
        for (int j = std::max(si.first, k - 4); j < k && k < i && !surname;
             ++j) {
          auto role = LongestAt(j, LexiconKind::kRole);
          surname = role && j + role->length == k &&
                    lex_.roles()[role->entry].kind != "party" &&
                    lex_.roles()[role->entry].kind != "modifier";
        }
        if (surname) g = nullptr;
      }
      // "Economy Minister Sofia Carvalhal": a listed place right after a
      // title and before a proper noun is a first name.
      if (g && CoarseType(GazetteerType(*g)) == EntityType::kPlace &&
          hits[0].length == 1 && i + 1 < si.last &&
          words_[i + 1].upos == "PROPN" &&
          !LongestAt(i + 1, LexiconKind::kRole)) {
        for (int j = std::max(si.first, i - 4); j < i && g; ++j) {
          auto role = LongestAt(j, LexiconKind::kRole);
          if (role && j + role->length == i &&
              lex_.roles()[role->entry].kind != "party" &&
              lex_.roles()[role->entry].kind != "modifier")
            g = nullptr;
        }
      }
      // "Sudan Liberation Army", "Oromo Liberation Front": a listed name
      // (here the newspaper Libération) inside a longer name the
      // recogniser reads, with words of that name on both sides, is part
      // of it. (Places have their rule above.)
      if (g && CoarseType(GazetteerType(*g)) != EntityType::kPlace) {
        const int end = i + static_cast<int>(hits[0].length);
        const bool before = i > si.first && StartsWith(words_[i].ner, "I-") &&
                            words_[i - 1].upos == "PROPN";
        const bool after = end < si.last && StartsWith(words_[end].ner, "I-") &&
                           words_[end].upos == "PROPN" &&
                           words_[end - 1].ner != "O";
        if (before && after) g = nullptr;
      }
      if (!g) {
        ++i;
        continue;
      }
      int last = i + hits[0].length;
      cands.push_back({i, last, g, hits[0].form, GazetteerType(*g)});
      for (int k = i; k < last; ++k) taken[k - si.first] = true;
      i = last;
    }
    // A run of proper nouns right after a title is a person's name even
    // when the recogniser missed it ("spokesperson Dev Okafor").
    for (int i = si.first; i < si.last; ++i) {
      auto role = LongestAt(i, LexiconKind::kRole);
      if (!role) continue;
      const Role& rr = lex_.roles()[role->entry];
      if (rr.kind == "party" || rr.kind == "modifier") continue;
      int f = i + role->length, l = f;
      // "Lina Marsh-Ellery": a hyphen between two proper nouns, without
      // spaces, joins one surname.
      while (
          l < si.last && !taken[l - si.first] &&
          ((words_[l].upos == "PROPN" && !LongestAt(l, LexiconKind::kRole)) ||
           (l > f && l + 1 < si.last && JoiningHyphen(l) &&
            words_[l + 1].upos == "PROPN")))
        ++l;
      if (l - f < 2) continue;
      // The recogniser's own name wins unless it is a person's lying inside
      // the run ("senator Lina Marsh-Ellery" with only "Marsh" found).
      bool other = l < si.last && StartsWith(words_[l].ner, "I-");
      for (int k = f; k < l; ++k) {
        other |= words_[k].ner != "O" &&
                 NerType(words_[k].ner) != EntityType::kPerson;
      }
      bool ner = false;
      for (int k = f; k < l; ++k) ner |= words_[k].ner != "O";
      if (ner && other) continue;
      cands.push_back(
          {f, l, nullptr, NameForm::kName, EntityType::kPerson, heading});
      for (int k = f; k < l; ++k) taken[k - si.first] = true;
    }
    // A legal form ends a company's name whatever the tagger made of the
    // words before it: "Vantor Freight Inc." opening a sentence is read as
    // two common nouns and a name.
    for (int i = si.first + 1; i < si.last; ++i) {
      if (taken[i - si.first] || !LegalFormWord(words_[i].form)) continue;
      int f = i;
      while (f > si.first && !taken[f - 1 - si.first]) {
        const W& p = words_[f - 1];
        const std::string low = Lower(p.form);
        if (!std::isupper(static_cast<unsigned char>(p.form[0])) ||
            Weekday(low) >= 0 || Month(low) > 0 ||
            (p.upos != "PROPN" && p.upos != "NOUN" && p.upos != "ADJ" &&
             p.upos != "X"))
          break;
        --f;
      }
      // Only where the tagger missed the name: a run of proper nouns is
      // the next rule's.
      if (f == i || words_[f].upos == "PROPN") continue;
      cands.push_back(
          {f, i + 1, nullptr, NameForm::kName, EntityType::kOrg, heading});
      for (int k = f; k <= i; ++k) taken[k - si.first] = true;
    }
    // A run of proper nouns that ends in a company or newspaper word is a
    // company or an outlet, however the recogniser cut or missed it ("—
    // Velmora Textiles will close ...", "The Ashby Tribune reported").
    for (int i = si.first; i < si.last; ++i) {
      if (taken[i - si.first] || words_[i].upos != "PROPN") continue;
      int l = i;
      while (l < si.last && words_[l].upos == "PROPN" && !taken[l - si.first])
        ++l;
      // (Through a hyphen between two proper nouns: "The Teller
      // Sun-Ledger".)
      while (l > i && l + 1 < si.last && JoiningHyphen(l) &&
             words_[l + 1].upos == "PROPN" && !taken[l + 1 - si.first] &&
             !taken[l - si.first]) {
        l += 2;
        while (l < si.last && words_[l].upos == "PROPN" && !taken[l - si.first])
          ++l;
      }
      // The company word itself may be tagged as a common word ("Altavia
      // Solar").
      if (l > i && l < si.last && !taken[l - si.first] &&
          (CompanyWord(words_[l].form) || PublicBodyWord(words_[l].form)) &&
          words_[l].upos != "PROPN")
        ++l;
      // "the Center for Responsive Politics", "the Department of Justice":
      // an institution word, "for", "of" or "on", and its capitalised
      // rest, which the recogniser tends to cut in two (and the tagger may
      // read in part as adjectives: "Coastal").
      auto capitalised = [&](int k) {
        std::string_view u = words_[k].upos;
        // Days and months follow "on" and "of" without naming anything.
        const std::string low = Lower(words_[k].form);
        return !taken[k - si.first] && Weekday(low) < 0 && Month(low) == 0 &&
               std::isupper(static_cast<unsigned char>(words_[k].form[0])) &&
               (u == "PROPN" || u == "ADJ" || u == "NOUN");
      };
      int rest = l + 1;
      if (rest < si.last && words_[rest].upos == "DET" &&
          EqualsIgnoreCase(words_[rest].form, "a"))
        ++rest;
      if (l < si.last && rest < si.last &&
          InstitutionWord(words_[l - 1].form) &&
          (words_[l].form == "for" || words_[l].form == "of" ||
           words_[l].form == "on") &&
          capitalised(rest)) {
        int e = rest;
        while (e < si.last && capitalised(e)) ++e;
        bool gov = PublicBodyWord(words_[l - 1].form);
        cands.push_back({i, e, nullptr, NameForm::kName,
                         gov ? EntityType::kGov : EntityType::kOrg, heading});
        for (int k = i; k < e; ++k) taken[k - si.first] = true;
        i = e - 1;
        continue;
      }
      if (l - i >= 2 && CompanyWord(words_[l - 1].form)) {
        cands.push_back(
            {i, l, nullptr, NameForm::kName, EntityType::kOrg, heading});
        for (int k = i; k < l; ++k) taken[k - si.first] = true;
      } else if (l - i >= 2 && PublicBodyWord(words_[l - 1].form)) {
        // "The Network Security Board banned ...".
        cands.push_back(
            {i, l, nullptr, NameForm::kName, EntityType::kGov, heading});
        for (int k = i; k < l; ++k) taken[k - si.first] = true;
      } else if (l - i >= 2 && OutletWord(words_[l - 1].form)) {
        cands.push_back(
            {i, l, nullptr, NameForm::kName, EntityType::kOutlet, heading});
        for (int k = i; k < l; ++k) taken[k - si.first] = true;
      } else if (l - i >= 2 && !heading && !AllCapitals(words_[i].form) &&
                 lex_.GenderOfGivenName(words_[i].form) &&
                 !InstitutionWord(words_[l - 1].form)) {
        // "militia leader Omar al-Rask", missed by the recogniser: proper
        // nouns that open with a first name (given_names.tsv leaves out
        // the ones that are also places or words; not in capitals: "TED
        // Talk") name a person. Only where the recogniser saw no name at
        // all.
        bool unseen = true;
        for (int k = i; k < l && unseen; ++k) unseen = words_[k].ner == "O";
        if (unseen && NameParticle(words_[l - 1].form) && l + 1 < si.last &&
            JoiningHyphen(l) && !taken[l + 1 - si.first] &&
            std::isupper(static_cast<unsigned char>(words_[l + 1].form[0])))
          l += 2;
        if (unseen) {
          cands.push_back(
              {i, l, nullptr, NameForm::kName, EntityType::kPerson, heading});
          for (int k = i; k < l; ++k) taken[k - si.first] = true;
        }
      }
      i = l - 1;
    }
    // Then the recogniser's names, cut around gazetteer names inside them.
    for (int i = si.first; i < si.last;) {
      std::string_view tag = words_[i].ner;
      if (!StartsWith(tag, "B-") && !StartsWith(tag, "I-")) {
        ++i;
        continue;
      }
      EntityType type = NerType(tag);
      int end = i + 1;
      while (end < si.last && StartsWith(words_[end].ner, "I-")) ++end;
      // "Taher El-Gamal": the tokenizer splits a hyphenated surname, and
      // the recogniser may see two names; written without spaces, it is
      // one.
      while (end + 1 < si.last && JoiningHyphen(end) &&
             StartsWith(words_[end + 1].ner, "B-") &&
             NerType(words_[end + 1].ner) == type) {
        end += 2;
        while (end < si.last && StartsWith(words_[end].ner, "I-")) ++end;
      }
      // (So is a person's name whose part after the hyphen the recogniser
      // left out: "Kim Jong-Un", "Eva-Marie Ayala"; not two surnames
      // joined: "the Trump-Clinton race".)
      while (
          type == EntityType::kPerson && end + 1 < si.last &&
          JoiningHyphen(end) && words_[end + 1].upos == "PROPN" &&
          words_[end + 1].ner == "O" && !taken[end + 1 - si.first] &&
          std::isupper(static_cast<unsigned char>(words_[end + 1].form[0])) &&
          (end - i >= 2 ||
           (end + 2 < si.last && words_[end + 2].upos == "PROPN")))
        end += 2;
      // The same when the recogniser found only the part after the hyphen
      // ("Nils Ortega-Baird" as "Baird"): the name runs back over it and
      // the untagged proper nouns before it.
      int begin = i;
      if (type == EntityType::kPerson) {
        auto joins = [&](int h) {
          return h - 1 >= static_cast<int>(si.first) && JoiningHyphen(h) &&
                 words_[h - 1].upos == "PROPN" && words_[h - 1].ner == "O" &&
                 !taken[h - 1 - si.first];
        };
        while (begin - 2 >= static_cast<int>(si.first) && joins(begin - 1)) {
          begin -= 2;
          while (begin > static_cast<int>(si.first) &&
                 words_[begin - 1].upos == "PROPN" &&
                 words_[begin - 1].ner == "O" && !taken[begin - 1 - si.first] &&
                 !LongestAt(begin - 1, LexiconKind::kRole))
            --begin;
        }
      }
      for (int a = begin; a < end;) {
        if (taken[a - si.first]) {
          ++a;
          continue;
        }
        int b = a;
        while (b < end && !taken[b - si.first]) ++b;
        int f = a, l = b;
        // A name starts after its titles ("CEO Jim Farley") and ends before
        // "'s"; a title before it makes it a person's.
        EntityType t = type;
        // A title just before the name ("chief executive Lena Morrow"), or
        // before it and a comma ("its president, Joana Valadares"), with
        // more than one word to the name.
        for (int j = std::max(si.first, f - 4); j < f; ++j) {
          auto role = LongestAt(j, LexiconKind::kRole);
          if (!role || lex_.roles()[role->entry].kind == "party") continue;
          if (j + role->length == f ||
              (j + role->length == f - 1 && words_[f - 1].form == "," &&
               l - f >= 2 && words_[f].upos == "PROPN"))
            t = EntityType::kPerson;
        }
        // (Nor does it start inside a title begun before it: the "Lady" of
        // "First Lady Michelle Obama".)
        for (int j = std::max(si.first, f - 3), end = 0; j < f; ++j) {
          if (TitleAt(j, &end) && end > f && end <= l) {
            f = end;
            t = EntityType::kPerson;
          }
        }
        // (A name the recogniser found inside a title before a person's
        // name is none: the "Secretary" of "Secretary of State Oren
        // Blake". "The Pope said" keeps its name, and "Army" of "Army
        // spokesman" stays the army's.)
        if (int end_of_title = 0; f < l && TitleAt(f, &end_of_title)) {
          bool title = end_of_title >= l && end_of_title < si.last &&
                       words_[end_of_title].upos == "PROPN";
          // (Unless a list names it: "The Economist" is an outlet.)
          for (LexiconKind kind :
               {LexiconKind::kOutlet, LexiconKind::kOrganisation,
                LexiconKind::kGovernment}) {
            if (auto g = LongestAt(f, kind); g && f + g->length >= l)
              title = false;
          }
          if (title) f = l;
        }
        while (f < l) {
          auto role = LongestAt(f, LexiconKind::kRole);
          if (role && f + role->length < l) {
            f += role->length;
            t = EntityType::kPerson;
          } else if (t == EntityType::kPerson && words_[f].upos != "PROPN") {
            ++f;
          } else {
            break;
          }
        }
        while (l > f &&
               (words_[l - 1].upos == "PART" || IsPunct(words_[l - 1])))
          --l;
        // "New Jersey Gov. Chris Christie", read as one place, or with
        // the title ending the place: the name ends before the title, and
        // the title's person is a name of its own.
        if (t != EntityType::kPerson) {
          for (int k = f + 1; k < l; ++k) {
            int after = 0;
            if (!TitleAt(k, &after)) continue;
            if (after == l && l < si.last && words_[l].upos == "PROPN") {
              l = k;
              break;
            }
            if (after < l && words_[after].upos == "PROPN") {
              cands.push_back({after, l, nullptr, NameForm::kName,
                               EntityType::kPerson, heading});
              l = k;
              break;
            }
          }
        }
        while (f < l && (words_[f].upos == "DET" || IsPunct(words_[f]))) ++f;
        // A title alone, its name taken after it ("Councillor" of
        // "Councillor Maren Holt"), is no name.
        if (f < l && b < end && taken[b - si.first] && f == a) {
          if (auto role = LongestAt(f, LexiconKind::kRole);
              role && f + role->length == l)
            f = l;
        }
        bool has_propn = false;
        for (int k = f; k < l; ++k) has_propn |= words_[k].upos == "PROPN";
        // "Tuesday", "April 7", "January": a date the recogniser called a
        // name is no entity (it had topped the ledger's list of entities).
        // A day is none whatever the type it was given ("reported Thursday
        // that ..." as an organisation); a month only when no person's or
        // organisation's ("May said", "April" may be people).
        {
          bool date = f < l, day = false;
          for (int k = f; k < l && date; ++k) {
            const std::string low = Lower(words_[k].form);
            const bool weekday = Weekday(low) >= 0;
            day |= weekday;
            date = weekday || Month(low) > 0 || words_[k].upos == "NUM" ||
                   words_[k].form == ",";
          }
          if (date && (day || t == EntityType::kMisc)) f = l;
          // "Brandt Tuesday told reporters", "in South Carolina Saturday":
          // nor is a day after a name. (A day named by the word before it
          // is one name: "Super Tuesday", "Black Friday".)
          auto names_day = [](std::string_view w) {
            for (std::string_view d :
                 {"super", "black", "good", "cyber", "ash", "holy", "maundy",
                  "easter", "fat", "giving", "bloody", "palm", "blue"})
              if (EqualsIgnoreCase(w, d)) return true;
            return false;
          };
          while (l - f >= 2 && Weekday(Lower(words_[l - 1].form)) >= 0 &&
                 !names_day(words_[l - 2].form))
            --l;
        }
        // A name the recogniser cut short keeps its capitalised tail:
        // "Network Security" + "Board".
        if (f < l && has_propn) {
          auto tail = [&](int k) {
            std::string_view fm = words_[k].form;
            return (words_[k].upos == "PROPN" || words_[k].upos == "NOUN") &&
                   words_[k].ner == "O" && fm.size() > 1 &&
                   std::isupper(static_cast<unsigned char>(fm[0])) &&
                   std::islower(static_cast<unsigned char>(fm[1])) &&
                   !LongestAt(k, LexiconKind::kRole);
          };
          while (l < si.last && tail(l)) ++l;
          // "Ministry of Economy", "Department of Labor and Industry": a
          // public body named by what it does, which the recogniser tends
          // to cut at "of".
          static constexpr std::string_view kBodyHeads[] = {
              "Ministry", "Department", "Office", "Bureau", "Agency"};
          if (l - f == 1 &&
              std::find(std::begin(kBodyHeads), std::end(kBodyHeads),
                        words_[f].form) != std::end(kBodyHeads) &&
              l + 1 < si.last && words_[l].form == "of") {
            auto cap = [&](int k) {
              std::string_view fm = words_[k].form;
              return words_[k].upos == "PROPN" ||
                     (fm.size() > 1 &&
                      std::isupper(static_cast<unsigned char>(fm[0])) &&
                      std::islower(static_cast<unsigned char>(fm[1])));
            };
            int e = l + 1;
            while (e < si.last && !taken[e - si.first] &&
                   (cap(e) ||
                    (words_[e].form == "and" && e + 1 < si.last && cap(e + 1))))
              ++e;
            if (e > l + 1 && words_[e - 1].form != "and") {
              for (int k = l; k < e; ++k) taken[k - si.first] = true;
              l = e;
              t = EntityType::kGov;
            }
          }
        }
        // "The Minho Textile Workers’ Union": an organisation's name takes
        // in the capitalised words before a plural possessive, which the
        // recogniser leaves out.
        if (f < l && t == EntityType::kOrg && f - 2 >= si.first &&
            (words_[f - 1].form == "’" || words_[f - 1].form == "'") &&
            words_[f - 1].span.begin == words_[f - 2].span.end &&
            words_[f - 2].form.ends_with('s') && !taken[f - 2 - si.first]) {
          auto capitalised = [&](int k) {
            return std::isupper(
                       static_cast<unsigned char>(words_[k].form[0])) &&
                   !taken[k - si.first] &&
                   (words_[k].upos == "PROPN" || words_[k].upos == "NOUN");
          };
          int g = f - 2;
          if (capitalised(g)) {
            while (g > si.first && capitalised(g - 1)) --g;
            f = g;
            has_propn = true;
          }
        }
        // "Saja al-Dulaimi", "Abu Bakr al-Baghdadi": a name goes on through
        // its article and the hyphen after it, where the recogniser, which
        // learned names as runs of proper nouns, stops; and takes in the
        // article before a surname it found alone ("al-Baghdadi").
        if (f < l && NameParticle(words_[l - 1].form) && l + 1 < si.last &&
            JoiningHyphen(l) &&
            std::isupper(static_cast<unsigned char>(words_[l + 1].form[0])) &&
            !taken[l + 1 - si.first])
          l += 2;
        if (f < l && f - 2 >= si.first && JoiningHyphen(f - 1) &&
            NameParticle(words_[f - 2].form) && !taken[f - 2 - si.first])
          f -= 2;
        // "Kim Jong-un", "Moon Jae-in": a person's given name of two
        // syllables joined by a hyphen, the second in lower case, which
        // the recogniser stops before. (Not "Smith-led", nor "-in-law".)
        if (t == EntityType::kPerson && l - f >= 2 && l + 1 < si.last &&
            JoiningHyphen(l) && !taken[l + 1 - si.first]) {
          const std::string_view part = words_[l + 1].form;
          bool lower = part.size() >= 2 && part.size() <= 3;
          for (char c : part) lower &= c >= 'a' && c <= 'z';
          for (std::string_view w : {"led", "run", "era", "ish", "owned"})
            lower &= part != w;
          if (lower && (l + 2 >= si.last || words_[l + 2].form != "-")) l += 2;
        }
        // "Corwin Pike & Co.", "Hale & Sons": a firm's name goes on through
        // the "&" and names a company, whatever the recogniser made of
        // the partners' names.
        if (f < l && l + 1 < si.last && words_[l].form == "&") {
          const std::string_view tail = words_[l + 1].form;
          if (tail == "Co." || tail == "Co" || tail == "Company" ||
              tail == "Sons" || tail == "Partners" || tail == "Associates") {
            l += 2;
            t = EntityType::kOrg;
          }
        }
        // No name is a lone letter (the party of "(R-Fla.)"; listed
        // one-letter names come from the gazetteer above), a lone
        // abbreviation ("No. 1", "Company, Inc.", "Gov."), a title before
        // the name it belongs to ("Army Capt. Humayun Khan"), or words in
        // lower case only ("front-runner", "pro-Clinton").
        bool junk = false;
        if (f < l) {
          std::string_view one = words_[f].form;
          junk = l - f == 1 &&
                 (one.size() == 1 || (one.size() <= 5 && one.back() == '.' &&
                                      one.find('.') == one.size() - 1));
          bool capital = false;
          for (int k = f; k < l; ++k) {
            unsigned char c = static_cast<unsigned char>(words_[k].form[0]);
            capital |= std::isupper(c) || std::isdigit(c) || c >= 0x80;
          }
          junk |= !capital;
          for (int k = f; k < l && !junk; ++k) {
            int after = 0;
            junk = TitleAt(k, &after) && after == l && l < si.last &&
                   words_[l].upos == "PROPN";
          }
        }
        if (f < l && has_propn && !junk)
          cands.push_back({f, l, nullptr, NameForm::kName, t, heading});
        a = b;
      }
      i = end;
    }
  }
  std::sort(cands.begin(), cands.end(),
            [](const Cand& a, const Cand& b) { return a.first < b.first; });
  // "The Indonesian Ceramic Tableware Producers Association": the
  // capitalised words before an organisation's name that ends in an
  // institution's or company's word are part of it (the tagger reads them
  // as adjectives, the recogniser leaves them out), a demonym among them
  // too; not another name ("Harlow Motors Foundation" is left as found).
  for (size_t ci = 0; ci < cands.size(); ++ci) {
    Cand& c = cands[ci];
    if (c.gaz || CoarseType(c.type) != EntityType::kOrg ||
        !(InstitutionWord(words_[c.last - 1].form) ||
          CompanyWord(words_[c.last - 1].form)))
      continue;
    const int first = sents_[words_[c.first].sent].first;
    int b = c.first;
    while (b > first &&
           (words_[b - 1].upos == "ADJ" || words_[b - 1].upos == "PROPN") &&
           std::isupper(static_cast<unsigned char>(words_[b - 1].form[0])))
      --b;
    if (b == c.first) continue;
    // (Only where the earlier words stand alone or as a demonym.)
    const int cf = c.first, cl = c.last;
    auto before = [&](const Cand& o) {
      return o.last > b && o.first < cf && !(o.first == cf && o.last == cl);
    };
    if (std::any_of(cands.begin(), cands.end(), [&](const Cand& o) {
          return before(o) && o.form != NameForm::kDemonym;
        }))
      continue;
    cands.erase(std::remove_if(cands.begin(), cands.end(), before),
                cands.end());
    for (Cand& x : cands)
      if (x.first == cf && x.last == cl) x.first = b;
    ci = static_cast<size_t>(-1);  // the vector changed: look again
  }
  // "Rival Sorrel Mobile launched a folding phone": a word that says what
  // kind of company follows, capitalised to open a sentence, is no part of
  // its name.
  for (Cand& c : cands) {
    if (c.gaz || c.last - c.first < 2 || words_[c.first + 1].upos != "PROPN")
      continue;
    for (std::string_view d :
         {"Rival", "Rivals", "Competitor", "Automaker", "Carmaker", "Chipmaker",
          "Drugmaker", "Retailer", "Lender", "Insurer", "Startup", "Supplier",
          "Conglomerate"}) {
      if (words_[c.first].form == d) {
        ++c.first;
        break;
      }
    }
  }
  // A name the recogniser finds only in headings must be seen in the body
  // too (whole, or as a person's surname).
  std::vector<std::string> body_names;
  for (const Cand& c : cands) {
    if (c.gaz || c.heading) continue;
    std::string_view t = Text(WordSpan(c.first, c.last - 1));
    body_names.push_back(Lower(t));
    if (c.type == EntityType::kPerson) body_names.push_back(Lower(LastWord(t)));
  }
  // "workshops in Central and East Java": a lone compass word joined by
  // "and" or "or" to a name that opens with another one shares that name's
  // rest and kind ("Central Java", a place); it is no place called
  // "Central".
  auto compass = [](std::string_view w) {
    for (std::string_view c :
         {"North", "South", "East", "West", "Central", "Northern", "Southern",
          "Eastern", "Western", "Upper", "Lower"})
      if (w == c) return true;
    return false;
  };
  std::string shared;
  EntityType shared_type = EntityType::kPlace;
  auto shared_head = [&](const Cand& c) -> std::string_view {
    const int j = c.last;
    if (c.gaz || j != c.first + 1 || !compass(words_[c.first].form) ||
        j + 2 >= static_cast<int>(words_.size()) ||
        words_[j + 2].sent != words_[c.first].sent ||
        (words_[j].form != "and" && words_[j].form != "or"))
      return {};
    for (const Cand& o : cands) {
      if (o.first != j + 1 || o.last - o.first < 2 ||
          !compass(words_[o.first].form))
        continue;
      shared = std::string(words_[c.first].form) + " " +
               std::string(Text(WordSpan(o.first + 1, o.last - 1)));
      shared_type = o.gaz ? GazetteerType(*o.gaz) : o.type;
      return shared;
    }
    return {};
  };
  for (const Cand& c : cands) {
    // "Senator presses Orsolo over Vantor talks": a title alone in the
    // headline, with no name after it, is no one's name. (In the body,
    // "the President said" is someone the article has named.)
    if (!c.gaz && c.last == c.first + 1 &&
        words_[c.first].span.end <= doc_.body_begin &&
        CoarseType(c.type) == EntityType::kPerson) {
      auto role = LongestAt(c.first, LexiconKind::kRole);
      if (role && role->length == 1 &&
          (c.last >= static_cast<int>(words_.size()) ||
           words_[c.last].upos != "PROPN"))
        continue;
    }
    // "Sen. Laura Pennington, a Michigan Democrat, said", "A senior House
    // Republican on Tuesday demanded", "Rep. Dale Hanner, the Utah
    // Republican who chairs the panel": a party member after an article
    // and its modifiers is a person the name does not give; it names no
    // one.
    if (!c.gaz && c.first > 0 &&
        (words_[c.last - 1].form == "Democrat" ||
         words_[c.last - 1].form == "Republican" ||
         words_[c.last - 1].form == "Independent")) {
      int k = c.first - 1;
      while (k > 0 && c.first - k <= 3 &&
             (words_[k].upos == "ADJ" || words_[k].upos == "PROPN" ||
              words_[k].upos == "NOUN"))
        --k;
      if (EqualsIgnoreCase(words_[k].form, "a") ||
          EqualsIgnoreCase(words_[k].form, "an") ||
          EqualsIgnoreCase(words_[k].form, "the") ||
          EqualsIgnoreCase(words_[k].form, "another"))
        continue;
    }
    if (c.heading && !c.gaz) {
      std::string t = Lower(Text(WordSpan(c.first, c.last - 1)));
      if (std::find(body_names.begin(), body_names.end(), t) ==
          body_names.end())
        continue;
    }
    // "Harrowgate council", "Harrowgate police": one word naming whose
    // council it is names a place, not the "Harrowgate Ferry Users' Group"
    // the article also names.
    if (!c.gaz && c.last == c.first + 1 && OfLocalBody(c.first)) {
      const std::string name(words_[c.first].form);
      int e = -1;
      for (size_t i = 0; i < entities_.size() && e < 0; ++i) {
        if (entities_[i].e.name == name &&
            CoarseType(entities_[i].e.type) == EntityType::kPlace)
          e = static_cast<int>(i);
      }
      if (e < 0) e = NewEntity(name, EntityType::kPlace, nullptr);
      AddMention(c.first, c.last, e, true, false);
      continue;
    }
    const std::string_view whole = shared_head(c);
    int e = EntityFor(c.first, c.last, c.gaz,
                      whole.empty() ? c.type : shared_type, whole);
    AddMention(c.first, c.last, e, true, c.form == NameForm::kDemonym);
  }
  // Once named, a person's surname or a company's first word is that
  // entity wherever it recurs, whether or not the recogniser saw it again
  // ("Dornfield chief executive Ada Quenby").
  std::vector<bool> taken(words_.size(), false);
  for (const MentionRec& m : mentions_)
    for (int k = m.first; k < m.last; ++k) taken[k] = true;
  std::vector<std::pair<std::string, int>> short_names;
  for (size_t e = 0; e < entities_.size(); ++e) {
    const Entity& en = entities_[e].e;
    EntityType ct = CoarseType(en.type);
    if (ct != EntityType::kPerson && ct != EntityType::kOrg) continue;
    size_t sp = en.name.find(' ');
    if (sp == std::string::npos) {
      if (en.name.size() > 2)
        short_names.push_back({en.name, static_cast<int>(e)});
    } else if (ct == EntityType::kPerson) {
      short_names.push_back(
          {std::string(LastWord(en.name)), static_cast<int>(e)});
      // "Kim Jong Un ... Kim": a family name written first.
      if (std::count(en.name.begin(), en.name.end(), ' ') >= 2)
        short_names.push_back({en.name.substr(0, sp), static_cast<int>(e)});
    } else if (en.type == EntityType::kOrg) {
      short_names.push_back({en.name.substr(0, sp), static_cast<int>(e)});
    }
  }
  bool added = false;
  // The whole name too, however it was tagged where it recurs ("Ashcombe
  // Ferries will close ..." read as two common nouns).
  const int nw = static_cast<int>(words_.size());
  for (size_t e = 0; e < entities_.size(); ++e) {
    const Entity& en = entities_[e].e;
    EntityType ct = CoarseType(en.type);
    if ((ct != EntityType::kPerson && ct != EntityType::kOrg) ||
        en.name.find(' ') == std::string::npos)
      continue;
    std::vector<std::string_view> parts;
    for (size_t at = 0; at <= en.name.size();) {
      size_t sp = en.name.find(' ', at);
      if (sp == std::string::npos) sp = en.name.size();
      parts.push_back(std::string_view(en.name).substr(at, sp - at));
      at = sp + 1;
    }
    const int n = static_cast<int>(parts.size());
    for (int k = 0; k + n <= nw; ++k) {
      bool match = words_[k].sent == words_[k + n - 1].sent;
      for (int j = 0; j < n && match; ++j)
        match = !taken[k + j] && words_[k + j].form == parts[j];
      if (!match) continue;
      AddMention(k, k + n, static_cast<int>(e), true, false);
      for (int j = 0; j < n; ++j) taken[k + j] = true;
      added = true;
    }
  }
  // Every form the article writes, to tell a name opening its sentence from
  // a word it also writes in lower case.
  std::unordered_set<std::string_view> forms;
  for (const W& w : words_) forms.insert(w.form);
  for (int k = 0; k < nw; ++k) {
    // (A name opening its sentence may be tagged a common noun: "Greywater
    // reportedly also held talks", "Sanders said". Not a word the article
    // also writes in lower case, "Residents press council" beside the
    // Residents Association, nor one that owns the phrase: "Somers'
    // mother and brother".)
    const bool opening = k == sents_[words_[k].sent].first &&
                         words_[k].upos == "NOUN" && k + 1 < nw &&
                         words_[k + 1].upos != "PROPN" &&
                         words_[k + 1].deprel != "case" &&
                         forms.find(Lower(words_[k].form)) == forms.end();
    if (taken[k] || (words_[k].upos != "PROPN" && !opening) || OfLocalBody(k))
      continue;
    for (const auto& [name, e] : short_names) {
      if (words_[k].form != name) continue;
      AddMention(k, k + 1, e, true, false);
      added = true;
      break;
    }
  }
  if (added) {
    std::stable_sort(mentions_.begin(), mentions_.end(),
                     [](const MentionRec& a, const MentionRec& b) {
                       return a.first < b.first;
                     });
  }
}

// "Luminet may launch its first folding phone": a name of one word that
// the recogniser took for a person's, and that owns what it acts on, is a
// company or some other body. (A person owns "his" or "her" things; a
// first name is a person's whatever follows.)
void DocState::NamesCalledIt() {
  std::vector<int> its(entities_.size(), 0), theirs(entities_.size(), 0);
  for (const MentionRec& m : mentions_) {
    const int e = m.entity;
    const int k = m.first;
    // ("Miss Bethell", "Sen. Graham": a title says it is a person.)
    if (k > 0 && m.named) {
      const std::string low = Lower(words_[k - 1].form);
      auto role = LongestAt(k - 1, LexiconKind::kRole);
      if (HonorificGender(low) != 0 || low == "dr" || low == "dr." ||
          low == "lady" || low == "lord")
        ++theirs[e];
      if (role && role->length == 1) ++theirs[e];
    }
    if (!m.named || m.last != k + 1 ||
        entities_[e].e.type != EntityType::kPerson ||
        entities_[e].e.name.find(' ') != std::string::npos ||
        LongestAt(k, LexiconKind::kGivenName) ||
        !StartsWith(words_[k].deprel, "nsubj") || words_[k].head < 0)
      continue;
    const int v = words_[k].head;
    for (int c : Children(v)) {
      if (c < v || words_[c].deprel != "obj") continue;
      for (int p : Children(c)) {
        if (p > c || words_[p].deprel != "nmod:poss") continue;
        const std::string_view f = words_[p].form;
        if (EqualsIgnoreCase(f, "its")) ++its[e];
        if (EqualsIgnoreCase(f, "his") || EqualsIgnoreCase(f, "her"))
          ++theirs[e];
      }
    }
  }
  for (size_t e = 0; e < entities_.size(); ++e) {
    if (its[e] > 0 && theirs[e] == 0) entities_[e].e.type = EntityType::kOrg;
  }
}

// "Ford CEO Jim Farley", "Republican Representative John Moolenaar",
// "former President Donald Trump": titles read leftwards from the name.
// The organisation named last before word w, in its sentence or the one
// before: a company, not a government or an outlet.
int DocState::RecentOrgEntity(int w) const {
  int s = words_[w].sent;
  for (int k = w - 1; k >= 0 && words_[k].sent + 1 >= s; --k) {
    int m = words_[k].mention;
    if (m < 0 || mentions_[m].weak) continue;
    if (entities_[mentions_[m].entity].e.type == EntityType::kOrg)
      return mentions_[m].entity;
  }
  return -1;
}

std::string DocState::RecentOrg(int w) const {
  int e = RecentOrgEntity(w);
  return e < 0 ? std::string() : entities_[e].e.name;
}

void DocState::FindRoles() {
  // The role's printed form, from its title and what the text gives.
  auto add_role = [&](int entity, const Role* title, const std::string& party,
                      const std::string& modifier, const std::string& org) {
    std::string label =
        title->label_pattern.empty() ? title->label : title->label_pattern;
    auto fill = [&](std::string_view ph, const std::string& value,
                    std::string_view join) {
      size_t p = label.find(ph);
      if (p == std::string::npos) return;
      if (!value.empty()) {
        label.replace(p, ph.size(), value);
        return;
      }
      size_t b = p, e = p + ph.size();
      if (b >= join.size() &&
          label.compare(b - join.size(), join.size(), join) == 0) {
        b -= join.size();
      } else if (e < label.size() && label[e] == ' ') {
        ++e;
      }
      label.erase(b, e - b);
    };
    // ("spokesperson for {org}" with no organisation is "spokesperson".)
    fill("{org}", org,
         label.find(" for {org}") != std::string::npos ? " for " : " of ");
    fill("{party}", party, " ");
    fill("{place}", "", " of ");
    fill("{label}", title->label, " ");
    if (!modifier.empty() && label.find(modifier) == std::string::npos &&
        Lower(label).find(Lower(modifier)) == std::string::npos)
      label = modifier + " " + label;
    while (!label.empty() && label.back() == ' ') label.pop_back();
    std::vector<std::string>& roles = entities_[entity].e.roles;
    if (!label.empty() &&
        std::find(roles.begin(), roles.end(), label) == roles.end())
      roles.push_back(label);
  };
  // The organisation named at word k, by name or by description ("the
  // company"): an organisation, a government or an outlet.
  auto org_at = [&](int k) -> std::string {
    if (k < 0 || k >= static_cast<int>(words_.size())) return {};
    int m = words_[k].mention;
    if (m < 0) return {};
    const Entity& e = entities_[mentions_[m].entity].e;
    return CoarseType(e.type) == EntityType::kOrg ? e.name : std::string();
  };
  for (MentionRec& m : mentions_) {
    if (!m.named || entities_[m.entity].e.type != EntityType::kPerson) continue;
    const SentInfo& si = sents_[words_[m.first].sent];
    int sent_first = si.first;
    int left = m.first;
    const Role* title = nullptr;
    std::string party, modifier, org;
    for (int guard = 0; guard < 6 && left > sent_first; ++guard) {
      bool moved = false;
      // Farthest start first: "chief executive" before "executive".
      for (int j = std::max(sent_first, left - 5); j < left; ++j) {
        auto role = LongestAt(j, LexiconKind::kRole);
        if (role && j + role->length == left) {
          const Role& rr = lex_.roles()[role->entry];
          if (rr.kind == "party") {
            if (party.empty()) party = rr.label;
          } else if (rr.kind == "modifier") {
            if (modifier.empty()) modifier = Text(WordSpan(j, left - 1));
          } else if (!title) {
            title = &rr;
          }
          left = j;
          moved = true;
          break;
        }
      }
      if (moved) continue;
      int pm = words_[left - 1].mention;
      if (pm >= 0 && mentions_[pm].named && org.empty() &&
          CoarseType(entities_[mentions_[pm].entity].e.type) ==
              EntityType::kOrg) {
        org = entities_[mentions_[pm].entity].e.name;
        left = mentions_[pm].first;
        continue;
      }
      break;
    }
    // "chief executive Henrik Sollas" with no company named: a business
    // title belongs to the company the article was just talking about.
    if (title && org.empty() && title->speaks_for && title->kind == "business")
      org = RecentOrg(m.first);
    if (title) {
      add_role(m.entity, title, party, modifier, org);
      m.titled_from = left;
    }

    // In apposition after the name: "Marta Lindqvist, a banking analyst at
    // Orrin & Vale, said"; or after "as": "appointed Lena Varga as chief
    // executive".
    int p = m.last;
    if (p < si.last &&
        (words_[p].form == "," || EqualsIgnoreCase(words_[p].form, "as"))) {
      int q = p + 1;
      if (q < si.last && words_[q].upos == "DET") ++q;
      // The organisation may come first: "an Apple spokeswoman", "Apple's
      // chief executive".
      std::string before;
      if (q < si.last && words_[q].mention >= 0 &&
          mentions_[words_[q].mention].named &&
          mentions_[words_[q].mention].first == q) {
        before = org_at(q);
        if (!before.empty()) {
          q = mentions_[words_[q].mention].last;
          if (q < si.last && words_[q].upos == "PART") ++q;
        }
      }
      for (int j = q; j < std::min(si.last, q + 3); ++j) {
        int end = 0;
        const Role* t = TitleAt(j, &end);
        if (!t) {
          if (words_[j].upos != "ADJ" && words_[j].upos != "NOUN") break;
          continue;
        }
        // (A title before another name is that name's: "Aside from Donald
        // Trump, Fox News host Sean Hannity said".)
        if (end < si.last && words_[end].mention >= 0 &&
            mentions_[words_[end].mention].named &&
            entities_[mentions_[words_[end].mention].entity].e.type ==
                EntityType::kPerson)
          break;
        std::string of;
        if (end + 1 < si.last) {
          std::string_view prep = words_[end].form;
          if (prep == "at" || prep == "of" || prep == "for" || prep == "with")
            of = org_at(words_[end + 1].upos == "DET" ? end + 2 : end + 1);
        }
        add_role(m.entity, t, "", "", of.empty() ? before : of);
        break;
      }
    }
    // Before the name, set off by a comma: "The company's chief executive,
    // Wen Halloway, told investors", "An Orlen spokesman, Pieter Haas,".
    if (m.first - 2 > sent_first && words_[m.first - 1].form == ",") {
      int end = m.first - 1;
      for (int j = std::max(sent_first, end - 4); j < end; ++j) {
        int e = 0;
        const Role* t = TitleAt(j, &e);
        if (!t || e != end) continue;
        // (Not a word of a name: "Blair Effron of Centerview Partners, Marc
        // Lasry" is no partner.)
        if (const int tm = words_[e - 1].mention;
            tm >= 0 && mentions_[tm].named && mentions_[tm].first < j)
          break;
        std::string of;
        if (j - 2 >= sent_first && words_[j - 1].upos == "PART") {
          of = org_at(j - 2);
        } else if (j - 1 >= sent_first && m.last < si.last &&
                   words_[m.last].form == "," &&
                   (words_[j - 1].mention < 0 ||
                    mentions_[words_[j - 1].mention].named)) {
          // (Only a name set off on both sides, "An Orlen spokesman, Pieter
          // Haas, said": in "... than that of the CIA chief, Zuckoff said"
          // the chief is someone else.)
          of = org_at(j - 1);
          // (The tagger may read a company's first word as an adjective
          // and leave it no mention.)
          for (size_t ei = 0; of.empty() && ei < entities_.size(); ++ei) {
            const Entity& en = entities_[ei].e;
            if (CoarseType(en.type) == EntityType::kOrg &&
                std::isupper(
                    static_cast<unsigned char>(words_[j - 1].form[0])) &&
                words_[j - 1].upos != "DET" &&
                StartsWith(en.name, std::string(words_[j - 1].form) + " "))
              of = en.name;
          }
        }
        add_role(m.entity, t, "", "", of);
        break;
      }
    }
  }
}

bool TypeAllowed(const Nominal& n, EntityType t) {
  return std::find(n.types.begin(), n.types.end(), t) != n.types.end();
}

// Whether `name` has `word` as one of its words: "Portuguese Ministry of
// Economy" has "ministry", "Cedarline Bank" has "bank".
bool NameHasWord(std::string_view name, std::string_view word) {
  size_t at = 0;
  while (at < name.size()) {
    size_t sp = name.find(' ', at);
    if (sp == std::string_view::npos) sp = name.size();
    if (EqualsIgnoreCase(name.substr(at, sp - at), word)) return true;
    at = sp + 1;
  }
  return false;
}

// A listed entity has its kind words; any other is of the kind its own name
// says ("the ministry" after "Portugal's Ministry of Economy").
bool KindAllowed(const Nominal& n, const EntityBuild& b) {
  if (n.kinds.empty()) return true;
  for (const std::string& k : n.kinds) {
    if (b.gaz) {
      for (const std::string& gk : b.gaz->kinds)
        if (EqualsIgnoreCase(k, gk)) return true;
    } else if (k.find(' ') == std::string::npos && NameHasWord(b.e.name, k)) {
      return true;
    }
  }
  return false;
}

// "the automaker" refers to the most recent entity it can describe; "both
// companies" to the two most mentioned ones so far.
void DocState::FindNominals() {
  std::vector<MentionRec> added;
  size_t next = 0;  // mentions_ before the current word
  std::vector<int> counts(entities_.size(), 0);
  std::vector<int> last_seen(entities_.size(), -1);
  std::vector<int> first_seen(entities_.size(), -1);
  auto seen = [&](int e, int w) {
    counts[e]++;
    last_seen[e] = w;
    if (first_seen[e] < 0) first_seen[e] = w;
  };
  for (size_t s = 0; s < sents_.size(); ++s) {
    for (int i = sents_[s].first; i < sents_[s].last; ++i) {
      while (next < mentions_.size() && mentions_[next].first <= i) {
        if (!mentions_[next].weak)
          seen(mentions_[next].entity, mentions_[next].first);
        ++next;
      }
      if (words_[i].mention >= 0) continue;
      auto m = LongestAt(i, LexiconKind::kNominal);
      if (!m) continue;
      int last = i + m->length;
      bool clash = false;
      for (int k = i; k < last; ++k) clash |= words_[k].mention >= 0;
      if (clash) continue;
      const Nominal& n = lex_.nominals()[m->entry];
      if (n.group == 0) {
        int best = -1;
        for (size_t e = 0; e < entities_.size(); ++e) {
          if (last_seen[e] < 0 || !TypeAllowed(n, entities_[e].e.type) ||
              !KindAllowed(n, entities_[e]))
            continue;
          if (best < 0 || last_seen[e] > last_seen[best])
            best = static_cast<int>(e);
        }
        // "the company" may be a newspaper's publisher, but after a company
        // and the outlet reporting on it, it is the company: an outlet is
        // taken only when no other organisation was named in the last
        // three sentences.
        if (best >= 0 && entities_[best].e.type == EntityType::kOutlet &&
            TypeAllowed(n, EntityType::kOrg)) {
          int org = -1;
          for (size_t e = 0; e < entities_.size(); ++e) {
            if (last_seen[e] < 0 || entities_[e].e.type != EntityType::kOrg ||
                !KindAllowed(n, entities_[e]) ||
                words_[last_seen[e]].sent + 3 < static_cast<int>(s))
              continue;
            if (org < 0 || last_seen[e] > last_seen[org])
              org = static_cast<int>(e);
          }
          if (org >= 0) best = org;
        }
        // "An Orlen spokesman, Pieter Haas, said that the company ...": in
        // the words of someone who speaks for an organisation, said earlier
        // in the sentence, the company is theirs, unless another was named
        // since.
        for (int k = i - 1; best >= 0 && k >= sents_[s].first; --k) {
          const int pm = words_[k].mention;
          if (pm < 0 || !mentions_[pm].named) continue;
          const EntityBuild& who = entities_[mentions_[pm].entity];
          if (CoarseType(who.e.type) != EntityType::kPerson) {
            if (TypeAllowed(n, who.e.type) && KindAllowed(n, who)) break;
            continue;
          }
          // (The person speaks: the subject of a verb of saying whose
          // clause holds the description.)
          int head = k;
          while (words_[head].head >= mentions_[pm].first &&
                 words_[head].head < mentions_[pm].last &&
                 head != words_[head].head)
            head = words_[head].head;
          const int v = words_[head].head;
          int length = 0;
          if (v < 0 || !StartsWith(words_[head].deprel, "nsubj") ||
              !SpeechVerbAt(v, &length) || !Dominates(v, i))
            break;
          // (Who speaks for it, not an investor or a founder, who may speak
          // of another company.)
          auto speaks_for = [](std::string_view role) {
            for (std::string_view t :
                 {"spokes", "CEO", "chief", "president", "chairman"})
              if (role.find(t) != std::string_view::npos) return true;
            return false;
          };
          int own = -1;
          for (size_t e = 0; e < entities_.size() && own < 0; ++e) {
            if (!TypeAllowed(n, entities_[e].e.type) ||
                !KindAllowed(n, entities_[e]))
              continue;
            for (const std::string& role : who.e.roles) {
              if (speaks_for(role) &&
                  (role.ends_with(" for " + entities_[e].e.name) ||
                   role.ends_with(" of " + entities_[e].e.name)))
                own = static_cast<int>(e);
            }
          }
          if (own >= 0) best = own;
          break;
        }
        if (best >= 0) {
          added.push_back({i, last, best, false, false});
          seen(best, i);
        }
      } else {
        std::vector<int> cand;
        for (size_t e = 0; e < entities_.size(); ++e) {
          if (counts[e] > 0 && TypeAllowed(n, entities_[e].e.type) &&
              KindAllowed(n, entities_[e]))
            cand.push_back(static_cast<int>(e));
        }
        std::stable_sort(cand.begin(), cand.end(), [&](int a, int b) {
          if (counts[a] != counts[b]) return counts[a] > counts[b];
          return first_seen[a] < first_seen[b];
        });
        size_t want = n.group > 0 ? static_cast<size_t>(n.group) : cand.size();
        // "both sides" after "both companies" means the same two.
        std::vector<int> earlier;
        for (auto g = groups_.rbegin(); g != groups_.rend(); ++g) {
          if (g->entities.size() != want) continue;
          bool fits = true;
          for (int e : g->entities) {
            fits &= TypeAllowed(n, entities_[e].e.type) &&
                    KindAllowed(n, entities_[e]);
          }
          if (fits) {
            earlier = g->entities;
            break;
          }
        }
        bool reused = !earlier.empty();
        if (reused) groups_.push_back({i, last, std::move(earlier)});
        if (!reused && cand.size() >= want && want >= 2) {
          cand.resize(want);
          std::sort(cand.begin(), cand.end(), [&](int a, int b) {
            return first_seen[a] < first_seen[b];
          });
          groups_.push_back({i, last, cand});
        }
      }
      i = last - 1;
    }
  }
  for (const MentionRec& m : added) mentions_.push_back(m);
  std::sort(mentions_.begin(), mentions_.end(),
            [](const MentionRec& a, const MentionRec& b) {
              return a.first < b.first;
            });
  for (W& w : words_) w.mention = -1;
  for (size_t m = 0; m < mentions_.size(); ++m) {
    for (int k = mentions_[m].first; k < mentions_[m].last; ++k)
      words_[k].mention = static_cast<int>(m);
  }
}

// ---------------------------------------------------------------- quotes

// Quotation marks, typographic or straight. A paragraph that ends inside a
// quote and is followed by one that opens a quote continues it (the news
// convention for quotes running over several paragraphs).
void DocState::FindQuotes() {
  const std::string_view kOpen = "\xE2\x80\x9C", kClose = "\xE2\x80\x9D";
  int64_t open = -1;       // first inner byte
  int64_t open_mark = -1;  // the opening mark
  auto close_at = [&](uint32_t inner_end, uint32_t outer_end) {
    if (open >= 0 && inner_end > open) {
      quotes_.push_back({{static_cast<uint32_t>(open_mark), outer_end},
                         {static_cast<uint32_t>(open), inner_end}});
    }
    open = open_mark = -1;
  };
  uint32_t prev_end = 0;
  for (const Span& p : seg_.paragraphs) {
    uint32_t i = p.begin;
    while (i < p.end && IsSpace(text_[i])) ++i;
    if (open >= 0) {
      bool reopens =
          text_.substr(i, 3) == kOpen ||
          (text_[i] == '"' && i + 1 < p.end && !IsSpace(text_[i + 1]));
      if (reopens) {
        i += text_[i] == '"' ? 1 : 3;
      } else {
        close_at(prev_end, prev_end);
      }
    }
    for (; i < p.end; ++i) {
      char c = text_[i];
      // A mark turned the wrong way is read by where it stands: after a
      // word and before a space it closes ('"It's unusual,“ said Noble'),
      // after a space and before a word it opens.
      const bool after_word = i > p.begin && !IsSpace(text_[i - 1]);
      const bool before_word = i + 3 < p.end && !IsSpace(text_[i + 3]);
      if (text_.substr(i, 3) == kOpen) {
        if (open < 0) {
          open_mark = i;
          open = i + 3;
        } else if (after_word && !before_word) {
          close_at(i, i + 3);
        }
        i += 2;
      } else if (text_.substr(i, 3) == kClose) {
        if (open >= 0) {
          close_at(i, i + 3);
        } else if (!after_word && before_word) {
          open_mark = i;
          open = i + 3;
        }
        i += 2;
      } else if (c == '"' ||
                 (c == '\'' && i + 1 < p.end && text_[i + 1] == '\'')) {
        // Two apostrophes stand for a double quote in some archives.
        uint32_t mark = c == '"' ? 1 : 2;
        bool can_open = i == p.begin || IsSpace(text_[i - 1]) ||
                        text_[i - 1] == '(' || text_[i - 1] == '[' ||
                        text_[i - 1] == '-';
        if (open < 0 && can_open) {
          open_mark = i;
          open = i + mark;
        } else if (open >= 0) {
          close_at(i, i + mark);
        }
        i += mark - 1;
      }
    }
    prev_end = p.end;
  }
  if (open >= 0) close_at(prev_end, prev_end);
  // Regions are in text order and disjoint: one sweep marks the words.
  size_t q = 0;
  for (W& w : words_) {
    while (q < quotes_.size() && quotes_[q].outer.end <= w.span.begin) ++q;
    if (q < quotes_.size() && quotes_[q].outer.Contains(w.span))
      w.quote = static_cast<int>(q);
  }
}

// ---------------------------------------------------------------- speakers

// The longest speech cue at w; among equals, a verb entry when the word is
// used as a verb ("warning against ..." has both the verb and the noun).
const SpeechVerb* DocState::SpeechVerbAt(int w, int* length) const {
  int s = words_[w].sent;
  std::vector<PhraseMatch> hits;
  lex_.Match(SentKeys(s), w - sents_[s].first, &hits,
             KindBit(LexiconKind::kSpeechVerb));
  if (hits.empty()) return nullptr;
  // "..., according to the organizer Ada Lind": the sourcing cue, read by
  // SourcingStatements; "according" alone is no speech verb of its own
  // that could frame a quote in the sentence or take the words after it.
  if (EqualsIgnoreCase(words_[w].form, "according") && w + 1 < sents_[s].last &&
      EqualsIgnoreCase(words_[w + 1].form, "to"))
    return nullptr;
  // "premium-looking watches", "so-called experts", "the long-rumored deal":
  // the second half of a hyphenated modifier says nothing of its own.
  if (w >= 2 && JoiningHyphen(w - 1)) return nullptr;
  // "through said devastation", "the said property": "said" between a
  // preposition or article and its noun is an adjective.
  if (words_[w].form == "said" && w > sents_[s].first &&
      w + 1 < sents_[s].last &&
      std::isalpha(static_cast<unsigned char>(words_[w - 1].form[0])) &&
      (words_[w - 1].upos == "ADP" || words_[w - 1].upos == "DET") &&
      words_[w + 1].upos == "NOUN")
    return nullptr;
  const PhraseMatch* best = &hits[0];
  bool verbal = words_[w].upos == "VERB" || words_[w].form.ends_with("ing");
  for (const PhraseMatch& m : hits) {
    if (m.length != hits[0].length) break;
    PartOfSpeech pos = lex_.speech_verbs()[m.entry].pos;
    if ((pos == PartOfSpeech::kNoun) != verbal) {
      best = &m;
      break;
    }
  }
  *length = best->length;
  return &lex_.speech_verbs()[best->entry];
}

// The dash that ends the dateline the parser took for the subject headed
// by w ("MANCHESTER, England — Aldmere said ...", "JAKARTA (TP) — ..."),
// or -1: a dateline opens its sentence, names only a place (and an outlet
// in brackets) and ends at a spaced dash.
int DocState::DatelineDash(int w) const {
  int s = words_[w].sent;
  if (words_[w].lo != sents_[s].first) return -1;
  return DatelineEnd(words_[w].lo, std::min(words_[w].hi + 2, sents_[s].last));
}

// The spaced dash that ends a run of proper nouns and punctuation starting
// at `first`, looked for before `end`; -1 when the run meets another word.
int DocState::DatelineEnd(int first, int end) const {
  for (int k = first; k < end; ++k) {
    // A spaced dash: "Clinton-Kaine said" is no dateline.
    if (k > first && SpacedDash(k)) {
      // A name with an aside between dashes is the subject, not a dateline
      // (those are in capitals: "WASHINGTON --"): "Ostrow -- a former aide
      // to the governor -- said ...".
      const std::string_view f = words_[k - 1].form;
      if (words_[k - 1].ner.ends_with("PERSON") ||
          std::any_of(f.begin(), f.end(), [](char ch) {
            return std::islower(static_cast<unsigned char>(ch));
          })) {
        const int last = sents_[words_[k].sent].last;
        for (int j = k + 2; j < last; ++j)
          if (SpacedDash(j)) return -1;
      }
      return k;
    }
    // (A place in capitals is a dateline word whatever its tag: the tagger
    // reads "TACOMA" as a common noun. So is the day of a date: "CALDER,
    // March 3 —".)
    if (words_[k].upos != "PROPN" && !IsPunct(words_[k]) &&
        !AllCapitals(words_[k].form) && words_[k].upos != "NUM")
      return -1;
  }
  return -1;
}

// The subject of a speech verb: its nsubj, the agent of a passive, or the
// subject of the predicate it hangs from ("has offered a perspective,
// suggesting ...", "were quick to dismiss").
// "Rumours of the actor's death were revealed to be a hoax": a passive
// verb of revealing whose subject names what was said, not who said it ("X
// was quoted as saying" is X's word).
bool DocState::PassiveOfRevealing(int v) const {
  if (!ContentSubjectPassiveLemma(words_[v].lemma)) return false;
  for (int c : Children(v))
    if (words_[c].deprel == "nsubj:pass") return true;
  return false;
}

// "Kim is rumored to be suffering from gout", "Governor Dalrymple is
// expected to sign the measure", "Singh has been dubbed the 'Guru in
// Bling'": the subject of a passive verb of saying is who or what was
// talked about, and who talked the text leaves unsaid. Only someone quoted
// or heard speaks through a passive ("was quoted as saying"), or a subject
// that goes on to speak ("The Fed is expected to announce ..."). So with a
// subject shared with the verb before it: "Kim has gained weight and is
// rumored to be ill". (Not "he's said", where the "'s" the parser may read
// as "is" is mostly "has"; and only a "be" or "get" right before the verb,
// adverbs apart.)
bool DocState::PassiveSubjectUnsaid(int v, int subj) const {
  if (subj < 0 || words_[v].lemma == "quote" || words_[v].lemma == "hear" ||
      (words_[subj].head == v && StartsWith(words_[subj].deprel, "obl")))
    return false;
  // A headline leaves out the "is": "Vessa chief rumored to be ill". These
  // verbs take no subject and infinitive in the active voice.
  bool passive = false;
  if (v + 1 < static_cast<int>(words_.size()) &&
      words_[v].form.ends_with("ed") &&
      EqualsIgnoreCase(words_[v + 1].form, "to")) {
    for (std::string_view l : {"rumor", "rumour", "say", "report", "believe",
                               "think", "allege", "reckon", "repute"})
      passive |= words_[v].lemma == l;
  }
  for (int c : Children(v)) {
    if (c > v || words_[c].deprel != "aux:pass" ||
        IsPossessiveS(words_[c].form) ||
        (words_[c].lemma != "be" && words_[c].lemma != "get"))
      continue;
    bool adjacent = true;
    for (int k = c + 1; k < v; ++k) {
      adjacent &= words_[k].upos == "ADV" || words_[k].upos == "AUX" ||
                  words_[k].upos == "PART";
    }
    passive |= adjacent;
  }
  if (!passive) return false;
  for (int c : Children(v)) {
    int l = 0;
    const SpeechVerb* said = SpeechVerbAt(c, &l);
    if (c > v && StartsWith(words_[c].deprel, "xcomp") && said &&
        said->pos == PartOfSpeech::kVerb)
      return false;
  }
  return true;
}

// "Democrats trying to win the seat say": the participle before a verb
// that the parser cut off from it, as a false start or as the root with
// the verb hung on it; -1 if none.
int DocState::CutParticiple(int v) const {
  if (words_[v].form.ends_with("ing")) return -1;
  for (int c : Children(v))
    if (c < v && words_[c].deprel == "reparandum" && words_[c].upos == "VERB" &&
        words_[c].form.ends_with("ing"))
      return c;
  const int h = words_[v].head;
  if (h >= 0 && h < v && words_[v].deprel == "parataxis" &&
      words_[h].upos == "VERB" && words_[h].form.ends_with("ing") &&
      words_[h].sent == words_[v].sent)
    return h;
  // "Protesters marching through the streets chanted ...", with the verb
  // made a modifier of the participle's last noun: a verb with a clause
  // or quote of its own is no modifier.
  if (h > 0 && StartsWith(words_[v].deprel, "acl") && h < v) {
    const int p = words_[h].head;
    bool own = false;
    for (int c : Children(v)) own |= StartsWith(words_[c].deprel, "ccomp");
    if (own && p >= 0 && p < h && words_[p].upos == "VERB" &&
        words_[p].form.ends_with("ing") &&
        StartsWith(words_[h].deprel, "obl") && words_[p].sent == words_[v].sent)
      return p;
  }
  return -1;
}

int DocState::SpeakerOpeningClause(int v, int c) const {
  if (v < 1 || words_[v - 1].form != "," || words_[c].lo != v + 1) return -1;
  const int last = sents_[words_[v].sent].last;
  for (int n : Children(c)) {
    if (!StartsWith(words_[n].deprel, "nsubj") || words_[n].lo != v + 1)
      continue;
    const int comma = words_[n].hi + 1;
    if (comma + 1 < last && words_[comma].form == "," &&
        (RelativePronoun(words_[comma + 1].form) ||
         EqualsIgnoreCase(words_[comma + 1].form, "which")))
      return n;
  }
  return -1;
}

// "The vote signals 'the end' for the union, said Geert Wilders", "The
// plan 'makes no sense,' wrote Ilse Marrow": a verb of saying after a
// comma, followed by who spoke, which the parser reads as its object (and
// the clause before as its subject); that word, or -1.
int DocState::InvertedSubject(int v) const {
  if (v < 1 || words_[v].upos != "VERB" || words_[v].form.ends_with("ing"))
    return -1;
  int k = v - 1;
  if (IsClosingQuoteMark(words_[k].form) && k > 0) --k;
  if (words_[k].form != ",") return -1;
  int length = 0;
  const SpeechVerb* sv = SpeechVerbAt(v, &length);
  if (!sv || sv->pos != PartOfSpeech::kVerb || length != 1) return -1;
  static constexpr std::string_view kClasses[] = {
      "say",   "report",  "write",  "add",   "note",  "explain",
      "argue", "predict", "insist", "claim", "reply", "suggest"};
  if (std::find(std::begin(kClasses), std::end(kClasses), sv->cls) ==
      std::end(kClasses))
    return -1;
  const int last = sents_[words_[v].sent].last;
  for (int child : Children(v)) {
    if (child <= v) continue;
    int c = -1;
    if (words_[child].deprel == "obj" || words_[child].deprel == "iobj") {
      c = child;
    } else if (StartsWith(words_[child].deprel, "ccomp")) {
      c = SpeakerOpeningClause(v, child);
    }
    if (c < 0) continue;
    if (words_[c].lo != v + 1 || InAnyQuote(c) ||
        (words_[c].upos != "NOUN" && words_[c].upos != "PROPN"))
      return -1;
    // Its phrase runs to a comma or the end of the sentence.
    int end = words_[c].hi + 1;
    while (end < last && InAnyQuote(end)) ++end;
    if (end < last && words_[end].form != "," && !IsPunct(words_[end]))
      return -1;
    // Who spoke: a name, or a source ("a former executive"), at the head.
    bool who = false;
    if (const int m = words_[c].mention; m >= 0 && mentions_[m].named) {
      const EntityType t = entities_[mentions_[m].entity].e.type;
      who = CoarseType(t) == EntityType::kPerson ||
            CoarseType(t) == EntityType::kOrg || t == EntityType::kOutlet;
    }
    if (!who) who = AnalyzeSource(words_[c].lo, c).is_source;
    return who ? c : -1;
  }
  return -1;
}

bool DocState::HeadlineParticiple(int v) const {
  // "Lawmaker presses Harlow for answers after denied China venture
  // report": a past participle right after a preposition, with no subject
  // or auxiliary of its own, describes the noun after it; the subject of
  // the clause it hangs on did not do it.
  // (The parse keeps no Penn tag: a past form is a verb that is not its
  // lemma and ends in neither -ing nor -s.)
  const W& w = words_[v];
  if (v == 0 || words_[v - 1].sent != w.sent || w.upos != "VERB" ||
      w.form == w.lemma || w.form.ends_with("ing") || w.form.ends_with("s"))
    return false;
  const W& before = words_[v - 1];
  // (Prepositions of time and circumstance only: "as predicted" is the
  // clause's subject predicting.)
  static constexpr std::string_view kBefore[] = {
      "after", "before", "despite", "amid", "following", "since", "until"};
  if (before.head != v ||
      (before.deprel != "mark" && before.deprel != "advmod" &&
       before.deprel != "case") ||
      std::none_of(
          std::begin(kBefore), std::end(kBefore),
          [&](std::string_view p) { return EqualsIgnoreCase(before.form, p); }))
    return false;
  for (int c : Children(v)) {
    std::string_view d = words_[c].deprel;
    if (StartsWith(d, "nsubj") || StartsWith(d, "aux") || StartsWith(d, "expl"))
      return false;
  }
  return true;
}

// "as many as three-fourths of them", "as for conservative pundits": an
// "as" that opens no clause.
bool DocState::AsQuantifier(int k) const {
  if (!EqualsIgnoreCase(words_[k].form, "as") ||
      k + 1 >= static_cast<int>(words_.size()))
    return false;
  for (std::string_view w : {"many", "much", "few", "for", "well", "long",
                             "soon", "far", "little"}) {
    if (EqualsIgnoreCase(words_[k + 1].form, w) ||
        (k > 0 && EqualsIgnoreCase(words_[k - 1].form, w)))
      return true;
  }
  return false;
}

// Whether a clause opener ("after", "before", ...) is the preposition the
// parser gave noun phrase c.
bool DocState::BehindOpener(int c) const {
  for (int cc : Children(c)) {
    if (words_[cc].deprel != "case" || cc > c || AsQuantifier(cc)) continue;
    for (std::string_view opener : kClauseOpeners)
      if (EqualsIgnoreCase(words_[cc].form, opener)) return true;
  }
  return false;
}

// "Shares of Corlen fell after a union said ...": the parser may read
// "after a union" as a phrase of the main verb and the verb of saying as a
// clause of its own (or take "the company" after it for its subject). The
// noun phrase right before the verb, behind a word that can open a clause,
// is its subject; -1 when there is none.
int DocState::SubjectBehindOpener(int v) const {
  // (Not "... as a "strong leader," comparing him ...".)
  if (v == 0 || IsPunct(words_[v - 1])) return -1;
  for (int c = v - 1; c >= 0 && words_[c].sent == words_[v].sent; --c) {
    if (words_[c].hi != v - 1 ||
        (words_[c].upos != "NOUN" && words_[c].upos != "PROPN" &&
         words_[c].upos != "PRON"))
      continue;
    if (BehindOpener(c)) return c;
  }
  return -1;
}

int DocState::SubjectOf(int v, int depth) const {
  int subj = -1, agent = -1;
  const bool content_passive = depth == 0 && PassiveOfRevealing(v);
  for (int c : Children(v)) {
    std::string_view d = words_[c].deprel;
    if (d == "nsubj:pass" && content_passive) continue;
    if (d == "nsubj" || d == "nsubj:pass" || d == "csubj") {
      // Of several subjects, the one nearest the verb: "Brannock chief
      // executive Idris Mallon said" parsed with "chief" a subject too;
      // but an unnamed source before it is who speaks ("A source with
      // access to the North's leadership insisted", with "leadership" a
      // subject too).
      if (subj >= 0 && !(subj < c && c < v)) continue;
      // (Not a time the parser made a second subject: "The party today
      // agrees", "A poll out Monday showed".)
      if (subj >= 0 && WhenWord(c)) continue;
      if (subj >= 0 && subj < c && words_[subj].mention < 0) {
        // (Unless the nearer subject is itself the source: "The plan, an
        // inside source said, is ...".)
        SourceInfo before = AnalyzeSource(words_[subj].lo, c);
        SourceInfo own = AnalyzeSource(words_[c].lo, c);
        if (before.is_source && before.anonymous && !own.is_source) continue;
      }
      // (A subject after the dash is the subject, the dateline only hangs
      // on it: "MACAU (Reuters) – Top Republican Party donor Sheldon
      // Adelson said".)
      if (int dash = DatelineDash(c); dash < 0 || c > dash) {
        subj = c;
      } else {
        // The parser may hang the real subject on the dateline:
        // "COLUMBUS, Ohio — Employees at ... said".
        for (int cc : Children(c)) {
          if (cc > dash && words_[cc].lo <= dash + 1 && !IsPunct(words_[cc]))
            subj = cc;
        }
      }
    } else if (d == "obl:agent" || (d == "obl" && c > v)) {
      // (A "by" phrase before the verb tells how or when: "By the end of
      // the day, Trump ... said", "By big margins, those surveyed say".)
      for (int cc : Children(c)) {
        if (words_[cc].deprel == "case" &&
            EqualsIgnoreCase(words_[cc].form, "by") && agent < 0)
          agent = c;
      }
    }
  }
  // "said by telephone", "referred to her by a nickname": a "by" phrase
  // the parser did not call an agent is one only when the verb has no
  // active subject.
  if (agent >= 0 && (words_[agent].deprel == "obl:agent" || subj < 0 ||
                     words_[subj].deprel != "nsubj"))
    return agent;
  if (content_passive) return -1;
  // "Democrats trying to win the seat say": the parser may cut the
  // participle off as a false start and leave the verb no subject; the
  // participle's subject speaks.
  // (Or the participle made the root, with the verb hung on it.)
  if (subj < 0 && agent < 0) {
    if (const int f = CutParticiple(v); f >= 0) {
      // (Only a subject opening the sentence: what comes before it is
      // another clause.)
      for (int cc : Children(f))
        if (cc < f && StartsWith(words_[cc].deprel, "nsubj") &&
            words_[cc].lo == sents_[words_[cc].sent].first)
          subj = cc;
    }
  }
  if (depth == 0 && (subj < 0 || subj < v)) {
    if (int inv = InvertedSubject(v); inv >= 0) return inv;
  }
  // ("..., a day after a French union said ...", with "a day" made the
  // subject and the union hung on it.)
  if (subj >= 0 && subj < v && depth == 0 && WhenWord(subj)) {
    for (int c : Children(subj)) {
      if (StartsWith(words_[c].deprel, "nmod") && words_[c].hi == v - 1 &&
          BehindOpener(c))
        return c;
    }
  }
  // ("The shares fell after a union said the company planned to close
  // it", with "the company" made the subject of "said".)
  if (subj > v && depth == 0 && words_[subj].upos == "NOUN")
    if (int c = SubjectBehindOpener(v); c >= 0) return c;
  if (subj >= 0) return words_[subj].deprel == "csubj" ? -1 : subj;
  if (depth >= 3 || words_[v].head < 0) return -1;
  std::string_view d = words_[v].deprel;
  if (StartsWith(d, "acl") || StartsWith(d, "appos")) {
    // "released a statement on Monday saying ...": words hung on a speech
    // noun are said by whoever made the statement, named on the noun
    // ("a statement from the union", "the union's statement") or the
    // subject of the verb that has it as its object.
    const int h = words_[v].head;
    int length = 0;
    const SpeechVerb* noun = SpeechVerbAt(h, &length);
    if (!noun || noun->pos != PartOfSpeech::kNoun || words_[h].upos != "NOUN")
      return h;
    for (int c : Children(h)) {
      if (words_[c].deprel == "nmod:poss") return c;
      if (StartsWith(words_[c].deprel, "nmod")) {
        for (int cc : Children(c)) {
          if (words_[cc].deprel == "case" &&
              (EqualsIgnoreCase(words_[cc].form, "from") ||
               EqualsIgnoreCase(words_[cc].form, "by")))
            return c;
        }
      }
    }
    if ((words_[h].deprel == "obj" || StartsWith(words_[h].deprel, "obl")) &&
        words_[h].head >= 0) {
      if (int subj = SubjectOf(words_[h].head, depth + 1); subj >= 0)
        return subj;
    }
    return h;
  }
  if (StartsWith(d, "advcl") && HeadlineParticiple(v)) return -1;
  // "People briefed on the situation say that ...", parsed with "briefed"
  // the main verb and "say" its complement: the subject of the participle
  // is the speaker.
  if (const int s = DescribedSubject(v); s >= 0) return s;
  if (StartsWith(d, "xcomp") || StartsWith(d, "advcl") ||
      StartsWith(d, "conj") || StartsWith(d, "csubj")) {
    // "when pressed on why the plan leaves out dads, the young mother
    // replied, ...": a noun phrase right before the verb, after a comma,
    // that the parser hung elsewhere is the verb's own subject, not the
    // subject of the clause it was hung on.
    if (depth == 0 && v > 0 && words_[v].form.ends_with("ed")) {
      for (int c = v - 1; c >= 0 && words_[c].sent == words_[v].sent; --c) {
        if (words_[c].hi != v - 1 || words_[c].head == v ||
            (words_[c].upos != "NOUN" && words_[c].upos != "PROPN"))
          continue;
        int lo = words_[c].lo;
        if (lo < c && words_[lo].form == ",") ++lo;
        bool plain = lo > 0 && words_[lo - 1].form == "," && !InAnyQuote(c);
        for (int k = lo; k <= c && plain; ++k)
          plain = words_[k].upos != "VERB" && words_[k].upos != "AUX" &&
                  words_[k].upos != "PRON";
        if (plain && words_[lo].upos == "DET") return c;
      }
    }
    if (depth == 0 && StartsWith(d, "advcl"))
      if (int c = SubjectBehindOpener(v); c >= 0) return c;
    // "..., and a company spokeswoman, Claire Dunmore, said on Thursday":
    // a person named between commas right before a joined verb, after the
    // "and", is its own subject, wherever the parser hung the name.
    if (depth == 0 && StartsWith(d, "conj") && v >= 3 &&
        words_[v - 1].form == "," && !InAnyQuote(v - 2)) {
      if (const int m = words_[v - 2].mention;
          m >= 0 && mentions_[m].named && mentions_[m].last == v - 1 &&
          entities_[mentions_[m].entity].e.type == EntityType::kPerson) {
        for (int k = mentions_[m].first - 1;
             k > words_[v].head && k >= mentions_[m].first - 6 &&
             !InAnyQuote(k);
             --k)
          if (words_[k].upos == "CCONJ") return v - 2;
      }
    }
    // "..., and Comcast has thus far refused to release ...", with the
    // name hung on the clause before: a name right after the "and", with
    // only auxiliaries and adverbs before the joined verb, is its subject.
    if (depth == 0 && StartsWith(d, "conj")) {
      int k = v - 1;
      while (k > 0 &&
             (words_[k].upos == "AUX" || words_[k].upos == "ADV" ||
              words_[k].upos == "PART") &&
             !IsPossessiveS(words_[k].form))
        --k;
      if (const int m = k >= 0 ? words_[k].mention : -1;
          k < v - 1 && m >= 0 && mentions_[m].named && !mentions_[m].weak &&
          mentions_[m].last == k + 1 && mentions_[m].first > 0 &&
          words_[mentions_[m].first - 1].upos == "CCONJ" && !InAnyQuote(k))
        return k;
    }
    return SubjectOf(words_[v].head, depth + 1);
  }
  return -1;
}

DocState::SourceInfo DocState::AnalyzeSource(int first, int last) const {
  SourceInfo info;
  std::vector<PhraseMatch> hits;
  for (int i = first; i <= last; ++i) {
    int s = words_[i].sent;
    hits.clear();
    lex_.Match(SentKeys(s), i - sents_[s].first, &hits,
               KindBit(LexiconKind::kSourcing));
    for (const PhraseMatch& m : hits) {
      if (i + m.length - 1 > last) continue;
      const SourcingPhrase& p = lex_.sourcing()[m.entry];
      switch (p.kind) {
        case SourcingKind::kCount:
          if (info.count < 0 && p.count > 0) info.count = p.count;
          break;
        case SourcingKind::kModifier:
          info.anonymous |= p.anonymous;
          break;
        case SourcingKind::kSourceNoun:
          info.is_source = true;
          info.anonymous |= p.anonymous;
          if (info.count < 0 && p.count == 1) info.count = 1;
          break;
        case SourcingKind::kAnonymousDescriptor:
          info.is_source = true;
          info.anonymous = true;
          if (info.count < 0 && p.count > 0) info.count = p.count;
          break;
        default:
          break;
      }
      break;  // the longest match at i speaks for it
    }
    // (But a count word opening a longer phrase still counts: "two people
    // with direct knowledge" is listed whole, and counted by its "two".)
    for (const PhraseMatch& m : hits) {
      const SourcingPhrase& p = lex_.sourcing()[m.entry];
      if (p.kind == SourcingKind::kCount && info.count < 0 && p.count > 0 &&
          i + m.length - 1 <= last)
        info.count = p.count;
    }
  }
  return info;
}

void DocState::FillSpeakerEntity(Speaker& sp, int mention) {
  const MentionRec& m = mentions_[mention];
  sp.entity = m.entity;
  sp.name = entities_[m.entity].e.name;
  sp.has_span = true;
  sp.span = WordSpan(m.first, m.last - 1);
}

// The named mention of the organisation that the word of kind before a
// role in words [first, last] stands for ("company" in "a company
// spokesperson", read as lexicons/nominals.tsv reads "the company"): the
// last one it can describe named before first, in its sentence or the three
// before; -1 when there is none. (Not "his campaign spokeswoman": only an
// indefinite phrase names the organisation by its kind alone.)
int DocState::OrganisationOfKind(int first, int last) const {
  int kind = -1;
  for (int k = first; k < last && kind < 0; ++k) {
    if (words_[k].upos == "NOUN" && LongestAt(k + 1, LexiconKind::kRole))
      kind = k;
  }
  if (kind < 0 ||
      (kind > first && !EqualsIgnoreCase(words_[kind - 1].form, "a") &&
       !EqualsIgnoreCase(words_[kind - 1].form, "an")))
    return -1;
  const std::optional<PhraseMatch> nm = lex_.Longest(
      Lexicons::KeysOf("the " + words_[kind].lemma), 0, LexiconKind::kNominal);
  if (!nm || nm->length != 2) return -1;
  const Nominal& n = lex_.nominals()[nm->entry];
  if (n.group != 0) return -1;
  // Of those, one that was a subject ("Quillon repeated that it has no
  // plans to work with Harlow. A company spokesperson said ..." is
  // Quillon's), else the last.
  const int sent = words_[first].sent;
  int fallback = -1;
  for (int m = static_cast<int>(mentions_.size()) - 1; m >= 0; --m) {
    const MentionRec& mr = mentions_[m];
    if (mr.first >= first || !mr.named || mr.weak) continue;
    if (words_[mr.first].sent + 3 < sent) break;
    const EntityBuild& b = entities_[mr.entity];
    if (b.e.type == EntityType::kOutlet || !TypeAllowed(n, b.e.type) ||
        !KindAllowed(n, b))
      continue;
    if (fallback < 0) fallback = m;
    for (int k = mr.first; k < mr.last; ++k) {
      const int h = words_[k].head;
      if ((h < mr.first || h >= mr.last) &&
          StartsWith(words_[k].deprel, "nsubj"))
        return m;
    }
  }
  return fallback;
}

// "... a day after Lebanese authorities said they are holding a woman.
// They said she was detained ...": "they" saying something right after a
// group no name stands for said something is that group again, not the
// organisation named last. The statement of that group (valid until
// statements_ next changes), or nullptr.
const Statement* DocState::GroupSaidBefore(int w) const {
  if (!EqualsIgnoreCase(words_[w].form, "they") ||
      !StartsWith(words_[w].deprel, "nsubj") || words_[w].head < 0)
    return nullptr;
  int len = 0;
  if (!SpeechVerbAt(words_[w].head, &len)) return nullptr;
  const int sent = words_[w].sent;
  const Statement* last = nullptr;
  for (const Statement& st : statements_) {
    const int cw = FirstWordFrom(st.cue.begin);
    if (cw < 0 || cw >= w || words_[cw].sent + 1 < sent ||
        st.kind == StatementKind::kReporter)
      continue;
    if (!last || st.cue.begin > last->cue.begin) last = &st;
  }
  if (!last || last->speaker.entity >= 0 || !last->speaker.entities.empty() ||
      !last->speaker.has_span)
    return nullptr;
  const int hi = WordEndingAt(last->speaker.span.end);
  if (hi < 0 || words_[hi].upos != "NOUN" || !words_[hi].form.ends_with("s"))
    return nullptr;
  return last;
}

// "Ilse Marr said she was with Tomas Quill when he was arrested": "he" is
// not the last person who was a subject when that person is a "she". What
// the article and the lexicons say of a person's gender, read before any
// pronoun is resolved (so that the order in which pronouns are asked about
// does not matter): a title ("Mr.", "Ms."), a role that is a man's or a
// woman's ("spokeswoman"), and a first name given_names.tsv says is.
// ("NAME said he ..." is no evidence: "Clinton said he should apologise".)
void DocState::FindGenders() {
  gender_.assign(entities_.size(), 0);
  auto note = [&](int e, char g) {
    if (e < 0 || CoarseType(entities_[e].e.type) != EntityType::kPerson) return;
    char& have = gender_[e];
    have = have == 0 || have == g ? g : 'x';
  };
  auto of_word = [](std::string_view f) -> char {
    const std::string low = Lower(f);
    if (const char g = HonorificGender(low)) return g;
    for (std::string_view m :
         {"spokesman", "congressman", "businessman", "husband", "father", "son",
          "brother", "grandfather", "king", "prince", "duke", "boyfriend",
          "widower", "uncle", "nephew"})
      if (low == m) return 'm';
    for (std::string_view f :
         {"spokeswoman", "congresswoman", "businesswoman", "chairwoman",
          "actress", "wife", "mother", "daughter", "sister", "grandmother",
          "queen", "princess", "duchess", "girlfriend", "widow", "aunt",
          "niece"})
      if (low == f) return 'f';
    return 0;
  };
  for (const MentionRec& m : mentions_) {
    if (!m.named || m.weak) continue;
    // A title before the name, or among the words it is titled with ("her
    // husband Tom Reyes", "Ms. Orrel").
    const int from = m.titled_from >= 0 ? m.titled_from : m.first;
    for (int k = std::max(0, from - 1); k < m.first; ++k) {
      if (const char g = of_word(words_[k].form)) note(m.entity, g);
    }
  }
  for (size_t e = 0; e < entities_.size(); ++e) {
    for (const std::string& role : entities_[e].e.roles) {
      // (The role's own words: "spokeswoman for Harlow Motors", not "the
      // wife of ..." of someone else; the first word says it.)
      const std::string_view words = role;
      const std::string_view first = words.substr(0, words.find(' '));
      if (const char g = of_word(first)) note(static_cast<int>(e), g);
    }
  }
  // The first name: "Ilse Marr" is a woman's, "Tomas Quill" a man's, when
  // nearly everyone in the news who bears it is.
  for (size_t e = 0; e < entities_.size(); ++e) {
    const std::string_view name = entities_[e].e.name;
    const size_t space = name.find(' ');
    if (space == std::string_view::npos) continue;
    if (const char g = lex_.GenderOfGivenName(name.substr(0, space))) {
      note(static_cast<int>(e), g);
    }
  }
}

int DocState::ResolvePronoun(int w) {
  std::string low = Lower(words_[w].form);
  bool person = low == "he" || low == "she" || low == "him" || low == "her" ||
                low == "his";
  bool thing = low == "it" || low == "its";
  bool plural = low == "they" || low == "them" || low == "their";
  if (!person && !thing && !plural) return -1;
  // (A person the article makes a "she" is no "he", and the other way.)
  const char pronoun_gender = low == "she" || low == "her" ? 'f' : 'm';
  auto fits = [&](int e) {
    const char g = e < static_cast<int>(gender_.size()) ? gender_[e] : 0;
    return !person || g == 0 || g == 'x' || g == pronoun_gender;
  };
  // "Harlow Motors, which acquired Tessaro in 2019, said it would build a
  // plant": the subject of what a speaker says is most often the speaker,
  // whatever was named in between.
  if (StartsWith(words_[w].deprel, "nsubj") && words_[w].head >= 0) {
    const int v = words_[w].head;
    const int say = words_[v].head;
    int len = 0;
    if (say >= 0 && StartsWith(words_[v].deprel, "ccomp") && say < w &&
        SpeechVerbAt(say, &len)) {
      for (int c : Children(say)) {
        if (!StartsWith(words_[c].deprel, "nsubj") || c > say) continue;
        const int m = words_[c].mention;
        if (m < 0 || mentions_[m].weak) break;
        const EntityType t = CoarseType(entities_[mentions_[m].entity].e.type);
        if ((person && t == EntityType::kPerson && fits(mentions_[m].entity)) ||
            ((thing || plural) && t == EntityType::kOrg))
          return mentions_[m].entity;
        break;
      }
    }
  }
  // "how far executives can go when they deny market rumours": "they"
  // after a bare plural noun of their own sentence, with no name between,
  // are those people, no one in particular.
  if (plural) {
    for (int k = w - 1; k >= sents_[words_[w].sent].first; --k) {
      if (words_[k].mention >= 0) break;
      // A subject, by its relation or by the verb after it (the parser
      // reads "about how far executives can go" as a noun's modifier).
      const bool subject = StartsWith(words_[k].deprel, "nsubj") ||
                           (k + 1 < w && (words_[k + 1].upos == "AUX" ||
                                          words_[k + 1].upos == "VERB"));
      if (words_[k].upos != "NOUN" || !subject ||
          !EndsWith(words_[k].form, "s"))
        continue;
      bool bare = true;
      for (int c : Children(k)) {
        const std::string_view d = words_[c].deprel;
        bare &= d != "det" && d != "nmod:poss" && d != "nummod" &&
                d != "compound" && d != "amod";
      }
      if (bare) return -1;
    }
  }
  // "The deal would make Brightwater the No. 2 provider, according to
  // Farrow Street Securities. It needs approval ...": "It" opening a
  // sentence as its subject carries on the last sentence's subject; when
  // that is a thing no name stands for, so is "It".
  if (low == "it" && StartsWith(words_[w].deprel, "nsubj") &&
      w == sents_[words_[w].sent].first && words_[w].sent > 0) {
    const SentInfo& prev = sents_[words_[w].sent - 1];
    for (int k = prev.first; k < prev.last; ++k) {
      if (words_[k].head >= 0) continue;
      for (int c : Children(k)) {
        if (!StartsWith(words_[c].deprel, "nsubj") || c > k) continue;
        if (words_[c].upos == "NOUN" && words_[c].mention < 0) return -1;
      }
      break;
    }
  }
  // "Ibrahim told The Associated Press that ... He identified her as the
  // sister of Omar Hamid ... He added that ...": a "he" subject that
  // carries on from sentences whose subject was "he" too is the person
  // those sentences started from, whoever was named in between.
  if (person && StartsWith(words_[w].deprel, "nsubj")) {
    auto main_subject = [&](int sent) {
      for (int k = sents_[sent].first; k < sents_[sent].last; ++k) {
        if (words_[k].head >= 0) continue;
        for (int c : Children(k))
          if (StartsWith(words_[c].deprel, "nsubj") && c < k) return c;
        return -1;
      }
      return -1;
    };
    // (Or the person a statement of that sentence has speaking, when the
    // parser gave its verb no subject: "On Wednesday, spokesman Saad
    // Ibrahim told ...".)
    auto speaker_in = [&](int sent) {
      for (const Statement& st : statements_) {
        const int e = st.speaker.entity;
        if (e >= 0 && FirstWordFrom(st.cue.begin) >= sents_[sent].first &&
            FirstWordFrom(st.cue.begin) < sents_[sent].last &&
            CoarseType(entities_[e].e.type) == EntityType::kPerson)
          return e;
      }
      return -1;
    };
    bool through_pronoun = false;
    for (int sent = words_[w].sent - 1; sent >= 0 && sent >= words_[w].sent - 3;
         --sent) {
      const int subj = main_subject(sent);
      if (subj >= 0 && words_[subj].upos == "PRON") {
        if (!EqualsIgnoreCase(words_[subj].form, low)) break;
        through_pronoun = true;
        continue;
      }
      if (!through_pronoun) break;
      const int m = subj >= 0 ? words_[subj].mention : -1;
      if (m >= 0 && mentions_[m].named &&
          CoarseType(entities_[mentions_[m].entity].e.type) ==
              EntityType::kPerson &&
          fits(mentions_[m].entity))
        return mentions_[m].entity;
      if (const int e = speaker_in(sent); e >= 0 && fits(e)) return e;
      break;
    }
  }
  if (plural && GroupSaidBefore(w)) return -1;
  // "he" and "she" are most often the last person who was a subject:
  // "Gov. Marsh ... called it ... Standing beside Harlow chief executive
  // Gregory Anselm, she said" is the governor. Otherwise the nearest.
  // (A person named only inside someone's quoted words is what they spoke
  // of, and stands for a "he" outside the quotes only when no one else
  // does: '"... by the permission of Allah." And he mocked ...'.)
  int nearest = -1, quoted = -1;
  const bool outside = !InAnyQuote(w);
  for (int m = static_cast<int>(mentions_.size()) - 1; m >= 0; --m) {
    if (mentions_[m].first >= w) continue;
    if (words_[mentions_[m].first].sent + 4 < words_[w].sent) break;
    if (person && outside && InAnyQuote(mentions_[m].first)) {
      if (quoted < 0 &&
          CoarseType(entities_[mentions_[m].entity].e.type) ==
              EntityType::kPerson &&
          fits(mentions_[m].entity))
        quoted = mentions_[m].entity;
      continue;
    }
    EntityType t = CoarseType(entities_[mentions_[m].entity].e.type);
    if ((person && t == EntityType::kPerson && fits(mentions_[m].entity)) ||
        ((thing || plural) && t == EntityType::kOrg)) {
      // "NATO said scorpions were found ... before launching them": a
      // plural noun of no name between the organisation and "them" is
      // what "them" stands for more often than the organisation. ("they"
      // still carries on an organisation that was a subject: "McDonald's
      // is running campaigns, insisting they sell good food".)
      bool org_subject = false;
      for (int k = mentions_[m].first; k < mentions_[m].last; ++k)
        org_subject |= StartsWith(words_[k].deprel, "nsubj");
      if (plural && !(low == "they" && org_subject)) {
        for (int k = mentions_[m].last; k < w; ++k) {
          if (words_[k].upos == "NOUN" && words_[k].mention < 0 &&
              words_[k].form.ends_with("s") &&
              words_[k].sent + 1 >= words_[w].sent &&
              !LongestAt(k, LexiconKind::kRole))
            return -1;
        }
      }
      if (!person) return mentions_[m].entity;
      if (nearest < 0) nearest = mentions_[m].entity;
      if (words_[mentions_[m].first].sent + 1 < words_[w].sent) break;
      for (int k = mentions_[m].first; k < mentions_[m].last; ++k)
        if (StartsWith(words_[k].deprel, "nsubj")) return mentions_[m].entity;
      // (Or who speaks by a joined verb right after the name and a comma:
      // "and a company spokeswoman, Claire Dunmore, said".)
      if (const int after = mentions_[m].last + 1;
          after < static_cast<int>(words_.size()) &&
          words_[after - 1].form == "," && words_[after].upos == "VERB" &&
          StartsWith(words_[after].deprel, "conj") &&
          SubjectOf(after) == mentions_[m].last - 1)
        return mentions_[m].entity;
    }
  }
  return nearest >= 0 ? nearest : quoted;
}

Speaker DocState::SpeakerFromRange(int first, int last, int head) {
  Speaker sp;
  sp.has_span = true;
  sp.span = WordSpan(first, last);
  sp.name = std::string(Text(sp.span));
  // A group: "both companies", or names joined by "and". The span stays
  // the whole phrase: "The two senators", not "The two".
  // (Not a group inside a relative clause of the phrase: "an analyst at
  // Fenwick Capital who follows both companies".)
  for (const GroupRef& g : groups_) {
    if (g.first < first || g.last - 1 > last) continue;
    bool relative = false;
    for (int k = first; k < g.first && !relative; ++k) {
      relative = words_[k].upos == "PRON" && RelativeWord(words_[k].form);
    }
    if (relative) continue;
    sp.entities = g.entities;
    return sp;
  }
  if (head >= 0 && words_[head].mention < 0) {
    SourceInfo info = AnalyzeSource(first, last);
    if (info.is_source && info.anonymous) {
      sp.anonymous = true;
      sp.count = info.count;
      sp.description = sp.name;
      return sp;
    }
  }
  std::vector<int> named;
  for (int i = first; i <= last; ++i) {
    int m = words_[i].mention;
    if (m >= 0 && (named.empty() || named.back() != m)) named.push_back(m);
  }
  // "Harlow Motors and Quillon said", parsed as two subjects of one verb:
  // names joined only by "and", "or" and commas speak together.
  if (named.size() > 1) {
    bool only_names = true, joined = false;
    for (int i = first; i <= last && only_names; ++i) {
      const int m = words_[i].mention;
      if (m >= 0 && mentions_[m].named && !mentions_[m].weak) continue;
      if (words_[i].upos == "CCONJ") {
        joined = true;
      } else if (words_[i].form != ",") {
        only_names = false;
      }
    }
    if (only_names && joined) {
      for (int m : named) {
        const int e = mentions_[m].entity;
        if (std::find(sp.entities.begin(), sp.entities.end(), e) ==
            sp.entities.end())
          sp.entities.push_back(e);
      }
      if (sp.entities.size() > 1) return sp;
      sp.entities.clear();
    }
  }
  if (head >= 0 && words_[head].mention >= 0) {
    int hm = words_[head].mention;
    // Conjoined names ("Xiaomi and Ford deny ...") speak together.
    std::vector<int> conj{mentions_[hm].entity};
    for (int c : Children(head)) {
      if (words_[c].deprel != "conj" || words_[c].mention < 0) continue;
      // Only names really joined by "and" / "or", not a misparse.
      bool joined = false;
      for (int cc : Children(c)) joined |= words_[cc].deprel == "cc";
      if (joined) conj.push_back(mentions_[words_[c].mention].entity);
    }
    if (conj.size() > 1) {
      sp.entities = conj;
      return sp;
    }
    // "according to French Apple-focused website iGen": a demonym before
    // the noun says what the source is, not who: the name that ends the
    // phrase, or the words. ("The Saudis said" is the country speaking.)
    // So does a name joined by a hyphen to the word after it ("a
    // Pelham-focused website", "the London-based group").
    const bool joined_modifier =
        mentions_[hm].last < last && JoiningHyphen(mentions_[hm].last) &&
        std::islower(
            static_cast<unsigned char>(words_[mentions_[hm].last + 1].form[0]));
    if ((mentions_[hm].weak || joined_modifier) &&
        mentions_[hm].last - 1 < last &&
        words_[mentions_[hm].last].upos != "ADP") {
      int other = -1;
      for (int m : named) {
        if (m != hm && mentions_[m].named && !mentions_[m].weak &&
            mentions_[m].last - 1 == last)
          other = m;
      }
      if (other < 0) return sp;
      hm = other;
    }
    // "Tessaro chief executive Lena Morrow" parsed with the company as head:
    // the person with the title speaks.
    if (entities_[mentions_[hm].entity].e.type != EntityType::kPerson) {
      for (int m : named) {
        if (m != hm &&
            entities_[mentions_[m].entity].e.type == EntityType::kPerson) {
          hm = m;
          break;
        }
      }
    }
    // "one Republican involved in the planning": a person named by party
    // is a member, not the party.
    if (const MentionRec& pm = mentions_[hm];
        pm.last == pm.first + 1 && pm.first > 0 &&
        entities_[pm.entity].e.type != EntityType::kPerson &&
        (words_[pm.first].form == "Republican" ||
         words_[pm.first].form == "Democrat") &&
        (words_[pm.first - 1].upos == "DET" ||
         words_[pm.first - 1].upos == "NUM") &&
        !EqualsIgnoreCase(words_[pm.first - 1].form, "the"))
      return sp;
    FillSpeakerEntity(sp, hm);
    // The speaker is the whole noun phrase with its titles ("White House
    // spokesman Josh Earnest"), as attribution corpora mark it, and the
    // whole name when the parser hung the phrase on its title ("said Ms.
    // Orrel, who ...", with "Ms." the subject).
    const MentionRec& whole = mentions_[words_[head].mention];
    sp.span =
        WordSpan(std::min(first, whole.first), std::max(last, whole.last - 1));
    return sp;
  }
  if (head >= 0 && words_[head].upos == "PRON") {
    int e = ResolvePronoun(head);
    if (e >= 0) {
      sp.entity = e;
      sp.name = entities_[e].e.name;
      sp.span = words_[head].span;
      entities_[e].e.mentions.push_back(words_[head].span);
    } else if (const Statement* group = GroupSaidBefore(head)) {
      // ("They said ..." after "Lebanese authorities said ...": the group
      // by its words, the span on the pronoun.)
      sp.name = group->speaker.name;
      sp.description = group->speaker.description;
      sp.anonymous = group->speaker.anonymous;
      sp.count = group->speaker.count;
    }
    // "She and her aides have vowed": the pronoun speaks with those joined
    // to it, and the speaker's words are all of them.
    for (int c : Children(head)) {
      if (words_[c].deprel == "conj" && c > head && words_[c].hi <= last &&
          !InAnyQuote(c)) {
        sp.span = WordSpan(head, words_[c].hi);
        if (e < 0) sp.name = std::string(Text(sp.span));
      }
    }
    return sp;
  }
  // A name inside the phrase ("The GOP nominee", "a spokeswoman for
  // Hillary Clinton"): the entity is the name's, the span the phrase's
  // unless the phrase is long.
  auto inner = [&](int m) {
    FillSpeakerEntity(sp, m);
    if (last - first < 12) sp.span = WordSpan(first, last);
  };
  // Of several people, the one a title introduces ("Port Edda harbour
  // master Nils Ortega-Baird"), else the last.
  // A person named inside a modifier of another noun of the phrase is not
  // who speaks: "Gene Sperling, a top outside Clinton adviser" is
  // Sperling's, though Clinton comes last, and with Sperling unknown to the
  // recogniser it is the phrase's, unnamed, not Clinton's.
  // (A name with its title, or set off by a comma at the phrase's end, is
  // the phrase's own, wherever the parser hung it: "The author of the
  // book, Mitchell Zuckoff".)
  auto nested = [&](int m) {
    if (head < 0 || mentions_[m].titled_from >= 0) return false;
    if (mentions_[m].first > first &&
        words_[mentions_[m].first - 1].form == "," &&
        (mentions_[m].last - 1 == last ||
         words_[mentions_[m].last].form == ","))
      return false;
    int w = mentions_[m].last - 1;
    for (int steps = 0; steps < 12 && w >= 0 && w != head; ++steps) {
      const int h = words_[w].head;
      if (h < 0 || h < first || h > last) return false;
      // (A noun just before the name is its title: "presidential
      // frontrunner Hillary Clinton".)
      const bool own = h >= mentions_[m].first - 1 && h < mentions_[m].last;
      if (!own && h != head && words_[h].upos == "NOUN" &&
          words_[h].mention < 0)
        return true;
      // (Nor one inside an adjective: "a Pelham-focused website".)
      if (!own && h != head && StartsWith(words_[h].deprel, "amod") &&
          words_[h].mention < 0)
        return true;
      w = h;
    }
    return false;
  };
  // The owner of a title does not speak when the phrase names who holds
  // it: "Sen. Ted Dorn's chief of staff, Joe Varga" is Varga's.
  auto owner = [&](int m) {
    const int k = mentions_[m].last;
    return k <= last && IsPossessiveS(words_[k].form);
  };
  // "an aide to President Goodluck Jonathan", "a friend of Ada Vell",
  // "Foley's family": a person named with someone close to them is not who
  // speaks.
  auto close_noun = [&](int k) {
    for (std::string_view l :
         {"aide",      "adviser",   "advisor",  "friend",    "ally",
          "associate", "confidant", "relative", "supporter", "critic",
          "rival",     "opponent",  "neighbor", "neighbour", "acquaintance",
          "son",       "daughter",  "wife",     "husband",   "brother",
          "sister",    "mother",    "father",   "cousin",    "colleague",
          "classmate", "family",    "parent",   "widow",     "child"})
      if (words_[k].lemma == l) return true;
    return false;
  };
  auto close_to = [&](int m) {
    // After: "Foley's family", "Vell's longtime friends".
    if (int k = mentions_[m].last; k <= last && IsPossessiveS(words_[k].form)) {
      ++k;
      while (k < last &&
             (words_[k].upos == "ADJ" || words_[k].deprel == "compound"))
        ++k;
      if (k <= last && close_noun(k)) return true;
    }
    int f = mentions_[m].titled_from >= 0 ? mentions_[m].titled_from
                                          : mentions_[m].first;
    // ("a friend of the late Tom Hale")
    while (f > first &&
           (words_[f - 1].upos == "DET" || words_[f - 1].upos == "ADJ"))
      --f;
    if (f < first + 2 || words_[f - 1].upos != "ADP") return false;
    return close_noun(f - 2);
  };
  int person = -1;
  bool person_nested = false;
  for (int m : named) {
    if (entities_[mentions_[m].entity].e.type != EntityType::kPerson ||
        close_to(m))
      continue;
    const bool in_modifier = nested(m);
    if (person >= 0 && in_modifier && !person_nested) continue;
    if (person < 0 || mentions_[person].titled_from < 0 ||
        (person_nested && !in_modifier) ||
        (owner(person) && !owner(m) && !in_modifier)) {
      person = m;
      person_nested = in_modifier;
    }
  }
  if (person >= 0 && !person_nested) {
    inner(person);
    return sp;
  }
  // "a Kestrel investor", "an analyst at Linden Row" name an organisation
  // the speaker does not speak for.
  // So do "Pembrook & Vine workers": a name speaks only through its own
  // head ("Kestrel", "the Kestrel board") or a role that speaks for it.
  // (A title's words are read once: the "executive" of "chief executive"
  // is no outsider's title of its own.)
  bool outsider = false, spokesman = false;
  for (int k = first; k <= last && !outsider; ++k) {
    if (auto r = LongestAt(k, LexiconKind::kRole)) {
      outsider = !lex_.roles()[r->entry].speaks_for;
      spokesman |= lex_.roles()[r->entry].speaks_for;
      k += static_cast<int>(r->length) - 1;
    }
  }
  if (!spokesman && head >= 0 && words_[head].mention < 0 &&
      EndsWith(Lower(words_[head].form), "s") &&
      (words_[head].upos == "PROPN" ||
       (words_[head].upos == "NOUN" &&
        words_[head].lemma != Lower(words_[head].form))))
    outsider = true;
  // Nor does "a Harlow Motors customer": one who buys from, uses or lives
  // by what is named. Nor "a Harlow Motors engineer", "the Marine Corps
  // veteran": one who works or worked there without speaking for it.
  if (!spokesman && head >= 0 && words_[head].upos == "NOUN") {
    for (std::string_view who :
         {"customer",  "client",     "subscriber", "user",       "passenger",
          "driver",    "owner",      "buyer",      "patient",    "tenant",
          "resident",  "fan",        "voter",      "student",    "viewer",
          "reader",    "listener",   "engineer",   "worker",     "employee",
          "staffer",   "technician", "mechanic",   "contractor", "intern",
          "volunteer", "veteran",    "scientist",  "researcher", "designer",
          "pilot",     "nurse",      "doctor",     "teacher",    "soldier"})
      outsider |= words_[head].lemma == who;
  }
  for (int m : named) {
    EntityType t = CoarseType(entities_[mentions_[m].entity].e.type);
    if (t == EntityType::kOrg && !outsider) {
      inner(m);
      return sp;
    }
  }
  // "A company spokesperson", "a ministry spokesman": a role that speaks
  // for an organisation named by its kind speaks for one of that kind named
  // before it (OrganisationOfKind).
  if (spokesman && !outsider && named.empty()) {
    if (const int m = OrganisationOfKind(first, last); m >= 0) {
      FillSpeakerEntity(sp, m);
      sp.span = WordSpan(first, last);
      return sp;
    }
  }
  SourceInfo info = AnalyzeSource(first, last);
  if (info.is_source) {
    sp.anonymous = info.anonymous;
    sp.count = info.count;
    sp.description = sp.name;
  }
  return sp;
}

namespace {

// "Last week, Jake Sullivan, ...": a noun that says when, not who.
bool TimeNoun(std::string_view lemma) {
  for (std::string_view t :
       {"week", "month", "year", "day", "night", "morning", "afternoon",
        "evening", "time", "weekend", "hour", "minute", "moment", "decade"})
    if (lemma == t) return true;
  return false;
}

// A word that names a share of a group: "many of whom", "most in the
// county".
bool ShareWord(std::string_view w) {
  for (std::string_view a :
       {"some", "many", "most", "several", "few", "all", "both", "each", "one",
        "those", "none", "half", "others", "any", "either", "neither"})
    if (EqualsIgnoreCase(w, a)) return true;
  return false;
}

// A word that, after a comma, opens a clause set against the one before.
bool ContrastOpener(std::string_view w) {
  for (std::string_view a : {"but", "while", "although", "though"})
    if (EqualsIgnoreCase(w, a)) return true;
  return false;
}

// A word that opens an adverbial clause, never a reported one.
bool AdverbialOpener(std::string_view w) {
  for (std::string_view a : {"after", "before", "because", "since", "until",
                             "while", "when", "although", "though", "once"})
    if (EqualsIgnoreCase(w, a)) return true;
  return false;
}

// Whom or what one calls to come or to begin, not what one calls something:
// "called medics", "called an emergency meeting", "called his girlfriend".
bool CallsSomeoneIn(std::string_view lemma) {
  for (std::string_view a :
       {"police",      "medic",      "paramedic", "ambulance",  "service",
        "firefighter", "doctor",     "lawyer",    "meeting",    "session",
        "election",    "referendum", "attention", "girlfriend", "boyfriend",
        "wife",        "husband",    "mother",    "father",     "friend",
        "parent",      "hotline",    "number"})
    if (EqualsIgnoreCase(lemma, a)) return true;
  return false;
}

// "who" or "whose", which open a clause about a person.
bool RelativePronoun(std::string_view w) {
  return EqualsIgnoreCase(w, "who") || EqualsIgnoreCase(w, "whose");
}

}  // namespace

Speaker DocState::SpeakerFromWord(int w, int cue) {
  if (DayWord(words_[w].form)) return Speaker();
  // "Kim Dalton, who said ...": a relative pronoun speaks for the noun its
  // clause hangs from. The span stays on the pronoun, where attribution
  // corpora mark the source.
  // ("WHO" in capitals is the health agency.)
  std::string_view rel = words_[w].form;
  // (Not the subject of a passive: "which is expected to land" has no
  // speaker.)
  if (words_[w].upos == "PRON" && rel != "WHO" &&
      words_[w].deprel != "nsubj:pass" && RelativeWord(rel)) {
    int v = words_[w].head;
    // ("A president who authorized the raid ... and who hoped to leave
    // office": the second clause is joined to the first.)
    // (Only when the first clause opens with the same word: not "the raid
    // that killed bin Laden and who hoped".)
    if (v >= 0 && StartsWith(words_[v].deprel, "conj") && words_[v].head >= 0 &&
        words_[v].head < w &&
        StartsWith(words_[words_[v].head].deprel, "acl")) {
      for (int c : Children(words_[v].head)) {
        if (StartsWith(words_[c].deprel, "nsubj") &&
            EqualsIgnoreCase(words_[c].form, rel)) {
          v = words_[v].head;
          break;
        }
      }
    }
    int noun =
        v >= 0 && StartsWith(words_[v].deprel, "acl") ? words_[v].head : -1;
    // The parser may join the clause to the main verb instead ("was
    // criticised by Lina Marsh, who said"): the noun before the comma.
    // (Or a dash: "Taylor Chandler - who says she is in love".)
    if (noun < 0 && w >= 2 &&
        (words_[w - 1].form == "," || IsDash(words_[w - 1].form)) &&
        words_[w - 1].sent == words_[w].sent &&
        (words_[w - 2].upos == "PROPN" || words_[w - 2].upos == "NOUN"))
      noun = w - 2;
    if (noun >= 0 && noun < w) {
      Speaker sp = SpeakerFromWord(noun, cue);
      // Unnamed, the noun speaks only as a participant ("a neighbour who
      // said"), not as a circumstance ("in a deal which ...").
      bool plain = words_[noun].upos == "NOUN" && !sp.name.empty() &&
                   !StartsWith(words_[noun].deprel, "obl") &&
                   words_[noun].deprel.find("tmod") == std::string::npos &&
                   std::count(sp.name.begin(), sp.name.end(), ' ') < 6;
      for (int c : Children(noun)) plain &= words_[c].deprel != "case";
      if (HasSpeaker(sp) || plain) {
        sp.span = words_[w].span;
        sp.has_span = true;
        return sp;
      }
    }
    // "It's hard to know who's telling the truth", "Who knows?": a "who"
    // after a verb or at the start asks; nobody speaks.
    if (noun < 0 && EqualsIgnoreCase(rel, "who")) {
      const int first = static_cast<int>(sents_[words_[w].sent].first);
      std::string_view before = w > first ? words_[w - 1].upos : "";
      if (w == first || before == "VERB" || before == "AUX") return Speaker();
    }
    // A "that" tied to no noun that speaks is a thing ("a shirt that read",
    // "a study that found", hung elsewhere by the parser) or a pointer back
    // to a whole clause ("That would require ..."): on PolNeAR train such
    // statements were right one time in five.
    if (EqualsIgnoreCase(rel, "that")) return Speaker();
  }
  // "Rep. Ellis Varga (R-Fla.) said": the parser may take the party in
  // brackets for the subject; the speaker is the name before them.
  if (w > 1 && words_[w - 1].form == "(" && words_[w - 2].mention >= 0 &&
      mentions_[words_[w - 2].mention].named)
    w -= 2;
  auto [lo, hi] = NounPhrase(w);
  // "A Nordvale rival, Ostrick Networks, said": the name in apposition to a
  // noun that names no one speaks, not a name among the noun's modifiers.
  // Only a noun opened by "a" ("the district chairman" has been named
  // already), and not a title, whose person the phrase names before it.
  bool appositive = words_[w].upos == "NOUN" && words_[w].mention < 0 &&
                    (EqualsIgnoreCase(words_[lo].form, "a") ||
                     EqualsIgnoreCase(words_[lo].form, "an") ||
                     EqualsIgnoreCase(words_[lo].form, "another")) &&
                    !LongestAt(w, LexiconKind::kRole).has_value();
  for (int k = lo; k < w && appositive; ++k) {
    const int m = words_[k].mention;
    appositive = m < 0 || !mentions_[m].named ||
                 entities_[mentions_[m].entity].e.type != EntityType::kPerson;
  }
  if (appositive) {
    for (int c : Children(w)) {
      const int m = words_[c].mention;
      int start = words_[c].lo;  // (past the comma the parser hung on it)
      while (start < c && IsPunct(words_[start])) ++start;
      if (c < w || words_[c].deprel != "appos" || m < 0 ||
          !mentions_[m].named || mentions_[m].first != start ||
          (cue >= 0 && mentions_[m].last > cue))
        continue;
      Speaker sp = SpeakerFromRange(lo, mentions_[m].last - 1, c);
      if (HasSpeaker(sp) && sp.entity == mentions_[m].entity) return sp;
    }
  }
  // "Quillon's chief executive said", with "chief" hung on the name by the
  // parser: the title's modifiers and the name that owns it are the
  // phrase's. (Only a title: not "POLITICO's Battleground".)
  if (const int first = sents_[words_[w].sent].first;
      lo == w &&
      (words_[w].upos == "NOUN" ||
       (words_[w].upos == "ADJ" && StartsWith(words_[w].deprel, "nsubj")))) {
    int k = lo;
    while (k - 1 > first && words_[k - 1].upos == "ADJ") --k;
    bool title = false;
    for (int j = k; j <= w && !title; ++j)
      title = LongestAt(j, LexiconKind::kRole).has_value();
    if (title && k - 2 >= first && IsPossessiveS(words_[k - 1].form) &&
        words_[k - 2].mention >= 0 && mentions_[words_[k - 2].mention].named &&
        mentions_[words_[k - 2].mention].last == k - 1)
      lo = mentions_[words_[k - 2].mention].first;
  }
  // "A World Health Organization (WHO) official told ...", with the phrase
  // before the brackets cut off by the parser: a closing bracket inside the
  // phrase takes in its opening one and the words that the brackets follow.
  if (const int first = sents_[words_[w].sent].first;
      lo > first && words_[lo - 1].form == "(") {
    bool closed = false;
    for (int k = lo; k <= hi && !closed; ++k) closed = words_[k].form == ")";
    if (closed) {
      int k = lo - 1;
      while (k > first &&
             (words_[k - 1].upos == "PROPN" || words_[k - 1].upos == "NOUN" ||
              words_[k - 1].upos == "ADJ" || words_[k - 1].upos == "DET"))
        --k;
      lo = k;
    }
  }
  // "The site's sources, which are often reliable, suggest that ...", parsed
  // with the verb of saying joined to "sources": the speaker's words end
  // before their cue, and before the relative clause that holds it.
  if (cue > w && cue <= hi) {
    hi = cue - 1;
    for (int j = w + 1; j < cue; ++j) {
      if (words_[j].form == "," && RelativePronoun(words_[j + 1].form)) {
        hi = j - 1;
        break;
      }
    }
    while (hi > w && IsPunct(words_[hi])) --hi;
  }
  // "a day after the company denied a report": the parser may take the
  // word opening the clause for a preposition of its subject; the subject
  // starts after it.
  if ((StartsWith(words_[w].deprel, "nsubj") ||
       StartsWith(words_[w].deprel, "obl") ||
       StartsWith(words_[w].deprel, "nmod")) &&
      lo < w && words_[lo].head == w && words_[lo].deprel == "case") {
    // ("have been denied by a company spokesperson": the agent of a
    // passive speaks without its "by".)
    if (StartsWith(words_[w].deprel, "obl") &&
        EqualsIgnoreCase(words_[lo].form, "by"))
      ++lo;
    for (std::string_view o : kClauseOpeners) {
      if (EqualsIgnoreCase(words_[lo].form, o) && !AsQuantifier(lo)) {
        ++lo;
        break;
      }
    }
  }
  // "People involved in the talks say ...", with "in the talks" hung on the
  // verb: a descriptor of unnamed sources (sourcing.tsv) that starts inside
  // the phrase or right after it and runs up to the verb is the phrase's.
  if (cue > hi + 1 && words_[w].mention < 0) {
    for (int k = lo; k <= hi + 1; ++k) {
      if (DescriptorEnd(k) == cue && !InAnyQuote(cue - 1)) {
        hi = cue - 1;
        break;
      }
    }
  }
  // ("according to two senators present who requested anonymity": the
  // source of "according to" speaks for the relative clause without it.)
  if (lo + 2 <= hi && EqualsIgnoreCase(words_[lo].form, "according") &&
      EqualsIgnoreCase(words_[lo + 1].form, "to"))
    lo += 2;
  // "Cologne police say", "The person familiar with the planning
  // confirmed": two subjects side by side are one phrase the parser split.
  if (StartsWith(words_[w].deprel, "nsubj") && words_[w].head > w) {
    const bool named_w =
        words_[w].mention >= 0 && mentions_[words_[w].mention].named;
    for (int c : Children(words_[w].head)) {
      if (c == w || c > words_[w].head ||
          !StartsWith(words_[c].deprel, "nsubj"))
        continue;
      auto [clo, chi] = NounPhrase(c);
      // (But a name right after a pronoun, a word of time or a phrase with
      // a preposition is a subject of its own, in a clause that opens after
      // it: "Everything Garvey says", "the third time Garvey said", "The
      // number of people the Gazette reported"; not "the news site
      // Ledger".)
      bool prep = false;
      for (int k = clo; k <= chi; ++k) prep |= words_[k].upos == "ADP";
      if (c < w && named_w && chi + 1 == lo &&
          (words_[c].upos == "PRON" || TimeNoun(words_[c].lemma) || prep))
        continue;
      // (Or joined by "and": "Many experts and some lawmakers say".)
      auto joint = [&](int a, int b) {
        return a + 1 == b || (a + 2 == b && words_[a + 1].upos == "CCONJ" &&
                              !InAnyQuote(a + 1));
      };
      if (joint(chi, lo)) lo = clo;
      if (joint(hi, clo)) hi = chi;
    }
  }
  // "Acme's chief executive, Dana Whitlow, said": the parser may make the
  // owner the subject and hang the title and the name elsewhere; the named
  // person after the owner's title speaks.
  if (StartsWith(words_[w].deprel, "nsubj") && words_[w].head > w + 2 &&
      words_[w + 1].deprel == "case" && words_[w + 1].head == w &&
      IsPossessiveS(words_[w + 1].form)) {
    const int verb = words_[w].head;
    for (int k = w + 2; k < verb && !InAnyQuote(k); ++k) {
      const int pm = words_[k].mention;
      if (pm >= 0 && mentions_[pm].named && mentions_[pm].first == k) {
        if (entities_[mentions_[pm].entity].e.type == EntityType::kPerson &&
            mentions_[pm].last <= verb && k > w + 2) {
          Speaker sp = SpeakerFromRange(lo, mentions_[pm].last - 1,
                                        mentions_[pm].last - 1);
          if (HasSpeaker(sp)) return sp;
        }
        break;
      }
      if (words_[k].upos != "ADJ" && words_[k].upos != "NOUN" &&
          words_[k].form != ",")
        break;
    }
  }
  // "Greywater managing partner Colm Ashdown said", parsed with the
  // organisation as the subject and the rest hung on it in any of several
  // ways: the titled person speaks.
  if (int om = words_[w].mention;
      om >= 0 && mentions_[om].named &&
      entities_[mentions_[om].entity].e.type != EntityType::kPerson) {
    for (int k = mentions_[om].last;
         k < static_cast<int>(words_.size()) && k <= mentions_[om].last + 5;
         ++k) {
      int pm = words_[k].mention;
      if (pm < 0 || mentions_[pm].titled_from != mentions_[om].first) continue;
      Speaker sp = SpeakerFromRange(mentions_[om].first, mentions_[pm].last - 1,
                                    mentions_[pm].last - 1);
      if (HasSpeaker(sp)) return sp;
    }
  }
  // '"...," said Kessler ally Ivo Brandt': after its verb, a name, a title
  // in lower case and a person's name are that person with the title,
  // though the parser may make the first name the subject.
  if (int om = words_[w].mention; om >= 0 && mentions_[om].named &&
                                  words_[w].head >= 0 &&
                                  StartsWith(words_[w].deprel, "nsubj")) {
    const int stop = sents_[words_[w].sent].last;
    int k = mentions_[om].last;
    while (k < stop && k < mentions_[om].last + 3 && !InAnyQuote(k) &&
           (words_[k].upos == "NOUN" || words_[k].upos == "VERB") &&
           std::islower(static_cast<unsigned char>(words_[k].form[0])))
      ++k;
    // (The verb comes before the name, or is the title the parser took
    // for one: "said Quist constituent Dan Holloway" with "constituent" a
    // verb.)
    const int verb = words_[w].head;
    int verb_length = 0;
    const bool after_verb =
        verb < mentions_[om].first ||
        (verb >= mentions_[om].last && verb < k && words_[verb].head >= 0 &&
         words_[verb].head < mentions_[om].first &&
         !SpeechVerbAt(verb, &verb_length));
    if (after_verb && k > mentions_[om].last && k < stop &&
        words_[k].mention >= 0) {
      const MentionRec& pm = mentions_[words_[k].mention];
      if (pm.named && pm.first == k &&
          entities_[pm.entity].e.type == EntityType::kPerson) {
        Speaker sp =
            SpeakerFromRange(mentions_[om].first, pm.last - 1, pm.last - 1);
        if (HasSpeaker(sp)) return sp;
      }
    }
  }
  // "45% of renters, 30% of owners and 12% of landlords say": shares of a
  // poll in a list, which the parser seldom joins, are one speaker.
  auto share_at = [&](int k) {
    return words_[k].form == "%" || words_[k].lemma == "percent";
  };
  if (share_at(w) && lo >= 2 && lo <= w) {
    const int first = sents_[words_[w].sent].first;
    int start = lo;
    int k = lo - 1;
    while (k > first && !InAnyQuote(k) &&
           (words_[k].upos == "CCONJ" || words_[k].form == ",")) {
      // Back over "of young voters", then the share "45%".
      int j = k - 1;
      while (j > first &&
             (words_[j].upos == "NOUN" || words_[j].upos == "PROPN" ||
              words_[j].upos == "ADJ" || words_[j].upos == "DET"))
        --j;
      if (j <= first + 1 || j == k - 1 ||
          !EqualsIgnoreCase(words_[j].form, "of") || !share_at(j - 1))
        break;
      j -= 2;
      if (j < first || words_[j].upos != "NUM") break;
      start = j;
      k = j - 1;
    }
    if (start < lo) {
      // (The list speaks as itself, not as the group of its last share.)
      Speaker list;
      list.has_span = true;
      list.span = WordSpan(start, hi);
      list.name = std::string(Text(list.span));
      return list;
    }
  }
  Speaker sp = SpeakerFromRange(lo, hi, w);
  // "Two analysts, who asked not to be named": anonymity is often said in a
  // relative clause that the phrase itself leaves out.
  if (sp.entity < 0 && sp.entities.empty() && !sp.anonymous &&
      words_[w].hi > hi) {
    SourceInfo full = AnalyzeSource(words_[w].lo, words_[w].hi);
    if (full.is_source && full.anonymous) {
      sp.anonymous = true;
      if (sp.count < 0) sp.count = full.count;
      // ("A person briefed on the matter says": a description right after
      // the noun, with no comma or relative pronoun between, is part of
      // the source's name.)
      int end = words_[w].hi;
      if (cue > w) end = std::min(end, cue - 1);
      while (end > hi && IsPunct(words_[end])) --end;
      if (sp.has_span && end > hi && words_[hi + 1].form != "," &&
          !InAnyQuote(hi + 1) && !RelativePronoun(words_[hi + 1].form) &&
          !EqualsIgnoreCase(words_[hi + 1].form, "that") &&
          !EqualsIgnoreCase(words_[hi + 1].form, "which")) {
        sp.span = WordSpan(lo, end);
        sp.name = std::string(Text(sp.span));
        sp.description.clear();
      }
      if (sp.description.empty()) sp.description = sp.name;
    }
  }
  if (HasSpeaker(sp)) return sp;
  // "The speculation, first reported by the FT, suggested ...": a report's
  // words speak for whoever reported them.
  for (int c : Children(w)) {
    if (!StartsWith(words_[c].deprel, "acl")) continue;
    int agent = SubjectOf(c);
    if (agent >= 0 && agent != w && StartsWith(words_[agent].deprel, "obl")) {
      Speaker by = SpeakerFromWord(agent);
      if (HasSpeaker(by)) return by;
    }
  }
  return sp;
}

// ---------------------------------------------------------------- statements

Span DocState::TrimContent(Span s) const {
  auto junk = [](char c) {
    return IsSpace(c) || c == ',' || c == ':' || c == ';';
  };
  while (s.begin < s.end && junk(text_[s.begin])) ++s.begin;
  while (s.end > s.begin && junk(text_[s.end - 1])) --s.end;
  return s;
}

int DocState::AddStatement(Statement st) {
  // "..., the Quarry Post reported.", with "the" hung on the verb, and
  // '"...," Senate Majority Leader Mitch McConnell said': what was said ends
  // before the speaker after it, when it ran into the speaker's article or
  // over the whole speaker.
  if (st.speaker.has_span && st.content.begin < st.speaker.span.begin &&
      st.content.end > st.speaker.span.begin &&
      st.content.end <= st.speaker.span.end && st.cue.begin >= st.content.end) {
    const int k = FirstWordFrom(st.speaker.span.begin);
    const bool article = k < static_cast<int>(words_.size()) &&
                         words_[k].upos == "DET" &&
                         words_[k].span.end == st.content.end;
    if (article || st.content.end == st.speaker.span.end)
      st.content = TrimContent({st.content.begin, st.speaker.span.begin});
  }
  // What was said never includes the dateline ("LJUBLJANA, Slovenia —"),
  // whichever word of the clause the parser hung it on.
  if (int k = FirstWordFrom(st.content.begin);
      k < static_cast<int>(words_.size()) &&
      words_[k].span.begin == st.content.begin &&
      sents_[words_[k].sent].first == k && words_[k].quote < 0) {
    int end = std::min(k + 10, static_cast<int>(sents_[words_[k].sent].last));
    if (int dash = DatelineEnd(k, end);
        dash >= 0 && dash + 1 < end &&
        words_[dash + 1].span.begin < st.content.end)
      st.content.begin = words_[dash + 1].span.begin;
  }
  // "Bloomberg reported Wednesday that ...", with the clause left off the
  // verb by the parser: what was said begins after the day and "that".
  if (int k = FirstWordFrom(st.content.begin);
      st.cue.end <= st.content.begin && k < static_cast<int>(words_.size())) {
    int j = k;
    bool when = false;
    while (j < static_cast<int>(words_.size()) && j < k + 3 &&
           (WhenWord(j) || EqualsIgnoreCase(words_[j].form, "on") ||
            EqualsIgnoreCase(words_[j].form, "last") ||
            EqualsIgnoreCase(words_[j].form, "this"))) {
      when |= WhenWord(j);
      ++j;
    }
    if (when && j + 1 < static_cast<int>(words_.size()) &&
        EqualsIgnoreCase(words_[j].form, "that") &&
        words_[j + 1].span.end <= st.content.end)
      st.content.begin = words_[j + 1].span.begin;
  }
  // "X says the plan is sound, but he was shocked when ...": what was said
  // ends where ", but" (or ", while", ", although") opens a clause of the
  // writer's, outside any quote.
  if (st.kind == StatementKind::kIndirect) {
    for (int k = FirstWordFrom(std::max(st.content.begin, st.cue.end));
         k + 1 < static_cast<int>(words_.size()) &&
         words_[k + 1].span.end <= st.content.end;
         ++k) {
      if (words_[k].form == "," && !InAnyQuote(k) &&
          ContrastOpener(words_[k + 1].form) && k > 0 &&
          words_[k - 1].span.end > st.content.begin) {
        st.content.end = words_[k - 1].span.end;
        break;
      }
    }
  }
  // 'told investors there were "no discussions at this time" and called
  // ...', with the quoted words hung on the next verb: what was said does
  // not stop inside a quote it opens.
  for (const QuoteRegion& qr : quotes_) {
    if (st.content.begin < qr.outer.begin && st.content.end > qr.outer.begin &&
        st.content.end < qr.outer.end)
      st.content.end = qr.outer.end;
  }
  st.content = TrimContent(st.content);
  statements_.push_back(std::move(st));
  return static_cast<int>(statements_.size()) - 1;
}

// Removes the statements marked in `drop` (one flag per statement) and
// renumbers the `via` links of the rest.
void DocState::EraseStatements(const std::vector<bool>& drop) {
  std::vector<int> index(statements_.size(), -1);
  std::vector<Statement> kept;
  for (size_t i = 0; i < statements_.size(); ++i) {
    if (drop[i]) continue;
    index[i] = static_cast<int>(kept.size());
    kept.push_back(std::move(statements_[i]));
  }
  for (Statement& st : kept)
    if (st.via >= 0) st.via = index[st.via];
  statements_ = std::move(kept);
}

void DocState::FindStatements() {
  PunctuationStatements();
  QuoteStatements();
  VerbStatements();
  SourcingStatements();
  InPollStatements();
  NounStatements();
  PassiveStatements();
  AdverbStatements();
  HeadlineStatements();
  DropNestedStatements();
  ClosingReportingClauses();
  SpeakingDocuments();
  SpeakersBeforeRelativeClauses();
  ParticiplesOfReportingClauses();
  ConjunctsOfReportingVerbs();
  TidySpeakerSpans();
  SpeakersWithNamesInApposition();
  SpeakersEndBeforeTheirCue();
  DropNonSpeakers();
  AnonymousBackReferences();
}

// "Four people familiar with the matter said ... One of the people said
// ...", "the person said": a definite phrase that points back to an
// anonymous source with the same noun is that source, anonymous too ("one
// of the people" is one of them; "the people", all of them).
void DocState::AnonymousBackReferences() {
  std::vector<size_t> order(statements_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return statements_[a].cue.begin < statements_[b].cue.begin;
  });
  auto words_of = [&](const Span& span, int* lo, int* hi) {
    *lo = FirstWordFrom(span.begin);
    *hi = WordEndingAt(span.end);
    return *lo >= 0 && *hi >= *lo && *hi < static_cast<int>(words_.size());
  };
  // (The lemma of "people" may be "people" or "person".)
  auto same_noun = [](std::string_view a, std::string_view b) {
    auto norm = [](std::string_view x) {
      return x == "people" ? std::string_view("person") : x;
    };
    return norm(a) == norm(b);
  };
  std::vector<size_t> sources;  // anonymous statements so far
  for (size_t i : order) {
    Statement& st = statements_[i];
    if (!st.speaker.has_span) continue;
    // ("the sources" is anonymous already, but says how many only through
    // the sources it points back to.)
    const bool known = st.speaker.anonymous;
    if (known) sources.push_back(i);
    if (known && st.speaker.count >= 0) continue;
    if (st.speaker.entity >= 0 || !st.speaker.entities.empty()) continue;
    int lo, hi;
    if (!words_of(st.speaker.span, &lo, &hi) || hi - lo > 3) continue;
    std::vector<std::string> w;
    for (int k = lo; k <= hi; ++k) w.push_back(Lower(words_[k].form));
    int count = -1;  // -1: as many as the source; -2: unknown
    bool definite = false;
    if (w.size() == 2) {
      definite = w[0] == "the" || w[0] == "that" || w[0] == "this";
    } else if (w.size() == 4 && w[1] == "of" &&
               (w[2] == "the" || w[2] == "those" || w[2] == "these")) {
      static constexpr std::pair<std::string_view, int> kShares[] = {
          {"one", 1},   {"two", 2},     {"three", 3},    {"four", 4},
          {"five", 5},  {"some", -2},   {"several", -2}, {"both", 2},
          {"each", -2}, {"either", -2}, {"all", -1}};
      for (const auto& [word, n] : kShares)
        if (w[0] == word) definite = true, count = n;
    }
    if (!definite) continue;
    if (words_[hi].upos != "NOUN") continue;
    const std::string_view noun = words_[hi].lemma;
    for (auto j = sources.rbegin(); j != sources.rend(); ++j) {
      if (*j == i) continue;
      const Statement& src = statements_[*j];
      int slo, shi;
      if (!words_of(src.speaker.span, &slo, &shi)) continue;
      bool same = false;
      for (int k = slo; k <= shi && !same; ++k)
        same = words_[k].upos == "NOUN" && same_noun(words_[k].lemma, noun);
      if (!same) continue;
      // ("the person", a noun in the singular, is one.)
      if (w.size() == 2 && !w[1].ends_with('s') && w[1] != "people") count = 1;
      st.speaker.anonymous = true;
      st.speaker.count = count == -1   ? src.speaker.count
                         : count == -2 ? -1
                                       : count;
      if (st.speaker.description.empty())
        st.speaker.description = st.speaker.name;
      break;
    }
  }
}

// "sent a letter to the board of directors urging them" gave the speaker
// "of directors", "Lazar, in a jail jumpsuit, said little, offering" gave
// "in a jail jumpsuit": a speaker that opens with "of", "in", "on", "at",
// "for", "with" or, inside the sentence, "to" is a phrase of place, time or
// part the parser took for a subject, never the one who speaks ("by" names
// an agent, "from" a source: "rebuttals from Lind"). Nor is a rumour: in
// "Rumors of a deal between Ford and Xiaomi ignited denials, highlighting
// ...", the rumour is what was said, not who said it; only a rumour that
// says a clause of its own passes it on.
void DocState::DropNonSpeakers() {
  const size_t n = statements_.size();
  std::vector<bool> drop(n, false);
  for (size_t i = 0; i < n; ++i) {
    const Statement& st = statements_[i];
    if (st.kind == StatementKind::kReporter || !st.speaker.has_span) continue;
    const int w = FirstWordFrom(st.speaker.span.begin);
    if (w < 0 || w >= static_cast<int>(words_.size())) continue;
    if (st.speaker.entity < 0 && st.speaker.entities.empty()) {
      const std::string_view l = words_[w].lemma;
      // (But a rumour that says a clause carries it: "Rumors suggest that
      // the mayor will resign".)
      const int verb = FirstWordFrom(st.cue.begin);
      const bool carries = st.rule == "verb.clause" && verb >= 0 &&
                           !words_[verb].form.ends_with("ing");
      if ((l == "rumor" || l == "rumour" || l == "speculation") && !carries) {
        drop[i] = true;
        continue;
      }
      // "The event may see Apple showcasing the watch", "2016 will see":
      // a thing or a time that "sees" what happens in it holds no view
      // ("analysts see rates rising" do).
      const int cue = FirstWordFrom(st.cue.begin);
      const int hi = WordEndingAt(st.speaker.span.end);
      if (cue >= 0 && hi >= w && words_[cue].lemma == "see" &&
          words_[cue].span.end == st.cue.end && !st.speaker.anonymous) {
        const int head = PhraseHead(w, hi);
        bool thing =
            head >= 0 && (words_[head].upos == "NUM" || WhenWord(head));
        for (std::string_view t :
             {"event",    "season",   "period",     "plan",     "deal",
              "proposal", "move",     "referendum", "election", "conference",
              "meeting",  "summit",   "district",   "book",     "policy",
              "mistake",  "decision", "change",     "market",   "quarter",
              "launch"})
          thing |= head >= 0 && words_[head].lemma == t;
        if (thing) {
          drop[i] = true;
          continue;
        }
      }
    }
    if (words_[w].upos != "ADP") continue;
    const std::string low = Lower(words_[w].form);
    drop[i] = low == "of" || low == "in" || low == "on" || low == "at" ||
              low == "for" || low == "with" ||
              // ("told it to supporters stating", but "To Lind, the plan
              // seemed reckless" is Lind's view.)
              (low == "to" && w > sents_[words_[w].sent].first);
  }
  for (size_t i = 0; i < n; ++i)
    if (drop[i])
      for (size_t j = 0; j < n; ++j)
        if (statements_[j].via == static_cast<int>(i)) drop[i] = false;
  EraseStatements(drop);
}

// Where a speaker's phrase ends, whatever the parser took into it.
void DocState::SpeakersEndBeforeTheirCue() {
  // "said Ada Lind in a blog post", "according to her lawyers in a court
  // filing", "according to polls at the time": where and when the words
  // were said is no part of the speaker after the verb.
  for (Statement& st : statements_) {
    if (!st.speaker.has_span || st.speaker.span.begin < st.cue.end) continue;
    const int hi = WordEndingAt(st.speaker.span.end);
    const int lo = FirstWordFrom(st.speaker.span.begin);
    if (hi < 0 || lo >= hi) continue;
    const std::string_view noun = words_[hi].lemma;
    bool where = TimeNoun(noun);
    for (std::string_view n : {"statement", "post", "interview", "filing",
                               "letter", "tweet", "release", "op-ed"})
      where |= noun == n;
    if (!where || words_[hi].upos != "NOUN") continue;
    for (int k = hi - 1; k > lo && k >= hi - 4; --k) {
      if ((EqualsIgnoreCase(words_[k].form, "in") ||
           EqualsIgnoreCase(words_[k].form, "at")) &&
          words_[k + 1].upos == "DET") {
        st.speaker.span.end = words_[k - 1].span.end;
        break;
      }
    }
  }
  // "Thirty-one percent of those surveyed say they would ...": a phrase
  // that runs on into its own cue ends before it.
  for (Statement& st : statements_) {
    if (!st.speaker.has_span || st.speaker.span.begin >= st.cue.begin ||
        st.speaker.span.end <= st.cue.begin)
      continue;
    int k = FirstWordFrom(st.cue.begin) - 1;
    while (k >= 0 && words_[k].span.begin >= st.speaker.span.begin &&
           IsPunct(words_[k]))
      --k;
    if (k < 0 || words_[k].span.begin < st.speaker.span.begin) continue;
    st.speaker.span.end = words_[k].span.end;
  }
}

// "Two objectors, Ines Hart and Colm Reddy, had challenged", "Bora's chief
// executive, Ada Lind, said": the parser may leave the name in apposition
// out of the subject before the verb, or hang the subject on the name;
// the speaker runs to the comma before the verb, when only a noun phrase
// with a person's name lies between.
void DocState::SpeakersWithNamesInApposition() {
  // '"...," said its president, Joana Valadares.': a title after the
  // verb, then a person's name in apposition ending the clause: the person
  // speaks, and the speaker's words run to the name's end.
  for (Statement& st : statements_) {
    if (!st.speaker.has_span || st.speaker.entity >= 0 ||
        !st.speaker.entities.empty() || st.speaker.anonymous ||
        st.speaker.span.begin < st.cue.end)
      continue;
    const int w = WordEndingAt(st.speaker.span.end);
    if (w < 0 || w + 2 >= static_cast<int>(words_.size()) ||
        words_[w + 1].form != "," || words_[w + 2].sent != words_[w].sent)
      continue;
    const int m = words_[w + 2].mention;
    if (m < 0 || !mentions_[m].named || mentions_[m].first != w + 2 ||
        entities_[mentions_[m].entity].e.type != EntityType::kPerson)
      continue;
    const int end = mentions_[m].last;
    if (end < sents_[words_[w].sent].last && words_[end].form != "," &&
        words_[end].form != ".")
      continue;
    // (Not a name that speaks for itself after the phrase: "According to
    // the original article, Anne Royster, a director, said ...".)
    const Span name = WordSpan(w + 2, end - 1);
    bool speaks = false;
    for (const Statement& o : statements_) {
      speaks |=
          &o != &st && o.speaker.has_span && o.speaker.span.Contains(name);
    }
    if (speaks) continue;
    const Span span{st.speaker.span.begin, words_[end - 1].span.end};
    FillSpeakerEntity(st.speaker, m);
    st.speaker.span = span;
  }
  for (Statement& st : statements_) {
    if (!st.speaker.has_span || st.speaker.span.end > st.cue.begin) continue;
    const int w = WordEndingAt(st.speaker.span.end);
    const int cue = FirstWordFrom(st.cue.begin);
    if (w < 0 || cue >= static_cast<int>(words_.size()) ||
        words_[cue].sent != words_[w].sent)
      continue;
    int c = cue;
    while (c - 1 > w &&
           (words_[c - 1].upos == "AUX" || words_[c - 1].upos == "ADV"))
      --c;
    if (c - 2 <= w || words_[c - 1].form != "," || c - w > 16) continue;
    bool nominal = true, person = false;
    for (int k = w + 1; k < c - 1 && nominal; ++k) {
      std::string_view u = words_[k].upos;
      nominal = !InAnyQuote(k) && (u == "NOUN" || u == "PROPN" || u == "ADJ" ||
                                   u == "DET" || u == "NUM" || u == "PART" ||
                                   u == "CCONJ" || words_[k].form == ",");
      const int m = words_[k].mention;
      person |= m >= 0 && mentions_[m].named &&
                entities_[mentions_[m].entity].e.type == EntityType::kPerson;
    }
    if (!nominal || !person) continue;
    st.speaker.span.end = words_[c - 2].span.end;
  }
}

// "She says she respects Falk and calls him 'a very able manager'": the
// parser may join the second verb to the reported clause, whose subject
// is then the speaker's; when it is the same speaker, the second verb is
// the reporting clause's, and so is the speaker's span.
void DocState::ConjunctsOfReportingVerbs() {
  for (Statement& st : statements_) {
    if (st.kind == StatementKind::kReporter || !st.speaker.has_span) continue;
    const int v = FirstWordFrom(st.cue.begin);
    if (v >= static_cast<int>(words_.size()) ||
        !StartsWith(words_[v].deprel, "conj"))
      continue;
    const int h = words_[v].head;
    if (h < 0 || h >= v || !StartsWith(words_[h].deprel, "ccomp")) continue;
    const int s = words_[h].head;
    if (HasSubject(v) || s < 0 || s >= h) continue;
    for (const Statement& o : statements_) {
      if (&o == &st || !o.speaker.has_span ||
          o.speaker.span.end > words_[s].span.begin ||
          FirstWordFrom(o.cue.begin) != s || st.speaker.span.begin < o.cue.end)
        continue;
      const bool same_entity =
          st.speaker.entity >= 0 && st.speaker.entity == o.speaker.entity;
      const bool same_words =
          EqualsIgnoreCase(Text(st.speaker.span), Text(o.speaker.span));
      if (same_entity || same_words) st.speaker = o.speaker;
      break;
    }
  }
}

// "Holt has soured on the deal, the Courier reported, citing two aides":
// a participle right after a reporting verb and its comma hangs on that
// verb, whatever the parser made of it; its speaker is the verb's.
void DocState::ParticiplesOfReportingClauses() {
  for (Statement& st : statements_) {
    if (st.kind == StatementKind::kReporter ||
        st.kind == StatementKind::kAccordingTo)
      continue;
    const int w = FirstWordFrom(st.cue.begin);
    if (w < 3 || w >= static_cast<int>(words_.size()) ||
        !words_[w].form.ends_with("ing") ||
        words_[w - 1].sent != words_[w].sent)
      continue;
    // Another statement of the sentence with its speaker before its cue,
    // whose cue ends before byte `before`: a reporting verb the participle
    // may hang on.
    auto reports_before = [&](const Statement& o, uint32_t before) {
      return &o != &st && o.kind != StatementKind::kReporter &&
             o.kind != StatementKind::kAccordingTo && o.speaker.has_span &&
             o.speaker.span.end <= o.cue.begin &&
             words_[FirstWordFrom(o.cue.begin)].sent == words_[w].sent &&
             o.cue.end <= before;
    };
    // 'told the Courier that Vance "had a reckless plan," adding, "..."': a
    // participle without a subject of its own, whose parser subject lies in
    // the clause an earlier verb of the sentence reports, is that verb's
    // (the outermost one's).
    auto outer_reporter = [&](int comma, bool in_content) -> const Statement* {
      if (HasSubject(w) || !st.speaker.has_span ||
          st.speaker.span.end > words_[comma].span.begin)
        return nullptr;
      const Statement* verb = nullptr;
      for (const Statement& o : statements_) {
        if (!reports_before(o, st.speaker.span.begin) ||
            (in_content && !o.content.Contains(st.speaker.span)))
          continue;
        if (!verb || o.cue.begin < verb->cue.begin) verb = &o;
      }
      if (verb && st.speaker.entity >= 0 &&
          st.speaker.entity == verb->speaker.entity)
        return nullptr;
      return verb;
    };
    if (words_[w - 1].form != ",") {
      // (A quote closing before the participle, with its comma inside.)
      if (!(IsPunct(words_[w - 1]) && words_[w - 2].form == "," &&
            InAnyQuote(w - 2) && !InAnyQuote(w)))
        continue;
      if (const Statement* verb = outer_reporter(w - 2, false))
        st.speaker = verb->speaker;
      continue;
    }
    Speaker sp;
    // A reporting verb after its subject and a comma ("..., a Brindle
    // official said, adding that ..."), which may have lost its statement
    // to the clause it reports: its subject, when the parser hangs the
    // participle on it.
    const int v = w - 2;
    int length = 0, subj = -1;
    if (words_[w].head == v && words_[v].upos == "VERB" &&
        SpeechVerbAt(v, &length) && !InAnyQuote(v)) {
      for (int c : Children(v))
        if (c < v && words_[c].deprel == "nsubj") subj = c;
    }
    // (The parser may hang the comma before the subject on it.)
    const int lo = subj < 0 ? -1 : words_[subj].lo;
    if (lo >= 1 && (words_[lo].form == "," || words_[lo - 1].form == ",") &&
        !InAnyQuote(subj)) {
      sp = SpeakerFromWord(subj);
      if (sp.has_span) sp.span = SpeakerPhrase(sp, v);
    } else {
      // Else the outermost statement whose cue or content ends at the
      // comma ("Holt echoed the criticism, saying ...").
      const Statement* verb = nullptr;
      for (const Statement& o : statements_) {
        if (!reports_before(o, words_[w - 1].span.begin)) continue;
        // (Not a clause inside a noun's or another verb's report:
        // "repeated accusations that Varga recites the points, calling
        // him robotic" is the accuser's participle. A closing reporting
        // phrase after what it reports is no such clause, however the parser
        // hangs it: "Harlow is in talks to buy Quillon, the Courier reported,
        // citing ...", with "reported" a relative clause of "talks".)
        const int ow = FirstWordFrom(o.cue.begin);
        const bool closing = o.content.end <= o.speaker.span.begin;
        if (!closing &&
            (StartsWith(words_[ow].deprel, "acl") || InThatClause(ow)))
          continue;
        const int end = WordEndingAt(std::max(o.cue.end, o.content.end));
        if (end == v && (!verb || o.cue.begin < verb->cue.begin)) verb = &o;
      }
      if (verb) sp = verb->speaker;
    }
    // Else, after a plain comma, the verb whose content holds the parser's
    // subject ("spoke out against Kemp's influence, suggesting ...").
    if (!sp.has_span)
      if (const Statement* verb = outer_reporter(w - 1, true))
        sp = verb->speaker;
    if (!sp.has_span) continue;
    // (The same speaker keeps its own words: "he" after "Biden said, ...".)
    if (st.speaker.entity >= 0 && st.speaker.entity == sp.entity) continue;
    st.speaker = sp;
    if (st.kind == StatementKind::kIndirect && sp.entity >= 0 &&
        entities_[sp.entity].e.type == EntityType::kOutlet)
      st.kind = StatementKind::kReport;
  }
}

// "Barkley, who said he votes for either party, said ...": the parser may
// make the relative pronoun the subject of the main verb after the clause.
// A "who" or "which" opened by a comma, with a verb of its own before the
// comma that ends the clause and the cue after that comma, is not the
// speaker: the noun before it is (on PolNeAR train the pronoun was wrong 33
// times in 34).
void DocState::SpeakersBeforeRelativeClauses() {
  for (Statement& st : statements_) {
    if (!st.speaker.has_span) continue;
    const int w = WordEndingAt(st.speaker.span.end);
    const int first = FirstWordFrom(st.speaker.span.begin);
    if (w < 2 || first > w) continue;
    // The relative pronoun opening the clause: the speaker itself, or a
    // word before a speaker inside the clause ("Mrs. Clinton -- whose
    // husband signed the act into law -- has derided", "Senator Ted Cruz,
    // who is running second to Mr. Trump in many states, ... saying").
    int rel = -1;
    for (int k = first; k >= 2 && k >= first - 15 && !InAnyQuote(k) &&
                        words_[k].sent == words_[first].sent;
         --k) {
      const bool pronoun = EqualsIgnoreCase(words_[k].form, "who") ||
                           EqualsIgnoreCase(words_[k].form, "which") ||
                           EqualsIgnoreCase(words_[k].form, "whose");
      if (pronoun && (words_[k - 1].form == "," || IsDash(words_[k - 1].form)))
        rel = k;
      if (pronoun) break;
    }
    if (rel < 0) continue;
    // ("who" or "which" alone, or "whose" and its noun.)
    if (rel == first && w != first &&
        !EqualsIgnoreCase(words_[rel].form, "whose"))
      continue;
    const int cue = FirstWordFrom(st.cue.begin);
    if (cue >= static_cast<int>(words_.size()) || cue <= w + 2 ||
        words_[cue].sent != words_[w].sent)
      continue;
    // The comma that closes the clause may stand a few words before the cue
    // ("..., on Friday described", "..., repeated the charge and
    // stressed"), so long as no new subject or clause opens between.
    int close = cue - 1;
    while (close > w + 1 && words_[close].form != "," &&
           !IsDash(words_[close].form)) {
      const W& x = words_[close];
      if (x.upos == "SCONJ" || x.upos == "PRON" ||
          StartsWith(x.deprel, "nsubj") || InAnyQuote(close))
        break;
      --close;
    }
    if ((words_[close].form != "," && !IsDash(words_[close].form)) ||
        close <= w || close <= rel + 1)
      continue;
    bool verb = false, quoted = false;
    for (int k = rel + 1; k < close; ++k) {
      verb |= words_[k].upos == "VERB" || words_[k].upos == "AUX";
      quoted |= InAnyQuote(k);
    }
    if (!verb || quoted) continue;
    // (The name before a bracket: "Sen. Ada Marsh (Vt.), who ...".)
    int head = rel - 2;
    if (words_[head].form == ")") {
      int open = head - 1;
      while (open > head - 8 && open > 0 && words_[open].form != "(") --open;
      if (words_[open].form == "(" && open > 0) head = open - 1;
    }
    Speaker sp = SpeakerFromWord(head);
    if (!sp.has_span || sp.span.end > words_[rel - 1].span.begin) continue;
    st.speaker = sp;
  }
}

// '"We take any re-engagement seriously," the statement said', after "The
// Pentagon said in a statement that ...": a document that speaks is its
// issuer, the last named speaker whose sentence, at most five before, names
// that kind of document, other than as something it speaks of.
void DocState::SpeakingDocuments() {
  static constexpr std::string_view kDocuments[] = {
      "statement", "letter", "release", "memo", "filing", "report"};
  for (Statement& st : statements_) {
    if (st.speaker.entity >= 0 || !st.speaker.entities.empty() ||
        st.speaker.anonymous || !st.speaker.has_span)
      continue;
    int w = WordEndingAt(st.speaker.span.end);
    if (w < 1 || st.speaker.span.begin != words_[w - 1].span.begin ||
        !EqualsIgnoreCase(words_[w - 1].form, "the"))
      continue;
    std::string_view noun = words_[w].lemma;
    if (std::find(std::begin(kDocuments), std::end(kDocuments), noun) ==
        std::end(kDocuments))
      continue;
    // A document the statement only speaks of: a word of its content
    // under another of its words, outside any quote ("declined to comment
    // beyond the filing"; not "issued a statement calling ...", nor the
    // attribution between the two halves of a quote).
    auto mentioned = [&](const Statement& other, int k) {
      const int h = words_[k].head;
      return other.content.Contains(words_[k].span) && h >= 0 &&
             other.content.Contains(words_[h].span) &&
             !other.cue.Contains(words_[h].span) && !InAnyQuote(k);
    };
    const Statement* issuer = nullptr;
    for (const Statement& other : statements_) {
      if (other.speaker.entity < 0 || other.cue.begin >= st.cue.begin ||
          other.evidence.empty())
        continue;
      int ow = FirstWordFrom(other.evidence.front().begin);
      if (ow >= static_cast<int>(words_.size()) ||
          words_[ow].sent + 5 < words_[w].sent)
        continue;
      bool names = false;
      for (int k = ow; k < static_cast<int>(words_.size()) &&
                       words_[k].span.end <= other.evidence.front().end;
           ++k)
        names |= words_[k].lemma == noun && !mentioned(other, k);
      if (names && (!issuer || other.cue.begin > issuer->cue.begin))
        issuer = &other;
    }
    if (!issuer) continue;
    st.speaker.entity = issuer->speaker.entity;
    st.speaker.name = issuer->speaker.name;
  }
}

// The word before verb `v`, past the adverbs of its own that lead it
// ("before confidently predicting", "- only saying"), or -1.
int DocState::BeforeVerbGroup(int v) const {
  int k = v - 1;
  while (k >= 0 && words_[k].head == v && words_[k].upos == "ADV") --k;
  return k;
}

// Attribution corpora mark the outermost attribution only (PolNeAR has no
// cue inside another attribution's content): "Marsh said she believes ..."
// is one statement of Marsh's, not two. A statement whose cue lies in the
// content of another is dropped when it has that statement's speaker, when
// it reports an attitude rather than words ("a majority of Americans have
// come to believe"), or when it is weak (see below). A report inside a
// quote or a sourced report by someone else stays ('"The mayor told us
// ...," Orrel said', "according to X, the FT reported ..."): it is
// hearsay, the thing this ledger keeps.
void DocState::DropNestedStatements() {
  const size_t n = statements_.size();
  // "urged voters to back the plan, saying ...": the participle after the
  // comma is a statement of its own, the one attribution corpora mark, and
  // what the verb before it said ends at the comma.
  for (size_t i = 0; i < n; ++i) {
    const Statement& in = statements_[i];
    int w = WordEndingAt(in.cue.end);
    while (w > 0 && words_[w - 1].span.end > in.cue.begin) --w;
    // So does a verb joined by "and" ("said the plan was dead and said,
    // '...'"), which the parser may hang inside the first clause.
    if (w < 1 || in.kind == StatementKind::kReporter) continue;
    int joint_word = -1;
    // (Also after a quote closed behind its comma or an adverb:
    // "''overblown,'' adding that ...", ", recently telling ...".)
    const int before = w - 1;
    if (words_[w].form.ends_with("ing") && before > 0 &&
        (IsClosingQuoteMark(words_[before].form) ||
         words_[before].upos == "ADV") &&
        words_[before - 1].form == ",")
      joint_word = before - 1;
    else if ((words_[w].form.ends_with("ing") && words_[w - 1].form == ",") ||
             (words_[w - 1].upos == "CCONJ" && words_[w].upos == "VERB" &&
              StartsWith(words_[w].deprel, "conj")))
      joint_word = w - 1;
    // And a verb joined by "and" with a subject of its own ("a woman asked
    // for a photo and Clinton said, '...'"): a new clause, whoever speaks.
    bool own_subject = false;
    if (joint_word < 0 && words_[w].upos == "VERB" &&
        StartsWith(words_[w].deprel, "conj")) {
      for (int c : Children(w)) {
        int lo = words_[c].lo;
        if (c < w && words_[c].deprel == "nsubj" && lo > 0 &&
            words_[lo - 1].upos == "CCONJ" && words_[lo - 1].head == w) {
          joint_word = lo - 1;
          own_subject = true;
        }
      }
    }
    if (joint_word < 0) continue;
    const Span joint = words_[joint_word].span;  // the comma or "and"
    for (size_t j = 0; j < n; ++j) {
      Statement& out = statements_[j];
      if (j == i || out.kind == StatementKind::kReporter ||
          !out.content.Contains(in.cue) || joint.begin < out.cue.end ||
          joint.begin <= out.content.begin)
        continue;
      // One speaker: one entity, or the same words when no name is known.
      bool same =
          (in.speaker.entity >= 0 && in.speaker.entity == out.speaker.entity) ||
          (!in.speaker.entities.empty() &&
           in.speaker.entities == out.speaker.entities) ||
          (in.speaker.has_span && out.speaker.has_span &&
           in.speaker.span == out.speaker.span);
      // (Nor for a passive whose speaker the text leaves unsaid: "Obama
      // has been criticized for using the term, saying ...".)
      if (!same && !own_subject && out.rule != "verb.passive") continue;
      // (Not inside a reported clause: "says she hopes to win, but she
      // knows that ..." is all hers.)
      if (own_subject &&
          (out.rule == "verb.clause" || StartsWith(out.rule, "quote")))
        continue;
      // (Nor when the parser split the first verb's clause at a subject
      // joined by "and": "said the United States and its allies will
      // seek ...", with "States" a subject of "said".)
      if (own_subject) {
        bool split = false;
        if (int ow = WordEndingAt(out.cue.end); ow >= 0)
          for (int c : Children(ow))
            split |= c > ow && StartsWith(words_[c].deprel, "nsubj");
        if (split) continue;
      }
      Span cut{out.content.begin, joint.begin};
      cut = TrimContent(cut);
      if (cut.empty()) continue;
      out.content = cut;
      if (out.kind == StatementKind::kPartial) {
        bool quoted = false;
        for (const QuoteRegion& qr : quotes_)
          quoted |= cut.Contains(qr.inner) || cut.Overlaps(qr.outer);
        if (!quoted) out.kind = StatementKind::kIndirect;
      }
    }
  }
  std::vector<bool> drop(n, false);
  for (size_t i = 0; i < n; ++i) {
    const Statement& in = statements_[i];
    if (in.kind == StatementKind::kReporter) continue;
    // "a super PAC called Future 45", "the so-called establishment": a
    // name given to a thing is nobody's statement.
    if (int w = WordEndingAt(in.cue.end);
        w > 0 && words_[w].span.begin == in.cue.begin &&
        EqualsIgnoreCase(words_[w].form, "called")) {
      const int h = words_[w].head;
      const bool so = EqualsIgnoreCase(words_[w - 1].form, "so") ||
                      (w > 1 && words_[w - 1].form == "-" &&
                       EqualsIgnoreCase(words_[w - 2].form, "so"));
      // (Not a relative clause: "Trump, who has called the pact ...".)
      bool own_subject = false;
      for (int c : Children(w))
        own_subject |=
            StartsWith(words_[c].deprel, "nsubj") || words_[c].upos == "AUX";
      // (Nor "Cross called the election "a citizenship election"" read as
      // a participle on "Cross".)
      own_subject |= TakesTwoPhrases(w);
      const bool on_noun =
          h >= 0 && h < w && !own_subject &&
          (words_[w].deprel == "acl" || StartsWith(words_[w].deprel, "amod")) &&
          (words_[h].upos == "NOUN" || words_[h].upos == "PROPN");
      if (so || on_noun) {
        drop[i] = true;
        continue;
      }
    }
    for (size_t j = 0; j < n && !drop[i]; ++j) {
      const Statement& out = statements_[j];
      if (j == i || drop[j] || out.kind == StatementKind::kReporter ||
          !out.content.Contains(in.cue) || in.content.Overlaps(out.cue) ||
          in.via == static_cast<int>(j) || out.via == static_cast<int>(i))
        continue;
      // "When Mook was asked if ..., he laughed and said": what a passive
      // talks about, with nobody named as saying it, holds no one's words
      // but may hold someone's answer.
      if (out.rule == "verb.passive" && HasSpeaker(in.speaker)) continue;
      // 'declared the need for drive: "Change the world ...," she said': a
      // quote that a verb's complement runs into, attributed after it, is
      // its attribution's; the complement ends before the quote.
      // (A whole quote with its attribution right after it: not a phrase
      // the nearest verb was taken to frame.)
      if (in.rule == "quote.direct" && StartsWith(out.rule, "verb") &&
          in.content_parts.empty() && in.cue.begin >= in.content.end &&
          in.content.begin > out.cue.end &&
          in.content.begin > out.content.begin) {
        const QuoteRegion* quote = nullptr;
        for (const QuoteRegion& qr : quotes_)
          if (qr.inner.begin == in.content.begin) quote = &qr;
        // (And one that opens after a colon, comma or dash: not a title,
        // 'which part of "Unforgiven" the king quoted'.)
        if (quote != nullptr) {
          uint32_t k = quote->outer.begin;
          while (k > 0 && IsSpace(text_[k - 1])) --k;
          const int before = k > 0 ? WordEndingAt(k) : -1;
          if (before < 0 ||
              (words_[before].form != ":" && words_[before].form != "," &&
               !IsDash(words_[before].form)))
            quote = nullptr;
        }
        int between = 0;
        if (quote != nullptr) {
          for (int k = FirstWordFrom(quote->outer.end);
               k >= 0 && k < static_cast<int>(words_.size()) &&
               words_[k].span.end <= in.cue.begin;
               ++k)
            between += !IsPunct(words_[k]);
        }
        const Span cut =
            quote != nullptr && between <= 4
                ? TrimContent({out.content.begin, quote->outer.begin})
                : Span{};
        if (!cut.empty() && cut.begin >= out.content.begin) {
          Statement& o = statements_[j];
          o.content = cut;
          o.content_parts.clear();
          if (o.kind == StatementKind::kPartial) {
            bool quoted = false;
            for (const QuoteRegion& qr : quotes_)
              quoted |= cut.Contains(qr.inner) || cut.Overlaps(qr.outer);
            if (!quoted) o.kind = StatementKind::kIndirect;
          }
          continue;
        }
      }
      int w = WordEndingAt(in.cue.end);
      while (w > 0 && words_[w - 1].span.end > in.cue.begin) --w;
      // "''Bookings are up,'' said Castellane, who noted that prices had
      // ''collapsed''. ''...''": a quote's content runs from its first
      // piece to its last, and a verb between the pieces is the writer's
      // report, not quoted words.
      if (StartsWith(out.rule, "quote") && StartsWith(in.rule, "verb") &&
          w >= 0 && !InAnyQuote(w)) {
        bool between = false;
        for (int k = w + 1; k < sents_[words_[w].sent].last &&
                            words_[k].span.end <= out.content.end && !between;
             ++k)
          between = InAnyQuote(k);
        if (between) continue;
      }
      // "defended the ban by citing a poll": the citing is the citer's
      // own statement, the one attribution corpora mark, though it lies in
      // what the verb it hangs on says.
      if (w >= 0 && words_[w].form.ends_with("ing") &&
          StartsWith(in.rule, "verb")) {
        auto src = LongestAt(w, LexiconKind::kSourcing);
        int ow = WordEndingAt(out.cue.end);
        bool under = false;
        for (int h = words_[w].head, up = 0; h >= 0 && up < 3 && !under;
             h = words_[h].head, ++up)
          under = h == ow;
        if (src && lex_.sourcing()[src->entry].kind == SourcingKind::kCue &&
            !lex_.sourcing()[src->entry].phrase.starts_with("according") &&
            under && out.speaker.has_span) {
          // (Said by whoever says the clause it ends: "He", not "his
          // position".)
          statements_[i].speaker = out.speaker;
          continue;
        }
      }
      // "responded by saying his refusal ... was a manufactured issue": the
      // saying is the statement; the verb it tells the manner of says
      // nothing more.
      if (w > 0 && words_[w].lemma == "say" &&
          words_[w].form.ends_with("ing") && StartsWith(in.rule, "verb") &&
          EqualsIgnoreCase(words_[w - 1].form, "by") &&
          words_[w - 1].span.begin == out.content.begin &&
          (out.rule == "verb.complement" || out.rule == "verb.action" ||
           out.rule == "verb.fallback")) {
        drop[j] = true;
        continue;
      }
      // "He sincerely believes, he said, that ...", "the board voted to
      // endorse her, Garcia said": a reporting clause after a comma that
      // the parser hangs on the verb before it is the writer's
      // attribution, not part of what that verb says.
      if (w >= 0 && words_[w].deprel == "parataxis" && !InAnyQuote(w) &&
          (out.rule == "verb.complement" || out.rule == "verb.action" ||
           out.rule == "verb.fallback") &&
          out.cue.begin < in.cue.begin) {
        const int ow = WordEndingAt(out.cue.end);
        int subj = -1;
        for (int c : Children(w))
          if (c < w && StartsWith(words_[c].deprel, "nsubj")) subj = c;
        const int lo = subj >= 0 ? words_[subj].lo : -1;
        if (ow >= 0 && words_[w].head == ow && lo > 0 &&
            words_[lo - 1].form == ",")
          continue;
      }
      bool same =
          (in.speaker.entity >= 0 && in.speaker.entity == out.speaker.entity) ||
          (!in.speaker.entities.empty() &&
           in.speaker.entities == out.speaker.entities);
      bool attitude = false;
      int length = 0;
      if (w >= 0) {
        if (const SpeechVerb* sv = SpeechVerbAt(w, &length)) {
          attitude = sv->cls == "believe" || sv->cls == "intend" ||
                     sv->cls == "appear";
        }
      }
      // "defending his tweets, saying it shows ...", "began by saying ...",
      // "criticised by Calloway, who said ...": a clause of its own after a
      // comma, "and", a preposition or a relative pronoun is a second
      // statement beside the verb that framed it, or beside the clause
      // said before it ("insisted that ..., claiming that ..."); PolNeAR
      // marks both. ("that" opens the complement itself.) Right inside the
      // verb's complement ("seems to suggest she
      // ...", "''...,'' Lind said" with the quote read as a clause), the
      // outer verb is the cue and the inner one is dropped below.
      bool relative = w >= 0 && words_[w].deprel == "acl:relcl";
      if (w >= 0)
        for (int c : Children(w))
          relative |= StartsWith(words_[c].deprel, "nsubj") &&
                      (RelativePronoun(words_[c].form) ||
                       EqualsIgnoreCase(words_[c].form, "which"));
      const int before = w > 0 ? BeforeVerbGroup(w) : -1;
      if (same &&
          (out.rule == "verb.complement" || out.rule == "verb.clause") &&
          in.rule == "verb.clause" && before >= 0 &&
          (words_[before].upos == "PUNCT" || words_[before].upos == "CCONJ" ||
           words_[before].upos == "ADP" ||
           (words_[before].upos == "SCONJ" &&
            !EqualsIgnoreCase(words_[before].form, "that")) ||
           relative))
        continue;
      // "reported that Marchetti informed the board of ...": an act
      // inside someone else's report is part of what they reported. So is
      // a verb through its object or a speech noun ("said the union
      // backed the plan", "said her denial came late"), and a clause or
      // quote inside another's reported clause ("said the mayor told
      // staff that ..."), and a passive that names no speaker ("said that
      // shareholders had been told ..."): on PolNeAR train such inner
      // statements are wrong four times out of five, mostly the report's
      // own words.
      bool outer_clause =
          out.rule == "verb.clause" || out.rule == "verb.action";
      bool weak = in.rule == "verb.complement" || in.rule == "speech_noun" ||
                  in.rule == "verb.passive" ||
                  (outer_clause &&
                   (in.rule == "verb.clause" || in.rule == "quote.direct" ||
                    in.rule == "quote.partial"));
      drop[i] = same || attitude || in.rule == "verb.action" ||
                in.rule == "verb.fallback" || weak;
    }
  }
  EraseStatements(drop);
}

// Sentences a span touches, as evidence.
std::vector<Span> EvidenceOf(const std::vector<SentInfo>& sents, Span s) {
  std::vector<Span> out;
  for (const SentInfo& si : sents)
    if (si.span.Overlaps(s)) out.push_back(si.span);
  return out;
}

// The phrase's head: the last word of its first run of nouns and names
// ("one GOP source", "Dante Rowe", "analysis"); -1 when there is none.
int DocState::PhraseHead(int lo, int hi) const {
  for (int k = lo; k <= hi; ++k) {
    const bool nominal = words_[k].upos == "NOUN" || words_[k].upos == "PROPN";
    if (nominal && (k == hi || (words_[k + 1].upos != "NOUN" &&
                                words_[k + 1].upos != "PROPN")))
      return k;
  }
  return -1;
}

// The statements whose content holds word v, a closing reporting verb, say
// nothing from `stop` (the comma before its speaker) on. A content that
// begins after the comma begins at its cue instead when `from_cue`, and is
// left alone otherwise; `same_sentence` leaves contents that begin in
// another sentence alone.
void DocState::EndContentsAt(int v, uint32_t stop, bool from_cue,
                             bool same_sentence) {
  for (Statement& other : statements_) {
    if (other.kind == StatementKind::kReporter ||
        !other.content.Contains(words_[v].span))
      continue;
    if (same_sentence &&
        words_[FirstWordFrom(other.content.begin)].sent != words_[v].sent)
      continue;
    uint32_t from = other.content.begin;
    if (from >= stop && from_cue) from = other.cue.end;
    if (from >= stop) continue;
    if (Span cut = TrimContent(Span{from, stop}); !cut.empty())
      other.content = cut;
  }
}

// Words (v, end) say only when or how the verb at v was said, or to whom
// it was told: "said on Monday", "said last week", "said in a statement",
// "told Reuters", "told reporters".
bool DocState::AttributionCircumstance(int v, int end) const {
  const int n = end - (v + 1);
  if (n < 1 || n > 5) return false;
  for (int k = v + 1; k < end; ++k)
    if (InAnyQuote(k)) return false;
  if (words_[v].lemma == "tell") {
    const int m = words_[end - 1].mention;
    const int first = words_[v + 1].upos == "DET" ? v + 2 : v + 1;
    if ((m >= 0 && mentions_[m].named && mentions_[m].first == first) ||
        (n == 1 && (EqualsIgnoreCase(words_[v + 1].form, "reporters") ||
                    EqualsIgnoreCase(words_[v + 1].form, "journalists"))))
      return true;
  }
  int k = v + 1;
  if (words_[k].upos == "ADP") ++k;
  bool when = false, means = false;
  for (; k < end; ++k) {
    const std::string_view u = words_[k].upos;
    if (u != "DET" && u != "ADJ" && u != "NOUN" && u != "PROPN" && u != "NUM")
      return false;
    when |= WhenWord(k);
    for (std::string_view l : {"statement", "interview", "email", "call"})
      means |= words_[k].lemma == l;
  }
  return when || (means && words_[v + 1].upos == "ADP");
}

// ", a Harlow Courier analysis of the filings shows.", ", two people
// familiar with the matter said.": a phrase of nouns, names and their
// modifiers between a comma and a verb of saying that ends the sentence.
// Read off the surface, since the parser often hangs such a phrase wrongly
// (the second came out with "the matter" saying it). Returns the phrase's
// head and sets *lo to its first word; -1 when v ends no such phrase.
int DocState::ClosingPhrase(int v, int* lo) const {
  const SentInfo& si = sents_[words_[v].sent];
  int end = si.last;
  while (end > si.first && IsPunct(words_[end - 1])) --end;
  if ((v != end - 1 && !AttributionCircumstance(v, end)) ||
      end - si.first < 5 || InAnyQuote(v))
    return -1;
  std::string_view f = words_[v].form;
  // (Not "... nominee in the United States."; but a headline's "Says" may
  // have been read into the name before it: "..., Trevor Noah Says".)
  const int m = words_[v].mention;
  if ((!f.ends_with("s") && !f.ends_with("ed") && f != "said" && f != "told") ||
      (m >= 0 && mentions_[m].named && mentions_[m].first < v && f != "Says"))
    return -1;
  int length = 0;
  const SpeechVerb* sv = SpeechVerbAt(v, &length);
  if (!sv || sv->pos != PartOfSpeech::kVerb || length != 1 || !sv->that_clause)
    return -1;
  int k = v - 1;
  while (k > si.first && v - k < 14 && !InAnyQuote(k) &&
         (words_[k].upos == "DET" || words_[k].upos == "ADJ" ||
          words_[k].upos == "NOUN" || words_[k].upos == "PROPN" ||
          words_[k].upos == "NUM" || words_[k].upos == "ADP" ||
          IsPossessiveS(words_[k].form) || words_[k].deprel == "amod" ||
          words_[k].deprel == "advmod" ||
          (words_[k].form == "-" && JoiningHyphen(k))))
    --k;
  const std::string_view opener = words_[k + 1].upos;
  if (words_[k].form != "," || k <= si.first + 2 || k + 1 >= v ||
      (opener != "DET" && opener != "PROPN" && opener != "NOUN" &&
       opener != "ADJ" && opener != "NUM"))
    return -1;
  *lo = k + 1;
  return PhraseHead(k + 1, v - 1);
}

// "..., said Dante Rowe, a professor at the state university.", "...,
// a Harlow Courier analysis of the filings shows.": a speech verb after the
// comma that closes a sentence, with its speaker's noun phrase on the other
// side and nothing else, is the writer's attribution of all that comes
// before, however the parser hung the verb (on the verb before the comma,
// with the sentence as its subject, with the name as its object, or as a
// plural noun). Read off the surface when no rule made a statement on it.
void DocState::ClosingReportingClauses() {
  // A statement on verb v by the phrase [lo, hi] of everything in sentence
  // si before the comma.
  auto attribute = [&](const SentInfo& si, int v, int comma, int lo, int hi) {
    for (const Statement& st : statements_)
      if (st.cue.Overlaps(words_[v].span)) return;
    const int head = PhraseHead(lo, hi);
    if (head < 0) return;
    Statement st;
    st.speaker = SpeakerFromRange(lo, hi, head);
    if (words_[head].mention >= 0 && st.speaker.entity < 0 &&
        st.speaker.entities.empty() && !st.speaker.anonymous)
      FillSpeakerEntity(st.speaker, words_[head].mention);
    st.cue = WordSpan(v, v);
    st.cue_text = std::string(Text(st.cue));
    st.kind = StatementKind::kIndirect;
    st.content = TrimContent(WordSpan(si.first, comma - 1));
    for (QuoteRegion& qr : quotes_) {
      if (qr.outer.Contains(st.content) ||
          (st.content.Contains(qr.inner) &&
           qr.inner.begin <= st.content.begin + 1 &&
           qr.inner.end + 1 >= st.content.end)) {
        st.kind = StatementKind::kDirect;
        st.content = qr.inner;
        qr.used = true;
      } else if (st.content.Contains(qr.inner) ||
                 st.content.Overlaps(qr.outer)) {
        if (st.kind != StatementKind::kDirect)
          st.kind = StatementKind::kPartial;
        qr.used = true;
      }
    }
    st.confidence = 0.6;
    st.evidence = EvidenceOf(sents_, si.span);
    st.rule = "verb.closing";
    consumed_[v] = true;
    // What the verb before the comma says ends at the comma. (When the
    // parser hung this verb on it as its clause, what it says begins at its
    // cue: 'Abernathy said rumours all the time," said Okafor', with the
    // opening quote lost.)
    EndContentsAt(v, words_[comma].span.begin, /*from_cue=*/true,
                  /*same_sentence=*/false);
    AddStatement(std::move(st));
  };
  auto speech_verb = [&](int v) {
    int length = 0;
    const SpeechVerb* sv = SpeechVerbAt(v, &length);
    return sv && sv->pos == PartOfSpeech::kVerb && length == 1 &&
           sv->that_clause && !consumed_[v] && !InAnyQuote(v) &&
           !words_[v].form.ends_with("ing");
  };
  for (const SentInfo& si : sents_) {
    int end = si.last;
    while (end > si.first && IsPunct(words_[end - 1])) --end;
    if (end - si.first < 5) continue;
    const int last_word = end - 1;
    if (int lo = 0;
        ClosingPhrase(last_word, &lo) >= 0 && !consumed_[last_word]) {
      attribute(si, last_word, lo - 1, lo, last_word - 1);
      continue;
    }
    // (Or the verb before when it was said: ", two people familiar with
    // the matter said on Monday." Only a verb that reports, not "...,
    // the battle for Kobani continued Monday".)
    bool closed = false;
    for (int v = end - 2; v >= std::max(si.first + 4, end - 5) && !closed;
         --v) {
      int lo = 0;
      const std::string_view l = words_[v].lemma;
      const bool reports = l == "say" || l == "tell" || l == "report" ||
                           l == "confirm" || l == "announce" || l == "add" ||
                           l == "write" || l == "note";
      if (words_[v].upos == "VERB" && reports && speech_verb(v) &&
          ClosingPhrase(v, &lo) >= 0) {
        attribute(si, v, lo - 1, lo, v - 1);
        closed = true;
      }
    }
    if (closed) continue;
    for (int v = si.first + 3; v + 1 < end; ++v) {
      if (words_[v].upos != "VERB" || !speech_verb(v)) continue;
      // (Verbs that stand before their speaker; not "told The Post", whose
      // object is the hearer, nor "shows", "found".)
      bool inverting = false;
      for (std::string_view l :
           {"say", "add", "write", "note", "explain", "recall", "observe",
            "argue", "insist", "warn", "acknowledge", "predict", "quip",
            "reply", "concede", "complain", "declare"})
        inverting |= words_[v].lemma == l;
      if (!inverting) continue;
      int comma = v - 1;
      if (IsClosingQuoteMark(words_[comma].form)) --comma;
      if (words_[comma].form != "," || comma <= si.first) continue;
      // The speaker's phrase: no quote, and no verb of its own but a
      // participle ("a book analyzing ...") or one in a relative clause
      // ("who ran the agency").
      const std::string_view opener = words_[v + 1].upos;
      bool phrase = opener == "DET" || opener == "PROPN" || opener == "NOUN" ||
                    opener == "ADJ" || opener == "NUM";
      bool relative = false;
      for (int k = v + 1; k < end && phrase; ++k) {
        relative |= RelativePronoun(words_[k].form);
        const bool verb =
            words_[k].upos == "AUX" ||
            (words_[k].upos == "VERB" && !StartsWith(words_[k].deprel, "acl") &&
             words_[k].deprel != "amod");
        phrase = !InAnyQuote(k) && (!verb || relative);
      }
      // (Nor "said Sunday after ...": when, not who.)
      if (phrase && !WhenWord(v + 1)) attribute(si, v, comma, v + 1, end - 1);
      break;
    }
  }
}

// The word whose span ends at `end`, or -1.
int DocState::WordEndingAt(uint32_t end) const {
  auto it =
      std::lower_bound(words_.begin(), words_.end(), end,
                       [](const W& w, uint32_t e) { return w.span.end < e; });
  if (it == words_.end() || it->span.end != end) return -1;
  return static_cast<int>(it - words_.begin());
}

// A named speaker as attribution corpora mark it: with the titles before
// the name ("Cedarline Bank chief economist Ines Barroca"), the party in
// brackets ("Rep. Ellis Varga (R-Fla.)") and the apposition or relative
// clause that says who they are ("Idris Mallon, who heads ...", "Wen
// Halloway, a senior adviser to the governor, said"). Read off the surface,
// since the parser often attaches an apposition to the wrong word.
Span DocState::SpeakerPhrase(const Speaker& sp, int cue) const {
  if (!sp.has_span || sp.entity < 0 || !sp.entities.empty()) return sp.span;
  int hi = WordEndingAt(sp.span.end);
  if (hi < 0) return sp.span;
  auto name_ends_at = [&](int k) {
    if (words_[k].mention < 0) return false;
    const MentionRec& mk = mentions_[words_[k].mention];
    return mk.named && mk.last - 1 == k;
  };
  // "wrote Ada Rell for the Courier": after its verb, a person's name
  // followed by "for" ends there; the outlet is whom the person writes
  // for, not part of who it is (unlike "a spokeswoman for the Courier").
  if (cue >= 0 && words_[cue].span.end <= sp.span.begin &&
      entities_[sp.entity].e.type == EntityType::kPerson) {
    for (int k = WordEndingAt(sp.span.end); k > cue + 1; --k) {
      if (name_ends_at(k) && mentions_[words_[k].mention].entity == sp.entity &&
          k < hi && EqualsIgnoreCase(words_[k + 1].form, "for")) {
        hi = k;
        break;
      }
    }
  }
  const int phrase_end = hi;
  // (A name that ends the phrase may be another's, in a clause the parser
  // hung on the speaker after a comma: "Ines Hart, the press secretary,
  // echoing remarks by Governor Calder"; not "Sen. Ines Hart of Ohio".)
  bool other_after_comma = false;
  if (name_ends_at(hi) && mentions_[words_[hi].mention].entity != sp.entity) {
    bool own = false;
    for (int k = hi - 1; k >= 0 && words_[k].span.begin >= sp.span.begin; --k) {
      own |= words_[k].mention >= 0 &&
             mentions_[words_[k].mention].entity == sp.entity;
      other_after_comma |= !own && words_[k].form == ",";
    }
    other_after_comma &= own;
  }
  if (!name_ends_at(hi) || other_after_comma) {
    // "Wen Halloway, a senior adviser" cut short by the parser's
    // apposition: the name is the one before the comma, and the
    // apposition is read off the surface below.
    int k = hi - 1;
    while (k >= 0 && words_[k].span.begin >= sp.span.begin &&
           !(name_ends_at(k) && words_[k + 1].form == "," &&
             mentions_[words_[k].mention].entity == sp.entity))
      --k;
    if (k < 0 || words_[k].span.begin < sp.span.begin) return sp.span;
    hi = k;
  }
  int lo = hi;
  while (lo > 0 && words_[lo - 1].span.end > sp.span.begin) --lo;
  const MentionRec& m = mentions_[words_[hi].mention];
  // The parser may make the surname alone the subject ("Grace Holmberg" as two
  // subjects): the speaker is the whole name.
  if (lo > m.first && lo < m.last) lo = m.first;
  int s = words_[hi].sent;
  int first = sents_[s].first, last = sents_[s].last;
  if (cue < first || cue >= last) return sp.span;
  bool person = entities_[m.entity].e.type == EntityType::kPerson;
  // Titles before a person's name: a run of nouns, adjectives and names
  // ("retired Navy admiral", "Ohio Republican Party Chairwoman").
  if (person && lo <= m.first) {
    int k = lo;
    // (A word joined by a hyphen is one word: "front-runner",
    // "Ashford-based".)
    auto joined = [&](int j) { return j > first + 1 && JoiningHyphen(j); };
    while (k > first && k - 1 != cue && !InAnyQuote(k - 1) &&
           (words_[k - 1].upos == "PROPN" || words_[k - 1].upos == "NOUN" ||
            words_[k - 1].upos == "ADJ" || joined(k - 1)) &&
           lo - k < 8)
      --k;
    if (k < lo && k > first && words_[k - 1].upos == "DET" &&
        words_[k - 1].span.end + 1 == words_[k].span.begin)
      --k;
    // A name just before is another speaker's, not a title.
    // But a name before a title noun is whom the title serves ("Clinton
    // spokesman Jesse Ferguson", "Huckabee campaign manager Ada Ross").
    int title_noun = -1;
    for (int j = k; j < lo; ++j)
      if (words_[j].upos == "NOUN") title_noun = j;
    bool other_name = false;
    for (int j = k; j < lo; ++j) {
      other_name |= j > title_noun && words_[j].mention >= 0 &&
                    words_[j].mention != words_[hi].mention &&
                    entities_[mentions_[words_[j].mention].entity].e.type ==
                        EntityType::kPerson;
    }
    if (!other_name) lo = k;
  }
  // An organisation's name as the recogniser may cut it short, and the
  // words that say which it is: "the nonpartisan Fiscal Review Office",
  // "Upper Valley Public Radio". Capitalised words before it are its
  // own; lower-case adjectives only after "the" ("a landmark Supreme
  // Court ruling" is not the court's phrase).
  if (CoarseType(entities_[m.entity].e.type) == EntityType::kOrg &&
      lo <= m.first && words_[lo].upos != "DET") {
    // (A hyphen inside a name joins it: "the Harbour Sun-Ledger".)
    auto capital = [&](int j) {
      if (InAnyQuote(j) || j == cue) return false;
      if (words_[j].form == "-") return j > first && JoiningHyphen(j);
      return (words_[j].upos == "PROPN" || words_[j].upos == "NOUN" ||
              words_[j].upos == "ADJ") &&
             std::isupper(static_cast<unsigned char>(words_[j].form[0]));
    };
    int k = lo;
    while (k > first && capital(k - 1) && lo - k < 6) --k;
    int j = k;
    while (j > first && j - 1 != cue && !InAnyQuote(j - 1) &&
           words_[j - 1].upos == "ADJ" && k - j < 2)
      --j;
    // (An owner before them stands for "the", and TidySpeakerSpans adds
    // it: "Norway's liberal Green Party".)
    if (j > first && !InAnyQuote(j - 1)) {
      if (EqualsIgnoreCase(words_[j - 1].form, "the")) {
        k = j - 1;
      } else if (words_[j - 1].upos == "PART" &&
                 IsPossessiveS(words_[j - 1].form)) {
        k = j;
      }
    }
    lo = k;
  }
  int end = hi;
  // "(R-Fla.)": the bracket up to its close.
  if (end + 1 < last && words_[end + 1].form == "(") {
    for (int k = end + 2; k < last && k <= end + 8; ++k) {
      if (words_[k].form == ")") {
        end = k;
        break;
      }
    }
  }
  // "said Rep. Ada Marsh of Maryland, the panel's ranking Democrat": a
  // place after "of" belongs to the name, and the apposition after it to
  // the phrase.
  if (person && cue < lo && end + 3 < last &&
      EqualsIgnoreCase(words_[end + 1].form, "of") &&
      words_[end + 2].mention >= 0 &&
      mentions_[words_[end + 2].mention].first == end + 2 &&
      CoarseType(entities_[mentions_[words_[end + 2].mention].entity].e.type) ==
          EntityType::kPlace) {
    const int place_end = mentions_[words_[end + 2].mention].last - 1;
    if (place_end + 2 < last && words_[place_end + 1].form == ",")
      end = place_end;
  }
  // A title the tagger calls a verb opens no clause but an apposition:
  // ", managing director of Harrow Capital,", ", acting director of the
  // agency," (not ", acting as his lawyer,").
  auto title_verb = [&](int j) {
    return j + 1 < last && words_[j].upos == "VERB" &&
           (words_[j + 1].upos == "NOUN" || words_[j + 1].upos == "ADJ" ||
            words_[j + 1].upos == "PROPN") &&
           LongestAt(j, LexiconKind::kRole).has_value();
  };
  // After its verb, the speaker's phrase ends where a clause of the
  // writer's opens after a comma (", though he added ...", ", echoing
  // ...", ", after listening to ..."), whatever the parser hung it on.
  int writer_clause = last;
  for (int j = end + 1; cue < end && j + 2 < last; ++j) {
    const W& next = words_[j + 1];
    if (words_[j].form == "," && !InAnyQuote(j) &&
        (next.upos == "SCONJ" || (next.upos == "VERB" && !title_verb(j + 1)) ||
         (next.upos == "ADP" && AdverbialOpener(next.form) &&
          words_[j + 2].upos == "VERB"))) {
      writer_clause = j;
      break;
    }
  }
  // The comma before the name's own verb, when a participle speaks for it.
  int own_verb_comma = last;
  // ", a senior adviser to the campaign," / ", who heads ...".
  if (end + 2 < last && words_[end + 1].form == "," && !InAnyQuote(end + 1) &&
      (words_[end + 2].upos != "VERB" || title_verb(end + 2)) &&
      words_[end + 2].upos != "AUX" && words_[end + 2].upos != "CCONJ") {
    int stop = -1;
    if (cue > end) {
      // Before its verb: up to the comma that closes the apposition, which
      // may come before the verb's auxiliaries ("..., has denied"). The
      // verb is the name's own when a participle speaks for it ("Christie,
      // the governor, repeated the charge, calling ...").
      int c = cue;
      if (words_[cue].form.ends_with("ing") && words_[cue - 1].form == ",") {
        for (int k = end + 3; k + 1 < cue - 1; ++k) {
          int j = k + 1;
          while (j < cue - 1 &&
                 (words_[j].upos == "AUX" || words_[j].upos == "ADV"))
            ++j;
          if (words_[k].form == "," && words_[j].upos == "VERB" &&
              !InAnyQuote(k)) {
            c = k + 1;
            own_verb_comma = k;
            break;
          }
        }
      }
      while (c - 1 > end + 2 && !InAnyQuote(c - 1) &&
             (words_[c - 1].upos == "AUX" || words_[c - 1].upos == "ADV" ||
              words_[c - 1].upos == "PART"))
        --c;
      if (c - 1 > end + 2 && words_[c - 1].form == "," && c - end <= 30)
        stop = c - 2;
    } else {
      // After its verb: to the end of the sentence, or to a clause of the
      // writer's after a comma (", though he added ...", ", echoing ...",
      // ", after listening to ...").
      int k = std::min(last - 1, writer_clause - 1);
      // A quote that goes on after the phrase ends it: 'said Ines Hart, who
      // grew up on the street, "We were all proud."'
      for (int j = end + 3; j <= k; ++j) {
        if (InAnyQuote(j) && words_[j - 1].form == ",") {
          k = j - 1;
          break;
        }
      }
      while (k > end && IsPunct(words_[k])) --k;
      // (Too long a run to be one apposition ends at its next comma:
      // "said Nils Brandt, a fellow at the council who ran the agency, an
      // institution whose ...".)
      if (k - end > 30) {
        for (int j = end + 3; j < k && j - end <= 30; ++j) {
          // (Not after an age: "Ada Hale, 34, a native of ...".)
          if (words_[j].form == "," && !InAnyQuote(j) &&
              !(j == end + 3 && words_[end + 2].upos == "NUM")) {
            k = j - 1;
            break;
          }
        }
      }
      bool clean = k - end <= 30 && words_[end + 2].upos != "SCONJ";
      for (int j = end + 1; j <= k && clean; ++j)
        clean = !InAnyQuote(j) && words_[j].form != ";";
      if (clean && k > end + 1) stop = k;
    }
    if (stop > end) end = stop;
  }
  // (Nor does the parser's phrase run past that verb: "Christie, the
  // governor, repeated the charge, calling ..." when the parser makes the
  // verb a noun's modifier.)
  end = std::max(end,
                 std::min({phrase_end, writer_clause - 1, own_verb_comma - 1}));
  return {words_[lo].span.begin, words_[end].span.end};
}

// "a Mexican official who was not authorized to speak said": an unnamed
// subject before its verb is the whole phrase, with the clause that says
// who it is (attribution corpora mark it so); the span of `sp` otherwise.
Span DocState::WithItsClause(const Speaker& sp, int subj, int cue) const {
  // "Democrats trying to win the seat say", with the participle cut off by
  // the parser as a false start: the speaker is the noun with it, named or
  // not.
  // (Not when the parser hung the verb on the participle's noun:
  // "Protesters marching through the streets chanted", where the corpus
  // marks the subject alone.)
  if (const int h = subj >= 0 && sp.has_span ? words_[subj].head : -1;
      h > subj && h < cue && h == CutParticiple(cue) &&
      !StartsWith(words_[cue].deprel, "acl")) {
    int hi = cue - 1;
    while (hi > h && IsPunct(words_[hi])) --hi;
    bool quoted = false;
    for (int k = subj; k <= hi; ++k) quoted |= InAnyQuote(k);
    if (!quoted && hi - subj <= 15)
      return {sp.span.begin, std::max(sp.span.end, words_[hi].span.end)};
  }
  // (A common noun is no name, though a name may modify it: "Varga
  // supporters who came to protest the levy say".)
  const bool named = (sp.entity >= 0 || !sp.entities.empty()) &&
                     !(subj >= 0 && subj < cue && words_[subj].upos == "NOUN");
  if (subj < 0 || named || !sp.has_span ||
      sp.span.begin != words_[NounPhrase(subj).first].span.begin)
    return sp.span;
  // After its verb too: '"...," said a city official who was not
  // authorized to speak publicly' (on PolNeAR train the clause is part of
  // the source 28 times in 35), read from the clause the parser hangs on
  // the noun, up to the end of the sentence.
  if (subj > cue) {
    const int after = WordEndingAt(sp.span.end) + 1;
    if (after <= 0 || after >= sents_[words_[subj].sent].last ||
        !RelativePronoun(words_[after].form))
      return sp.span;
    int hi = -1;
    for (int c : Children(subj))
      if (c > after && StartsWith(words_[c].deprel, "acl") &&
          words_[c].lo == after)
        hi = words_[c].hi;
    if (hi < 0) return sp.span;
    while (hi > after && IsPunct(words_[hi])) --hi;
    for (int k = after; k <= hi; ++k)
      if (InAnyQuote(k)) return sp.span;
    if (hi - after > 25) return sp.span;
    // But not a clause that only asks for anonymity ('said a party aide
    // who requested anonymity to speak candidly'): the corpora leave it out
    // (on PolNeAR train four times in four).
    for (int k = after; k <= hi; ++k)
      if (AnonymityWord(words_[k].form)) return sp.span;
    return {sp.span.begin, std::max(sp.span.end, words_[hi].span.end)};
  }
  if (words_[subj].hi >= cue) return sp.span;
  int hi = words_[subj].hi;
  while (hi > subj && IsPunct(words_[hi])) --hi;
  bool clause = false, quoted = false;
  for (int c : Children(subj))
    clause |= c > subj && StartsWith(words_[c].deprel, "acl");
  for (int k = subj; k <= hi; ++k) {
    quoted |= InAnyQuote(k);
    // (Nor a clause that only asks for anonymity, as after the verb.)
    if (AnonymityWord(words_[k].form)) return sp.span;
  }
  // (Up to twenty-five words: "Residents who have relied on the early
  // crossing to reach jobs and schools on the mainland said".)
  if (!clause || quoted || hi - subj > 25) return sp.span;
  return {sp.span.begin, std::max(sp.span.end, words_[hi].span.end)};
}

// The first person the document names in full or by surname as `tag`
// ("Pence", "Mike Pence"), or -1.
int DocState::PersonCalled(std::string_view tag) const {
  for (size_t e = 0; e < entities_.size(); ++e) {
    if (entities_[e].e.type == EntityType::kPerson &&
        (EqualsIgnoreCase(LastWord(entities_[e].e.name), tag) ||
         EqualsIgnoreCase(entities_[e].e.name, tag)))
      return static_cast<int>(e);
  }
  return -1;
}

// Punctuation in place of a speech verb: a headline's "Pence: Gennifer
// Flowers Won't Be at Debate", a transcript's "WALLACE: Let's start ...",
// a name and a colon before a quote inside a paragraph, and a quote signed
// with a dash ("... in serious trouble." ― Edwin Monroy).
void DocState::PunctuationStatements() {
  auto speaker_type = [&](int m) {
    EntityType t = CoarseType(entities_[mentions_[m].entity].e.type);
    return t == EntityType::kPerson || t == EntityType::kOrg;
  };
  auto all_caps = [](std::string_view w) {
    bool upper = w.size() >= 3;
    for (char c : w) upper &= std::isupper(static_cast<unsigned char>(c)) != 0;
    return upper;
  };
  // A transcript's speaker in capitals ("WALLACE:"), not an editor's label
  // ("MORE:", "PHOTOS:", "FACT:", "UPDATE:") nor a dateline ("LONDON:").
  auto caps_speaker = [&](int k) {
    if (!all_caps(words_[k].form) || LongestAt(k, LexiconKind::kPlace))
      return false;
    static constexpr std::string_view kLabels[] = {
        "MORE",    "PHOTOS",      "PHOTO",      "FACT",       "STORY",
        "UPDATE",  "UPDATED",     "WARNING",    "READ",       "BREAKING",
        "VIDEO",   "WATCH",       "EXCLUSIVE",  "CORRECTION", "IMAGE",
        "EARLIER", "NOTE",        "RELATED",    "LISTEN",     "GALLERY",
        "LIVE",    "ANALYSIS",    "OPINION",    "SOURCE",     "CREDIT",
        "CAPTION", "PICTURED",    "DEVELOPING", "PLUS",       "BONUS",
        "CLAIM",   "DESCRIPTION", "EXPLICIT",   "ALSO",       "SEE",
        "NEXT"};
    return std::find(std::begin(kLabels), std::end(kLabels), words_[k].form) ==
           std::end(kLabels);
  };

  int transcript_lines = 0;
  for (size_t s = 0; s < sents_.size(); ++s) {
    if (s > 0 && sents_[s - 1].paragraph == sents_[s].paragraph) continue;
    int k = sents_[s].first;
    while (k < sents_[s].last && IsPunct(words_[k])) ++k;
    transcript_lines +=
        k + 1 < sents_[s].last && caps_speaker(k) && words_[k + 1].form == ":";
  }
  for (size_t s = 0; s < sents_.size(); ++s) {
    if (s > 0 && sents_[s - 1].paragraph == sents_[s].paragraph) continue;
    int first = sents_[s].first, last = sents_[s].last;
    while (first < last && IsPunct(words_[first]) && words_[first].form != ":")
      ++first;
    int colon = -1;
    for (int k = first; k < last && k <= first + 6; ++k) {
      if (words_[k].form == ":") {
        colon = k;
        break;
      }
      if (IsPunct(words_[k])) break;
    }
    // "Clinton: I back the plan." is cut by the segmenter after the colon:
    // what was said is the next sentence of the paragraph.
    const bool cut = colon + 1 == last && s + 1 < sents_.size() &&
                     sents_[s + 1].paragraph == sents_[s].paragraph;
    if (colon <= first || (colon + 1 >= last && !cut)) continue;
    // A label ("Excerpts from the interview:") is no speaker: every word
    // of a speaker's name or headline tag is capitalised.
    bool capitals = true;
    int mention = -1;
    for (int k = first; k < colon; ++k) {
      unsigned char c0 = static_cast<unsigned char>(words_[k].form[0]);
      capitals &= !std::isalpha(c0) || std::isupper(c0);
      if (mention < 0 && words_[k].mention >= 0 &&
          mentions_[words_[k].mention].named && speaker_type(words_[k].mention))
        mention = words_[k].mention;
    }
    // A headline's tag may end in a common noun after a name: "Varden
    // camp: ...", "Daily Ledger editorial: ...".
    const bool headline =
        s == 0 && sents_.back().paragraph != sents_[0].paragraph;
    if (!capitals && headline && mention >= 0 && colon - first <= 3 &&
        mentions_[mention].first == first && mentions_[mention].last < colon) {
      capitals = true;
      for (int k = mentions_[mention].last; k < colon; ++k)
        capitals &= words_[k].upos == "NOUN";
    }
    if (!capitals) continue;
    Speaker sp;
    if (mention >= 0) {
      FillSpeakerEntity(sp, mention);
    } else {
      // A person the article names, by surname ("Pence: ..."), or a
      // transcript's speaker in capitals ("WALLACE: ...") when the article
      // is a transcript: several paragraphs open that way.
      const std::string tag(Text(WordSpan(first, colon - 1)));
      if (const int e = PersonCalled(tag); e >= 0) {
        sp.entity = e;
        sp.name = entities_[e].e.name;
        sp.has_span = true;
      }
      if (sp.entity < 0 && colon == first + 1 && transcript_lines >= 2 &&
          caps_speaker(first)) {
        sp.has_span = true;
        sp.name = tag;
      }
      // A headline's tag is its source even when the article never names
      // it again: a columnist ("Milbank: ..."), a poll or a report ("Poll:
      // Trump and Clinton hold narrow leads"), insiders. Not a label
      // ("EXCLUSIVE:", "The Latest:", "Clinton Wades In:"): the tag is a
      // short run of proper nouns, or ends in a source noun or a noun of
      // speech.
      if (!sp.has_span && s == 0 &&
          sents_.back().paragraph != sents_[0].paragraph) {
        // (A title-case headline is tagged from its words in lower case,
        // so a name there may be read as a common noun: "Milbank:".)
        bool names = colon - first <= 3;
        for (int k = first; k < colon && names; ++k)
          names = (words_[k].upos == "PROPN" || words_[k].upos == "NOUN" ||
                   (words_[k].upos == "ADJ" && k + 1 < colon)) &&
                  !all_caps(words_[k].form);
        int n = 0;
        const SpeechVerb* noun = SpeechVerbAt(colon - 1, &n);
        auto src = LongestAt(colon - 1, LexiconKind::kSourcing);
        bool source =
            (noun && noun->pos == PartOfSpeech::kNoun && n == 1) ||
            (src && src->length == 1 &&
             lex_.sourcing()[src->entry].kind == SourcingKind::kSourceNoun);
        if (names || source) {
          sp.has_span = true;
          sp.name = tag;
        }
      }
      if (!sp.has_span) continue;
    }
    sp.span = WordSpan(first, colon - 1);
    int end = last - 1;
    for (size_t t = s + 1;
         t < sents_.size() && sents_[t].paragraph == sents_[s].paragraph; ++t)
      end = sents_[t].last - 1;
    // "Clinton: 2,316." in a table of delegates, "Twitter: @Milbank." in a
    // byline: what is said has a word of content.
    bool says = false;
    for (int k = cut ? sents_[s + 1].first : colon + 1; k <= end && !says;
         ++k) {
      std::string_view u = words_[k].upos;
      says =
          u == "VERB" || u == "AUX" || u == "NOUN" || u == "PRON" || u == "ADJ";
    }
    if (!says) continue;
    Statement st;
    st.speaker = std::move(sp);
    st.cue = words_[colon].span;
    st.cue_text = ":";
    st.kind = StatementKind::kDirect;
    st.content =
        cut ? WordSpan(sents_[s + 1].first, end) : WordSpan(colon + 1, end);
    st.confidence = 0.6;
    st.evidence =
        EvidenceOf(sents_, {words_[first].span.begin, st.content.end});
    st.rule = "punct.colon";
    consumed_[colon] = true;
    AddStatement(std::move(st));
  }
  // Inside a paragraph, a name alone before a colon and a quote: "Clinton:
  // '...' Bush: '...'", "... - Philip Bump: '...'". The name opens its
  // sentence or follows a spaced dash, and the quote is what was said.
  for (size_t s = 0; s < sents_.size(); ++s) {
    const int first = sents_[s].first, last = sents_[s].last;
    for (int colon = first + 1; colon + 1 < last; ++colon) {
      if (words_[colon].form != ":" || consumed_[colon] || InAnyQuote(colon) ||
          !InAnyQuote(colon + 1))
        continue;
      const QuoteRegion& qr = quotes_[words_[colon + 1].quote];
      if (qr.used || qr.outer.begin != words_[colon + 1].span.begin) continue;
      int m = words_[colon - 1].mention;
      const bool named = m >= 0 && mentions_[m].named &&
                         mentions_[m].last == colon && speaker_type(m);
      int from = named ? mentions_[m].first : colon;
      // "From the report: '...'", "- More from the filing: '...'": a
      // document quoted in a digest speaks as a noun after "from the".
      bool document = false;
      if (!named && colon - 3 >= first && words_[colon - 1].upos == "NOUN" &&
          words_[colon - 2].upos == "DET" &&
          EqualsIgnoreCase(words_[colon - 3].form, "from")) {
        from = colon - 2;
        document = true;
      }
      // A name the tagger missed or mistook for a place: a short run of
      // proper nouns ("- Lena Ortt and Piet Daal: '...'").
      if (!named && !document) {
        while (from > first && colon - from < 6 &&
               std::isupper(
                   static_cast<unsigned char>(words_[from - 1].form[0])) &&
               (words_[from - 1].upos == "PROPN" ||
                (words_[from - 1].form == "and" && from - 1 > first &&
                 from < colon && words_[from - 2].upos == "PROPN")))
          --from;
        if (from == colon || words_[from].form == "and") continue;
      }
      // Two names: "- Tamsin Vey and Ilse Brannock: '...'".
      bool pair = false;
      if (from > first + 2 && words_[from - 1].form == "and" &&
          words_[from - 2].upos == "PROPN") {
        int k = from - 2;
        if (const int mk = words_[k].mention; mk >= 0 && mentions_[mk].named)
          k = mentions_[mk].first;
        while (k > first && words_[k - 1].upos == "PROPN" && from - k < 6) --k;
        from = k;
        pair = true;
      }
      bool opens = from == first;
      if (from > first + 1) {
        opens = SpacedDash(from - 1);
      }
      // A digest's follow-up: "- More from Ortt: '...'".
      if (!opens && from > first &&
          EqualsIgnoreCase(words_[from - 1].form, "from")) {
        int j = from - 1;
        if (j > first && EqualsIgnoreCase(words_[j - 1].form, "more")) --j;
        opens = j == first || (j > first + 1 && SpacedDash(j - 1));
      }
      if (!opens) continue;
      // The tagger may read "More from Ortt" as one name.
      int name_from = from;
      while (name_from + 1 < colon &&
             (EqualsIgnoreCase(words_[name_from].form, "more") ||
              EqualsIgnoreCase(words_[name_from].form, "from")))
        ++name_from;
      Statement st;
      if (named && !pair) FillSpeakerEntity(st.speaker, m);
      st.speaker.has_span = true;
      st.speaker.span = WordSpan(name_from, colon - 1);
      if (!named || pair) st.speaker.name = std::string(Text(st.speaker.span));
      st.cue = words_[colon].span;
      st.cue_text = ":";
      st.kind = StatementKind::kDirect;
      st.content = qr.inner;
      st.confidence = 0.6;
      st.evidence = EvidenceOf(sents_, {words_[from].span.begin, qr.outer.end});
      st.rule = "punct.colon";
      consumed_[colon] = true;
      quotes_[words_[colon + 1].quote].used = true;
      AddStatement(std::move(st));
    }
  }
  // A signed quote is a line of its own: read it off the text, since a
  // mis-turned quotation mark elsewhere can pair the marks wrongly.
  auto closing_quote_before = [&](uint32_t p) -> uint32_t {
    while (p > 0) {
      if (text_[p - 1] == ' ' || text_[p - 1] == '\t') {
        --p;
      } else if (p >= 2 && text_.substr(p - 2, 2) == "\xC2\xA0") {
        p -= 2;
      } else {
        break;
      }
    }
    if (p >= 1 && text_[p - 1] == '"') return p - 1;
    if (p >= 3 && (text_.substr(p - 3, 3) == "\xE2\x80\x9D" ||
                   text_.substr(p - 3, 3) == "\xE2\x80\x9C"))
      return p - 3;
    return UINT32_MAX;
  };
  for (size_t w = 0; w + 1 < words_.size(); ++w) {
    std::string_view f = Text(words_[w].span);
    if (f != "\xE2\x80\x95" && f != "\xE2\x80\x94" && f != "--") continue;
    uint32_t close = closing_quote_before(words_[w].span.begin);
    if (close == UINT32_MAX) continue;
    // The signature: the rest of the line, a few capitalised words.
    size_t eol = text_.find('\n', words_[w].span.end);
    if (eol == std::string_view::npos) eol = text_.size();
    int a = static_cast<int>(w) + 1, b = a;
    while (b < static_cast<int>(words_.size()) && words_[b].span.end <= eol)
      ++b;
    while (b > a && IsPunct(words_[b - 1])) --b;
    if (b == a || b - a > 5 ||
        !std::isupper(static_cast<unsigned char>(words_[a].form[0])))
      continue;
    bool names = true;
    for (int k = a; k < b; ++k) {
      unsigned char c0 = static_cast<unsigned char>(words_[k].form[0]);
      names &= !std::isalpha(c0) || std::isupper(c0);
    }
    if (!names) continue;
    // The quote: from the start of its line, past the opening mark.
    size_t bol = text_.rfind('\n', close);
    uint32_t from = bol == std::string_view::npos ? 0 : bol + 1;
    while (from < close && (IsSpace(text_[from]) || text_[from] == '"')) ++from;
    if (text_.substr(from, 3) == "\xE2\x80\x9C" ||
        text_.substr(from, 3) == "\xE2\x80\x9D")
      from += 3;
    if (from >= close) continue;
    Speaker sp;
    for (int k = a; k < b && sp.entity < 0; ++k) {
      if (words_[k].mention >= 0 && speaker_type(words_[k].mention))
        FillSpeakerEntity(sp, words_[k].mention);
    }
    sp.has_span = true;
    sp.span = WordSpan(a, b - 1);
    if (sp.name.empty()) sp.name = std::string(Text(sp.span));
    Statement st;
    st.speaker = std::move(sp);
    st.cue = words_[w].span;
    st.cue_text = std::string(f);
    st.kind = StatementKind::kDirect;
    st.content = {from, close};
    st.confidence = 0.6;
    st.evidence = EvidenceOf(sents_, {from, st.speaker.span.end});
    st.rule = "punct.dash";
    consumed_[w] = true;
    for (QuoteRegion& qr : quotes_)
      if (qr.outer.Overlaps(st.content)) qr.used = true;
    AddStatement(std::move(st));
  }
}

// A quote whose speech verb stands outside it in the same or the next
// sentence: "'...,' Ford said", "Ford said: '...'", "'...,' said Farley".
void DocState::QuoteStatements() {
  int last_quote_statement = -1;
  for (size_t q = 0; q < quotes_.size(); ++q) {
    QuoteRegion& qr = quotes_[q];
    if (qr.used) continue;
    // The quote's words, its punctuation aside, for the rules below: the
    // first and last, how many, whether each opens with a capital, and
    // whether each does or is a digit or, after the first, an article,
    // preposition or conjunction, as in a title ("Meet the Press").
    const int open = FirstWordFrom(qr.outer.begin);
    const int nw = static_cast<int>(words_.size());
    int qfirst = -1, qlast = -1, qwords = 0;
    bool qcapitals = true, qtitle = true;
    for (int k = open; k < nw && words_[k].span.begin < qr.outer.end; ++k) {
      if (IsPunct(words_[k])) continue;
      if (qfirst < 0) qfirst = k;
      qlast = k;
      ++qwords;
      const unsigned char c = words_[k].form[0];
      qcapitals &= std::isupper(c) != 0;
      // (A title annotated again as one name has "the" a proper noun.)
      qtitle &= std::isupper(c) || std::isdigit(c) ||
                (qwords > 1 &&
                 (words_[k].upos == "DET" || words_[k].upos == "ADP" ||
                  words_[k].upos == "CCONJ" || words_[k].upos == "PROPN"));
    }
    // 'Guy "Master Gee" O'Brien', 'Joaquín "El Chapo" Guzmán': a nickname
    // inside a name, a few capitalised words between a given name and a
    // surname, is part of the name.
    if (const int after = FirstWordFrom(qr.outer.end);
        open > 0 && after < nw &&
        (words_[open - 1].upos == "PROPN" ||
         (words_[open - 1].upos == "NOUN" &&
          std::isupper(
              static_cast<unsigned char>(words_[open - 1].form[0])))) &&
        words_[after].upos == "PROPN" &&
        words_[open - 1].sent == words_[after].sent &&
        words_[open - 1].span.end < qr.outer.begin &&
        qr.outer.end < words_[after].span.begin && qwords >= 1 && qwords <= 4 &&
        qcapitals)
      continue;
    // 'On "Fox News Sunday," Pence said', 'told "Morning Joe" on Friday',
    // 'a broadcast of "Face the Nation"': a programme named after "on",
    // "with", "to", telling or an airing "of" is where the words were
    // said, not what was said: a few capitalised words ('on NBC's "Meet
    // the Press."'), which after "told" end no sentence ('told him "Never."'
    // is an answer).
    auto airing = [&](int k) {
      for (std::string_view l :
           {"broadcast", "edition", "episode", "segment", "airing", "taping"})
        if (words_[k].lemma == l) return true;
      return false;
    };
    // (The network's name may come between: 'told MSNBC's "Morning Joe"'.)
    auto before_programme = [&] {
      int k = open - 1;
      if (k > 0 && words_[k].upos == "PART" && words_[k - 1].upos == "PROPN") {
        --k;
        while (k > 0 && words_[k - 1].upos == "PROPN") --k;
        --k;
      }
      return k;
    };
    if (const int pre = open > 0 ? before_programme() : -1;
        pre >= 0 && open < nw && words_[pre].sent == words_[open].sent &&
        (((EqualsIgnoreCase(words_[pre].form, "on") ||
           EqualsIgnoreCase(words_[pre].form, "with") ||
           EqualsIgnoreCase(words_[pre].form, "to")) &&
          words_[pre].upos == "ADP") ||
         words_[pre].lemma == "tell" ||
         (pre > 0 && EqualsIgnoreCase(words_[pre].form, "of") &&
          airing(pre - 1))) &&
        qwords >= 1 && qwords <= 5 && qtitle) {
      std::string_view in = Text(TrimContent(qr.inner));
      while (!in.empty() && (in.back() == ',' || IsSpace(in.back())))
        in.remove_suffix(1);
      const bool ends = !in.empty() && (in.back() == '.' || in.back() == '!' ||
                                        in.back() == '?');
      if (!ends || words_[pre].lemma != "tell") continue;
    }
    // 'his foundation "Cesar Millan Foundation"', 'the group "Moms for
    // Safe Streets"': a quote that is one name, right after the noun it
    // names, names it. After "as" or naming ('identified as "Conal"', 'a
    // customer named "Rina"', 'dubbed "The Beatles"') so do a few words in
    // capitals, named or not.
    if (open > 0 && open < nw && qfirst >= 0 &&
        words_[open - 1].sent == words_[open].sent) {
      const W& before = words_[open - 1];
      const bool naming = EqualsIgnoreCase(before.form, "as") ||
                          before.lemma == "name" ||
                          before.lemma == "nickname" || before.lemma == "dub";
      const int m = words_[qfirst].mention;
      if (naming && qcapitals && qwords <= 4) continue;
      if ((naming || before.upos == "NOUN" || before.upos == "DET" ||
           before.upos == "ADJ") &&
          m >= 0 && mentions_[m].named && mentions_[m].first == qfirst &&
          mentions_[m].last == qlast + 1)
        continue;
    }
    // 'banned the word "freshman"', 'the slogan "Buy local"': a word or a
    // name in quotation marks is mentioned, not quoted.
    if (open > 0 && open < nw && words_[open - 1].upos == "NOUN") {
      const W& before = words_[open - 1];
      bool naming = false;
      for (std::string_view l : {"word", "term", "name", "phrase", "label",
                                 "slogan", "nickname", "moniker", "hashtag"})
        naming |= before.lemma == l;
      // The title of a work, which may be longer: 'her self-published book
      // "A Choice, Not an Echo"'. (Not an article's or a column's: a
      // headline says what its outlet reports.)
      bool title = false;
      for (std::string_view l :
           {"book", "novel", "memoir", "film", "movie", "documentary", "song",
            "album", "play", "poem", "show", "series", "episode"})
        title |= before.lemma == l;
      // (Unless they are what a verb of saying says: 'uttered the words
      // "tax reform"', 'The phrase "tax reform" was uttered once'.)
      auto said = [&](int k) {
        const int h = words_[k].head;
        int l = 0;
        const SpeechVerb* sv = h >= 0 && (StartsWith(words_[k].deprel, "obj") ||
                                          words_[k].deprel == "nsubj:pass")
                                   ? SpeechVerbAt(h, &l)
                                   : nullptr;
        return sv && sv->pos == PartOfSpeech::kVerb;
      };
      if (naming || title) {
        bool spoken = said(open - 1);
        for (int k = open; k < nw && words_[k].span.end <= qr.outer.end; ++k)
          spoken |= said(k);
        if (qwords <= (title ? 8 : 3) && !spoken) continue;
      }
    }
    // Candidate sentences: the one where the quote closes, then where it
    // opens.
    std::vector<int> cands;
    for (size_t s = 0; s < sents_.size(); ++s) {
      if (sents_[s].span.begin < qr.outer.end &&
          qr.outer.end <= sents_[s].span.end + 1)
        cands.push_back(static_cast<int>(s));
    }
    for (size_t s = 0; s < sents_.size(); ++s) {
      if (sents_[s].span.Contains({qr.outer.begin, qr.outer.begin}) &&
          (cands.empty() || cands[0] != static_cast<int>(s)))
        cands.push_back(static_cast<int>(s));
    }
    // '"... ?" Trump said': the attribution may be cut off as a sentence of
    // its own right after the quote.
    const size_t own_sentences = cands.size();
    for (size_t s = 0; s < sents_.size(); ++s) {
      if (sents_[s].span.begin < qr.outer.end ||
          sents_[s].span.begin > qr.outer.end + 2 ||
          text_.substr(qr.outer.end, sents_[s].span.begin - qr.outer.end)
                  .find('\n') != std::string_view::npos)
        continue;
      if (text_.substr(sents_[s].span.begin, 1) != "\"" &&
          text_.substr(sents_[s].span.begin, 3) != "\xE2\x80\x9C")
        cands.push_back(static_cast<int>(s));
    }
    int verb = -1, length = 0;
    for (size_t c = 0; c < cands.size(); ++c) {
      const int s = cands[c];
      int best_dist = 1 << 30;
      for (int i = sents_[s].first; i < sents_[s].last; ++i) {
        if (InAnyQuote(i) || consumed_[i]) continue;
        int len = 0;
        const SpeechVerb* v = SpeechVerbAt(i, &len);
        if (!v || v->pos == PartOfSpeech::kNoun || words_[i].upos != "VERB")
          continue;
        // A sentence after the quote attributes it only when its verb says
        // nothing of its own ("Trump said on Tuesday."): "The Senate will
        // discuss the matter next week" is news, not the quote's speaker.
        if (c >= own_sentences && HasObject(i)) continue;
        // 'took Harlow "at its word" and warned against "..."': a verb
        // joined by "and" after the quote starts a clause of its own; the
        // quote closes the one before.
        if (i > 0 && words_[i].span.begin >= qr.outer.end &&
            words_[i - 1].upos == "CCONJ" &&
            words_[i - 1].span.begin >= qr.outer.end)
          continue;
        // 'denounced IS as "monsters" Sunday after the Foreign Office said
        // a video ...': a verb after the quote that "after", "because" or
        // the like between them subordinates heads a clause that ends no
        // quote.
        if (words_[i].span.begin >= qr.outer.end) {
          bool subordinate = false;
          for (int k = FirstWordFrom(qr.outer.end); k < i && !subordinate;
               ++k) {
            subordinate =
                words_[k].head == i &&
                (words_[k].deprel == "mark" || words_[k].deprel == "advmod") &&
                AdverbialOpener(words_[k].form);
          }
          if (subordinate) continue;
        }
        int dist = std::min(std::abs(static_cast<int>(words_[i].span.begin) -
                                     static_cast<int>(qr.outer.end)),
                            std::abs(static_cast<int>(words_[i].span.end) -
                                     static_cast<int>(qr.outer.begin)));
        if (dist < best_dist) {
          best_dist = dist;
          verb = i;
          length = len;
        }
      }
      if (verb >= 0) break;
    }
    // "is due to appear on "Valley Nights"", "set up a page to find ...": a
    // verb to come, as an infinitive, rarely frames a quote (on PolNeAR
    // train right ten times in forty-one); "to say" does ("rose to say,
    // "..."").
    if (verb > 0 && words_[verb].lemma != "say" &&
        EqualsIgnoreCase(words_[verb - 1].form, "to") &&
        words_[verb - 1].deprel == "mark" && words_[verb - 1].head == verb)
      continue;
    // "a gang known as the "Weir Rats"", "because they differ on the
    // toll", "in hopes of seeing the mayor": a verb of thinking, seeming,
    // wanting or showing inside another clause frames no quote (on PolNeAR
    // train right nine times in sixty-two); as the sentence's main verb it
    // often does ("Brenn thought the "new toll" was ...").
    if (verb >= 0 && words_[verb].deprel != "root") {
      int l = 0;
      const SpeechVerb* framing = SpeechVerbAt(verb, &l);
      std::string_view lemma = words_[verb].lemma;
      if (framing && (framing->cls == "believe" || framing->cls == "appear" ||
                      framing->cls == "intend" || framing->cls == "disagree" ||
                      lemma == "show" || lemma == "learn" ||
                      lemma == "publish" || lemma == "vote"))
        continue;
    }
    if (verb < 0) {
      // '"A," said X. "B."': a quote with no verb of its own, in the
      // paragraph of the previous quote, goes on with its speaker.
      if (last_quote_statement >= 0) {
        const Statement& prev = statements_[last_quote_statement];
        int ps = -1, qs = -1;
        for (size_t s = 0; s < sents_.size(); ++s) {
          if (sents_[s].span.Overlaps(prev.content)) ps = static_cast<int>(s);
          if (qs < 0 && sents_[s].span.Overlaps(qr.inner))
            qs = static_cast<int>(s);
        }
        // (Only a quote that opens its sentence, after at most a linking
        // word or a few words and a comma ('But "...', 'Instead, "he just
        // acts ..."'), or goes on in the sentence of the last or of its cue
        // ('"A," she said, "B."', '"A." He added, "B."'): not a phrase
        // quoted in the writer's next sentence, 'information about "Bernie
        // Buses"'.)
        bool opens = false;
        if (open < nw) {
          const int first = sents_[words_[open].sent].first;
          int before = 0;
          bool linking = true;  // "But", "And yet", "Still,"
          for (int k = first; k < open; ++k) {
            before += !IsPunct(words_[k]);
            linking &= IsPunct(words_[k]) || words_[k].upos == "CCONJ" ||
                       words_[k].upos == "ADV";
          }
          opens =
              before == 0 || (before <= 2 && linking) ||
              (before <= 3 && open > first &&
               (words_[open - 1].form == "," || words_[open - 1].form == ":"));
        }
        if (ps >= 0 && qs >= 0 &&
            sents_[ps].paragraph == sents_[qs].paragraph &&
            (ps == qs || opens || sents_[qs].span.Contains(prev.cue))) {
          // One statement whose content runs over both quotes (and the
          // attribution between them).
          Statement& st = statements_[last_quote_statement];
          const Span piece = TrimContent(qr.inner);
          if (piece.begin >= st.content.end && !piece.empty()) {
            if (st.content_parts.empty())
              st.content_parts.push_back(st.content);
            st.content_parts.push_back(piece);
          } else if (!st.content_parts.empty()) {
            st.content_parts.back().end =
                std::max(st.content_parts.back().end, piece.end);
          }
          st.content.end = std::max(st.content.end, piece.end);
          for (const Span& e : EvidenceOf(sents_, qr.outer)) {
            if (std::find(st.evidence.begin(), st.evidence.end(), e) ==
                st.evidence.end())
              st.evidence.push_back(e);
          }
          st.kind = StatementKind::kDirect;
          qr.used = true;
        }
      }
      continue;
    }
    std::string_view inner = Text(qr.inner);
    size_t k = 0;
    while (k < inner.size() && IsSpace(inner[k])) ++k;
    bool starts_upper =
        k < inner.size() && std::isupper(static_cast<unsigned char>(inner[k]));
    const SentInfo& vs = sents_[words_[verb].sent];
    bool at_start = qr.outer.begin <= vs.span.begin + 1;
    bool whole = starts_upper || at_start || !vs.span.Contains(qr.outer);
    // A fragment after its verb belongs to the verb's clause:
    // VerbStatements makes it a partial quote whose content is the whole
    // reported clause. One before its verb ('..., "no single point," he
    // said') is a partial quote here.
    bool verb_after = words_[verb].span.begin >= qr.outer.end;
    if (!whole && !verb_after) continue;
    // 'was "simply wrong," and a company spokeswoman, Claire Dunmore, said
    // on Thursday that ...': a fragment followed by "and" ends the clause
    // before it; the verb after opens a clause of its own.
    if (!whole && verb_after) {
      int k = FirstWordFrom(qr.outer.end);
      while (k < verb && IsPunct(words_[k])) ++k;
      if (k < verb && words_[k].upos == "CCONJ") continue;
    }
    int subj = QuoteSafeSubject(verb, SubjectOf(verb));
    if (PassiveSubjectUnsaid(verb, subj)) continue;
    // '"...," Eli Brandt said Thursday morning on ...': a time after the
    // verb that the parser made its subject says when, not who.
    if (subj > verb && WhenWord(subj)) subj = -1;
    // '"...," said Wen Halloway, who chairs ...' with the name made the
    // subject of a later clause: the speaker is the noun phrase right
    // after the verb (or right before it), whatever the parse.
    bool inverted = verb_after && verb > 0 &&
                    words_[verb - 1].span.end <= qr.outer.end + 1 &&
                    !words_[verb].form.ends_with("ing");
    std::pair<int, int> post_noun = {-1, -1};
    if (subj < 0 && inverted) {
      const int sl = vs.last;
      int k = verb + 1;
      while (k < sl && k < verb + 4 && !InAnyQuote(k) &&
             (words_[k].upos == "DET" || words_[k].upos == "NUM" ||
              words_[k].upos == "ADJ"))
        ++k;
      if (k < sl && !InAnyQuote(k) &&
          (words_[k].upos == "PROPN" || words_[k].upos == "NOUN" ||
           words_[k].upos == "PRON")) {
        while (words_[k].head > k && words_[k].head < k + 6 &&
               (words_[words_[k].head].upos == "PROPN" ||
                words_[words_[k].head].upos == "NOUN"))
          k = words_[k].head;
        subj = k;
        // '"...," said one official familiar with the talks': the parser
        // may make the adjective or participle after the noun the verb's
        // complement and hang the noun and its number on it; the speaker
        // is the whole phrase up to a comma.
        const int h = words_[k].head;
        if (h > k && h <= k + 2 && words_[h].head == verb &&
            (words_[h].upos == "ADJ" || words_[h].upos == "VERB") &&
            words_[h].lo > verb) {
          int e = h + 1;
          while (e <= words_[h].hi && e < sl && !InAnyQuote(e) &&
                 words_[e].form != "," && words_[e].form != ".")
            ++e;
          if (e > h + 1) post_noun = {verb + 1, e - 1};
        }
      }
    }
    // '"...," says a source involved in the talks', 'said one aide close
    // to the mayor': an unnamed speaker after its verb is marked with the
    // words after the noun that say who it is.
    if (inverted && subj > verb && subj < verb + 5 && post_noun.first < 0) {
      const int sl = vs.last, k = subj;
      if (k + 1 < sl && !InAnyQuote(k + 1) &&
          ((words_[k + 1].upos == "VERB" &&
            words_[k + 1].form.ends_with("ed")) ||
           words_[k + 1].upos == "ADJ" || words_[k + 1].lemma == "close")) {
        int e = k + 1;
        while (e < sl && e < k + 12 && !InAnyQuote(e) &&
               words_[e].form != "," && words_[e].form != "." &&
               words_[e].form != ";")
          ++e;
        if (e > k + 2) post_noun = {verb + 1, e - 1};
      }
    }
    // '"...," Jim Bennett, 57, told a voter passing by': after a verb of
    // telling comes the hearer, whom the parser may make the subject; the
    // speaker is the name between the quote and the verb.
    int tell_length = 0;
    const SpeechVerb* told = SpeechVerbAt(verb, &tell_length);
    if (subj > verb && verb_after && !inverted && told && told->cls == "tell") {
      int k = FirstWordFrom(qr.outer.end);
      while (k < verb && IsPunct(words_[k])) ++k;
      if (k < verb && words_[k].mention >= 0 &&
          mentions_[words_[k].mention].named &&
          mentions_[words_[k].mention].last <= verb)
        subj = mentions_[words_[k].mention].last - 1;
    }
    // '"...," Eli Brandt, a strategist in Ames, said of the race.': the
    // parser may hang the name after the quote inside the quote's clause,
    // leaving the verb without a subject. A name right after the quote,
    // then the verb or an aside between commas and the verb, is who spoke.
    // (Not a nickname: 'John "Tig" Tiegen found'.)
    int closing = FirstWordFrom(qr.outer.end) - 1;
    while (closing >= 0 && words_[closing].span.end > qr.inner.end) --closing;
    if (subj < 0 && verb_after && !inverted && closing >= 0 &&
        IsPunct(words_[closing])) {
      int k = FirstWordFrom(qr.outer.end);
      while (k < verb && IsPunct(words_[k])) ++k;
      const int m = k < verb ? words_[k].mention : -1;
      if (m >= 0 && mentions_[m].named && mentions_[m].first == k) {
        // (With a generation after the name: "Eli Brandt III, ...".)
        int e = mentions_[m].last;
        while (e < verb && (words_[e].upos == "NUM" ||
                            EqualsIgnoreCase(words_[e].form, "Jr.") ||
                            EqualsIgnoreCase(words_[e].form, "Sr.")))
          ++e;
        if (e == verb || (e < verb - 1 && words_[e].form == "," &&
                          words_[verb - 1].form == ",")) {
          EntityType t = CoarseType(entities_[mentions_[m].entity].e.type);
          if (t == EntityType::kPerson || t == EntityType::kOrg ||
              t == EntityType::kOutlet)
            subj = mentions_[m].last - 1;
        }
      }
    }
    Speaker sp;
    if (subj >= 0) sp = SpeakerFromWord(subj, verb);
    if (!HasSpeaker(sp) && !sp.has_span) continue;
    sp.span = SpeakerPhrase(sp, verb);
    sp.span = WithItsClause(sp, subj, verb);
    if (post_noun.first >= 0 && sp.entity < 0 && sp.entities.empty())
      sp.span = WordSpan(post_noun.first, post_noun.second);
    Statement st;
    st.speaker = std::move(sp);
    st.cue = WordSpan(verb, verb + length - 1);
    st.cue_text = std::string(Text(st.cue));
    st.kind = whole ? StatementKind::kDirect : StatementKind::kPartial;
    st.content = qr.inner;
    st.confidence =
        st.speaker.entity >= 0 || !st.speaker.entities.empty() ? 0.9 : 0.7;
    Span all = qr.outer;
    all.begin = std::min(all.begin, words_[verb].span.begin);
    all.end = std::max(all.end, words_[verb].span.end);
    st.evidence = EvidenceOf(sents_, all);
    st.rule = whole ? "quote.direct" : "quote.partial";
    for (int i = verb; i < verb + length; ++i) consumed_[i] = true;
    qr.used = true;
    last_quote_statement = AddStatement(std::move(st));
  }
}

// A speech verb with its clause: "Xiaomi added that it has ...",
// "suggesting he would welcome ...", "warning against ...".
// The end of an attribution's verb with its circumstances: in "..., the
// ministry said on Monday." or "..., he said in a statement." the words
// after `from` that only say when, where or how the verb was said.
// Whether the speech verb at v (cue word i) closes its sentence as "...,
// X said on Monday.": an active verb whose subject (or the name just before
// it) follows a comma. Not "had been informed of the decision last week".
bool DocState::ClosingAttribution(int v, int i, int subj,
                                  const Speaker& sp) const {
  for (int c : Children(v))
    if (words_[c].deprel == "aux:pass") return false;
  int s = words_[v].sent;
  int lo = i;
  if (subj >= 0 && words_[subj].sent == s) {
    lo = std::min(lo, NounPhrase(subj).first);
  } else if (int m = i > sents_[s].first ? words_[i - 1].mention : -1;
             m >= 0 && sp.entity == mentions_[m].entity) {
    lo = mentions_[m].first;
  } else {
    return false;
  }
  // "..., Slovenia's Ministry of Economy said": the possessor is part of
  // the speaker's phrase.
  if (lo - 2 > sents_[s].first && words_[lo - 1].upos == "PART" &&
      words_[lo - 2].upos == "PROPN") {
    lo -= 2;
    while (lo > sents_[s].first && words_[lo - 1].upos == "PROPN") --lo;
  }
  return lo > sents_[s].first && words_[lo - 1].form == ",";
}

int DocState::AttributionTail(int v, int from) const {
  int tail = from;
  for (bool moved = true; moved;) {
    moved = false;
    for (int c : Children(v)) {
      std::string_view d = words_[c].deprel;
      if (c < tail || words_[c].lo != tail) continue;
      std::string k;
      for (int cc : Children(c))
        if (words_[cc].deprel == "case") k = Lower(words_[cc].form);
      bool when = d == "obl:tmod" || d == "obl:unmarked" || d == "nmod:tmod" ||
                  d == "nmod:unmarked" ||
                  (StartsWith(d, "advmod") && words_[c].lo == words_[c].hi) ||
                  (StartsWith(d, "obl") &&
                   (k == "on" || k == "in" || k == "at" || k == "during" ||
                    k == "after" || k == "before"));
      if (when) {
        tail = words_[c].hi + 1;
        moved = true;
      }
    }
  }
  return tail;
}

// A speech verb said by its active subject about something, without a
// reported clause: "The governor complained about the ruling", "Harlow has
// responded with a lawsuit against ...", "the union called for a strike".
// Attribution corpora count these; not a participle on a noun ("people
// accused of ..."), a passive ("has never been charged"), an infinitive
// ("to appeal") or a verb with nothing after it.
bool DocState::ActiveSpeech(int v, int i, int length, int subj) const {
  // "The mayor proposed a ban, citing fears of pollution": a participle
  // after a comma acts with the subject of the verb it follows.
  const bool participle = subj >= 0 && StartsWith(words_[v].deprel, "advcl") &&
                          words_[v].form.ends_with("ing") && v > 0 &&
                          words_[v - 1].form == "," && words_[v].head >= 0 &&
                          words_[subj].head == words_[v].head &&
                          words_[subj].head < v;
  // "Weston went after the plan and called for her to quit": a second
  // verb joined by "and" acts with the subject of the first.
  const bool conjunct = subj >= 0 && length > 1 && words_[v].deprel == "conj" &&
                        words_[v].head >= 0 &&
                        words_[subj].head == words_[v].head &&
                        words_[subj].head < v;
  // "Lawmakers called on the government to block the visit", parsed as
  // lawmakers who were called on: a verb in the past hung on the noun
  // that opens the clause, with no auxiliary and only that noun or its
  // apposition before it, is that noun's act ("Some accused the mayor of
  // ...", "Fallon, a spokesman for the mayor, called for ..."), and so is
  // such a noun in apposition to the root ("In July, the union called
  // for ...", parsed with "July" as the root).
  bool reduced = false;
  if (subj >= 0 && words_[v].deprel == "acl" && words_[v].head == subj &&
      subj < v && words_[v].form.ends_with("ed") &&
      (words_[subj].deprel == "root" ||
       StartsWith(words_[subj].deprel, "nsubj") ||
       (words_[subj].deprel == "appos" && words_[subj].head >= 0 &&
        (words_[words_[subj].head].deprel == "root" ||
         StartsWith(words_[words_[subj].head].deprel, "nsubj")))) &&
      (words_[subj].upos == "NOUN" || words_[subj].upos == "PROPN" ||
       words_[subj].upos == "PRON" || words_[subj].upos == "DET")) {
    reduced = true;
    bool object = length > 1;
    for (int c : Children(v)) {
      std::string_view d = words_[c].deprel;
      if (StartsWith(d, "aux") || StartsWith(d, "xcomp") || d == "mark" ||
          StartsWith(d, "nsubj"))
        reduced = false;
      if (d == "obj" && c > v) object = true;
    }
    reduced = reduced && object;
    for (int k = subj + 1; k < v && reduced; ++k) {
      if (IsPunct(words_[k])) continue;
      // (Words of the noun's own phrase, with no clause of their own:
      // "advocates in the community called for ...".)
      int a = k;
      bool clause_word = false;
      while (a >= 0 && a != subj && a != v) {
        clause_word |= words_[a].upos == "VERB" || words_[a].upos == "AUX";
        a = words_[a].head;
      }
      reduced = a == subj && !clause_word;
    }
  }
  // (Such a verb's complements are read below like any act's.)
  if (!reduced && (subj < 0 || words_[subj].deprel != "nsubj" ||
                   (words_[subj].head != v && !participle && !conjunct)))
    return false;
  if (!reduced &&
      (words_[v].deprel == "acl" || StartsWith(words_[v].deprel, "amod")))
    return false;
  // "The rapid denial underscores ...": an answer as the subject is
  // commentary on it, not a source acting.
  int n = 0;
  if (const SpeechVerb* noun = SpeechVerbAt(subj, &n);
      noun && noun->pos == PartOfSpeech::kNoun &&
      (noun->stance == StanceHint::kDeny ||
       noun->stance == StanceHint::kConfirm ||
       noun->stance == StanceHint::kNoComment))
    return false;
  // What it is about follows the verb's circumstances: "reported on
  // Monday, citing ..., that ..." has lost its clause, not said nothing.
  int tail = AttributionTail(v, i + length);
  if (tail < sents_[words_[v].sent].last && words_[tail].form == ",")
    return false;
  bool complement = length > 1;
  for (int c : Children(v)) {
    std::string_view d = words_[c].deprel;
    if (d == "aux:pass" || d == "expl") return false;
    if (d == "mark" && EqualsIgnoreCase(words_[c].form, "to")) return false;
    if (c >= tail && (d == "obj" || StartsWith(d, "obl") ||
                      StartsWith(d, "xcomp") || StartsWith(d, "ccomp")))
      complement = true;
  }
  return complement;
}

void DocState::VerbStatements() {
  // "The plan's costs are worrying, Ortt said.": a name the tagger took for
  // an adjective ("Brown") after a comma, then a speech verb that ends the
  // sentence, is a reporting clause; the verb before it is no cue of its
  // own to swallow it.
  for (size_t s = 0; s < sents_.size(); ++s) {
    const int first = sents_[s].first;
    int end = sents_[s].last;
    while (end > first && IsPunct(words_[end - 1])) --end;
    // (", Ortt said Monday.")
    if (end - 1 > first && DayWord(words_[end - 1].form)) --end;
    const int v = end - 1;
    if (v < first + 4 || consumed_[v] || InAnyQuote(v)) continue;
    int length = 0;
    const SpeechVerb* sv = SpeechVerbAt(v, &length);
    if (!sv || sv->pos != PartOfSpeech::kVerb || length != 1 ||
        words_[v].upos != "VERB")
      continue;
    int n = v - 1;
    // (Or a person's name the parser joined to a list before the comma:
    // "attacking Ada Ross, Tom Hale said Monday.")
    const int m = words_[n].mention;
    const bool listed = m >= 0 && mentions_[m].named &&
                        mentions_[m].last == v &&
                        mentions_[m].first > first + 2 &&
                        words_[mentions_[m].first - 1].form == "," &&
                        CoarseType(entities_[mentions_[m].entity].e.type) ==
                            EntityType::kPerson &&
                        words_[mentions_[m].first].deprel == "list";
    if (listed) n = mentions_[m].first;
    if ((!listed && (words_[n].upos != "ADJ" || words_[n].deprel != "nsubj" ||
                     words_[n].head != v)) ||
        words_[n - 1].form != "," || InAnyQuote(n) ||
        !std::isupper(static_cast<unsigned char>(words_[n].form[0])))
      continue;
    Statement st;
    st.speaker.has_span = true;
    st.speaker.span = WordSpan(n, v - 1);
    st.speaker.name = std::string(Text(st.speaker.span));
    if (listed) FillSpeakerEntity(st.speaker, m);
    if (const int e = PersonCalled(words_[n].form); e >= 0) {
      st.speaker.entity = e;
      st.speaker.name = entities_[e].e.name;
    }
    st.cue = WordSpan(v, v);
    st.cue_text = std::string(Text(st.cue));
    st.kind = StatementKind::kIndirect;
    st.content = WordSpan(first, n - 2);
    st.confidence = 0.6;
    st.evidence = EvidenceOf(sents_, sents_[s].span);
    st.rule = "verb.clause";
    consumed_[v] = true;
    for (int k = first; k < n - 1; ++k) consumed_[k] = true;
    AddStatement(std::move(st));
  }
  for (size_t s = 0; s < sents_.size(); ++s) {
    for (int i = sents_[s].first; i < sents_[s].last; ++i) {
      if (consumed_[i] || InAnyQuote(i)) continue;
      int length = 0;
      const SpeechVerb* sv = SpeechVerbAt(i, &length);
      // A participle the tagger took for a noun ("lawmakers, warning
      // against ...") is still a verb.
      bool participle = words_[i].form.ends_with("ing");
      if (!sv || (sv->pos == PartOfSpeech::kNoun && !participle)) continue;
      // "according to state records": a word the tagger read as a verb
      // after "according to" opens the source, no statement of its own.
      if (i >= 2 && EqualsIgnoreCase(words_[i - 1].form, "to") &&
          EqualsIgnoreCase(words_[i - 2].form, "according"))
        continue;
      // "Harlow Motors said to be in venture talks", "Quillon said to weigh
      // bid", "Quillon, reported to have held talks, declined to comment":
      // the passive of a headline or a reduced relative. Whoever said it is
      // not named. (With its auxiliary, "is said to have", it stays an
      // attribution without a source, as attribution corpora count it.)
      int before_said = i - 1;
      while (before_said >= sents_[s].first &&
             words_[before_said].upos == "ADV")
        --before_said;
      if (i + 2 < sents_[s].last && length == 1 &&
          (before_said < sents_[s].first ||
           words_[before_said].upos != "AUX") &&
          (EqualsIgnoreCase(words_[i].form, "said") ||
           EqualsIgnoreCase(words_[i].form, "reported") ||
           EqualsIgnoreCase(words_[i].form, "rumored") ||
           EqualsIgnoreCase(words_[i].form, "rumoured")) &&
          EqualsIgnoreCase(words_[i + 1].form, "to") &&
          (EqualsIgnoreCase(words_[i + 2].form, "be") ||
           EqualsIgnoreCase(words_[i + 2].form, "have") ||
           (words_[i + 2].upos == "VERB" &&
            words_[i + 2].form == words_[i + 2].lemma)))
        continue;
      // "That said, the mill may still close": a connective, not speech.
      if (i > sents_[s].first && i + 1 < sents_[s].last &&
          EqualsIgnoreCase(words_[i].form, "said") &&
          EqualsIgnoreCase(words_[i - 1].form, "that") &&
          (i - 1 == sents_[s].first || words_[i - 2].upos == "PUNCT") &&
          words_[i + 1].form == ",")
        continue;
      // "A new survey shows that ...": a verb in -s the tagger took for a
      // plural noun, between a noun phrase and "that". The parse around it
      // is no help, so the speaker is the noun phrase before it and the
      // content what follows "that".
      // (So is one the parser hung on a verb before it as its object:
      // "The poll released Friday shows that ...". A noun the tagger took
      // for an adjective after a determiner still ends the phrase:
      // "Another slide shows that ...".)
      const int first = sents_[s].first, last = sents_[s].last;
      const bool noun_like =
          words_[i].upos == "NOUN" ||
          (words_[i].upos == "VERB" &&
           (words_[i].deprel == "obj" || words_[i].deprel == "obl" ||
            words_[i].deprel == "nmod" || words_[i].deprel == "compound"));
      if (noun_like && sv->pos == PartOfSpeech::kVerb && sv->that_clause &&
          length == 1 && words_[i].form.ends_with("s") && i > first &&
          i + 2 < last && EqualsIgnoreCase(words_[i + 1].form, "that") &&
          (words_[i - 1].upos == "NOUN" || words_[i - 1].upos == "PROPN" ||
           (words_[i - 1].upos == "ADJ" && i - 2 >= first &&
            words_[i - 2].upos == "DET" &&
            !EqualsIgnoreCase(words_[i - 1].form, "many") &&
            !EqualsIgnoreCase(words_[i - 1].form, "few") &&
            !EqualsIgnoreCase(words_[i - 1].form, "other"))) &&
          !InAnyQuote(i - 1)) {
        int lo = i - 1;
        auto released = [&](int k) {
          // ("released Friday", "published last month")
          return words_[k].upos == "VERB" && words_[k].form.ends_with("ed") &&
                 k + 1 < i &&
                 (WhenWord(k + 1) ||
                  (k + 2 < i && TimeNoun(words_[k + 2].lemma)));
        };
        while (lo > first && lo > i - 10 && !InAnyQuote(lo - 1) &&
               (words_[lo - 1].upos == "NOUN" ||
                words_[lo - 1].upos == "PROPN" ||
                words_[lo - 1].upos == "ADJ" || words_[lo - 1].upos == "NUM" ||
                words_[lo - 1].upos == "DET" || words_[lo - 1].upos == "PART" ||
                (words_[lo - 1].form == "/" && lo - 1 > first) ||
                released(lo - 1)))
          --lo;
        int to = last - 1;
        while (to > i + 2 && IsPunct(words_[to]) && words_[to].quote < 0) --to;
        Statement st;
        int head = i - 1;
        for (int k = lo; k < i - 1; ++k)
          if (released(k) && k > lo) head = k - 1;
        st.speaker = SpeakerFromRange(lo, i - 1, head);
        st.cue = WordSpan(i, i);
        st.cue_text = std::string(Text(st.cue));
        st.kind = StatementKind::kIndirect;
        st.content = WordSpan(i + 2, to);
        for (QuoteRegion& qr : quotes_) {
          if (st.content.Contains(qr.inner) || st.content.Overlaps(qr.outer)) {
            st.kind = StatementKind::kPartial;
            qr.used = true;
          }
        }
        st.confidence = 0.6;
        st.evidence = EvidenceOf(sents_, sents_[s].span);
        st.rule = "verb.clause";
        consumed_[i] = true;
        AddStatement(std::move(st));
        continue;
      }
      // "Nearly a third say they ...": "say" taken for a noun, though no
      // determiner or possessor makes it one ("have a say") and a clause's
      // subject follows.
      // So is any verb of speech in -s the tagger took for a plural noun
      // right after "he", "she" or a name ("he points out", "Varga hints"):
      // no noun follows a subject pronoun, and a name before a plural noun
      // is mostly a title case headline word, which is capitalised.
      const bool say_noun =
          (words_[i].upos == "NOUN" &&
           (EqualsIgnoreCase(words_[i].form, "say") ||
            EqualsIgnoreCase(words_[i].form, "says")) &&
           i > first && i + 1 < last && words_[i - 1].upos != "DET" &&
           words_[i - 1].upos != "PRON" && words_[i - 1].upos != "ADP" &&
           (words_[i + 1].upos == "PRON" ||
            EqualsIgnoreCase(words_[i + 1].form, "that"))) ||
          (words_[i].upos == "NOUN" && sv->pos == PartOfSpeech::kVerb &&
           words_[i].form.ends_with("s") && i > first &&
           std::islower(static_cast<unsigned char>(words_[i].form[0])) &&
           (EqualsIgnoreCase(words_[i - 1].form, "he") ||
            EqualsIgnoreCase(words_[i - 1].form, "she") ||
            (words_[i - 1].upos == "PROPN" && words_[i - 1].mention >= 0)));
      if (words_[i].upos != "VERB" && sv->pos != PartOfSpeech::kPhrase &&
          !say_noun &&
          !(words_[i].upos == "NOUN" && words_[i].form.ends_with("ing") &&
            words_[i].deprel != "obj" &&
            !StartsWith(words_[i].deprel, "nsubj") && !Determined(i)))
        continue;
      // "citing four anonymous sources": a participle of a sourcing cue whose
      // object is a source is read by SourcingStatements too, which makes
      // the source speak through the citer; the citing itself is the
      // citer's statement, the one attribution corpora mark ("the Courier
      // reported, citing a senior aide").
      bool cites_source = false;
      if (auto src = LongestAt(i, LexiconKind::kSourcing);
          src && lex_.sourcing()[src->entry].kind == SourcingKind::kCue &&
          words_[i].form.ends_with("ing")) {
        // What follows up to the next comma is the cited source, whatever
        // the parser made of it.
        int a = i + src->length, b = a;
        while (b < sents_[s].last && words_[b].form != "," && b - a < 14) ++b;
        bool object_is_source = b > a && AnalyzeSource(a, b - 1).is_source;
        for (int k = a; k < b; ++k) {
          object_is_source |=
              words_[k].mention >= 0 && mentions_[words_[k].mention].named;
        }
        cites_source = object_is_source;
      }
      // The verb of the phrase is its head word inside the phrase.
      int v = i;
      for (int k = i; k < i + length; ++k) {
        if (words_[k].upos == "VERB") {
          v = k;
          break;
        }
      }
      // "found himself in trouble", "found a way to", "helped found the
      // group": finding oneself somewhere, finding a way and founding are
      // no findings.
      if (words_[v].lemma == "find" || words_[v].lemma == "found") {
        bool other =
            v > first && (words_[v - 1].lemma == "help" ||
                          (words_[v - 1].form == "to" && v - 1 > first &&
                           words_[v - 2].lemma == "help"));
        for (int c : Children(v)) {
          if (c < v || words_[c].deprel != "obj") continue;
          std::string_view o = words_[c].form;
          other |= (words_[c].upos == "PRON" &&
                    (o.ends_with("self") || o.ends_with("selves"))) ||
                   words_[c].lemma == "way";
        }
        if (other) continue;
      }
      // "asked whether she thought ...", "if he said ...": a verb in an
      // indirect question or a condition says nothing yet.
      {
        bool open_question = false;
        for (int c : Children(v)) {
          open_question |= words_[c].deprel == "mark" && c < v &&
                           EqualsIgnoreCase(words_[c].form, "whether");
        }
        if (open_question) continue;
      }
      // "A news report published Wednesday said ...", parsed with
      // "published" the main verb and the day the subject of "said": the
      // participle only says which report, and the noun before it is who
      // said.
      auto day_between = [&](int a) {
        return a >= first && a + 2 < last && words_[a].upos == "VERB" &&
               words_[a].form.ends_with("ed") && DayWord(words_[a + 1].form) &&
               words_[a + 2].upos == "VERB" && !InAnyQuote(a + 2);
      };
      if (day_between(v)) {
        int l = 0;
        if (SpeechVerbAt(v + 2, &l)) continue;
      }
      int subj = QuoteSafeSubject(v, SubjectOf(v));
      // ("after denied China venture report": no one to look for.)
      if (subj < 0 && StartsWith(words_[v].deprel, "advcl") &&
          HeadlineParticiple(v))
        continue;
      if (v - 2 >= first && subj == v - 1 && day_between(v - 2)) {
        for (int c : Children(v - 2))
          if (words_[c].deprel == "nsubj" && c < v - 2) subj = c;
      }
      // "Conway rejected the idea that the changes amounted to a shake-up
      // and said ...": a verb right after "and" has no subject of its own
      // between them, so it shares its partner's; the parser's subject
      // inside the partner's clause is a misreading.
      if (v - 1 > first && words_[v - 1].upos == "CCONJ" &&
          EqualsIgnoreCase(words_[v - 1].form, "and")) {
        int partner = -1;
        if (words_[v].deprel == "conj" && words_[v].head >= first &&
            words_[v].head < v)
          partner = words_[v].head;
        for (int c : Children(v))
          if (partner < 0 && c < v && words_[c].upos == "VERB" &&
              (words_[c].deprel == "conj" || words_[c].deprel == "ccomp"))
            partner = c;
        if (partner >= 0 && words_[partner].upos == "VERB" &&
            (subj < 0 || subj > partner)) {
          int s2 = -1;
          for (int c : Children(partner))
            if (c < partner && StartsWith(words_[c].deprel, "nsubj")) s2 = c;
          if (s2 >= 0) subj = s2;
        }
      }
      // "... to acquire Brannock Software, the Corliss Ledger reported": a
      // name in apposition just before the verb, after a comma, is the
      // subject the parser joined to the object before it.
      if (subj >= 0 && subj < v) {
        for (int c : Children(subj)) {
          int lo = words_[c].lo;
          if (lo < c && words_[lo].form == ",") ++lo;
          if (words_[c].deprel != "appos" || words_[c].hi != v - 1 || lo < 1 ||
              words_[lo - 1].form != ",")
            continue;
          bool named = false;
          for (int k = words_[c].lo; k <= words_[c].hi; ++k)
            named |= words_[k].mention >= 0;
          if (named) subj = c;
        }
      }
      // The same when the parser gave the name no role, or made the verb's
      // subject a word further left: a name between a comma and the verb
      // ("..., the Corliss Ledger reported on Thursday") is who reports.
      if (subj < v && v > first + 2) {
        int m = words_[v - 1].mention;
        if (m >= 0 && mentions_[m].named && mentions_[m].last == v &&
            subj < mentions_[m].first) {
          int f = mentions_[m].first;
          if (f > first && words_[f - 1].upos == "DET") --f;
          if (f > first && words_[f - 1].form == ",") subj = v - 1;
        }
      }
      // And a noun phrase between a comma and a verb that ends the sentence
      // is who speaks, wherever the parser put the verb's subject (in ",
      // two people familiar with the matter said" it made "the matter" the
      // subject: a subject takes no preposition). What it says ends at the
      // comma.
      int closing_lo = -1;
      bool prepositional = false;
      if (subj >= 0) {
        for (int c : Children(subj)) {
          prepositional |=
              words_[c].deprel == "case" && words_[c].upos == "ADP";
        }
      }
      // (Nor is a common noun after a preposition that follows the
      // phrase's head, whatever the parser made of "with": "people familiar
      // with the plans said last week". A name's own words stay, though
      // the tagger calls them nouns: "the Syrian Observatory for Human
      // Rights said".)
      auto after_preposition = [&](int head) {
        for (int k = head + 1; k < subj; ++k)
          if (words_[k].upos == "ADP") return true;
        return false;
      };
      if (int lo = 0, head = ClosingPhrase(v, &lo); head >= 0) {
        const bool same_name = subj >= lo && subj < v &&
                               words_[subj].mention >= 0 &&
                               words_[subj].mention == words_[head].mention;
        if (!same_name &&
            (subj < lo || subj >= v || prepositional ||
             (subj > head && words_[subj].upos == "NOUN" &&
              std::islower(static_cast<unsigned char>(words_[subj].form[0])) &&
              after_preposition(head))))
          subj = head;
        closing_lo = lo;
      }
      // "384 pledged delegates": a number before and a noun after make the
      // verb a participle in a noun phrase, whatever the parser says.
      if (subj >= 0 && subj == v - 1 && words_[subj].upos == "NUM" &&
          v + 1 < last &&
          (words_[v + 1].upos == "NOUN" || words_[v + 1].upos == "PROPN") &&
          words_[v + 1].head == v && words_[v + 1].deprel == "obj")
        continue;
      // "The rejection signals the end, said Geert Wilders, founder of
      // ...": a verb of saying after a comma, with a noun phrase after it
      // that ends at a comma or the sentence's end, is said by that noun
      // phrase, whatever subject the parser gave it before the comma.
      // (So with other verbs of saying and a name after them: "..., noted
      // the Courier's Ada Rell.", not "..., denied the report.")
      const bool saying =
          words_[v].lemma == "say" ||
          (sv->pos == PartOfSpeech::kVerb && sv->that_clause &&
           sv->cls != "believe" && sv->cls != "intend" && sv->cls != "appear" &&
           sv->cls != "tell" && sv->cls != "ask");
      // (A name the recogniser may not have typed: "Dante Chinnery" as
      // MISC; not a place or a day.)
      auto named_at = [&](int k) {
        const int m = words_[k].mention;
        if (words_[k].upos != "PROPN" || m < 0 || !mentions_[m].named)
          return false;
        const EntityType t = CoarseType(entities_[mentions_[m].entity].e.type);
        return t != EntityType::kPlace && !DayWord(words_[k].form);
      };
      if (v == i && length == 1 && saying && subj >= 0 && subj < i &&
          i > first + 1 && i + 1 < last) {
        int comma = i - 1;
        if (IsClosingQuoteMark(words_[comma].form)) --comma;
        int r = i + 1, head = -1;
        while (r < last && !InAnyQuote(r) &&
               (words_[r].upos == "DET" || words_[r].upos == "ADJ" ||
                words_[r].upos == "NOUN" || words_[r].upos == "PROPN" ||
                words_[r].upos == "NUM" || words_[r].upos == "CCONJ" ||
                words_[r].upos == "PART")) {
          if (words_[r].upos == "NOUN" || words_[r].upos == "PROPN") head = r;
          ++r;
        }
        if (comma > first && words_[comma].form == "," && head >= 0 &&
            r < last && (words_[r].form == "," || words_[r].form == ".") &&
            !InAnyQuote(comma) && words_[subj].sent == words_[i].sent &&
            (words_[v].lemma == "say" || named_at(head)))
          subj = head;
      }
      // "Trump hailed the vote as "fantastic," telling reporters ...": a
      // participle after a comma speaks with the subject of the sentence's
      // main verb before it, wherever the parser hung it (on the object, an
      // apposition, an adjective).
      if (v == i && words_[v].form.ends_with("ing")) {
        int comma = i - 1;
        if (comma > first && IsClosingQuoteMark(words_[comma].form)) --comma;
        int root = -1;
        for (int k = first; k < last && root < 0; ++k)
          if (words_[k].head < 0) root = k;
        // Not after ", with some lawmakers ...": that participle has its own
        // subject, whatever it was parsed as.
        bool absolute = false;
        for (int k = root + 1; root >= 0 && k < comma; ++k) {
          absolute |= EqualsIgnoreCase(words_[k].form, "with") &&
                      words_[k - 1].form == ",";
        }
        if (comma > first && words_[comma].form == "," && root >= 0 &&
            root < comma && !absolute) {
          // Of the main clauses before the comma (the root and the verbs
          // joined to it by "and" or "but"), the nearest one with a subject
          // speaks: "the mayor defended the levy, but Moravec pressed him,
          // asking Crale to ..." is Moravec asking, not the mayor.
          auto joined = [&](int c) {
            for (int cc : Children(c))
              if (words_[cc].deprel == "cc" && cc < c) return true;
            return false;
          };
          std::vector<int> mains = {root};
          for (size_t m = 0; m < mains.size(); ++m)
            for (int c : Children(mains[m]))
              if (words_[c].deprel == "conj" && c < comma &&
                  words_[c].upos == "VERB" && joined(c))
                mains.push_back(c);
          std::sort(mains.begin(), mains.end());
          for (auto it = mains.rbegin(); it != mains.rend(); ++it) {
            int found = -1;
            for (int c : Children(*it))
              if (words_[c].deprel == "nsubj" && c < *it && !InAnyQuote(c))
                found = c;
            if (found >= 0) {
              subj = found;
              break;
            }
          }
        }
      }
      // "He said the attacks have given his campaign momentum and said
      // that ...": the parser may join the second verb to a verb inside
      // the first one's clause, whose subject it then takes. A verb of
      // speech after "and" with no subject of its own repeats the earlier
      // one of the same lemma, and shares its subject.
      if (v == i && i - 1 > first &&
          EqualsIgnoreCase(words_[i - 1].form, "and")) {
        const bool own = HasSubject(v);
        // (Or the sentence's own verb of speech, when the second verb is
        // joined to its reported clause: "told the AP her group never
        // worked with him and said ...". Not a clause after a comma, "At
        // the moment Sanders announced his candidacy, Mook was holding a
        // meeting and told aides", nor a relative clause, "told Annette,
        // who answered her door and said".)
        auto speaks_for = [&](int j) {
          int n = 0;
          if (words_[j].deprel != "root" || !SpeechVerbAt(j, &n)) return false;
          for (int h = v; h != j; h = words_[h].head) {
            const std::string_view d = words_[h].deprel;
            if (words_[h].head < j ||
                !(StartsWith(d, "ccomp") || StartsWith(d, "xcomp") ||
                  StartsWith(d, "conj")))
              return false;
          }
          for (int k = j + 1; k < v; ++k)
            if (words_[k].form == "," && !InAnyQuote(k)) return false;
          return true;
        };
        for (int j = i - 2; j >= first && !own; --j) {
          if (InAnyQuote(j) || words_[j].upos != "VERB" ||
              (words_[j].lemma != words_[v].lemma && !speaks_for(j)))
            continue;
          for (int c : Children(j)) {
            if (words_[c].deprel == "nsubj" && c < j && !InAnyQuote(c))
              subj = c;
          }
          break;
        }
      }
      // "Florida delegate John Archer, wearing a T-shirt covered in Sanders
      // buttons, said ...": a name opening the sentence, then an aside
      // between commas up to the verb. The name speaks, whichever word of
      // the aside (or after the verb) the parser made the subject.
      if (v == i && i - 1 > first && words_[i - 1].form == "," &&
          words_[first].upos != "ADP" && words_[first].upos != "SCONJ" &&
          words_[first].upos != "ADV") {
        int c0 = first;
        bool clean = true;
        while (c0 < i - 1 && words_[c0].form != ",") {
          clean &= words_[c0].upos != "VERB" && words_[c0].upos != "AUX" &&
                   !InAnyQuote(c0);
          ++c0;
        }
        const int m = c0 > first ? words_[c0 - 1].mention : -1;
        // (A relative pronoun opening the aside is read by
        // SpeakersBeforeRelativeClauses, with its clause.)
        const bool relative = subj == c0 + 1 && words_[subj].upos == "PRON";
        if (clean && c0 < i - 1 && (subj < first || subj >= c0) && !relative &&
            m >= 0 && mentions_[m].named && mentions_[m].last == c0) {
          EntityType t = CoarseType(entities_[mentions_[m].entity].e.type);
          if (t == EntityType::kPerson || t == EntityType::kOrg) subj = c0 - 1;
        }
      }
      // "..., Edda Lind, a Harlow Motors spokeswoman, said on Tuesday.": a
      // person's name with a title in apposition just before the verb. The
      // parser may make the title the subject, or hang the name on a noun
      // of what was said; the person speaks.
      if (v == i && i - 2 > first && words_[i - 1].form == "," &&
          (subj < 0 || (subj < i && words_[subj].mention < 0))) {
        int j = i - 2;
        bool clean = true, titled = false;
        for (; j > first && words_[j].form != ","; --j) {
          clean &= words_[j].upos != "VERB" && words_[j].upos != "AUX" &&
                   !InAnyQuote(j);
          titled |= LongestAt(j, LexiconKind::kRole).has_value();
        }
        const int m = j > first ? words_[j - 1].mention : -1;
        if (clean && titled && words_[j].form == "," &&
            (subj < 0 || subj > j) && m >= 0 && mentions_[m].named &&
            mentions_[m].last == j &&
            entities_[mentions_[m].entity].e.type == EntityType::kPerson) {
          const int lead = mentions_[m].first - 1;
          // (Not after an opening adverb alone: in "However, Jill Martin,
          // vice president for the company, said in a statement that ..."
          // the parser's subject is the one that reads the clause.)
          bool opener_only = lead >= first;
          for (int k = first; k < lead && opener_only; ++k)
            opener_only = words_[k].upos == "ADV" || IsPunct(words_[k]) ||
                          words_[k].upos == "CCONJ";
          if (!opener_only && (lead < first || words_[lead].form == "," ||
                               IsClosingQuoteMark(words_[lead].form))) {
            // (The name's own head: "John" of "John Wildhack", so that the
            // speaker's phrase is the whole name.)
            subj = j - 1;
            for (int k = mentions_[m].first; k < j; ++k) {
              const int h = words_[k].head;
              if (h < mentions_[m].first || h >= j) {
                subj = k;
                break;
              }
            }
          }
        }
      }
      // "waited to see if ...", "hard to know what ...", "to find out
      // whether ...": finding out is yet to come, nothing found is reported
      // (on PolNeAR train right six times in thirty-seven).
      if (std::string_view l = words_[v].lemma;
          v == i && (l == "see" || l == "know" || l == "find" || l == "show" ||
                     l == "understand" || l == "learn")) {
        bool infinitive = false;
        for (int c : Children(v))
          infinitive |= words_[c].deprel == "mark" && c == v - 1 &&
                        EqualsIgnoreCase(words_[c].form, "to");
        if (infinitive) continue;
      }
      // "a customer identified as "Conal"", "a customer named Conal", "the
      // man, identified as Tom Reyes,", "was dubbed "the Baker"": a name
      // given, not words said. So is identifying as something ("identifies
      // as Hispanic"); not "police identified the victim as ...", with its
      // object, nor a relative clause whose object is its pronoun ("which
      // experts identified as Predators").
      if (v == i && length == 1) {
        const std::string& l = words_[v].lemma;
        // (Right after its noun: "Biden, echoing Erdogan, called on" with
        // "called" hung on "echoing" is no name given.)
        const bool participle =
            v > 0 && words_[v].deprel == "acl" && words_[v].head == v - 1 &&
            (words_[v - 1].upos == "NOUN" || words_[v - 1].upos == "PROPN") &&
            EndsWith(Lower(words_[v].form), "ed");
        bool as = false, object = false, passive = false, by = false;
        for (int c : Children(v)) {
          object |= StartsWith(words_[c].deprel, "obj");
          passive |= words_[c].deprel == "aux:pass";
          by |= words_[c].deprel == "obl:agent";
          as |= CaseOf(c) == "as";
        }
        // (Who gave it, when the passive says so, said it: "was called a
        // charlatan by fellow physicians".)
        if ((l == "name" || l == "call" || l == "dub" || l == "nickname") &&
            (participle || passive) && !object && !by && !TakesTwoPhrases(v))
          continue;
        if (l == "identify" && as && !object && words_[v].deprel != "acl:relcl")
          continue;
      }
      // "refused to say in an interview that Sanders was ready": what one
      // refuses to say is not said; the refusal is the statement.
      if (const int h = words_[v].head;
          v == i && h >= 0 && words_[v].deprel == "xcomp") {
        int hl = 0;
        const SpeechVerb* refusal = SpeechVerbAt(h, &hl);
        if (refusal && refusal->stance == StanceHint::kNoComment) continue;
      }
      // "Do you support Harlan Voss? Like the page": a question put to the
      // reader says nothing yet (on PolNeAR train right two times in
      // thirteen; not "How do you know ...", which attribution corpora
      // often mark in an interview).
      if (subj >= 0 && subj > first &&
          EqualsIgnoreCase(words_[subj].form, "you")) {
        bool asked = false;
        for (int c : Children(v))
          asked |= words_[c].deprel == "aux" && c < subj && c == first &&
                   words_[c].lemma == "do";
        if (asked) continue;
      }
      // "People briefed on the situation say ...", with "briefed" read as
      // the main verb: the participle describes the speakers of the verb
      // hung on it and says nothing itself.
      bool describes = false;
      for (int c : Children(v)) describes |= c > v && DescribedSubject(c) >= 0;
      if (describes) continue;
      const bool unsaid = PassiveSubjectUnsaid(v, subj);
      Speaker sp;
      if (subj >= 0) sp = SpeakerFromWord(subj, i);
      // "An Australian man rather understandably says ...", with an adverb
      // the parser made the subject: who speaks is the noun phrase before
      // the adverbs.
      if (subj > first && subj < v && words_[subj].upos == "ADV") {
        int k = subj;
        while (k > first && words_[k].upos == "ADV") --k;
        int lo = k;
        while (lo > first &&
               (words_[lo - 1].upos == "DET" || words_[lo - 1].upos == "ADJ" ||
                words_[lo - 1].upos == "NOUN" ||
                words_[lo - 1].upos == "PROPN" || words_[lo - 1].upos == "NUM"))
          --lo;
        if ((words_[k].upos == "NOUN" || words_[k].upos == "PROPN") &&
            (lo == first || words_[lo - 1].form == ",") && !InAnyQuote(k)) {
          subj = k;
          sp = SpeakerFromRange(lo, k, k);
        }
      }
      // "The ministry, which holds a 30% stake in ..., said ...": a
      // relative clause between subject and verb often leaves the verb
      // without a subject in the parse; the sentence's opening name is it.
      if (subj < 0 && i > sents_[s].first && words_[i - 1].form == ",") {
        int m = words_[sents_[s].first].mention;
        if (m >= 0) {
          int e = mentions_[m].last;
          if (e + 1 < i && words_[e].form == "," &&
              (EqualsIgnoreCase(words_[e + 1].form, "which") ||
               EqualsIgnoreCase(words_[e + 1].form, "who")))
            FillSpeakerEntity(sp, m);
        }
      }
      // "Rumours that the singer had bought it were revealed to be false":
      // a passive verb of revealing with no agent has no speaker to find.
      if (subj < 0 && PassiveOfRevealing(v)) continue;
      // "A mere 9 percent say ...", "those surveyed say ...": a share of
      // a poll just before the verb, which the parser made a circumstance
      // or a determiner of the verb instead of its subject.
      // (So too when the parser took a subject from before a semicolon or
      // a colon: "...; most said they were worried", ": 42% say they're
      // liberal". Not a verb hung on a noun, which has no subject of its
      // own: "...; fares raised by a tenth".)
      bool across_break = false;
      for (int k = subj + 1; subj >= 0 && subj < i && k < i &&
                             !StartsWith(words_[v].deprel, "acl");
           ++k)
        across_break |= words_[k].form == ";" || words_[k].form == ":" ||
                        words_[k].form == ",";
      if (((subj < 0 && !HasSpeaker(sp)) || across_break) && v == i &&
          i > first) {
        bool infinitive = false;
        for (int c : Children(v)) infinitive |= words_[c].deprel == "mark";
        int k = i - 1, head = -1, adj = -1;
        while (k >= first && i - k <= 8 && !InAnyQuote(k)) {
          std::string_view u = words_[k].upos;
          const bool polled =
              u == "VERB" &&
              (words_[k].lemma == "survey" || words_[k].lemma == "poll" ||
               words_[k].lemma == "question" || words_[k].lemma == "interview");
          // ("79 percent of Democrats", "one in five")
          const bool of = (EqualsIgnoreCase(words_[k].form, "of") ||
                           EqualsIgnoreCase(words_[k].form, "in")) &&
                          head >= 0 && k > first;
          // ("most said", tagged an adverb)
          const bool most =
              u == "ADV" && (EqualsIgnoreCase(words_[k].form, "most") ||
                             EqualsIgnoreCase(words_[k].form, "many"));
          if (!(u == "NUM" || u == "NOUN" || u == "PROPN" || u == "ADJ" ||
                u == "DET" || u == "SYM" || polled || of || most))
            break;
          if (most && adj < 0) adj = k;
          if (head < 0 &&
              (u == "NOUN" || u == "NUM" || u == "PROPN" || u == "SYM"))
            head = k;
          if (adj < 0 && u == "ADJ") adj = k;
          --k;
        }
        int lo = k + 1;
        // ("Nearly a third", "About one in five")
        if (lo > first && lo < i && words_[lo - 1].upos == "ADV" &&
            words_[lo].upos != "ADP")
          --lo;
        // ("a third", "those surveyed")
        if (head < 0) head = adj;
        if (head < 0 && lo < i && words_[lo].upos == "DET") head = lo;
        if (lo < i && words_[lo].upos == "ADP") head = -1;
        // (After a comma only a share with its number: "when given the
        // prospect of closures, 41 percent of riders said".)
        bool share = true;
        if (across_break) {
          bool stop = false;
          for (int q = subj + 1; q < i; ++q)
            stop |= words_[q].form == ";" || words_[q].form == ":";
          share = stop;
          for (int q = lo; q < i && !share; ++q)
            share = words_[q].upos == "NUM" || words_[q].lemma == "percent" ||
                    words_[q].form == "%" || words_[q].lemma == "majority";
        }
        if (!infinitive && head >= 0 && share &&
            (lo == first || words_[lo - 1].form == "," ||
             words_[lo - 1].form == ";" || words_[lo - 1].form == ":" ||
             words_[lo - 1].upos == "CCONJ" ||
             words_[lo - 1].upos == "SCONJ")) {
          subj = head;
          sp = SpeakerFromRange(lo, i - 1, head);
        }
      }
      if (subj < 0 && !HasSpeaker(sp)) {
        // Nearest name on the left within the clause ("lawmakers, like
        // Representative X, warning against ...").
        for (int k = i - 1; k >= sents_[s].first; --k) {
          int m = words_[k].mention;
          if (m < 0 || InAnyQuote(k)) continue;
          // Not the party in "Rep. Ellis Varga (R-Fla.)", nor a day or an
          // event: someone who speaks.
          EntityType t = CoarseType(entities_[mentions_[m].entity].e.type);
          int f = mentions_[m].first;
          if (t == EntityType::kPlace || t == EntityType::kMisc ||
              (f > 0 && words_[f - 1].form == "("))
            continue;
          // Nor the owner in "Jeff Weaver, Sanders' campaign manager,
          // said": the name that owns the title in an apposition is not who
          // speaks, the name before the apposition is.
          if (int e = mentions_[m].last;
              f > first + 1 && words_[f - 1].form == "," &&
              e < sents_[s].last && words_[e].upos == "PART" &&
              (IsPossessiveS(words_[e].form) || words_[e].form == "'" ||
               words_[e].form == "\u2019")) {
            if (int pm = words_[f - 2].mention;
                pm >= 0 && mentions_[pm].named && !InAnyQuote(f - 2) &&
                mentions_[pm].last == f - 1 &&
                CoarseType(entities_[mentions_[pm].entity].e.type) ==
                    EntityType::kPerson)
              m = pm;
          }
          // Nor a name further inside an apposition or a relative clause
          // on a person ("Michael Briggs, a spokesman for Sanders, said",
          // "Claire McCaskill, who has endorsed Clinton, said"): those say
          // who the person is, and the person speaks.
          for (int a = words_[mentions_[m].first].head, hops = 0;
               a > first && a < i && hops < 4; a = words_[a].head, ++hops) {
            std::string_view d = words_[a].deprel;
            if (d != "appos" && !StartsWith(d, "acl")) continue;
            int h = words_[a].head;
            int pm = h >= 0 && h < a ? words_[h].mention : -1;
            if (pm >= 0 && pm != m && mentions_[pm].named && !InAnyQuote(h) &&
                mentions_[pm].last < a &&
                words_[mentions_[pm].last].form == "," &&
                CoarseType(entities_[mentions_[pm].entity].e.type) ==
                    EntityType::kPerson)
              m = pm;
            break;
          }
          sp = Speaker();
          FillSpeakerEntity(sp, m);
          break;
        }
      }
      // "Jolly said he would ...", '"...," said Cuban, who ...': a name the
      // tagger took for an adverb or an adjective leaves "said" without a
      // subject. Capitalised words right before the verb, opening the
      // sentence or after a quote, or right after it up to a comma or the
      // full stop, are who spoke.
      if (subj < 0 && !HasSpeaker(sp) && sp.name.empty() && v == i &&
          length == 1 && sv->cls == "say") {
        auto capital = [&](int k) {
          return !InAnyQuote(k) && !IsPunct(words_[k]) &&
                 std::isupper(static_cast<unsigned char>(words_[k].form[0]));
        };
        int lo = -1, hi = -1;
        if (i > first && capital(i - 1)) {
          hi = lo = i - 1;
          while (lo > first && hi - lo < 3 && capital(lo - 1)) --lo;
          if (lo > first && !IsClosingQuoteMark(words_[lo - 1].form)) lo = -1;
        } else if (i > first && i + 1 < last && capital(i + 1) &&
                   (words_[i - 1].form == "," ||
                    IsClosingQuoteMark(words_[i - 1].form))) {
          lo = hi = i + 1;
          while (hi + 1 < last && hi - lo < 3 && capital(hi + 1)) ++hi;
          if (hi + 1 >= last ||
              (words_[hi + 1].form != "," && words_[hi + 1].form != "."))
            lo = -1;
        }
        if (lo >= 0) {
          subj = hi;
          sp = SpeakerFromRange(lo, hi, hi);
        }
      }
      if (!HasSpeaker(sp) && sp.name.empty()) continue;
      // Content: the reported clause, else what follows the verb in its
      // subtree.
      int clause = -1;
      // The clause after the verb, else one before it ("..., Ford said").
      for (int c : Children(v)) {
        // "asked the drivers whether they would ...": a question the parser
        // made an adverbial clause.
        bool question = false;
        if (sv->cls == "ask" && StartsWith(words_[c].deprel, "advcl") &&
            c > v) {
          for (int cc : Children(c)) {
            question |= words_[cc].deprel == "mark" && cc < c &&
                        (EqualsIgnoreCase(words_[cc].form, "if") ||
                         EqualsIgnoreCase(words_[cc].form, "whether"));
          }
        }
        if (!StartsWith(words_[c].deprel, "ccomp") && !question) continue;
        // "..., the ministry said on Tuesday, after an investigation found
        // that ...": a clause opened by "after" or "because" tells when or
        // why it was said, whatever the parser called it.
        if (c > v && !question && AdverbialOpener(words_[words_[c].lo].form))
          continue;
        if (c > v && SpeakerOpeningClause(v, c) >= 0) continue;
        if (c > v) {
          clause = c;
          break;
        }
        if (clause < 0) clause = c;
      }
      // 'told "Harbour Talk" that the ferry would run', with the hearer
      // taken for a first complement: a name or a noun followed by a
      // clause with a subject of its own is not what was said. (A later
      // clause without one goes on the first: "said the gang's leader,
      // Benjamin Mondragon, had killed himself".)
      if (clause > v &&
          (words_[clause].upos == "PROPN" || words_[clause].upos == "NOUN")) {
        for (int c : Children(v)) {
          if (c <= clause || !StartsWith(words_[c].deprel, "ccomp")) continue;
          bool own = false, that = false;
          for (int cc : Children(c)) {
            own |= StartsWith(words_[cc].deprel, "nsubj");
            that |= cc < c && words_[cc].deprel == "mark" &&
                    EqualsIgnoreCase(words_[cc].form, "that");
          }
          if (own && that) clause = c;
          break;
        }
      }
      // "said on Thursday that it had no plans", with the clause hung on
      // the day as if it were a relative clause.
      if (clause < 0 && sv->that_clause) {
        for (int c : Children(v)) {
          if (c < v || !StartsWith(words_[c].deprel, "obl")) continue;
          for (int cc : Children(c)) {
            if (!StartsWith(words_[cc].deprel, "acl")) continue;
            for (int m : Children(cc)) {
              if (words_[m].deprel == "mark" && words_[m].upos == "SCONJ" &&
                  EqualsIgnoreCase(words_[m].form, "that") && m < cc)
                clause = cc;
            }
          }
        }
      }
      // (The clause after "say" taken for a noun is hung on it as a
      // relative clause.)
      if (clause < 0 && say_noun) {
        for (int c : Children(v)) {
          if (c < v || !StartsWith(words_[c].deprel, "acl")) continue;
          for (int cc : Children(c))
            if (StartsWith(words_[cc].deprel, "nsubj") && cc > v) clause = c;
        }
      }
      // "said in an interview with the AP last week that she ...", with the
      // clause hung deeper in the circumstances as if "that" were a relative
      // pronoun: the first "that" after the verb, with nothing but nouns and
      // prepositions before it, opening a clause with a subject of its own.
      // (A participle on one of those nouns may come between: "said in its
      // quarterly report filed on Thursday that ...". Its clause being this
      // verb's, it makes no statement of its own: `passed`, consumed below.)
      int passed = -1;
      if (clause < 0 && sv->that_clause) {
        for (int k = i + length; k < last && k < i + length + 16; ++k) {
          const bool participle =
              words_[k].upos == "VERB" && words_[k].deprel == "acl" &&
              words_[k].head >= i + length && words_[k].head < k &&
              words_[k].form.ends_with("ed");
          // (A name in quotation marks may come between: 'told CBS's
          // "Face the Nation" that ...'.)
          if ((InAnyQuote(k) && words_[k].upos != "PROPN" &&
               !IsPunct(words_[k])) ||
              words_[k].form == "," ||
              (words_[k].upos == "VERB" && !participle) ||
              words_[k].upos == "AUX")
            break;
          if (participle && passed < 0) passed = k;
          if (!EqualsIgnoreCase(words_[k].form, "that")) continue;
          const int h = words_[k].head;
          // (Or as the complement of a word that is no noun: "complained
          // bitterly that", "made clear that", a closing quotation mark, the
          // participle passed over.)
          auto no_noun = [&](int x) {
            return x >= 0 &&
                   (words_[x].upos == "ADV" || words_[x].upos == "ADJ" ||
                    IsPunct(words_[x]) || x == passed);
          };
          if (h > k && h <= words_[v].hi && words_[h].lo == k &&
              (StartsWith(words_[h].deprel, "acl") ||
               (StartsWith(words_[h].deprel, "ccomp") &&
                no_noun(words_[h].head)))) {
            bool own_subject = false;
            for (int m : Children(h))
              own_subject |= StartsWith(words_[m].deprel, "nsubj") && m > k;
            if (own_subject) clause = h;
          }
          break;
        }
        if (clause < 0 || words_[clause].head != passed) passed = -1;
      }
      // "saying mass layoffs were bigger problems", with the copular clause
      // parsed as the verb's object: an object with a subject of its own is
      // a clause.
      if (clause < 0 && sv->that_clause) {
        for (int c : Children(v)) {
          if (c < v || words_[c].deprel != "obj") continue;
          bool own_subject = false, copula = false;
          for (int cc : Children(c)) {
            own_subject |= StartsWith(words_[cc].deprel, "nsubj");
            copula |= words_[cc].deprel == "cop";
          }
          if (own_subject && copula) clause = c;
        }
      }
      // "told the board that the plant would close", with the clause hung on
      // the hearer as if "that" were a relative pronoun: a "that" clause
      // with a subject of its own is what was said.
      if (clause < 0 && sv->that_clause) {
        for (int c : Children(v)) {
          std::string_view d = words_[c].deprel;
          if (c < v || !(d == "obj" || d == "iobj" || StartsWith(d, "obl")))
            continue;
          for (int cc : Children(c)) {
            int lo = words_[cc].lo;
            if (cc < c || !StartsWith(words_[cc].deprel, "acl") ||
                !EqualsIgnoreCase(words_[lo].form, "that"))
              continue;
            bool own_subject = false;
            for (int m : Children(cc))
              own_subject |= StartsWith(words_[m].deprel, "nsubj") && m != lo;
            if (own_subject) clause = cc;
          }
        }
      }
      // "has insisted the factory is not closing", parsed as an object
      // and a verb joined without "and": the two are the clause.
      int split_object = -1;
      if (clause < 0 && sv->that_clause) {
        int obj = -1;
        for (int c : Children(v))
          if (words_[c].deprel == "obj" && c > v) obj = c;
        for (int c : Children(v)) {
          if (obj < 0 || c < obj || words_[c].deprel != "conj") continue;
          bool joined = false;
          for (int cc : Children(c)) joined |= words_[cc].deprel == "cc";
          if (!joined && words_[obj].hi + 1 < c &&
              words_[words_[obj].hi + 1].upos == "AUX") {
            clause = c;
            split_object = obj;
          }
          break;
        }
      }
      // "..., a bank spokesman told the Ashby Tribune.": the hearer
      // right after a verb of telling is no object of what was said.
      int after_hearer = i + length;
      bool hearer_only = false;
      if (sv->cls == "tell") {
        int objects = 0;
        for (int c : Children(v)) {
          std::string_view d = words_[c].deprel;
          if (d == "obj" || StartsWith(d, "xcomp") || StartsWith(d, "ccomp"))
            ++objects;
          if ((d == "obj" || d == "iobj") && words_[c].lo == after_hearer &&
              c > v) {
            after_hearer = words_[c].hi + 1;
            hearer_only = d == "obj";
          }
        }
        hearer_only = hearer_only && objects == 1;
      }
      // "..., said Ilse Varnum, the editor of ...": a speaker after the
      // verb closes the sentence with it.
      int after_speaker = after_hearer;
      if (subj > v && words_[subj].lo == i + length && i > sents_[s].first &&
          words_[i - 1].form == ",")
        after_speaker = std::max(after_hearer, words_[subj].hi + 1);
      Span content;
      int from = -1, to = -1;
      bool parenthetical = false;
      // "... After SCOTUS Ruling.": a verb in a clause opened by "after" or
      // "because" tells when or why, and the sentence is not its words.
      bool adverbial_clause = false;
      for (int c : Children(v)) {
        adverbial_clause |= words_[c].deprel == "mark" && c < v &&
                            AdverbialOpener(words_[c].form);
      }
      // Nor one opened by "that" ("say that the governor has not
      // decided."), which is what someone else said.
      // (A participle has no such clause: "confirmed that observation,
      // reporting: ..." is parsed so too.)
      bool that_clause = false;
      for (int c : Children(v)) {
        that_clause |= words_[c].deprel == "mark" && c < v &&
                       EqualsIgnoreCase(words_[c].form, "that");
      }
      that_clause &= !words_[v].form.ends_with("ing");
      // (Also with "after" taken for the subject's preposition: "..., after
      // the talks leaked.")
      if (subj >= 0 && subj < v) {
        for (int c : Children(subj)) {
          adverbial_clause |= words_[c].deprel == "case" && c < subj &&
                              AdverbialOpener(words_[c].form);
        }
      }
      // "Ibrahim told The Associated Press that al-Dulaimi ... is not
      // al-Baghdadi's wife", with "that" parsed as the object: what is told
      // follows the "that" after the hearer.
      int told_that = -1;
      if (sv->cls == "tell" && clause < 0 && split_object < 0) {
        for (int k = i + length; k < sents_[s].last && k <= i + length + 6;
             ++k) {
          if (EqualsIgnoreCase(words_[k].form, "that") && k > i + length &&
              (words_[k - 1].upos == "PROPN" || words_[k - 1].upos == "NOUN" ||
               words_[k - 1].upos == "PRON")) {
            told_that = k;
            break;
          }
          if (words_[k].upos == "VERB" || words_[k].upos == "AUX" ||
              IsPunct(words_[k]))
            break;
        }
      }
      // "because, as Ben Dreyfuss pointed out, the story was false", "the
      // deal (as Ruiz told reporters) is dead", "..., as the company
      // announced on Monday.": a clause opened by "as" with a speaker of its
      // own attributes the clause it modifies, on either side of it.
      // (Only verbs that report, and with nothing of their own to say: "as
      // Bush continued to interject", "as we know it" tell when or how.)
      int as_head = -1;
      auto reports = [&] {
        for (std::string_view c :
             {"say", "report", "write", "claim", "suggest", "announce",
              "predict", "insist", "admit", "warn", "reveal", "explain",
              "argue", "confirm", "note", "tell", "add", "reply", "complain"})
          if (sv->cls == c) return true;
        return false;
      };
      if (clause < 0 && split_object < 0 && subj >= 0 && subj < v &&
          sv->that_clause && StartsWith(words_[v].deprel, "advcl") &&
          words_[v].head >= 0 &&
          words_[words_[v].head].sent == words_[v].sent && reports()) {
        bool own = false;
        for (int c : Children(v)) {
          const std::string_view d = words_[c].deprel;
          own |= StartsWith(d, "xcomp") || StartsWith(d, "ccomp") ||
                 (d == "obj" && sv->cls != "tell");
        }
        for (int c : Children(v)) {
          if (!own && c < subj && words_[c].deprel == "mark" &&
              EqualsIgnoreCase(words_[c].form, "as"))
            as_head = words_[v].head;
        }
      }
      if (told_that >= 0) {
        from = told_that + 1;
        to = sents_[s].last - 1;
      } else if (as_head >= 0) {
        // The side is read off the surface, the parser's head being often
        // the wrong clause: after the "as" clause when a clause with its own
        // subject follows it, else before it.
        const int h = as_head;
        const int last_word = static_cast<int>(sents_[s].last) - 1;
        bool clause_after = false;
        for (int k = words_[v].hi + 1; k <= last_word && !clause_after; ++k) {
          clause_after = StartsWith(words_[k].deprel, "nsubj") &&
                         words_[k].head > words_[v].hi &&
                         words_[k].head <= last_word;
        }
        if (clause_after) {
          from = words_[v].hi + 1;
          to = h > words_[v].hi ? words_[h].hi : last_word;
        } else {
          from = h < words_[v].lo ? words_[h].lo : sents_[s].first;
          to = words_[v].lo - 1;
        }
        // (Not the brackets and commas around the "as" clause, nor the
        // subordinator of the clause it modifies: "because".)
        while (from < to &&
               (IsPunct(words_[from]) ||
                (words_[from].deprel == "mark" && words_[from].head == h)))
          ++from;
        while (to > from && IsPunct(words_[to]) && words_[to].quote < 0) --to;
        parenthetical = true;
      } else if (split_object >= 0) {
        from = words_[split_object].lo;
        to = words_[clause].hi;
      } else if (clause >= 0) {
        from = words_[clause].lo;
        to = words_[clause].hi;
        // "told the AP her group never worked with him": a clause without
        // a subject starts with the one the parser hung on the hearer.
        if (sv->cls == "tell" && !HasSubject(clause)) {
          for (int c : Children(v)) {
            if (words_[c].deprel != "iobj" && words_[c].deprel != "obj")
              continue;
            for (int cc : Children(c)) {
              if (cc > c && words_[cc].deprel == "obj" &&
                  words_[cc].hi + 1 == from)
                from = words_[cc].lo;
            }
          }
        }
        // "police said the gang's leader, Benjamin Mondragon, had killed
        // himself": the parser may split the clause at a subject's
        // apposition into two complements, the second with no subject of
        // its own; what was said is both.
        for (int c : Children(v)) {
          if (c <= clause || !StartsWith(words_[c].deprel, "ccomp") ||
              words_[c].lo <= to)
            continue;
          bool gap = true, own = false;
          for (int k = to + 1; k < words_[c].lo; ++k)
            gap &= words_[k].form == ",";
          for (int cc : Children(c))
            own |= StartsWith(words_[cc].deprel, "nsubj");
          const std::string_view u = words_[clause].upos;
          if (gap && !own && (u == "NOUN" || u == "PROPN" || u == "PRON"))
            to = words_[c].hi;
          break;
        }
        // (And the comma before it: "reported, citing two people, that
        // ...".)
        // (Or "that" read as the determiner of the clause's subject: "said
        // that agreement had been reached".)
        auto subject_det = [&](int k) {
          const int h = words_[k].head;
          return words_[k].upos == "DET" && words_[k].form == "that" && h > k &&
                 h <= to && StartsWith(words_[h].deprel, "nsubj") &&
                 words_[h].head == clause;
        };
        while (from < to &&
               (words_[from].form == "," ||
                ((words_[from].deprel == "mark" ||
                  words_[from].upos == "PRON" || subject_det(from)) &&
                 EqualsIgnoreCase(words_[from].form, "that"))))
          ++from;
      } else if (int tail = AttributionTail(v, after_speaker);
                 sv->that_clause &&
                 (!HasObject(v) || hearer_only ||
                  after_speaker > after_hearer) &&
                 !adverbial_clause && !that_clause &&
                 (tail == sents_[s].last ||
                  (IsPunct(words_[tail]) && words_[tail].quote < 0)) &&
                 (tail == i + length || ClosingAttribution(v, i, subj, sp))) {
        // A parenthetical attribution: "..., he said, ..." or "...,
        // Mr. Obama said." The rest of the sentence is what was said. (The
        // parser's object may be the speaker after the verb: "..., noted
        // Ada Rell.")
        // The attribution is the subject and the verb; the verb's subtree
        // may hold the whole sentence when the parser made it the root.
        int lo = i, hi = tail - 1;
        if (subj >= 0 && words_[subj].sent == static_cast<int>(s)) {
          auto np = NounPhrase(subj);
          lo = std::min(lo, np.first);
          hi = std::max(hi, np.second);
        } else if (int m = i > sents_[s].first ? words_[i - 1].mention : -1;
                   m >= 0 && sp.entity == mentions_[m].entity) {
          // "..., Portugal's Ministry of Economy said on Monday.", with the
          // name left out of the verb's subtree by the parser.
          lo = std::min(lo, mentions_[m].first);
          if (lo - 2 > static_cast<int>(sents_[s].first) &&
              words_[lo - 1].upos == "PART" && words_[lo - 2].upos == "PROPN") {
            lo -= 2;
            while (lo > sents_[s].first && words_[lo - 1].upos == "PROPN") --lo;
          }
        }

        int before = lo - sents_[s].first, after = sents_[s].last - 1 - hi;
        if (before >= after) {
          from = sents_[s].first;
          to = lo - 1;
          // Not the dateline: "LJUBLJANA, Slovenia — ...".
          if (int dash = DatelineEnd(from, to); dash >= 0) from = dash + 1;
        } else {
          from = hi + 1;
          to = sents_[s].last - 1;
        }
        parenthetical = true;
      } else {
        from = i + length;
        to = words_[v].hi;
        // The parser left the verb's complement elsewhere: take the rest of
        // the sentence. (Also when all the verb's subtree holds is the mark
        // opening a quote after it: 'saying "of course" Clinton has the
        // qualifications'.)
        if (to < from) to = sents_[s].last - 1;
        bool words = false;
        for (int k = from; k <= to && !words; ++k) words = !IsPunct(words_[k]);
        if (!words && to >= from && to + 1 < static_cast<int>(sents_[s].last) &&
            IsOpeningQuoteMark(words_[to].form) && InAnyQuote(to + 1))
          to = sents_[s].last - 1;
        // 'called AP's report a "rush to judgment,"', with the second
        // phrase hung elsewhere: what was said runs over it.
        if (int k = -1; TakesTwoPhrases(v, &k) && k == to + 1) {
          int q = words_[k].quote;
          if (q < 0 && k + 1 < static_cast<int>(sents_[s].last))
            q = words_[k + 1].quote;
          if (q >= 0) {
            while (to + 1 < static_cast<int>(sents_[s].last) &&
                   words_[to + 1].span.end <= quotes_[q].outer.end)
              ++to;
          } else if (const int h = words_[k].head; h > k && h <= k + 6) {
            to = h;
          }
        }
        // "denied the report within hours; Harlow called it 'completely
        // false'": a clause joined to (or, after a semicolon, set beside) a
        // verb without a reported clause, with a subject of its own, is
        // someone else's act, not what the verb says. (With a reported clause
        // the parser may hang the clause's own second half on the verb: "said
        // the plan was dead and the talks were over".)
        if (clause < 0) {
          for (int c : Children(v)) {
            // (A clause set beside the verb only after a semicolon: after
            // a colon it is often the quote the verb introduces.)
            const bool beside = StartsWith(words_[c].deprel, "parataxis") &&
                                words_[words_[c].lo].form == ";";
            if (c <= from || words_[c].hi > to || InAnyQuote(c) ||
                !(StartsWith(words_[c].deprel, "conj") || beside))
              continue;
            // (Not a second thing spoken of: "spoke of the legacy of
            // racism and how the fight for justice flowed through ...".)
            // (Nor a closing attribution: "agreed to buy Ormond Rail, the
            // two companies said", joined without a conjunction.)
            const int lo = words_[c].lo;
            bool own_subject = false, question = false,
                 joined = words_[lo].form == ";" ||
                          (lo > from && words_[lo - 1].form == ";");
            for (int cc : Children(c)) {
              joined |= cc < c && words_[cc].deprel == "cc";
              own_subject |= cc < c && StartsWith(words_[cc].deprel, "nsubj");
              const std::string_view f = words_[cc].form;
              question |=
                  cc < c &&
                  (words_[cc].deprel == "mark" || EqualsIgnoreCase(f, "how") ||
                   EqualsIgnoreCase(f, "why") || EqualsIgnoreCase(f, "what") ||
                   EqualsIgnoreCase(f, "where"));
            }
            if (!own_subject || question || !joined) continue;
            int end = words_[c].lo - 1;
            while (end >= from && (words_[end].upos == "CCONJ" ||
                                   (IsPunct(words_[end]) &&
                                    !IsClosingQuoteMark(words_[end].form))))
              --end;
            if (end >= from) to = std::min(to, end);
          }
        }
        // 'denounced IS as "monsters" Sunday after the Foreign Office said
        // ...', "deemed those statements false because there is no such
        // video": a clause the verb's complement ends with, opened by
        // "after", "because" or the like, says when or why, not what (and
        // its own verbs may speak: "called her a disgrace after she
        // blamed police shootings on bias"). Not a clause with a quote,
        // which the quote's own statement may not take up, nor the whole
        // of what was told ("something a 911 caller told a dispatcher
        // before police arrived").
        const int untrimmed = to;
        for (int c : Children(v)) {
          if (unsaid || c <= from || words_[c].lo <= from ||
              words_[c].hi > to || !StartsWith(words_[c].deprel, "advcl"))
            continue;
          bool last = true;
          for (int k = words_[c].hi + 1; k <= to; ++k)
            last &= IsPunct(words_[k]);
          const int m = words_[c].lo;
          if (!last || words_[m].head != c || words_[m].deprel != "mark" ||
              !AdverbialOpener(words_[m].form))
            continue;
          const Span tail{words_[m].span.begin, words_[to].span.end};
          bool quoted = false;
          for (const QuoteRegion& qr : quotes_)
            quoted |= tail.Overlaps(qr.outer);
          if (!quoted) to = m - 1;
        }
        // The object of "told" is the hearer, not what was said.
        if (sv->cls == "tell") {
          for (int c : Children(v)) {
            if (words_[c].deprel == "obj" || words_[c].deprel == "iobj")
              from = std::max(from, words_[c].hi + 1);
          }
        }
        if (to < from) to = untrimmed;
      }
      // (A closing phrase says what came before it, wherever the parser
      // hung its verb: "..., the Syrian Observatory for Human Rights said
      // on Tuesday.")
      if (closing_lo >= 0 && from > v) {
        from = sents_[s].first;
        if (int dash = DatelineEnd(from, closing_lo - 1); dash >= 0)
          from = dash + 1;
        parenthetical = true;
      }
      if (closing_lo >= 0) to = std::min(to, closing_lo - 1);
      // "Petrilli, who thinks the administration made a power grab, called
      // the new law ...", parsed with the name as the sentence's root and
      // its verb inside the aside: the aside ends at the comma before the
      // name's own verb.
      if (const int noun = words_[v].head;
          subj > 0 && subj < i && words_[subj - 1].form == "," &&
          (EqualsIgnoreCase(words_[subj].form, "who") ||
           EqualsIgnoreCase(words_[subj].form, "which")) &&
          StartsWith(words_[v].deprel, "acl") && noun >= 0 &&
          words_[noun].head < 0) {
        for (int k = std::max(from, i + length); k < to; ++k) {
          if (words_[k].form == "," && !InAnyQuote(k) &&
              words_[k + 1].upos == "VERB" &&
              !words_[k + 1].form.ends_with("ing")) {
            to = k - 1;
            break;
          }
        }
      }
      if (from < 0 || to < from) continue;
      // What a statement before it says ends at the comma too: "...
      // Murillo said the country would work with ..., The Daily Telegraph
      // said."
      // (Only what is said in this sentence: not quotes joined across
      // sentences around it.)
      if (closing_lo >= 0 && parenthetical) {
        EndContentsAt(v, words_[closing_lo - 1].span.begin,
                      /*from_cue=*/false, /*same_sentence=*/true);
      }
      while (to > from && IsPunct(words_[to]) && words_[to].quote < 0) --to;
      content = WordSpan(from, to);
      // Passive participle on a noun: "the speculation, first reported by
      // the FT": what was reported is the noun phrase.
      if (clause < 0 && !parenthetical && StartsWith(words_[v].deprel, "acl") &&
          words_[v].head >= 0 && subj != words_[v].head) {
        int h = words_[v].head;
        auto [lo, hi] = NounPhrase(h);
        content = WordSpan(lo, hi);
      }
      const bool stance_of_verb =
          sv->stance == StanceHint::kDeny || sv->stance == StanceHint::kConfirm;
      // "Reports of the flight have been denied by an official spokesperson":
      // the agent of a passive speaks, and what it denied is the passive's
      // subject, not the "by" phrase after the verb. (Not "was dubbed 'the
      // Baker' by his staff": what a name is given to is no statement.)
      if (clause < 0 && !parenthetical && subj > v && words_[subj].head == v &&
          StartsWith(words_[subj].deprel, "obl")) {
        bool passive = false;
        int theme = -1;
        for (int c : Children(v)) {
          passive |= words_[c].deprel == "aux:pass";
          if (words_[c].deprel == "nsubj:pass" && c < v &&
              words_[c].upos != "PRON")
            theme = c;
        }
        // ("As reported by the Gazette, council members found ...": what
        // was reported is the clause the opening phrase hangs on.)
        bool as = false;
        for (int c : Children(v)) {
          as |= c < v && words_[c].deprel == "mark" &&
                EqualsIgnoreCase(words_[c].form, "as");
        }
        if (as && StartsWith(words_[v].deprel, "advcl") &&
            words_[v].head > words_[v].hi) {
          int a = words_[v].hi + 1, b = last - 1;
          while (a < b && words_[a].form == ",") ++a;
          while (b > a && IsPunct(words_[b]) && words_[b].quote < 0) --b;
          if (a < b) content = WordSpan(a, b);
        } else if (passive && theme >= 0 &&
                   (stance_of_verb || sv->cls == "report" ||
                    sv->cls == "reveal" || sv->cls == "announce" ||
                    sv->cls == "criticize" || sv->cls == "praise")) {
          auto [lo, hi] = NounPhrase(theme);
          // (Not an opening phrase the parser hung on the subject: "From
          // @RenaNetjes, Arabic press reports ...".)
          for (int k = lo; k < theme; ++k)
            if (words_[k].form == ",") lo = k + 1;
          content = WordSpan(lo, std::min(hi, v - 1));
        }
      }
      if (content.empty()) continue;
      bool quoted = false;
      for (const QuoteRegion& qr : quotes_)
        quoted |= content.Contains(qr.inner) || content.Overlaps(qr.outer);
      // Without a reported clause the verb is speech only with a quote
      // ("warning against '...'") or as a denial, confirmation or refusal
      // ("dismissed the claims"); otherwise "offered a perspective" and
      // "highlighted the pressures" would be statements.
      bool stance_cue = sv->stance == StanceHint::kDeny ||
                        sv->stance == StanceHint::kConfirm ||
                        sv->stance == StanceHint::kNoComment;
      // "did not respond to a request for comment": a no-comment form of
      // the denial cues around the verb makes it an answer too.
      stance_cue = stance_cue || AnswerCueReaches(i);
      bool by_agent = false;
      for (int c : Children(v))
        if (subj == c && StartsWith(words_[c].deprel, "obl")) by_agent = true;
      // Verbs the lexicon marks as taking an object rather than a clause
      // ("called for new tariffs", "criticized the plan") speak through it
      // when a named speaker is their subject.
      // A described or anonymous source speaks through its object too ("the
      // analysts broadly welcomed the merger").
      bool named_subject =
          subj >= 0 && (sp.entity >= 0 || !sp.entities.empty() ||
                        sp.anonymous || !sp.description.empty());
      // A phrasal verb's object follows its particle ("called for new
      // tariffs"); "called on Dornfield to retrain ..." asks someone to act,
      // which the claims read as the other party's, not a statement.
      bool xcomp = false;
      for (int c : Children(v)) {
        if (!StartsWith(words_[c].deprel, "xcomp") &&
            !StartsWith(words_[c].deprel, "advcl"))
          continue;
        for (int cc : Children(c)) {
          xcomp |= words_[cc].deprel == "mark" &&
                   EqualsIgnoreCase(words_[cc].form, "to");
        }
      }
      bool object_speech = !sv->that_clause &&
                           (HasObject(v) || (length > 1 && !xcomp)) &&
                           named_subject;
      // "The committee noted the governor's remarks": a verb of saying
      // whose object is what was said, with a named speaker. Not "told
      // reporters" (the hearer) nor "say" (which takes words, not things).
      if (!object_speech && sv->that_clause && HasObject(v) && named_subject &&
          sv->cls != "tell" && !sv->lemma.starts_with("say") &&
          sv->pos == PartOfSpeech::kVerb)
        object_speech = true;
      // What someone is to do or may do through an object ("to support
      // the plan", "will continue the talks") is no statement yet.
      for (int c : Children(v)) {
        std::string_view f = words_[c].form;
        if (words_[c].deprel == "mark" && EqualsIgnoreCase(f, "to"))
          object_speech = false;
        if (words_[c].deprel == "aux" &&
            (EqualsIgnoreCase(f, "will") || EqualsIgnoreCase(f, "would") ||
             EqualsIgnoreCase(f, "could") || EqualsIgnoreCase(f, "should") ||
             EqualsIgnoreCase(f, "may") || EqualsIgnoreCase(f, "might") ||
             EqualsIgnoreCase(f, "can") || EqualsIgnoreCase(f, "must")))
          object_speech = false;
      }
      // "saying any driver who objects ... would be heard in full",
      // where the parser hung the clause elsewhere: what follows "say" is
      // what was said when it holds a verb of its own.
      // So is an object with a subject of its own: "saying she favors
      // raising ...", with "favors" read as a noun.
      bool object_clause = false;
      for (int c : Children(v)) {
        if (words_[c].deprel != "obj" || c < v) continue;
        for (int cc : Children(c))
          object_clause |= cc < c && StartsWith(words_[cc].deprel, "nsubj");
        // So is an object followed at once by a verb the parser hung
        // elsewhere, "saying the city is an important front", when someone
        // named or described says it.
        if (int next = words_[c].hi + 1;
            HasSpeaker(sp) && next < sents_[s].last && !InAnyQuote(next) &&
            (words_[next].upos == "AUX" || words_[next].upos == "VERB") &&
            !words_[next].form.ends_with("ing"))
          object_clause = true;
      }
      bool loose_clause = false;
      if (clause < 0 && !parenthetical && sv->lemma.starts_with("say") &&
          (!HasObject(v) || object_clause) && i + length < sents_[s].last &&
          !IsPunct(words_[i + length]) && words_[i + length].upos != "CCONJ") {
        for (int k = i + length; k < sents_[s].last && !loose_clause; ++k)
          loose_clause = words_[k].upos == "VERB" || words_[k].upos == "AUX";
        if (loose_clause) {
          int to = sents_[s].last - 1;
          while (to > i + length && IsPunct(words_[to])) --to;
          content = WordSpan(i + length, to);
        }
      }
      // "continued to stay away", "went on to win": a verb that goes on
      // with earlier words is no act of speech by itself (on PolNeAR train
      // one time in six). A denial, confirmation or refusal by a named
      // subject is read below through its object; by an unnamed one ("the
      // task force announced an agreement", "several delegates declined to
      // comment") it is an act like the others (on train right two times
      // in three).
      // Going on to a verb of speech is that speech, though: "Trump went on
      // to criticize the convention".
      bool go_on_speech = false;
      if (int k = i + length, n = 0; words_[v].lemma == "go" && k + 1 < last &&
                                     EqualsIgnoreCase(words_[k].form, "to") &&
                                     words_[k + 1].upos == "VERB") {
        const SpeechVerb* next = SpeechVerbAt(k + 1, &n);
        go_on_speech = next && next->pos == PartOfSpeech::kVerb;
      }
      bool action = clause < 0 && !quoted && (!stance_cue || !named_subject) &&
                    !by_agent && !parenthetical && !object_speech &&
                    !loose_clause && sv->cls != "tell" &&
                    (sv->cls != "add" || go_on_speech) &&
                    ActiveSpeech(v, i, length, subj);
      // Whatever the parser made of the rest, a speech verb with its active
      // subject before it and words after it is an attribution more often
      // than not ("Orrel said each new berth brings forty jobs" with the
      // clause read as a noun phrase): on PolNeAR train about half of these
      // are right, which raises F1. Not verbs that only go on with earlier
      // words ("added", "continued") or that frame an impression
      // ("appeared"): those are wrong three times in four.
      bool fallback = false;
      if (clause < 0 && told_that < 0 && !quoted && !stance_cue && !by_agent &&
          !parenthetical && !object_speech && !loose_clause && !action) {
        // Or the maker of the speech noun it hangs on ("sent a letter
        // saying ...", see SubjectOf).
        // (Or the message itself, when no maker is named: "a petition
        // calling on the council to ...", "a sign saying ...".)
        static constexpr std::string_view kMessages[] = {
            "sign",    "letter", "email",    "ad",         "tweet",
            "message", "video",  "petition", "disclaimer", "banner",
            "placard", "poster", "mailer",   "flyer"};
        bool message = subj >= 0 && subj == words_[v].head &&
                       words_[v].form.ends_with("ing") &&
                       std::find(std::begin(kMessages), std::end(kMessages),
                                 words_[subj].lemma) != std::end(kMessages);
        // (Whoever starts, sends or runs the message says it: "started a
        // petition calling on ...", "launched petitions calling on ...".)
        static constexpr std::string_view kMakers[] = {
            "start", "launch", "send", "issue",   "release",   "write",
            "post",  "run",    "cut",  "publish", "circulate", "put"};
        if (message && words_[subj].deprel == "obj") {
          const int m = words_[subj].head;
          if (m >= 0 && std::find(std::begin(kMakers), std::end(kMakers),
                                  words_[m].lemma) != std::end(kMakers)) {
            const int maker = SubjectOf(m);
            if (maker >= 0) {
              subj = maker;
              sp = SpeakerFromWord(maker);
            } else {
              message = false;
            }
          }
        }
        const bool on_noun = StartsWith(words_[v].deprel, "acl") && subj >= 0 &&
                             (subj != words_[v].head || message);
        // "Public health experts said money is needed", parsed as experts
        // who were said to be something: a verb of saying hung on the noun
        // just before it, and a new subject after it, is that noun's
        // statement.
        const int after = i + length;
        const bool reduced_relative =
            StartsWith(words_[v].deprel, "acl") && v == i && length == 1 &&
            subj >= 0 && subj == v - 1 && words_[v].head == subj &&
            sv->that_clause && !words_[v].form.ends_with("ing") &&
            (words_[subj].upos == "NOUN" || words_[subj].upos == "PROPN") &&
            after < last &&
            (words_[after].upos == "DET" || words_[after].upos == "NOUN" ||
             words_[after].upos == "PROPN" || words_[after].upos == "PRON" ||
             words_[after].upos == "NUM" || words_[after].upos == "ADJ");
        // (Or the subject the parser hung behind "after": "a day after a
        // French union said the company planned to close it".)
        const bool behind_opener =
            subj >= 0 && words_[subj].hi == v - 1 && BehindOpener(subj);
        bool ok = subj >= 0 && subj < v &&
                  ((words_[subj].head == v &&
                    StartsWith(words_[subj].deprel, "nsubj") &&
                    words_[subj].deprel != "nsubj:pass") ||
                   on_noun || reduced_relative || behind_opener) &&
                  i + length < last && !IsPunct(words_[i + length]) &&
                  words_[i + length].upos != "CCONJ";
        for (int c : Children(v)) {
          std::string_view d = words_[c].deprel;
          if (d == "aux:pass" || d == "expl") ok = false;
          if (d == "mark" && EqualsIgnoreCase(words_[c].form, "to")) ok = false;
        }
        if (sv->cls == "add" || sv->cls == "appear") ok = false;
        // "the figures show a rise", "polls show her ahead": showing with no
        // clause is evidence, seldom a statement (on PolNeAR train right
        // three times in fifteen).
        if (words_[v].lemma == "show") ok = false;
        // "The rapid denial underscores ...": commentary on an answer, as
        // in ActiveSpeech.
        int n = 0;
        if (const SpeechVerb* noun = ok ? SpeechVerbAt(subj, &n) : nullptr;
            noun && noun->pos == PartOfSpeech::kNoun &&
            (noun->stance == StanceHint::kDeny ||
             noun->stance == StanceHint::kConfirm ||
             noun->stance == StanceHint::kNoComment))
          ok = false;
        if (ok) {
          fallback = true;
          // The reduced relative's subtree stops at the new subject: what was
          // said runs on to the end of the sentence.
          int to =
              reduced_relative ? last - 1 : std::max(words_[v].hi, i + length);
          while (to > i + length && IsPunct(words_[to])) --to;
          content = WordSpan(i + length, to);
        }
      }
      if (clause < 0 && told_that < 0 && !quoted && !stance_cue && !by_agent &&
          !parenthetical && !object_speech && !loose_clause && !action &&
          !fallback)
        continue;
      // An act is about its complements, not the verb's other dependents
      // ("..., the person said" hung on it).
      if (action) {
        int lo = -1, hi = -1;
        for (int c : Children(v)) {
          std::string_view d = words_[c].deprel;
          if (c < v || !(d == "obj" || StartsWith(d, "obl") ||
                         StartsWith(d, "xcomp") || StartsWith(d, "ccomp")))
            continue;
          if (lo < 0) lo = words_[c].lo;
          hi = std::max(hi, words_[c].hi);
        }
        while (hi > lo && IsPunct(words_[hi])) --hi;
        if (lo >= 0) content = WordSpan(std::max(lo, i + length), hi);
        // The cue runs on to the verb gone on to, and what it says is the
        // rest of the sentence, wherever the parser hung its parts.
        if (go_on_speech) {
          int to = last - 1;
          while (to > i + length + 2 && IsPunct(words_[to])) --to;
          if (i + length + 2 <= to) {
            content = WordSpan(i + length + 2, to);
            length += 2;
          }
        }
      }
      // What a verb says through its object is the object: "mocked the
      // complaint, saying ..." leaves the participle its own statement.
      if (clause < 0 && !quoted && !parenthetical && object_speech) {
        for (int c : Children(v)) {
          // (Not the reflexive inside the cue: "distanced herself from".)
          if (!StartsWith(words_[c].deprel, "obj") || c < v ||
              (c < i + length && (words_[c].form.ends_with("self") ||
                                  words_[c].form.ends_with("selves"))))
            continue;
          int lo = words_[c].lo, hi = words_[c].hi;
          // An object that is a word of the cue ("took issue with the
          // ruling") leaves what follows the cue.
          if (c < i + length && hi >= i + length) lo = i + length;
          // "blasted Rubio for his support of the bill", "criticized the
          // board over the closure": the reason right after the one blamed
          // or praised is what was said of them.
          if (sv->cls == "criticize" || sv->cls == "praise" ||
              sv->cls == "accuse") {
            for (int r : Children(v)) {
              if (r <= c || !StartsWith(words_[r].deprel, "obl") ||
                  words_[r].lo != hi + 1)
                continue;
              // (Not a time: "supported the cuts for years".)
              const std::string why = CaseOf(r);
              if ((why == "for" || why == "over") && !TimeNoun(words_[r].lemma))
                hi = words_[r].hi;
              break;
            }
          }
          while (hi > lo && IsPunct(words_[hi])) --hi;
          content = WordSpan(lo, hi);
          break;
        }
      }
      // A speaker is someone: a name, a group, a pronoun or a source.
      // Anything else that says a clause or a quote is a speaker too ("the
      // poll shows that ...", "the official said", "the budget office said
      // about half of it reflected ...", with the clause the parser lost
      // read loosely), but with less confidence, and so is the subject of
      // an act ("the survey points to a closer race", "the analysts
      // welcomed ...") and the agent of a denial or a confirmation ("were
      // denied by a spokesperson"), but not the relative "that" of "rules
      // that permit ...". Without any of these it is only a subject.
      bool someone = sp.entity >= 0 || !sp.entities.empty() || sp.anonymous ||
                     !sp.description.empty();
      if (!someone &&
          !(sp.has_span &&
            (clause >= 0 || quoted || parenthetical ||
             ((action || fallback || loose_clause ||
               (by_agent && stance_cue)) &&
              subj >= 0 && !EqualsIgnoreCase(words_[subj].form, "that")))))
        continue;
      // A place does not speak without a clause ("Columbus said on
      // Monday"), unless it is a name no list knows as a place, which the
      // recogniser may have mistyped ("Penhale Grant did not respond"), or
      // a country, which acts through its government ("Norway has pledged
      // support", "Japan echoed the call"; on PolNeAR train right about
      // half the time).
      auto country = [&](int e) {
        const GazetteerEntry* g = entities_[e].gaz;
        return g && std::find(g->kinds.begin(), g->kinds.end(), "country") !=
                        g->kinds.end();
      };
      if (sp.entity >= 0 && clause < 0 &&
          CoarseType(entities_[sp.entity].e.type) == EntityType::kPlace &&
          !country(sp.entity) && (entities_[sp.entity].gaz || !stance_cue))
        continue;
      // "Inspector Stewart Taylor said:" closing its paragraph: what was
      // said is the next paragraph, quoted or not.
      bool next_paragraph = false;
      if (Span said = TrimContent(content);
          said.begin >= said.end && s + 1 < sents_.size() &&
          sents_[s + 1].paragraph != sents_[s].paragraph &&
          i + length + 1 == sents_[s].last && words_[i + length].form == ":") {
        size_t e = s + 1;
        while (e + 1 < sents_.size() &&
               sents_[e + 1].paragraph == sents_[s + 1].paragraph)
          ++e;
        content = Span{sents_[s + 1].span.begin, sents_[e].span.end};
        next_paragraph = true;
      }
      // "forced Sanders to acknowledge a hard reality", "refusal to disavow
      // the group": an infinitive with no clause of its own is what someone
      // is to do or was asked to do, not yet a statement (on PolNeAR train
      // such statements were right three times in ten).
      if (clause < 0 && !action && !fallback && !next_paragraph) {
        bool infinitive = false;
        for (int c : Children(v))
          infinitive |= words_[c].deprel == "mark" &&
                        EqualsIgnoreCase(words_[c].form, "to") && c < v;
        if (infinitive) continue;
      }
      // "criticized the mill for proposing a toll", "accused her of
      // opposing every plan", "the habit of praising": a gerund after a
      // preposition, with no clause of its own, is the ground of another
      // act or a name for one, not a statement (on PolNeAR train right four
      // times in fifty).
      if (clause < 0 && !next_paragraph && words_[v].form.ends_with("ing")) {
        bool ground = false;
        for (int c : Children(v)) {
          std::string_view f = words_[c].form;
          ground |=
              words_[c].deprel == "mark" && c < v &&
              (EqualsIgnoreCase(f, "for") || EqualsIgnoreCase(f, "of") ||
               EqualsIgnoreCase(f, "about") || EqualsIgnoreCase(f, "from") ||
               EqualsIgnoreCase(f, "than"));
        }
        if (ground) continue;
      }
      // "an economist who advised the governor on the budget", "aides
      // briefed on the talks": advising or briefing with no clause and no
      // quote is counsel, not something said (on PolNeAR train right never
      // in fourteen).
      if (clause < 0 && !quoted && !next_paragraph && !stance_cue &&
          (words_[v].lemma == "advise" || words_[v].lemma == "brief"))
        continue;
      // "an interview published Thursday", "before the book was published":
      // publishing with nothing published as its object says when or where
      // a text came out, not what anyone said (on PolNeAR train right never
      // in ten).
      if (clause < 0 && !quoted && !next_paragraph &&
          words_[v].lemma == "publish" && !HasObject(v))
        continue;
      // "Kestrel, which listed its shares in London in 2021": listing
      // shares on an exchange says nothing.
      if (!quoted && words_[v].lemma == "list") {
        bool shares = false;
        for (int c : Children(v))
          shares |= words_[c].deprel == "obj" &&
                    (words_[c].lemma == "share" || words_[c].lemma == "stock");
        if (shares) continue;
      }
      // "who asked not to be named": a source asking not to be named says
      // nothing about the news. (Requesting anonymity to discuss something
      // is marked as an attribution in PolNeAR, and left.)
      if (!quoted && words_[v].lemma == "ask") {
        bool unnamed = false;
        for (int k = FirstWordFrom(content.begin);
             k < last && words_[k].span.end <= content.end && !unnamed; ++k)
          unnamed =
              (words_[k].form == "named" || words_[k].form == "identified") &&
              k > 1 && words_[k - 1].form == "be" && words_[k - 2].form == "to";
        if (unnamed) continue;
      }
      // "raised doubts on Sunday about the validity of a ceasefire": what a
      // cue of several words says is not its own noun ("doubts") but what
      // comes after it about something; a cue with nothing more is left.
      // ("took aim at the mayor", "cast doubt on the report": "at" or "on"
      // when nothing is about anything, and not "on Sunday".)
      if (length > 1 && WordSpan(i, i + length - 1).Contains(content)) {
        int about = -1;
        for (int pass = 0; pass < 2 && about < 0; ++pass) {
          for (int k = i + length; k < last && about < 0; ++k) {
            if (IsPunct(words_[k]) && words_[k].quote < 0) break;
            if (words_[k].upos != "ADP") continue;
            const std::string_view f = words_[k].form;
            if (pass == 0
                    ? EqualsIgnoreCase(f, "about") ||
                          EqualsIgnoreCase(f, "over") ||
                          EqualsIgnoreCase(f, "regarding")
                    : EqualsIgnoreCase(f, "at") ||
                          (EqualsIgnoreCase(f, "on") && words_[k].head > k &&
                           !WhenWord(words_[k].head)))
              about = k;
          }
        }
        // ("takes issue with the plan": the cue's own last word.)
        if (const int c = i + length - 1; words_[c].upos == "ADP") about = c;
        const int obj = about >= 0 ? words_[about].head : -1;
        if (obj <= about || obj >= last) continue;
        content = WordSpan(about + 1, words_[obj].hi);
      }
      // "Rubio disagreed.", "He did not elaborate.": a verb with nothing
      // but the full stop for content says nothing that can be attributed
      // (on PolNeAR train right eight times in thirty-six).
      // Nor does a lone word of grammar, what is left of a clause the
      // parser lost: "thought would", "hopes will", "claiming that",
      // "doubted he", "talking to".
      if (!next_paragraph && !quoted) {
        int words = 0, grammar = 0;
        for (int k = first; k < last; ++k) {
          if (!content.Contains(words_[k].span) || IsPunct(words_[k])) continue;
          ++words;
          const std::string_view u = words_[k].upos;
          grammar += u == "AUX" || u == "SCONJ" || u == "ADP" || u == "PART" ||
                     u == "CCONJ" ||
                     (u == "PRON" && StartsWith(words_[k].deprel, "nsubj"));
        }
        if (words == 0) continue;
        // (Right after the cue it opens the clause the parser hung
        // elsewhere: what was said is the rest of the sentence, "noted
        // that ...".)
        if (words == 1 && grammar == 1) {
          const int k = i + length;
          int end = last - 1;
          while (end > k && IsPunct(words_[end])) --end;
          if (k >= last || !content.Contains(words_[k].span) || end <= k ||
              words_[k].upos == "ADP" || words_[k].upos == "PART")
            continue;
          content = WordSpan(k, end);
        }
      }
      // "boasted that he welcomed the former president", "confident that
      // she understands their frustrations": an act with no clause of its
      // own, inside another verb's "that" clause, is what the other verb's
      // subject says or thinks, not a statement of its own (on PolNeAR
      // train right about one time in five). Denials and the like stay.
      if (clause < 0 && !next_paragraph && !stance_cue && !quoted &&
          InThatClause(v) && words_[v].lemma != "say")
        continue;
      // "the delegate lead continues to grow", "he continues to struggle":
      // going on with something is seldom a statement unless a named
      // speaker goes on ("Trump continued to question ..."); on PolNeAR
      // train right one time in six with any other subject.
      if (clause < 0 && !action && !fallback && !next_paragraph && !quoted &&
          !stance_cue && words_[v].lemma == "continue" &&
          (subj < 0 || words_[subj].upos != "PROPN"))
        continue;
      // "the much-anticipated meeting", "the rumored merger": a participle
      // used as an adjective names a thing, nobody says anything there (on
      // PolNeAR train right two times in seven).
      if (clause < 0 && !next_paragraph && !quoted &&
          StartsWith(words_[v].deprel, "amod"))
        continue;
      // "accepted money from the industry", "accepted the invitation":
      // accepting a thing is no statement; only accepting that something is
      // so reports a view (on PolNeAR train right six times in twenty
      // without a clause).
      if (clause < 0 && !next_paragraph && !quoted &&
          words_[v].lemma == "accept")
        continue;
      // "has dismissed 849 marijuana cases", "dismissed the lawsuit",
      // "dismissed him", "didn't acknowledge the first lady", "recognized
      // the YouTube celebrity", "deny them mining permits": a court or an
      // employer acting, someone greeted or known by sight, or refused a
      // thing, not an answer to anything said. Doing so to a person as
      // something is a view ("dismissed him as a lightweight").
      if (clause < 0 && !next_paragraph && !quoted &&
          AnswersNoWords(v, sv->stance))
        continue;
      // "ordered the Guard to begin withdrawing from Ferguson",
      // "withdrawing their loyalty": only words are retracted ("withdrew
      // the report", "walked back his allegations").
      if (clause < 0 && !next_paragraph && !quoted && sv->cls == "retract" &&
          !RetractsWords(v))
        continue;
      // "people reading this article", "when he reads from prepared
      // texts": a text speaks through "read" only with its words quoted
      // ("the sign read, '...'"); reading a thing says nothing (on PolNeAR
      // train right three times in ten without a quote or clause).
      if (clause < 0 && !next_paragraph && !quoted && words_[v].lemma == "read")
        continue;
      // "called into Tom Joyner's radio program", "called in a specialist":
      // a phone call to a show or a summons, not a word said. (Calling
      // something into question or doubt is.)
      if (clause < 0 && !next_paragraph && !quoted &&
          words_[v].lemma == "call" && i + length + 1 < last &&
          (EqualsIgnoreCase(words_[i + length].form, "into") ||
           EqualsIgnoreCase(words_[i + length].form, "in")) &&
          !EqualsIgnoreCase(words_[i + length + 1].form, "question") &&
          !EqualsIgnoreCase(words_[i + length + 1].form, "doubt"))
        continue;
      // "The car boasts 1,200 horse power", "Stockholm boasts a variety of
      // wildlife", "Clinton boasts a 45-point lead": boasting a thing is
      // having it; only boasting of or about something, or that something
      // is so, is speech.
      if (clause < 0 && !next_paragraph && !quoted &&
          words_[v].lemma == "boast" && HasObject(v))
        continue;
      // "called 911", "called medics", "called an emergency meeting",
      // "called his girlfriend": a call made or a meeting summoned.
      if (clause < 0 && !next_paragraph && !quoted &&
          words_[v].lemma == "call" && !TakesTwoPhrases(v)) {
        bool summons = false;
        for (int c : Children(v)) {
          if (c < v || words_[c].deprel != "obj") continue;
          summons = words_[c].upos == "NUM" || CallsSomeoneIn(words_[c].lemma);
        }
        if (summons) continue;
      }
      // "if you back the plan", "you see the problem": outside quotes
      // "you" is the reader or anyone, and a verb of theirs without a
      // clause is no one's statement (on PolNeAR train right three times
      // in ten).
      if (clause < 0 && !next_paragraph && !quoted && !stance_cue && !action &&
          !fallback && subj >= 0 && EqualsIgnoreCase(words_[subj].form, "you"))
        continue;
      // "is not sure she can vote for him", "glad we are demanding a
      // change": an act in the clause that completes another word is what
      // that word's subject feels or thinks, unless a named person acts
      // (on PolNeAR train right about one time in eight).
      if (clause < 0 && !next_paragraph && !quoted && !stance_cue && action &&
          words_[v].deprel == "ccomp" && words_[v].head < v &&
          (subj < 0 || words_[subj].upos != "PROPN"))
        continue;
      // "said that any suggestion of a closure was 'simply wrong,' and a
      // company spokeswoman, Claire Dunmore, said on Thursday that ...":
      // what the verb says ends at the "and" that opens the next reporting
      // clause, whose speaker the parser may have hung inside it.
      for (int c : Children(v)) {
        int c_length = 0;
        if (c < v || !StartsWith(words_[c].deprel, "conj") ||
            !SpeechVerbAt(c, &c_length))
          continue;
        const int s2 = SubjectOf(c);
        if (s2 <= v || words_[s2].span.begin < content.begin ||
            words_[s2].span.end > content.end)
          continue;
        int k = s2;
        while (k > i + length && words_[k].upos != "CCONJ") --k;
        // (", and": "the United States and its allies will seek" is one
        // subject.)
        int comma = k - 1;
        while (comma > i + length && IsClosingQuoteMark(words_[comma].form))
          --comma;
        if (words_[comma].form != ",") break;
        int end = k - 1;
        while (end > i + length && IsPunct(words_[end]) &&
               !IsClosingQuoteMark(words_[end].form))
          --end;
        if (words_[k].upos == "CCONJ" && end > i + length &&
            words_[FirstWordFrom(content.begin)].span.begin <
                words_[end].span.end)
          content.end = words_[end].span.end;
        break;
      }
      sp.span = SpeakerPhrase(sp, v);
      sp.span = WithItsClause(sp, subj, i);
      if (unsaid) {
        // What was said about the subject takes it in.
        if (subj >= 0 && words_[subj].head == v && subj < v) {
          content.begin = std::min(content.begin,
                                   words_[NounPhrase(subj).first].span.begin);
        }
        sp = Speaker();
      }
      Statement st;
      st.speaker = std::move(sp);
      st.cue = WordSpan(i, i + length - 1);
      st.cue_text = std::string(Text(st.cue));
      st.kind = StatementKind::kIndirect;
      for (QuoteRegion& qr : quotes_) {
        if (content.Contains(qr.inner) || content.Overlaps(qr.outer)) {
          st.kind = StatementKind::kPartial;
          qr.used = true;
        }
      }
      bool outlet = st.speaker.entity >= 0 &&
                    entities_[st.speaker.entity].e.type == EntityType::kOutlet;
      if (outlet && st.kind == StatementKind::kIndirect)
        st.kind = StatementKind::kReport;
      st.content = content;
      bool named = st.speaker.entity >= 0 || !st.speaker.entities.empty() ||
                   st.speaker.anonymous;
      st.confidence = (clause >= 0 ? 0.8 : 0.6) * (named ? 1.0 : 0.75);
      st.evidence = EvidenceOf(sents_, sents_[s].span);
      st.rule = next_paragraph ? "verb.colon_paragraph"
                : clause >= 0  ? "verb.clause"
                : action       ? "verb.action"
                : fallback     ? "verb.fallback"
                               : "verb.complement";
      if (next_paragraph) {
        st.confidence = named ? 0.7 : 0.5;
        st.evidence.push_back(content);
      }
      if (unsaid) {
        st.rule = "verb.passive";
        st.confidence = 0.4;
      }
      if (!cites_source)
        for (int k = i; k < i + length; ++k) consumed_[k] = true;
      if (passed >= 0) consumed_[passed] = true;
      AddStatement(std::move(st));
      i += length - 1;
    }
  }
}

namespace {

// What a sourcing phrase attributes: the longer side of its sentence
// ("..., according to X." and "According to X, ...").
Span OtherSide(Span sentence, Span phrase) {
  if (phrase.begin - sentence.begin < sentence.end - phrase.end)
    return {phrase.end, sentence.end};
  return {sentence.begin, phrase.begin};
}

}  // namespace

// Trailing sentence punctuation is not content.
Span DocState::WithoutFinalStop(Span content) const {
  while (content.end > content.begin &&
         (text_[content.end - 1] == '.' || IsSpace(text_[content.end - 1])))
    --content.end;
  return content;
}

// "according to X", "citing X": sources named or described.
void DocState::SourcingStatements() {
  for (size_t s = 0; s < sents_.size(); ++s) {
    const SentInfo& si = sents_[s];
    for (int i = si.first; i < si.last; ++i) {
      if (InAnyQuote(i) || consumed_[i]) continue;
      auto m = LongestAt(i, LexiconKind::kSourcing);
      if (!m) continue;
      const SourcingPhrase& p = lex_.sourcing()[m->entry];
      int len = m->length;
      // "400 loaves per shop", "$3.50 per device": "per" after a quantity
      // is a rate.
      if (p.phrase == "per" && i > si.first) {
        bool quantity = words_[i - 1].upos == "NUM";
        for (int c : Children(i - 1)) quantity |= words_[c].deprel == "nummod";
        if (quantity) continue;
      }
      // "according to sources": a source the lexicon knows as a whole
      // phrase is still cued by "according to".
      if (p.kind != SourcingKind::kCue) {
        if (!p.phrase.starts_with("according to ")) continue;
        len = 2;
      }
      bool used = false;
      for (int k = i; k < i + len; ++k) used |= consumed_[k];
      if (used) continue;
      int a = i + len, b = a;
      // "is said to have been in touch with ...": a cue ending in "to"
      // before a verb is an infinitive, and what follows names no source.
      // (Not after "according to", whatever the tagger made of the next
      // word: "according to press reports" with "press" a verb.)
      if (a < si.last && EqualsIgnoreCase(words_[a - 1].form, "to") &&
          !p.phrase.starts_with("according") &&
          (words_[a].upos == "VERB" || words_[a].upos == "AUX"))
        continue;
      // (The source ends at a dash or a bracket too: "according to the
      // Tax Policy Center - half a percentage point of ...".)
      // And at a clause that only asks for anonymity ("according to two
      // aides who requested anonymity to discuss the talks"), which the
      // corpora leave out of the source.
      auto anonymity = [&](int k) {
        if (k == a || !RelativePronoun(words_[k].form)) return false;
        for (int j = k + 1; j < si.last && j <= k + 6; ++j)
          if (AnonymityWord(words_[j].form)) return true;
        return false;
      };
      auto aside = [&](int k) {
        return words_[k].form == "(" || (k > a && SpacedDash(k)) ||
               anonymity(k);
      };
      while (b < si.last && words_[b].form != "," && words_[b].form != ";" &&
             !(IsPunct(words_[b]) && b == si.last - 1) && b - a < 14 &&
             !aside(b))
        ++b;
      // "according to the Alliance for Fair Ferries (AFF).": a short name
      // in brackets right after the source, ending the phrase, is part of
      // it.
      auto short_name = [](std::string_view w) {
        bool caps = w.size() >= 2;
        for (char c : w)
          caps &= std::isupper(static_cast<unsigned char>(c)) != 0 || c == '-';
        return caps;
      };
      if (b > a && b + 3 < si.last && words_[b].form == "(" &&
          words_[b + 2].form == ")" && short_name(words_[b + 1].form) &&
          (words_[b + 3].form == "," || b + 3 == si.last - 1))
        b += 3;
      if (b == a) continue;
      int head = -1;
      for (int k = a; k < b; ++k) {
        if (words_[k].head < a || words_[k].head >= b) {
          head = k;
          break;
        }
      }
      Speaker sp = SpeakerFromRange(a, b - 1, head);
      // The source is the phrase as written, not a name inside it ("a
      // letter to Ashby Mills from the regulator"), and a person's with the
      // apposition or relative clause that says who they are ("according
      // to Wen Halloway, a former adviser, ...", "..., according to Wen
      // Halloway, who advised the mayor.").
      if (sp.entities.empty()) {
        int end = b - 1;
        auto who = [&](int k) {
          std::string_view u = words_[k].upos;
          return u == "DET" || u == "ADJ" || u == "NOUN" || u == "PROPN" ||
                 EqualsIgnoreCase(words_[k].form, "who");
        };
        if (b + 1 < si.last && words_[b].form == "," &&
            words_[b - 1].mention >= 0 &&
            entities_[mentions_[words_[b - 1].mention].entity].e.type ==
                EntityType::kPerson &&
            who(b + 1)) {
          int k = b + 1;
          while (k < si.last && words_[k].form != "," && k - b < 12) ++k;
          if (k < si.last && words_[k].form == ",") {
            end = k - 1;
          } else if (k == si.last && IsPunct(words_[si.last - 1]) &&
                     i > si.first && words_[i - 1].form == "," && b - 1 > a) {
            // A sourcing phrase closing its sentence, on a full name: the
            // apposition runs to the sentence's end.
            end = si.last - 2;
          }
        }
        sp.span = WordSpan(a, end);
      }
      SourceInfo info = AnalyzeSource(a, b - 1);
      // "according to two people who requested anonymity": a source that
      // asked not to be named is unnamed, whatever its noun. The clause
      // that says so ends where the relative pronoun's verb does.
      int source_end = b - 1;
      if (b < static_cast<int>(si.last) && anonymity(b)) {
        if (sp.entity < 0 && sp.entities.empty()) sp.anonymous = true;
        const int v = words_[b].head;
        if (v > b && v < static_cast<int>(si.last))
          source_end = std::min(words_[v].hi, static_cast<int>(si.last) - 1);
      }
      // "according to" always names a source; other cues ("citing", "per",
      // "via") only when what follows is a source or a name.
      bool according =
          lex_.sourcing()[m->entry].phrase.starts_with("according");
      if (!according && !info.is_source && sp.entity < 0 && sp.entities.empty())
        continue;
      // A place is a source after "according to" (a country, or a name
      // the recogniser typed wrongly: "the Center for Responsive
      // Politics"), not after "in" or "via".
      // Nor is a product, or any other thing named after "per": "100 apps
      // per Apple Watch" is a rate. (A work may be cited: "citing
      // Exodus".)
      if (!according && sp.entity >= 0) {
        const EntityType t = entities_[sp.entity].e.type;
        if (CoarseType(t) == EntityType::kPlace || t == EntityType::kProduct ||
            (CoarseType(t) == EntityType::kMisc && p.phrase == "per"))
          continue;
      }
      Statement st;
      st.speaker = std::move(sp);
      st.cue = WordSpan(i, i + len - 1);
      st.cue_text = std::string(Text(st.cue));
      st.kind = StatementKind::kAccordingTo;
      // Content: the sentence without the sourcing phrase; with "citing",
      // what the citing statement says.
      Span sent = si.span;
      Span phrase = {words_[i].span.begin, words_[b - 1].span.end};
      st.content = OtherSide(sent, phrase);
      // (The side holding the sentence's main verb, when the phrase sits
      // between two: "Harlow executives travelled to Shenzhen in February,
      // according to two people ..., weeks before both companies denied
      // that ...".)
      bool by_root = false;  // (only after "according to")
      for (int k = si.first; k < si.last && according; ++k) {
        if (words_[k].head >= 0 || words_[k].upos != "VERB") continue;
        if (words_[k].span.end <= phrase.begin && phrase.end < sent.end &&
            phrase.begin > sent.begin) {
          st.content = {sent.begin, phrase.begin};
          by_root = true;
        } else if (words_[k].span.begin >= phrase.end &&
                   phrase.begin > sent.begin) {
          st.content = {phrase.end, sent.end};
          by_root = true;
        }
        break;
      }
      // A source cited by another statement of the sentence ("the FT,
      // citing four anonymous sources, claimed ...") reaches us through it.
      // After "according to" it is the other way round: in "Hale said X,
      // according to the Courier", Hale's words reach us through the
      // Courier, and both are kept, so that Hale is still who said X.
      bool cited = false;
      int through_this = -1;
      for (int k = static_cast<int>(statements_.size()) - 1; k >= 0; --k) {
        Statement& o = statements_[k];
        if (!si.span.Contains(o.cue) || o.kind == StatementKind::kAccordingTo ||
            o.cue.Overlaps(st.cue))
          continue;
        // An act inside another statement's content is part of what that
        // one says ("reported that the board had asked him to leave").
        bool inner = false;
        for (int j = k - 1; j >= 0 && o.rule == "verb.action" && !inner; --j) {
          inner = si.span.Contains(statements_[j].cue) &&
                  statements_[j].content.Contains(o.cue);
        }
        if (inner) continue;
        // (Not a statement in a clause on the other side of the phrase
        // from the main verb: "..., according to two people ..., weeks
        // before both companies denied that ...".)
        if (by_root && !st.content.Contains(o.cue)) continue;
        // "X reported that ..., citing two people familiar with the
        // matter": the parser may leave the trailing sourcing phrase in the
        // report's clause; it is the report's source, not what it says.
        bool trailing = o.content.Contains(phrase) && i - 1 > si.first &&
                        words_[i - 1].form == "," &&
                        o.content.end <= words_[source_end].span.end + 1 &&
                        words_[i - 1].span.begin > o.content.begin;
        if (trailing) o.content.end = words_[i - 2].span.end;
        if (trailing || !o.content.Contains(phrase)) {
          if (according && o.via < 0) {
            through_this = k;
          } else {
            st.via = k;
          }
          st.content = o.content;
          cited = true;
          break;
        }
      }
      st.content = WithoutFinalStop(st.content);
      // "According to the Consumerist:" closing its paragraph introduces
      // the next one, quoted whole.
      const std::string_view said = Text(st.content);
      if (std::none_of(said.begin(), said.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0;
          })) {
        size_t next = s + 1;
        while (next < sents_.size() && sents_[next].paragraph == si.paragraph)
          ++next;
        if (!according || words_[si.last - 1].form != ":" ||
            next >= sents_.size())
          continue;
        size_t end = next;
        while (end + 1 < sents_.size() &&
               sents_[end + 1].paragraph == sents_[next].paragraph)
          ++end;
        st.content =
            WithoutFinalStop({sents_[next].span.begin, sents_[end].span.end});
      }
      st.confidence =
          st.speaker.entity >= 0 || st.speaker.anonymous ? 0.8 : 0.6;
      st.evidence = EvidenceOf(
          sents_, {si.span.begin, std::max(si.span.end, st.content.end)});
      st.rule = cited ? "sourcing.cited" : "sourcing.according_to";
      for (int k = i; k < i + len; ++k) consumed_[k] = true;
      int added = AddStatement(std::move(st));
      if (through_this >= 0) statements_[through_this].via = added;
      i = b - 1;
    }
  }
  // "..., the Corliss Ledger reported, citing three people familiar with
  // the matter": "citing" read as a verb of its own is the reporter's, not
  // that of the sentence's subject the parser gave it.
  for (const Statement& c : statements_) {
    if (c.rule != "sourcing.cited" || c.via < 0 ||
        statements_[c.via].kind != StatementKind::kReport)
      continue;
    const Statement& via = statements_[c.via];
    for (Statement& o : statements_) {
      if (&o == &c || !o.rule.starts_with("verb.") || !o.cue.Overlaps(c.cue) ||
          o.speaker.entity == via.speaker.entity)
        continue;
      o.speaker = via.speaker;
      if (o.kind != StatementKind::kPartial) o.kind = StatementKind::kReport;
    }
  }
}

// "In a Harbridge College survey released Monday, 41 percent of voters
// said ...": a sentence that opens with a poll, up to a comma, reports
// what the poll found in the rest, whoever the rest makes speak (on PolNeAR
// train two times in three; named or not, "In exit polls," too). The
// source runs to the comma, with when and by whom the poll was taken.
bool DocState::OpeningPollPhrase(size_t s) {
  const SentInfo& si = sents_[s];
  const int i = si.first;
  int comma = -1, poll = -1;
  for (int k = i + 1; k < si.last && k <= i + 16; ++k) {
    if (InAnyQuote(k) || consumed_[k]) return false;
    if (words_[k].form == ",") {
      comma = k;
      break;
    }
    // No clause of its own ("In a memo released as polls closed", "In
    // eight of nine states where exit polls were conducted"), but a
    // participle on the poll ("released Monday", which parsers often read
    // as the main verb).
    const bool participle = StartsWith(words_[k].deprel, "acl") ||
                            (poll >= 0 && (words_[k].form.ends_with("ed") ||
                                           words_[k].form.ends_with("en")));
    if (words_[k].upos == "AUX" || (words_[k].upos == "VERB" && !participle))
      return false;
    if (words_[k].upos == "SCONJ" || words_[k].upos == "PRON") return false;
    int length = 0;
    const SpeechVerb* noun = SpeechVerbAt(k, &length);
    if (poll < 0 && noun && noun->pos == PartOfSpeech::kNoun &&
        noun->cls == "poll" && length == 1 &&
        (words_[k].upos == "NOUN" || words_[k].upos == "PROPN"))
      poll = k;
  }
  if (poll < 0 || comma < 0 || comma + 2 >= si.last) return false;
  // "In the polls, at least.": what the poll found is a clause after it.
  bool clause = false;
  for (int k = comma + 1; k < si.last; ++k)
    clause |= words_[k].upos == "VERB" || words_[k].upos == "AUX";
  if (!clause) return false;
  int to = si.last - 1;
  while (to > comma && IsPunct(words_[to]) && words_[to].quote < 0) --to;
  Statement st;
  st.speaker = SpeakerFromRange(i + 1, comma - 1, poll);
  st.speaker.has_span = true;
  st.speaker.span = WordSpan(i + 1, comma - 1);
  if (st.speaker.name.empty())
    st.speaker.name = std::string(Text(st.speaker.span));
  st.cue = words_[i].span;
  st.cue_text = std::string(Text(st.cue));
  st.kind = StatementKind::kAccordingTo;
  st.content = WordSpan(comma + 1, to);
  st.confidence = 0.6;
  st.evidence = EvidenceOf(sents_, si.span);
  st.rule = "sourcing.in_poll";
  consumed_[i] = true;
  AddStatement(std::move(st));
  return true;
}

// "Trump leads in the latest NBC News poll", "In a September survey, 75
// percent said ...": a poll or a study that a finding is in is its source,
// with "in" as the cue. Not where a verb of speech already says who speaks
// ("the commission said in its report").
void DocState::InPollStatements() {
  for (size_t s = 0; s < sents_.size(); ++s) {
    const SentInfo& si = sents_[s];
    for (int i = si.first; i < si.last; ++i) {
      if (!EqualsIgnoreCase(words_[i].form, "in") || words_[i].upos != "ADP" ||
          InAnyQuote(i) || consumed_[i])
        continue;
      if (i == si.first && OpeningPollPhrase(s)) continue;
      // The poll is read off the words ("in the latest NBC News/Wall
      // Street Journal poll"): parsers often hang "in" on a name inside.
      int n = -1, length = 0;
      for (int k = i + 1; k < si.last && k <= i + 10 && n < 0; ++k) {
        std::string_view u = words_[k].upos;
        const SpeechVerb* noun =
            u == "NOUN" ? SpeechVerbAt(k, &length) : nullptr;
        if (noun && noun->pos == PartOfSpeech::kNoun && length == 1 &&
            noun->cls == "poll" &&
            (k + 1 == si.last ||
             (words_[k + 1].upos != "NOUN" && words_[k + 1].upos != "PROPN"))) {
          n = k;
        } else if (!(u == "DET" || u == "ADJ" || u == "PROPN" || u == "NOUN" ||
                     u == "NUM" || u == "SYM" || words_[k].form == "-" ||
                     words_[k].form == "'s")) {
          break;
        }
      }
      // One poll, told apart by who ran it or when ("a new Fox News poll",
      // "a September survey"): "ahead in the polls" is the race itself.
      bool named = false;
      for (int k = i + 1; k < n; ++k)
        named |= words_[k].upos == "PROPN" || words_[k].upos == "NUM";
      if (n < 0 || !named || words_[n].form.ends_with("s")) continue;
      int gov = words_[n].head;
      if (gov < 0 || consumed_[gov]) continue;
      // "One in four voters in a New York Times poll said ...": a poll
      // inside the subject of a verb of saying is where the speakers were
      // found; the verb is the statement.
      bool in_subject = false;
      for (int k = n, guard = 0; k >= 0 && words_[k].head >= 0 && guard < 6;
           k = words_[k].head, ++guard) {
        int l = 0;
        const int h = words_[k].head;
        if (StartsWith(words_[k].deprel, "nsubj") && h > k &&
            words_[h].upos == "VERB" && SpeechVerbAt(h, &l)) {
          in_subject = true;
          break;
        }
      }
      if (in_subject) continue;
      if (const SpeechVerb* v = SpeechVerbAt(gov, &length);
          v && v->pos != PartOfSpeech::kNoun)
        continue;
      int lo = i + 1, hi = std::max(n, NounPhrase(n).second);
      Statement st;
      st.speaker = SpeakerFromRange(lo, hi, n);
      st.speaker.has_span = true;
      st.speaker.span = WordSpan(lo, hi);
      if (st.speaker.name.empty())
        st.speaker.name = std::string(Text(st.speaker.span));
      st.cue = words_[i].span;
      st.cue_text = std::string(Text(st.cue));
      st.kind = StatementKind::kAccordingTo;
      // What the poll found: the sentence without the phrase.
      Span sent = si.span;
      Span phrase = {words_[i].span.begin, words_[hi].span.end};
      st.content = WithoutFinalStop(OtherSide(sent, phrase));
      st.confidence = 0.6;
      st.evidence = EvidenceOf(sents_, si.span);
      st.rule = "sourcing.in_poll";
      consumed_[i] = true;
      AddStatement(std::move(st));
    }
  }
}

// "Ford's denial", "denials from both companies", "a statement from X".
void DocState::NounStatements() {
  for (size_t s = 0; s < sents_.size(); ++s) {
    for (int i = sents_[s].first; i < sents_[s].last; ++i) {
      if (InAnyQuote(i) || consumed_[i]) continue;
      int length = 0;
      const SpeechVerb* sv = SpeechVerbAt(i, &length);
      if (!sv || sv->pos != PartOfSpeech::kNoun || words_[i].upos != "NOUN")
        continue;
      int who = -1;
      for (int c : Children(i)) {
        std::string_view d = words_[c].deprel;
        if (d == "nmod:poss") who = c;
        if (StartsWith(d, "nmod") && who < 0) {
          for (int cc : Children(c)) {
            if (words_[cc].deprel == "case" &&
                (EqualsIgnoreCase(words_[cc].form, "from") ||
                 EqualsIgnoreCase(words_[cc].form, "by")))
              who = c;
          }
        }
      }
      if (who < 0) continue;
      // "the storm delayed the mill's announcement that ...", "a reminder
      // of the mayor's decision to ...": a speech noun that is the object of
      // another verb or hangs on another noun is what the sentence talks
      // about, which attribution corpora rarely mark (on PolNeAR train right
      // six times in fifty-two).
      if (words_[i].deprel == "obj" || words_[i].deprel == "nmod") continue;
      // A clause that says what was said, not a relative clause about the
      // act ("the speech that he gave").
      // Nor a past participle that only describes the thing ("Ardent's
      // tweet, linked to a news story,", "his remarks made on radio"): a
      // noun's content comes as a "that" or "to" clause.
      auto participle = [&](int c) {
        if (words_[c].deprel != "acl" || words_[c].upos != "VERB") return false;
        const std::string f = Lower(words_[c].form);
        if ((f == words_[c].lemma && !EndsWith(f, "ed")) || EndsWith(f, "ing"))
          return false;
        // (A speech verb's participle is its own cue: "a speech titled".)
        int len = 0;
        if (SpeechVerbAt(c, &len)) return false;
        for (int cc : Children(c)) {
          if (words_[cc].deprel == "mark" ||
              StartsWith(words_[cc].deprel, "nsubj"))
            return false;
        }
        return true;
      };
      int clause0 = -1;
      for (int c : Children(i)) {
        if (((StartsWith(words_[c].deprel, "acl") &&
              words_[c].deprel != "acl:relcl") ||
             StartsWith(words_[c].deprel, "ccomp")) &&
            !participle(c))
          clause0 = c;
      }
      // "pounced on Harlow's claim that the plant had been ...": the parser may
      // hang the noun's "that" clause on the verb of the sentence.
      int loose = -1;
      if (clause0 < 0 && sv->that_clause && i + length < sents_[s].last &&
          words_[i + length].deprel == "mark" &&
          EqualsIgnoreCase(words_[i + length].form, "that")) {
        int h = words_[i + length].head;
        bool finite = false;
        if (h > i + length) {
          for (int c : Children(h)) {
            finite |= StartsWith(words_[c].deprel, "nsubj") ||
                      words_[c].deprel == "expl";
          }
        }
        if (finite && words_[h].lo == i + length) loose = clause0 = h;
      }
      bool stance_cue = sv->stance == StanceHint::kDeny ||
                        sv->stance == StanceHint::kConfirm ||
                        sv->stance == StanceHint::kNoComment;
      // "did not respond to a request for comment": a no-comment form of
      // the denial cues around the verb makes it an answer too.
      stance_cue = stance_cue || AnswerCueReaches(i);
      if (clause0 < 0 && !stance_cue) continue;
      // "Prior to Harlow's apology, ...", "the mill's announcement came as a
      // surprise": an announcement or apology without a clause or an "of"
      // saying what is the event, not a statement (on PolNeAR train wrong
      // seven times in seven).
      if (clause0 < 0 && sv->stance == StanceHint::kConfirm) {
        // ("By his own admission, ..." is his word on the rest.)
        bool what = false;
        for (int c : Children(i)) {
          what |= c != who && StartsWith(words_[c].deprel, "nmod") &&
                  words_[c].deprel != "nmod:poss";
          what |= words_[c].deprel == "case" &&
                  EqualsIgnoreCase(words_[c].form, "by");
        }
        if (!what) continue;
      }
      Speaker sp = SpeakerFromWord(who);
      if (sp.entity < 0 && sp.entities.empty() && !sp.anonymous) continue;
      Statement st;
      st.speaker = std::move(sp);
      st.cue = WordSpan(i, i + length - 1);
      st.cue_text = std::string(Text(st.cue));
      st.kind = StatementKind::kIndirect;
      int clause = -1;
      for (int c : Children(i)) {
        if (StartsWith(words_[c].deprel, "acl") ||
            StartsWith(words_[c].deprel, "ccomp"))
          clause = c;
      }
      if (clause < 0) clause = loose;
      if (clause >= 0) {
        st.content = WordSpan(words_[clause].lo, words_[clause].hi);
      } else {
        auto [lo, hi] = NounPhrase(i);
        st.content = WordSpan(lo, hi);
      }
      st.confidence = 0.5;
      st.evidence = EvidenceOf(sents_, sents_[s].span);
      st.rule = "speech_noun";
      for (int k = i; k < i + length; ++k) consumed_[k] = true;
      AddStatement(std::move(st));
    }
  }
}

// A speaker's phrase before its cue as attribution corpora mark it: not the
// end of a quote the parser ran into it ('... a ballot," Orrel'), not an
// aside after a comma ("Orrel, however," / "Orrel, in a statement,"), and
// with the head a preposition hangs on ("72 percent of voters", "a report
// by the Harlow Institute").
void DocState::TidySpeakerSpans() {
  // The last word before the verb group of `cue` (its auxiliaries, adverbs
  // and "not"), but not below `floor`: where a subject's phrase may end.
  auto before_verb_group = [&](int cue, int floor) {
    int end = cue - 1;
    while (end > floor &&
           (words_[end].upos == "AUX" || words_[end].upos == "ADV" ||
            words_[end].upos == "PART"))
      --end;
    return end;
  };
  for (Statement& st : statements_) {
    if (!st.speaker.has_span || st.speaker.span.end > st.cue.begin) continue;
    // A tag before a colon is the speaker as it stands: "- More from Ortt:
    // '...'" is Ortt's.
    if (st.rule == "punct.colon") continue;
    int hi = WordEndingAt(st.speaker.span.end);
    if (hi < 0) continue;
    int lo = hi;
    while (lo > 0 && words_[lo - 1].span.end > st.speaker.span.begin) --lo;
    const int first = sents_[words_[hi].sent].first;
    if (words_[lo].sent != words_[hi].sent) continue;
    const int span_lo = lo;
    // "Nearly half said", "The two admit", "Opinion polls show", "A
    // teary-eyed Marlow says": the words of the subject's noun phrase
    // before it that the parser hung elsewhere are the speaker's too (the
    // rules below then trim what says when or opens a clause).
    const std::string_view lu = words_[lo].upos;
    const bool named = words_[lo].mention >= 0 &&
                       mentions_[words_[lo].mention].named &&
                       mentions_[words_[lo].mention].first == lo;
    const bool share =
        lu == "PRON" && (EqualsIgnoreCase(words_[lo].form, "half") ||
                         EqualsIgnoreCase(words_[lo].form, "most") ||
                         EqualsIgnoreCase(words_[lo].form, "many"));
    if ((lu == "NOUN" || lu == "PROPN" || lu == "NUM" || lu == "ADJ" ||
         share) &&
        !InAnyQuote(lo)) {
      auto joined = [&](int j) { return j > first && JoiningHyphen(j); };
      // "restructuring experts say", "striking workers said": an "-ing"
      // word the parser reads as a verb, with nothing of its own after
      // it, right before the noun and not after a preposition or an
      // auxiliary ("after hearing experts", "is leading experts"), nor a
      // preposition ("including experts").
      auto gerund = [&](int j) {
        for (std::string_view p : {"including", "excluding", "regarding",
                                   "concerning", "following", "according"})
          if (EqualsIgnoreCase(words_[j].form, p)) return false;
        if (j + 1 != lo || !words_[j].form.ends_with("ing") ||
            words_[j].hi > j ||
            !std::islower(static_cast<unsigned char>(words_[j].form[0])))
          return false;
        if (j == first) return true;
        const std::string_view b = words_[j - 1].upos;
        return b != "ADP" && b != "AUX" && b != "PART" && b != "VERB" &&
               b != "SCONJ" && b != "PRON" && b != "NOUN" && b != "PROPN";
      };
      auto np_word = [&](int j) {
        if (InAnyQuote(j) || IsClosingQuoteMark(words_[j].form)) return false;
        const std::string_view u = words_[j].upos;
        if (u == "ADJ" || joined(j)) return true;
        if (u == "VERB") return (j > first && joined(j - 1)) || gerund(j);
        if (u == "NUM") return !named;
        if (u == "NOUN" || u == "PROPN") return !WhenWord(j);
        return false;
      };
      int k = lo;
      while (k > first && np_word(k - 1) && lo - k < 6) --k;
      const bool article = k > first && !InAnyQuote(k - 1) &&
                           (EqualsIgnoreCase(words_[k - 1].form, "a") ||
                            EqualsIgnoreCase(words_[k - 1].form, "an") ||
                            EqualsIgnoreCase(words_[k - 1].form, "the"));
      bool common_noun = false;
      for (int j = k; j < lo; ++j)
        common_noun |=
            words_[j].upos == "NOUN" && !joined(j + 1) &&
            !std::isupper(static_cast<unsigned char>(words_[j].form[0]));
      // "Nearly half", "About 40 percent": an amount's degree adverb (not
      // before a list, where the adverb opens the sentence: "About 52% of
      // A, 31% of B and 14% of C say").
      bool list = false;
      for (int j = lo; j < hi; ++j) list |= words_[j].form == ",";
      if (!list && k > first && words_[k - 1].upos == "ADV" &&
          !InAnyQuote(k - 1) &&
          (words_[k].upos == "NUM" ||
           EqualsIgnoreCase(words_[k].form, "half"))) {
        for (std::string_view a : {"nearly", "about", "almost", "roughly",
                                   "around", "only", "just", "some"}) {
          if (EqualsIgnoreCase(words_[k - 1].form, a)) {
            --k;
            break;
          }
        }
      }
      // (A sum is no part of it: "the $20 million experts say it costs".)
      if (k > first && words_[k - 1].upos == "SYM") k = lo;
      // (Not before a name after an article and a common noun, which ends
      // another phrase: "the billions Congress sought", "an honor Donald
      // said he hoped"; titles have none, "Police Commissioner Ada Ross".)
      if (k > first && words_[k - 1].upos == "DET" && !InAnyQuote(k - 1)) {
        if (named && (!article || common_noun))
          k = lo;
        else
          --k;
      }
      lo = k;
    }
    // "Farm groups, church leaders, and many lawmakers claim", "gay
    // Republicans and their allies are looking": the parser may make the
    // last of several joined subjects the verb's; the speaker is all of
    // them when the list opens the sentence. (A comma before "and" joins
    // clauses unless the list has another: "..., and the police said".)
    if (lo > first + 1 && !InAnyQuote(lo - 1) && words_[lo].upos != "PRON" &&
        (EqualsIgnoreCase(words_[lo - 1].form, "and") ||
         EqualsIgnoreCase(words_[lo - 1].form, "or"))) {
      auto nominal = [&](int j) {
        if (InAnyQuote(j)) return false;
        const std::string_view u = words_[j].upos;
        return u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "DET" ||
               u == "NUM" || (u == "PART" && IsPossessiveS(words_[j].form)) ||
               (u == "PRON" && words_[j].deprel == "nmod:poss");
      };
      int k = lo - 1;
      const bool serial = words_[k - 1].form == ",";
      if (serial) --k;
      int commas = 0;
      bool any = false;
      while (k > first && k > lo - 16) {
        if (nominal(k - 1)) {
          any = true;
          --k;
        } else if (words_[k - 1].form == "," && k - 1 > first &&
                   nominal(k - 2)) {
          ++commas;
          --k;
        } else {
          break;
        }
      }
      if (any && (!serial || commas > 0) &&
          (k == first || (k - 1 == first && words_[first].upos == "CCONJ"))) {
        lo = k;
      } else if (words_[first].upos == "ADP" || words_[first].upos == "SCONJ" ||
                 words_[first].upos == "ADV") {
        // Or when it opens the clause after an opening phrase: "Despite
        // the feud over the levy, many experts and some lawmakers say",
        // "When floods are forecast, Morrow and Tesh call them ...".
        int p = first + 1;
        while (p < lo - 1 && (words_[p].form != "," || InAnyQuote(p))) ++p;
        if (p < lo - 1 && k <= p + 1) {
          bool own = true;
          int list_commas = 0;
          for (int j = p + 1; j < lo - 1 && own; ++j) {
            list_commas += words_[j].form == ",";
            own = nominal(j) || words_[j].form == ",";
          }
          own &= nominal(p + 1);
          if (own && (!serial || list_commas > 1)) lo = p + 1;
        }
      }
    }
    int nlo = lo, nhi = hi;
    for (int k = hi; k > lo; --k) {
      if (InAnyQuote(k) || IsClosingQuoteMark(words_[k].form)) {
        nlo = k + 1;
        break;
      }
    }
    // "As to the staff's claims, Orrel": an opening phrase the parser left
    // in the subject ends at its comma.
    // So does an adverb's ("Rather, sources close to her campaign").
    if (words_[nlo].upos == "ADP" || words_[nlo].upos == "SCONJ" ||
        words_[nlo].upos == "ADV") {
      for (int k = nhi - 1; k > nlo; --k) {
        if (words_[k].form == ",") {
          nlo = k + 1;
          break;
        }
      }
    }
    // "MACAU (Reuters) – Top Republican Party donor Sheldon Adelson": the
    // dateline opening the sentence is no part of the speaker.
    if (nlo == first) {
      if (int dash = DatelineEnd(nlo, nhi); dash >= 0) nlo = dash + 1;
    }
    // "... the occasional cheeseburger - an old favorite - others say": a
    // dash in the phrase that closes an aside opened before it ends what
    // is not the speaker.
    {
      int open = 0;
      for (int k = first; k < nlo; ++k)
        open += k > 0 && SpacedDash(k) && !InAnyQuote(k);
      for (int k = nlo; k < nhi && open % 2 == 1; ++k) {
        if (k > 0 && SpacedDash(k)) {
          nlo = k + 1;
          break;
        }
      }
    }
    // "The fracas erupted two months after the real estate tycoon",
    // "Thursday morning as more Republicans": a clause the parser left
    // before the subject ends at its conjunction, when nothing before it
    // is a name's own aside (a comma, a relative pronoun, a participle).
    for (int k = nlo; k < nhi; ++k) {
      std::string_view u = words_[k].upos;
      if (words_[k].form == "," || InAnyQuote(k) || u == "PRON" ||
          (u == "VERB" && k > nlo) || u == "AUX")
        break;
      // (Not "as well as", which joins names.)
      if ((u == "SCONJ" || u == "ADP") &&
          (AdverbialOpener(words_[k].form) ||
           (EqualsIgnoreCase(words_[k].form, "as") &&
            !EqualsIgnoreCase(words_[k + 1].form, "well")))) {
        nlo = k + 1;
        break;
      }
    }
    bool renamed = false;
    // "Cruz on Friday played down", "A judge last month ordered", "Trump
    // at the time said", "This year Ortega spoke": words that say when,
    // between the subject and its verb or before the name, are no part of
    // the speaker.
    {
      auto time_word = [&](int k) {
        const std::string_view f = words_[k].form;
        const bool caps =
            f.size() > 1 && std::isupper(static_cast<unsigned char>(f[1]));
        return !caps && (DayWord(f) ||
                         (TimeNoun(words_[k].lemma) &&
                          !std::isupper(static_cast<unsigned char>(f[0]))));
      };
      auto when_part = [&](int k) {
        if (InAnyQuote(k)) return false;
        if (time_word(k)) return true;
        const std::string_view f = words_[k].form;
        for (std::string_view a :
             {"on", "at", "during", "in", "for", "over", "last", "this", "next",
              "earlier", "later", "early", "late", "the", "a", "first", "same",
              "ago", "just"})
          if (EqualsIgnoreCase(f, a)) return true;
        return false;
      };
      int k = nhi;
      bool when = false;
      while (k > nlo && when_part(k)) when |= time_word(k--);
      // (Not a number's noun, "over five years", nor words inside an
      // apposition or relative clause: "Kim, who was abroad this week".)
      const std::string_view before = words_[k].upos;
      bool aside = k < nhi && time_word(k + 1) && !DayWord(words_[k + 1].form);
      for (int j = nlo; j < k && !aside; ++j)
        aside = words_[j].form == "," || words_[j].upos == "PRON";
      if (when && !aside && k < nhi && k >= nlo &&
          (before == "NOUN" || before == "PROPN" || before == "NUM" ||
           (before == "PRON" && !EqualsIgnoreCase(words_[k].form, "who") &&
            !EqualsIgnoreCase(words_[k].form, "which") &&
            !EqualsIgnoreCase(words_[k].form, "that")))) {
        nhi = k;
        renamed = true;
      }
      k = nlo;
      when = false;
      while (k < nhi && when_part(k)) when |= time_word(k++);
      if (when && k > nlo && words_[k].mention >= 0 &&
          mentions_[words_[k].mention].named &&
          mentions_[words_[k].mention].first == k) {
        nlo = k;
        renamed = true;
      }
    }
    int depth = 0;
    for (int k = nlo + 1; k < nhi; ++k) {
      depth += words_[k].form == "(";
      depth -= words_[k].form == ")";
      // (Not an apposition that says when the title held: "Mr. Daniloff,
      // now 81 and retired", "James Cunningham, then ambassador to Israel".)
      const bool when_title =
          k + 2 < nhi && (EqualsIgnoreCase(words_[k + 1].form, "now") ||
                          EqualsIgnoreCase(words_[k + 1].form, "then") ||
                          EqualsIgnoreCase(words_[k + 1].form, "also"));
      // (Nor a place or firm that says who they are: "Ada Rusk, 41, of
      // Tulsa, Okla.,", "Mr. Veer, of Halden Capital,".)
      const bool from_place =
          k + 2 < nhi && (EqualsIgnoreCase(words_[k + 1].form, "of") ||
                          (EqualsIgnoreCase(words_[k + 1].form, "from") &&
                           words_[k + 2].upos == "PROPN"));
      if (depth == 0 && words_[k].form == "," && !when_title && !from_place &&
          (words_[k + 1].upos == "ADV" || words_[k + 1].upos == "ADP")) {
        nhi = k - 1;
        break;
      }
    }
    // "Sanders’ aides say", "the Harbour Review’s Ines Barroca wrote": the
    // parser may hang the owner on the verb; the speaker is the whole
    // phrase.
    if (nlo == lo && nlo - 2 >= first && !InAnyQuote(nlo - 1) &&
        words_[nlo - 1].upos == "PART" &&
        (IsPossessiveS(words_[nlo - 1].form) || words_[nlo - 1].form == "'" ||
         words_[nlo - 1].form == "\u2019") &&
        (words_[nlo - 2].upos == "PROPN" || words_[nlo - 2].upos == "NOUN")) {
      int j = nlo - 2;
      while (
          j > first && !InAnyQuote(j - 1) && nlo - j < 7 &&
          (words_[j - 1].upos == "PROPN" ||
           ((words_[j - 1].upos == "NOUN" || words_[j - 1].upos == "ADJ") &&
            std::isupper(static_cast<unsigned char>(words_[j - 1].form[0])))))
        --j;
      if (j > first && words_[j - 1].upos == "DET" && !InAnyQuote(j - 1)) --j;
      nlo = j;
      renamed = true;
    }
    if (nlo == lo) {
      // (A plural noun opening the sentence may be read as a verb: "Aides
      // to the mayor say".)
      auto nominal = [&](int k) {
        std::string_view u = words_[k].upos;
        return !InAnyQuote(k) &&
               (u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "NUM" ||
                u == "DET" ||
                (u == "VERB" && k == first && words_[k].form.ends_with("s") &&
                 std::isupper(static_cast<unsigned char>(words_[k].form[0]))));
      };
      int k = nlo - 1;
      // So do "for", "with", "in", "on", "at", "from" and "to", which the
      // parser may leave the speaker's head out of: "A producer for Harbour
      // Radio told", "people familiar with her thinking say", "Partisans
      // on both sides warn", "people close to her say". (Not an owner, who
      // speaks through the noun after it: "targets for Vance's false
      // claims".)
      auto prep = [&](std::string_view f) {
        for (std::string_view p :
             {"of", "by", "for", "with", "in", "on", "at", "from", "to"})
          if (EqualsIgnoreCase(f, p)) return true;
        return false;
      };
      const bool owner =
          words_[hi].deprel == "nmod:poss" || words_[hi].upos == "PART" ||
          (words_[hi].upos == "PRON" && words_[hi].deprel.starts_with("nmod"));
      const bool of_by = k > first && (EqualsIgnoreCase(words_[k].form, "of") ||
                                       EqualsIgnoreCase(words_[k].form, "by"));
      if (k > first && words_[k].upos == "ADP" && prep(words_[k].form) &&
          (of_by || !owner) && nominal(k - 1)) {
        int j = k - 1;
        while (j > first && nominal(j - 1) && k - j < 6) --j;
        nlo = j;
        // The name after such a preposition is not who spoke ("a former
        // speechwriter for Rowan Hale"), unless the speaker speaks for it
        // ("a spokeswoman for Rowan Hale"); an unnamed head may be an
        // anonymous source ("people familiar with her thinking").
        bool speaks_for = false;
        for (int r = nlo; r < k; ++r) {
          if (auto role = LongestAt(r, LexiconKind::kRole))
            speaks_for |= lex_.roles()[role->entry].speaks_for;
        }
        if (!of_by && !speaks_for) {
          st.speaker.entity = -1;
          st.speaker.entities.clear();
          st.speaker.name = std::string(Text(WordSpan(nlo, nhi)));
          if (SourceInfo info = AnalyzeSource(nlo, nhi);
              info.is_source && info.anonymous) {
            st.speaker.anonymous = true;
            st.speaker.count = info.count;
            st.speaker.description = st.speaker.name;
          }
        }
      }
    }
    // "Her chief policy aide, Jake Sullivan, calls ...", "the union's
    // president, Mary Kay Henry, expressed": a name set off by commas after
    // the noun phrase it names, which the parser often leaves outside the
    // subject, speaks with that phrase.
    if (nlo == lo && st.speaker.entity >= 0 &&
        entities_[st.speaker.entity].e.type == EntityType::kPerson &&
        nlo - 2 > first && words_[nlo - 1].form == "," &&
        nhi + 1 < sents_[words_[nhi].sent].last &&
        words_[nhi + 1].form == "," && words_[nlo - 2].upos == "NOUN" &&
        !InAnyQuote(nlo - 2) && !TimeNoun(words_[nlo - 2].lemma)) {
      auto part = [&](int k) {
        std::string_view u = words_[k].upos, f = words_[k].form;
        if (InAnyQuote(k)) return false;
        if (u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "NUM" ||
            u == "DET")
          return true;
        if (u == "PART") return IsPossessiveS(f) || f == "'";
        if (u == "PRON") return words_[k].deprel == "nmod:poss";
        return u == "ADP" && EqualsIgnoreCase(f, "of");
      };
      int j = nlo - 2;
      while (j > first && part(j - 1) && nlo - j < 9) --j;
      // (Or after the quote it attributes: '"...," the White House
      // spokesman, Josh Earnest, said'.)
      if (j == first || words_[j - 1].form == "," ||
          words_[j - 1].upos == "CCONJ" || InAnyQuote(j - 1) ||
          IsClosingQuoteMark(words_[j - 1].form)) {
        while (words_[j].upos == "ADP") ++j;
        nlo = j;
      }
    }
    // "People briefed on the move said", "sources close to her campaign
    // say", "the groups who wrote to her on Thursday say": a modifier
    // between the noun and its verb that the parser hung elsewhere, with
    // no comma, is the speaker's too.
    if (nhi == hi && st.speaker.entity < 0) {
      const int cue = FirstWordFrom(st.cue.begin);
      const int end = before_verb_group(cue, hi);
      if (cue < static_cast<int>(words_.size()) && end > hi && end - hi <= 12 &&
          words_[cue].sent == words_[hi].sent) {
        const W& open = words_[hi + 1];
        const std::string_view f = open.form;
        bool modifier =
            (open.upos == "VERB" &&
             (f.ends_with("ed") || f.ends_with("ing") || f == "known")) ||
            EqualsIgnoreCase(f, "close") || EqualsIgnoreCase(f, "familiar") ||
            (open.upos == "PRON" &&
             (EqualsIgnoreCase(f, "who") || EqualsIgnoreCase(f, "that"))) ||
            (open.upos == "ADP" &&
             (EqualsIgnoreCase(words_[hi].form, "close") ||
              EqualsIgnoreCase(words_[hi].form, "familiar")));
        // "many of whom say", "Some of those surveyed shared", "most in
        // the county want": a share's "of" or "in" phrase the parser hung
        // elsewhere.
        const bool share =
            hi == nlo && ShareWord(words_[hi].form) &&
            (EqualsIgnoreCase(f, "of") || EqualsIgnoreCase(f, "in"));
        modifier |= share;
        // (Not a verb of the subject's own: "The judge pointed to a
        // previous case and said".)
        // But the parser may make the participle the main verb and the cue
        // a verb joined to it with no "and": "People briefed on the move
        // said".
        bool joined = false;
        for (int c : Children(cue)) joined |= words_[c].deprel == "cc";
        const bool participle_root =
            words_[cue].head == hi + 1 &&
            StartsWith(words_[cue].deprel, "conj") && !joined &&
            !words_[cue].form.ends_with("ing") &&
            !EqualsIgnoreCase(words_[cue - 1].form, "to");
        if (open.upos == "VERB" && !participle_root)
          modifier &= open.deprel != "root" &&
                      !StartsWith(open.deprel, "conj") &&
                      !(words_[hi].head == hi + 1 &&
                        StartsWith(words_[hi].deprel, "nsubj"));
        const std::string_view last_upos = words_[end].upos;
        // (Or a pronoun after "close to", "of": "Those close to him".)
        modifier &= last_upos == "NOUN" || last_upos == "PROPN" ||
                    last_upos == "ADJ" || last_upos == "NUM" ||
                    last_upos == "VERB" ||
                    (last_upos == "PRON" && words_[end - 1].upos == "ADP");
        for (int j = hi + 1; j <= end && modifier; ++j) {
          modifier =
              !InAnyQuote(j) && !IsPunct(words_[j]) &&
              words_[j].upos != "CCONJ" &&
              (j == hi + 1 || open.upos == "PRON" || words_[j].upos != "VERB" ||
               EqualsIgnoreCase(words_[j - 1].form, "to") ||
               (share && j == end && words_[j - 1].upos == "DET"));
        }
        if (modifier) {
          nhi = end;
          renamed = true;
          // ("People familiar with the talks" is an anonymous source.)
          if (SourceInfo info = AnalyzeSource(nlo, nhi);
              !st.speaker.anonymous && info.is_source && info.anonymous) {
            st.speaker.anonymous = true;
            st.speaker.count = info.count;
            st.speaker.description = std::string(Text(WordSpan(nlo, nhi)));
          }
        }
      }
    }
    // "New Jersey officials, including the governor, say", "Clinton
    // campaign chairman Ada Ross -- her former chief of staff -- offered":
    // a list or aside set off after the subject that closes just before
    // its verb is the speaker's too.
    if (nhi == hi) {
      const int cue = FirstWordFrom(st.cue.begin);
      const int end = before_verb_group(cue, hi);
      const int last = sents_[words_[hi].sent].last;
      const bool dash = hi + 2 < last && SpacedDash(hi + 1);
      const bool comma = hi + 3 < last && words_[hi + 1].form == "," &&
                         (EqualsIgnoreCase(words_[hi + 2].form, "including") ||
                          EqualsIgnoreCase(words_[hi + 2].form, "like") ||
                          (EqualsIgnoreCase(words_[hi + 2].form, "along") &&
                           EqualsIgnoreCase(words_[hi + 3].form, "with")));
      if (cue < last && end > hi + 2 && end - hi <= 30 && (dash || comma) &&
          (dash ? SpacedDash(end) : words_[end].form == ",")) {
        // (An aside after a dash that names, not "Joyce -- who ..." or
        // "Ross -- after a pause --"; nor a list of the last noun of a
        // clause in the subject: "the firm that makes her line, including
        // ...".)
        const std::string_view open = words_[hi + 2].upos;
        bool clean = !dash || open == "DET" || open == "NOUN" ||
                     open == "PROPN" || open == "ADJ" || open == "NUM";
        for (int j = nlo; j <= hi && clean; ++j)
          clean = words_[j].upos != "VERB" && words_[j].upos != "PRON";
        for (int j = hi + 1; j <= end && clean; ++j)
          clean = !InAnyQuote(j) && !(j > hi + 1 && j < end && SpacedDash(j));
        if (clean) nhi = end - 1;
      }
    }
    // "Several senators, including Ada Ross (Ore.) and Tom Hale (Vt.), have
    // denounced", "The three scholars -- Ross, Hale and Amar -- wrote": the
    // parser may make the last name of the list the subject; the speaker
    // is the whole phrase, from the noun the list names, when that opens
    // the sentence.
    if (nlo == lo && nhi == hi && nlo > first + 2 &&
        words_[nlo].upos != "PRON") {
      const int cue = FirstWordFrom(st.cue.begin);
      const int end = before_verb_group(cue, nhi);
      auto list_word = [&](int j) {
        const std::string_view u = words_[j].upos, f = words_[j].form;
        if (InAnyQuote(j)) return false;
        return u == "PROPN" || u == "NOUN" || u == "ADJ" || u == "CCONJ" ||
               u == "DET" || f == "," || f == "(" || f == ")" || f == "." ||
               f == "-" || u == "NUM" || EqualsIgnoreCase(f, "of");
      };
      int k = nlo - 1;
      while (k > first && nlo - k < 30 && !SpacedDash(k) &&
             !EqualsIgnoreCase(words_[k].form, "including") && list_word(k))
        --k;
      const bool dash = SpacedDash(k);
      const bool including = EqualsIgnoreCase(words_[k].form, "including") &&
                             k > first + 1 &&
                             (words_[k - 1].form == "," || SpacedDash(k - 1));
      const int open = including ? k - 1 : k;
      const bool dash_open = SpacedDash(open);
      bool closed = cue < sents_[words_[hi].sent].last &&
                    (end == nhi ||
                     (dash_open ? SpacedDash(end) : words_[end].form == ","));
      for (int j = nhi + 1; j < end && closed; ++j)
        closed = list_word(j) && !SpacedDash(j);
      if ((dash || including) && closed && open > first) {
        auto nominal = [&](int j) {
          const std::string_view u = words_[j].upos, f = words_[j].form;
          return !InAnyQuote(j) &&
                 (u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "DET" ||
                  u == "NUM" || IsPossessiveS(f));
        };
        int j = open - 1;
        while (j > first && nominal(j - 1)) --j;
        if ((words_[open - 1].upos == "NOUN" ||
             words_[open - 1].upos == "PROPN") &&
            (j == first || (j == first + 1 && words_[first].upos == "CCONJ"))) {
          nlo = j;
          if (end > nhi) nhi = end - 1;
          st.speaker.entity = -1;
          st.speaker.entities.clear();
          st.speaker.name = std::string(Text(WordSpan(nlo, nhi)));
        }
      }
    }
    // "A Granite State poll out this week shows", "A second officer at the
    // base that evening backed", "A poll of voters in Saturday's primary
    // showed": a time is never who speaks; a subject the parser cut to the
    // time (or to what it owns) is the noun phrase opening the sentence.
    {
      auto when = [&](int k) {
        return !InAnyQuote(k) &&
               (DayWord(words_[k].form) ||
                (TimeNoun(words_[k].lemma) &&
                 !std::isupper(static_cast<unsigned char>(words_[k].form[0]))));
      };
      // (So is one cut to the last words of its modifier: "Other officers
      // with experience in war zones", "A newspaper owned by Brandt".)
      const bool modifier =
          nlo > first + 1 &&
          (words_[nlo].upos == "ADP" || words_[nlo - 1].upos == "ADP" ||
           (words_[nlo - 1].upos == "VERB" &&
            words_[nlo - 1].deprel != "root"));
      bool cut = when(nhi) || modifier;
      if (!cut && words_[nhi].upos == "NOUN") {
        for (int k = nlo; k < nhi; ++k)
          cut |= when(k) && words_[k].deprel == "nmod:poss";
      }
      const std::string_view fu = words_[first].upos;
      bool opening = cut && nlo > first + 1 && nhi - first < 20 &&
                     (fu == "DET" || fu == "ADJ" || fu == "NOUN" ||
                      fu == "PROPN" || fu == "NUM");
      // (And a relative clause in it after a common noun: "Senior aides
      // who have run the numbers argue".)
      auto relative = [&](int k) {
        if (!cut || when(nhi)) return false;
        if (words_[k].upos == "AUX") return k > first;
        return (EqualsIgnoreCase(words_[k].form, "who") ||
                EqualsIgnoreCase(words_[k].form, "that")) &&
               k > first && words_[k - 1].upos == "NOUN";
      };
      for (int k = first; k < nlo && opening; ++k)
        opening = !InAnyQuote(k) && !IsPunct(words_[k]) &&
                  ((words_[k].upos != "PRON" && words_[k].upos != "AUX") ||
                   relative(k));
      // (A noun phrase, not a clause: "Armstrong huddled with other party
      // leaders", "The move comes amid signs the campaign".)
      if (opening && !when(nhi)) {
        opening =
            words_[first].upos != "PROPN" || words_[first + 1].upos != "VERB";
        for (int k = first; k < nlo && opening; ++k) {
          const std::string_view d = words_[k].deprel;
          opening = words_[k].upos != "SCONJ" &&
                    !AdverbialOpener(words_[k].form) &&
                    !EqualsIgnoreCase(words_[k].form, "as") &&
                    (words_[k].upos != "VERB" || d == "acl" || d == "amod" ||
                     d == "acl:relcl");
        }
      }
      if (opening) {
        nlo = first;
        st.speaker.entity = -1;
        st.speaker.entities.clear();
        st.speaker.name = std::string(Text(WordSpan(nlo, nhi)));
      }
    }
    if (nlo > nhi || (nlo == span_lo && nhi == hi)) continue;
    // An unnamed speaker is called by its words: without the time, "A
    // judge", not "A judge last month".
    if (renamed && st.speaker.entity < 0 && st.speaker.entities.empty() &&
        st.speaker.name == Text(st.speaker.span)) {
      st.speaker.name = std::string(Text(WordSpan(nlo, nhi)));
      if (!st.speaker.description.empty())
        st.speaker.description = st.speaker.name;
    }
    st.speaker.span = WordSpan(nlo, nhi);
  }
  // "the kind of campaign Holt hoped to run", "things Falk has said": a
  // relative clause without "that" whose subject the parser joined to the
  // noun it hangs on. The speaker starts where the subject's phrase does,
  // after the last common noun or relative pronoun.
  for (Statement& st : statements_) {
    if (!st.speaker.has_span || st.speaker.span.end > st.cue.begin) continue;
    const int lo = FirstWordFrom(st.speaker.span.begin);
    const int hi = WordEndingAt(st.speaker.span.end);
    int v = FirstWordFrom(st.cue.begin);
    while (v < static_cast<int>(words_.size()) &&
           words_[v].span.end <= st.cue.end && words_[v].upos != "VERB")
      ++v;
    if (hi < 0 || v >= static_cast<int>(words_.size()) ||
        words_[v].deprel.find("relcl") == std::string::npos)
      continue;
    const int n = words_[v].head;
    if (n < lo || n >= hi) continue;
    int start = -1;
    for (int k = n + 1; k <= hi; ++k) {
      const W& before = words_[k - 1];
      const W& x = words_[k];
      bool head_end =
          (before.upos == "NOUN" || (before.upos == "PRON" && k - 1 == n));
      bool opens = x.upos == "PROPN" || x.upos == "DET" || x.upos == "PRON" ||
                   x.upos == "NUM" ||
                   (x.upos == "ADJ" && (EqualsIgnoreCase(x.form, "many") ||
                                        EqualsIgnoreCase(x.form, "most") ||
                                        EqualsIgnoreCase(x.form, "some"))) ||
                   (x.upos == "ADV" && EqualsIgnoreCase(x.form, "even"));
      // (Not after a title: "candidate Bernie Sanders", "columnist Ai
      // Jun".)
      bool title = false;
      for (int j = lo; j < k && !title; ++j) {
        int end = -1;
        title = TitleAt(j, &end) && end == k;
      }
      // (Nor inside a name: "Morton Blackwell".)
      bool inside = x.mention >= 0 && mentions_[x.mention].first != k;
      if (head_end && opens && !title && !inside && !InAnyQuote(k)) start = k;
    }
    if (start < 0) continue;
    st.speaker.span.begin = words_[start].span.begin;
  }
  // "As reported by the Ferry Gazette, the council ...": an agent in a
  // phrase opening the sentence ends at the phrase's comma.
  for (Statement& st : statements_) {
    if (!st.speaker.has_span) continue;
    int lo = FirstWordFrom(st.speaker.span.begin);
    int hi = WordEndingAt(st.speaker.span.end);
    int cue = FirstWordFrom(st.cue.begin);
    if (hi < 0 || lo < 1 || lo + 1 > hi || cue >= lo ||
        words_[lo].span.begin != st.speaker.span.begin)
      continue;
    // (The agent's words start after its "by", SpeakerFromWord.)
    const int by = lo - 1;
    if (words_[by].upos != "ADP" || !EqualsIgnoreCase(words_[by].form, "by"))
      continue;
    if (cue > 0 && EqualsIgnoreCase(words_[cue - 1].form, "as")) --cue;
    if (cue != sents_[words_[cue].sent].first) continue;
    for (int k = lo + 1; k < hi; ++k) {
      if (words_[k].form != "," || InAnyQuote(k)) continue;
      st.speaker.span = WordSpan(lo, k - 1);
      break;
    }
  }
  // "by all accounts", "known by the notorious police unit": an agent
  // found by other rules than SpeakerFromWord speaks without its "by" too.
  for (Statement& st : statements_) {
    if (!st.speaker.has_span) continue;
    const int lo = FirstWordFrom(st.speaker.span.begin);
    const int hi = WordEndingAt(st.speaker.span.end);
    if (hi < 0 || lo >= hi || words_[lo].span.begin != st.speaker.span.begin ||
        words_[lo].upos != "ADP" || !EqualsIgnoreCase(words_[lo].form, "by"))
      continue;
    st.speaker.span.begin = words_[lo + 1].span.begin;
    for (std::string* text : {&st.speaker.name, &st.speaker.description}) {
      if (text->size() > 3 && EqualsIgnoreCase(text->substr(0, 3), "by "))
        text->erase(0, 3);
    }
  }
}

// "The bill is expected to pass", "Asked about the delay, ...": a speech
// verb in the passive with nobody named as its agent, or opening its
// sentence as a participle, attributes to someone the text leaves unsaid.
// Attribution corpora mark these without a source; the statement has no
// speaker.
void DocState::PassiveStatements() {
  for (size_t s = 0; s < sents_.size(); ++s) {
    for (int i = sents_[s].first; i < sents_[s].last; ++i) {
      if (InAnyQuote(i) || consumed_[i] || words_[i].upos != "VERB") continue;
      int length = 0;
      const SpeechVerb* sv = SpeechVerbAt(i, &length);
      // Expectations, questions, views and charges; in other classes a
      // passive is mostly an event ("was updated", "was named").
      // So are the verbs of making known ("the deal was announced", "it was
      // revealed that ...", "is described as"): attribution corpora mark
      // them without a source (on PolNeAR train right 27 times in 46).
      std::string_view l = words_[i].lemma;
      const bool made_known = l == "announce" || l == "report" ||
                              l == "reveal" || l == "show" || l == "mention" ||
                              l == "describe" || l == "argue" || l == "say";
      if (!sv || sv->pos != PartOfSpeech::kVerb ||
          !(sv->cls == "predict" || sv->cls == "ask" || sv->cls == "believe" ||
            sv->cls == "accuse" || sv->cls == "criticize" || made_known))
        continue;
      bool passive = false, agent = false;
      for (int c : Children(i)) {
        std::string_view d = words_[c].deprel;
        if (d == "aux:pass") passive = true;
        if (StartsWith(d, "obl")) {
          for (int cc : Children(c)) {
            agent |= words_[cc].deprel == "case" &&
                     EqualsIgnoreCase(words_[cc].form, "by");
          }
        }
      }
      // "Asked about the cost, ..." (which the parser may make the root).
      bool opening = false;
      if (i == static_cast<int>(sents_[s].first) &&
          words_[i].form.ends_with("ed") && i + 1 < sents_[s].last) {
        std::string_view next = words_[i + 1].form;
        opening = StartsWith(words_[i].deprel, "advcl") ||
                  EqualsIgnoreCase(next, "about") ||
                  EqualsIgnoreCase(next, "if") ||
                  EqualsIgnoreCase(next, "whether") || sv->cls == "ask";
      }
      // "..., she said when asked whether ...": a question put to the
      // speaker by someone the text does not name.
      if (!opening && sv->cls == "ask" && i > sents_[s].first &&
          words_[i].form.ends_with("ed") &&
          (EqualsIgnoreCase(words_[i - 1].form, "when") ||
           EqualsIgnoreCase(words_[i - 1].form, "if") ||
           EqualsIgnoreCase(words_[i - 1].form, "after") ||
           EqualsIgnoreCase(words_[i - 1].form, "once"))) {
        opening = !HasSubject(i);
      }
      if (agent || !(passive || opening)) continue;
      // "Rumours that ... were revealed to be false": what the passive
      // verb judges is its subject, which nobody is reported to have said.
      if (made_known) {
        bool judged = false;
        for (int c : Children(i)) {
          if (!StartsWith(words_[c].deprel, "xcomp")) continue;
          for (int cc : Children(c)) judged |= words_[cc].deprel == "cop";
        }
        if (judged) continue;
      }
      // "is widely seen as a disappointment" is a view; "remains to be
      // seen", "was seen on camera grabbing ..." are sights.
      if (words_[i].lemma == "see" || words_[i].lemma == "view") {
        int k = i + length;
        if (k < sents_[s].last && words_[k].upos == "ADV") ++k;
        if (k >= sents_[s].last || !EqualsIgnoreCase(words_[k].form, "as"))
          continue;
      }
      int lo = words_[i].lo, hi = words_[i].hi;
      int from = i + length;
      while (hi > from && IsPunct(words_[hi])) --hi;
      Span content = hi >= from ? WordSpan(from, hi) : WordSpan(lo, hi);
      if (!opening && lo < i) content = WordSpan(lo, hi);
      // "It was revealed last week that the mill had failed ...": what was
      // made known is the clause.
      for (int c : Children(i)) {
        if (c < i || !(StartsWith(words_[c].deprel, "ccomp") ||
                       StartsWith(words_[c].deprel, "csubj")))
          continue;
        int a = words_[c].lo, b = words_[c].hi;
        if (a < b && EqualsIgnoreCase(words_[a].form, "that")) ++a;
        while (b > a && IsPunct(words_[b])) --b;
        content = WordSpan(a, b);
        break;
      }
      if (opening) {
        // What was asked runs to the comma that ends the participle.
        int k = from;
        while (k < sents_[s].last && words_[k].form != "," && k - from < 20)
          ++k;
        if (k > from) content = WordSpan(from, k - 1);
      }
      Statement st;
      st.cue = WordSpan(i, i + length - 1);
      st.cue_text = std::string(Text(st.cue));
      st.kind = StatementKind::kIndirect;
      st.content = content;
      st.confidence = 0.4;
      st.evidence = EvidenceOf(sents_, sents_[s].span);
      st.rule = "verb.passive";
      for (int k = i; k < i + length; ++k) consumed_[k] = true;
      AddStatement(std::move(st));
    }
  }
}

// "The company reportedly plans to sell the unit": an adverb of report
// (sourcing.tsv, kind adverb) passes its clause on from a source the text
// leaves unsaid. Attribution corpora mark it without a source, with the
// adverb as the cue and its clause as the content. On a verb that is
// already a cue ("reportedly told aides that ...") it adds nothing.
void DocState::AdverbStatements() {
  for (size_t s = 0; s < sents_.size(); ++s) {
    const SentInfo& si = sents_[s];
    for (int i = si.first; i < si.last; ++i) {
      if (InAnyQuote(i) || consumed_[i]) continue;
      auto m = LongestAt(i, LexiconKind::kSourcing);
      if (!m || lex_.sourcing()[m->entry].kind != SourcingKind::kAdverb)
        continue;
      const int head = words_[i].head;
      if (head < si.first || head >= si.last) continue;
      const int next = i + m->length;
      int lo = words_[head].lo, hi = words_[head].hi;
      while (hi > lo && IsPunct(words_[hi])) --hi;
      // A verb read as an act, not as speech ("reportedly considering a
      // run", "reportedly reacted"), is what the report passes on: the
      // adverb is the cue of it.
      int cued = -1;
      for (size_t k = 0; k < statements_.size() && cued < 0; ++k) {
        const Statement& o = statements_[k];
        if (o.cue.Overlaps(words_[head].span) ||
            (next < si.last && o.cue.Overlaps(words_[next].span)))
          cued = static_cast<int>(k);
      }
      if (cued >= 0) {
        Statement& o = statements_[cued];
        if (o.rule != "verb.action" && o.rule != "verb.complement") continue;
        o.speaker = Speaker{};
        o.speaker.anonymous = lex_.sourcing()[m->entry].anonymous;
        // (An outlet's report no longer: the verb's subject no longer
        // speaks.)
        if (o.kind == StatementKind::kReport) o.kind = StatementKind::kIndirect;
        o.cue = WordSpan(i, next - 1);
        o.cue_text = std::string(Text(o.cue));
        o.content = WithoutFinalStop(WordSpan(lo, hi));
        o.rule = "sourcing.adverb";
        for (int k = i; k < next; ++k) consumed_[k] = true;
        continue;
      }
      Statement st;
      st.speaker.anonymous = lex_.sourcing()[m->entry].anonymous;
      st.cue = WordSpan(i, next - 1);
      st.cue_text = std::string(Text(st.cue));
      st.kind = StatementKind::kIndirect;
      st.content = WithoutFinalStop(WordSpan(lo, hi));
      st.confidence = 0.4;
      st.evidence = EvidenceOf(sents_, si.span);
      st.rule = "sourcing.adverb";
      for (int k = i; k < next; ++k) consumed_[k] = true;
      AddStatement(std::move(st));
    }
  }
}

// "Senator Dana Holt Praises Harbour Plan": in a headline in title case the
// tagger reads every word as a name, so the verb is seldom found. A speech
// verb in the third person ("Says", "Blasts", "Endorses") after a few
// capitalised words at the start of the headline has them as its speaker.
// In sentence case, so does such a verb that the tagger took for a noun.
void DocState::HeadlineStatements() {
  if (sents_.empty()) return;
  const SentInfo& si = sents_[0];
  if (sents_.size() > 1 && sents_[1].paragraph == si.paragraph) return;
  std::vector<std::string_view> forms;
  for (int k = si.first; k < si.last; ++k) forms.push_back(words_[k].form);
  // In sentence case ("Saudi prince mocks Trump on Twitter") the tagger
  // reads the verb well, except a verb in -s that it takes for a plural
  // noun: only that one is looked for.
  const bool title_case = TitleCase(forms);
  // After a label such as "Exclusive:" or "Update -".
  int lo = si.first;
  for (int k = si.first; k < si.last && k < si.first + 4; ++k) {
    if (std::string_view f = words_[k].form;
        f == ":" || f == "-" || f == "\xE2\x80\x93" || f == "\xE2\x80\x94")
      lo = k + 1;
  }
  for (int i = lo + 1; i < si.last && i <= lo + 6; ++i) {
    std::string_view f = words_[i].form;
    if (IsPunct(words_[i]) && !IsPossessiveS(f)) break;
    if (consumed_[i] || InAnyQuote(i)) break;
    int length = 0;
    const SpeechVerb* sv = SpeechVerbAt(i, &length);
    if (!sv || sv->pos == PartOfSpeech::kNoun || !f.ends_with("s") ||
        f.ends_with("ss") ||
        (title_case && !std::isupper(static_cast<unsigned char>(f[0]))) ||
        (!title_case && (words_[i].upos != "NOUN" ||
                         !std::islower(static_cast<unsigned char>(f[0])))))
      continue;
    // Not a noun phrase ending in a plural ("Terror Attacks On ...",
    // "Live Updates On ..."): a verb has its object after it.
    const int next = i + length;
    if (next >= si.last || IsPunct(words_[next]) || words_[next].upos == "ADP")
      break;
    // The speaker is a name or a description, not a clause ("Why ...",
    // "... Spending In Battleground States").
    bool nominal = true;
    for (int k = lo; k < i && nominal; ++k) {
      std::string_view u = words_[k].upos;
      unsigned char c0 = static_cast<unsigned char>(words_[k].form[0]);
      nominal = u == "PART" ||
                ((u == "PROPN" || u == "NOUN" || u == "ADJ" || u == "NUM") &&
                 (std::isupper(c0) || std::isdigit(c0) || !title_case));
    }
    if (!nominal) break;
    int to = si.last - 1;
    while (to > next && IsPunct(words_[to])) --to;
    Statement st;
    st.speaker = SpeakerFromRange(lo, i - 1, i - 1);
    st.speaker.span = WordSpan(lo, i - 1);
    st.cue = WordSpan(i, i + length - 1);
    st.cue_text = std::string(Text(st.cue));
    st.kind = StatementKind::kIndirect;
    st.content = WordSpan(i + length, to);
    st.confidence = 0.5;
    st.evidence = EvidenceOf(sents_, si.span);
    st.rule = "headline.verb";
    for (int k = i; k < i + length; ++k) consumed_[k] = true;
    AddStatement(std::move(st));
    break;
  }
}

// ---------------------------------------------------------------- output

// An outlet known only by its web domain ("cascadiacourier.example", as
// news-please records it) is named as the article names it ("The Cascadia
// Courier"), so that a correction and the report it corrects come from one
// outlet, and the reporter's own voice speaks under that name.
void DocState::NameOutlet() {
  outlet_ = doc_.outlet;
  if (outlet_.find('.') == std::string::npos ||
      outlet_.find(' ') != std::string::npos)
    return;
  std::string host = Lower(outlet_);
  if (StartsWith(host, "www.")) host.erase(0, 4);
  if (const GazetteerEntry* g = lex_.FindOutletByDomain(host)) {
    outlet_ = g->name;
    return;
  }
  const std::string label = host.substr(0, host.find('.'));
  for (const EntityBuild& b : entities_) {
    const Entity& e = b.e;
    if (e.type != EntityType::kOutlet) continue;
    std::string squashed;
    for (char ch : Lower(e.name))
      if (std::isalnum(static_cast<unsigned char>(ch))) squashed += ch;
    if (StartsWith(squashed, "the") && squashed.substr(3) == label)
      squashed = label;
    if (squashed == label) {
      outlet_ = e.name;
      return;
    }
  }
}

void DocState::Run(Extraction& x) {
  Annotate();
  FindMentions();
  for (size_t m = 0; m < mentions_.size(); ++m) {
    for (int k = mentions_[m].first; k < mentions_[m].last; ++k)
      words_[k].mention = static_cast<int>(m);
  }
  NamesCalledIt();
  FindRoles();
  FindNominals();
  FindGenders();
  FindQuotes();
  NameOutlet();
  FindStatements();
  FindClaims();
  FindOwners();
  FindStances();
  DateStatements();

  // Mentions and aliases per entity.
  for (const MentionRec& m : mentions_) {
    Entity& e = entities_[m.entity].e;
    Span sp = WordSpan(m.first, m.last - 1);
    if (std::find(e.mentions.begin(), e.mentions.end(), sp) == e.mentions.end())
      e.mentions.push_back(sp);
    if (!m.named) continue;
    std::string surface(Text(sp));
    if (surface != e.name && std::find(e.aliases.begin(), e.aliases.end(),
                                       surface) == e.aliases.end())
      e.aliases.push_back(surface);
  }
  // Entities in order of first mention.
  std::vector<int> order;
  for (size_t e = 0; e < entities_.size(); ++e) {
    auto& ms = entities_[e].e.mentions;
    std::sort(ms.begin(), ms.end(),
              [](Span a, Span b) { return a.begin < b.begin; });
    if (!ms.empty()) order.push_back(static_cast<int>(e));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return entities_[a].e.mentions[0].begin < entities_[b].e.mentions[0].begin;
  });
  std::vector<int> remap(entities_.size(), -1);
  for (size_t k = 0; k < order.size(); ++k) {
    remap[order[k]] = static_cast<int>(k);
    x.entities.push_back(std::move(entities_[order[k]].e));
  }
  for (Statement& st : statements_) {
    if (st.speaker.entity >= 0) st.speaker.entity = remap[st.speaker.entity];
    for (int& e : st.speaker.entities) e = remap[e];
  }
  for (ClaimBuild& cb : claims_) {
    for (Participant& p : cb.c.participants)
      if (p.entity >= 0) p.entity = remap[p.entity];
    x.claims.push_back(std::move(cb.c));
  }
  x.document.outlet = outlet_;
  // Statements in text order, via links renumbered.
  std::vector<int> sorder(statements_.size());
  for (size_t k = 0; k < sorder.size(); ++k) sorder[k] = static_cast<int>(k);
  std::stable_sort(sorder.begin(), sorder.end(), [&](int a, int b) {
    return statements_[a].cue.begin < statements_[b].cue.begin;
  });
  std::vector<int> srm(statements_.size());
  for (size_t k = 0; k < sorder.size(); ++k)
    srm[sorder[k]] = static_cast<int>(k);
  for (int k : sorder) {
    Statement st = std::move(statements_[k]);
    if (st.via >= 0) st.via = srm[st.via];
    // A quote that runs over paragraphs opens each again with a quotation
    // mark ('... on the ceasefire.\n\n"As such, ...'): the pieces are the
    // paragraphs' words, without the mark.
    {
      std::vector<Span> pieces = st.content_parts;
      if (pieces.empty()) pieces.push_back(st.content);
      std::vector<Span> split;
      for (const Span& p : pieces) {
        uint32_t b = p.begin;
        for (uint32_t k = p.begin; k < p.end; ++k) {
          if (text_[k] != '\n') continue;
          uint32_t j = k;
          while (j < p.end && IsSpace(text_[j])) ++j;
          const std::string_view rest = text_.substr(j, p.end - j);
          size_t mark = 0;
          for (std::string_view m : {"\"", "\u201c", "\u2018", "''", "``"})
            if (rest.starts_with(m)) mark = m.size();
          if (mark == 0) continue;
          if (const Span piece = TrimContent({b, k}); !piece.empty())
            split.push_back(piece);
          b = j + static_cast<uint32_t>(mark);
          k = b - 1;
        }
        if (const Span piece = TrimContent({b, p.end}); !piece.empty())
          split.push_back(piece);
      }
      if (split.size() > pieces.size()) st.content_parts = split;
    }
    // Later passes may have moved the content's bounds: the parts keep what
    // lies inside it, and one part left is no parts.
    std::vector<Span> parts;
    for (Span p : st.content_parts) {
      p.begin = std::max(p.begin, st.content.begin);
      p.end = std::min(p.end, st.content.end);
      if (p.begin < p.end) parts.push_back(p);
    }
    st.content_parts =
        parts.size() > 1 ? std::move(parts) : std::vector<Span>{};
    st.content_text = ContentText(text_, st);
    x.statements.push_back(std::move(st));
  }
}

}  // namespace extract_internal

namespace {

std::string ReadWhole(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<Extractor> Extractor::Create(const ExtractorOptions& options) {
  Result<nlp::Pipeline> p = nlp::Pipeline::Load(options.models_dir);
  if (!p.ok()) return p.status();
  Result<Lexicons> lex = Lexicons::Load({.user_dir = options.lexicon_dir});
  if (!lex.ok()) return lex.status();
  SegmenterOptions so;
  so.lexicon_dir = options.lexicon_dir;
  Result<Segmenter> seg = Segmenter::Create(so);
  if (!seg.ok()) return seg.status();
  // The models' version: a hash over the three files that produced it.
  uint64_t h = 0;
  for (const char* f : {"tagger.model", "parser.model", "ner.model"}) {
    bool ok = false;
    std::string bytes = ReadWhole(options.models_dir + "/" + f, &ok);
    if (!ok)
      return NotFoundError(options.models_dir + "/" + f + ": cannot read");
    h = Hash64(bytes, h);
  }
  return Extractor(std::make_shared<const extract_internal::Resources>(
      std::move(*p), std::move(*lex), std::move(*seg), HashHex(h)));
}

Extraction Extractor::Extract(const Document& doc) const {
  Extraction x;
  x.document = doc;
  x.models_version = resources_->models_version;
  x.lexicons_version = resources_->lexicons.version();
  extract_internal::DocState state(*resources_, x.document);
  state.Run(x);
  return x;
}

const std::string& Extractor::models_version() const {
  return resources_->models_version;
}
const std::string& Extractor::lexicons_version() const {
  return resources_->lexicons.version();
}

}  // namespace hearsay
