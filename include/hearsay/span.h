// A byte range of a document's original text.
//
// Every position hearsay reports — sentence, token, mention, quote — is a
// Span [begin, end) in bytes of Document::text exactly as it was read, never
// of a normalised copy. A Span carries no pointer, so it outlives any buffer;
// Slice() returns a string_view that lives only as long as the text passed in.
#ifndef HEARSAY_SPAN_H_
#define HEARSAY_SPAN_H_

#include <cstdint>
#include <string_view>

namespace hearsay {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  constexpr bool Contains(const Span& o) const {
    return begin <= o.begin && o.end <= end;
  }
  constexpr bool Overlaps(const Span& o) const {
    return begin < o.end && o.begin < end;
  }
  // The bytes of `text` this span covers. The view dies with `text`.
  std::string_view Slice(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend constexpr bool operator==(const Span&, const Span&) = default;
};

}  // namespace hearsay

#endif  // HEARSAY_SPAN_H_
