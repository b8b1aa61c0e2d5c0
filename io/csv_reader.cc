#include "io/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "graph/text.h"
#include "io/csv_writer.h"

namespace pg {
namespace {

// Files at least this big are parsed on a second thread while the caller's thread loads the rows
// already parsed: on a million-edge file, libcsv and row assembly are a fifth of the load.
constexpr std::uint64_t kThreadedBytes = 4u << 20;
constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kRowsPerBatch = 8192;
constexpr std::size_t kBatchesInFlight = 4;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

struct ParserFree {
  void operator()(csv_parser* parser) const {
    csv_free(parser);
    delete parser;
  }
};

/// Parsed rows, their cells back to back in one buffer (no allocation per cell).
struct RowBatch {
  std::string text;
  std::vector<std::size_t> cell_ends;  ///< end of each cell in `text`
  std::vector<std::size_t> row_ends;   ///< end of each row in `cell_ends`
  std::vector<std::uint32_t> row_lines;

  void Clear() {
    text.clear();
    cell_ends.clear();
    row_ends.clear();
    row_lines.clear();
  }
};

/// Where the parser puts full batches.
class BatchHandoff {
 public:
  virtual ~BatchHandoff() = default;
  /// A batch to fill: a recycled one when there is one.
  virtual std::unique_ptr<RowBatch> Empty() = 0;
  /// Hands a full batch over; false when the loader has stopped listening.
  virtual bool Push(std::unique_ptr<RowBatch> batch) = 0;
  /// No more batches.
  virtual void Close() = 0;
};

/// Batches from the parser's thread to the loader's, bounded so that a big file is never held
/// whole in memory.
class BatchQueue : public BatchHandoff {
 public:
  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {}

  std::unique_ptr<RowBatch> Empty() override {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_unique<RowBatch>();
    std::unique_ptr<RowBatch> batch = std::move(free_.back());
    free_.pop_back();
    return batch;
  }
  bool Push(std::unique_ptr<RowBatch> batch) override {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return cancelled_ || full_.size() < capacity_; });
    if (cancelled_) return false;
    full_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  void Close() override {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_one();
  }
  /// The next batch, or null once the parser has closed the queue and every batch was taken.
  std::unique_ptr<RowBatch> Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || !full_.empty(); });
    if (full_.empty()) return nullptr;
    std::unique_ptr<RowBatch> batch = std::move(full_.front());
    full_.pop_front();
    room_.notify_one();
    return batch;
  }
  void Recycle(std::unique_ptr<RowBatch> batch) {
    batch->Clear();
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(batch));
  }
  /// The loader stops early (an exception): a parser waiting for room gives up.
  void Cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    room_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::unique_ptr<RowBatch>> full_;
  std::vector<std::unique_ptr<RowBatch>> free_;
  std::size_t capacity_;
  bool closed_ = false;
  bool cancelled_ = false;
};

/// How parsing ended: nothing, or the diagnostic to report after the rows before it.
struct ParseFailure {
  Location place;
  std::string message;
};

// Runs libcsv over the file and fills batches. Knows nothing of tables or sinks.
class CsvParser {
 public:
  CsvParser(std::FILE* file, const std::string& path, BatchHandoff& queue)
      : file_(file), path_(path), queue_(queue) {}

  std::optional<ParseFailure> Run() {
    std::optional<ParseFailure> failure = Parse();
    if (batch_ && !batch_->row_ends.empty()) queue_.Push(std::move(batch_));
    queue_.Close();
    return failure;
  }

 private:
  // libcsv callbacks. Cells are copied at once: libcsv reuses its buffer for the next cell.
  static void OnField(void* data, std::size_t length, void* self) {
    auto* parser = static_cast<CsvParser*>(self);
    const std::string_view cell(static_cast<const char*>(data), data ? length : 0);
    RowBatch& batch = parser->Batch();
    batch.text.append(cell);
    batch.cell_ends.push_back(batch.text.size());
    // A quoted cell may span lines; they count towards the lines of the rows after it.
    for (const char c : cell) parser->line_ += c == '\n';
  }
  /// With CSV_REPALL_NL libcsv reports every unquoted CR and LF, blank lines included, which
  /// is how rows learn their line without feeding libcsv one line at a time.
  static void OnRowEnd(int terminator, void* self) {
    auto* parser = static_cast<CsvParser*>(self);
    RowBatch& batch = parser->Batch();
    batch.row_ends.push_back(batch.cell_ends.size());
    batch.row_lines.push_back(parser->row_line_);
    if (terminator == '\n') ++parser->line_;
    parser->row_line_ = parser->line_;
    if (batch.row_ends.size() >= kRowsPerBatch && !parser->queue_.Push(std::move(parser->batch_))) {
      parser->cancelled_ = true;
    }
  }

  RowBatch& Batch() {
    if (!batch_) batch_ = queue_.Empty();
    return *batch_;
  }

