#!/usr/bin/env python3
"""Reads an .xlsx workbook with openpyxl and prints, as JSON, what a spreadsheet program would show of it, for
duban's XLSXWriter tests (Tests/DubanExportTests), which compare it exactly with what they wrote.

Each cell is one string: `-` for no value, else `DATATYPE:PYTHONTYPE:VALUE` (`s:str:临沧`, `n:int:-3`,
`n:float:0.875`, `d:datetime:2024-11-29T00:00:00`, `e:str:#NUM!`; a formula would be `f:str:=…`), then `|b` when
the font is bold and `|FORMAT` when the number format is not General. Any warning openpyxl raises while loading
fails the run, and so does a damaged ZIP entry.

Usage: python3 xlsx_dump.py FILE
"""
import json
import sys
import warnings
import zipfile

import openpyxl


def cell_text(cell):
    value = cell.value
    if value is None:
        return "-"
    shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
    text = f"{cell.data_type}:{type(value).__name__}:{shown}"
    if cell.font.b:
        text += "|b"
    if cell.number_format != "General":
        text += "|" + cell.number_format
    return text


def main(path):
    warnings.simplefilter("error")
    with zipfile.ZipFile(path) as archive:
        damaged = archive.testzip()
        if damaged is not None:
            sys.exit(f"damaged ZIP entry: {damaged}")
        parts = sorted(archive.namelist())
        formulas = sum(
            archive.read(name).count(b"<f>") + archive.read(name).count(b"<f ")
            for name in parts if name.startswith("xl/worksheets/"))
    workbook = openpyxl.load_workbook(path)
    created = workbook.properties.created
    out = {
        "parts": parts,
        "formulas": formulas,
        "creator": workbook.properties.creator,
        "created": created.isoformat() if created else None,
        "sheets": [],
    }
    for sheet in workbook.worksheets:
        out["sheets"].append({
            "name": sheet.title,
            "freeze": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "widths": {letter: d.width for letter, d in sheet.column_dimensions.items() if d.customWidth},
            "rows": [[cell_text(cell) for cell in row] for row in sheet.iter_rows()],
        })
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
