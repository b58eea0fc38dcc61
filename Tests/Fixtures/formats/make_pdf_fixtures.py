#!/usr/bin/env python3
"""Writes the PDF fixtures of Tests/Fixtures/formats/pdf (run from anywhere):

  python3 Tests/Fixtures/formats/make_pdf_fixtures.py            papers, seeds and bad inputs
  python3 Tests/Fixtures/formats/make_pdf_fixtures.py --bench OUT.pdf [PAGES]   a long report (bench/)

Needs headless Chromium (Debian `chromium`) to print HTML to PDF and qpdf (Debian `qpdf`) for the
encrypted file. The tests read the committed PDFs and never need either.

* papers/*.html and their PDFs: committee papers in other councils' styles (not the seeds'):
  two-row headers with a spanning period, statuses as coloured cells with words and as icons,
  several tables on a page, a table running over a page break with its header repeated, cells
  that wrap. papers/EXPECTED.md lists the records each holds, counted by hand from the HTML.
* seeds/*.pdf: the five seeds (../shared/seeds/*.txt) printed: each run of tab-separated lines
  one <table> (a row per line, a cell per field), each other line a paragraph.
* papers/*.layout.txt: the papers as `pdftotext -layout` writes them (tables laid out with spaces).
* bad/: a truncated PDF, an encrypted one (a user password) and a scan (an image, no text).

Everything is generated; no PDF is edited by hand.
"""
import glob, html, os, shutil, struct, subprocess, sys, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
PDF = os.path.join(HERE, "pdf")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
SEEDS = os.path.join(os.path.dirname(ROOT), "shared", "seeds")
E = html.escape

PORTRAIT = """<style>
@page { size: A4; margin: 14mm }
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 9.5pt }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt }
th, td { border: 1px solid #777; padding: 3pt 5pt; vertical-align: top; text-align: left }
th { background: #dde4ee }
.red { background: #e33; color: #fff } .amber { background: #fb3 } .green { background: #4b4; color: #fff }
h1 { font-size: 16pt } h2 { font-size: 13pt } h3 { font-size: 11pt }
</style>"""

LANDSCAPE = PORTRAIT.replace("size: A4;", "size: A4 landscape;")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    sys.exit("make_pdf_fixtures: headless Chromium is needed (apt-get install chromium)")


