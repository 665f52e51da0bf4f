#!/usr/bin/env python3
"""Builds the pastweek listing fixtures for 2020-10-27 (cs, two pages, and stat.ML) in both layouts.

ASSEMBLED: the markup follows external-formats.md section 2.2 -- the current (2024+) arxiv-browse templates,
including `href ="` with a space and mixed quotes, and the REAL 2022 legacy fragment (list-identifier span,
Authors: descriptor, relative %2C author links). Pages are trimmed to a few entries (the real ones hold up to
`show` entries); the paging counts are consistent with the trimmed pages. Metadata comes from the seed post;
2010.13303 is shown without a PDF link to exercise the no-PDF case, and 2010.12400 is a placeholder for the
previous day. Run from this folder: python3 tools/make_listing_fixtures.py
"""
import html
from make_api_fixtures import seed_papers

NAMES = {
    "cs.LG": "Machine Learning", "math.DS": "Dynamical Systems", "physics.comp-ph": "Computational Physics",
    "physics.data-an": "Data Analysis, Statistics and Probability", "stat.ML": "Machine Learning",
    "cs.CL": "Computation and Language", "eess.AS": "Audio and Speech Processing", "cs.SD": "Sound",
    "eess.SP": "Signal Processing", "astro-ph.IM": "Instrumentation and Methods for Astrophysics",
    "gr-qc": "General Relativity and Quantum Cosmology", "cs.RO": "Robotics", "cs.CV": "Computer Vision and Pattern Recognition",
}
NO_PDF = {"2010.13303"}
PLACEHOLDER = ("2010.12400", "A placeholder entry announced the day before", ["Ada Example"], ["cs.LG"])

papers = seed_papers()


def meta(pid):
    if pid == PLACEHOLDER[0]:
        return PLACEHOLDER[1:]
    title, authors, cats, _ = papers[pid]
    return title.replace("  ", " "), authors, cats


def subjects(cats, legacy):
    q = '"' if legacy else '"'
    first = f'<span class={q}primary-subject{q}>{NAMES[cats[0]]} ({cats[0]})</span>'
    return "; ".join([first] + [f"{NAMES[c]} ({c})" for c in cats[1:]])


def current_entry(n, pid, cross_from):
    title, authors, cats = meta(pid)
    links = []
    if pid not in NO_PDF:
        links.append(f'<a href="/pdf/{pid}" title="Download PDF" id="pdf-{pid}" aria-labelledby="pdf-{pid}">pdf</a>')
    links.append(f'<a href="/format/{pid}" title="Other formats" id="oth-{pid}" aria-labelledby="oth-{pid}">other</a>')
    cross = f"\n        (cross-list from {cross_from})" if cross_from else ""
    author_links = ", ".join(
        f'<a href="https://arxiv.org/search/cs?searchtype=author&amp;query={html.escape(a.split(" ")[-1])},+{a[0]}">{html.escape(a)}</a>' for a in authors)
    return f"""<dt>
        <a name='item{n}'>[{n}]</a>
        <a href ="/abs/{pid}" title="Abstract" id="{pid}">
          arXiv:{pid}
        </a>{cross}
        [{", ".join(links)}]
      </dt>
      <dd>
        <div class='meta'>
          <div class='list-title mathjax'><span class='descriptor'>Title:</span>
            {html.escape(title)}
          </div>
          <div class='list-authors'>{author_links}</div>
          <div class='list-subjects'><span class='descriptor'>Subjects:</span>
            {subjects(cats, False)}
          </div>
        </div>
      </dd>
"""


def legacy_entry(n, pid, cross_from):
    title, authors, cats = meta(pid)
    links = []
    if pid not in NO_PDF:
        links.append(f'<a href="/pdf/{pid}" title="Download PDF">pdf</a>')
    links.append(f'<a href="/format/{pid}" title="Other formats">other</a>')
    cross = f" (cross-list from {cross_from})" if cross_from else ""
    author_links = ", \n".join(
        f'<a href="/search/cs?searchtype=author&amp;query={html.escape(a.split(" ")[-1])}%2C+{a[0]}">{html.escape(a)}</a>' for a in authors)
    return f"""<dt><a name="item{n}">[{n}]</a>&nbsp;  <span class="list-identifier"><a href="/abs/{pid}" title="Abstract">arXiv:{pid}</a>{cross} [{", ".join(links)}]</span></dt>
<dd>
<div class="meta">
<div class="list-title mathjax">
<span class="descriptor">Title:</span> {html.escape(title)}
</div>
<div class="list-authors">
<span class="descriptor">Authors:</span>
{author_links}
</div>
<div class="list-subjects">
<span class="descriptor">Subjects:</span> {subjects(cats, True)}

</div>
</div>
</dd>
"""


