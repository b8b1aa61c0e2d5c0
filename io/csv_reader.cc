#include "io/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <exception>
#include <span>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>
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
// libcsv is fed this much at a time, so that a cell that never ends (a 50 MB cell, /dev/zero)
// is stopped once it passes the cell_bytes limit instead of growing libcsv's buffer unbounded.
constexpr std::size_t kFeed = 64 << 10;
constexpr std::size_t kRowsPerBatch = 8192;
// Files at least this big are cut into stretches of about kStretchBytes (at least two a thread)
// read in parallel, when the sink takes its rows in chunks; the first stretch, read first,
// holds the header.
constexpr std::uint64_t kChunkedBytes = 1u << 20;
constexpr std::uint64_t kStretchBytes = 512u << 10;
constexpr std::uint64_t kFirstStretchBytes = 64u << 10;
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
  std::vector<std::uint32_t> cell_columns;  ///< where each cell starts (CellColumns)
  std::vector<std::size_t> row_ends;   ///< end of each row in `cell_ends`
  std::vector<std::uint32_t> row_lines;

  /// A batch with room for kRowsPerBatch rows of a typical table.
  static std::unique_ptr<RowBatch> Reserved() {
    auto batch = std::make_unique<RowBatch>();
    batch->text.reserve(kRowsPerBatch * 64);
    batch->cell_ends.reserve(kRowsPerBatch * 8);
    batch->cell_columns.reserve(kRowsPerBatch * 8);
    batch->row_ends.reserve(kRowsPerBatch + 1);
    batch->row_lines.reserve(kRowsPerBatch + 1);
    return batch;
  }
  void Clear() {
    text.clear();
    cell_ends.clear();
    cell_columns.clear();
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
  /// Every batch the parser fills is made here, on the loading thread: what the parser's thread
  /// allocated would stay in its own malloc arena after the load, resident (6 MiB on the 1M bench
  /// input) and out of reach of the passes' allocations.
  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {
    for (std::size_t k = 0; k < capacity + 2; ++k) free_.push_back(RowBatch::Reserved());
  }

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

/// A stretch of the file that starts at a row boundary: bytes [begin, end), `line` its first.
struct Stretch {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint32_t line = 1;
};

/// How parsing ended: nothing, or the diagnostic to report after the rows before it.
struct ParseFailure {
  Location place;
  std::string message;
};

/// Where each cell starts, as a 1-based character column (UTF-8 characters, a BOM not counted):
/// libcsv reports no positions, so the bytes it is about to parse are first scanned here with
/// the same rules (quotes, doubled quotes, commas, CR and LF, blanks before a row). Both see the
/// same bytes, so the n-th cell libcsv ends is the n-th cell begun here. A cell that starts on
/// a later line than its row (after a quoted cell spanning lines) gets 0: unknown.
class CellStarts {
 public:
  /// The file starts with a UTF-8 BOM: libcsv takes it as the first cell's start, it takes no column.
  void SkipBom() {
    Special('\xEF', 0);  // begins the row
    offset_ = line_start_ = 3;
    continuations_ = 0;
  }
  /// Scans the next bytes of the file (at most kFeed), in order, before libcsv parses them.
  /// Inside an unquoted row a byte costs a table look-up and a branch-free append (a comma
  /// every few bytes would defeat branch prediction); columns come from byte offsets less UTF-8
  /// continuation bytes.
  void Scan(const char* data, std::size_t size) {
    std::uint32_t* out = scratch_.data();
    std::size_t n = 0;
    for (std::size_t i = 0; i < size; ++i) {
      const std::uint8_t kind = kKind[static_cast<unsigned char>(data[i])];
      if (kind == kOther || !plain_row_) {
        starts_.insert(starts_.end(), out, out + n);
        n = 0;
        Special(static_cast<unsigned char>(data[i]), offset_ + i);
        continue;
      }
      out[n] = static_cast<std::uint32_t>(offset_ + i + 2 - line_start_ - continuations_);
      n += kind;  // kComma: the next cell has begun, at the byte after the comma
    }
    starts_.insert(starts_.end(), out, out + n);
    offset_ += size;
  }
  /// Line feeds scanned so far.
  std::uint32_t Lines() const { return lines_; }
  /// The start of the next cell libcsv delivers; 0 if the two ever disagree.
  std::uint32_t Next() { return next_ < starts_.size() ? starts_[next_++] : 0; }
  /// The start of the cell libcsv holds unfinished.
  std::uint32_t Pending() const { return next_ < starts_.size() ? starts_[next_] : 0; }
  /// Forgets the cells already delivered (keeps the vector's memory).
  void Compact() {
    starts_.erase(starts_.begin(), starts_.begin() + static_cast<std::ptrdiff_t>(std::min(next_, starts_.size())));
    next_ = 0;
  }

 private:
  static constexpr std::uint8_t kPlainByte = 0, kComma = 1, kOther = 2;
  static constexpr std::array<std::uint8_t, 256> kKind = [] {
    std::array<std::uint8_t, 256> kind{};
    for (int c = 0; c < 256; ++c) {
      kind[c] = c == ',' ? kComma : (c == '"' || c == '\r' || c == '\n' || c >= 0x80) ? kOther : kPlainByte;
    }
    return kind;
  }();

  void Special(unsigned char c, std::uint64_t at) {
    SpecialState(c, at);
    plain_row_ = row_begun_ && !quoted_ && first_line_;
  }
  void SpecialState(unsigned char c, std::uint64_t at) {
    if (c >= 0x80) {
      continuations_ += (c & 0xC0) == 0x80;
      Begin();
    } else if (quoted_) {
      if (c == '"') {
        quoted_ = false;
      } else if (c == '\n') {
        NewLine(at, true);
        first_line_ = false;
      }
    } else if (c == ',') {
      Begin();
      // The next cell has begun, at the byte after the comma.
      starts_.push_back(first_line_ ? static_cast<std::uint32_t>(at + 2 - line_start_ - continuations_) : 0);
    } else if (c == '\r' || c == '\n') {
      NewLine(at, c == '\n');
      row_begun_ = false;
      first_line_ = true;
    } else if (c == '"') {
      quoted_ = true;
      Begin();
    } else if (c != ' ' && c != '\t') {  // blanks do not begin a row
      Begin();
    }
  }
  void NewLine(std::uint64_t at, bool line_feed) {
    lines_ += line_feed;
    line_start_ = at + 1;
    continuations_ = 0;
  }
  void Begin() {
    if (row_begun_) return;
    row_begun_ = true;
    starts_.push_back(1);
  }

  std::vector<std::uint32_t> starts_;
  std::vector<std::uint32_t> scratch_ = std::vector<std::uint32_t>(kFeed);  ///< Scan's appends
  std::size_t next_ = 0;
  std::uint64_t offset_ = 0;         ///< of the next byte to scan, in the file
  std::uint64_t line_start_ = 0;     ///< offset of the current line's first byte
  std::uint64_t continuations_ = 0;  ///< UTF-8 continuation bytes since line_start_
  std::uint32_t lines_ = 0;
  bool quoted_ = false;
  bool row_begun_ = false;
  bool first_line_ = true;  ///< still on the line where the current row started
  bool plain_row_ = false;  ///< in a row begun, unquoted, on its first line: Scan's fast path
};

/// A file whose text is UTF-16: a BOM, or NUL bytes at every other position of its start.
bool LooksUtf16(const char* data, std::size_t size) {
  if (size >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') || (data[0] == '\xFE' && data[1] == '\xFF'))) {
    return true;
  }
  const std::size_t pairs = std::min<std::size_t>(size, 256) / 2;
  std::size_t even_nul = 0, odd_nul = 0;
  for (std::size_t k = 0; k < pairs; ++k) {
    even_nul += data[2 * k] == '\0';
    odd_nul += data[2 * k + 1] == '\0';
  }
  return pairs >= 2 && ((even_nul == 0 && odd_nul * 2 >= pairs) || (odd_nul == 0 && even_nul * 2 >= pairs));
}

// Runs libcsv over the file and fills batches, within the input limits. Knows nothing of
// tables or sinks.
class CsvParser {
 public:
  /// Parses `stretch` of `file`, which is positioned at its beginning.
  CsvParser(std::FILE* file, const std::string& path, const InputLimits& limits, BatchHandoff& queue,
            std::atomic<std::uint64_t>* bytes_read, const Stretch& stretch)
      : file_(file), path_(path), limits_(limits), queue_(queue), bytes_read_(bytes_read), stretch_(stretch),
        line_(stretch.line), row_line_(stretch.line) {}

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
    if (parser->stopped_) return;
    const std::string_view cell(static_cast<const char*>(data), data ? length : 0);
    const std::uint32_t column = parser->starts_.Next();
    if (cell.size() > parser->limits_.cell_bytes) return parser->Stop(parser->CellTooLong(column));
    if (++parser->row_cells_ > parser->limits_.columns) {
      return parser->Stop({{parser->path_, "", parser->row_line_, column},
                           fmt::format("more than {} cells in this row; {}", parser->limits_.columns,
                                       LimitAdvice("columns", parser->limits_.columns))});
    }
    RowBatch& batch = parser->Batch();
    batch.text.append(cell);
    batch.cell_ends.push_back(batch.text.size());
    batch.cell_columns.push_back(column);
    // A quoted cell may span lines; they count towards the lines of the rows after it.
    for (const char c : cell) parser->line_ += c == '\n';
  }
  /// With CSV_REPALL_NL libcsv reports every unquoted CR and LF, blank lines included, which
  /// is how rows learn their line without feeding libcsv one line at a time.
  static void OnRowEnd(int terminator, void* self) {
    auto* parser = static_cast<CsvParser*>(self);
    if (parser->stopped_) return;
    RowBatch& batch = parser->Batch();
    if (parser->row_cells_ > 0 && ++parser->rows_ > parser->limits_.rows_per_table + 1) {  // + the header
      return parser->Stop({{parser->path_, "", parser->row_line_, 0},
                           fmt::format("more than {} rows in this file; {}", parser->limits_.rows_per_table,
                                       LimitAdvice("rows_per_table", parser->limits_.rows_per_table))});
    }
    parser->row_cells_ = 0;
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
  void Stop(ParseFailure failure) {
    stopped_ = true;
    limit_failure_ = std::move(failure);
  }
  ParseFailure CellTooLong(std::uint32_t column) const {
    return {{path_, "", row_line_, column}, fmt::format("cell is longer than {} bytes; {}", limits_.cell_bytes,
                                                LimitAdvice("cell_bytes", limits_.cell_bytes))};
  }

  std::optional<ParseFailure> Parse() {
    std::unique_ptr<csv_parser, ParserFree> parser(new csv_parser);
    if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
      return ParseFailure{{path_}, "cannot start the CSV parser (out of memory)"};
    }
    std::vector<char>& buffer = buffer_;
    bool first = stretch_.begin == 0;  // the file's start: encoding checks, BOM
    std::size_t got;
    std::uint64_t left = stretch_.end - stretch_.begin;
    while (!cancelled_ && left > 0 &&
           (got = std::fread(buffer.data(), 1, std::min<std::uint64_t>(buffer.size(), left), file_)) > 0) {
      left -= got;
      if (bytes_read_) bytes_read_->fetch_add(got, std::memory_order_relaxed);
      std::size_t at = 0;
      if (std::exchange(first, false)) {
        if (LooksUtf16(buffer.data(), got)) {
          return ParseFailure{{path_}, "the file is UTF-16 encoded; save it as UTF-8 (Excel: \"CSV UTF-8\")"};
        }
        if (got >= 3 && std::memcmp(buffer.data(), "\xEF\xBB\xBF", 3) == 0) {
          starts_.SkipBom();
          at = 3;
          if (std::optional<ParseFailure> failure = Feed(parser.get(), buffer.data(), 3, false)) {
            return failure;
          }
        }
      }
      for (; at < got && !cancelled_; at += kFeed) {
        const std::size_t size = std::min(kFeed, got - at);
        if (std::optional<ParseFailure> failure = Feed(parser.get(), buffer.data() + at, size, true)) {
          return failure;
        }
      }
    }
    if (cancelled_) return std::nullopt;
    if (std::ferror(file_)) {
      return ParseFailure{{path_, "", stretch_.line + starts_.Lines(), 0},
                          fmt::format("read error: {}", std::strerror(errno))};
    }
    if (csv_fini(parser.get(), OnField, OnRowEnd, this) != 0) {
      return ParseFailure{{path_, "", row_line_, 0},
                          "unterminated quoted field: the quote opened in this row is never closed"};
    }
    return limit_failure_;
  }

  /// Parses the next bytes (`scan`: through CellStarts first); a failure ends the file.
  std::optional<ParseFailure> Feed(csv_parser* parser, const char* data, std::size_t size, bool scan) {
    const std::uint32_t lines_before = starts_.Lines();
    if (scan) starts_.Scan(data, size);
    const std::size_t parsed = csv_parse(parser, data, size, OnField, OnRowEnd, this);
    if (limit_failure_) return limit_failure_;
    if (parsed != size) {
      if (csv_error(parser) != CSV_EPARSE) {
        return ParseFailure{{path_}, fmt::format("cannot read CSV: {}", csv_strerror(csv_error(parser)))};
      }
      const std::uint32_t line =
          stretch_.line + lines_before + static_cast<std::uint32_t>(std::count(data, data + parsed, '\n'));
      return ParseFailure{{path_, "", line, 0},
                          row_line_ == line
                              ? "malformed quoted field: a quote must be doubled (\"\") inside a quoted cell, "
                                "and a quoted cell must end at a comma or line end"
                              : fmt::format("malformed quoted field in the row starting at line {}", row_line_)};
    }
    // The cell libcsv is still collecting: stopped here, not after the whole file is in memory.
    if (parser->entry_pos > limits_.cell_bytes) return CellTooLong(starts_.Pending());
    starts_.Compact();
    return std::nullopt;
  }

  std::FILE* file_;
  const std::string& path_;
  const InputLimits& limits_;
  BatchHandoff& queue_;
  std::atomic<std::uint64_t>* bytes_read_;  ///< may be null
  Stretch stretch_;
  std::vector<char> buffer_ = std::vector<char>(kChunk);  ///< made on the constructing (loading) thread
  std::unique_ptr<RowBatch> batch_;
  CellStarts starts_;
  std::optional<ParseFailure> limit_failure_;
  bool cancelled_ = false;
  bool stopped_ = false;        ///< a limit was hit: callbacks ignore the rest
  std::uint32_t line_;      ///< the line libcsv has reached, by the callbacks so far
  std::uint32_t row_line_;  ///< the line the current row started on
  std::uint64_t row_cells_ = 0;  ///< cells of the current row so far
  std::uint64_t rows_ = 0;       ///< rows with cells so far, the header included
};

