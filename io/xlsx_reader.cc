#include "io/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

namespace pg {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::uint64_t kMinByteCap = 256ull << 20;
constexpr std::uint64_t kByteCapRatio = 200;
constexpr std::uint32_t kMaxColumns = 16384;  // XFD, Excel's limit
constexpr std::uint32_t kMaxRows = 1048576;

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
struct XmlParserFree {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;
using XmlParserPtr = std::unique_ptr<XML_ParserStruct, XmlParserFree>;

// Element and attribute names without their prefix (`x:row` -> `row`, `r:id` -> `id`). Namespace
// processing would be stricter but costs a fifth of the parse; OOXML names do not collide.
std::string_view LocalName(const char* name) {
  std::string_view text(name);
  const std::size_t colon = text.find(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

const char* Attr(const char** attrs, std::string_view local) {
  for (; *attrs; attrs += 2) {
    if (LocalName(attrs[0]) == local) return attrs[1];
  }
  return nullptr;
}

bool ParseUint(std::string_view text, std::uint64_t* value) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsBlank(text.back())) text.remove_suffix(1);
  return text;
}

bool EndsWith(std::string_view text, std::string_view suffix) { return text.ends_with(suffix); }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The code point of an `_xHHHH_` escape at the start of `text`, or -1.
int XlsxEscape(std::string_view text) {
  if (text.size() < 7 || text[0] != '_' || (text[1] != 'x' && text[1] != 'X') || text[6] != '_') return -1;
  int code = 0;
  for (std::size_t i = 2; i < 6; ++i) {
    const int digit = HexDigit(text[i]);
    if (digit < 0) return -1;
    code = code * 16 + digit;
  }
  return code >= 0xD800 && code <= 0xDFFF ? -1 : code;  // a lone surrogate is no character
}

void AppendUtf8(int code, std::string* out) {
  if (code < 0x80) {
    *out += static_cast<char>(code);
  } else if (code < 0x800) {
    *out += static_cast<char>(0xC0 | (code >> 6));
    *out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    *out += static_cast<char>(0xE0 | (code >> 12));
    *out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void CivilFromDays(std::int64_t z, std::int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<std::int64_t>(yoe) + era * 400 + (*m <= 2);
}

// How a cell style shows numbers: as a number, a date (maybe with time) or a time of day.
enum class NumberKind : std::uint8_t { kNumber, kDate, kTime };

NumberKind BuiltinKind(std::uint64_t id) {
  if (id >= 14 && id <= 17) return NumberKind::kDate;
  if (id >= 18 && id <= 21) return NumberKind::kTime;
  if (id == 22) return NumberKind::kDate;
  if (id >= 45 && id <= 47) return NumberKind::kTime;
  return NumberKind::kNumber;
}

// A custom format is a date if it has y/m/d/h/s outside quotes, brackets and escapes.
NumberKind FormatCodeKind(std::string_view code) {
  bool y = false, m = false, d = false, h = false, s = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or padding)
    } else {
      switch (c | 0x20) {
        case 'y':
          y = true;
          break;
        case 'm':
          m = true;
          break;
        case 'd':
          d = true;
          break;
        case 'h':
          h = true;
          break;
        case 's':
          s = true;
          break;
        default:
          break;
      }
    }
  }
  if (y || d) return NumberKind::kDate;
  if (h || s) return NumberKind::kTime;
  return m ? NumberKind::kDate : NumberKind::kNumber;
}

// Receives expat's events with names stripped of their namespace prefix.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view name, const char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view text) {}

  void Attach(XML_Parser parser) { parser_ = parser; }
  /// Stops the parse; the handler has reported why.
  void Stop() {
    stopped_ = true;
    XML_StopParser(parser_, XML_FALSE);
  }
  bool stopped() const { return stopped_; }
  /// Keeps an exception thrown by a handler (or the sink it feeds), which must not unwind
  /// through expat's C frames, and stops the parse; Parse() reports it.
  void Abort(std::exception_ptr error) {
    thrown = std::move(error);
    Stop();
  }
  bool saw_doctype = false;
  std::exception_ptr thrown;

