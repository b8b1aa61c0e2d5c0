// libFuzzer target: any bytes as one CSV file, read, loaded as a table, built and analysed.
// Finds crashes, hangs and undefined behaviour in csv_reader, table_loader, graph_builder and
// the passes. Seeds: every .csv under tests/data and examples (make fuzz copies them).

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "io/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static pg::fuzz::MemFile file("edges.csv");
  file.Write(data, size);
  pg::fuzz::LoadBuildAnalyze(
      [&](pg::TableSink& sink, pg::Diagnostics* diagnostics) { return pg::ReadCsvFile(file.Path(), sink, diagnostics); },
      /*lenient=*/false);
  return 0;
}
