#pragma once
// Turns a built PartnershipGraph into the bytes of a snapshot and back (io/snapshot_format.h).
// A friend of PartnershipGraph and StringPool: it saves their members as they are, so that
// restoring one is a few copies, not a rebuild. Used by io/snapshot.cc only.

#include <string>
#include <string_view>

#include "graph/partnership_graph.h"

namespace pg {

namespace snapshot {
class SectionReader;
}

class SnapshotCodec {
 public:
  /// The whole file: header, then every section.
  static std::string Encode(const PartnershipGraph& graph);
  /// Restores the graph from a file whose header was already checked (io/snapshot_reader.cc):
  /// every section's bounds, and every index the graph will follow, are checked here; on a bad
  /// one, false with `*problem` saying what is wrong.
  static bool Decode(std::string_view file, PartnershipGraph* graph, std::string* problem);

 private:
  static bool DecodeStrings(snapshot::SectionReader& in, StringPool* pool);
  static bool DecodeTopology(snapshot::SectionReader& in, std::size_t vertices, std::size_t edges,
                             PartnershipGraph::Topology* topology);
};

}  // namespace pg
