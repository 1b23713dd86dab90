"""Fill a Qt .ts file from a JSON of translations ``{context: {source: translation}}``, for
translators who work outside Qt Linguist: ``python tools/ts_fill.py translations/reader_es.ts
FILE.json [FILE.json …]``, then ``tools/translations.sh update`` to write it back in lupdate's own
layout. A filled message loses its "unfinished" mark; others are kept."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.etree import ElementTree


def fill(ts_path: str, tables: list[dict[str, dict[str, str]]]) -> int:
    tree = ElementTree.parse(ts_path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            text = next((table[name][source] for table in tables
                         if source in table.get(name, {}) and table[name][source]), None)
            if text is None:
                continue
            element = message.find("translation")
            if element is None:
                element = ElementTree.SubElement(message, "translation")
            element.text = text
            element.attrib.pop("type", None)
            filled += 1
    ElementTree.indent(tree, space="    ")
    with open(ts_path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return filled


if __name__ == "__main__":
    tables = [json.loads(Path(path).read_text(encoding="utf-8")) for path in sys.argv[2:]]
    print(f"{fill(sys.argv[1], tables)} translations filled in {sys.argv[1]}")
