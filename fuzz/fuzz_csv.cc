// libFuzzer target for the CSV reader: any bytes must parse or fail cleanly,
// and every record kept must have as many fields as the header.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  hearsay::Result<hearsay::CsvTable> t = hearsay::CsvTable::Parse(text, "fuzz");
  if (!t.ok()) return 0;
  for (size_t r = 0; r < t->rows(); ++r) {
    if (t->Row(r).size() != t->header().size()) std::abort();
    if (t->Line(r) == 0) std::abort();
  }
  // What the writer writes, the reader reads back unchanged.
  std::string out;
  std::vector<std::string_view> header(t->header().begin(), t->header().end());
  hearsay::AppendCsvRow(header, out);
  for (size_t r = 0; r < t->rows(); ++r) {
    std::vector<std::string_view> row(t->Row(r).begin(), t->Row(r).end());
    hearsay::AppendCsvRow(row, out);
  }
  hearsay::Result<hearsay::CsvTable> back =
      hearsay::CsvTable::Parse(out, "fuzz-out");
  if (!back.ok() || back->rows() != t->rows()) std::abort();
  for (size_t r = 0; r < t->rows(); ++r) {
    if (back->Row(r) != t->Row(r)) std::abort();
  }
  return 0;
}
