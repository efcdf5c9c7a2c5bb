#include "core/csv.h"

#include <utility>

#include "core/file.h"
#include "core/tsv.h"

namespace hearsay {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Walks the text one record at a time. Line numbers count every line break,
// inside quotes too, so a message points at the line an editor shows.
class CsvParser {
 public:
  explicit CsvParser(std::string_view text) : text_(text) {
    if (text_.substr(0, kBom.size()) == kBom) pos_ = kBom.size();
  }

  bool AtEnd() const { return pos_ >= text_.size(); }
  uint32_t line() const { return line_; }

  // Reads the next record into `fields`. Returns false with `error` set when
  // the record is malformed; the parser is then past it.
  bool Next(std::vector<std::string>* fields, std::string* error) {
    fields->clear();
    error->clear();
    while (true) {
      std::string field;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        ++pos_;
        bool closed = false;
        while (pos_ < text_.size()) {
          char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              field.push_back('"');
              ++pos_;
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\n') ++line_;
          field.push_back(c);
        }
        if (!closed) {
          *error = "a quoted field is never closed";
          return false;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && !AtLineEnd()) {
          *error = "text after the closing quote of field " +
                   std::to_string(fields->size() + 1);
          SkipLine();
          return false;
        }
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && !AtLineEnd()) {
          field.push_back(text_[pos_++]);
        }
      }
      fields->push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      ConsumeLineEnd();
      return true;
    }
  }

 private:
  bool AtLineEnd() const {
    return pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r');
  }
  void ConsumeLineEnd() {
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }
  void SkipLine() {
    while (pos_ < text_.size() && !AtLineEnd()) ++pos_;
    ConsumeLineEnd();
  }

  std::string_view text_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
};

bool IsBlankRecord(const std::vector<std::string>& fields) {
  return fields.size() == 1 && fields[0].empty();
}

}  // namespace

Result<CsvTable> CsvTable::Parse(std::string_view text, std::string source) {
  if (text.size() > kMaxCsvBytes) {
    return ResourceExhaustedError(source + ": larger than " +
                                  std::to_string(kMaxCsvBytes >> 20) + " MiB");
  }
  CsvTable t;
  t.source_ = std::move(source);
  CsvParser p(text);
  std::vector<std::string> fields;
  std::string error;
  bool have_header = false;
  while (!p.AtEnd()) {
    uint32_t line = p.line();
    bool ok = p.Next(&fields, &error);
    if (!ok) {
      // A broken header leaves nothing to read the rest against.
      if (!have_header) {
        return DataLossError(t.source_ + ":" + std::to_string(line) + ": " +
                             error);
      }
      t.errors_.push_back(t.source_ + ":" + std::to_string(line) + ": " +
                          error);
      continue;
    }
    if (IsBlankRecord(fields)) continue;
    if (!have_header) {
      t.header_ = fields;
      t.header_line_ = line;
      have_header = true;
      continue;
    }
    if (fields.size() != t.header_.size()) {
      t.errors_.push_back(t.source_ + ":" + std::to_string(line) + ": " +
                          std::to_string(fields.size()) +
                          " fields, the header has " +
                          std::to_string(t.header_.size()));
      continue;
    }
    t.rows_.push_back(fields);
    t.lines_.push_back(line);
  }
  if (!have_header) return DataLossError(t.source_ + ": no header row");
  return t;
}

Result<CsvTable> CsvTable::ReadFile(const std::string& path) {
  HEARSAY_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path));
  return Parse(bytes, path);
}

int CsvTable::ColumnIndex(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i) {
    if (TrimTsvSpace(header_[i]) == name) return static_cast<int>(i);
  }
  return -1;
}

Result<int> CsvTable::Column(std::string_view name) const {
  int i = ColumnIndex(name);
  if (i < 0) {
    return DataLossError(source_ + ":" + std::to_string(header_line_) +
                         ": no column named '" + std::string(name) + "'");
  }
  return i;
}

const std::string& CsvTable::Cell(size_t row, int column) const {
  static const std::string* const kEmpty = new std::string();
  if (column < 0 || static_cast<size_t>(column) >= rows_[row].size()) {
    return *kEmpty;
  }
  return rows_[row][column];
}

void AppendCsvField(std::string_view field, std::string& out) {
  // A leading byte-order mark is quoted so that a reader does not take it
  // for the file's own.
  if (field.find_first_of(",\"\r\n") == std::string_view::npos &&
      field.substr(0, kBom.size()) != kBom) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void AppendCsvRow(const std::vector<std::string_view>& fields,
                  std::string& out) {
  // A lone empty field would be a blank line, which readers skip.
  if (fields.size() == 1 && fields[0].empty()) {
    out += "\"\"\n";
    return;
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    AppendCsvField(fields[i], out);
  }
  out.push_back('\n');
}

}  // namespace hearsay
