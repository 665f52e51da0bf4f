#!/usr/bin/env python3
"""Builds the two API fixtures for the 2020-10-27 listing from the seed post's text.

The seed (a real published post) holds each paper's title and abstract exactly as the classic post printed
them: a title double space is where arXiv's classic output wrapped the title ("\n  "), an abstract triple space
is a paragraph break ("\n  "). This script puts those line breaks back, hard-wraps the rest at 80 columns with
bare "\n" (as the classic API does), and writes:

  api/classic-2020-10-27.xml  classic generation, laid out like the API manual's REAL sample (inline xmlns on
                              every element, entries in a different order than requested)
  api/current-2020-10-27.xml  2026 generation, laid out like the REAL arxiv.py capture (one-line titles, one
                              physical line per paragraph, single-quoted XML declaration)

Dates, categories and versions are the papers' real ones as far as the seed shows them; the published times
are illustrative. Run from this folder: python3 tools/make_api_fixtures.py
"""
import re
from xml.sax.saxutils import escape

SEED = "../seeds/2020-10-27---Hot-Papers.md"
# id -> (primary, categories, published); categories as the seed lists them (primary first)
PAPERS = {
    "2010.13581": "2020-10-26T14:00:29Z",
    "2010.13611": "2020-10-26T14:42:36Z",
    "2010.13192": "2020-10-25T18:53:16Z",
    "2010.13303": "2020-10-26T04:05:19Z",
    "2010.13154": "2020-10-25T08:35:11Z",
    "2010.12931": "2020-10-24T17:48:55Z",
    "2010.13483": "2020-10-26T10:02:45Z",
}


def seed_papers():
    text = open(SEED, encoding="utf-8").read()
    blocks = re.split(r"\n(?=# \d+\. )", text)
    out = {}
    for block in blocks[1:]:
        lines = block.split("\n")
        title = re.match(r"# \d+\. (.*)", lines[0]).group(1)
        authors = lines[2].split(", ")
        link = next(l for l in lines if l.startswith("- links:"))
        pid = re.search(r"abs/([0-9.]+)\)", link).group(1)
        cats = re.findall(r"\[([^\]]+)\]\(https://arxiv.org/list/", next(l for l in lines if l.startswith("- [")))
        abstract = lines[lines.index(next(l for l in lines if l.startswith("- ["))) + 2]
        out[pid] = (title, authors, cats, abstract)
    return out


def wrap(paragraph, width=80):
    """Replaces some single spaces by newlines; each replaced space comes back as one space when unwrapped."""
    words = paragraph.split(" ")
    lines, line = [], words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) > width and line.strip():
            lines.append(line)
            line = word
        else:
            line += " " + word
    lines.append(line)
    return "\n".join(lines)


def classic_summary(abstract):
    return "  " + "\n  ".join(wrap(p) for p in abstract.split("   ")) + "\n"


def classic_title(title):
    return title.replace("  ", "\n  ")