def print_pdf(html_text, out_path):
    """Prints `html_text` to `out_path` with headless Chromium (no header or footer)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "page.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html_text)
        subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--print-to-pdf=" + out_path, "file://" + src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def status_cell(s):
    return f'<td class="{s.lower()}">{E(s)}</td>'


def icon(s):
    """A status icon: a small coloured PNG whose only words are its alt text (not in the text layer)."""
    colour = {"Red": (220, 40, 40), "Amber": (250, 180, 40), "Green": (60, 170, 60)}[s]
    return f'<img alt="{s}" width="12" height="12" src="data:image/png;base64,{png_b64(colour)}">'


def png(width, height, pixel):
    """A PNG image, pixel(x, y) -> (r, g, b), written with zlib alone."""
    raw = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def png_b64(colour):
    import base64
    return base64.b64encode(png(8, 8, lambda x, y: colour)).decode()


# --------------------------------------------------------------------------------------------
# Paper 1: a borough's quarterly performance report (portrait). One long indicator table that
# runs over a page break with its two-row header (a spanning period) repeated, statuses in
# coloured cells; an action table; a risk table with icons.

NORTHFIELD_INDICATORS = [
    ("Economy and Jobs", [
        ("NI 151", "Overall employment rate (working-age)", "72.4%", "73.0%", "72.1%", "Amber", "Helen Brooks, Economic Development"),
        ("NI 152", "Working age people on out of work benefits", "14.2%", "13.8%", "15.0%", "Red", "Helen Brooks, Economic Development"),
        ("NI 171", "New business registration rate per 10,000 population", "41.2", "43.0", "44.1", "Green", "Raj Patel, Business Support Team"),
        ("LPI ED4", "Number of people helped into work through the Jobs Point scheme, including those with disabilities and lone parents", "212", "250", "131", "Amber", "Raj Patel, Business Support Team"),
    ]),
    ("Safer Neighbourhoods", [
        ("NI 15", "Serious violent crime rate per 1,000 population", "0.91", "0.85", "0.80", "Green", "Insp. Dave Lowe, Northfield Police"),
        ("NI 16", "Serious acquisitive crime rate per 1,000 population", "17.3", "16.5", "18.9", "Red", "Insp. Dave Lowe, Northfield Police"),
        ("NI 20", "Assault with injury crime rate per 1,000 population", "7.1", "6.8", "6.9", "Amber", "Karen Holt, Community Safety"),
        ("NI 32", "Repeat incidents of domestic violence (MARAC cases)", "29%", "27%", "24%", "Green", "Karen Holt, Community Safety"),
        ("NI 40", "Number of drug users recorded as being in effective treatment", "655", "690", "702", "Green", "Sue Marsh, Drug Action Team"),
        ("NI 47", "People killed or seriously injured in road traffic accidents (three-year rolling average)", "61", "58", "63", "Red", "Tom Avery, Highways"),
    ]),
    ("Health and Wellbeing", [
        ("NI 8", "Adult participation in sport and active recreation", "21.0%", "22.5%", "22.9%", "Green", "Leisure Services"),
        ("NI 39", "Rate of hospital admissions per 100,000 for alcohol related harm", "1,612", "1,580", "1,655", "Red", "Dr Lena Ford, Northfield PCT"),
        ("NI 120", "All-age all cause mortality rate (females)", "598", "585", "590", "Amber", "Dr Lena Ford, Northfield PCT"),
        ("NI 123", "Stopping smoking: rate of self-reported 4-week quitters per 100,000", "1,020", "1,100", "1,145", "Green", "Dr Lena Ford, Northfield PCT"),
        ("NI 136", "People supported to live independently through social services (all adults)", "2,940", "3,000", "2,870", "Amber", "Adult Social Care"),
    ]),
    ("Cleaner, Greener Northfield", [
        ("NI 191", "Residual household waste per household (kg)", "702", "690", "671", "Green", "Phil Grant, Waste Management"),
        ("NI 192", "Percentage of household waste sent for reuse, recycling and composting", "33.5%", "36.0%", "35.2%", "Amber", "Phil Grant, Waste Management"),
        ("NI 195a", "Improved street and environmental cleanliness: litter", "9%", "8%", "11%", "Red", "Street Scene Team"),
        ("NI 186", "Per capita reduction in CO2 emissions in the LA area", "2.1%", "3.0%", "3.4%", "Green", "Climate Change Officer"),
        ("NI 188", "Planning to adapt to climate change (level)", "1", "2", "2", "Green", "Climate Change Officer"),
    ]),
    ("Housing", [
        ("NI 154", "Net additional homes provided", "410", "450", "366", "Red", "Ann Rowe, Strategic Housing"),
        ("NI 155", "Number of affordable homes delivered (gross)", "118", "140", "142", "Green", "Ann Rowe, Strategic Housing"),
        ("NI 156", "Number of households living in temporary accommodation", "88", "75", "79", "Amber", "Housing Options Team"),
        ("NI 158", "Percentage of non-decent council homes", "12%", "8%", "7.5%", "Green", "Northfield Homes"),
    ]),
]

NORTHFIELD_ACTIONS = [
    ("A1", "Open the second Jobs Point in the town centre library", "Raj Patel", "30 September 2009", "Completed"),
    ("A2", "Agree a domestic violence perpetrator programme with the probation service and the police", "Karen Holt", "31 December 2009", "On track"),
    ("A3", "Extend kerbside recycling to the remaining 4,000 flats and terraced streets", "Phil Grant", "31 March 2010", "Behind schedule: contract delayed"),
    ("A4", "Review the temporary accommodation strategy", "Housing Options Team", "31 January 2010", "On track"),
    ("A5", "Launch the alcohol brief interventions service in GP practices", "Dr Lena Ford", "30 November 2009", "On track"),
]

NORTHFIELD_RISKS = [
    ("R1", "Recession reduces employment and raises benefit claims beyond the plan's assumptions", "Likely", "Major", "Red", "Helen Brooks"),
    ("R2", "Loss of Working Neighbourhoods Fund after March 2010", "Possible", "Major", "Amber", "Chief Executive"),
    ("R3", "Housing market stalls, cutting the delivery of new and affordable homes", "Likely", "Moderate", "Amber", "Ann Rowe"),
    ("R4", "Recycling contractor fails to deliver the extended service", "Unlikely", "Moderate", "Green", "Phil Grant"),
]


def northfield():
    head = ("<thead><tr><th rowspan=\"2\">Ref</th><th rowspan=\"2\">Performance Indicator</th>"
            "<th rowspan=\"2\">2008/09 Outturn</th><th colspan=\"3\">2009/10</th><th rowspan=\"2\">Lead Officer</th></tr>"
            "<tr><th>Target</th><th>Q2 Actual</th><th>Status</th></tr></thead>")
    rows = []
    for theme, inds in NORTHFIELD_INDICATORS:
        rows.append(f'<tr><td colspan="7"><b>{E(theme)}</b></td></tr>')
        for code, title, base, target, actual, status, lead in inds:
            rows.append(f"<tr><td>{E(code)}</td><td>{E(title)}</td><td>{E(base)}</td><td>{E(target)}</td>"
                        f"<td>{E(actual)}</td>{status_cell(status)}<td>{E(lead)}</td></tr>")
    actions = "".join(f"<tr><td>{r}</td><td>{E(a)}</td><td>{E(o)}</td><td>{E(d)}</td><td>{E(p)}</td></tr>"
                      for r, a, o, d, p in NORTHFIELD_ACTIONS)
    risks = "".join(f"<tr><td>{r}</td><td>{E(t)}</td><td>{l}</td><td>{i}</td><td>{icon(s)} {s}</td><td>{E(o)}</td></tr>"
                    for r, t, l, i, s, o in NORTHFIELD_RISKS)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>Northfield Q2</title>{PORTRAIT}</head><body>
<h1>Northfield Borough Council</h1>
<h2>Corporate Performance Report: Quarter 2 2009/10</h2>
<p>Report of the Assistant Chief Executive to the Overview and Scrutiny Committee, 19 November 2009.</p>
<p>This report sets out progress at the end of the second quarter against the indicators and actions of the
Corporate Plan 2009/10. Indicators are rated red where the year-end target will not be met, amber where they are
at risk and green where they are on course. The committee is asked to note the exceptions in section 4.</p>
<h3>Performance indicators</h3>
<table>{head}<tbody>{''.join(rows)}</tbody></table>
<h3>Key actions</h3>
<table><thead><tr><th>Ref</th><th>Action</th><th>Responsible Officer</th><th>Due Date</th><th>Progress</th></tr></thead>
<tbody>{actions}</tbody></table>
<h3>Corporate risks</h3>
<table><thead><tr><th>Risk No.</th><th>Risk Description</th><th>Likelihood</th><th>Impact</th><th>Rating</th><th>Risk Owner</th></tr></thead>
<tbody>{risks}</tbody></table>
<p>Contact officer: Performance and Policy Team, Civic Centre, Northfield.</p>
</body></html>"""


