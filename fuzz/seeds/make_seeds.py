#!/usr/bin/env python3
"""Writes the seed corpora (seeds/<target>/) from small hand-made inputs and the test
fixtures. Run from fuzz/: python3 seeds/make_seeds.py. Workbooks are stored uncompressed, so
that mutations reach their XML."""
import io, os, struct, zlib, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def write(target, name, data):
    d = os.path.join(ROOT, "fuzz", "seeds", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def fixture(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


# lines: plain text, streamed in chunks and read whole
write("lines", "answers", fixture("examples/answers/efa_gruende.txt")[:1500])
write("lines", "crlf_bom", b"\xef\xbb\xbfPersonal fehlt\r\nkeine Zeit\r\n\r\nk.A.\r")
write("lines", "cp1252", "Bürger fehlen\nGebühren zu hoch\n".encode("cp1252"))
write("lines", "utf16", "\ufeffPersonal\nZeit\n".encode("utf-16-le"))

# analyze: arbitrary's bytes; text gives strings and flags
write("analyze", "german", "\x01\x00\x01\x00\x00\x01Fehlendes Personal, keine Zeit. Bürger*innen nutzen EfA-Dienste z.B. Servicekonto.NRW")
write("analyze", "list", "\x00\x01\x01\x01\x01\x00\x01,optiGov, regio iT / Dataport und Form-Solutions\nE-Akte")

# lists
write("lists", "codebook", fixture("examples/answers/codebook.txt"))
write("lists", "phrases", fixture("examples/answers/phrases.txt"))
write("lists", "stop", "# Füllwörter\nhalt\neben\nhalt\n")

# delimited: first byte = format and flags (see fuzz_targets/delimited.rs)
write("delimited", "limesurvey", b"\x00" + fixture("tests/fixtures/limesurvey.csv"))
write("delimited", "group", b"\x01" + fixture("examples/answers/umfrage.csv")[:1500])
write("delimited", "long", b"\x03" + fixture("tests/fixtures/long.csv"))
write("delimited", "utf16", b"\x80" + fixture("tests/fixtures/utf16.tsv"))
write("delimited", "cp1252", b"\x02" + fixture("tests/fixtures/excel_cp1252.csv"))
write("delimited", "quoted", b"\x00id;\"Antwort; mit Semikolon\"\n1;\"Zeile\nzwei \"\"zitiert\"\"\"\n")

# jsonl
write("jsonl", "nested", b"\x01" + fixture("tests/fixtures/answers.jsonl"))
write("jsonl", "flat", b'\x00{"answer": "Personal fehlt"}\n{"answer": ["Zeit", "Geld"]}\n{"answer": null}\n')
write("jsonl", "long", b'\x02{"id": 1, "q": "G1", "a": "Zeit"}\n{"id": 1, "q": "G2", "a": 3.5}\n')


def xlsx(rows):
    cells = []
    for r, row in enumerate(rows, 1):
        cs = "".join(
            f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
            for c, v in enumerate(row))
        cells.append(f'<row r="{r}">{cs}</row>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Umfrage" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + "".join(cells) + '</sheetData></worksheet>',
    }
    return zipped(files)


def ods(rows):
    body = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
            for v in row) + "</table:table-row>" for row in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Umfrage">'
               + body + '</table:table></office:spreadsheet></office:body></office:document-content>')
    return zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": content})


def zipped(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, text in files.items():
            # a fixed date: the same seeds on every run
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), text)
    return buf.getvalue()


rows = [["id", "Kreis", "Gründe"], ["1", "Lippe", "Fehlendes Personal"], ["2", "Höxter", "keine Zeit &amp; kein Geld"]]
write("workbook", "xlsx", b"\x00" + xlsx(rows))
write("workbook", "xlsx_group", b"\x01" + xlsx(rows))
write("workbook", "ods", b"\x00" + ods(rows))
write("workbook", "long", b"\x03" + xlsx([["respondent", "question", "answer"], ["1", "G1", "Zeit"], ["1", "G1", "Personal"]]))

# frequencies
write("frequencies", "plain", "Personal\t12\nZeit\t3\nE-Akte\t1,5\n")
write("frequencies", "count_tsv", "term\tanswers\tshare\toccurrences\tvariants\nPersonal\t12\t0.5000\t14\tPersonal (12)\n")
write("frequencies", "excel_csv", "\ufeffBegriff;Befragte;Anteil;Nennungen;Varianten\r\nPersonal;12;0,5000;14;Personal (12)\r\n")
write("frequencies", "json", '{"answers": 4, "answered": 3, "no_answer": 1, "terms": [{"term": "Personal", "answers": 2, "share": 0.5, "occurrences": 2, "variants": []}]}')
write("frequencies", "questions", '[{"question": "G1", "group": null, "answers": 1, "answered": 1, "no_answer": 0, "terms": []}]')


def png(width, height, color_type, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


write("mask", "gray", png(8, 8, 0, [bytes(0 if 2 <= x <= 5 and 2 <= y <= 5 else 255 for x in range(8)) for y in range(8)]))
write("mask", "rgba", png(4, 4, 6, [b"".join(bytes([0, 0, 0, 255 if x == y else 0]) for x in range(4)) for y in range(4)]))

# layout: arbitrary's bytes
write("layout", "words", "\x05Personal\x40\x01Zeit\x10\x00Bürger*innen\x08\x00\x80\x60\x02\x20\x00\x00\x00\x00\x2a")
write("layout", "hostile", "\x03<script>\x01\x01]]>\"\x02\x00\u202eZeit\x01\x00\x40\x40\x00\x00\x01\x10\x00\x01<b onload=x>\x01Titel\x01")
