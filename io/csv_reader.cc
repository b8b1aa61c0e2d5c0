#include "io/csv_reader.h"

#include <csv.h>

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
  void operator()(csv_parser* parser) const { csv_free(parser); delete parser; }
};

// Collects libcsv's field/row callbacks into rows and hands them to the sink.
class RowAssembler {
 public:
  RowAssembler(const std::string& path, TableSink& sink) : path_(path), sink_(sink) {}

  static void OnField(void* data, std::size_t length, void* self) {
    static_cast<RowAssembler*>(self)->AddField(static_cast<const char*>(data), length);
  }
  static void OnRowEnd(int, void* self) { static_cast<RowAssembler*>(self)->EndRow(); }

  /// `between_rows`: libcsv has not begun a row (no field, not inside quotes).
  void StartLine(std::uint32_t line, bool between_rows) {
    if (between_rows) row_line_ = line;
  }
  std::uint32_t RowLine() const { return row_line_; }
  bool SawHeader() const { return header_seen_; }
  void Finish() {
    if (header_seen_ && accepted_) sink_.EndTable();
  }

 private:
  void AddField(const char* data, std::size_t length) {
    if (field_count_ == fields_.size()) fields_.emplace_back();
    fields_[field_count_++].assign(data ? data : "", data ? length : 0);
  }

  void EndRow() {
    views_.clear();
    // `'=x` is how a writer neutralises a formula (csv_writer.h); read it back as `=x`.
    for (std::size_t i = 0; i < field_count_; ++i) views_.emplace_back(UnneutraliseCsvCell(fields_[i]));
    field_count_ = 0;
    bool blank = true;
    for (std::string_view cell : views_) blank = blank && Trim(cell).empty();
    if (blank) return;
    if (!header_seen_) {
      header_seen_ = true;
      if (!views_.empty()) views_[0] = Trim(views_[0]);
      accepted_ = sink_.BeginTable(TableOrigin{path_, ""}, views_, row_line_);
      return;
    }
    if (accepted_) sink_.Row(views_, row_line_);
  }

  const std::string& path_;
  TableSink& sink_;
  std::vector<std::string> fields_;
  std::vector<std::string_view> views_;
  std::size_t field_count_ = 0;
  bool header_seen_ = false;
  bool accepted_ = false;
  std::uint32_t row_line_ = 1;
};

}  // namespace

bool ReadCsvFile(const std::string& path, TableSink& sink, Diagnostics* diagnostics) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    diagnostics->Error({path}, fmt::format("cannot open: {}", std::strerror(errno)));
    return false;
  }
  std::unique_ptr<csv_parser, ParserFree> parser(new csv_parser);
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
    diagnostics->Error({path}, "cannot start the CSV parser (out of memory)");
    return false;
  }
  RowAssembler rows(path, sink);

  // Lines are fed to libcsv one at a time so that every row knows the line it starts on.
  constexpr std::size_t kChunk = 1 << 20;
  std::vector<char> buffer(kChunk);
  std::string carry;  // an incomplete last line of the previous chunk
  std::uint32_t line = 1;
  auto feed_line = [&](const char* data, std::size_t size) {
    rows.StartLine(line, parser->pstate == 0);  // libcsv's ROW_NOT_BEGUN
    if (csv_parse(parser.get(), data, size, RowAssembler::OnField, RowAssembler::OnRowEnd, &rows) != size) {
      const std::uint32_t start = rows.RowLine();
      std::string message = fmt::format("malformed CSV: {}", csv_strerror(csv_error(parser.get())));
      if (csv_error(parser.get()) == CSV_EPARSE) {
        message = start == line ? "malformed quoted field: a quote must be doubled (\"\") inside a quoted cell, "
                                  "and a quoted cell must end at a comma or line end"
                                : fmt::format("malformed quoted field in the row starting at line {}", start);
      }
      diagnostics->Error({path, "", line, 0}, message);
      return false;
    }
    ++line;
    return true;
  };

  std::size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
    std::size_t begin = 0;
    for (;;) {
      const void* newline = std::memchr(buffer.data() + begin, '\n', got - begin);
      if (!newline) break;
      const std::size_t end = static_cast<const char*>(newline) - buffer.data() + 1;
      if (!carry.empty()) {
        carry.append(buffer.data() + begin, end - begin);
        if (!feed_line(carry.data(), carry.size())) return false;
        carry.clear();
      } else if (!feed_line(buffer.data() + begin, end - begin)) {
        return false;
      }
      begin = end;
    }
    carry.append(buffer.data() + begin, got - begin);
  }
  if (std::ferror(file.get())) {
    diagnostics->Error({path, "", line, 0}, fmt::format("read error: {}", std::strerror(errno)));
    return false;
  }
  if (!carry.empty() && !feed_line(carry.data(), carry.size())) return false;
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
