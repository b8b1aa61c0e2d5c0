// Hot paths of a large load, each alone: what a cell costs to parse, a name to intern, a row to
// split. The CSV pair shows why the reader no longer calls libcsv (same input, same dialect).

#include <csv.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "graph/string_pool.h"
#include "graph/value_parser.h"
#include "io/csv_reader.h"

namespace {

// An edges table shaped like the bench's (source,target,kind,amount_usd), `rows` rows.
std::string EdgesCsv(std::size_t rows) {
  std::mt19937 random(42);
  const char* kinds[] = {"investment", "distribution", "rivalry", "compute", "exclusivity"};
  std::string text = "source,target,kind,amount_usd\n";
  for (std::size_t i = 0; i < rows; ++i) {
    text += "i" + std::to_string(random() % 62500) + ",c" + std::to_string(random() % 200000) + "," +
            kinds[random() % 5] + "," + (random() % 2 ? std::to_string((random() % 90000) * 1000) : "") + "\n";
  }
  return text;
}

void BM_ParseAmount(benchmark::State& state) {
  const std::string cells[] = {"3269000", "$8 bn", "1,000,000", "1.9e9", "350M"};
  std::string error;
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(pg::ParseAmount(cells[i++ % 5], &error));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseAmount);

// `count` node ids ("c0", "c1", ...), each interned into `pool`.
std::vector<std::string> InternedIds(std::size_t count, pg::StringPool& pool) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < count; ++i) names.push_back("c" + std::to_string(i));
  for (const std::string& name : names) pool.Intern(name);
  return names;
}

// Interning ids already in the pool, in random order (the edges file's pattern).
void BM_InternExisting(benchmark::State& state) {
  const std::size_t count = static_cast<std::size_t>(state.range(0));
  pg::StringPool pool;
  const std::vector<std::string> names = InternedIds(count, pool);
  std::vector<std::uint32_t> order(1 << 20);
  std::mt19937 random(1);
  for (auto& o : order) o = random() % count;
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(pool.Intern(names[order[i++ & (order.size() - 1)]]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InternExisting)->Arg(10000)->Arg(300000);

// The same lookups a batch of 1,024 at a time, as the loader does (StringPool::InternMany).
void BM_InternManyExisting(benchmark::State& state) {
  const std::size_t count = static_cast<std::size_t>(state.range(0));
  pg::StringPool pool;
  const std::vector<std::string> names = InternedIds(count, pool);
  std::mt19937 random(1);
  std::vector<std::string_view> batch(1024);
  std::vector<pg::StrId> ids(batch.size());
  for (auto _ : state) {
    state.PauseTiming();
    for (auto& name : batch) name = names[random() % count];
    state.ResumeTiming();
    pool.InternMany(batch, ids.data());
    benchmark::DoNotOptimize(ids.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch.size()));
}
BENCHMARK(BM_InternManyExisting)->Arg(10000)->Arg(300000);

class CountingSink : public pg::TableSink {
 public:
  bool BeginTable(const pg::TableOrigin&, std::span<const std::string_view>, std::uint32_t, pg::CellColumns) override { return true; }
  void Row(std::span<const std::string_view> cells, std::uint32_t, pg::CellColumns) override { cells_ += cells.size(); }
  void EndTable() override {}
  std::size_t cells_ = 0;
};

// The whole reader on a file: libcsv in 1 MiB chunks, row assembly, line tracking.
void BM_ReadCsvFile(benchmark::State& state) {
  const std::string text = EdgesCsv(static_cast<std::size_t>(state.range(0)));
  const std::string path = (std::filesystem::temp_directory_path() / "pg_microbench_edges.csv").string();
  std::FILE* file = std::fopen(path.c_str(), "wb");
  std::fwrite(text.data(), 1, text.size(), file);
  std::fclose(file);
  for (auto _ : state) {
    CountingSink sink;
    pg::Diagnostics diagnostics;
    pg::ReadCsvFile(path, sink, &diagnostics);
    benchmark::DoNotOptimize(sink.cells_);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  std::filesystem::remove(path);
}
BENCHMARK(BM_ReadCsvFile)->Arg(100000)->Unit(benchmark::kMillisecond);

// libcsv strict on the same text, in memory (no file read, no row assembly: a lower bound for
// any reader built on it).
void BM_CsvRowFeed_Libcsv(benchmark::State& state) {
  const std::string text = EdgesCsv(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
    std::size_t fields = 0;
    auto on_field = [](void*, std::size_t, void* count) { ++*static_cast<std::size_t*>(count); };
    csv_parse(&parser, text.data(), text.size(), on_field, nullptr, &fields);
    csv_fini(&parser, on_field, nullptr, &fields);
    csv_free(&parser);
    benchmark::DoNotOptimize(fields);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_CsvRowFeed_Libcsv)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
