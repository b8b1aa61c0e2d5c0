#include "graph/text.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

namespace pg {

namespace {
// The "C" locale's isspace and tolower (the program never changes locale), without the calls.
inline bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// True when none of the eight bytes is non-ASCII, below U+0020 or U+007F (the bit tricks are
// exact for "is there such a byte", see "Determine if a word has a byte less than n").
inline bool PlainAscii(std::uint64_t word) {
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighBits;
  const std::uint64_t del = word ^ (kOnes * 0x7F);
  const std::uint64_t is_del = (del - kOnes) & ~del & kHighBits;
  return ((word & kHighBits) | below_space | is_del) == 0;
}

inline bool IsControl(std::uint32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
}

// Decodes one UTF-8 sequence at `at`; false (with `*fault` set) when it is not one. Rejects
// overlong forms, surrogates and code points past U+10FFFF.
bool DecodeOne(std::string_view text, std::size_t* at, std::uint32_t* code_point, TextFault* fault) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t lead = byte(*at);
  std::size_t length;
  std::uint32_t c;
  std::uint32_t min;
  if (lead < 0x80) {
    *code_point = lead;
    ++*at;
    return true;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, c = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, c = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, c = lead & 0x07, min = 0x10000;
  } else {
    *fault = {TextFault::kInvalidUtf8, lead};
    return false;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (*at + k >= text.size() || (byte(*at + k) & 0xC0) != 0x80) {
      *fault = {TextFault::kInvalidUtf8, lead};
      return false;
    }
    c = (c << 6) | (byte(*at + k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    *fault = {TextFault::kInvalidUtf8, lead};
    return false;
  }
  *code_point = c;
  *at += length;
  return true;
}

}  // namespace

// The fault in `text` from `at` on, one character at a time.
TextFault FindTextFaultFrom(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    std::uint32_t c;
    TextFault fault;
    if (!DecodeOne(text, &at, &c, &fault)) return fault;
    if (IsControl(c)) return {TextFault::kControl, c};
  }
  return {};
}

TextFault FindTextFault(std::string_view text) {
  // Most cells are short plain ASCII: words of eight bytes, then the tail a byte at a time,
  // with no decoding until something is not plain.
  std::size_t at = 0;
  for (; text.size() - at >= 8; at += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + at, 8);
    if (!PlainAscii(word)) return FindTextFaultFrom(text, at);
  }
  bool plain = true;
  for (std::size_t i = at; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    plain &= c >= 0x20 && c < 0x7F;
  }
  return plain ? TextFault{} : FindTextFaultFrom(text, at);
}

std::string TextFaultMessage(const TextFault& fault) {
  if (fault.kind == TextFault::kControl) return fmt::format("control character U+{:04X} in cell", fault.value);
  return fmt::format("invalid UTF-8 (byte 0x{:02X}) in cell: save the file as UTF-8", fault.value);
}

std::string_view Trim(std::string_view text) {
  // Also strips a UTF-8 byte order mark, which spreadsheet exports put before the first header.
  if (text.size() >= 3 && text[0] == '\xEF' && text[1] == '\xBB' && text[2] == '\xBF') text.remove_prefix(3);
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = Lower(c);
  return out;
}

std::vector<std::string_view> SplitList(std::string_view cell) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    if (i == cell.size() || cell[i] == '|' || cell[i] == ';') {
      std::string_view part = Trim(cell.substr(start, i - start));
      if (!part.empty()) parts.push_back(part);
      start = i + 1;
    }
  }
  return parts;
}

std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t row_min = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return row[b.size()];
}

}  // namespace pg
