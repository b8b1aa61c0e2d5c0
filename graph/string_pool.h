#pragma once
// Interned strings: every name, id and repeated text is stored once and referred to by a 32-bit
// id, so a million-edge graph holds integers, not strings. The index is a flat open-addressing
// table of (hash, id) pairs: a node-based hash map cost a cache miss per node and dominated the
// load of large inputs.

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "graph/column.h"

namespace pg {

/// A string's id in its pool. A type of its own, so that a name's id cannot be passed where a
/// vertex or an edge number is expected (they are all 32-bit integers underneath).
enum class StrId : std::uint32_t {};
/// The empty string always has id 0, so a zero-initialised field means "not given".
inline constexpr StrId kNoString{0};
/// The id as an index, for tables indexed by string (PartnershipGraph's id index).
constexpr std::uint32_t StrIndex(StrId id) { return static_cast<std::uint32_t>(id); }

class StringPool {
 public:
  StringPool();
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;
  StringPool(StringPool&&) = default;
  StringPool& operator=(StringPool&&) = default;

  /// The id of `text`, adding it if new.
  StrId Intern(std::string_view text);
  /// Interns each of `texts` into `ids` (same order, same result as one Intern each). Faster
  /// for a batch of mostly random names: every slot is prefetched before the first is probed,
  /// so the cache misses overlap instead of queueing.
  void InternMany(std::span<const std::string_view> texts, StrId* ids);
  /// The id of `text`, or nullopt-like kNoString if it was never interned (and is not empty).
  bool Find(std::string_view text, StrId* id) const;
  std::string_view View(StrId id) const {
    const Entry& entry = entries_[StrIndex(id)];
    return {bases_[entry.block] + entry.offset, entry.length};
  }
  std::size_t Size() const { return entries_.size(); }
  void Reserve(std::size_t count);

  /// The hash the index uses (exposed for the microbenchmarks).
  static std::uint64_t Hash(std::string_view text);

 private:
  friend class SnapshotCodec;  // io/snapshot_codec.cc: saves and restores the table as it is

  /// Where a string lives: block (an index into bases_), offset in it and length. A pool read
  /// from a snapshot is one block, the file's string bytes.
  struct Entry {
    std::uint64_t offset;
    std::uint32_t length;
    std::uint32_t block;
  };

  Entry Store(std::string_view text);
  /// Before a pool viewing a snapshot takes a new string: its table and entries become its own.
  void OwnStorage();
  StrId InternHashed(std::string_view text, std::uint64_t hash);
  void Grow(std::size_t slots);
  /// The slot holding `text`, or the empty slot where it would go.
  std::size_t Probe(std::string_view text, std::uint64_t hash) const;

  std::vector<std::unique_ptr<char[]>> blocks_;  ///< the blocks the pool allocated
  std::size_t block_used_ = 0;
  std::size_t block_size_ = 0;
  std::vector<const char*> bases_;  ///< every block's first byte, by Entry::block
  Column<Entry> entries_;
  std::shared_ptr<const void> mapping_;  ///< keeps a snapshot's bytes alive when the pool views them
  /// One slot of the power-of-two table: the first 8 bytes, hash bits and length, and the id
  /// (all ones when empty).
  struct Slot {
    std::uint64_t prefix;
    std::uint32_t tag;
    std::uint32_t id;
  };
  struct FreeSlots {
    bool viewed;  ///< a table in a snapshot's mapping, not freed (value-initialised: false)
    void operator()(Slot* slots) const;
  };
  /// Allocated on 2 MiB boundaries and advised as huge pages: a lookup is one random access
  /// into a table of megabytes, and on virtual machines the TLB miss costs more than the
  /// cache miss.
  std::unique_ptr<Slot[], FreeSlots> slots_;
  std::size_t slot_count_ = 0;
};

}  // namespace pg