// Hands parsed rows to the sink: the first non-blank row is the header. Or, for a chunk of a
// table whose header was read, every non-blank row to the chunk.
class RowDelivery {
 public:
  RowDelivery(const std::string& path, std::uint64_t bytes, TableSink& sink, RowChunk* chunk = nullptr)
      : path_(path), bytes_(bytes), sink_(sink), chunk_(chunk), header_seen_(chunk != nullptr), accepted_(chunk != nullptr) {}

  void Deliver(const RowBatch& batch) {
    std::size_t cell = 0;
    for (std::size_t row = 0; row < batch.row_ends.size(); ++row) {
      views_.clear();
      const CellColumns columns(batch.cell_columns.data() + cell, batch.row_ends[row] - cell);
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
        accepted_ = sink_.BeginTable(TableOrigin{path_, "", bytes_}, views_, batch.row_lines[row], columns);
      } else if (chunk_) {
        chunk_->Row(views_, batch.row_lines[row], columns);
      } else if (accepted_) {
        sink_.Row(views_, batch.row_lines[row], columns);
      }
    }
  }
  bool SawHeader() const { return header_seen_; }
  bool Accepted() const { return accepted_; }
  void Finish() {
    if (header_seen_ && accepted_) sink_.EndTable();
  }

 private:
  const std::string& path_;
  std::uint64_t bytes_;
  TableSink& sink_;
  RowChunk* chunk_;
  std::vector<std::string_view> views_;
  bool header_seen_;
  bool accepted_;
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

