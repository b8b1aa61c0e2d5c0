#!/usr/bin/env python3
"""Builds examples/ai-cloud-2026.xlsx from the CSVs in examples/ai-cloud-2026/.

The CSVs are the source of truth. This script writes them as sheets `nodes`, `edges` and
`metrics` of a flat OpenDocument spreadsheet (.fods) and lets LibreOffice Calc convert it to
XLSX, so the workbook is one that a real spreadsheet program saved. Numbers become numeric
cells; everything else stays text. Needs LibreOffice (`tools/bootstrap.sh --fixtures`).

    python3 examples/make_workbook.py
"""
import csv
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "ai-cloud-2026")
TARGET = os.path.join(HERE, "ai-cloud-2026.xlsx")


def cell(text):
    try:
        float(text)
        is_number = text.strip() != "" and not text.strip().startswith(("+", "0x"))
    except ValueError:
        is_number = False
    if text == "":
        return "<table:table-cell/>"
    if is_number:
        return (f'<table:table-cell office:value-type="float" office:value="{escape(text)}">'
                f"<text:p>{escape(text)}</text:p></table:table-cell>")
    lines = "".join(f"<text:p>{escape(line)}</text:p>" for line in text.split("\n"))
    return f'<table:table-cell office:value-type="string">{lines}</table:table-cell>'


def sheet(name):
    with open(os.path.join(SOURCE, f"{name}.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    body = "".join("<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>" for row in rows)
    return f'<table:table table:name="{name}">{body}</table:table>'


def main():
    if not shutil.which("soffice"):
        sys.exit("make_workbook.py: LibreOffice (soffice) is not installed: run tools/bootstrap.sh --fixtures")
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        "<office:body><office:spreadsheet>"
        + "".join(sheet(name) for name in ("nodes", "edges", "metrics"))
        + "</office:spreadsheet></office:body></office:document>")
    with tempfile.TemporaryDirectory() as work:
        fods = os.path.join(work, "ai-cloud-2026.fods")
        with open(fods, "w", encoding="utf-8") as f:
            f.write(document)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile",
                        "--convert-to", "xlsx", "--outdir", work, fods],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.move(os.path.join(work, "ai-cloud-2026.xlsx"), TARGET)
    print(f"wrote {os.path.relpath(TARGET)}")


if __name__ == "__main__":
    main()
