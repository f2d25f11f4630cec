"""`newsfacts load`: JSONL → SQLite and a real PostgreSQL server (a throw-away cluster, tests/pg.py)."""
from __future__ import annotations

import json
import re
import types
import typing
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event
from pydantic import BaseModel
from sqlalchemy.engine import Engine

from extract.crosscheck import check_records
from extract.load import load_paths, make_engine, normalize_url
from extract.load.rows import conflict_rows, error_record_rows, group_rows, story_rows
from extract.output import write_jsonl
from schemas import Conflict, ErrorRecord, Group, MemberRef, Official, Reading, SourceRef, StoryRecord

from .conftest import ROOT
from .pg import counts, db_url, expected_counts, pg_cluster, query, snapshot  # noqa: F401 (fixtures)

DOCS = ROOT / "docs" / "records.md"


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def seed_files(seed_records, tmp_path_factory) -> dict[str, Path]:
    """The seeds as the commands write them: stories (with facts), groups, conflicts."""
    d = tmp_path_factory.mktemp("seedjsonl")
    stories = [r for r in seed_records if r.record_type == "story"]
    raws = {p: Path(p).read_text(encoding="utf-8") for p in {r.source.path for r in stories}}
    groups, conflicts = check_records(stories, raws)
    files = {"facts": d / "facts.jsonl", "groups": d / "groups.jsonl", "conflicts": d / "conflicts.jsonl"}
    write_jsonl(seed_records, str(files["facts"]))
    write_jsonl(groups, str(files["groups"]))
    write_jsonl(conflicts, str(files["conflicts"]))
    return files


def story(story_id: str, path: str, body: str, **kw) -> StoryRecord:
    return StoryRecord(story_id=story_id, source=SourceRef(path=path, doc_id=Path(path).name),
                       start=0, end=len(body), text=body, **kw)


# --------------------------------------------------------------------------- the seeds

def test_seed_facts_load_with_one_row_per_record_and_fact_and_a_second_load_changes_nothing(db_url, seed_files):
    files = [seed_files["facts"], seed_files["conflicts"], seed_files["groups"]]  # conflicts before their groups
    want = expected_counts(*files)
    assert want["stories"] >= 20 and want["officials"] > 30 and want["claims"] > 50 and want["conflicts"] > 0

    first = load_paths([str(f) for f in files], db_url, batch_rows=200)
    assert (first.failed, first.exit_code) == (0, 0)
    assert first.batches > 3  # 200-row transactions, not one
    assert counts(db_url) == want
    before = snapshot(db_url)
    assert all(r[2] is not None for r in before["groups"])  # stubs made for the conflicts were filled in

    again = load_paths([str(f) for f in files], db_url)
    assert again.exit_code == 0
    assert counts(db_url) == want
    assert snapshot(db_url) == before


def test_decimal_values_stay_exact(db_url, seed_files):
    load_paths([str(seed_files["facts"])], db_url)
    want = sorted(str(c["value"]) for line in seed_files["facts"].read_text(encoding="utf-8").splitlines()
                  for c in json.loads(line).get("claims", []) if c["value"] is not None)
    assert sorted(r[0] for r in query(db_url, "SELECT value FROM claims WHERE value IS NOT NULL")) == want


