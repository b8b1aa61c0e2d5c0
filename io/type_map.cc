#include "io/type_map.h"

#include <filesystem>

#include "io/csv_reader.h"
#include "io/table_sink.h"

namespace pg {
namespace {

/// Passes a types table on to the loader and refuses any other kind of table.
class TypesOnly : public TableSink {
 public:
  TypesOnly(TableLoader& loader, Diagnostics* diagnostics) : loader_(loader), diagnostics_(diagnostics) {}

  bool BeginTable(const TableOrigin& origin, std::span<const std::string_view> header, std::uint32_t header_line,
                  CellColumns columns) override {
    const std::size_t errors = diagnostics_->ErrorCount();
    accepted_ = loader_.BeginTable(origin, header, header_line, columns) && loader_.Kind() == TableKind::kTypes;
    if (!accepted_ && diagnostics_->ErrorCount() == errors) {
      diagnostics_->Error({origin.file, origin.sheet, header_line, 0},
                          "--type-map: expected a types table, with columns type and maps_to");
    }
    refused_ |= !accepted_;
    return accepted_;
  }
  void Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns columns) override {
    if (accepted_) loader_.Row(cells, line, columns);
  }
  void EndTable() override {
    if (accepted_) loader_.EndTable();
    accepted_ = false;
  }
  bool Refused() const { return refused_; }

 private:
  TableLoader& loader_;
  Diagnostics* diagnostics_;
  bool accepted_ = false;
  bool refused_ = false;
};

}  // namespace

bool ReadTypeMapFile(const std::string& path, TableLoader& loader, Diagnostics* diagnostics,
                     const InputLimits& limits) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    diagnostics->Error({path}, "--type-map: no such file");
    return false;
  }
  TypesOnly sink(loader, diagnostics);
  const bool read = ReadCsvFile(path, sink, diagnostics, limits);
  return read && !sink.Refused();
}

}  // namespace pg
