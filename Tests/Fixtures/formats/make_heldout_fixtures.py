#!/usr/bin/env python3
"""Writes the HELD-OUT fixtures of Tests/Fixtures/formats/heldout (run from anywhere):

  python3 Tests/Fixtures/formats/make_heldout_fixtures.py

Needs openpyxl (PyPI) for the workbook and headless Chromium (Debian `chromium`) to print the PDF.
The tests read the committed files and need neither.

Four documents of four more fictional councils, one in each format, in layouts none of the other
fixtures or the seeds use. They were written (with their labels) before planq was run on them, and
the reader and recognisers are NOT tuned on them: their score is the held-out figure of issue 13.

* pendlebury_scorecard.html  a metropolitan borough's scorecard page from a web CMS: one table per
  priority under <h2>s, a "Good performance is" column, traffic lights as <span title=...> letters,
  a milestones table with a RAG letter and comments, a risk table with numbered likelihood/impact.
* thornbury_laa_q4.html/.pdf  an LSP's LAA monitoring report (landscape, no cell borders, striped
  rows): theme rows across the table, a "Q4 outturn" and "DoT" column, RAG as a word in a coloured
  cell, then an exceptions table of remedial actions; printed to PDF by Chromium.
* wyvern_return.xlsx  a county's quarterly return: a cover sheet, an indicator sheet with a merged
  title and directorate rows, typed numbers and percentages, a RAG column; an actions sheet with
  real dates; a risk sheet with scores.
* oakvale_open_data.csv  a borough's open-data export: snake_case headers, one row per indicator,
  polarity as a column, RAG as a word.

labels/NAME.tsv holds each document's records, one a line, written from the lists below (the same
lists the documents are made from): kind (indicators, actions, risks), code, ref, title (the start
of the title, action or risk text), target, actual, status (red/amber/green or empty), owner (the
first person, or the team where no person is named), due (ISO date). How they are scored is in
Tests/PlanQTests/Ingest/Readers/HeldOutFormatsTests.swift.
"""
import datetime, html, io, os, re, shutil, subprocess, sys, tempfile, zipfile