 private:
  XML_Parser parser_ = nullptr;
  bool stopped_ = false;
};

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* handler = static_cast<XmlHandler*>(data);
  if (handler->stopped()) return;
  try {
    handler->Start(LocalName(name), attrs);
  } catch (...) {
    handler->Abort(std::current_exception());
  }
}
void XMLCALL OnEnd(void* data, const XML_Char* name) {
  auto* handler = static_cast<XmlHandler*>(data);
  if (handler->stopped()) return;
  try {
    handler->End(LocalName(name));
  } catch (...) {
    handler->Abort(std::current_exception());
  }
}
void XMLCALL OnText(void* data, const XML_Char* text, int length) {
  auto* handler = static_cast<XmlHandler*>(data);
  if (handler->stopped()) return;
  try {
    handler->Text(std::string_view(text, static_cast<std::size_t>(length)));
  } catch (...) {
    handler->Abort(std::current_exception());
  }
}
// OOXML parts have no DTD; refusing one rules out entity-expansion tricks.
void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* handler = static_cast<XmlHandler*>(data);
  handler->saw_doctype = true;
  handler->Stop();
}

struct SheetRef {
  std::string name;
  std::string relationship;
};

class WorkbookHandler : public XmlHandler {
 public:
  explicit WorkbookHandler(std::uint64_t max_sheets) : max_sheets_(max_sheets) {}
  void Start(std::string_view name, const char** attrs) override {
    if (name == "sheet") {
      if (sheets.size() >= max_sheets_) {
        too_many_sheets = true;
        Stop();
        return;
      }
      const char* sheet_name = Attr(attrs, "name");
      const char* id = Attr(attrs, "id");
      sheets.push_back({sheet_name ? sheet_name : "", id ? id : ""});
    } else if (name == "workbookPr") {
      const char* flag = Attr(attrs, "date1904");
      date1904 = flag && (std::strcmp(flag, "1") == 0 || std::strcmp(flag, "true") == 0);
    }
  }
  void End(std::string_view) override {}

  std::vector<SheetRef> sheets;
  bool date1904 = false;
  bool too_many_sheets = false;

 private:
  std::uint64_t max_sheets_;
};

struct Relationship {
  std::string type;
  std::string target;
  bool external = false;
};

class RelsHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = Attr(attrs, "Id");
    const char* type = Attr(attrs, "Type");
    const char* target = Attr(attrs, "Target");
    const char* mode = Attr(attrs, "TargetMode");
    if (!id || !target) return;
    by_id[id] = {type ? type : "", target, mode && std::strcmp(mode, "External") == 0};
  }
  void End(std::string_view) override {}

  std::unordered_map<std::string, Relationship> by_id;
};

class StylesHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    std::uint64_t id = 0;
    if (name == "numFmt") {
      const char* id_text = Attr(attrs, "numFmtId");
      const char* code = Attr(attrs, "formatCode");
      if (id_text && code && ParseUint(id_text, &id)) custom_[id] = FormatCodeKind(code);
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id_text = Attr(attrs, "numFmtId");
      if (!id_text || !ParseUint(id_text, &id)) id = 0;
      xf_formats_.push_back(id);
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  /// One NumberKind per cellXfs entry, the index a cell's `s` attribute names.
  std::vector<NumberKind> Kinds() const {
    std::vector<NumberKind> kinds;
    kinds.reserve(xf_formats_.size());
    for (std::uint64_t id : xf_formats_) {
      const auto custom = custom_.find(id);
      kinds.push_back(custom != custom_.end() ? custom->second : BuiltinKind(id));
    }
    return kinds;
  }

 private:
  std::unordered_map<std::uint64_t, NumberKind> custom_;
  std::vector<std::uint64_t> xf_formats_;
  bool in_cell_xfs_ = false;
};

// All shared strings in one buffer: string i is text[starts[i], starts[i + 1]). Its size is
// bounded by the entry cap, with one offset per string.
struct SharedStrings {
  std::string text;
  std::vector<std::size_t> starts{0};

  std::size_t Count() const { return starts.size() - 1; }
  std::string_view At(std::size_t i) const {
    return std::string_view(text).substr(starts[i], starts[i + 1] - starts[i]);
  }
};

