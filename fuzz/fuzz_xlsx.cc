// libFuzzer target: any bytes as an .xlsx workbook, read sheet by sheet, loaded, built and
// analysed. The zip-bomb caps are lowered so each run stays fast; the guards themselves are
// tested in tests/io/xlsx_reader_test.cc. Seeds: every .xlsx under tests/data and examples.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "io/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static pg::fuzz::MemFile file("book.xlsx");
  file.Write(data, size);
  const pg::XlsxReadOptions options{.max_total_bytes = 4u << 20};  // bombs stop in milliseconds
  pg::fuzz::LoadBuildAnalyze(
      [&](pg::TableSink& sink, pg::Diagnostics* diagnostics) {
        return pg::ReadXlsxWorkbook(file.Path(), sink, diagnostics, options);
      },
      /*lenient=*/true);  // a workbook may hold unrelated sheets, as in LoadModel
  return 0;
}
