#include "text/invariants.h"

#include <string>

#include "core/utf8.h"
#include "text/chars.h"

namespace hearsay {
namespace {

Status Bad(const std::string& what, size_t index, Span s) {
  return InternalError(what + " " + std::to_string(index) + " [" +
                       std::to_string(s.begin) + ", " + std::to_string(s.end) +
                       ")");
}

bool OnBoundaries(std::string_view text, Span s) {
  return s.begin <= s.end && s.end <= text.size() &&
         utf8::IsBoundary(text, s.begin) && utf8::IsBoundary(text, s.end);
}

// Only whitespace in text[begin, end).
bool AllSpace(std::string_view text, uint32_t begin, uint32_t end) {
  for (uint32_t i = begin; i < end;) {
    text_internal::Char c = text_internal::CharAt(text, i);
    if (!text_internal::IsSpaceCls(c.cls)) return false;
    i += c.len;
  }
  return true;
}

}  // namespace

Status CheckSegmentation(std::string_view text, const Segmentation& seg) {
  for (size_t i = 0; i < seg.paragraphs.size(); ++i) {
    const Span& p = seg.paragraphs[i];
    if (!OnBoundaries(text, p) || p.empty()) return Bad("paragraph", i, p);
    if (i > 0 && seg.paragraphs[i - 1].end > p.begin) {
      return Bad("paragraph out of order", i, p);
    }
  }
  uint32_t next_token = 0;
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    const Sentence& s = seg.sentences[i];
    if (!OnBoundaries(text, s.span) || s.span.empty()) {
      return Bad("sentence", i, s.span);
    }
    if (s.paragraph >= seg.paragraphs.size() ||
        !seg.paragraphs[s.paragraph].Contains(s.span)) {
      return Bad("sentence outside its paragraph", i, s.span);
    }
    if (i > 0) {
      const Sentence& prev = seg.sentences[i - 1];
      if (prev.span.end > s.span.begin)
        return Bad("sentence overlaps", i, s.span);
      if (prev.paragraph == s.paragraph &&
          !AllSpace(text, prev.span.end, s.span.begin)) {
        return Bad("gap before sentence", i, s.span);
      }
      if (prev.paragraph > s.paragraph)
        return Bad("paragraph order", i, s.span);
    }
    if (i == 0 || seg.sentences[i - 1].paragraph != s.paragraph) {
      if (s.span.begin != seg.paragraphs[s.paragraph].begin) {
        return Bad("paragraph does not start with a sentence", i, s.span);
      }
    }
    if (i + 1 == seg.sentences.size() ||
        seg.sentences[i + 1].paragraph != s.paragraph) {
      if (s.span.end != seg.paragraphs[s.paragraph].end) {
        return Bad("paragraph does not end with a sentence", i, s.span);
      }
    }
    if (s.first_token != next_token || s.token_count == 0 ||
        s.first_token + s.token_count > seg.tokens.size()) {
      return Bad("sentence tokens", i, s.span);
    }
    next_token = s.first_token + s.token_count;
    if (seg.tokens[s.first_token].span.begin != s.span.begin ||
        seg.tokens[next_token - 1].span.end != s.span.end) {
      return Bad("sentence not bounded by its tokens", i, s.span);
    }
  }
  if (next_token != seg.tokens.size()) {
    return InternalError("tokens outside every sentence");
  }
  uint32_t next_word = 0;
  for (size_t i = 0; i < seg.tokens.size(); ++i) {
    const Token& t = seg.tokens[i];
    if (!OnBoundaries(text, t.span) || t.span.empty())
      return Bad("token", i, t.span);
    if (i > 0) {
      uint32_t prev_end = seg.tokens[i - 1].span.end;
      if (prev_end > t.span.begin) return Bad("token overlaps", i, t.span);
      if (!AllSpace(text, prev_end, t.span.begin)) {
        return Bad("characters between tokens", i, t.span);
      }
      if (seg.tokens[i - 1].space_after != (prev_end != t.span.begin)) {
        return Bad("space_after", i - 1, seg.tokens[i - 1].span);
      }
    }
    if (t.first_word != next_word || t.word_count == 0 ||
        t.first_word + t.word_count > seg.words.size()) {
      return Bad("token words", i, t.span);
    }
    uint32_t at = t.span.begin;
    for (uint32_t k = 0; k < t.word_count; ++k) {
      const Word& w = seg.words[t.first_word + k];
      if (w.token != i || w.span.begin != at || !OnBoundaries(text, w.span) ||
          !t.span.Contains(w.span) || (w.span.empty() && w.form.empty())) {
        return Bad("word", t.first_word + k, w.span);
      }
      at = w.span.end;
    }
    if (at != t.span.end) return Bad("words do not tile token", i, t.span);
    for (uint32_t k = t.span.begin; k < t.span.end;) {
      text_internal::Char c = text_internal::CharAt(text, k);
      if (text_internal::IsSpaceCls(c.cls))
        return Bad("space in token", i, t.span);
      k += c.len;
    }
    next_word = t.first_word + t.word_count;
  }
  if (next_word != seg.words.size())
    return InternalError("words outside tokens");
  // Non-space characters before the first or after the last token.
  uint32_t first = seg.tokens.empty() ? static_cast<uint32_t>(text.size())
                                      : seg.tokens.front().span.begin;
  uint32_t last = seg.tokens.empty() ? static_cast<uint32_t>(text.size())
                                     : seg.tokens.back().span.end;
  if (!AllSpace(text, 0, first) ||
      !AllSpace(text, last, static_cast<uint32_t>(text.size()))) {
    return InternalError("characters outside every token");
  }
  return Status::Ok();
}

}  // namespace hearsay