class SharedStringsHandler : public XmlHandler {
 public:
  SharedStringsHandler(SharedStrings* strings, std::uint64_t cell_bytes) : strings_(strings), cell_bytes_(cell_bytes) {}
  void Start(std::string_view name, const char** attrs) override {
    if (name == "si") {
      in_item_ = true;
    } else if (name == "t") {
      collecting_ = in_item_ && phonetic_depth_ == 0;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    }
  }
  void End(std::string_view name) override {
    if (name == "t") {
      collecting_ = false;
    } else if (name == "rPh") {
      --phonetic_depth_;
    } else if (name == "si") {
      DecodeXlsxEscapes(&strings_->text, strings_->starts.back());
      strings_->starts.push_back(strings_->text.size());
      in_item_ = false;
    }
  }
  void Text(std::string_view text) override {
    if (!collecting_) return;
    strings_->text.append(text);
    if (strings_->text.size() - strings_->starts.back() > cell_bytes_) {
      too_long = true;
      Stop();
    }
  }

  bool too_long = false;  ///< string Count() is over the cell limit

 private:
  SharedStrings* strings_;
  std::uint64_t cell_bytes_;
  bool in_item_ = false;
  bool collecting_ = false;
  int phonetic_depth_ = 0;
};

// What the reader knows about the workbook when it reads a sheet.
struct WorkbookContext {
  const SharedStrings* strings = nullptr;
  const std::vector<NumberKind>* styles = nullptr;
  bool date1904 = false;
  const InputLimits* limits = nullptr;
};

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const WorkbookContext& context, TableSink& sink, TableOrigin origin,
               Diagnostics& diagnostics)
      : context_(context), sink_(sink), origin_(std::move(origin)), diagnostics_(diagnostics) {}

  void Start(std::string_view name, const char** attrs) override {
    if (name == "c") {
      if (in_row_) StartCell(attrs);
    } else if (name == "v") {
      collecting_ = in_cell_;
    } else if (name == "is") {
      in_inline_ = in_cell_;
    } else if (name == "t") {
      collecting_ = in_inline_ && phonetic_depth_ == 0;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "row") {
      if (in_sheet_data_) StartRow(attrs);
    } else if (name == "sheetData") {
      in_sheet_data_ = true;
    }
  }

  void End(std::string_view name) override {
    if (name == "v" || name == "t") {
      collecting_ = false;
    } else if (name == "c") {
      if (in_cell_) EndCell();
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      --phonetic_depth_;
    } else if (name == "row") {
      if (in_row_) EndRow();
    } else if (name == "sheetData") {
      in_sheet_data_ = false;
    }
  }

  void Text(std::string_view text) override {
    if (!collecting_) return;
    value_.append(text);
    const std::uint64_t limit = context_.limits->cell_bytes;
    if (value_.size() > limit) {
      collecting_ = in_cell_ = false;
      Fail(column_, fmt::format("cell is longer than {} bytes; {}", limit, LimitAdvice("cell_bytes", limit)));
    }
  }

  /// Ends the table if one was begun, also after an error, so the sink stays balanced.
  void Finish() {
    if (began_) sink_.EndTable();
    began_ = false;
  }

 private:
  enum class CellType : std::uint8_t { kNumber, kShared, kInline, kText, kBool };

  void Fail(std::uint32_t column, std::string message) {
    diagnostics_.Error({origin_.file, origin_.sheet, row_, column}, std::move(message));
    Stop();
  }

  void StartRow(const char** attrs) {
    std::uint64_t number = row_ + 1;
    if (const char* r = Attr(attrs, "r"); r && !ParseUint(r, &number)) number = 0;
    if (number == 0 || number > kMaxRows) {
      const char* r = Attr(attrs, "r");
      row_ = 0;
      Fail(0, fmt::format("bad row number \"{}\"", r ? r : ""));
      return;
    }
    row_ = static_cast<std::uint32_t>(number);
    width_ = 0;
    next_column_ = 1;
    in_row_ = true;
  }

  void StartCell(const char** attrs) {
    column_ = next_column_;
    type_ = CellType::kNumber;
    style_ = 0;
    for (const char** a = attrs; *a; a += 2) {
      const std::string_view key = LocalName(a[0]);
      const char* value = a[1];
      if (key == "r") {
        std::uint32_t column = 0;
        const char* p = value;
        for (; *p >= 'A' && *p <= 'Z' && column <= kMaxColumns; ++p) {
          column = column * 26 + static_cast<std::uint32_t>(*p - 'A' + 1);
        }
        if (column == 0 || column > kMaxColumns) {
          Fail(0, fmt::format("bad cell reference \"{}\"", value));
          return;
        }
        column_ = column;
      } else if (key == "t") {
        const std::string_view t = value;
        if (t == "s") {
          type_ = CellType::kShared;
        } else if (t == "inlineStr") {
          type_ = CellType::kInline;
        } else if (t == "b") {
          type_ = CellType::kBool;
        } else if (t == "n") {
          type_ = CellType::kNumber;
        } else {
          type_ = CellType::kText;  // str (formula text), e (error), d (ISO date)
        }
      } else if (key == "s") {
        std::uint64_t style = 0;
        if (ParseUint(value, &style)) style_ = style;
      }
    }
    if (column_ > context_.limits->columns) {
      Fail(column_, fmt::format("more than {} columns; {}", context_.limits->columns,
                                LimitAdvice("columns", context_.limits->columns)));
      return;
    }
    value_.clear();
    in_cell_ = true;
  }

  void EndCell() {
    in_cell_ = false;
    if (column_ > width_) {
      if (cells_.size() < column_) cells_.resize(column_);
      for (std::uint32_t i = width_; i + 1 < column_; ++i) cells_[i].clear();
      width_ = column_;
    }
    std::string& cell = cells_[column_ - 1];
    next_column_ = column_ + 1;
    switch (type_) {
      case CellType::kShared: {
        std::uint64_t index = 0;
        if (!ParseUint(value_, &index) || index >= context_.strings->Count()) {
          Fail(column_,
               fmt::format("shared string index \"{}\" is out of range (the workbook has {})",
                           value_, context_.strings->Count()));
          return;
        }
        cell.assign(context_.strings->At(index));
        return;
      }
      case CellType::kBool:
        cell.assign(value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : std::string_view(value_));
        return;
      case CellType::kInline:
      case CellType::kText:
        cell.clear();
        cell.append(value_);
        DecodeXlsxEscapes(&cell, 0);
        return;
      case CellType::kNumber:
        NumberText(&cell);
        return;
    }
  }

  void NumberText(std::string* cell) {
    const std::string_view text = value_;
    // Plain integers up to 15 digits already are their shortest form.
    if (!text.empty() && text.size() <= 15 && (text[0] != '0' || text.size() == 1) &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        StyleKind() == NumberKind::kNumber) {
      cell->assign(text);
      return;
    }
    double number = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
      cell->assign(text);  // not a number after all: keep what the file says
      return;
    }
    const NumberKind kind = StyleKind();
    if (kind != NumberKind::kNumber &&
        XlsxSerialToIso(number, context_.date1904, kind == NumberKind::kTime, cell)) {
      return;
    }
    FormatXlsxNumber(number, cell);
  }

  NumberKind StyleKind() const {
    const auto& styles = *context_.styles;
    return style_ < styles.size() ? styles[style_] : NumberKind::kNumber;
  }

  void EndRow() {
    in_row_ = false;
    while (width_ > 0 && cells_[width_ - 1].empty()) --width_;
    views_.clear();
    bool blank = true;
    for (std::uint32_t i = 0; i < width_; ++i) {
      views_.emplace_back(cells_[i]);
      if (blank && !Trim(cells_[i]).empty()) blank = false;
    }
    if (blank) return;
    if (!began_) {
      for (std::string_view& view : views_) view = Trim(view);
      began_ = true;
      accepted_ = sink_.BeginTable(origin_, views_, row_, {});
    } else if (accepted_) {
      if (++rows_ > context_.limits->rows_per_table) {
        Fail(0, fmt::format("more than {} rows in this sheet; {}", context_.limits->rows_per_table,
                            LimitAdvice("rows_per_table", context_.limits->rows_per_table)));
        return;
      }
      sink_.Row(views_, row_, {});
    }
  }

  const WorkbookContext& context_;
  TableSink& sink_;
  TableOrigin origin_;
  Diagnostics& diagnostics_;

  // Row buffers, reused from row to row so a cell costs no allocation once warmed up.
  std::vector<std::string> cells_;
  std::vector<std::string_view> views_;
  std::uint32_t width_ = 0;
  std::string value_;

  std::uint32_t row_ = 0;
  std::uint64_t rows_ = 0;  ///< data rows delivered
  std::uint32_t column_ = 0;
  std::uint32_t next_column_ = 1;
  std::uint64_t style_ = 0;
  CellType type_ = CellType::kNumber;
  int phonetic_depth_ = 0;
  bool in_sheet_data_ = false;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_inline_ = false;
  bool collecting_ = false;
  bool began_ = false;
  bool accepted_ = false;
};