def test_a_newer_run_replaces_the_stories_of_its_inputs_and_nothing_else(db_url, seed_files):
    load_paths([str(seed_files["facts"])], db_url)
    stories = [StoryRecord.model_validate_json(line)
               for line in seed_files["facts"].read_text(encoding="utf-8").splitlines()]
    paths = sorted({s.source.path for s in stories})
    redone, kept = paths[0], paths[1:]
    old = [s for s in stories if s.source.path == redone]
    assert len(old) > 1
    # The newer run splits the input differently: one story, with a new id and one official.
    newer = old[0].model_copy(update={"story_id": "s_newer", "officials": old[0].officials[:1]})
    run2 = seed_files["facts"].parent / "run2.jsonl"
    write_jsonl([newer], str(run2))

    summary = load_paths([str(run2)], db_url)

    assert summary.exit_code == 0
    got = query(db_url, "SELECT source_path, story_id FROM stories ORDER BY source_path, story_id")
    want = sorted([(s.source.path, s.story_id) for s in stories if s.source.path in kept] + [(redone, "s_newer")])
    assert got == want
    officials = query(db_url, "SELECT s.source_path, COUNT(*) FROM officials o JOIN stories s "
                              "ON s.story_key = o.story_key GROUP BY s.source_path ORDER BY s.source_path")
    by_path = dict(officials)
    assert by_path.get(redone, 0) == len(newer.officials)
    for p in kept:
        assert by_path.get(p, 0) == sum(len(s.officials) for s in stories if s.source.path == p)
    # no orphans left behind by the replaced stories
    assert counts(db_url)["sentences"] == sum(len(s.sentences) for s in stories if s.source.path in kept) \
        + len(newer.sentences)


# --------------------------------------------------------------------------- bad input

def test_bad_lines_become_load_errors_and_the_rest_loads(db_url, tmp_path):
    good1 = story("s_good1", "a.txt", "第一条。").model_dump_json()
    good2 = story("s_good2", "b.txt", "第二条。").model_dump_json()
    no_text = json.loads(story("s_bad", "c.txt", "x").model_dump_json())
    del no_text["text"]
    nul = story("s_nul", "d.txt", "含\x00空字符").model_dump_json()  # loads (issue 9 F12), NUL as U+FFFD
    lines = [good1, '{"record_type": "story", "story_id": ', "[1, 2]", json.dumps(no_text),
             '{"record_type": "bogus"}', "", good2, nul, '{"no_type": 1}']
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")

    summary = load_paths([str(f)], db_url, batch_rows=2)

    assert (summary.failed, summary.stories, summary.exit_code) == (5, 3, 1)
    assert query(db_url, "SELECT story_id, text FROM stories ORDER BY story_id") == [
        ("s_good1", "第一条。"), ("s_good2", "第二条。"), ("s_nul", "含\ufffd空字符")]
    errors = query(db_url, "SELECT file, line, code, message FROM load_errors ORDER BY line")
    assert [(e[0], e[1], e[2]) for e in errors] == [
        (str(f), 2, "NF005"), (str(f), 3, "NF005"), (str(f), 4, "NF010"), (str(f), 5, "NF011"),
        (str(f), 9, "NF011")]
    assert errors[0][3].startswith("malformed JSONL line:")
    assert "text" in errors[2][3]

    load_paths([str(f)], db_url)  # again: the same error rows, not twice as many
    assert len(query(db_url, "SELECT * FROM load_errors")) == 5
    f.write_text(good1 + "\n", encoding="utf-8")  # fixed: its errors are gone
    assert load_paths([str(f)], db_url).exit_code == 0
    assert query(db_url, "SELECT * FROM load_errors") == []


def test_a_record_the_database_refuses_loses_only_itself(db_url, tmp_path):
    huge = story("s_huge", "h.txt", "x").model_copy(update={"start": 2 ** 63})  # valid JSON, too big to store
    f = tmp_path / "huge.jsonl"
    write_jsonl([story("s_1", "a.txt", "甲"), huge, story("s_3", "c.txt", "丙")], str(f))

    summary = load_paths([str(f)], db_url)

    assert (summary.stories, summary.failed, summary.exit_code) == (2, 1, 1)
    assert query(db_url, "SELECT story_id FROM stories ORDER BY story_id") == [("s_1",), ("s_3",)]
    [(line, code, message)] = query(db_url, "SELECT line, code, message FROM load_errors")
    assert (line, code) == (2, "NF010") and "database refused" in message


def test_a_missing_file_is_reported_and_the_others_load(db_url, tmp_path, seed_files):
    missing = str(tmp_path / "nope.jsonl")
    summary = load_paths([missing, str(seed_files["groups"])], db_url)
    assert summary.exit_code == 1 and summary.groups == expected_counts(seed_files["groups"])["groups"]
    assert query(db_url, "SELECT file, line, code FROM load_errors") == [(missing, 0, "NF007")]


