#include "graph/type_words.h"

#include <array>

namespace pg {

std::string NormaliseTypeWord(std::string_view text) {
  std::string word;
  word.reserve(text.size());
  bool gap = false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool alnum = byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum) {
      gap = true;
      continue;
    }
    if (gap && !word.empty()) word += ' ';
    gap = false;
    word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return word;
}

bool IsAcquisitionWord(std::string_view text) {
  constexpr std::array<std::string_view, 4> kWords = {"acquires", "acquired", "acquisition", "acquire"};
  const std::string word = NormaliseTypeWord(text);
  for (std::string_view known : kWords) {
    if (word == known) return true;
  }
  return false;
}

}  // namespace pg
