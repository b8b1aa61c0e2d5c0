#pragma once
// The on-disk layout of a `.pgraph` snapshot: a fixed header, then sections of plain arrays at
// 64-byte aligned offsets, all little-endian as this machine writes them. The header names each
// section's offset, size and record count; a reader checks every one against the file's size
// before it touches the section. Each section is the array the graph holds, record for record, so
// a reader that has checked them points the graph at them instead of copying (graph/column.h).
// See io/snapshot.h for what the file is for.

#include <cstdint>

namespace pg::snapshot {

/// "PGRAPH" and a NUL, then a byte that is 0 today.
inline constexpr char kMagic[8] = {'P', 'G', 'R', 'A', 'P', 'H', '\0', '\0'};
/// Bumped whenever the header or the meaning of a section changes. 2: the sections are the
/// graph's own arrays (string entries, nodes with list ranges, 32-bit attribute starts, in-edges
/// naming their edge), viewed in place.
inline constexpr std::uint32_t kFormatVersion = 2;
/// Written as a number and read back: 0x01020304 on a little-endian machine.
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;
inline constexpr std::uint64_t kAlignment = 64;

/// The sections, in file order.
enum Section : std::uint32_t {
  kStringBytes,     ///< char: every interned string, back to back
  kStringEntries,   ///< StringPool's entries (offset, length, block 0): one a string
  kStringSlots,     ///< StringPool's hash table as it was (16-byte slots)
  kSourceBytes,     ///< char: file and sheet of each SourceFile
  kSourceOffsets,   ///< uint64: 2 texts a source, plus one
  kNodes,           ///< pg::Node, padding zeroed
  kNodeLists,       ///< StrId: markets and tags of all nodes
  kEdges,           ///< pg::Edge, padding zeroed
  kEdgeDetails,     ///< pg::EdgeDetails, padding zeroed
  kMetrics,         ///< pg::Metric, padding zeroed
  kAttributeStarts, ///< uint32: where attribute set i starts in kAttributes; one more than sets
  kAttributes,      ///< pg::Attribute (column, value)
  kVertexById,      ///< VertexId by StrId of the node id
  kVertexByLabel,   ///< VertexId by StrId of the label
  kOutRowStart,     ///< the topology's out-edges (pg::Adjacency): starts (EdgeId),
  kOutColumn,       ///<   targets (VertexId)
  kOutEdge,         ///<   and the EdgeId of each
  kInRowStart,      ///< the same for in-edges, with sources
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

/// Changes when the model's records change size or order (so a snapshot from a build with
/// another layout is refused as stale rather than misread): a hash of the schema number and the
/// size and field offsets of every record the file holds.
std::uint64_t LayoutFingerprint();

}  // namespace pg::snapshot