std::string ExceptionText(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

// Joins a relationship target to the part's folder (`xl/`), resolving `.`, `..` and absolute
// targets (`/xl/worksheets/sheet1.xml`).
std::string ResolveTarget(std::string_view folder, std::string_view target) {
  std::string joined;
  if (target.starts_with('/')) {
    joined = target.substr(1);
  } else {
    joined = std::string(folder) + std::string(target);
  }
  std::vector<std::string_view> parts;
  std::string_view rest = joined;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string path;
  for (std::string_view part : parts) {
    if (!path.empty()) path += '/';
    path += part;
  }
  return path;
}

class WorkbookReader {
 public:
  WorkbookReader(const std::string& path, TableSink& sink, Diagnostics& diagnostics,
                 const XlsxReadOptions& options)
      : path_(path), sink_(sink), diagnostics_(diagnostics), options_(options) {}

  bool Run() {
    if (!Open()) return false;
    const Location file{path_, {}, 0, 0};

    WorkbookHandler workbook(options_.limits.sheets);
    const zip_int64_t workbook_index = Locate("xl/workbook.xml");
    if (workbook_index < 0) {
      Error(file, "not an XLSX workbook (no xl/workbook.xml)");
      return false;
    }
    if (!Parse(workbook_index, "xl/workbook.xml", workbook, file)) {
      if (workbook.too_many_sheets) {
        Error(file, fmt::format("more than {} sheets; {}", options_.limits.sheets,
                                LimitAdvice("sheets", options_.limits.sheets)));
      }
      return false;
    }

    RelsHandler rels;
    const std::string rels_entry = "xl/_rels/workbook.xml.rels";
    const zip_int64_t rels_index = Locate(rels_entry);
    if (rels_index < 0) {
      Error(file, fmt::format("not an XLSX workbook (no {})", rels_entry));
      return false;
    }
    if (!Parse(rels_index, rels_entry, rels, file)) return false;

    std::string styles_entry = "xl/styles.xml";
    std::string strings_entry = "xl/sharedStrings.xml";
    for (const auto& [id, relationship] : rels.by_id) {
      if (relationship.external) continue;
      if (EndsWith(relationship.type, "/styles")) {
        styles_entry = ResolveTarget("xl/", relationship.target);
      } else if (EndsWith(relationship.type, "/sharedStrings")) {
        strings_entry = ResolveTarget("xl/", relationship.target);
      }
    }

    std::vector<NumberKind> styles;
    if (const zip_int64_t index = Locate(styles_entry); index >= 0) {
      StylesHandler handler;
      if (!Parse(index, styles_entry, handler, file)) return false;
      styles = handler.Kinds();
    }
    SharedStrings strings;
    if (const zip_int64_t index = Locate(strings_entry); index >= 0) {
      SharedStringsHandler handler(&strings, options_.limits.cell_bytes);
      if (!Parse(index, strings_entry, handler, file)) {
        if (handler.too_long) {
          Error(file, fmt::format("{}: shared string {} is longer than {} bytes; {}", strings_entry, strings.Count(),
                                  options_.limits.cell_bytes, LimitAdvice("cell_bytes", options_.limits.cell_bytes)));
        }
        return false;
      }
    }

    const WorkbookContext context{&strings, &styles, workbook.date1904, &options_.limits};
    for (const SheetRef& sheet : workbook.sheets) {
      if (fatal_) break;
      if (sheet.name.find("(ignore)") != std::string::npos) continue;
      const Location where{path_, sheet.name, 0, 0};
      const auto relationship = rels.by_id.find(sheet.relationship);
      if (relationship == rels.by_id.end()) {
        Error(where, fmt::format("sheet has no relationship \"{}\" in {}", sheet.relationship,
                                 rels_entry));
        continue;
      }
      if (!EndsWith(relationship->second.type, "/worksheet")) continue;  // chart sheet etc.
      const std::string entry = ResolveTarget("xl/", relationship->second.target);
      const zip_int64_t index = Locate(entry);
      if (index < 0) {
        Error(where, fmt::format("sheet part {} is missing from the archive", entry));
        continue;
      }
      SheetHandler handler(context, sink_, TableOrigin{path_, sheet.name}, diagnostics_);
      Parse(index, entry, handler, where);
      handler.Finish();
    }
    return !failed_;
  }

 private:
  bool Open() {
    const Location file{path_, {}, 0, 0};
    int code = 0;
    archive_.reset(zip_open(path_.c_str(), ZIP_RDONLY, &code));
    if (!archive_) {
      if (code == ZIP_ER_NOZIP) {
        Error(file, "not an XLSX workbook (not a zip archive)");
      } else if (code == ZIP_ER_NOENT) {
        Error(file, "cannot open workbook: no such file");
      } else {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        Error(file, fmt::format("cannot open workbook: {}", zip_error_strerror(&error)));
        zip_error_fini(&error);
      }
      return false;
    }
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path_, ec);
    const std::uint64_t default_cap = DefaultXlsxByteCap(ec ? 0 : size);
    max_total_ = options_.max_total_bytes ? options_.max_total_bytes : default_cap;
    max_entry_ = options_.max_entry_bytes ? options_.max_entry_bytes : max_total_;
    return true;
  }

  zip_int64_t Locate(const std::string& entry) {
    const zip_int64_t index = zip_name_locate(archive_.get(), entry.c_str(), 0);
    if (index >= 0) return index;
    return zip_name_locate(archive_.get(), entry.c_str(), ZIP_FL_NOCASE);
  }

  void Error(Location where, std::string message) {
    failed_ = true;
    diagnostics_.Error(std::move(where), std::move(message));
  }

  void Bomb(const Location& where, std::string message) {
    fatal_ = true;
    Error(where, std::move(message) + " (possible zip bomb)");
  }

  // Decompresses one entry chunk by chunk into expat, counting bytes against the caps.
  bool Parse(zip_int64_t index, const std::string& entry, XmlHandler& handler,
             const Location& where) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
        (stat.valid & ZIP_STAT_SIZE) && stat.size > max_entry_) {
      Bomb(where, fmt::format("{} declares {} bytes uncompressed, over the limit of {} bytes",
                              entry, stat.size, max_entry_));
      return false;
    }
    ZipFilePtr file(zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
      Error(where, fmt::format("cannot read {}: {}", entry, zip_strerror(archive_.get())));
      return false;
    }
    XmlParserPtr parser(XML_ParserCreate(nullptr));
    if (!parser) {
      Error(where, fmt::format("cannot read {}: out of memory", entry));
      return false;
    }
    handler.Attach(parser.get());
    XML_SetUserData(parser.get(), &handler);
    XML_SetElementHandler(parser.get(), OnStart, OnEnd);
    XML_SetCharacterDataHandler(parser.get(), OnText);
    XML_SetStartDoctypeDeclHandler(parser.get(), OnDoctype);

    buffer_.resize(kChunkBytes);
    std::uint64_t entry_bytes = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer_.data(), buffer_.size());
      if (n < 0) {
        Error(where, fmt::format("cannot read {}: {}", entry, zip_file_strerror(file.get())));
        return false;
      }
      entry_bytes += static_cast<std::uint64_t>(n);
      total_bytes_ += static_cast<std::uint64_t>(n);
      if (entry_bytes > max_entry_) {
        Bomb(where,
             fmt::format("{} decompresses to more than the limit of {} bytes", entry, max_entry_));
        return false;
      }
      if (total_bytes_ > max_total_) {
        Bomb(where, fmt::format("{} takes the workbook past the limit of {} decompressed bytes",
                                entry, max_total_));
        return false;
      }
      const bool last = n == 0;
      if (XML_Parse(parser.get(), buffer_.data(), static_cast<int>(n), last) != XML_STATUS_OK) {
        if (handler.saw_doctype) {
          Error(where, fmt::format("malformed XML in {}: document type declarations are not "
                                   "allowed",
                                   entry));
        } else if (!handler.stopped()) {
          Error(where, fmt::format("malformed XML in {} at line {}, column {}: {}", entry,
                                   XML_GetCurrentLineNumber(parser.get()),
                                   XML_GetCurrentColumnNumber(parser.get()) + 1,
                                   XML_ErrorString(XML_GetErrorCode(parser.get()))));
        } else if (handler.thrown) {
          Error(where, fmt::format("cannot read {}: {}", entry, ExceptionText(handler.thrown)));
        } else {
          failed_ = true;  // the handler reported the problem
        }
        return false;
      }
      if (last) return true;
    }
  }

  const std::string& path_;
  TableSink& sink_;
  Diagnostics& diagnostics_;
  const XlsxReadOptions& options_;
  ZipPtr archive_;
  std::vector<char> buffer_;
  std::uint64_t max_total_ = 0;
  std::uint64_t max_entry_ = 0;
  std::uint64_t total_bytes_ = 0;
  bool failed_ = false;
  bool fatal_ = false;  // a cap was hit: read nothing more
};

}  // namespace

