// Reading the tab-separated tables that hold hearsay's word lists.
//
// Every lexicon is a plain text file a person can edit: '#' comment lines
// anywhere, blank lines anywhere, then one header row naming the columns,
// then one row per line, cells separated by tabs. Cells are trimmed of
// surrounding spaces; a row may stop short of the last columns (editors drop
// trailing tabs), which then read as empty; a row with more cells than the
// header is an error. Multi-valued cells separate their values with '|'.
//
//   HEARSAY_ASSIGN_OR_RETURN(TsvTable t, TsvTable::Parse(bytes, "hedges.tsv"));
//   HEARSAY_ASSIGN_OR_RETURN(int phrase, t.Column("phrase"));
//   for (size_t r = 0; r < t.rows(); ++r) {
//     for (std::string_view v : SplitTsvList(t.Cell(r, phrase))) ...
//     if (bad) return t.RowError(r, "modality 'x' is unknown");
//   }
//
// Errors name the source and the 1-based line: "hedges.tsv:12: ...". A
// TsvTable owns a copy of its text, so it may be moved freely; the
// string_views it returns die with the table. It is immutable after Parse()
// and safe to read from many threads.
#ifndef HEARSAY_CORE_TSV_H_
#define HEARSAY_CORE_TSV_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"

namespace hearsay {

// Larger inputs are refused rather than read: a lexicon this big is a
// mistake (a wrong file passed as a lexicon), not a word list.
inline constexpr size_t kMaxTsvBytes = size_t{64} << 20;

class TsvTable {
 public:
  // Parses `text`. `source` names it in error messages (a path, or
  // "lexicons/x.tsv (embedded)"). Fails with DataLoss on invalid UTF-8, NUL
  // bytes, a missing header, empty or duplicate column names and rows with
  // too many cells; with ResourceExhausted beyond kMaxTsvBytes.
  static Result<TsvTable> Parse(std::string_view text, std::string source);
  // Reads and parses a file; IoError / NotFound when it cannot be read.
  static Result<TsvTable> ReadFile(const std::string& path);

  const std::string& source() const { return source_; }
  const std::vector<std::string>& columns() const { return columns_; }

  // Index of the named column, or -1.
  int ColumnIndex(std::string_view name) const;
  // Same, but a missing column is a DataLoss error naming the source and the
  // header line, so a lexicon with a misspelt header fails loudly.
  Result<int> Column(std::string_view name) const;

  size_t rows() const { return rows_.size(); }
  // The trimmed cell; empty when the row stops short or `column` is -1.
  // The view dies with the table.
  std::string_view Cell(size_t row, int column) const;
  // 1-based line number of the row in the source, for messages.
  uint32_t Line(size_t row) const { return rows_[row].line; }
  uint32_t header_line() const { return header_line_; }

  // DataLoss "source:line: message" for a row whose content is unusable.
  Status RowError(size_t row, std::string_view message) const;

 private:
  struct CellRef {
    uint32_t begin;
    uint32_t size;
  };
  struct Row {
    uint32_t line;
    uint32_t first_cell;  // into cells_
    uint32_t cell_count;
  };

  TsvTable() = default;

  std::string source_;
  std::string text_;
  uint32_t header_line_ = 0;
  std::vector<std::string> columns_;
  std::vector<Row> rows_;
  std::vector<CellRef> cells_;
};

// The values of a multi-valued cell: split on '|', trimmed, empties dropped.
// The views point into `cell` and die with it.
std::vector<std::string_view> SplitTsvList(std::string_view cell);

// `s` without leading and trailing ASCII spaces and tabs.
std::string_view TrimTsvSpace(std::string_view s);

}  // namespace hearsay

#endif  // HEARSAY_CORE_TSV_H_
