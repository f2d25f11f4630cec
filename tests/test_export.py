"""`newsfacts export` (issue 13): story records rebuilt from the database, accepted readings applied to
the facts they touch, corrections for provenance, and `load` taking the result back."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from extract.cli import main
from extract.load import load_paths, make_engine
from extract.output import write_jsonl
from extract.review import store
from extract.review.export import ExportSummary, Target, export_records, replace
from schemas import StoryRecord

from .pg import db_url, pg_cluster, query  # noqa: F401 (fixtures)
from .test_load import full
from .test_review_server import Desk


def target(start: int, text: str, chosen: str) -> Target:
    return Target(conflict_id="c", field="official.name", start=start, end=start + len(text), text=text,
                  chosen=chosen, chosen_value=None, reviewer="r", decided_at="t", decision="accept")


REPLACE = [
    # (span text, span start, reading start, reading, chosen, expected, why)
    ("谢少峰", 10, 10, "谢少峰", "谢少锋", "谢少锋", "the reading is the whole span"),
    ("司长谢少峰", 10, 14, "峰", "锋", "司长谢少锋", "one character inside, found by its offset"),
    ("峰峰", 10, 11, "峰", "锋", "峰锋", "the reading's text occurs twice: only the offset says which"),
    ("谢少峰", 10, 12, "峰表示", "锋表示", "谢少锋", "the reading runs past the span: character for character"),
    ("谢少峰", 10, 12, "峰表示", "锋", None, "runs past the span and changes length: no safe mapping"),
    ("谢峰", 10, 11, "", "少", "谢少峰", "an omission inside the span is an insertion at that point"),
    ("谢少峰", 10, 10, "李四", "张三", None, "the reading is not in the span (it changed since check)"),
    ("谢少\n峰", 10, 13, "峰", "锋", "谢少\n锋", "a line break inside the span: offsets still line up"),
]


@pytest.mark.parametrize("text,start,at,reading,chosen,want,why", REPLACE, ids=[r[-1] for r in REPLACE])
def test_replace_puts_the_chosen_text_where_the_reading_is(text, start, at, reading, chosen, want, why):
    assert replace(text, start, target(at, reading, chosen)) == want


def export(url: str, tmp_path) -> list[dict]:
    out = tmp_path / "corrected.jsonl"
    engine = make_engine(url)
    summary = ExportSummary()
    write_jsonl(export_records(engine, summary), str(out))
    engine.dispose()
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def loaded(db_url, tmp_path):
    desk = Desk(tmp_path)
    assert load_paths(desk.write(), db_url).exit_code == 0
    engine = make_engine(db_url)
    store.open_database(engine)
    yield desk, engine
    engine.dispose()


def test_without_decisions_the_export_is_the_loaded_records(loaded, db_url, tmp_path):
    desk, _ = loaded
    got = export(db_url, tmp_path)
    assert got == [json.loads(s.model_dump_json()) for s in desk.stories.values()]


def test_every_field_of_a_story_survives_load_and_export_except_an_events_location_span(db_url, tmp_path):
    rec = full(StoryRecord)
    f = tmp_path / "full.jsonl"
    write_jsonl([rec], str(f))
    assert load_paths([str(f)], db_url).exit_code == 0
    store.open_database(make_engine(db_url))  # (decisions table)
    want = json.loads(rec.model_dump_json())
    for e in want["events"]:
        e["location_span"] = None  # the loader has no columns for it (yet)
    assert export(db_url, tmp_path) == [want]


def test_accepted_readings_are_applied_to_names_claims_and_dates_with_corrections(loaded, db_url, tmp_path):
    desk, engine = loaded
    store.decide(engine, "c_name", "accept", "甲", seen=0)
    store.decide(engine, "c_claim", "pick", "乙", seen=0, reading=1)  # 500亿元, the minority reading
    store.decide(engine, "c_hostile", "not_error", "甲", seen=0)
    got = {r["source"]["doc_id"]: r for r in export(db_url, tmp_path)}
    b, a = got["b.txt"], got["a.txt"]
    assert b["officials"][0]["name"] == "谢少锋" and b["officials"][0]["mentions"][0]["text"] == "谢少锋"
    assert a["claims"][0]["text"] == "500亿元" and Decimal(a["claims"][0]["value"]) == Decimal("50000000000")
    assert b["claims"][0]["value"] == "50000000000"  # already the chosen reading: untouched
    assert {(c["conflict_id"], c["path"], c["from"], c["to"], c["reviewer"], c["decision"]) for c in b["corrections"]} == {
        ("c_name", "officials[0].name", "谢少峰", "谢少锋", "甲", "accept"),
        ("c_name", "officials[0].text", "工业和信息化部科技司司长谢少峰", "工业和信息化部科技司司长谢少锋", "甲", "accept"),
        ("c_name", "officials[0].mentions[0].text", "谢少峰", "谢少锋", "甲", "accept")}
    assert {(c["path"], c["from"], c["to"]) for c in a["corrections"]} == {
        ("claims[0].text", "300亿元", "500亿元"), ("claims[0].value", "30000000000", "50000000000")}
    assert all(c["decided_at"] for c in a["corrections"] + b["corrections"])
    # the story text and offsets stay as extracted
    assert b["text"] == desk.stories["b"].text and b["officials"][0]["start"] == desk.stories["b"].officials[0].start


def test_undone_and_not_error_decisions_change_nothing(loaded, db_url, tmp_path):
    desk, engine = loaded
    store.decide(engine, "c_name", "accept", "甲", seen=0)
    store.decide(engine, "c_name", "undo", "甲", seen=1)
    store.decide(engine, "c_claim", "not_error", "甲", seen=0)
    assert all(r["corrections"] == [] for r in export(db_url, tmp_path))


def test_load_takes_the_corrected_records_and_a_second_export_adds_nothing(loaded, db_url, tmp_path):
    desk, engine = loaded
    store.decide(engine, "c_name", "accept", "甲", seen=0)
    out = tmp_path / "corrected.jsonl"
    assert main(["export", "--db", db_url, "-o", str(out)]) == 0
    assert main(["load", str(out), "--db", db_url]) == 0
    rows = query(db_url, "SELECT conflict_id, path, from_text, to_text, reviewer FROM corrections ORDER BY idx")
    assert rows == [("c_name", "officials[0].name", "谢少峰", "谢少锋", "甲"),
                    ("c_name", "officials[0].text", "工业和信息化部科技司司长谢少峰", "工业和信息化部科技司司长谢少锋", "甲"),
                    ("c_name", "officials[0].mentions[0].text", "谢少峰", "谢少锋", "甲")]
    again = export(db_url, tmp_path)
    first = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert again == first  # the decisions are already applied: nothing twice


def test_export_refuses_a_folder_as_output(loaded, db_url, tmp_path, capsys):
    assert main(["export", "--db", db_url, "-o", str(tmp_path)]) == 2
    assert "NF104" in capsys.readouterr().err
