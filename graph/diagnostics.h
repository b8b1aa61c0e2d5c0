#pragma once
// Expected input problems, collected and reported together (never thrown across modules).

#include <cstdint>
#include <string>
#include <vector>

namespace pg {

enum class Severity : std::uint8_t { kNote, kWarning, kError };

/// Where a diagnostic points. `line`/`field` are 1-based; 0 means unknown.
/// For CSV, `field` is the cell index in the row; the formatter turns it into a character column.
/// For XLSX, `sheet` is set and the place prints as `book.xlsx[edges]!C14`.
struct Location {
  std::string file;
  std::string sheet;
  std::uint32_t line = 0;
  std::uint32_t field = 0;
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
/// For CSV files the character column is found by re-reading the row (only done for printing).
std::string FormatDiagnostic(const Diagnostic& diagnostic);

/// The place alone (`edges.csv:14:3`), as FormatDiagnostic prints it.
std::string FormatLocation(const Location& where);

/// Spreadsheet column letters: 1 -> A, 27 -> AA.
std::string ColumnLetters(std::uint32_t field);

}  // namespace pg