def classic_feed(papers, ids):
    a = 'xmlns="http://www.w3.org/2005/Atom"'
    x = 'xmlns:arxiv="http://arxiv.org/schemas/atom"'
    o = 'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"'
    id_list = ",".join(ids)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed {a} {o} {x}>',
           f'  <link {a} href="http://arxiv.org/api/query?search_query=&amp;id_list={id_list}&amp;start=0&amp;max_results={len(ids)}" rel="self" type="application/atom+xml"/>',
           f'  <title {a}>ArXiv Query: search_query=&amp;id_list={id_list}&amp;start=0&amp;max_results={len(ids)}</title>',
           f'  <id {a}>http://arxiv.org/api/0wKe2dOmcbBjVoX3IOgqh3UDPL8</id>',
           f'  <updated {a}>2020-10-28T00:00:00-04:00</updated>',
           f'  <opensearch:totalResults {o}>{len(ids)}</opensearch:totalResults>',
           f'  <opensearch:startIndex {o}>0</opensearch:startIndex>',
           f'  <opensearch:itemsPerPage {o}>{len(ids)}</opensearch:itemsPerPage>']
    # The API does not answer in request order: newest first here.
    for pid in sorted(ids, reverse=True):
        title, authors, cats, abstract = papers[pid]
        when = PAPERS[pid]
        out.append(f'  <entry {a} {x}>')
        out.append(f'    <id {a}>http://arxiv.org/abs/{pid}v1</id>')
        out.append(f'    <published {a}>{when}</published>')
        out.append(f'    <updated {a}>{when}</updated>')
        out.append(f'    <title {a}>{escape(classic_title(title))}</title>')
        out.append(f'    <summary {a}>{escape(classic_summary(abstract))}</summary>')
        for name in authors:
            out.append(f'    <author {a}>')
            out.append(f'      <name {a}>{escape(name)}</name>')
            out.append('    </author>')
        out.append(f'    <link {a} href="http://arxiv.org/abs/{pid}v1" rel="alternate" type="text/html"/>')
        out.append(f'    <link {a} title="pdf" href="http://arxiv.org/pdf/{pid}v1" rel="related" type="application/pdf"/>')
        out.append(f'    <arxiv:primary_category {x} term="{cats[0]}" scheme="http://arxiv.org/schemas/atom"/>')
        for c in cats:
            out.append(f'    <category term="{c}" scheme="http://arxiv.org/schemas/atom"/>')
        out.append('  </entry>')
    out.append('</feed>')
    return "\n".join(out) + "\n"


def current_feed(papers, ids):
    id_list = ",".join(ids)
    out = ["<?xml version='1.0' encoding='UTF-8'?>",
           '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">',
           '  <id>https://arxiv.org/api/Qm9vdGhlcm1hbitvdXQvZml4dHVy</id>',
           f'  <title>arXiv Query: search_query=&amp;id_list={id_list}&amp;start=0&amp;max_results={len(ids)}</title>',
           '  <updated>2026-04-12T22:10:26Z</updated>',
           f'  <link href="https://arxiv.org/api/query?search_query=&amp;start=0&amp;max_results={len(ids)}&amp;id_list={id_list}" type="application/atom+xml"/>',
           f'  <opensearch:itemsPerPage>{len(ids)}</opensearch:itemsPerPage>',
           f'  <opensearch:totalResults>{len(ids)}</opensearch:totalResults>',
           '  <opensearch:startIndex>0</opensearch:startIndex>']
    # Ordered by publication date, as observed in 2026.
    for pid in sorted(ids, key=lambda p: PAPERS[p]):
        title, authors, cats, abstract = papers[pid]
        when = PAPERS[pid]
        out.append('  <entry>')
        out.append(f'    <id>http://arxiv.org/abs/{pid}v1</id>')
        out.append(f'    <title>{escape(title.replace("  ", " "))}</title>')
        out.append(f'    <updated>{when}</updated>')
        out.append(f'    <link href="https://arxiv.org/abs/{pid}v1" rel="alternate" type="text/html"/>')
        out.append(f'    <link href="https://arxiv.org/pdf/{pid}v1" rel="related" type="application/pdf" title="pdf"/>')
        out.append(f'    <summary>{escape(chr(10).join(("  " if i else "") + p for i, p in enumerate(abstract.split("   "))))}</summary>')
        for c in cats:
            out.append(f'    <category term="{c}" scheme="http://arxiv.org/schemas/atom"/>')
        out.append(f'    <published>{when}</published>')
        out.append(f'    <arxiv:primary_category term="{cats[0]}"/>')
        for name in authors:
            out.append('    <author>')
            out.append(f'      <name>{escape(name)}</name>')
            out.append('    </author>')
        out.append('  </entry>')
    out.append('</feed>')
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    papers = seed_papers()
    ids = list(PAPERS)
    with open("api/classic-2020-10-27.xml", "w", encoding="utf-8", newline="\n") as f:
        f.write(classic_feed(papers, ids))
    with open("api/current-2020-10-27.xml", "w", encoding="utf-8", newline="\n") as f:
        f.write(current_feed(papers, ids))
