"""Cross-version checking on the seeds against ../shared/gold/seeds.conflicts.json (issue 5)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.crosscheck import check_records
from extract.crosscheck.classify import classify

from .conftest import SHARED

GOLD_PATH = SHARED / "gold" / "seeds.conflicts.json"
GOLD_COPY = Path(__file__).parent / "golden" / "seeds.conflicts.json"


def _gold() -> dict:
    path = GOLD_PATH if GOLD_PATH.exists() else GOLD_COPY
    return json.loads(path.read_text(encoding="utf-8"))


def _strip(s: str) -> str:
    return "".join(ch for ch in s if not ch.isspace())


@pytest.fixture(scope="module")
def checked(seed_records):
    stories = [r for r in seed_records if r.record_type == "story"]
    raws = {p: Path(p).read_text(encoding="utf-8") for p in {r.source.path for r in stories}}
    groups, conflicts = check_records(stories, raws)
    return groups, conflicts, raws


def _prefix(doc_id: str) -> str:
    return doc_id[:3]


def test_the_three_miit_versions_form_one_group_and_nothing_else_joins(checked) -> None:
    groups, _, _ = checked
    assert len(groups) == 1
    (g,) = groups
    assert sorted(_prefix(m.source.doc_id) for m in g.members) == ["000", "001", "002"]
    assert all(m.headline == "巩固增强工业经济回升向好态势" for m in g.members)


def _matches(conflict, item: dict, raws: dict[str, str]) -> bool:
    by_doc = {_prefix(r.source.doc_id): r for r in conflict.readings}
    if set(by_doc) != set(item["readings"]):
        return False
    for doc, gold_text in item["readings"].items():
        r = by_doc[doc]
        raw = raws[r.source.path]
        if _strip(raw[r.start:r.end]) != r.text or r.text not in gold_text:
            return False
        window = _strip(raw[max(0, r.start - 60):r.end + 60])
        if _strip(gold_text) not in window:  # the offsets point at the gold reading's place
            return False
    return conflict.consensus is not None and conflict.consensus in item["consensus"]


@pytest.mark.parametrize("index", range(6))
def test_must_flag(checked, index: int) -> None:
    _, conflicts, raws = checked
    item = _gold()["must_flag"][index]
    hits = [c for c in conflicts if _matches(c, item, raws)]
    assert len(hits) == 1, (item, [(c.field, [r.text for r in c.readings]) for c in conflicts])
    if item["field"] == "official.name":
        assert hits[0].field == "official.name" and hits[0].severity == "high"
        assert hits[0].consensus == "谢少锋"
        assert hits[0].kind == "similar_glyph" and set(hits[0].evidence) == {"similar_shape", "same_pinyin"}
    if item.get("why") == "transposition":
        assert hits[0].kind == "transposition"


def test_nothing_from_must_not_flag(checked) -> None:
    _, conflicts, _ = checked
    for c in conflicts:
        texts = {r.text for r in c.readings}
        # width, spacing and line breaks never produce a conflict
        assert len({t.replace(",", "，").replace(":", "：").replace(";", "；") for t in texts}) > 1 or c.kind == "punctuation"
        assert all(not any(ch.isspace() for ch in t) for t in texts)
    # every content conflict is one of the six gold discrepancies; the rest are low-severity punctuation
    gold = _gold()
    _, _, raws = checked
    content = [c for c in conflicts if c.severity != "low"]
    assert len(content) == len(gold["must_flag"])


CLASSIFY = [
    # (consensus, deviant, kind, why it is hard)
    ("谢少锋", "谢少峰", "similar_glyph", "锋/峰 is both same-pinyin and similar-shape; OCR makes shape errors"),
    ("创新技术", "技术创新", "transposition", "same characters, another order"),
    ("重要基石", "基石", "omission", "a word dropped"),
    ("基石", "重要基石", "insertion", "a word added"),
    ("42%", "47%", "numeral", "a digit changed"),
    ("协同发力", "协同发展", "substitution", "力/展 are neither homophones nor look-alikes"),
    ("“今年", "今年", "punctuation", "only a quotation mark differs"),
    ("公布", "公部", "homophone", "布/部 share pinyin bu but not shape"),
]


@pytest.mark.parametrize("ref,other,kind,why", CLASSIFY, ids=[c[3] for c in CLASSIFY])
def test_classify(ref: str, other: str, kind: str, why: str) -> None:
    assert classify(ref, other)[0] == kind


def test_two_versions_that_disagree_have_no_consensus(seed_records) -> None:
    """A name is judged only by other versions: with one against one there is no majority."""
    stories = [r for r in seed_records if r.record_type == "story" and r.headline == "巩固增强工业经济回升向好态势"
               and r.source.doc_id[:3] in ("000", "001")]
    raws = {p: Path(p).read_text(encoding="utf-8") for p in {r.source.path for r in stories}}
    _, conflicts = check_records(stories, raws)
    name = [c for c in conflicts if c.field == "official.name"]
    assert name and all(c.consensus is None for c in conflicts)


def test_same_words_resolved_to_different_dates_are_not_a_conflict(nlp, tmp_path: Path) -> None:
    """Issue 12 (reverses issue 5's same-text date conflicts): the same printed words are never a
    conflict, even where the versions' own reference dates differ (publication years here);
    every record from extract keeps its own resolution."""
    from extract.inputs import iter_inputs
    from extract.pipeline import extract_items

    body = ("新华社北京12月25日电 工业和信息化部中小企业局局长梁志峰表示，今年10月，规模以上工业中小企业营业收入、"
            "利润总额均实现连续3个月增长。中小企业采购指数持续处于景气区间，优质中小企业展现了较强的发展活力和韧性。"
            "以专精特新中小企业为代表的优质中小企业展现了较强的发展活力。")
    lines = [{"id": "a", "text": body, "published": "2024-01-10"},
             {"id": "b", "text": body, "published": "2024-01-11"},
             {"id": "c", "text": body, "published": "2025-01-10"}]
    src = tmp_path / "versions.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    items = list(iter_inputs([str(src)]))
    stories = [r for r in extract_items(items, nlp)]
    own = {r.source.doc_id: next(d.value for d in r.dates if d.text == "今年10月") for r in stories}
    assert own == {"a": "2023-10", "b": "2023-10", "c": "2024-10"}  # the records keep their own
    groups, conflicts = check_records(stories, {it.path: it.text for it in items})
    assert len(groups) == 1 and len(groups[0].members) == 3
    assert conflicts == []


def _check_texts(nlp, tmp_path: Path, texts: list[str]):
    from extract.inputs import iter_inputs
    from extract.pipeline import extract_items

    src = tmp_path / "versions.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"v{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)),
                   encoding="utf-8")
    items = list(iter_inputs([str(src)]))
    return check_records(list(extract_items(items, nlp)), {it.path: it.text for it in items})


BODY = ("新华社北京12月25日电 工业和信息化部信息通信发展司司长谢存说，我国已建成全球规模最大、技术领先的5G网络，"
        "供给能力不断增强；创新技术持续突破，5G标准必要专利声明量目前全球占比达{pct}；赋能效应持续彰显，"
        "5G、千兆光网已融入71个国民经济大类中。{title}谢存表示，将持续巩固提升行业竞争优势和领先地位。")


@pytest.mark.parametrize("field,kind,variants,consensus", [
    # a digit changed inside a claim: the whole claim is the reading
    ("claim.value", "numeral", [("42%", ""), ("42%", ""), ("47%", "")], "42%"),
    # a title changed in one version: a position conflict, high severity
    ("official.position", "insertion", [("42%", "工业和信息化部部长"), ("42%", "工业和信息化部部长"),
                                        ("42%", "工业和信息化部副部长")], None),
])
def test_fact_fields_and_severity(nlp, tmp_path: Path, field, kind, variants, consensus) -> None:
    texts = [BODY.format(pct=p, title=t) for p, t in variants]
    groups, conflicts = _check_texts(nlp, tmp_path, texts)
    assert len(groups) == 1
    (c,) = [c for c in conflicts if c.severity != "low"]
    assert c.field == field and c.severity == "high" and c.kind == kind
    if consensus:
        assert c.consensus == consensus


def test_jsonl_documents_sharing_a_source_name(nlp, tmp_path: Path) -> None:
    """JSONL 'source' is often a site name shared by many documents; offsets must not mix them up."""
    from extract.api import check_paths

    a = BODY.format(pct="42%", title="")
    lines = [{"id": "x1", "text": a, "source": "xinhua"},
             {"id": "x2", "text": "题外话。" * 30 + a, "source": "xinhua"},
             {"id": "x3", "text": a.replace("42%", "47%"), "source": "xinhua"}]
    src = tmp_path / "same_source.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    result = check_paths([str(src)])
    (c,) = [c for c in result.conflicts if c.field == "claim.value"]
    texts = {x["id"]: x["text"] for x in lines}
    for r in c.readings:  # every reading's offsets point into its own document's text
        assert texts[r.source.doc_id][r.start:r.end] == r.text
