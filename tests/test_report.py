"""The fact-checking desk's HTML report in a real headless browser (issue 5)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from extract.api import check_paths
from extract.report.html import render

from .conftest import SEEDS

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no chromium: run scripts/ensure_chromium.sh (make test does)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

HOSTILE = '<script>document.body.setAttribute("data-pwned","1")</script><img src=x onerror="document.body.setAttribute(\'data-pwned\',\'2\')">'
BODY = ("新华社北京12月25日电 工业和信息化部科技司司长谢少锋表示，要切实把产业科技创新摆在推进新型工业化全局的核心位置。"
        "他表示，从思路上看，要前瞻性谋划、系统性布局、整体性推进，{x}超前谋划部署工业和信息化领域科技发展重大战略。"
        "当前，我国以5G、千兆光网等为代表的新型信息基础设施成为支撑数字经济蓬勃发展的重要基石。")


def dump_dom(html_file: Path, tmp: Path) -> str:
    proc = subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={tmp / 'profile'}", "--dump-dom",
                           html_file.as_uri()], capture_output=True, timeout=120, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    result = check_paths([str(SEEDS)], words=True)
    out = tmp_path_factory.mktemp("report") / "report.html"
    out.write_text(render(result.groups, result.conflicts), encoding="utf-8")
    return out


@needs_browser
def test_report_renders_the_seed_conflicts(seed_report: Path, tmp_path: Path) -> None:
    dom = dump_dom(seed_report, tmp_path)
    assert "巩固增强工业经济回升向好态势" in dom
    assert dom.count('class="conflict ') >= 6
    assert "<mark>峰</mark>" in dom  # the differing character is highlighted
    assert "谢少锋" in dom and "official.name" in dom and "similar_glyph" in dom
    # high severity comes first within the group
    assert dom.index("sev-high") < dom.index("sev-medium")


@needs_browser
def test_markup_in_input_is_shown_as_text_never_run(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(BODY.format(x=HOSTILE), encoding="utf-8")
    (inputs / "b.txt").write_text(BODY.format(x=HOSTILE), encoding="utf-8")
    (inputs / "c.txt").write_text(BODY.format(x=HOSTILE.replace("pwned", "owned")), encoding="utf-8")
    result = check_paths([str(inputs)], words=False)
    assert result.conflicts, "the three versions differ inside the markup"
    html_file = tmp_path / "r.html"
    html_file.write_text(render(result.groups, result.conflicts), encoding="utf-8")
    dom = dump_dom(html_file, tmp_path)
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "<img" not in dom and "&lt;" in dom
    assert "<script" not in dom.lower()


def test_escaping_without_a_browser() -> None:
    from schemas import Conflict, Group, MemberRef, Reading, SourceRef

    src = SourceRef(path="<b>x.txt</b>", doc_id="<i>d</i>")
    r = Reading(text="<script>1</script>", source=src, story_id="s", start=0, end=1, votes=1,
                context_before="&", context_after='"')
    c = Conflict(conflict_id="c", group_id="g", field="text", kind="substitution", severity="medium",
                 readings=[r], consensus=None, context="<x>")
    g = Group(group_id="g", members=[MemberRef(source=src, story_id="s", start=0, end=1, headline="<h1>t</h1>")])
    html = render([g], [c])
    assert "<script>1" not in html and "&lt;script&gt;1" in html and "<h1>t" not in html


def test_each_readings_value_is_shown_beside_it() -> None:
    """Issue 12: a number's parsed value or a date resolved against the group's reference date
    is shown beside the reading, escaped like every other input-derived text."""
    from schemas import Conflict, Group, MemberRef, Reading, SourceRef

    src = SourceRef(path="a.txt", doc_id="a")
    readings = [Reading(text="三百亿元", source=src, story_id="s", start=0, end=4, votes=2, value="30000000000",
                        context_before="", context_after=""),
                Reading(text="三千亿元", source=src, story_id="s", start=9, end=13, votes=1, value="<b>3</b>",
                        context_before="", context_after=""),
                Reading(text="３O０", source=src, story_id="s", start=20, end=23, votes=1, value=None,
                        context_before="", context_after="")]
    c = Conflict(conflict_id="c", group_id="g", field="claim.value", kind="numeral", severity="high",
                 readings=readings, consensus="三百亿元", context="【三百亿元】")
    g = Group(group_id="g", members=[MemberRef(source=src, story_id="s", start=0, end=1)])
    html = render([g], [c])
    assert '<span class="value">= 30000000000</span>' in html
    assert "&lt;b&gt;3&lt;/b&gt;" in html and "<b>3" not in html
    assert html.count('class="value"') == 2  # a reading that does not parse shows no value
