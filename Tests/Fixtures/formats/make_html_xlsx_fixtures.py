#!/usr/bin/env python3
"""Writes the HTML and xlsx fixtures of Tests/Fixtures/formats (run from anywhere; needs openpyxl):

  python3 Tests/Fixtures/formats/make_html_xlsx_fixtures.py

* Committee papers in other councils' styles (not the seeds'), with hand-counted records:
  pages/*.html and workbooks/*.xlsx, and EXPECTED.md listing what each holds.
* The five seeds (../shared/seeds/*.txt) rendered to seeds/NAME.html and seeds/NAME.xlsx: each run
  of tab-separated lines a real table, each other line a paragraph (or a list item when it starts
  with a bullet), so the ingest of a rendering can be compared with the ingest of the text.
* Bad inputs under bad/: an "xlsx" that is not a zip, a zip without a workbook, two zip bombs (one
  whose directory admits the ratio, one that lies about its sizes), HTML with a script and 10,000
  nested tags, an empty page, garbage bytes, and a harmless page with no tables.

Everything is generated: no fixture binary is edited by hand. Output is deterministic (fixed
timestamps in the zips), so re-running changes nothing.
"""
import datetime, html, io, os, re, struct, sys, zipfile, zlib

import openpyxl
from openpyxl.styles import PatternFill, Font

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
SEEDS = os.path.join(os.path.dirname(ROOT), "shared", "seeds")
FIXED = (2009, 1, 1, 0, 0, 0)