import openpyxl
from openpyxl.styles import Font, PatternFill

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "heldout")
E = html.escape
FIXED = (2010, 1, 1, 0, 0, 0)
LABEL_HEADER = ["kind", "code", "ref", "title", "target", "actual", "status", "owner", "due"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_labels(name, rows):
    lines = ["\t".join(LABEL_HEADER)]
    for r in rows:
        lines.append("\t".join(str(r.get(k, "")) for k in LABEL_HEADER))
    write(os.path.join(OUT, "labels", name + ".tsv"), "\n".join(lines) + "\n")


def rag_word(s):
    return {"G": "green", "A": "amber", "R": "red", "Green": "green", "Amber": "amber", "Red": "red"}.get(s, "")


def num(s):
    """A label number: the figure without %, commas or units."""
    m = re.search(r"-?[\d,]*\.?\d+", s)
    return m.group(0).replace(",", "") if m else ""


# --------------------------------------------------------------------------------------------
# 1. Pendlebury MBC scorecard (HTML).

PENDLEBURY = [
    ("Priority 1 – A prosperous borough", [
        ("PB01", "NI 151", "Overall employment rate", "Higher", "70.2%", "71.0%", "69.4%", "R", "Gemma Hartley"),
        ("PB02", "NI 153", "Working age people claiming out of work benefits in the worst performing neighbourhoods", "Lower", "31.5%", "30.0%", "30.4%", "A", "Gemma Hartley"),
        ("PB03", "", "Number of jobs created through inward investment", "Higher", "145", "160", "171", "G", "Owen Pritchard"),
        ("PB04", "NI 172", "Percentage of small businesses in an area showing employment growth", "Higher", "13.8%", "14.5%", "14.9%", "G", "Owen Pritchard"),
    ]),
    ("Priority 2 – Safe and clean neighbourhoods", [
        ("PB05", "NI 195", "Improved street and environmental cleanliness (litter)", "Lower", "8%", "7%", "9%", "R", "Street Care Service"),
        ("PB06", "NI 191", "Residual household waste per household (kg)", "Lower", "688", "670", "661", "G", "Lorraine Fenwick"),
        ("PB07", "NI 16", "Serious acquisitive crime rate per 1,000 population", "Lower", "15.9", "15.0", "15.6", "A", "Supt. Neil Ashworth"),
        ("PB08", "NI 21", "Dealing with local concerns about anti-social behaviour and crime", "Higher", "26.1%", "28.0%", "28.4%", "G", "Supt. Neil Ashworth"),
    ]),
]

PENDLEBURY_MILESTONES = [
    ("M1", "Adopt the town centre regeneration framework", "Owen Pritchard", "30 June 2010", "G", "Adopted by Cabinet in May"),
    ("M2", "Procure the new waste collection contract", "Lorraine Fenwick", "30 September 2010", "A", "Tender evaluation running late"),
    ("M3", "Open the Pendlebury Works skills hub", "Gemma Hartley", "31 March 2011", "G", "Building works on schedule"),
    ("M4", "Introduce alley-gating in three priority areas", "Supt. Neil Ashworth", "31 December 2010", "R", "Consultation objections received"),
]

PENDLEBURY_RISKS = [
    ("CR1", "Reduction in government grant following the spending review", "4", "4", "16", "Chief Finance Officer"),
    ("CR2", "Failure to let the waste contract on time", "3", "4", "12", "Lorraine Fenwick"),
    ("CR3", "Major employer leaves the borough", "2", "4", "8", "Owen Pritchard"),
]


def pendlebury():
    light = {"G": ("#2e9e44", "On target"), "A": ("#f0a400", "Slightly off target"), "R": ("#d42020", "Off target")}
    parts, labels = [], []
    for priority, inds in PENDLEBURY:
        rows = []
        for ref, code, title, good, out, target, actual, rag, owner in inds:
            colour, word = light[rag]
            label = f"{code}: {title}" if code else title
            rows.append(f"<tr><td>{ref}</td><td>{E(label)}</td><td>{good}</td><td>{out}</td><td>{target}</td><td>{actual}</td>"
                        f'<td><span class="tl" style="background:{colour}" title="{word}">{rag}</span></td><td>{E(owner)}</td></tr>')
            labels.append(dict(kind="indicators", code=code, ref=ref if not code else "", title=title, target=num(target),
                               actual=num(actual), status=rag_word(rag), owner=owner))
        parts.append(f"""<h2>{E(priority)}</h2>
<table class="scorecard">
<tr><th>Ref</th><th>Measure</th><th>Good performance is</th><th>2009/10 outturn</th><th>Q1 2010/11 target</th><th>Q1 2010/11 actual</th><th>Traffic light</th><th>Responsible manager</th></tr>
{chr(10).join(rows)}
</table>""")
    ms = []
    for ref, text, owner, due, rag, note in PENDLEBURY_MILESTONES:
        colour, word = light[rag]
        ms.append(f'<tr><td>{ref}</td><td>{E(text)}</td><td>{E(owner)}</td><td>{due}</td><td><span class="tl" style="background:{colour}" title="{word}">{rag}</span></td><td>{E(note)}</td></tr>')
        d = datetime.datetime.strptime(due, "%d %B %Y").date().isoformat()
        labels.append(dict(kind="actions", ref=ref, title=text, status=rag_word(rag), owner=owner, due=d))
    rk = []
    for ref, text, lik, imp, score, owner in PENDLEBURY_RISKS:
        rk.append(f"<tr><td>{ref}</td><td>{E(text)}</td><td>{lik}</td><td>{imp}</td><td>{score}</td><td>{E(owner)}</td></tr>")
        labels.append(dict(kind="risks", ref=ref, title=text, owner=owner))
    page = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Corporate scorecard Q1 2010/11 | Pendlebury Council</title>
<link rel="stylesheet" href="/css/site.css">
<style>.tl{{display:inline-block;width:1.4em;text-align:center;color:#fff;font-weight:bold}} table{{border-collapse:collapse}} td,th{{border:1px solid #bbb;padding:3px}}</style>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head><body>
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/council">Council and democracy</a> › Performance</nav>
<main>
<h1>Corporate scorecard: Quarter 1 2010/11</h1>
<p class="lead">Pendlebury Metropolitan Borough Council publishes its corporate scorecard every quarter. Each measure
shows last year&rsquo;s outturn, the target for the quarter and the actual figure, with a traffic light:
<strong>G</strong> on target, <strong>A</strong> slightly off target (within 5%), <strong>R</strong> off target.</p>
{chr(10).join(parts)}
<h2>Key milestones</h2>
<table class="milestones">
<tr><th>No.</th><th>Milestone</th><th>Lead</th><th>Target date</th><th>RAG</th><th>Comments</th></tr>
{chr(10).join(ms)}
</table>
<h2>Corporate risk register (extract)</h2>
<p>Likelihood and impact are scored 1 (low) to 4 (high); the risk score is their product.</p>
<table class="risks">
<tr><th>Risk ref</th><th>Risk</th><th>Likelihood</th><th>Impact</th><th>Risk score</th><th>Risk owner</th></tr>
{chr(10).join(rk)}
</table>
</main>
<footer><p>Last reviewed: 12 August 2010. <a href="/contact">Contact the performance team</a>.</p></footer>
</body></html>
"""
    write(os.path.join(OUT, "pendlebury_scorecard.html"), page)
    write_labels("pendlebury_scorecard", labels)


# --------------------------------------------------------------------------------------------
# 2. Thornbury LSP LAA monitoring, quarter 4 (HTML printed to PDF).

THORNBURY = [
    ("Stronger communities", [
        ("NI 1", "% of people who believe people from different backgrounds get on well together in their local area", "78.2%", "80%", "79.1%", "Amber", "↑", "Thornbury District Council"),
        ("NI 4", "% of people who feel they can influence decisions in their locality", "27.5%", "30%", "31.2%", "Green", "↑", "Thornbury District Council"),
        ("NI 6", "Participation in regular volunteering", "22.9%", "24%", "21.8%", "Red", "↓", "Voluntary Action Thornbury"),
    ]),
    ("Health and older people", [
        ("NI 39", "Rate of hospital admissions per 100,000 for alcohol related harm", "1,398", "1,350", "1,342", "Green", "↑", "Thornbury PCT"),
        ("NI 125", "Achieving independence for older people through rehabilitation/intermediate care", "79.0%", "82.0%", "80.4%", "Amber", "↑", "County Adult Services"),
        ("NI 141", "Percentage of vulnerable people achieving independent living", "68.2%", "72.0%", "66.0%", "Red", "↓", "Supporting People Team"),
    ]),
    ("Environment", [
        ("NI 186", "Per capita reduction in CO2 emissions in the LA area", "3.1%", "4.5%", "4.8%", "Green", "↑", "Climate Change Partnership"),
        ("NI 192", "Percentage of household waste sent for reuse, recycling and composting", "38.4%", "42.0%", "41.1%", "Amber", "↑", "Thornbury District Council"),
        ("NI 197", "Improved local biodiversity – proportion of local sites where positive conservation management has been or is being implemented", "34%", "40%", "41%", "Green", "↑", "Thornbury Wildlife Trust"),
    ]),
]

THORNBURY_ACTIONS = [
    ("Launch a volunteer passport scheme with the three colleges", "Helen Osei, Voluntary Action Thornbury", "June 2010", "On track"),
    ("Commission additional supported housing places for young people leaving care", "Martin Clegg, Supporting People", "September 2010", "Delayed"),
    ("Extend food waste collections to the remaining rural parishes", "Sarah Quinn, Waste Services", "March 2011", "On track"),
]


def thornbury():
    colour = {"Red": "#e74c3c", "Amber": "#f5b041", "Green": "#58d68d"}
    rows, labels = [], []
    for theme, inds in THORNBURY:
        rows.append(f'<tr class="theme"><td colspan="8">{E(theme)}</td></tr>')
        for code, title, base, target, outturn, rag, dot, lead in inds:
            rows.append(f"<tr><td>{code}</td><td>{E(title)}</td><td>{base}</td><td>{target}</td><td>{outturn}</td>"
                        f'<td style="background:{colour[rag]}">{rag}</td><td>{dot}</td><td>{E(lead)}</td></tr>')
            labels.append(dict(kind="indicators", code=code, title=title, target=num(target), actual=num(outturn),
                               status=rag_word(rag), owner=lead))
    acts = []
    for text, lead, when, progress in THORNBURY_ACTIONS:
        acts.append(f"<tr><td>{E(text)}</td><td>{E(lead)}</td><td>{when}</td><td>{progress}</td></tr>")
        d = datetime.datetime.strptime("28 " + when, "%d %B %Y").date()
        end = (d.replace(day=28) + datetime.timedelta(days=4))
        end = end - datetime.timedelta(days=end.day)
        labels.append(dict(kind="actions", title=text, owner=lead.split(",")[0], due=end.isoformat(),
                           status={"On track": "green", "Delayed": "amber"}.get(progress, "")))
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Thornbury LSP LAA Q4</title>
<style>
@page {{ size: A4 landscape; margin: 12mm 15mm }}
body {{ font-family: 'DejaVu Serif', Georgia, serif; font-size: 9pt; color: #222 }}
table {{ border-collapse: collapse; width: 100%; margin: 4pt 0 14pt }}
th {{ background: #34495e; color: #fff; text-align: left; padding: 4pt 6pt; vertical-align: bottom }}
td {{ padding: 3pt 6pt; vertical-align: top }}
tr:nth-child(even) td {{ background: #f2f4f4 }}
tr.theme td {{ background: #d6eaf8; font-weight: bold; font-style: italic }}
h1 {{ font-size: 15pt; margin: 0 }} h2 {{ font-size: 11pt; color: #34495e }}
</style></head><body>
<h1>Thornbury and District Local Strategic Partnership</h1>
<p><b>Local Area Agreement: performance monitoring report, 2009/10 Quarter 4 (year end)</b><br>
Report to the LSP Executive, 6 May 2010. Agenda item 5.</p>
<p>The table below gives the year-end position of the designated LAA indicators. RAG: Green = target met; Amber =
within 5% of target; Red = target missed by more than 5%. DoT (direction of travel) compares the outturn with the
2008/09 baseline.</p>
<table>
<thead><tr><th>LAA ref</th><th>National Indicator</th><th>2008/09 baseline</th><th>2009/10 target</th><th>Q4 outturn</th><th>RAG</th><th>DoT</th><th>Lead partner</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<h2>Remedial actions for indicators off target</h2>
<table>
<thead><tr><th>Action</th><th>Lead officer</th><th>Completion date</th><th>Progress</th></tr></thead>
<tbody>
{chr(10).join(acts)}
</tbody></table>
<p>Contact: LSP Support Officer, Thornbury District Council, Castle Street, Thornbury.</p>
</body></html>
"""
    write(os.path.join(OUT, "thornbury_laa_q4.html"), page)
    print_pdf(page, os.path.join(OUT, "thornbury_laa_q4.pdf"))
    write_labels("thornbury_laa_q4", labels)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    sys.exit("make_heldout_fixtures: headless Chromium is needed (apt-get install chromium)")


def print_pdf(html_text, out_path):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "page.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html_text)
        subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--print-to-pdf=" + out_path, "file://" + src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


# --------------------------------------------------------------------------------------------
# 3. Wyvern County Council quarterly return (xlsx).

WYVERN = [
    ("Children, Schools and Families", [
        ("CSF 01", "NI 73", "Achievement at level 4 or above in both English and Maths at Key Stage 2", "%", 0.74, 0.76, 0.745, "Amber", "Diane Whitlock"),
        ("CSF 02", "NI 75", "Achievement of 5 or more A*-C grades at GCSE or equivalent including English and Maths", "%", 0.498, 0.52, 0.534, "Green", "Diane Whitlock"),
        ("CSF 03", "NI 62", "Stability of placements of looked after children: number of placements", "%", 0.112, 0.10, 0.128, "Red", "Robert Ndlovu"),
    ]),
    ("Adult and Community Services", [
        ("ACS 01", "NI 130", "Social care clients receiving self directed support", "per 100,000", 185.0, 210.0, 221.4, "Green", "Fiona Gallagher"),
        ("ACS 02", "NI 135", "Carers receiving needs assessment or review and a specific carer's service, or advice and information", "%", 0.21, 0.24, 0.198, "Red", "Fiona Gallagher"),
        ("ACS 03", "", "Library visits per 1,000 population", "number", 4820.0, 5000.0, 4910.0, "Amber", "Libraries Service"),
    ]),
    ("Environment", [
        ("ENV 01", "NI 168", "Principal roads where maintenance should be considered", "%", 0.05, 0.04, 0.04, "Green", "Keith Armitage"),
        ("ENV 02", "NI 175", "Access to services and facilities by public transport, walking and cycling", "%", 0.81, 0.83, 0.826, "Amber", "Keith Armitage"),
    ]),
]

WYVERN_ACTIONS = [
    ("WA1", "Implement the new school admissions IT system", "Diane Whitlock", datetime.date(2009, 11, 30), "Complete"),
    ("WA2", "Roll out personal budgets to all new social care clients", "Fiona Gallagher", datetime.date(2010, 3, 31), "On track"),
    ("WA3", "Deliver the winter gritting route review", "Keith Armitage", datetime.date(2009, 10, 31), "Complete"),
    ("WA4", "Agree the county-wide carers' strategy with the NHS", "Fiona Gallagher", datetime.date(2010, 1, 31), "Slipped"),
]

WYVERN_RISKS = [
    ("WR01", "Increase in demand for children's social care placements", 4, 4, "Red", "Robert Ndlovu"),
    ("WR02", "Severe winter weather exceeds the highways budget", 3, 3, "Amber", "Keith Armitage"),
    ("WR03", "Loss of key staff in adult social care commissioning", 2, 3, "Green", "Fiona Gallagher"),
]


def save_workbook(wb, path):
    wb.properties.created = datetime.datetime(2010, 1, 1)
    wb.properties.modified = datetime.datetime(2010, 1, 1)
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


def fmt(v, unit):
    if unit == "%":
        return f"{round(v * 100, 1):g}"
    return f"{v:g}"


def wyvern():
    labels = []
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover["A1"] = "Wyvern County Council"
    cover["A1"].font = Font(bold=True, size=16)
    cover["A3"] = "Performance return: Quarter 2 2009/10 (July to September 2009)"
    cover["A5"] = "Prepared by"
    cover["B5"] = "Corporate Performance Unit"
    cover["A6"] = "Date"
    cover["B6"] = datetime.date(2009, 10, 23)
    cover["B6"].number_format = "dd mmmm yyyy"

    ws = wb.create_sheet("PIs Q2")
    ws["A1"] = "Wyvern County Council - performance indicators, Quarter 2 2009/10"
    ws.merge_cells("A1:I1")
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Source: directorate returns. Percentages as at 30 September 2009."
    header = ["PI ref", "NI", "Description", "Unit", "Target 09/10", "Q2 actual", "Q2 RAG", "Responsible officer"]
    for j, h in enumerate(header, 1):
        ws.cell(4, j, h).font = Font(bold=True)
    fill = {"Red": "FFC7CE", "Amber": "FFEB9C", "Green": "C6EFCE"}
    r = 5
    for directorate, pis in WYVERN:
        ws.cell(r, 1, directorate).font = Font(bold=True, italic=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=8)
        r += 1
        for ref, code, desc, unit, target, actual, rag, officer in [(a, b, c, d, f, g, h, i) for a, b, c, d, _e, f, g, h, i in pis]:
            ws.cell(r, 1, ref)
            ws.cell(r, 2, code)
            ws.cell(r, 3, desc)
            ws.cell(r, 4, unit)
            for col, v in ((5, target), (6, actual)):
                c = ws.cell(r, col, v)
                c.number_format = "0.0%" if unit == "%" else "#,##0.0"
            s = ws.cell(r, 7, rag)
            s.fill = PatternFill("solid", fgColor=fill[rag])
            ws.cell(r, 8, officer)
            labels.append(dict(kind="indicators", code=code, ref=ref.replace(" ", "") if not code else "", title=desc,
                               target=fmt(target, unit), actual=fmt(actual, unit), status=rag_word(rag), owner=officer))
            r += 1

    acts = wb.create_sheet("Actions")
    acts.append(["Directorate action plan - key actions, Quarter 2 2009/10"])
    acts.append([])
    acts.append(["Ref", "Key action", "Officer responsible", "Deadline", "Status at Q2"])
    for ref, text, officer, when, status in WYVERN_ACTIONS:
        acts.append([ref, text, officer, when, status])
        acts.cell(acts.max_row, 4).number_format = "dd-mmm-yy"
        labels.append(dict(kind="actions", ref=ref, title=text, owner=officer, due=when.isoformat(),
                           status={"Complete": "green", "On track": "green", "Slipped": "amber"}.get(status, "")))

    risks = wb.create_sheet("Risk register")
    risks.append(["Risk no.", "Risk description", "Impact (1-4)", "Likelihood (1-4)", "RAG", "Risk owner"])
    for ref, text, imp, lik, rag, owner in WYVERN_RISKS:
        risks.append([ref, text, imp, lik, rag, owner])
        labels.append(dict(kind="risks", ref=ref, title=text, status=rag_word(rag), owner=owner))
    save_workbook(wb, os.path.join(OUT, "wyvern_return.xlsx"))
    write_labels("wyvern_return", labels)


# --------------------------------------------------------------------------------------------
# 4. Oakvale Borough Council open data (CSV).

OAKVALE = [
    ("OBC-HOU-01", "NI 155", "Number of affordable homes delivered (gross)", "Housing", "higher", "96", "120", "104", "Amber", "Priya Raman"),
    ("OBC-HOU-02", "NI 156", "Number of households living in temporary accommodation", "Housing", "lower", "142", "120", "131", "Amber", "Priya Raman"),
    ("OBC-HOU-03", "NI 157a", "Processing of major planning applications within 13 weeks", "Planning", "higher", "58", "60", "71", "Green", "Alan Whitfield"),
    ("OBC-ENV-01", "NI 191", "Residual household waste per household", "Environment", "lower", "712", "695", "730", "Red", "Bernadette Cole"),
    ("OBC-ENV-02", "NI 192", "Household waste reused, recycled and composted", "Environment", "higher", "29.8", "33", "34.1", "Green", "Bernadette Cole"),
    ("OBC-ENV-03", "NI 196", "Improved street and environmental cleanliness - fly tipping", "Environment", "higher", "2", "2", "3", "Green", "Bernadette Cole"),
    ("OBC-RES-01", "NI 180", "Changes in Housing Benefit/Council Tax Benefit entitlements within the year", "Resources", "higher", "612", "650", "598", "Red", "Tariq Mahmood"),
    ("OBC-RES-02", "NI 181", "Time taken to process Housing Benefit/Council Tax Benefit new claims and change events", "Resources", "lower", "14.2", "12", "11.6", "Green", "Tariq Mahmood"),
    ("OBC-RES-03", "", "Percentage of council tax collected", "Resources", "higher", "97.1", "97.5", "97.3", "Amber", "Tariq Mahmood"),
    ("OBC-COM-01", "NI 8", "Adult participation in sport and active recreation", "Communities", "higher", "19.4", "21", "20.2", "Amber", "Leisure Services"),
]


def oakvale():
    header = "indicator_ref,ni_code,indicator_name,service_area,polarity,baseline_2008_09,target_2009_10,outturn_2009_10,rag_status,lead_officer"
    lines, labels = [header], []
    for ref, code, name, area, pol, base, target, out, rag, lead in OAKVALE:
        cells = [ref, code, name, area, pol, base, target, out, rag, lead]
        lines.append(",".join(f'"{c}"' if "," in c or '"' in c else c for c in cells))
        labels.append(dict(kind="indicators", code=re.sub(r"[a-z]$", "", code), ref=ref if not code else "", title=name,
                           target=target, actual=out, status=rag_word(rag), owner=lead))
    write(os.path.join(OUT, "oakvale_open_data.csv"), "\r\n".join(lines) + "\r\n")
    write_labels("oakvale_open_data", labels)


def main():
    os.makedirs(OUT, exist_ok=True)
    pendlebury()
    thornbury()
    wyvern()
    oakvale()


if __name__ == "__main__":
    main()
