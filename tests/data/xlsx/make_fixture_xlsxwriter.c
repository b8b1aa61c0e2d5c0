// Writes tests/data/xlsx/libxlsxwriter.xlsx. Not built by CMake; from the repository root:
// cc -o /tmp/make_fixture_xlsxwriter tests/data/xlsx/make_fixture_xlsxwriter.c $(pkg-config --cflags --libs xlsxwriter) && /tmp/make_fixture_xlsxwriter tests/data/xlsx/libxlsxwriter.xlsx
//
// Covers: numbers (50000000000, 0.267), a yyyy-mm-dd date cell, a built-in date format (14),
// a boolean, a formula with a text result (t="str"), a shared string with a comma and quotes,
// an empty cell mid-row, a gap of empty rows, a row that is only blank, and an ignored sheet.

#include <xlsxwriter.h>

static void WriteRow(lxw_worksheet* sheet, lxw_row_t row, const char* const* cells, int count) {
  for (int i = 0; i < count; ++i) {
    if (cells[i] && cells[i][0]) worksheet_write_string(sheet, row, (lxw_col_t)i, cells[i], NULL);
  }
}

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : "libxlsxwriter.xlsx";
  lxw_workbook* book = workbook_new(path);
  lxw_format* iso_date = workbook_add_format(book);
  format_set_num_format(iso_date, "yyyy-mm-dd");
  lxw_format* short_date = workbook_add_format(book);
  format_set_num_format_index(short_date, 14);  // built-in m/d/yyyy

  lxw_worksheet* nodes = workbook_add_worksheet(book, "nodes");
  const char* node_header[] = {"id", "label", "type", "roles", "markets"};
  WriteRow(nodes, 0, node_header, 5);
  const char* anthropic[] = {"anthropic", "Anthropic", "company", "", "frontier-models"};
  WriteRow(nodes, 1, anthropic, 5);  // roles left empty: a gap mid-row
  const char* amazon[] = {"amazon", "Amazon", "investor", "investor|cloud", "cloud"};
  WriteRow(nodes, 2, amazon, 5);
  const char* openai[] = {"openai", "OpenAI, Inc. \"the lab\"", "company", "", "frontier-models"};
  WriteRow(nodes, 3, openai, 5);
  // Rows 5 and 6 stay empty (a sparse gap); row 7 holds only blanks.
  worksheet_write_string(nodes, 6, 1, "  ", NULL);
  const char* google[] = {"google", "Google", "investor", "investor|cloud", "cloud"};
  WriteRow(nodes, 7, google, 5);

  lxw_worksheet* edges = workbook_add_worksheet(book, "edges");
  const char* edge_header[] = {"from", "to", "type", "amount_usd", "start", "source",
                               "confidence"};
  WriteRow(edges, 0, edge_header, 7);
  const char* invest[] = {"google", "anthropic", "invests"};
  WriteRow(edges, 1, invest, 3);
  worksheet_write_number(edges, 1, 3, 50000000000.0, NULL);
  lxw_datetime february = {2026, 2, 1, 0, 0, 0};
  worksheet_write_datetime(edges, 1, 4, &february, iso_date);
  worksheet_write_string(edges, 1, 5, "https://example.com/google-anthropic", NULL);
  worksheet_write_number(edges, 1, 6, 0.9, NULL);
  const char* invest2[] = {"amazon", "anthropic", "invests"};
  WriteRow(edges, 2, invest2, 3);
  worksheet_write_number(edges, 2, 3, 8e9, NULL);
  lxw_datetime september = {2023, 9, 25, 14, 30, 0};
  worksheet_write_datetime(edges, 2, 4, &september, short_date);  // has a time of day
  worksheet_write_formula_str(edges, 2, 5, "=\"press release\"", NULL, "press release");
  const char* distributes[] = {"amazon", "anthropic", "distributes", "", "", "", "high"};
  WriteRow(edges, 3, distributes, 7);

  lxw_worksheet* metrics = workbook_add_worksheet(book, "metrics");
  const char* metric_header[] = {"entity", "metric", "value", "unit", "as_of", "basis", "source",
                                 "audited"};
  WriteRow(metrics, 0, metric_header, 8);
  const char* share[] = {"amazon", "share_pct", "", "ratio", "", "estimate", "analyst note"};
  WriteRow(metrics, 1, share, 7);
  worksheet_write_number(metrics, 1, 2, 0.267, NULL);
  lxw_datetime year_end = {2025, 12, 31, 0, 0, 0};
  worksheet_write_datetime(metrics, 1, 4, &year_end, iso_date);
  worksheet_write_boolean(metrics, 1, 7, 1, NULL);
  const char* revenue[] = {"anthropic", "revenue_usd", "", "usd", "", "actual", "10-K"};
  WriteRow(metrics, 2, revenue, 7);
  worksheet_write_number(metrics, 2, 2, 1.25e-7, NULL);
  worksheet_write_datetime(metrics, 2, 4, &year_end, iso_date);
  worksheet_write_boolean(metrics, 2, 7, 0, NULL);

  lxw_worksheet* notes = workbook_add_worksheet(book, "notes (ignore)");
  worksheet_write_string(notes, 0, 0, "id", NULL);
  worksheet_write_string(notes, 1, 0, "scratch, not data", NULL);

  return workbook_close(book) == LXW_NO_ERROR ? 0 : 1;
}
