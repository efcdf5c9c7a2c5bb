// The article bodies of FNC-1 (train_bodies.csv), which the benchmarks run
// over, and where the shared data lives. Header-only; benchmarks only.
#ifndef HEARSAY_BENCH_FNC1_BODIES_H_
#define HEARSAY_BENCH_FNC1_BODIES_H_

#include <cstdlib>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/shared_data.h"

namespace hearsay::bench {

// $HEARSAY_SHARED, else the `shared` folder beside the source tree.
using hearsay::SharedDir;

// The articleBody column, in file order; empty when the file is missing or
// has no such column (the benchmark then says so and skips).
inline std::vector<std::string> ReadFnc1Bodies(const std::string& path) {
  std::vector<std::string> bodies;
  Result<CsvTable> table = CsvTable::ReadFile(path);
  if (!table.ok()) return bodies;
  int column = table->ColumnIndex("articleBody");
  if (column < 0) return bodies;
  bodies.reserve(table->rows());
  for (size_t r = 0; r < table->rows(); ++r)
    bodies.emplace_back(table->Cell(r, column));
  return bodies;
}

}  // namespace hearsay::bench

#endif  // HEARSAY_BENCH_FNC1_BODIES_H_
