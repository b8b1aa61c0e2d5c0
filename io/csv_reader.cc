#include "io/csv_reader.h"

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

// The CSV dialect of libcsv in strict mode (CSV_STRICT | CSV_STRICT_FINI), which this reader
// used before: measured on the bench's 1M-edge input, libcsv's csv_parse alone spent ~35
// instructions per byte (1.5 G instructions, over half a second), more than the whole load may
// take. This is the same state machine with a fast inner loop for plain cells:
//  - comma separates, CR or LF ends a row (CRLF: the LF after a CR is a blank line);
//  - lines holding nothing but blanks produce no row;
//  - spaces and tabs around an unquoted cell are dropped, inside a quoted cell they are kept;
//  - `""` inside quotes is one quote; a quoted cell may hold commas and line breaks;
//  - errors: a quote inside an unquoted cell, text after a closing quote, and (at the end of
//    the file) a quote that never closes.
class CsvParser {
 public:
  enum class State : std::uint8_t { kRowNotBegun, kFieldNotBegun, kFieldBegun, kFieldMightHaveEnded };

  State state() const { return state_; }
  bool in_quotes() const { return state_ == State::kFieldBegun && quoted_; }

  /// Parses `data`; calls `on_field(std::string_view)` and `on_row()`. Returns the number of
  /// bytes consumed: less than `size` on a parse error (at the offending byte).
  template <typename OnField, typename OnRow, typename OnNewline>
  std::size_t Parse(const char* data, std::size_t size, OnField&& on_field, OnRow&& on_row,
                    OnNewline&& on_newline) {
    std::size_t i = 0;
    while (i < size) {
      const char c = data[i];
      switch (state_) {
        case State::kRowNotBegun:
        case State::kFieldNotBegun:
          if (c == ' ' || c == '\t') {
            ++i;
          } else if (c == '\r' || c == '\n') {
            if (state_ == State::kFieldNotBegun) {
              SubmitField(on_field);
              on_row();
              state_ = State::kRowNotBegun;
            }
            ++i;
            if (c == '\n') on_newline();
          } else if (c == '"') {
            quoted_ = true;
            state_ = State::kFieldBegun;
            ++i;
          } else if (c == ',') {
            state_ = State::kFieldNotBegun;
            SubmitField(on_field);
            ++i;
          } else {
            state_ = State::kFieldBegun;
            // Fast path: an unquoted cell up to the next special byte.
            std::size_t j = i;
            while (j < size) {
              const char d = data[j];
              if (d == ',' || d == '\n' || d == '\r' || d == '"') break;
              ++j;
            }
            AppendUnquoted(data + i, j - i);
            i = j;
          }
          break;
        case State::kFieldBegun:
          if (quoted_) {
            // Fast path: quoted text up to the next quote.
            const void* quote = std::memchr(data + i, '"', size - i);
            const std::size_t j = quote ? static_cast<const char*>(quote) - data : size;
            for (std::size_t k = i; k < j; ++k) {
              if (data[k] == '\n') {
                field_.append(data + i, k + 1 - i);
                i = k + 1;
                on_newline();
              }
            }
            field_.append(data + i, j - i);
            i = j;
            if (i < size) {  // the quote: ends the cell or starts a doubled quote
              spaces_ = 0;
              state_ = State::kFieldMightHaveEnded;
              ++i;
            }
          } else if (c == '"') {
            return i;  // a quote inside an unquoted cell
          } else if (c == ',') {
            SubmitField(on_field);
            state_ = State::kFieldNotBegun;
            ++i;
          } else if (c == '\r' || c == '\n') {
            SubmitField(on_field);
            on_row();
            state_ = State::kRowNotBegun;
            ++i;
            if (c == '\n') on_newline();
          } else {
            std::size_t j = i;
            while (j < size) {
              const char d = data[j];
              if (d == ',' || d == '\n' || d == '\r' || d == '"') break;
              ++j;
            }
            AppendUnquoted(data + i, j - i);
            i = j;
          }
          break;
        case State::kFieldMightHaveEnded:
          if (c == ',') {
            SubmitField(on_field);
            state_ = State::kFieldNotBegun;
          } else if (c == '\r' || c == '\n') {
            SubmitField(on_field);
            on_row();
            state_ = State::kRowNotBegun;
            if (c == '\n') {
              ++i;
              on_newline();
              continue;
            }
          } else if (c == ' ' || c == '\t') {
            ++spaces_;  // blanks after the closing quote are dropped
          } else if (c == '"' && spaces_ == 0) {
            field_.push_back('"');  // a doubled quote
            state_ = State::kFieldBegun;
          } else {
            return i;  // text (or a quote after blanks) after the closing quote
          }
          ++i;
          break;
      }
    }
    return i;
  }