# --------------------------------------------------------------------------------------------
# Paper 2: a city's LAA delivery plan (landscape): several small tables on each page, one per
# outcome (baseline and three years of targets), each followed by a table of key actions.

WESTMERE = [
    ("Outcome 1: More people in work and fewer in poverty", "Lead partner: Westmere Jobs Partnership", [
        ("NI 116", "Proportion of children in poverty", "24.1% (2007)", "23.5%", "22.8%", "21.9%", "Joan Fairley, Children's Services"),
        ("NI 117", "16 to 18 year olds who are not in education, employment or training (NEET)", "8.9%", "8.2%", "7.6%", "7.0%", "Connexions Westmere"),
        ("NI 163", "Proportion of population aged 19-64 for males and 19-59 for females qualified to at least Level 2", "68.0%", "70.0%", "72.0%", "74.0%", "Learning and Skills Council"),
    ], [
        ("Deliver the Family Employment Initiative in the five most deprived wards", "Joan Fairley", "March 2010"),
        ("Expand the September Guarantee to all 16 and 17 year olds", "Connexions Westmere", "September 2009"),
    ]),
    ("Outcome 2: Safer and stronger communities", "Lead partner: Safer Westmere Partnership", [
        ("NI 17", "Perceptions of anti-social behaviour", "21%", "20%", "19%", "18%", "Ch. Insp. Mary Cole"),
        ("NI 21", "Dealing with local concerns about anti-social behaviour and crime by the local council and police", "24.5%", "27%", "29%", "31%", "Ch. Insp. Mary Cole"),
        ("NI 30", "Re-offending rate of prolific and priority offenders", "baseline to be set in 2008/09", "-10%", "-15%", "-20%", "Probation Service"),
        ("NI 111", "First time entrants to the Youth Justice System aged 10-17", "2,150 per 100,000", "2,050", "1,950", "1,850", "Youth Offending Service"),
    ], [
        ("Roll out neighbourhood policing panels to every ward", "Ch. Insp. Mary Cole", "June 2009"),
        ("Commission a restorative justice scheme for young offenders", "Youth Offending Service", "December 2009"),
        ("Publish a single community safety newsletter with the police", "Communications Team", "April 2009"),
    ]),
    ("Outcome 3: Healthier people", "Lead partner: Westmere Primary Care Trust", [
        ("NI 53", "Prevalence of breastfeeding at 6-8 weeks from birth", "38%", "41%", "44%", "47%", "Westmere PCT"),
        ("NI 56", "Obesity among primary school age children in Year 6", "19.8%", "19.5%", "19.0%", "18.5%", "Westmere PCT"),
        ("NI 119", "Self-reported measure of people's overall health and wellbeing", "72%", "73%", "74%", "75%", "Director of Public Health"),
    ], [
        ("Open two new children's centres offering breastfeeding support", "Westmere PCT", "March 2010"),
        ("Extend the school travel plan programme to all primary schools", "Transport Planning", "July 2010"),
    ]),
]


