#pragma once
// The on-disk layout of a `.pgraph` snapshot: a fixed header, then sections of plain arrays at
// 64-byte aligned offsets, all little-endian as this machine writes them. The header names each
// section's offset, size and record count; a reader checks every one against the file's size
// before it touches the section. See io/snapshot.h for what the file is for.

#include <cstdint>

namespace pg::snapshot {

/// "PGRAPH" and a NUL, then a byte that is 0 today.
inline constexpr char kMagic[8] = {'P', 'G', 'R', 'A', 'P', 'H', '\0', '\0'};
/// Bumped whenever the header or the meaning of a section changes.
inline constexpr std::uint32_t kFormatVersion = 1;
/// Written as a number and read back: 0x01020304 on a little-endian machine.
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;
inline constexpr std::uint64_t kAlignment = 64;

/// The sections, in file order.
enum Section : std::uint32_t {
  kStringBytes,     ///< char: every interned string, back to back
  kStringOffsets,   ///< uint64: where string i starts; one more entry than strings
  kStringSlots,     ///< StringPool's hash table as it was (16-byte slots)
  kSourceBytes,     ///< char: file and sheet of each SourceFile
  kSourceOffsets,   ///< uint64: 2 texts a source, plus one
  kNodes,           ///< NodeRecord
  kNodeLists,       ///< StrId: markets and tags of all nodes
  kEdges,           ///< pg::Edge, padding zeroed
  kEdgeDetails,     ///< pg::EdgeDetails, padding zeroed
  kMetrics,         ///< pg::Metric, padding zeroed
  kAttributeStarts, ///< uint64: where attribute set i starts in kAttributePairs; one more than sets
  kAttributePairs,  ///< StrId pairs (column, value)
  kVertexById,      ///< VertexId by StrId of the node id
  kVertexByLabel,   ///< VertexId by StrId of the label
  kOutRowStart,     ///< the topology's out-edges: CSR row starts (EdgeId), columns (VertexId)
  kOutColumn,       ///<   and the EdgeId of each (the edge bundle)
  kOutEdge,
  kInRowStart,      ///< the same for in-edges
  kInColumn,
  kInEdge,
  kSectionCount
};

struct SectionEntry {
  std::uint64_t offset;
  std::uint64_t bytes;
  std::uint64_t count;
};

/// The first bytes of the file. `header_checksum` is XXH64 of every byte before it;
/// `payload_checksum` of every byte from `payload_offset` to the end.
struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint64_t fingerprint;  ///< LayoutFingerprint() of the writer
  std::uint64_t file_bytes;
  std::uint64_t payload_offset;
  std::uint64_t payload_checksum;
  std::uint32_t section_count;
  std::uint32_t reserved;
  SectionEntry sections[kSectionCount];
  std::uint64_t header_checksum;
};

/// A node without its vectors: markets and tags are ranges of kNodeLists.
struct NodeRecord {
  std::uint32_t id, label, type_label, description, source, attributes;
  std::uint32_t origin_source, origin_line;
  std::uint32_t markets_begin, markets_count, tags_begin, tags_count;
  std::uint16_t roles;
  std::uint8_t type;
  std::uint8_t reserved8;
  std::uint32_t reserved32;
};
static_assert(sizeof(NodeRecord) == 56);

/// Changes when the model's records change size or order (so a snapshot from a build with
/// another layout is refused as stale rather than misread): a hash of the schema number and the
/// size and field offsets of every record the file holds.
std::uint64_t LayoutFingerprint();

}  // namespace pg::snapshot
