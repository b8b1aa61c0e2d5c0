#pragma once
// Interned strings: every name, id and repeated text is stored once and referred to by a 32-bit
// id, so a million-edge graph holds integers, not strings.

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pg {

using StrId = std::uint32_t;
/// The empty string always has id 0, so a zero-initialised field means "not given".
inline constexpr StrId kNoString = 0;

class StringPool {
 public:
  StringPool();
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;
  StringPool(StringPool&&) = default;
  StringPool& operator=(StringPool&&) = default;

  /// The id of `text`, adding it if new.
  StrId Intern(std::string_view text);
  /// The id of `text`, or nullopt-like kNoString if it was never interned (and is not empty).
  bool Find(std::string_view text, StrId* id) const;
  std::string_view View(StrId id) const { return views_[id]; }
  std::size_t Size() const { return views_.size(); }
  void Reserve(std::size_t count);

 private:
  std::string_view Store(std::string_view text);

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_used_ = 0;
  std::size_t block_size_ = 0;
  std::vector<std::string_view> views_;
  std::unordered_map<std::string_view, StrId> index_;
};

}  // namespace pg