void DecodeXlsxEscapes(std::string* text, std::size_t from) {
  std::size_t at = text->find('_', from);
  if (at == std::string::npos) return;
  std::string decoded(*text, at);
  text->resize(at);
  const std::string_view rest = decoded;
  for (std::size_t i = 0; i < rest.size();) {
    const int code = XlsxEscape(rest.substr(i));
    if (code < 0) {
      *text += rest[i++];
    } else {
      AppendUtf8(code, text);
      i += 7;
    }
  }
}

std::uint64_t DefaultXlsxByteCap(std::uint64_t file_size) {
  const std::uint64_t scaled =
      file_size > UINT64_MAX / kByteCapRatio ? UINT64_MAX : file_size * kByteCapRatio;
  return std::max(kMinByteCap, scaled);
}

bool ReadXlsxWorkbook(const std::string& path, TableSink& sink, Diagnostics* diagnostics) {
  return ReadXlsxWorkbook(path, sink, diagnostics, XlsxReadOptions{});
}

bool ReadXlsxWorkbook(const std::string& path, TableSink& sink, Diagnostics* diagnostics,
                      const XlsxReadOptions& options) {
  Diagnostics local;
  Diagnostics& report = diagnostics ? *diagnostics : local;
  try {
    WorkbookReader reader(path, sink, report, options);
    return reader.Run();
  } catch (const std::exception& error) {  // out of memory outside a parse
    report.Error({path}, fmt::format("cannot read workbook: {}", error.what()));
    return false;
  }
}

