// Reading and writing comma-separated tables (RFC 4180) such as the FNC-1
// files: a header row, then records whose fields may be quoted, with commas,
// doubled quotes ("") and line breaks inside quotes. CRLF and LF line ends,
// a UTF-8 byte-order mark and a missing final line break are all accepted;
// a bare quote inside an unquoted field is kept as a character, as most
// writers produce and most readers accept.
//
//   HEARSAY_ASSIGN_OR_RETURN(CsvTable t, CsvTable::ReadFile("stances.csv"));
//   for (const std::string& e : t.errors()) std::fprintf(stderr, "%s\n", ...);
//   HEARSAY_ASSIGN_OR_RETURN(int headline, t.Column("Headline"));
//   for (size_t r = 0; r < t.rows(); ++r) Use(t.Cell(r, headline));
//
// Bad records are normal input: a record with the wrong number of fields,
// text after a closing quote or a quote left open at the end of the file is
// dropped, and errors() says where ("stances.csv:12: 4 fields, header has
// 3"). Only a file with no header fails as a whole. A CsvTable owns its
// cells, is immutable once parsed, and may be read from many threads.
#ifndef HEARSAY_CORE_CSV_H_
#define HEARSAY_CORE_CSV_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"

namespace hearsay {

// A table larger than this is refused rather than held in memory.
inline constexpr size_t kMaxCsvBytes = size_t{1} << 30;

class CsvTable {
 public:
  // Parses `text`; `source` names it in messages. DataLoss when there is no
  // header row; ResourceExhausted beyond kMaxCsvBytes.
  static Result<CsvTable> Parse(std::string_view text, std::string source);
  // Reads and parses a file; NotFound / IoError when it cannot be read.
  static Result<CsvTable> ReadFile(const std::string& path);

  const std::string& source() const { return source_; }
  const std::vector<std::string>& header() const { return header_; }
  // Index of the column whose trimmed name equals `name`, or -1.
  int ColumnIndex(std::string_view name) const;
  // Same; a missing column is a DataLoss error naming the source.
  Result<int> Column(std::string_view name) const;

  size_t rows() const { return rows_.size(); }
  const std::vector<std::string>& Row(size_t row) const { return rows_[row]; }
  // The field; empty when `column` is -1.
  const std::string& Cell(size_t row, int column) const;
  // 1-based line of the file where the record starts.
  uint32_t Line(size_t row) const { return lines_[row]; }
  // One "source:line: message" per record that was dropped.
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  CsvTable() = default;
  std::string source_;
  uint32_t header_line_ = 1;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<uint32_t> lines_;
  std::vector<std::string> errors_;
};

// Appends `field` to `out`, quoted when it holds a comma, a quote or a line
// break (quotes doubled), as RFC 4180 and Python's csv module write it.
void AppendCsvField(std::string_view field, std::string& out);
// Appends the fields separated by commas and a "\n".
void AppendCsvRow(const std::vector<std::string_view>& fields,
                  std::string& out);

}  // namespace hearsay

#endif  // HEARSAY_CORE_CSV_H_
