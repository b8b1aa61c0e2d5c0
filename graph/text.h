#pragma once
// Small string helpers shared by parsers and readers.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

std::string_view Trim(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string ToLower(std::string_view text);

/// What keeps a cell's text out of the model: bytes that are not UTF-8, or a control character
/// (U+0000-U+001F, U+007F-U+009F) other than tab, LF and CR, which no writer can carry safely
/// (a NUL would also make `C\0` and `C` two different ids that print alike).
struct TextFault {
  enum Kind : std::uint8_t { kNone, kInvalidUtf8, kControl };
  Kind kind = kNone;
  std::uint32_t value = 0;  ///< the offending byte (kInvalidUtf8) or code point (kControl)
  explicit operator bool() const { return kind != kNone; }
};

/// The first fault in `text`, or kNone. Eight ASCII bytes are checked at a time: it runs on
/// every cell of a load.
TextFault FindTextFault(std::string_view text);

/// "invalid UTF-8 (byte 0xE9) in cell: save the file as UTF-8", "control character U+0000 in cell".
std::string TextFaultMessage(const TextFault& fault);

/// Splits a multi-valued cell on `|` or `;` (Kumu and spreadsheet habits), trimming each part
/// and dropping empty ones.
std::vector<std::string_view> SplitList(std::string_view cell);

/// Levenshtein distance, case-insensitive; stops early once it exceeds `limit`.
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit);

/// The closest candidate within a distance that scales with the word's length, or empty.
/// Used for "did you mean" hints.
template <typename Range>
std::string_view ClosestMatch(std::string_view word, const Range& candidates) {
  const std::size_t limit = word.size() < 4 ? 1 : (word.size() < 9 ? 2 : 3);
  std::string_view best;
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t d = EditDistance(word, candidate, best_distance);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace pg