  std::optional<ParseFailure> Parse() {
    std::unique_ptr<csv_parser, ParserFree> parser(new csv_parser);
    if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
      return ParseFailure{{path_}, "cannot start the CSV parser (out of memory)"};
    }
    std::vector<char> buffer(kChunk);
    std::uint32_t lines_before_chunk = 0;
    std::size_t got;
    while (!cancelled_ && (got = std::fread(buffer.data(), 1, buffer.size(), file_)) > 0) {
      const std::size_t parsed = csv_parse(parser.get(), buffer.data(), got, OnField, OnRowEnd, this);
      if (parsed != got) {
        if (csv_error(parser.get()) != CSV_EPARSE) {
          return ParseFailure{{path_}, fmt::format("cannot read CSV: {}", csv_strerror(csv_error(parser.get())))};
        }
        const std::uint32_t line = lines_before_chunk + 1 +
                                   static_cast<std::uint32_t>(std::count(buffer.data(), buffer.data() + parsed, '\n'));
        return ParseFailure{{path_, "", line, 0},
                            row_line_ == line
                                ? "malformed quoted field: a quote must be doubled (\"\") inside a quoted cell, "
                                  "and a quoted cell must end at a comma or line end"
                                : fmt::format("malformed quoted field in the row starting at line {}", row_line_)};
      }
      lines_before_chunk += static_cast<std::uint32_t>(std::count(buffer.data(), buffer.data() + got, '\n'));
    }
    if (cancelled_) return std::nullopt;
    if (std::ferror(file_)) {
      return ParseFailure{{path_, "", lines_before_chunk + 1, 0}, fmt::format("read error: {}", std::strerror(errno))};
    }
    if (csv_fini(parser.get(), OnField, OnRowEnd, this) != 0) {
      return ParseFailure{{path_, "", row_line_, 0},
                          "unterminated quoted field: the quote opened in this row is never closed"};
    }
    return std::nullopt;
  }

  std::FILE* file_;
  const std::string& path_;
  BatchHandoff& queue_;
  std::unique_ptr<RowBatch> batch_;
  bool cancelled_ = false;
  std::uint32_t line_ = 1;      ///< the line libcsv has reached, by the callbacks so far
  std::uint32_t row_line_ = 1;  ///< the line the current row started on
};

// Hands parsed rows to the sink: the first non-blank row is the header.
class RowDelivery {
 public:
  RowDelivery(const std::string& path, std::uint64_t bytes, TableSink& sink)
      : path_(path), bytes_(bytes), sink_(sink) {}

  void Deliver(const RowBatch& batch) {
    std::size_t cell = 0;
    for (std::size_t row = 0; row < batch.row_ends.size(); ++row) {
      views_.clear();
      bool blank = true;
      for (; cell < batch.row_ends[row]; ++cell) {
        const std::size_t begin = cell == 0 ? 0 : batch.cell_ends[cell - 1];
        // `'=x` is how a writer neutralises a formula (csv_writer.h); read it back as `=x`.
        const std::string_view text =
            UnneutraliseCsvCell(std::string_view(batch.text.data() + begin, batch.cell_ends[cell] - begin));
        blank = blank && Trim(text).empty();
        views_.push_back(text);
      }
      if (blank) continue;
      if (!header_seen_) {
        header_seen_ = true;
        if (!views_.empty()) views_[0] = Trim(views_[0]);
        accepted_ = sink_.BeginTable(TableOrigin{path_, "", bytes_}, views_, batch.row_lines[row], {});
      } else if (accepted_) {
        sink_.Row(views_, batch.row_lines[row], {});
      }
    }
  }
  bool SawHeader() const { return header_seen_; }
  void Finish() {
    if (header_seen_ && accepted_) sink_.EndTable();
  }

 private:
  const std::string& path_;
  std::uint64_t bytes_;
  TableSink& sink_;
  std::vector<std::string_view> views_;
  bool header_seen_ = false;
  bool accepted_ = false;
};

// Small files are parsed on the caller's thread, each batch loaded as soon as it is full.
class DirectHandoff : public BatchHandoff {
 public:
  explicit DirectHandoff(RowDelivery& rows) : rows_(rows) {}
  std::unique_ptr<RowBatch> Empty() override {
    return spare_ ? std::move(spare_) : std::make_unique<RowBatch>();
  }
  bool Push(std::unique_ptr<RowBatch> batch) override {
    rows_.Deliver(*batch);
    batch->Clear();
    spare_ = std::move(batch);
    return true;
  }
  void Close() override {}

 private:
  RowDelivery& rows_;
  std::unique_ptr<RowBatch> spare_;
};

}  // namespace

bool ReadCsvFile(const std::string& path, TableSink& sink, Diagnostics* diagnostics, const InputLimits& limits) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    diagnostics->Error({path}, fmt::format("cannot open: {}", std::strerror(errno)));
    return false;
  }
  std::uint64_t bytes = 0;
  if (std::fseek(file.get(), 0, SEEK_END) == 0) {
    const long end = std::ftell(file.get());
    bytes = end > 0 ? static_cast<std::uint64_t>(end) : 0;
    std::rewind(file.get());
  }

  RowDelivery rows(path, bytes, sink);
  std::optional<ParseFailure> failure;
  if (bytes >= kThreadedBytes) {
    BatchQueue queue(kBatchesInFlight);
    CsvParser parser(file.get(), path, queue);
    std::thread parsing([&] { failure = parser.Run(); });
    struct Join {  // also when the sink throws: the parser stops waiting for room, then joins
      BatchQueue& queue;
      std::thread& thread;
      ~Join() {
        queue.Cancel();
        thread.join();
      }
    } join{queue, parsing};
    while (std::unique_ptr<RowBatch> batch = queue.Pop()) {
      rows.Deliver(*batch);
      queue.Recycle(std::move(batch));
    }
  } else {
    DirectHandoff direct(rows);
    CsvParser parser(file.get(), path, direct);
    failure = parser.Run();
  }

  // Rows before an error have been delivered; callers discard the whole load on error.
  if (failure) {
    diagnostics->Error(failure->place, failure->message);
    return false;
  }
  if (!rows.SawHeader()) {
    diagnostics->Error({path}, "empty file: expected a header row");
    return false;
  }
  rows.Finish();
  return true;
}

}  // namespace pg
