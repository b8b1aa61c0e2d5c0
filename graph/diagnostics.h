#pragma once
// Expected input problems, collected and reported together (never thrown across modules).

#include <cstdint>
#include <string>
#include <vector>

namespace pg {

enum class Severity : std::uint8_t { kNote, kWarning, kError };

/// Where a diagnostic points, as the reader saw it; `line` and `column` are 1-based, 0 unknown.
/// What they count follows from `sheet` alone:
///  - `sheet` empty, a text file (CSV): `line` is the line, `column` the character column
///    (UTF-8 characters, a BOM not counted), printed `edges.csv:3:8`;
///  - `sheet` set, a workbook sheet: `line` is the sheet row, `column` the spreadsheet column
///    (C = 3), printed `book.xlsx[edges]!C14`;
///  - `sheet` set in a `.json` file, an array of a JSON document: `line` is the record's 1-based
///    position, `column` the field's, printed `model.json: edges[13]`.
struct Location {
  std::string file;
  std::string sheet;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct Diagnostic {
  Severity severity = Severity::kError;
  Location where;
  std::string message;
};

/// An ordered list of diagnostics with a few conveniences.
class Diagnostics {
 public:
  void Add(Severity severity, Location where, std::string message);
  void Error(Location where, std::string message) { Add(Severity::kError, std::move(where), std::move(message)); }
  void Warning(Location where, std::string message) { Add(Severity::kWarning, std::move(where), std::move(message)); }
  void Append(const Diagnostics& other);

  bool HasErrors() const { return error_count_ > 0; }
  std::size_t ErrorCount() const { return error_count_; }
  const std::vector<Diagnostic>& All() const { return items_; }
  bool Empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
};

const char* SeverityName(Severity severity);

/// `file:line:col: error: message`, `book.xlsx[edges]!C14: error: message`, or `file: error: ...`.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

/// The place alone (`edges.csv:14:3`), as FormatDiagnostic prints it. Pure: opens nothing.
std::string FormatLocation(const Location& where);

/// Spreadsheet column letters: 1 -> A, 27 -> AA.
std::string ColumnLetters(std::uint32_t field);

}  // namespace pg
