// libFuzzer target: any bytes as a JSON model document, read array by array, loaded, built and
// analysed. Seeds: fuzz/seeds/fuzz_json_model and every .json under tests/data and examples.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "io/json_model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static pg::fuzz::MemFile file("model.json");
  file.Write(data, size);
  pg::fuzz::LoadBuildAnalyze(
      [&](pg::TableSink& sink, pg::Diagnostics* diagnostics) { return pg::ReadJsonModel(file.Path(), sink, diagnostics); },
      /*lenient=*/false);
  return 0;
}
