#include "graph/string_pool.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "graph/huge_pages.h"

namespace pg {
namespace {
constexpr std::size_t kBlockSize = 1 << 20;
constexpr std::uint32_t kEmptyId = ~std::uint32_t{0};
constexpr std::size_t kInitialSlots = 1024;

inline std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
// The first 8 bytes of `text`, zero-padded: with the length in the tag, a slot alone decides
// equality for strings of up to 8 bytes (most ids), so a hit touches one cache line.
inline std::uint64_t Prefix(std::string_view text) {
  std::uint64_t word = 0;
  if (text.empty()) return word;  // an empty view may hold a null pointer, which memcpy must not get
  std::memcpy(&word, text.data(), std::min<std::size_t>(text.size(), 8));
  return word;
}
inline std::uint32_t Tag(std::uint64_t hash, std::size_t length) {
  return static_cast<std::uint32_t>((hash >> 32) & 0xFFFFFF00u) | static_cast<std::uint32_t>(std::min<std::size_t>(length, 255));
}
constexpr std::size_t kHugePage = 2u << 20;
}  // namespace

void StringPool::FreeSlots::operator()(Slot* slots) const {
  if (!viewed) std::free(slots);
}

std::uint64_t StringPool::Hash(std::string_view text) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ (text.size() * 0xff51afd7ed558ccdULL);
  const char* p = text.data();
  std::size_t n = text.size();
  while (n >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    h = (h ^ word) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    h = (h ^ word) * 0x9E3779B97F4A7C15ULL;
  }
  return Mix(h);
}

StringPool::StringPool() {
  entries_.push_back(Entry{0, 0, 0});
  bases_.push_back("");
  Grow(kInitialSlots);
  const std::uint64_t hash = Hash({});
  slots_[Probe({}, hash)] = Slot{Prefix({}), Tag(hash, 0), StrIndex(kNoString)};
}

void StringPool::Reserve(std::size_t count) {
  OwnStorage();
  entries_.reserve(count);
  std::size_t want = kInitialSlots;
  while (want * 3 < count * 4) want *= 2;  // load factor at most 3/4
  if (want > slot_count_) Grow(want);
}

StringPool::Entry StringPool::Store(std::string_view text) {
  if (blocks_.empty() || block_used_ + text.size() > block_size_) {
    block_size_ = std::max(kBlockSize, text.size());
    blocks_.push_back(std::make_unique<char[]>(block_size_));
    bases_.push_back(blocks_.back().get());
    block_used_ = 0;
  }
  const Entry entry{block_used_, static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(bases_.size() - 1)};
  if (!text.empty()) std::memcpy(blocks_.back().get() + block_used_, text.data(), text.size());
  block_used_ += text.size();
  return entry;
}

void StringPool::OwnStorage() {
  if (entries_.Owned()) return;
  entries_.MakeOwned();
  Grow(slot_count_);  // reads the mapped table, fills one of its own
}

std::size_t StringPool::Probe(std::string_view text, std::uint64_t hash) const {
  const std::size_t mask = slot_count_ - 1;
  const std::uint32_t tag = Tag(hash, text.size());
  const std::uint64_t prefix = Prefix(text);
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kEmptyId) return i;
    if (slot.tag == tag && slot.prefix == prefix && (text.size() <= 8 || View(StrId{slot.id}) == text)) return i;
  }
}

void StringPool::Grow(std::size_t slots) {
  const std::size_t bytes = slots * sizeof(Slot);
  void* memory = nullptr;
  if (bytes >= kHugePage) {
    memory = std::aligned_alloc(kHugePage, (bytes + kHugePage - 1) / kHugePage * kHugePage);
    AdviseHugePages(memory, bytes);
  } else {
    memory = std::malloc(bytes);
  }
  if (!memory) throw std::bad_alloc();
  std::unique_ptr<Slot[], FreeSlots> old(static_cast<Slot*>(memory));
  std::fill_n(old.get(), slots, Slot{0, 0, kEmptyId});
  old.swap(slots_);
  const std::size_t old_count = slot_count_;
  slot_count_ = slots;
  const std::size_t mask = slot_count_ - 1;
  for (std::size_t k = 0; k < old_count; ++k) {
    const Slot& slot = old[k];
    if (slot.id == kEmptyId) continue;
    std::size_t i = static_cast<std::size_t>(Hash(View(StrId{slot.id}))) & mask;
    while (slots_[i].id != kEmptyId) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

StrId StringPool::Intern(std::string_view text) {
  OwnStorage();
  return InternHashed(text, Hash(text));
}

void StringPool::InternMany(std::span<const std::string_view> texts, StrId* ids) {
  OwnStorage();
  // Hashes first, then each slot prefetched a fixed distance ahead of its probe: enough misses
  // in flight to hide the latency, not so many that the core's miss buffers overflow.
  constexpr std::size_t kWindow = 256;
  constexpr std::size_t kAhead = 16;
  std::uint64_t hashes[kWindow];
  for (std::size_t base = 0; base < texts.size(); base += kWindow) {
    const std::size_t n = std::min(kWindow, texts.size() - base);
    for (std::size_t k = 0; k < n; ++k) hashes[k] = Hash(texts[base + k]);
    for (std::size_t k = 0; k < std::min(kAhead, n); ++k) __builtin_prefetch(&slots_[hashes[k] & (slot_count_ - 1)]);
    for (std::size_t k = 0; k < n; ++k) {
      if (k + kAhead < n) __builtin_prefetch(&slots_[hashes[k + kAhead] & (slot_count_ - 1)]);
      ids[base + k] = InternHashed(texts[base + k], hashes[k]);
    }
  }
}

StrId StringPool::InternHashed(std::string_view text, std::uint64_t hash) {
  std::size_t i = Probe(text, hash);
  if (slots_[i].id != kEmptyId) return StrId{slots_[i].id};
  const auto id = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back(Store(text));
  slots_[i] = Slot{Prefix(text), Tag(hash, text.size()), id};
  if (entries_.size() * 4 > slot_count_ * 3) Grow(slot_count_ * 2);
  return StrId{id};
}

bool StringPool::Find(std::string_view text, StrId* id) const {
  const std::size_t i = Probe(text, Hash(text));
  if (slots_[i].id == kEmptyId) return false;
  *id = StrId{slots_[i].id};
  return true;
}

}  // namespace pg