  /// End of input: false when a quoted cell is still open; otherwise delivers the last row.
  template <typename OnField, typename OnRow>
  bool Finish(OnField&& on_field, OnRow&& on_row) {
    if (in_quotes()) return false;
    if (state_ != State::kRowNotBegun) {
      SubmitField(on_field);
      on_row();
      state_ = State::kRowNotBegun;
    }
    return true;
  }

 private:
  // Unquoted text: interior blanks stay, trailing ones are dropped when the cell ends.
  void AppendUnquoted(const char* text, std::size_t length) {
    field_.append(text, length);
    std::size_t trailing = 0;
    while (trailing < length && (text[length - 1 - trailing] == ' ' || text[length - 1 - trailing] == '\t')) ++trailing;
    spaces_ = trailing == length ? spaces_ + trailing : trailing;
  }
  template <typename OnField>
  void SubmitField(OnField&& on_field) {
    if (!quoted_) field_.resize(field_.size() - spaces_);
    on_field(std::string_view(field_));
    field_.clear();
    quoted_ = false;
    spaces_ = 0;
  }

  State state_ = State::kRowNotBegun;
  bool quoted_ = false;
  std::size_t spaces_ = 0;
  std::string field_;
};

// Collects cells into rows (one buffer, no allocation per cell) and hands them to the sink.
class RowAssembler {
 public:
  RowAssembler(const std::string& path, TableSink& sink) : path_(path), sink_(sink) {}

  void AddField(std::string_view cell) {
    text_.append(cell);
    ends_.push_back(text_.size());
  }

  /// `between_rows`: no row has begun (no cell, not inside quotes) at the start of `line`.
  void StartLine(std::uint32_t line, bool between_rows) {
    if (between_rows) row_line_ = line;
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
        accepted_ = sink_.BeginTable(TableOrigin{path_, ""}, views_, row_line_);
      } else if (accepted_) {
        sink_.Row(views_, row_line_);
      }
    }
    text_.clear();  // only after the sink is done: the views point into it
    ends_.clear();
  }

 private:
  const std::string& path_;
  TableSink& sink_;
  std::string text_;
  std::vector<std::size_t> ends_;
  std::vector<std::string_view> views_;
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
  CsvParser parser;
  RowAssembler rows(path, sink);
  std::uint32_t line = 1;
  auto on_field = [&](std::string_view cell) { rows.AddField(cell); };
  auto on_row = [&] { rows.EndRow(); };
  auto on_newline = [&] {
    ++line;
    rows.StartLine(line, parser.state() == CsvParser::State::kRowNotBegun);
  };

  constexpr std::size_t kChunk = 1 << 18;
  std::vector<char> buffer(kChunk);
  std::size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
    if (parser.Parse(buffer.data(), got, on_field, on_row, on_newline) != got) {
      const std::uint32_t start = rows.RowLine();
      diagnostics->Error({path, "", line, 0},
                         start == line
                             ? "malformed quoted field: a quote must be doubled (\"\") inside a quoted cell, "
                               "and a quoted cell must end at a comma or line end"
                             : fmt::format("malformed quoted field in the row starting at line {}", start));
      return false;
    }
  }
  if (std::ferror(file.get())) {
    diagnostics->Error({path, "", line, 0}, fmt::format("read error: {}", std::strerror(errno)));
    return false;
  }
  if (!parser.Finish(on_field, on_row)) {
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
