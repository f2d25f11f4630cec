"""The fact-checking desk's report: one self-contained HTML file, no server, no scripts.

Every piece of input text goes through ``html.escape``: markup inside a news text is
shown as text and never executed. The page carries its own CSS and no JavaScript, so it
opens from disk in any browser.
"""
from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher
from html import escape
from typing import Sequence

from schemas import Conflict, Group

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222;max-width:1200px}
h1{font-size:1.5rem} h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:2px solid #444}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3;font-weight:600}
.sev-high{border-left:6px solid #c0392b}.sev-medium{border-left:6px solid #e67e22}.sev-low{border-left:6px solid #95a5a6}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.85em;background:#eee;margin-right:.3rem}
.badge.high{background:#c0392b;color:#fff}.badge.medium{background:#e67e22;color:#fff}.badge.low{background:#95a5a6;color:#fff}
mark{background:#ffe066;padding:0 1px}.reading{font-size:1.1em;font-weight:600}
.ctx{color:#666}.consensus{color:#1e8449;font-weight:600}.none{color:#999;font-style:italic}
.src{font-family:monospace;font-size:.85em;color:#555}.conflict{margin-bottom:1rem;padding-left:.6rem}
.summary td,.summary th{font-size:.9em}.value{color:#1f4e79;font-size:.85em;margin-left:.4rem}
"""


def _marked(text: str, ref: str | None) -> str:
    """Escape ``text``, wrapping the characters that differ from ``ref`` in <mark>."""
    if ref is None or text == ref:
        return escape(text) if text else '<span class="none">（无）</span>'
    if not text:
        return '<mark class="none">（缺）</mark>'
    out = []
    for tag, _, _, j1, j2 in SequenceMatcher(None, ref, text, autojunk=False).get_opcodes():
        piece = escape(text[j1:j2])
        out.append(piece if tag == "equal" else f"<mark>{piece}</mark>")
    return "".join(out)


def _value(value: str | None) -> str:
    """What a reading says beside what it prints: a number's value, a date resolved against the
    group's reference date (issue 12)."""
    return f'<span class="value">= {escape(value)}</span>' if value else ""


def _conflict(c: Conflict) -> str:
    ref = c.consensus
    if ref is None:
        ref = max(c.readings, key=lambda r: (r.votes, -len(r.source.path))).text
    rows = []
    for r in c.readings:
        rows.append(
            "<tr>"
            f'<td class="src">{escape(r.source.doc_id)}<br>{escape(r.source.path)}<br>'
            f"chars {r.start}–{r.end}</td>"
            f'<td class="reading">{_marked(r.text, ref)}{_value(r.value)}</td>'
            f'<td><span class="ctx">…{escape(r.context_before)}</span>{_marked(r.text, ref)}'
            f'<span class="ctx">{escape(r.context_after)}…</span></td>'
            f"<td>{r.votes}</td></tr>")
    consensus = (f'<span class="consensus">{escape(c.consensus) or "（无）"}</span>'
                 if c.consensus is not None else '<span class="none">no majority</span>')
    evidence = "".join(f'<span class="badge">{escape(e)}</span>' for e in c.evidence)
    return (
        f'<div class="conflict sev-{c.severity}" id="{escape(c.conflict_id)}">'
        f'<p><span class="badge {c.severity}">{c.severity}</span>'
        f'<span class="badge">{escape(c.field)}</span><span class="badge">{escape(c.kind)}</span>{evidence}'
        f" consensus: {consensus}</p>"
        "<table><tr><th>version</th><th>reading</th><th>in context</th><th>votes</th></tr>"
        + "".join(rows) + "</table></div>")


def render(groups: Sequence[Group], conflicts: Sequence[Conflict], title: str = "newsfacts: version conflicts") -> str:
    by_group: dict[str, list[Conflict]] = defaultdict(list)
    for c in conflicts:
        by_group[c.group_id].append(c)
    parts = [f"<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>",
             f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>",
             f"<p>{len(groups)} version groups, {len(conflicts)} conflicts "
             f"({sum(c.severity == 'high' for c in conflicts)} high severity).</p>"]
    for g in groups:
        found = sorted(by_group.get(g.group_id, []), key=lambda c: SEVERITY_ORDER[c.severity])
        head = g.members[0].headline or "(no headline)"
        parts.append(f'<section class="group" id="{escape(g.group_id)}"><h2>{escape(head)} '
                     f'<span class="src">{escape(g.group_id)}</span></h2>')
        parts.append('<table class="summary"><tr><th>source</th><th>story</th><th>headline</th><th>chars</th></tr>')
        for m in g.members:
            parts.append(f"<tr><td class=\"src\">{escape(m.source.path)}</td><td class=\"src\">{escape(m.story_id)}</td>"
                         f"<td>{escape(m.headline or '')}</td><td>{m.start}–{m.end}</td></tr>")
        parts.append("</table>")
        parts.append(f"<p>{len(found)} conflicts.</p>")
        parts.extend(_conflict(c) for c in found)
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "".join(parts)