void FormatXlsxNumber(double value, std::string* out) {
  if (value == 0) value = 0;  // -0 prints as 0
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  if (text.find('e') != std::string_view::npos && std::fabs(value) < 1e21 &&
      value == std::trunc(value)) {
    result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    text = std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer));
  }
  out->assign(text);
}

bool XlsxSerialToIso(double serial, bool date1904, bool time_only, std::string* out) {
  // 2958465 is 9999-12-31 in the 1900 system; later serials are not dates Excel can show.
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) return false;
  const auto seconds = static_cast<std::int64_t>(std::llround(serial * 86400.0));
  const std::int64_t days = seconds / 86400;
  const auto second_of_day = static_cast<unsigned>(seconds % 86400);
  const unsigned hh = second_of_day / 3600, mm = second_of_day / 60 % 60, ss = second_of_day % 60;
  if (time_only && days == 0) {
    out->clear();
    fmt::format_to(std::back_inserter(*out), "{:02}:{:02}:{:02}", hh, mm, ss);
    return true;
  }
  std::int64_t year = 1900;
  unsigned month = 2, day = 29;  // serial 60: Excel's phantom 1900-02-29
  if (date1904) {
    CivilFromDays(DaysFromCivil(1904, 1, 1) + days, &year, &month, &day);
  } else if (days < 60) {
    CivilFromDays(DaysFromCivil(1899, 12, 31) + days, &year, &month, &day);
  } else if (days > 60) {
    CivilFromDays(DaysFromCivil(1899, 12, 30) + days, &year, &month, &day);
  }
  out->clear();  // reuses the row buffer's capacity
  fmt::format_to(std::back_inserter(*out), "{:04}-{:02}-{:02}", year, month, day);
  if (second_of_day != 0)
    fmt::format_to(std::back_inserter(*out), "T{:02}:{:02}:{:02}", hh, mm, ss);
  return true;
}

}  // namespace pg
