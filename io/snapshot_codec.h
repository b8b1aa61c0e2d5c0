#pragma once
// Turns a built PartnershipGraph into the bytes of a snapshot and back (io/snapshot_format.h).
// A friend of PartnershipGraph and StringPool: it saves their members as they are, so that
// restoring one is checking the arrays and pointing the graph at them, not a rebuild or a copy.
// Used by io/snapshot_reader.cc and io/snapshot_writer.cc only.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

namespace snapshot {
class SectionReader;
}

class SnapshotCodec {
 public:
  /// The whole file: header, then every section.
  static std::string Encode(const PartnershipGraph& graph);
  /// Restores the graph from a file whose header was already checked (io/snapshot_reader.cc),
  /// held in memory aligned to 64 bytes that `keep_alive` keeps: every section's bounds, and
  /// every index the graph will follow, are checked here, then the graph views the sections in
  /// place. On a bad one, false with `*problem` saying what is wrong.
  static bool Decode(std::string_view file, std::shared_ptr<const void> keep_alive, PartnershipGraph* graph,
                     std::string* problem);

 private:
  /// The pool's strings back to back in `*joined`, and their entries as one block.
  static std::vector<StringPool::Entry> JoinStrings(const StringPool& pool, std::string* joined);
  static bool DecodeStrings(snapshot::SectionReader& in, StringPool* pool);
};

}  // namespace pg