def out(*parts):
    p = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def save_workbook(wb, path):
    """Saves `wb` with fixed zip timestamps and metadata, so the bytes do not change run to run."""
    wb.properties.created = datetime.datetime(2009, 1, 1)
    wb.properties.modified = datetime.datetime(2009, 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", data)
            zi = zipfile.ZipInfo(info.filename, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, data)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


E = html.escape

# --------------------------------------------------------------------------------------------
# HTML committee pages in other councils' styles.

STYLE = "<style>table{border-collapse:collapse} td,th{border:1px solid #999;padding:2px 6px}</style>"


def rag_img(status):
    return f'<img src="/images/rag-{status.lower()}.png" alt="{status}" width="16" height="16">'


def page_kingsmere():
    """A borough's quarterly performance page from a committee-management system: two-row header
    with a spanning period, status icons with alt text, a full-width theme row between groups,
    several tables (indicators, then actions, then risks with coloured rating cells), nested lists."""
    ind = [
        ("Safer and Stronger Communities", [
            ("NI 16", "Serious acquisitive crime rate per 1,000 population", "18.2", "17.5", "16.9", "Green", "Insp. Carol Dunn"),
            ("NI 20", "Assault with injury crime rate per 1,000 population", "7.9", "7.2", "7.6", "Amber", "Insp. Carol Dunn"),
            ("NI 32", "Repeat incidents of domestic violence", "31%", "28%", "33%", "Red", "Mark Wilde"),
            ("NI 39", "Rate of hospital admissions for alcohol related harm", "1,540", "1,480", "1,455", "Green", "Dr Asha Menon"),
        ]),
        ("Children and Young People", [
            ("NI 111", "First time entrants to the youth justice system aged 10-17", "1,820", "1,700", "1,910", "Red", "Paul Okafor"),
            ("NI 117", "16 to 18 year olds who are not in education, employment or training (NEET)", "7.1%", "6.5%", "6.4%", "Green", "Paul Okafor"),
            ("NI 56", "Obesity among primary school age children in Year 6", "19.8%", "19.0%", "19.4%", "Amber", "Dr Asha Menon"),
        ]),
    ]
    rows = []
    for theme, items in ind:
        rows.append(f'<tr class="theme"><td colspan="7"><strong>Theme: {E(theme)}</strong></td></tr>')
        for code, title, base, target, actual, status, lead in items:
            rows.append(f"<tr><td>{E(code)} {E(title)}</td><td>{E(base)}</td><td>{E(target)}</td><td>{E(actual)}</td>"
                        f"<td>{rag_img(status)}</td><td>{E(lead)}</td><td>Q3 figure; see note</td></tr>")
    actions = [
        ("Extend the Safer Streets scheme to two more wards", "Carol Dunn", "31/03/2009", "On target"),
        ("Commission a new alcohol brief intervention service", "Asha Menon", "30/06/2009", "On target"),
        ("Publish the youth crime prevention strategy", "Paul Okafor", "31/12/2008", "Completed"),
        ("Review the domestic violence referral pathway", "Mark Wilde", "31/03/2009", "Behind schedule"),
    ]
    risks = [
        ("Loss of Home Office funding for the Safer Streets scheme", "High", "Likely", "#ff0000", "Carol Dunn"),
        ("Delay in recruiting youth workers", "Medium", "Possible", "#ffc000", "Paul Okafor"),
        ("Data sharing agreement with the PCT not renewed", "Low", "Unlikely", "#00b050", "Asha Menon"),
    ]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Kingsmere Borough Council - Cabinet - Performance Q3 2008/09</title>
{STYLE}
<script type="text/javascript">var NI_999 = "<td>NI 999 should never be read</td>"; document.write(NI_999);</script>
</head>
<body>
<div id="header"><a href="/">Kingsmere Borough Council</a> &gt; <a href="/committees">Committees</a></div>
<!-- generated by the committee management system; NI 998 in a comment must not be read -->
<h1>Kingsmere Borough Council</h1>
<h2>Quarter 3 Performance Report 2008/09</h2>
<p>This report sets out progress against the Local Area Agreement indicators at the end of December 2008.
Figures marked &lsquo;provisional&rsquo; may change.</p>
<h3>Key to status icons</h3>
<ul>
  <li>{rag_img("Green")} Green &ndash; on target</li>
  <li>{rag_img("Amber")} Amber &ndash; within 5% of target
    <ul><li>reviewed monthly by the lead officer</li><li>reported to the LSP board</li></ul>
  </li>
  <li>{rag_img("Red")} Red &ndash; target will not be met</li>
</ul>
<table>
<caption>Table 1: LAA indicators</caption>
<thead>
<tr><th rowspan="2">Indicator</th><th>2007/08</th><th colspan="3">2008/09</th><th rowspan="2">Lead Officer</th><th rowspan="2">Comments</th></tr>
<tr><th>Baseline</th><th>Target</th><th>Actual</th><th>Status</th></tr>
</thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<noscript><p>NI 997 Enable scripts to see the charts</p></noscript>
<h3>Key actions</h3>
<table>
<tr><th>Action</th><th>Lead Officer</th><th>Due date</th><th>Status</th></tr>
{chr(10).join(f"<tr><td>{E(a)}</td><td>{E(o)}</td><td>{E(d)}</td><td>{E(s)}</td></tr>" for a, o, d, s in actions)}
</table>
<h3>Risk register extract</h3>
<table>
<tr><th>Risk</th><th>Impact</th><th>Likelihood</th><th>RAG</th><th>Risk Owner</th></tr>
{chr(10).join(f'<tr><td>{E(r)}</td><td>{E(i)}</td><td>{E(l)}</td><td style="background-color:{c}">&nbsp;</td><td>{E(o)}</td></tr>' for r, i, l, c, o in risks)}
</table>
<style>.footer{{display:none}}</style>
<div class="footer">Page last updated 14 January 2009</div>
</body></html>
"""


def page_ashcombe():
    """A district's scrutiny page: a theme column merged down beside its indicators (rowspan), status
    as bgcolor cells with no text, a plain-text status column, two tables side by side in a layout
    table, entities, and a heading per section."""
    groups = [
        ("Environment", [
            ("NI 191", "Residual household waste per household (kg)", "720", "690", "702", "amber"),
            ("NI 192", "Percentage of household waste sent for reuse, recycling and composting", "32%", "36%", "37.5%", "green"),
            ("NI 195a", "Improved street and environmental cleanliness: litter", "9%", "8%", "11%", "red"),
        ]),
        ("Housing", [
            ("NI 154", "Net additional homes provided", "310", "350", "296", "red"),
            ("NI 155", "Number of affordable homes delivered (gross)", "64", "80", "82", "green"),
            ("NI 156", "Number of households living in temporary accommodation", "41", "35", "33", "green"),
        ]),
    ]
    colours = {"red": "#FF0000", "amber": "#FFC000", "green": "#00B050"}
    rows = []
    for theme, items in groups:
        for k, (code, title, last, target, actual, status) in enumerate(items):
            theme_cell = f'<td rowspan="{len(items)}" valign="top">{E(theme)}</td>' if k == 0 else ""
            rows.append(f"<tr><td>{E(code)}</td><td>{E(title)}</td>{theme_cell}<td>{E(last)}</td><td>{E(target)}</td>"
                        f'<td>{E(actual)}</td><td bgcolor="{colours[status]}"></td></tr>')
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Ashcombe District Council &#8211; Overview and Scrutiny</title></head>
<body bgcolor="#ffffff">
<p><b>ASHCOMBE DISTRICT COUNCIL</b></p>
<h2>Performance Indicator Exception Report &ndash; April to September 2008</h2>
<p>Report of the Head of Policy &amp; Performance. Indicators are shown by theme; the colour in the
last column shows status (red&nbsp;=&nbsp;off target, amber&nbsp;=&nbsp;at risk, green&nbsp;=&nbsp;on target).</p>
<table width="100%" border="1" cellspacing="0">
<tr bgcolor="#dddddd"><th>Ref</th><th>Performance Indicator</th><th>Theme</th><th>Last Year</th><th>Target 2008/09</th><th>Actual</th><th>RAG</th></tr>
{chr(10).join(rows)}
</table>
<h3>Improvement actions agreed by the Committee</h3>
<table border="0"><tr>
<td valign="top">
 <table border="1">
 <tr><th>Action</th><th>Responsible Officer</th><th>Deadline</th></tr>
 <tr><td>Introduce fortnightly food waste collections in rural parishes</td><td>Gareth Lloyd</td><td>March 2009</td></tr>
 <tr><td>Target litter enforcement at the three worst town-centre sites</td><td>Gareth Lloyd</td><td>December 2008</td></tr>
 </table>
</td>
<td valign="top">
 <table border="1">
 <tr><th>Action</th><th>Responsible Officer</th><th>Deadline</th></tr>
 <tr><td>Bring forward two rural exception housing sites</td><td>Helen Marsh</td><td>June 2009</td></tr>
 <tr><td>Review the temporary accommodation procurement framework</td><td>Helen Marsh</td><td>January 2009</td></tr>
 </table>
</td>
</tr></table>
<p>Background papers: none.<br>Contact officer: Helen Marsh, ext. 4412</p>
</body></html>
"""


# --------------------------------------------------------------------------------------------
# xlsx workbook in another council's style.

def workbook_quarterly():
    """A quarterly returns workbook: a cover sheet, an indicator return with a merged title, a two-row
    header with a merged period, percentages and numbers typed, a RAG column (text, coloured), and
    dates; an actions sheet with real dates; a risk sheet."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover["A1"] = "Brookfield City Council"
    cover["A2"] = "Local Area Agreement quarterly return"
    cover["A4"] = "Return for quarter ending"
    cover["B4"] = datetime.date(2008, 12, 31)
    cover["B4"].number_format = "dd/mm/yyyy"

    ws = wb.create_sheet("Q3 returns")
    ws["A1"] = "Quarter 3 return 2008/09 - LAA designated indicators"
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A3"] = "Indicator"
    ws.merge_cells("A3:A4")
    ws["B3"] = "2007/08"
    ws["B4"] = "Baseline"
    ws["C3"] = "2008/09"
    ws.merge_cells("C3:E3")
    ws["C4"] = "Target"
    ws["D4"] = "Actual"
    ws["E4"] = "Status"
    ws["F3"] = "Lead Officer"
    ws.merge_cells("F3:F4")
    ws["G3"] = "Data date"
    ws.merge_cells("G3:G4")
    data = [
        ("NI 8 Adult participation in sport and active recreation", 0.206, 0.22, 0.214, "Amber", "Ruth Ellis", datetime.date(2008, 12, 31)),
        ("NI 40 Number of drug users recorded as being in effective treatment", 1210, 1290, 1302, "Green", "Ian Frost", datetime.date(2008, 11, 30)),
        ("NI 47 People killed or seriously injured in road traffic accidents", 96, 88, 101, "Red", "Sunita Rao", datetime.date(2008, 12, 31)),
        ("NI 117 16 to 18 year olds who are not in education, training or employment (NEET)", 0.082, 0.075, 0.071, "Green", "Tom Baker", datetime.date(2008, 12, 31)),
        ("NI 152 Working age people on out of work benefits", 0.141, 0.135, 0.149, "Red", "Ian Frost", datetime.date(2008, 8, 31)),
        ("NI 163 Working age population qualified to at least Level 2 or higher", 0.674, 0.70, 0.689, "Amber", "Tom Baker", datetime.date(2008, 9, 30)),
        ("NI 186 Per capita CO2 emissions in the LA area (tonnes)", 7.9, 7.5, 7.6, "Amber", "Sunita Rao", datetime.date(2008, 12, 31)),
        ("NI 192 Percentage of household waste sent for reuse, recycling and composting", 0.31, 0.35, 0.362, "Green", "Sunita Rao", datetime.date(2008, 12, 31)),
    ]
    fills = {"Red": "FF0000", "Amber": "FFC000", "Green": "00B050"}
    for i, (title, base, target, actual, status, lead, when) in enumerate(data):
        r = 5 + i
        ws.cell(r, 1, title)
        for col, v in ((2, base), (3, target), (4, actual)):
            c = ws.cell(r, col, v)
            if isinstance(v, float) and v < 1:
                c.number_format = "0.0%"
        s = ws.cell(r, 5, status)
        s.fill = PatternFill("solid", fgColor=fills[status])
        ws.cell(r, 6, lead)
        d = ws.cell(r, 7, when)
        d.number_format = "d mmm yyyy"

    acts = wb.create_sheet("Actions")
    acts.append(["Action", "Lead Officer", "Due date", "Status"])
    for a, o, d, s in [
        ("Launch the community sports activator programme", "Ruth Ellis", datetime.date(2009, 1, 31), "On target"),
        ("Open a second young people's drug treatment clinic", "Ian Frost", datetime.date(2009, 3, 31), "Completed"),
        ("Install average speed cameras on the A61 corridor", "Sunita Rao", datetime.date(2009, 6, 30), "Delayed"),
        ("Extend the September Guarantee to all school leavers", "Tom Baker", datetime.date(2009, 9, 30), "On target"),
    ]:
        acts.append([a, o, d, s])
        acts.cell(acts.max_row, 3).number_format = "dd/mm/yyyy"

    risks = wb.create_sheet("Risks")
    risks.append(["Risk", "Impact", "Likelihood", "RAG", "Risk Owner"])
    for row in [
        ("Recession increases out of work benefit claims beyond the stretch target", "High", "Likely", "Red", "Ian Frost"),
        ("Capital funding for the A61 cameras withdrawn", "Medium", "Possible", "Amber", "Sunita Rao"),
        ("Sports facility closures during refurbishment", "Low", "Unlikely", "Green", "Ruth Ellis"),
    ]:
        risks.append(list(row))
    return wb


EXPECTED = """# Fixtures in other councils' styles: what each holds (counted by hand)

Counted by reading each page or sheet, not planq's output: one record per indicator row, action row
or risk row of a table (legend lists, captions, notes, headings and the cover sheet are not records).

| fixture | indicators | actions | risks | total |
|---|---:|---:|---:|---:|
| pages/kingsmere_q3.html | 7 (NI 16, 20, 32, 39, 111, 117, 56) | 4 | 3 | 14 |
| pages/ashcombe_exceptions.html | 6 (NI 191, 192, 195a, 154, 155, 156) | 4 (two tables side by side) | 0 | 10 |
| workbooks/brookfield_returns.xlsx | 8 (Q3 returns sheet) | 4 (Actions sheet) | 3 (Risks sheet) | 15 |

Statuses stated: kingsmere indicators G A R G R G A (icons), actions On target x2, Completed,
Behind schedule, risks red amber green (cell colours); ashcombe A G R R G G (cell colours);
brookfield A G R G R A A G (text in coloured cells), risks Red Amber Green.
"""


# --------------------------------------------------------------------------------------------
# The seeds, rendered.

def seed_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return [l[:-1] if l.endswith("\r") else l for l in f.read().split("\n")]


BULLETS = "\u2022\u25cb\u25aa\u25e6\u25cf\u25a0\u25a1\uf0b7\uf0a7\u2023\u2043"


def seed_html(name, lines):
    """Each run of tab-separated lines is one <table> (a row per line, a cell per field); other
    lines are paragraphs, or list items when they start with a bullet glyph; blank lines dropped."""
    body = []
    table = []
    items = []

    def end_table():
        if table:
            body.append("<table border=\"1\">\n" + "\n".join(table) + "\n</table>")
            table.clear()

    def end_list():
        if items:
            body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items.clear()

    for line in lines:
        if "\t" in line:
            end_list()
            table.append("<tr>" + "".join(f"<td>{E(c)}</td>" for c in line.split("\t")) + "</tr>")
            continue
        end_table()
        text = line.strip()
        if not text:
            continue
        if text[0] in BULLETS:
            items.append(f"<li>{E(text[1:].strip())}</li>")
            continue
        end_list()
        body.append(f"<p>{E(line)}</p>")
    end_table()
    end_list()
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + E(name) + "</title></head>\n<body>\n"
            + "\n".join(body) + "\n</body></html>\n")


ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
NUMBER = re.compile(r"^-?(0|[1-9]\d{0,11})(\.\d{1,6})?$")
PERCENT = re.compile(r"^(0|[1-9]\d?)%$")


def typed(cell):
    """A seed cell as a spreadsheet would hold it: plain numbers as numbers, whole percentages as
    percentage-formatted numbers (to exercise the reader's typing), everything else as text."""
    if NUMBER.match(cell) and (("." not in cell) or (str(float(cell)) == cell)):
        return (float(cell) if "." in cell else int(cell)), None
    if PERCENT.match(cell):
        return int(cell[:-1]) / 100, "0%"
    return ILLEGAL.sub("", cell), None


def seed_xlsx(name, lines):
    """One sheet; each line of the text a row: prose in column A, table fields across the columns."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    r = 0
    for line in lines:
        r += 1
        if not line.strip():
            continue
        cells = line.split("\t") if "\t" in line else [line]
        for c, raw in enumerate(cells, start=1):
            if raw == "":
                continue
            value, fmt = typed(raw)
            cell = ws.cell(r, c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, even when the text starts with '='
            if fmt:
                cell.number_format = fmt
    return wb


# --------------------------------------------------------------------------------------------
# Bad inputs.

def zip_bytes(entries, declared=None):
    """A zip of (name, bytes); `declared` maps a name to the uncompressed size written into its
    local header and central directory instead of the true one (a lying archive)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in entries:
            zi = zipfile.ZipInfo(n, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    raw = bytearray(buf.getvalue())
    for n, size in (declared or {}).items():
        name = n.encode()
        # Local file header: signature PK\3\4, size fields at offsets 18 (compressed) and 22.
        i = raw.find(b"PK\x03\x04" + b"")
        while i >= 0:
            nlen = struct.unpack_from("<H", raw, i + 26)[0]
            if raw[i + 30:i + 30 + nlen] == name:
                struct.pack_into("<I", raw, i + 22, size)
            i = raw.find(b"PK\x03\x04", i + 4)
        # Central directory: signature PK\1\2, uncompressed size at offset 24, name length at 28.
        i = raw.find(b"PK\x01\x02")
        while i >= 0:
            nlen = struct.unpack_from("<H", raw, i + 28)[0]
            if raw[i + 46:i + 46 + nlen] == name:
                struct.pack_into("<I", raw, i + 24, size)
            i = raw.find(b"PK\x01\x02", i + 4)
    return bytes(raw)


MIN_WORKBOOK = b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
MIN_RELS = b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'


def bad_inputs():
    with open(out("bad", "not_a_zip.xlsx"), "wb") as f:
        f.write(b"Indicator,Target\nNI 16,5\n")
    with open(out("bad", "no_workbook.xlsx"), "wb") as f:
        f.write(zip_bytes([("word/document.xml", b"<document/>"), ("[Content_Types].xml", b"<Types/>")]))
    # 64 MB of one repeated row inflates from ~64 KB: refused from the directory's sizes.
    sheet = b'<worksheet><sheetData>' + b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 1_300_000 + b'</sheetData></worksheet>'
    with open(out("bad", "zip_bomb.xlsx"), "wb") as f:
        f.write(zip_bytes([("xl/workbook.xml", MIN_WORKBOOK), ("xl/_rels/workbook.xml.rels", MIN_RELS),
                           ("xl/worksheets/sheet1.xml", sheet)]))
    # The same sheet, but the zip claims it is 2,000 bytes: caught while inflating.
    with open(out("bad", "zip_bomb_lying.xlsx"), "wb") as f:
        f.write(zip_bytes([("xl/workbook.xml", MIN_WORKBOOK), ("xl/_rels/workbook.xml.rels", MIN_RELS),
                           ("xl/worksheets/sheet1.xml", sheet)], declared={"xl/worksheets/sheet1.xml": 2000}))
    deep = ("<html><head><script>while(true){}</script></head><body>\n<script>document.write('<table><tr><td>NI 999')</script>\n"
            + "<div>" * 10000 + "<table><tr><th>Indicator</th><th>Target</th></tr><tr><td>NI 16 Crime</td><td>5</td></tr></table>"
            + "</div>" * 10000 + "\n</body></html>\n")
    write(out("bad", "script_deep.html"), deep)
    write(out("bad", "empty.html"), "<html><head><title>Nothing here</title></head><body>  </body></html>\n")
    with open(out("bad", "garbage.html"), "wb") as f:
        f.write(bytes((i * 37 + 11) % 256 for i in range(2048)))
    write(out("bad", "no_tables.html"), "<html><body><h1>Parish newsletter</h1><p>The summer fete raised &pound;420 for the church roof.</p></body></html>\n")


def main():
    write(out("pages", "kingsmere_q3.html"), page_kingsmere())
    write(out("pages", "ashcombe_exceptions.html"), page_ashcombe())
    save_workbook(workbook_quarterly(), out("workbooks", "brookfield_returns.xlsx"))
    write(out("EXPECTED.md"), EXPECTED)
    bad_inputs()
    if not os.path.isdir(SEEDS):
        sys.exit(f"make_html_xlsx_fixtures: no seeds at {SEEDS}")
    for f in sorted(os.listdir(SEEDS)):
        if not f.endswith(".txt"):
            continue
        name = f[:-4]
        lines = seed_lines(os.path.join(SEEDS, f))
        write(out("seeds", name + ".html"), seed_html(name, lines))
        save_workbook(seed_xlsx(name, lines), out("seeds", name + ".xlsx"))


if __name__ == "__main__":
    main()
