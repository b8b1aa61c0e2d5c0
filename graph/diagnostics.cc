#include "graph/diagnostics.h"

#include <fmt/format.h>

namespace pg {

void Diagnostics::Add(Severity severity, Location where, std::string message) {
  if (severity == Severity::kError) ++error_count_;
  items_.push_back({severity, std::move(where), std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) Add(d.severity, d.where, d.message);
}

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote: return "note";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

std::string ColumnLetters(std::uint32_t field) {
  std::string letters;
  while (field > 0) {
    letters.insert(letters.begin(), static_cast<char>('A' + (field - 1) % 26));
    field = (field - 1) / 26;
  }
  return letters;
}

std::string FormatLocation(const Location& where) {
  if (where.file.empty()) return {};
  const bool json = where.file.size() > 5 && where.file.substr(where.file.size() - 5) == ".json";
  if (json && !where.sheet.empty()) {
    return where.line == 0 ? fmt::format("{}: {}", where.file, where.sheet)
                           : fmt::format("{}: {}[{}]", where.file, where.sheet, where.line - 1);
  }
  if (!where.sheet.empty()) {
    if (where.line == 0) return fmt::format("{}[{}]", where.file, where.sheet);
    if (where.column == 0) return fmt::format("{}[{}] row {}", where.file, where.sheet, where.line);
    return fmt::format("{}[{}]!{}{}", where.file, where.sheet, ColumnLetters(where.column), where.line);
  }
  if (where.line == 0) return where.file;
  if (where.column == 0) return fmt::format("{}:{}", where.file, where.line);
  return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  const std::string place = FormatLocation(diagnostic.where);
  if (place.empty()) return fmt::format("{}: {}", SeverityName(diagnostic.severity), diagnostic.message);
  return fmt::format("{}: {}: {}", place, SeverityName(diagnostic.severity), diagnostic.message);
}

}  // namespace pg
