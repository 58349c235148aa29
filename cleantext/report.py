"""A self-contained HTML page showing what a run changed, from the records it is given.

Dropped lines are struck through with their reason, repaired sentences are underlined with
the rules that fired (the text as read in the tooltip), foreign spans are highlighted with
their language and translation. No scripts, no external files: it opens anywhere.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from cleantext.write import atomic_write, shown_name

if TYPE_CHECKING:
    from cleantext.summary import Summary

MAX_DOCS = 500  # beyond this the page gets unwieldy; the summary still covers everything

CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse}
td,th{padding:.2rem .6rem;border:1px solid #ddd;text-align:left;vertical-align:top}
p{margin:.4rem 0} del{color:#999} .reason{font-size:.75rem;color:#a33;margin-left:.3rem}
ins.fix{text-decoration:underline dotted #070;background:#efe} mark{padding:0 .15rem;border-radius:3px}
mark.fr{background:#dde8ff} mark.en{background:#ffe0d8} mark.other{background:#eee}
mark.kept{background:none;text-decoration:underline dotted}
.tr{display:block;font-size:.85rem;color:#555;margin-left:1rem} .tr::before{content:"→ "}
.legend span{margin-right:1rem} .err{color:#a33}
.index td:first-child a{text-decoration:none} .filter label{margin-right:1rem}
body:has(#only-changed:checked) section:not(.changed),
body:has(#only-dropped:checked) section:not(.dropped),
body:has(#only-translated:checked) section:not(.translated){display:none}
"""


def render(records_by_doc: list[tuple[str, list[dict]]], summary: Summary | None, title: str) -> str:
    parts = [f"<!doctype html><html lang='it'><head><meta charset='utf-8'><title>{escape(title)}</title>"]
    parts.append(f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>")
    if summary is not None:
        parts.append(_summary_table(summary))
    parts.append(
        "<p class='legend'><span><del>dropped</del><span class='reason'>reason</span></span>"
        "<span><ins class='fix'>repaired</ins></span><span><mark class='fr'>French</mark></span>"
        "<span><mark class='en'>English</mark></span></p>"
    )
    shown = records_by_doc[:MAX_DOCS]
    counts = [_counts(records) for _, records in shown]
    parts.append(_index(shown, counts))
    for k, ((name, records), (_, _, kinds)) in enumerate(zip(shown, counts, strict=True)):
        parts.append(f"<section id='d{k}' class='{' '.join(kinds)}'>")
        parts.append(f"<h2>{escape(shown_name(name))}</h2>")
        para, buf = None, []
        for r in records:
            if r["paragraph"] != para and buf:
                parts.append("<p>" + " ".join(buf) + "</p>")
                buf = []
            para = r["paragraph"]
            buf.append(_sentence(r))
        if buf:
            parts.append("<p>" + " ".join(buf) + "</p>")
        parts.append("</section>")
    if len(records_by_doc) > MAX_DOCS:
        parts.append(f"<p>… {len(records_by_doc) - MAX_DOCS} more documents not shown.</p>")
    parts.append("</body></html>\n")
    return "".join(parts)


def _counts(records: list[dict]) -> tuple[int, int, list[str]]:
    """A document's dropped lines, translated spans, and what happened to it: changed (any
    sentence), dropped (a line), translated (a span)."""
    dropped = sum(1 for r in records if r.get("dropped"))
    translated = sum(
        1 for r in records for g in r.get("segments") or () if g.get("translation") and not g.get("kept")
    )
    kinds = ["changed"] if any(r.get("text") != r.get("source") for r in records) else []
    kinds += ["dropped"] * (dropped > 0) + ["translated"] * (translated > 0)
    return dropped, translated, kinds


def _index(shown: list[tuple[str, list[dict]]], counts: list[tuple[int, int, list[str]]]) -> str:
    """A table of the documents (each a link to its section, with its counts) and a filter
    that needs no script: a radio button and CSS `:has` hide the other sections."""
    choices = [("all", "all documents"), ("changed", "changed"), ("dropped", "with dropped lines"),
               ("translated", "with translations")]  # fmt: skip
    radios = "".join(
        f"<label><input type='radio' name='only' id='only-{key}'{' checked' if key == 'all' else ''}> "
        f"{label}</label>"
        for key, label in choices
    )
    rows = [
        f"<tr><td><a href='#d{k}'>{escape(shown_name(name))}</a></td><td>{len(records)}</td>"
        f"<td>{dropped}</td><td>{translated}</td><td>{', '.join(kinds) or '-'}</td></tr>"
        for k, ((name, records), (dropped, translated, kinds)) in enumerate(zip(shown, counts, strict=True))
    ]
    head = "<tr><th>document</th><th>sentences</th><th>dropped</th><th>translated</th><th>what</th></tr>"
    return (
        f"<p class='filter'>Show: {radios}</p>"
        f"<details open><summary>{len(shown)} documents</summary>"
        f"<table class='index'>{head}{''.join(rows)}</table></details>"
    )


def _sentence(r: dict) -> str:
    src = r["source"]
    if r["dropped"]:
        why = escape(r["dropped"])
        return f"<del title='{why}'>{escape(src)}</del><span class='reason'>{why}</span>"
    if r["segments"]:
        out, pos = [], 0
        for g in sorted(r["segments"], key=lambda g: g["start"]):
            out.append(escape(src[pos : g["start"]]))
            cls = "kept" if g.get("kept") else g["language"] if g["language"] in ("fr", "en") else "other"
            tip = f"{g['language']} {g['confidence']:.2f}: " + (
                f"kept as written ({g['kept']})"
                if g.get("kept")
                else g.get("translation") or g.get("note") or "untranslated"
            )
            out.append(
                f"<mark class='{cls}' title='{escape(tip)}'>{escape(src[g['start'] : g['end']])}</mark>"
            )
            pos = g["end"]
        out.append(escape(src[pos:]))
        return "".join(out) + f"<span class='tr'>{escape(r['text'])}</span>"
    if r["fixes"]:
        tip = "fixes: " + ", ".join(r["fixes"]) + " — as read: " + src
        return f"<ins class='fix' title='{escape(tip)}'>{escape(r['text'])}</ins>"
    return escape(r["text"])


def _summary_table(s: Summary) -> str:
    def row(k: str, v: str) -> str:
        return f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>"

    def counts(c: dict) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: -kv[1])) or "–"

    rows = [
        row("files", f"{s.files} cleaned, {s.skipped} up to date"),
        row("errors", str(s.error_count) + (" (the first listed below)" if s.untold else "")),
        *([row("WARC responses with no page", str(s.no_page))] if s.no_page else []),
        row("sentences", str(s.sentences)),
        row("fixes by rule", counts(s.fixes)),
        row("dropped by reason", counts(s.dropped)),
        row("foreign spans kept as written", counts(s.kept)),
        row("foreign spans by language", counts(s.spans)),
        row("translated by engine", counts(s.translated) + f" (untranslated {s.untranslated})"),
        row("quality policy outcomes", counts(s.weak)),
    ]
    errs = "".join(f"<li class='err'>{escape(e)}</li>" for _, e in s.errors)
    return "<table>" + "".join(rows) + "</table>" + (f"<ul>{errs}</ul>" if errs else "")


def write_report(
    path: Path,
    records_by_doc: list[tuple[str, list[dict]]],
    summary: Summary | None = None,
    title: str = "cleantext run",
) -> None:
    """Write the page atomically: (document name, its records) pairs, in the order given."""
    atomic_write(path, render(records_by_doc, summary, title))
