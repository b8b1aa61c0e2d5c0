#!/usr/bin/env python3
"""Writes the hand-made XLSX fixtures (deterministic bytes). From the repository root:
python3 tests/data/xlsx/make_fixture_malformed.py tests/data/xlsx
"""
import struct
import sys
import zipfile
from pathlib import Path

MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def workbook(sheets, date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    items = "".join(f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                    for i, name in enumerate(sheets))
    return f"{HEAD}<workbook {MAIN} {RNS}>{pr}<sheets>{items}</sheets></workbook>"


def rels(targets, extra=""):
    items = "".join(f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="{t}"/>'
                    for i, t in enumerate(targets))
    ns = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
    return f"{HEAD}<Relationships {ns}>{items}{extra}</Relationships>"


def sheet(rows):
    return f"{HEAD}<worksheet {MAIN} {RNS}><sheetData>{rows}</sheetData></worksheet>"


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", compresslevel=9) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode() if isinstance(data, str) else data)


def inline(text):
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


def main(out):
    out = Path(out)
    (out / "not_a_zip.xlsx").write_text("id,label\nanthropic,Anthropic\n")

    write_zip(out / "no_workbook.xlsx", [("docProps/app.xml", f"{HEAD}<Properties/>")])

    # Sheet 1 ("hand") is valid and exercises what the generators above do not write: inline
    # strings with rich runs and phonetic text, rows and cells without `r`, error and ISO-date
    # cells, an absolute relationship target, the 1904 date system and a time-only format.
    # Sheet 2 ("edges") is cut off mid-tag.
    styles = (f'{HEAD}<styleSheet {MAIN}><numFmts count="1"><numFmt numFmtId="164" '
              f'formatCode="[$-409]h:mm:ss;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/>'
              f'<xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>')
    hand = sheet(
        '<row r="2"><c r="B2" t="inlineStr"><is><t>id</t></is></c>' + inline("when") +
        inline("at") + inline("status") + "</row>"
        '<row><c r="B3" t="inlineStr"><is><r><t>Anthro</t></r><r><rPr><b/></rPr>'
        '<t xml:space="preserve">pic </t></r><rPh sb="0" eb="1"><t>ANT</t></rPh></is></c>'
        '<c s="1"><v>0</v></c><c s="2"><v>0.75</v></c><c t="e"><v>#N/A</v></c></row>'
        '<row r="5"><c r="B5" t="inlineStr"><is><t>x</t></is></c><c r="C5" t="d">'
        '<v>2026-02-01T10:00:00</v></c><c r="E5" t="b"><v>0</v></c></row>')
    truncated = (f'{HEAD}<worksheet {MAIN}>\n<sheetData>\n<row r="1">{inline("from")}'
                 f'{inline("to")}</row>\n<row r="2"><c r="A2" t="inl')
    write_zip(out / "truncated_xml.xlsx", [
        ("xl/workbook.xml", workbook(["hand", "edges"], date1904=True)),
        ("xl/_rels/workbook.xml.rels",
         rels(["/xl/worksheets/sheet1.xml", "worksheets/sheet2.xml"],
              f'<Relationship Id="rId9" Type="{REL}/styles" Target="styles.xml"/>')),
        ("xl/styles.xml", styles),
        ("xl/worksheets/sheet1.xml", hand),
        ("xl/worksheets/sheet2.xml", truncated),
    ])

    write_zip(out / "missing_sheet.xlsx", [
        ("xl/workbook.xml", workbook(["nodes", "edges"])),
        ("xl/_rels/workbook.xml.rels", rels(["worksheets/sheet1.xml", "worksheets/sheet2.xml"])),
        ("xl/worksheets/sheet1.xml",
         sheet('<row r="1">' + inline("id") + "</row><row r=\"2\">" + inline("anthropic") +
               "</row>")),
    ])

    # Problems inside sheets: a shared-string index out of range, a cell reference past XFD,
    # and a DTD (refused: entity expansion has no place in OOXML).
    sst = (f'{HEAD}<sst {MAIN} count="1" uniqueCount="1"><si><t>from</t></si></sst>')
    write_zip(out / "bad_cells.xlsx", [
        ("xl/workbook.xml", workbook(["edges", "nodes", "metrics"])),
        ("xl/_rels/workbook.xml.rels",
         rels(["worksheets/sheet1.xml", "worksheets/sheet2.xml", "worksheets/sheet3.xml"],
              f'<Relationship Id="rId9" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')),
        ("xl/sharedStrings.xml", sst),
        ("xl/worksheets/sheet1.xml",
         sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
               '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>7</v></c></row>')),
        ("xl/worksheets/sheet2.xml",
         sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="XFE1"><v>1</v></c></row>')),
        ("xl/worksheets/sheet3.xml",
         '<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY a "aaaa">]>\n' +
         sheet("")[len(HEAD):]),
    ])

    # 8 MiB of rows that deflate to ~20 KiB; a test lowers the cap to stop it early.
    row = "<row>" + inline("x") + "</row>"
    bomb_rows = row * ((8 << 20) // len(row))
    write_zip(out / "zip_bomb.xlsx", [
        ("xl/workbook.xml", workbook(["edges"])),
        ("xl/_rels/workbook.xml.rels", rels(["worksheets/sheet1.xml"])),
        ("xl/worksheets/sheet1.xml", sheet('<row r="1">' + inline("from") + "</row>" +
                                           bomb_rows)),
    ])

    # A tiny sheet whose central directory claims 2 GiB uncompressed: caught by the
    # declared-size check before anything is inflated, so it tests the default cap cheaply.
    small = [
        ("xl/workbook.xml", workbook(["edges"])),
        ("xl/_rels/workbook.xml.rels", rels(["worksheets/sheet1.xml"])),
        ("xl/worksheets/sheet1.xml", sheet('<row r="1">' + inline("from") + "</row>")),
    ]
    write_zip(out / "zip_bomb_declared.xlsx", small)
    declare_size(out / "zip_bomb_declared.xlsx", "xl/worksheets/sheet1.xml", 0x7FFFFFFF)

    # 2 MiB of rows whose central directory claims 300 bytes: only counting the bytes as they
    # are inflated catches it.
    lying_rows = row * ((2 << 20) // len(row))
    write_zip(out / "zip_bomb_lying.xlsx", small[:2] + [
        ("xl/worksheets/sheet1.xml", sheet('<row r="1">' + inline("from") + "</row>" +
                                           lying_rows))])
    declare_size(out / "zip_bomb_lying.xlsx", "xl/worksheets/sheet1.xml", 300)


def declare_size(path, entry, size):
    """Overwrites the uncompressed size the central directory gives for `entry`."""
    data = bytearray(path.read_bytes())
    name = entry.encode()
    at = data.find(b"PK\x01\x02")  # central directory file headers
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == name:
            struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 46)
    path.write_bytes(bytes(data))

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
