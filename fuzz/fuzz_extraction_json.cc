// Fuzzes the hearsay.extract/1 reader: any bytes must give a value or an
// error, never a crash; and whatever it accepts must write back to a record
// that reads and writes again to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/extraction_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  hearsay::Result<hearsay::Extraction> x = hearsay::ParseExtractionJson(input);
  if (!x.ok()) return 0;
  std::string once;
  hearsay::WriteExtractionJson(*x, once);
  hearsay::Result<hearsay::Extraction> again =
      hearsay::ParseExtractionJson(once);
  if (!again.ok()) std::abort();
  std::string twice;
  hearsay::WriteExtractionJson(*again, twice);
  if (once != twice) std::abort();
  return 0;
}