/// The file's size, 0 when unknown (a pipe); the file is left at its start.
std::uint64_t FileSize(std::FILE* file) {
  std::uint64_t bytes = 0;
  if (std::fseek(file, 0, SEEK_END) == 0) {
    const long end = std::ftell(file);
    bytes = end > 0 ? static_cast<std::uint64_t>(end) : 0;
  }
  std::rewind(file);
  return bytes;
}

/// Parses `stretch` (the file is positioned at its start) and delivers its rows; big stretches
/// on a second thread while this one takes the rows.
std::optional<ParseFailure> ReadStretch(std::FILE* file, const std::string& path, const InputLimits& limits,
                                        RowDelivery& rows, std::atomic<std::uint64_t>* bytes_read,
                                        const Stretch& stretch) {
  std::optional<ParseFailure> failure;
  if (stretch.end - stretch.begin < kThreadedBytes) {
    DirectHandoff direct(rows);
    CsvParser parser(file, path, limits, direct, bytes_read, stretch);
    return parser.Run();
  }
  BatchQueue queue(kBatchesInFlight);
  CsvParser parser(file, path, limits, queue, bytes_read, stretch);
  {
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
  }  // joined: `failure` is the parser's last word (read before the join, it raced with it)
  return failure;
}

/// Where to cut a big file for chunks read in parallel: after a line feed outside quotes. A
/// quote opens or closes a quoted cell (a doubled one does both), so the count of quotes before
/// a byte says whether it is quoted, in every file libcsv accepts up to there; where it does not,
/// its error comes in an earlier stretch, which is merged and reported first. Empty when the file
/// cannot be cut (no line feeds: CR-only line ends) or might have more rows than the row limit
/// (that message must come at the same row as on one thread).
std::vector<Stretch> PlanStretches(std::FILE* file, std::uint64_t bytes, unsigned threads,
                                   const InputLimits& limits) {
  const std::uint64_t pieces = std::clamp<std::uint64_t>(bytes / kStretchBytes, 2 * threads, 64);
  const std::uint64_t size = std::max<std::uint64_t>(bytes / pieces, 1);
  std::vector<Stretch> stretches{Stretch{}};
  std::uint64_t cut_at = kFirstStretchBytes;  // the header and a few rows, read before the rest
  std::uint64_t at = 0, quotes = 0, line_ends = 0;
  std::uint32_t line = 1;
  bool looking = false;  // past cut_at, looking for a line feed outside quotes
  std::vector<char> buffer(kChunk);
  std::size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
    for (std::size_t i = 0; i < got;) {
      if (!looking) {
        const std::size_t n = std::min<std::uint64_t>(got - i, cut_at > at ? cut_at - at : 0);
        const char* p = buffer.data() + i;
        quotes += static_cast<std::uint64_t>(std::count(p, p + n, '"'));
        const auto feeds = static_cast<std::uint64_t>(std::count(p, p + n, '\n'));
        line += static_cast<std::uint32_t>(feeds);
        line_ends += feeds + static_cast<std::uint64_t>(std::count(p, p + n, '\r'));
        i += n;
        at += n;
        looking = at >= cut_at;
        continue;
      }
      const char c = buffer[i++];
      ++at;
      quotes += c == '"';
      line_ends += c == '\n' || c == '\r';
      if (c != '\n') continue;
      ++line;
      if (quotes % 2 != 0) continue;
      looking = false;
      stretches.back().end = at;
      if (bytes - at < size / 2) continue;  // a short tail stays with the stretch before it
      stretches.push_back(Stretch{at, 0, line});
      cut_at = at + size;
    }
  }
  stretches.back().end = at;
  std::rewind(file);
  if (std::ferror(file) || line_ends + 1 > limits.rows_per_table) return {};
  return stretches;
}

