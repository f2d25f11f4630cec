"""Issue 11: officials' rules without private conventions: ``org_before`` answers a typed
``OrgBefore`` (no sentinel strings), the organisation helpers both fact modules use live in
orgnames.py, and officials.py is split by what each part reads."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from extract.facts.orgnames import OrgBefore, org_before

FACTS = Path(__file__).resolve().parents[1] / "extract" / "facts"

CASES = [
    # (view, title, regional, expected)
    ("工业和信息化部科技司司长谢少锋", "司长", False, OrgBefore("工业和信息化部科技司", 0, "org")),
    ("本报记者张三", "记者", False, OrgBefore("本报", 0, "qualifier")),
    ("营销总监李明", "总监", False, OrgBefore("营销", 0, "qualifier")),
    ("有关负责人表示", "负责人", False, OrgBefore(None, 0, "anonymous")),
    ("美丽乡村好看主任王五", "主任", False, OrgBefore(None, 0, "dirty")),
    ("张家口市长", "市长", True, OrgBefore("张家口", 0, "org")),
    ("张家口市长", "市长", False, OrgBefore(None, 0, "dirty")),
    ("省长", "省长", False, OrgBefore(None, 0, "none")),
]


@pytest.mark.parametrize("view,title,regional,expected", CASES, ids=[c[0] for c in CASES])
def test_org_before_is_typed(view, title, regional, expected) -> None:
    got = org_before(view, view.index(title), regional=regional)
    assert got == expected
    assert got.org == (expected.text if expected.kind == "org" else None)
    assert not (got.text or "").startswith(("+", "<"))


def test_organizations_import_no_private_helpers_of_officials() -> None:
    tree = ast.parse((FACTS / "organizations.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.module != "officials", "organizations.py reads officials' internals"
            assert not any(a.name.startswith("_") for a in node.names if node.level), ast.dump(node)


@pytest.mark.parametrize("name", ["officials", "organizations", "orgnames", "positions", "names", "textview"])
def test_module_and_function_size(name: str) -> None:
    src = (FACTS / f"{name}.py").read_text(encoding="utf-8")
    assert len(src.splitlines()) <= 400
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert node.end_lineno - node.lineno + 1 <= 45, f"{name}.{node.name}"