HOSTILE = ["'); DROP TABLE stories;--", 'Robert"); DROP TABLE officials; --', "\\'; DELETE FROM claims; \\",
           "%s %(x)s :name ? $1", "文本'||'注入"]


def test_hostile_text_round_trips_as_data(db_url, tmp_path):
    recs = [story(f"s_h{i}", f"evil{i}.txt", body, headline=body,
                  officials=[Official(start=0, end=1, text=body, rule=body, score=1.0, name=body)])
            for i, body in enumerate(HOSTILE)]
    f = tmp_path / "hostile.jsonl"
    write_jsonl(recs, str(f))
    assert load_paths([str(f)], db_url).exit_code == 0
    got = query(db_url, "SELECT s.story_id, s.text, s.headline, o.name FROM stories s "
                        "JOIN officials o ON o.story_key = s.story_key ORDER BY s.story_id")
    assert got == [(f"s_h{i}", b, b, b) for i, b in enumerate(HOSTILE)]
    assert counts(db_url)["claims"] == 0  # the tables are all still there
    hits = query(db_url, "SELECT story_id FROM stories WHERE text = :t", t=HOSTILE[0])
    assert hits == [("s_h0",)]


# --------------------------------------------------------------------------- streaming

# (source path of story i, transactions, why). Issue 9: a transaction never splits a source's replacement.
STREAMS = [
    (lambda i: f"in/{i // 30}.txt", 17, "sources of 30 stories: after a full batch of 100 (line 100, 220, ...) "
                                        "the transaction commits where the source it stopped in ends (120, 240, ...)"),
    (lambda i: f"in/{i % 7}.txt", 1, "every source runs to the end of the file: one transaction, still written "
                                     "100 rows at a time"),
]


@pytest.mark.parametrize("source,transactions,why", STREAMS, ids=["contiguous", "interleaved"])
def test_loading_streams_in_bounded_batches(tmp_path, source, transactions, why):
    body = "正文。" * 3
    recs = [story(f"s_{i:05d}", source(i), body) for i in range(2000)]
    f = tmp_path / "many.jsonl"
    write_jsonl(recs, str(f))
    url = f"sqlite:///{tmp_path / 'many.db'}"
    inserts: list[int] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO stories"):
            inserts.append(len(parameters) if executemany else 1)
    event.listen(Engine, "before_cursor_execute", listener)
    try:
        summary = load_paths([str(f)], url, batch_rows=100)
    finally:
        event.remove(Engine, "before_cursor_execute", listener)
    assert summary.stories == 2000 and counts(url)["stories"] == 2000
    assert sum(inserts) == 2000 and max(inserts) <= 100  # never more than a batch in memory
    assert summary.transactions == transactions


# --------------------------------------------------------------------------- the documented queries