/// Reads the stretches after the first, each into a chunk of the sink's, on `threads` threads
/// (this one included), and merges the chunks in order on this thread as they are done, so that
/// only a few are held at once; a chunk that must merge alone waits until none is being read.
/// Stops at the first failure, after merging the rows before it.
class ChunkedRead {
 public:
  ChunkedRead(const std::string& path, const InputLimits& limits, std::uint64_t bytes, TableSink& sink,
              std::span<const Stretch> stretches, std::atomic<std::uint64_t>* bytes_read)
      : path_(path), limits_(limits), bytes_(bytes), sink_(sink), stretches_(stretches), bytes_read_(bytes_read),
        chunks_(stretches.size()), failures_(stretches.size()), done_(stretches.size(), false) {}

  std::optional<ParseFailure> Run(std::unique_ptr<RowChunk> first, unsigned threads) {
    chunks_[0] = std::move(first);
    window_ = 2 * threads;
    // Chunks are asked for as the window moves, on this thread: a sink may hand a merged chunk's
    // memory to the next, so that only the first window's pages are fresh.
    for (std::size_t k = 1; k < std::min(window_, chunks_.size()); ++k) chunks_[k] = NewChunk(k);
    std::vector<std::thread> helpers;
    struct Join {  // also when a merge throws
      ChunkedRead& read;
      std::vector<std::thread>& helpers;
      ~Join() {
        read.Stop();
        for (std::thread& helper : helpers) helper.join();
      }
    } join{*this, helpers};
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back([this] { Help(); });
    for (std::size_t k = 0; k < chunks_.size(); ++k) {
      WaitToMerge(k);
      if (thrown_) std::rethrow_exception(thrown_);
      sink_.MergeChunk(std::move(chunks_[k]));
      // Claimed only once merged_ passes k (under the lock below).
      if (k + window_ < chunks_.size()) chunks_[k + window_] = NewChunk(k + window_);
      {
        std::lock_guard lock(mutex_);
        merged_ = k + 1;
        alone_ = false;
      }
      changed_.notify_all();
      if (failures_[k]) return failures_[k];
    }
    return std::nullopt;
  }

