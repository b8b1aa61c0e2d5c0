#include "graph/string_pool.h"

#include <algorithm>
#include <cstring>

namespace pg {
namespace {
constexpr std::size_t kBlockSize = 1 << 20;
}

StringPool::StringPool() {
  views_.emplace_back();
  index_.emplace(std::string_view(), kNoString);
}

void StringPool::Reserve(std::size_t count) {
  views_.reserve(count);
  index_.reserve(count);
}

std::string_view StringPool::Store(std::string_view text) {
  if (block_used_ + text.size() > block_size_) {
    block_size_ = std::max(kBlockSize, text.size());
    blocks_.push_back(std::make_unique<char[]>(block_size_));
    block_used_ = 0;
  }
  char* where = blocks_.back().get() + block_used_;
  std::memcpy(where, text.data(), text.size());
  block_used_ += text.size();
  return {where, text.size()};
}

StrId StringPool::Intern(std::string_view text) {
  auto found = index_.find(text);
  if (found != index_.end()) return found->second;
  const std::string_view stored = Store(text);
  const StrId id = static_cast<StrId>(views_.size());
  views_.push_back(stored);
  index_.emplace(stored, id);
  return id;
}

bool StringPool::Find(std::string_view text, StrId* id) const {
  auto found = index_.find(text);
  if (found == index_.end()) return false;
  *id = found->second;
  return true;
}

}  // namespace pg
