#pragma once
// Reads an XLSX workbook (Excel, LibreOffice, libxlsxwriter, Google Sheets exports) as tables,
// one per worksheet, streamed row by row to a TableSink. Built on libzip + expat; what stays in
// memory is the shared-string table, one flag per cell style and the current row.

#include <cstdint>
#include <string>

#include "graph/diagnostics.h"
#include "io/input_limits.h"
#include "io/table_sink.h"

namespace pg {

/// Zip-bomb guards. Zero picks the default; tests lower them to exercise the checks quickly.
struct XlsxReadOptions {
  /// Decompressed bytes over every entry read; 0 means DefaultXlsxByteCap(file size).
  std::uint64_t max_total_bytes = 0;
  /// One entry's declared and actual decompressed size; 0 means the total cap.
  std::uint64_t max_entry_bytes = 0;
  InputLimits limits;
};

/// max(256 MiB, 200 × file size): real workbooks deflate 5-20×, deflate bombs about 1000×.
std::uint64_t DefaultXlsxByteCap(std::uint64_t file_size);

/// Streams every worksheet, in workbook order, to `sink`: the header is the sheet's first
/// non-empty row, then each later non-empty row with its 1-based sheet row number. Sheets whose
/// name contains `(ignore)` (Kumu) and chart sheets are skipped. Problems go to `diagnostics`
/// (may be null); returns false if there was any error. Never throws. `options.limits` bound
/// the sheets, and each sheet's rows, columns and cell bytes (shared strings too).
bool ReadXlsxWorkbook(const std::string& path, TableSink& sink, Diagnostics* diagnostics);
bool ReadXlsxWorkbook(const std::string& path, TableSink& sink, Diagnostics* diagnostics,
                      const XlsxReadOptions& options);

/// Decodes Excel's `_xHHHH_` escapes (OOXML ST_Xstring) in `text` from byte `from` on, in
/// place: `_x000D_` is a carriage return, and `_x005F_` a literal underscore, so
/// `_x005F_x000D_` is the text `_x000D_`. Other text, and escapes of a lone surrogate, stay.
void DecodeXlsxEscapes(std::string* text, std::size_t from = 0);

/// Shortest text that reads back as `value`; integers below 1e21 never use an exponent
/// (50000000000, not 5e+10), so amounts typed as numbers read like amounts typed as text.
void FormatXlsxNumber(double value, std::string* out);

/// Excel date serial to ISO text, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` when it has a time of
/// day (rounded to the second); `HH:MM:SS` for a time-only format with a serial below 1.
/// Keeps Excel's 1900 leap-year bug: serial 60 is 1900-02-29, as Excel shows it. False if the
/// serial is negative or past 9999-12-31.
bool XlsxSerialToIso(double serial, bool date1904, bool time_only, std::string* out);

}  // namespace pg