 private:
  void Stop() {
    std::lock_guard lock(mutex_);
    next_ = chunks_.size();
    changed_.notify_all();
  }
  std::unique_ptr<RowChunk> NewChunk(std::size_t k) {
    return sink_.NewChunk(stretches_[k].end - stretches_[k].begin);
  }
  /// Whether another stretch may be read now (the lock held).
  bool MayClaim() const { return !alone_ && next_ < chunks_.size() && next_ < merged_ + window_; }

  void Help() {
    for (;;) {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return next_ >= chunks_.size() || MayClaim(); });
      if (next_ >= chunks_.size()) return;
      ReadClaimed(lock);
    }
  }
  /// Waits until chunk k is read (reading others meanwhile) and, if it merges alone, until no
  /// other is being read.
  void WaitToMerge(std::size_t k) {
    std::unique_lock lock(mutex_);
    for (;;) {
      if (done_[k] && (reading_ == 0 || !chunks_[k]->MergesAlone())) return;
      if (done_[k]) {
        alone_ = true;  // no new stretch until this chunk is merged
      } else if (MayClaim()) {
        ReadClaimed(lock);
        continue;
      }
      changed_.wait(lock);
    }
  }
  /// Reads the next stretch into its chunk, the lock released meanwhile.
  void ReadClaimed(std::unique_lock<std::mutex>& lock) {
    const std::size_t k = next_++;
    ++reading_;
    lock.unlock();
    try {
      failures_[k] = Read(k);
    } catch (...) {
      failures_[k] = ParseFailure{{path_}, "out of memory"};
      std::lock_guard thrown(mutex_);
      if (!thrown_) thrown_ = std::current_exception();
    }
    lock.lock();
    --reading_;
    done_[k] = true;
    changed_.notify_all();
  }
  std::optional<ParseFailure> Read(std::size_t k) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path_.c_str(), "rb"));
    if (!file || std::fseek(file.get(), static_cast<long>(stretches_[k].begin), SEEK_SET) != 0) {
      return ParseFailure{{path_}, fmt::format("cannot open: {}", std::strerror(errno))};
    }
    RowDelivery rows(path_, bytes_, sink_, chunks_[k].get());
    DirectHandoff direct(rows);
    CsvParser parser(file.get(), path_, limits_, direct, bytes_read_, stretches_[k]);
    return parser.Run();
  }

  const std::string& path_;
  const InputLimits& limits_;
  std::uint64_t bytes_;
  TableSink& sink_;
  std::span<const Stretch> stretches_;
  std::atomic<std::uint64_t>* bytes_read_;
  std::vector<std::unique_ptr<RowChunk>> chunks_;
  std::vector<std::optional<ParseFailure>> failures_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<bool> done_;  ///< by stretch, under mutex_
  std::size_t next_ = 0;    ///< the next stretch to read
  std::size_t merged_ = 0;  ///< chunks merged so far
  std::size_t reading_ = 0; ///< stretches being read
  std::size_t window_ = 4;  ///< stretches read ahead of the merge, at most
  bool alone_ = false;      ///< a chunk waits to merge alone: no new stretch meanwhile
  std::exception_ptr thrown_;
};

}  // namespace