def current_page(archive, name, total, days, skip, shown, nxt):
    body = []
    for heading, entries in days:
        body.append(f"    <dl id='articles'>\n      <h3>{heading}</h3>\n      " + "      ".join(current_entry(*e) for e in entries) + "    </dl>\n")
    more = f' <a href=/list/{archive}/pastweek?skip={nxt}&amp;show=25>{nxt + 1}-{total}</a>' if nxt else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <title>{name} </title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body  class="with-cu-identity">
  <main>
  <div id="content">
  <div id='content-inner'>
  <div id='dlpage'>
    <h1>{name}</h1>
    <h2>Authors and titles for recent submissions</h2>
    <div class='paging'>Total of {total} entries : <span>{skip + 1}-{skip + shown}</span>{more}
    </div>
    <div class='morefewer'>Showing up to 25 entries per page:
      <a href=/list/{archive}/pastweek?skip={skip}&amp;show=25 rel="nofollow">fewer</a> |
      <a href=/list/{archive}/pastweek?skip={skip}&amp;show=50 rel="nofollow">more</a> |
      <a href=/list/{archive}/pastweek?skip=0&amp;show=2000 rel="nofollow">all</a>
    </div>
{"".join(body)}  </div>
  </div>
  </div>
  </main>
</body>
</html>
"""


def legacy_page(archive, name, total, days, skip, shown, nxt):
    body = []
    for heading, entries in days:
        body.append(f"<h3>{heading}</h3>\n<dl>\n" + "".join(legacy_entry(*e) for e in entries) + "</dl>\n")
    more = f' | <a href="/list/{archive}/pastweek?skip={nxt}&amp;show=25">{nxt + 1}-{total}</a>' if nxt else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<title>{name} authors/titles "recent submissions"</title>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
</head>
<body class="with-cu-identity">
<div id="content">
<div id="dlpage">
<h1>{name}</h1>
<h2>Authors and titles for recent submissions</h2>
<ul>
<li><a href="/list/{archive}/pastweek?skip=0&amp;show=25">Tue, 27 Oct 2020</a></li>
<li><a href="/list/{archive}/pastweek?skip=6&amp;show=25">Mon, 26 Oct 2020</a></li>
</ul>
<small>[ total of {total} entries: <b>{skip + 1}-{skip + shown}</b>{more} ]</small><br />
<small>[ showing up to 25 entries per page: <a href="/list/{archive}/pastweek?skip={skip}&amp;show=25">fewer</a> | <a href="/list/{archive}/pastweek?skip={skip}&amp;show=50">more</a> ]</small>
{"".join(body)}</div>
</div>
</body>
</html>
"""


CS1 = [(1, "2010.13581", None), (2, "2010.13611", None), (3, "2010.13192", None), (4, "2010.13303", None)]
CS2 = [(5, "2010.13154", "eess.AS"), (6, "2010.12931", "astro-ph.IM")]
CS_MON = [(7, PLACEHOLDER[0], None)]
STAT = [(1, "2010.13581", "cs.LG"), (2, "2010.13483", "cs.RO")]

if __name__ == "__main__":
    out = {
        "current/cs-pastweek-skip0.html": current_page("cs", "Computer Science", 7,
            [("Tue, 27 Oct 2020 (showing first 4 of 6 entries )", CS1)], 0, 4, 4),
        "current/cs-pastweek-skip4.html": current_page("cs", "Computer Science", 7,
            [("Tue, 27 Oct 2020 (continued, showing last 2 of 6 entries )", CS2), ("Mon, 26 Oct 2020 (showing 1 of 1 entries )", CS_MON)], 4, 3, None),
        "current/stat.ML-pastweek-skip0.html": current_page("stat.ML", "Machine Learning", 2,
            [("Tue, 27 Oct 2020 (showing 2 of 2 entries )", STAT)], 0, 2, None),
        "legacy/cs-pastweek-skip0.html": legacy_page("cs", "Computer Science", 7,
            [("Tue, 27 Oct 2020", CS1)], 0, 4, 4),
        "legacy/cs-pastweek-skip4.html": legacy_page("cs", "Computer Science", 7,
            [("Tue, 27 Oct 2020", CS2), ("Mon, 26 Oct 2020", CS_MON)], 4, 3, None),
        "legacy/stat.ML-pastweek-skip0.html": legacy_page("stat.ML", "Machine Learning", 2,
            [("Tue, 27 Oct 2020", STAT)], 0, 2, None),
    }
    for name, text in out.items():
        with open("listing/" + name, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
