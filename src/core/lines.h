// Walking a text a line at a time, for the readers that report errors by
// line number ("file: line 12: ..."):
//
//   LineCursor lines(text);
//   std::string_view line;
//   while (lines.Next(&line)) {
//     if (bad) return Error(name + ": line " +
//                           std::to_string(lines.number()) + ...);
//   }
//
// Lines end at '\n'; a '\r' before it is not part of the line (files
// written on Windows read the same), and a last line without '\n' still
// counts. `line` views the text, so it dies with it; its offset in the text
// is line.data() - text.data(). A LineCursor is a cheap value for one
// thread.
#ifndef HEARSAY_CORE_LINES_H_
#define HEARSAY_CORE_LINES_H_

#include <cstddef>
#include <string_view>

namespace hearsay {

class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}

  // The next line, or false at the end of the text.
  bool Next(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    size_t nl = text_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = text_.size();
    *line = text_.substr(pos_, nl - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = nl + 1;
    ++number_;
    return true;
  }
  // The 1-based number of the line Next() gave last (0 before the first).
  int number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int number_ = 0;
};

}  // namespace hearsay

#endif  // HEARSAY_CORE_LINES_H_