unsigned ReaderThreads() {
  if (const char* forced = std::getenv("PARTNERGRAPH_THREADS")) {
    const int threads = std::atoi(forced);
    if (threads >= 1) return static_cast<unsigned>(std::min(threads, 64));
  }
  // One: measured on 2026-11-30 (1M bench input, shared 2-core machine), two threads took the
  // same wall time, 7% more CPU and 4 MiB more memory. The one-stretch read already parses on a
  // second thread; with chunks the loading thread reads its share of stretches and merges them
  // all, and its samples grew from 63% of the load's to 67% (it is the critical path).
  return 1;
}

std::vector<std::uint64_t> CsvStretchStarts(const std::string& path, unsigned threads, const InputLimits& limits) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  const std::uint64_t bytes = file ? FileSize(file.get()) : 0;
  std::vector<std::uint64_t> starts;
  if (threads < 2 || bytes < kChunkedBytes) return starts;
  for (const Stretch& stretch : PlanStretches(file.get(), bytes, threads, limits)) {
    if (stretch.begin > 0) starts.push_back(stretch.begin);
  }
  return starts;
}

bool ReadCsvFile(const std::string& path, TableSink& sink, Diagnostics* diagnostics, const InputLimits& limits,
                 std::atomic<std::uint64_t>* bytes_read) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    diagnostics->Error({path}, fmt::format("cannot open: {}", std::strerror(errno)));
    return false;
  }
  const std::uint64_t bytes = FileSize(file.get());
  RowDelivery rows(path, bytes, sink);
  const unsigned threads = ReaderThreads();
  std::vector<Stretch> stretches;
  if (threads > 1 && bytes >= kChunkedBytes) stretches = PlanStretches(file.get(), bytes, threads, limits);
  if (stretches.size() < 2) stretches = {Stretch{0, bytes ? bytes : ~std::uint64_t{0}, 1}};  // size unknown: to the end
  // The first stretch holds the header: the sink learns the table before chunks are asked for.
  std::optional<ParseFailure> failure = ReadStretch(file.get(), path, limits, rows, bytes_read, stretches[0]);
  if (!failure && stretches.size() > 1) {
    const std::span<const Stretch> rest = std::span<const Stretch>(stretches).subspan(1);
    std::unique_ptr<RowChunk> first = rows.Accepted() ? sink.NewChunk(rest.front().end - rest.front().begin) : nullptr;
    if (first) {
      failure = ChunkedRead(path, limits, bytes, sink, rest, bytes_read).Run(std::move(first), threads);
    } else {
      // Not a table read in chunks (or no header yet): the rest on this thread, as one stretch.
      std::fseek(file.get(), static_cast<long>(rest.front().begin), SEEK_SET);
      failure = ReadStretch(file.get(), path, limits, rows, bytes_read, {rest.front().begin, bytes, rest.front().line});
    }
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
