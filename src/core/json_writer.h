// A small streaming JSON writer: appends to a caller-owned std::string, so a
// whole JSON Lines record is built without intermediate objects.
//
//   std::string out;
//   JsonWriter w(&out);
//   w.BeginObject();
//   w.Key("id"); w.String(doc.id);
//   w.Key("spans"); w.BeginArray(); w.Span(0, 5); w.EndArray();
//   w.EndObject();
//
// Strings are escaped per RFC 8259; invalid UTF-8 is written as U+FFFD so the
// output is always valid JSON whatever the input bytes. Commas are inserted
// automatically. Not thread-safe; one writer per output buffer.
#ifndef HEARSAY_CORE_JSON_WRITER_H_
#define HEARSAY_CORE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hearsay {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view s);
  // null for "", so an absent optional field reads as null, not "".
  void StringOrNull(std::string_view s);
  void Int(int64_t v);
  void Uint(uint64_t v);
  void Double(double v);  // NaN and infinities are written as null
  void Bool(bool v);
  void Null();
  // [begin, end]: the way every span is written in hearsay's JSON.
  void Span(uint32_t begin, uint32_t end);

  // Appends `s` escaped, without quotes, to `out`.
  static void Escape(std::string_view s, std::string& out);

 private:
  void Separate();  // a comma when this is not the first item

  std::string* out_;
  // One entry per open container: has it received an item yet?
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace hearsay

#endif  // HEARSAY_CORE_JSON_WRITER_H_