def westmere():
    parts = []
    for outcome, lead, inds, acts in WESTMERE:
        rows = "".join(f"<tr><td>{E(c)} {E(t)}</td><td>{E(b)}</td><td>{E(t1)}</td><td>{E(t2)}</td><td>{E(t3)}</td><td>{E(o)}</td></tr>"
                       for c, t, b, t1, t2, t3, o in inds)
        arows = "".join(f"<tr><td>{E(a)}</td><td>{E(w)}</td><td>{E(d)}</td></tr>" for a, w, d in acts)
        parts.append(f"""<h2>{E(outcome)}</h2><p>{E(lead)}</p>
<table><thead><tr><th>Indicator</th><th>Baseline 2007/08</th><th>Target 2008/09</th><th>Target 2009/10</th><th>Target 2010/11</th><th>Lead Officer</th></tr></thead>
<tbody>{rows}</tbody></table>
<table style="width:70%"><thead><tr><th>Key Action</th><th>Lead</th><th>Timescale</th></tr></thead><tbody>{arows}</tbody></table>""")
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>Westmere LAA</title>{LANDSCAPE}</head><body>
<h1>Westmere City Council and Partners</h1>
<h2>Local Area Agreement Delivery Plan 2008-2011</h2>
<p>The Local Area Agreement sets the improvement targets agreed with Government for 2008 to 2011. Each outcome
below lists its designated indicators with the baseline and the target for each year, and the key actions the
partnership will take. Progress is reported to the Westmere Partnership Board every quarter.</p>
{''.join(parts)}
</body></html>"""


# --------------------------------------------------------------------------------------------
# The seeds, printed.

def seed_html(text):
    """Each run of tab-separated lines (blank lines inside a run skipped) one table, a row per line
    and a cell per field; every other non-blank line a paragraph."""
    out, table = [], []
    def flush():
        if table:
            width = max(len(r) for r in table)
            body = "".join("<tr>" + "".join(f"<td>{E(c.strip())}</td>" for c in r + [""] * (width - len(r))) + "</tr>" for r in table)
            out.append(f"<table>{body}</table>")
            table.clear()
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        line = raw.rstrip("\r")
        if "\t" in line:
            table.append(line.split("\t"))
        elif not line.strip():
            # A blank line inside a run of rows does not end the table.
            nxt = next((l for l in lines[i + 1:] if l.strip()), "")
            if not (table and "\t" in nxt):
                flush()
        else:
            flush()
            out.append(f"<p>{E(line.strip())}</p>")
    flush()
    style = LANDSCAPE.replace("font-size: 9.5pt", "font-size: 8pt").replace("width: 100%; ", "")
    return f'<!doctype html><html><head><meta charset="utf-8">{style}</head><body>{"".join(out)}</body></html>'


# --------------------------------------------------------------------------------------------
# Bad inputs.

def scan_html():
    """A page that is only an image of text-like bars, as a scanner gives."""
    import base64
    def pixel(x, y):
        line, col = divmod(y, 14)
        ink = 4 <= col <= 9 and 20 <= x <= 560 and (x // 37) % 5 != 4 and line % 6 != 5
        return (30, 30, 30) if ink else (250, 250, 246)
    img = base64.b64encode(png(600, 700, pixel)).decode()
    return f'<!doctype html><html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,{img}"></body></html>'


def bench_html(pages):
    """A long quarterly report: one indicator table per theme, about a page each."""
    parts = []
    for p in range(pages):
        rows = "".join(f"<tr><td>LPI {p}.{k}</td><td>Indicator {k} of theme {p}: percentage of cases completed within the target time</td>"
                       f"<td>{50 + k}.{p % 10}%</td><td>{55 + k}%</td><td>{52 + k}.5%</td><td>{['Red', 'Amber', 'Green'][(p + k) % 3]}</td>"
                       f"<td>Officer {k}, Service {p}</td></tr>" for k in range(22))
        parts.append(f"<h2>Outcome {p + 1}: Theme {p + 1}</h2><table><thead><tr><th>Ref</th><th>Performance Indicator</th>"
                     f"<th>Baseline 2008/09</th><th>Target 2009/10</th><th>Actual 2009/10</th><th>Status</th><th>Lead Officer</th></tr></thead>"
                     f"<tbody>{rows}</tbody></table><div style='break-after: page'></div>")
    return f'<!doctype html><html><head><meta charset="utf-8">{PORTRAIT}</head><body><h1>Long report</h1>{"".join(parts)}</body></html>'


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--bench":
        print_pdf(bench_html(int(sys.argv[3]) if len(sys.argv) > 3 else 100), sys.argv[2])
        return
    for d in ("papers", "seeds", "bad"):
        os.makedirs(os.path.join(PDF, d), exist_ok=True)
    for name, page in (("northfield_q2", northfield()), ("westmere_laa", westmere())):
        src = os.path.join(PDF, "papers", name + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(page)
        print_pdf(page, os.path.join(PDF, "papers", name + ".pdf"))
        # The same paper as `pdftotext -layout` gives it: tables laid out with spaces, no tabs.
        subprocess.run(["pdftotext", "-layout", os.path.join(PDF, "papers", name + ".pdf"),
                        os.path.join(PDF, "papers", name + ".layout.txt")], check=True)
    for path in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        print_pdf(seed_html(text), os.path.join(PDF, "seeds", os.path.basename(path)[:-4] + ".pdf"))
    good = os.path.join(PDF, "papers", "northfield_q2.pdf")
    with open(good, "rb") as f:
        data = f.read()
    with open(os.path.join(PDF, "bad", "truncated.pdf"), "wb") as f:
        f.write(data[: len(data) // 2])
    subprocess.run(["qpdf", "--encrypt", "letmein", "owner-secret", "256", "--", good, os.path.join(PDF, "bad", "encrypted.pdf")], check=True)
    print_pdf(scan_html(), os.path.join(PDF, "bad", "scan.pdf"))


if __name__ == "__main__":
    main()