def doc_queries() -> dict[str, str]:
    """The ```sql blocks of docs/records.md that start with ``-- query: NAME``."""
    blocks = re.findall(r"```sql\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    return {m.group(1): b for b in blocks if (m := re.match(r"-- query: (\w+)", b))}


def test_documented_queries_answer_on_a_small_known_database(db_url, tmp_path):
    def off(name: str) -> Official:
        return Official(start=0, end=len(name), text=name, rule="t", score=0.9, name=name)

    a = story("s_a", "x/a.txt", "张三李四", headline="甲", officials=[off("张三"), off("李四")])
    b = story("s_b", "x/b.txt", "张三王五", headline="乙", officials=[off("张三"), off("王五")])
    c = story("s_c", "x/c.txt", "张三", headline="丙", officials=[off("张三"),
                                                                  off("李四").model_copy(update={"is_reporter": True})])
    d = story("s_d", "x/d.txt", "李四", officials=[off("李四")])

    def reading(s: StoryRecord, t: str, votes: int) -> Reading:
        return Reading(text=t, source=s.source, story_id=s.story_id, start=0, end=len(t), votes=votes,
                       context_before="", context_after="")

    group = Group(group_id="g_1", members=[MemberRef(source=s.source, story_id=s.story_id, start=0, end=2)
                                           for s in (a, b)])
    high = Conflict(conflict_id="c_high", group_id="g_1", field="official.name", kind="homophone",
                    severity="high", readings=[reading(a, "张三", 1), reading(b, "章三", 1)], context="【张三】")
    low = Conflict(conflict_id="c_low", group_id="g_1", field="punctuation", kind="punctuation",
                   severity="low", readings=[reading(a, "，", 1), reading(b, "。", 1)], context="【，】")
    f = tmp_path / "known.jsonl"
    write_jsonl([a, b, c, d, group, high, low], str(f))
    assert load_paths([str(f)], db_url).exit_code == 0
    queries = doc_queries()

    # 张三 in three stories, 李四 in a and d (in c only as a reporter), 王五 in one.
    assert query(db_url, queries["officials_in_several_stories"]) == [("张三", 3), ("李四", 2)]
    rows = query(db_url, queries["high_severity_conflicts"])
    assert [(r[0], r[1], r[4], r[5], r[10]) for r in rows] == [
        ("c_high", "official.name", 0, "张三", "甲"), ("c_high", "official.name", 1, "章三", "乙")]


# --------------------------------------------------------------------------- schema drift

def full(tp):
    """An instance of ``tp`` with every field filled (lists of one), so a field added to a record
    later is filled here too."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        return args[0]
    if origin in (typing.Union, types.UnionType):
        return full(next(a for a in args if a is not type(None)))
    if origin is list:
        return [full(args[0])]
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp(**{name: full(f.annotation) for name, f in tp.model_fields.items()})
    return {str: "x", int: 1, float: 0.5, bool: True, Decimal: Decimal("1.5")}[tp]


ROWS = [(StoryRecord, story_rows), (Group, group_rows), (Conflict, conflict_rows), (ErrorRecord, error_record_rows)]


@pytest.mark.parametrize("model,make", ROWS, ids=[m.__name__ for m, _ in ROWS])
def test_every_field_of_every_record_has_a_column(model, make):
    """An executemany INSERT drops a key the table has no column for without a word (it did: Reading.value,
    SourceRef.line and ErrorRecord's doc_id, story_id and extractor were lost)."""
    for table, rows in make(full(model), "f.jsonl").items():
        for row in rows:
            assert set(row) <= set(table.c.keys()), table.name


ADDED = [("stories", "source_line"), ("group_members", "source_line"), ("readings", "source_line"),
         ("readings", "value"), ("extract_errors", "doc_id"), ("extract_errors", "story_id"),
         ("extract_errors", "extractor")]


def test_a_database_made_before_columns_were_added_gets_them(db_url, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    load_paths([str(empty)], db_url)
    engine = make_engine(db_url)
    with engine.begin() as conn:  # the layout an older version made
        for table, column in ADDED:
            conn.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
    engine.dispose()
    f = tmp_path / "full.jsonl"
    write_jsonl([full(StoryRecord), full(Group), full(Conflict), full(ErrorRecord)], str(f))

    assert load_paths([str(f)], db_url).exit_code == 0

    got = {f"{t}.{c}": query(db_url, f"SELECT {c} FROM {t}") for t, c in ADDED}
    assert got == {"stories.source_line": [(1,)], "group_members.source_line": [(1,)],
                   "readings.source_line": [(1,)], "readings.value": [("x",)], "extract_errors.doc_id": [("x",)],
                   "extract_errors.story_id": [("x",)], "extract_errors.extractor": [("x",)]}


# --------------------------------------------------------------------------- URLs

def test_postgresql_urls_use_psycopg_3():
    assert normalize_url("postgresql://u:p@h:5433/db") == "postgresql+psycopg://u:p@h:5433/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:///out/facts.db") == "sqlite:///out/facts.db"
    assert create_engine(normalize_url("postgresql://u@h/db")).dialect.driver == "psycopg"
