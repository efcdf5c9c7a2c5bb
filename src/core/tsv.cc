#include "core/tsv.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <utility>

#include "core/lines.h"
#include "core/utf8.h"

namespace hearsay {
namespace {

bool IsTsvSpace(char c) { return c == ' ' || c == '\t'; }

std::string LinePrefix(std::string_view source, uint32_t line) {
  std::string out(source);
  out += ':';
  out += std::to_string(line);
  return out;
}

Status LineError(std::string_view source, uint32_t line,
                 std::string_view message) {
  std::string m = LinePrefix(source, line);
  m += ": ";
  m += message;
  return DataLossError(std::move(m));
}

uint32_t LineOfOffset(std::string_view text, size_t offset) {
  return 1 + static_cast<uint32_t>(
                 std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace

std::string_view TrimTsvSpace(std::string_view s) {
  while (!s.empty() && IsTsvSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsTsvSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitTsvList(std::string_view cell) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t bar = cell.find('|', start);
    if (bar == std::string_view::npos) bar = cell.size();
    std::string_view v = TrimTsvSpace(cell.substr(start, bar - start));
    if (!v.empty()) out.push_back(v);
    start = bar + 1;
  }
  return out;
}

Result<TsvTable> TsvTable::Parse(std::string_view text, std::string source) {
  if (text.size() > kMaxTsvBytes) {
    return ResourceExhaustedError(source + ": larger than " +
                                  std::to_string(kMaxTsvBytes >> 20) +
                                  " MiB; is this really a lexicon?");
  }
  if (size_t bad = utf8::FindInvalid(text); bad != text.size()) {
    return LineError(source, LineOfOffset(text, bad),
                     "invalid UTF-8 at byte " + std::to_string(bad));
  }
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return LineError(source, LineOfOffset(text, nul), "NUL byte");
  }

  TsvTable t;
  t.source_ = std::move(source);
  t.text_.assign(text);
  std::string_view all = t.text_;
  // After a byte-order mark, if any.
  LineCursor lines(all.substr(all.starts_with("\xEF\xBB\xBF") ? 3 : 0));
  std::string_view content;
  bool have_header = false;
  while (lines.Next(&content)) {
    const uint32_t line = static_cast<uint32_t>(lines.number());
    const size_t line_begin = static_cast<size_t>(content.data() - all.data());
    if (TrimTsvSpace(content).empty()) continue;
    if (content.front() == '#') continue;

    // Split on tabs, remembering each trimmed cell by offset.
    size_t first_cell = t.cells_.size();
    size_t start = 0;
    while (true) {
      size_t tab = content.find('\t', start);
      size_t end = tab == std::string_view::npos ? content.size() : tab;
      std::string_view raw = content.substr(start, end - start);
      std::string_view cell = TrimTsvSpace(raw);
      size_t begin = cell.empty()
                         ? line_begin + start
                         : static_cast<size_t>(cell.data() - all.data());
      t.cells_.push_back(
          {static_cast<uint32_t>(begin), static_cast<uint32_t>(cell.size())});
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    size_t count = t.cells_.size() - first_cell;
    // Trailing empty cells carry nothing; dropping them lets a row written
    // with stray tabs at its end still fit the header.
    while (count > 0 && t.cells_[first_cell + count - 1].size == 0) --count;
    t.cells_.resize(first_cell + count);

    if (!have_header) {
      have_header = true;
      t.header_line_ = line;
      for (size_t i = 0; i < count; ++i) {
        const CellRef& c = t.cells_[first_cell + i];
        std::string name(all.substr(c.begin, c.size));
        if (name.empty()) {
          return LineError(
              t.source_, line,
              "header column " + std::to_string(i + 1) + " has no name");
        }
        if (std::find(t.columns_.begin(), t.columns_.end(), name) !=
            t.columns_.end()) {
          return LineError(t.source_, line,
                           "header names column '" + name + "' twice");
        }
        t.columns_.push_back(std::move(name));
      }
      t.cells_.resize(first_cell);
      continue;
    }
    if (count > t.columns_.size()) {
      return LineError(t.source_, line,
                       std::to_string(count) + " cells but the header has " +
                           std::to_string(t.columns_.size()) + " columns");
    }
    t.rows_.push_back({line, static_cast<uint32_t>(first_cell),
                       static_cast<uint32_t>(count)});
  }
  if (!have_header) {
    return DataLossError(t.source_ +
                         ": no header row (every line is blank or a comment)");
  }
  return t;
}

Result<TsvTable> TsvTable::ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int err = errno;
    if (err == ENOENT) return NotFoundError(path + ": no such file");
    return IoError(path + ": " + std::strerror(err));
  }
  std::string bytes;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    if (bytes.size() > kMaxTsvBytes) break;  // Parse() reports it
  }
  if (in.bad()) return IoError(path + ": read failed");
  return Parse(bytes, path);
}

int TsvTable::ColumnIndex(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<int> TsvTable::Column(std::string_view name) const {
  int i = ColumnIndex(name);
  if (i >= 0) return i;
  std::string have;
  for (const std::string& c : columns_) {
    if (!have.empty()) have += ", ";
    have += c;
  }
  return LineError(
      source_, header_line_,
      "no column '" + std::string(name) + "' (the header has: " + have + ")");
}

std::string_view TsvTable::Cell(size_t row, int column) const {
  if (column < 0 || row >= rows_.size()) return {};
  const Row& r = rows_[row];
  if (static_cast<uint32_t>(column) >= r.cell_count) return {};
  const CellRef& c = cells_[r.first_cell + column];
  return std::string_view(text_).substr(c.begin, c.size);
}

Status TsvTable::RowError(size_t row, std::string_view message) const {
  return LineError(source_, row < rows_.size() ? rows_[row].line : 0, message);
}

}  // namespace hearsay
