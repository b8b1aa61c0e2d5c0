#include "io/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "graph/text.h"
#include "io/csv_writer.h"

namespace pg {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

struct ParserFree {
  void operator()(csv_parser* parser) const {
    csv_free(parser);
    delete parser;
  }
};

// Collects cells into rows (one buffer, no allocation per cell) and hands them to the sink.
class RowAssembler {
 public:
  RowAssembler(const std::string& path, std::uint64_t bytes, TableSink& sink)
      : path_(path), bytes_(bytes), sink_(sink) {}

  // libcsv callbacks. Cells are copied at once: libcsv reuses its buffer for the next cell.
  static void OnField(void* data, std::size_t length, void* self) {
    auto* rows = static_cast<RowAssembler*>(self);
    const std::string_view cell(static_cast<const char*>(data), data ? length : 0);
    rows->text_.append(cell);
    rows->ends_.push_back(rows->text_.size());
    // A quoted cell may span lines; they count towards the lines of the rows after it.
    for (const char c : cell) rows->line_ += c == '\n';
  }
  /// With CSV_REPALL_NL libcsv reports every unquoted CR and LF, blank lines included, which
  /// is how rows learn their line without feeding libcsv one line at a time.
  static void OnRowEnd(int terminator, void* self) {
    auto* rows = static_cast<RowAssembler*>(self);
    rows->EndRow();
    if (terminator == '\n') ++rows->line_;
    rows->row_line_ = rows->line_;
  }

  std::uint32_t RowLine() const { return row_line_; }
  bool SawHeader() const { return header_seen_; }
  void Finish() {
    if (header_seen_ && accepted_) sink_.EndTable();
  }

  void EndRow() {
    views_.clear();
    std::size_t begin = 0;
    bool blank = true;
    for (const std::size_t end : ends_) {
      // `'=x` is how a writer neutralises a formula (csv_writer.h); read it back as `=x`.
      const std::string_view cell = UnneutraliseCsvCell(std::string_view(text_.data() + begin, end - begin));
      blank = blank && Trim(cell).empty();
      views_.push_back(cell);
      begin = end;
    }
    if (!blank) {
      if (!header_seen_) {
        header_seen_ = true;
        if (!views_.empty()) views_[0] = Trim(views_[0]);
        accepted_ = sink_.BeginTable(TableOrigin{path_, "", bytes_}, views_, row_line_);
      } else if (accepted_) {
        sink_.Row(views_, row_line_);
      }
    }
    text_.clear();  // only after the sink is done: the views point into it
    ends_.clear();
  }

 private:
  const std::string& path_;
  std::uint64_t bytes_;
  TableSink& sink_;
  std::string text_;
  std::vector<std::size_t> ends_;
  std::vector<std::string_view> views_;
  bool header_seen_ = false;
  bool accepted_ = false;
  std::uint32_t line_ = 1;      ///< the line libcsv has reached, by the callbacks so far
  std::uint32_t row_line_ = 1;  ///< the line the current row started on
};

}  // namespace

bool ReadCsvFile(const std::string& path, TableSink& sink, Diagnostics* diagnostics) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    diagnostics->Error({path}, fmt::format("cannot open: {}", std::strerror(errno)));
    return false;
  }
  std::unique_ptr<csv_parser, ParserFree> parser(new csv_parser);
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    diagnostics->Error({path}, "cannot start the CSV parser (out of memory)");
    return false;
  }
  std::uint64_t bytes = 0;
  if (std::fseek(file.get(), 0, SEEK_END) == 0) {
    const long end = std::ftell(file.get());
    bytes = end > 0 ? static_cast<std::uint64_t>(end) : 0;
    std::rewind(file.get());
  }
  RowAssembler rows(path, bytes, sink);
  constexpr std::size_t kChunk = 1 << 20;
  std::vector<char> buffer(kChunk);
  std::uint32_t lines_before_chunk = 0;
  std::size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
    const std::size_t parsed =
        csv_parse(parser.get(), buffer.data(), got, RowAssembler::OnField, RowAssembler::OnRowEnd, &rows);
    if (parsed != got) {
      if (csv_error(parser.get()) != CSV_EPARSE) {
        diagnostics->Error({path}, fmt::format("cannot read CSV: {}", csv_strerror(csv_error(parser.get()))));
        return false;
      }
      const std::uint32_t line =
          lines_before_chunk + 1 + static_cast<std::uint32_t>(std::count(buffer.data(), buffer.data() + parsed, '\n'));
      const std::uint32_t start = rows.RowLine();
      diagnostics->Error({path, "", line, 0},
                         start == line
                             ? "malformed quoted field: a quote must be doubled (\"\") inside a quoted cell, "
                               "and a quoted cell must end at a comma or line end"
                             : fmt::format("malformed quoted field in the row starting at line {}", start));
      return false;
    }
    lines_before_chunk += static_cast<std::uint32_t>(std::count(buffer.data(), buffer.data() + got, '\n'));
  }
  if (std::ferror(file.get())) {
    diagnostics->Error({path, "", lines_before_chunk + 1, 0}, fmt::format("read error: {}", std::strerror(errno)));
    return false;
  }
  if (csv_fini(parser.get(), RowAssembler::OnField, RowAssembler::OnRowEnd, &rows) != 0) {
    diagnostics->Error({path, "", rows.RowLine(), 0},
                       "unterminated quoted field: the quote opened in this row is never closed");
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
