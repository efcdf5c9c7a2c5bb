#include "core/json_writer.h"

#include <cmath>
#include <cstdio>

#include "core/utf8.h"

namespace hearsay {

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::BeginObject() {
  Separate();
  out_->push_back('{');
  first_.push_back(true);
}

void JsonWriter::EndObject() {
  first_.pop_back();
  out_->push_back('}');
}

void JsonWriter::BeginArray() {
  Separate();
  out_->push_back('[');
  first_.push_back(true);
}

void JsonWriter::EndArray() {
  first_.pop_back();
  out_->push_back(']');
}

void JsonWriter::Key(std::string_view key) {
  Separate();
  out_->push_back('"');
  Escape(key, *out_);
  out_->append("\":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  Separate();
  out_->push_back('"');
  Escape(s, *out_);
  out_->push_back('"');
}

void JsonWriter::StringOrNull(std::string_view s) {
  if (s.empty()) {
    Null();
  } else {
    String(s);
  }
}

void JsonWriter::Int(int64_t v) {
  Separate();
  out_->append(std::to_string(v));
}

void JsonWriter::Uint(uint64_t v) {
  Separate();
  out_->append(std::to_string(v));
}

void JsonWriter::Double(double v) {
  Separate();
  if (!std::isfinite(v)) {
    out_->append("null");
    return;
  }
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.6g", v);
  out_->append(buf, n);
}

void JsonWriter::Bool(bool v) {
  Separate();
  out_->append(v ? "true" : "false");
}

void JsonWriter::Null() {
  Separate();
  out_->append("null");
}

void JsonWriter::Span(uint32_t begin, uint32_t end) {
  Separate();
  out_->push_back('[');
  out_->append(std::to_string(begin));
  out_->push_back(',');
  out_->append(std::to_string(end));
  out_->push_back(']');
}

void JsonWriter::Escape(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      utf8::Decoded d = utf8::Decode(s, i);
      if (d.valid) {
        out.append(s.substr(i, d.size));
      } else {
        out.append("\xEF\xBF\xBD");  // U+FFFD
      }
      i += d.size;
      continue;
    }
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xf]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
}

}  // namespace hearsay
