"""Issue 9, the loader: F12 (text holding NUL), F15 (loads started at once on a fresh database), NF016
(a schema that cannot be created) and a SIGKILL during a re-load (a source's stories are replaced all
at once or not at all). Each runs on SQLite and on a throw-away PostgreSQL cluster (tests/pg.py).
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from extract.load import load_paths, make_engine
from extract.load import tables as T
from schemas import (Conflict, ErrorRecord, Group, MemberRef, Official, Organization, Paragraph, Position, Reading,
                     Sentence, SourceRef, StoryRecord)

from .conftest import ROOT
from .pg import counts, db_url, expected_counts, pg_cluster, query, snapshot  # noqa: F401 (fixtures)

FFFD = "\ufffd"


def write(path: Path, records: list) -> Path:
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    return path


def story(story_id: str, path: str, body: str, **kw) -> StoryRecord:
    """A story whose one paragraph and one sentence span the whole body."""
    kw.setdefault("paragraphs", [Paragraph(start=0, end=len(body), text=body)])
    kw.setdefault("sentences", [Sentence(start=0, end=len(body), text=body)])
    return StoryRecord(story_id=story_id, source=SourceRef(path=path, doc_id=Path(path).name),
                       start=0, end=len(body), text=body, **kw)


def official(name: str, start: int = 0, org: str = "某部") -> Official:
    return Official(start=start, end=start + len(name), text=name, rule="t", score=0.9, name=name,
                    positions=[Position(title="部长", org=org, start=start, end=start + len(name), text=name)])


# --------------------------------------------------------------------------- F12: NUL (U+0000)

def _reading(s: StoryRecord, t: str) -> Reading:
    return Reading(text=t, source=s.source, story_id=s.story_id, start=0, end=len(t), votes=1,
                   context_before="前\x00", context_after="")


_PLAIN = story("s_ref", "ref.txt", "参照")
st, se, of, po, og = T.stories.c, T.sentences.c, T.officials.c, T.positions.c, T.organizations.c
# (case, records, probes: (columns, the rows they must hold), why the case is hard)
NUL_CASES = [
    ("text_offsets", [story("s_t", "t.txt", "\x00开头\x00中间\x00")],
     [((st.text, func.length(st.text)), [(f"{FFFD}开头{FFFD}中间{FFFD}", 7)]),
      ((se.start, se.end, se.text), [(0, 7, f"{FFFD}开头{FFFD}中间{FFFD}")])],
     "NUL first, inside and last: one character for one, so every offset still slices the same text"),
    ("nested_rows_and_json", [story("s_n", "n.txt", "张\x00三任部长", headline="标\x00题", reporters=["记\x00者"],
                                    officials=[official("张\x00三", org="部\x00门")],
                                    organizations=[Organization(start=0, end=1, text="部", rule="t", score=0.9,
                                                                name="部\x00", canonical="部", aliases=["别\x00名"])])],
     [((st.headline, st.reporters), [(f"标{FFFD}题", [f"记{FFFD}者"])]),
      ((of.name, of.text), [(f"张{FFFD}三", f"张{FFFD}三")]),
      ((po.org,), [(f"部{FFFD}门",)]),
      ((og.name, og.aliases), [(f"部{FFFD}", [f"别{FFFD}名"])])],
     "NUL two levels down (official → position) and inside JSON list columns, which PostgreSQL stores as text"),
    ("source_path_is_part_of_the_key", [story("s_p", "in\x00put.txt", "正文")],
     [((st.story_key, st.source_path, st.doc_id),
       [(T.story_key("s_p", f"in{FFFD}put.txt"), f"in{FFFD}put.txt", f"in{FFFD}put.txt")])],
     "the story key hashes the source path: it must be computed from the stored (replaced) path"),
    ("escaped_backslash_is_not_nul", [story("s_e", "e.txt", "C:\\u0000 与 \\\\u0000")],
     [((st.text,), [("C:\\u0000 与 \\\\u0000",)])],
     "the raw line holds the bytes \\u0000 but the text holds a backslash, not NUL: nothing to replace"),
    ("group_conflict_error", [_PLAIN, Group(group_id="g\x00", members=[MemberRef(
        source=_PLAIN.source, story_id="s_ref", start=0, end=2, headline="头\x00")]),
        Conflict(conflict_id="c\x00", group_id="g\x00", field="text", kind="substitution", severity="low",
                 readings=[_reading(_PLAIN, "参\x00")], context="【参\x00】"),
        ErrorRecord(code="NF003", message="坏\x00字节", path="bad\x00.txt")],
     [((T.group_members.c.group_id, T.group_members.c.headline), [(f"g{FFFD}", f"头{FFFD}")]),
      ((T.conflicts.c.conflict_id, T.conflicts.c.group_id, T.conflicts.c.context),
       [(f"c{FFFD}", f"g{FFFD}", f"【参{FFFD}】")]),
      ((T.readings.c.text, T.readings.c.context_before), [(f"参{FFFD}", f"前{FFFD}")]),
      ((T.extract_errors.c.source_path, T.extract_errors.c.message), [(f"bad{FFFD}.txt", f"坏{FFFD}字节")])],
     "NUL in primary keys that other rows reference (group_id) and in every other record type"),
]


def select_rows(url: str, columns: tuple) -> list[tuple]:
    """The columns' rows, through their SQLAlchemy types (JSON columns come back as lists on both databases)."""
    engine = make_engine(url)
    with engine.connect() as conn:
        got = [tuple(r) for r in conn.execute(select(*columns))]
    engine.dispose()
    return got


@pytest.mark.parametrize("case,records,probes,why", NUL_CASES, ids=[c[0] for c in NUL_CASES])
def test_issue9_F12_nul_is_stored_as_fffd_and_the_record_loads(db_url, tmp_path, case, records, probes, why):
    f = write(tmp_path / f"{case}.jsonl", records)

    summary = load_paths([str(f)], db_url)

    assert (summary.failed, summary.exit_code) == (0, 0), query(db_url, "SELECT * FROM load_errors")
    for columns, want in probes:
        assert select_rows(db_url, columns) == want, [str(c) for c in columns]
    before = snapshot(db_url)
    assert load_paths([str(f)], db_url).exit_code == 0  # stable keys: a second load changes nothing
    assert snapshot(db_url) == before


def test_issue9_F12_sqlite_and_postgresql_store_the_same_rows(pg_cluster, tmp_path):
    """Both databases replace NUL, so a database moved from one to the other holds the same text."""
    f = write(tmp_path / "all.jsonl", [r for case in NUL_CASES for r in case[1]])
    sqlite_url, pg_url = f"sqlite:///{tmp_path / 'a.db'}", pg_cluster.url()
    assert load_paths([str(f)], sqlite_url).exit_code == 0
    assert load_paths([str(f)], pg_url).exit_code == 0
    got = snapshot(sqlite_url)
    assert got == snapshot(pg_url)
    assert not any("\x00" in repr(row) for rows in got.values() for row in rows)


# --------------------------------------------------------------------------- F15: loads at once

def _many_sources(tmp_path: Path, name: str, sources: int, per: int, tag: str) -> Path:
    recs = [story(f"s_{tag}_{i:03d}_{j}", f"src/{i:03d}.txt", f"第{j}条{tag}消息。",
                  officials=[official("张三")] if j % 2 else [])
            for i in range(sources) for j in range(per)]
    return write(tmp_path / name, recs)


def _load_when_all_ready(barrier, path: str, url: str, batch_rows: int, results) -> None:
    barrier.wait(timeout=60)
    try:
        s = load_paths([path], url, batch_rows=batch_rows)
        results.put((s.exit_code, s.line()))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the test
        results.put((99, f"{type(exc).__name__}: {str(exc)[:300]}"))


# (database, batch rows, trials, why)
AT_ONCE = [
    ("sqlite", 10_000, 6, "all CREATE TABLE at once on a file that does not exist yet (failed 4 of 9 trials)"),
    ("sqlite", 12, 2, "after the schema, the loads' many small transactions interleave and replace each other's "
                      "rows; SQLite's lock upgrade from a deferred BEGIN fails at once instead of waiting"),
    ("postgresql", 10_000, 3, "CREATE TABLE races on pg_type's unique index (failed 4 of 4 trials)"),
    ("postgresql", 12, 2, "inserts of one key from two transactions: the second waits, then violates the key"),
]


@pytest.mark.parametrize("kind,batch_rows,trials,why", AT_ONCE, ids=[f"{c[0]}-{c[1]}" for c in AT_ONCE])
def test_issue9_F15_loads_started_at_once_on_a_fresh_database_all_succeed(tmp_path, kind, batch_rows, trials, why):
    f = _many_sources(tmp_path, "at_once.jsonl", sources=8, per=5, tag="x")
    want = expected_counts(f)
    ctx = mp.get_context("fork")
    for trial in range(trials):
        if kind == "sqlite":
            url = f"sqlite:///{tmp_path / f'trial{trial}' / 'facts.db'}"
        else:
            try:
                from .pg import PgUnavailable, shared_cluster
                url = shared_cluster().url()
            except PgUnavailable as exc:
                pytest.skip(f"no PostgreSQL server: {exc}")
        n = 4
        barrier, results = ctx.Barrier(n), ctx.Queue()
        procs = [ctx.Process(target=_load_when_all_ready, args=(barrier, str(f), url, batch_rows, results))
                 for _ in range(n)]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert [code for code, _ in outcomes] == [0] * n, (trial, outcomes)
        assert counts(url) == want, trial  # as after one load: nothing doubled, nothing lost
        assert query(url, "SELECT * FROM load_errors") == []


# --------------------------------------------------------------------------- NF016

def _no_create_privilege(tmp_path: Path) -> str:
    """A PostgreSQL database the user may connect to but not create tables in."""
    from .pg import PgUnavailable, shared_cluster
    try:
        cluster = shared_cluster()
    except PgUnavailable as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")
    url = cluster.url()
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DO $$ BEGIN CREATE ROLE reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        conn.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    engine.dispose()
    return url.replace("postgres@", "reader@", 1)


def _not_a_database(tmp_path: Path) -> str:
    p = tmp_path / "garbage.db"
    p.write_bytes(b"this is not an SQLite database\n" * 200)
    return f"sqlite:///{p}"


# (case, make the URL, why)
NO_SCHEMA = [
    ("postgresql_without_create_privilege", _no_create_privilege,
     "connecting works; only CREATE TABLE is refused (PostgreSQL 15 revokes it from PUBLIC)"),
    ("sqlite_file_that_is_not_a_database", _not_a_database, "the file opens; the first statement fails"),
]


@pytest.mark.parametrize("case,make_url,why", NO_SCHEMA, ids=[c[0] for c in NO_SCHEMA])
def test_issue9_F15_a_schema_that_cannot_be_created_is_NF016_with_a_clean_exit(tmp_path, case, make_url, why):
    from extract.load import SchemaError

    url = make_url(tmp_path)
    f = write(tmp_path / "one.jsonl", [story("s_1", "a.txt", "正文")])
    with pytest.raises(SchemaError) as info:
        load_paths([str(f)], url)
    assert info.value.error.code == "NF016"
    assert str(info.value).startswith("NF016 database schema could not be created: ")

    r = subprocess.run([sys.executable, "-m", "extract", "load", str(f), "--db", url],
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode != 0 and "NF016" in r.stderr and "Traceback" not in r.stderr, r.stderr


# --------------------------------------------------------------------------- SIGKILL during a re-load

_LOAD = "import sys; from extract.load import load_paths; load_paths([sys.argv[1]], sys.argv[2], batch_rows=int(sys.argv[3]))"


def _stories_by_source(url: str) -> dict[str, tuple[frozenset[str], int]]:
    """source path → (its story ids, its sentence rows)."""
    rows = query(url, "SELECT s.source_path, s.story_id, COUNT(x.sentence_id) FROM stories s "
                      "LEFT JOIN sentences x ON x.story_key = s.story_key GROUP BY s.source_path, s.story_id")
    out: dict[str, tuple[set[str], int]] = {}
    for path, sid, n in rows:
        ids, total = out.get(path, (set(), 0))
        out[path] = (ids | {sid}, total + n)
    return {p: (frozenset(ids), n) for p, (ids, n) in out.items()}


def _kill_once_committed(url: str, run2: Path, batch_rows: int, at_least: int) -> int:
    """Start loading ``run2``, SIGKILL it once ``at_least`` of its stories are visible; its exit status."""
    proc = subprocess.Popen([sys.executable, "-c", _LOAD, str(run2), url, str(batch_rows)], cwd=ROOT,
                            stderr=subprocess.PIPE)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            while proc.poll() is None:
                n = conn.execute(text("SELECT COUNT(*) FROM stories WHERE story_id LIKE :p"), {"p": "s_new%"}).scalar_one()
                conn.rollback()
                if n >= at_least:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
    finally:
        engine.dispose()
        rc = proc.wait(timeout=60)
    return rc


# (kill once this many new stories are visible, why)
KILLS = [(1, "right after the first commit: most sources are still the old ones"),
         (150, "mid-run, with many sources already replaced")]


@pytest.mark.parametrize("at_least,why", KILLS, ids=[f"after{k[0]}" for k in KILLS])
def test_issue9_kill_9_during_a_reload_leaves_every_source_old_or_new_never_partial(db_url, tmp_path, at_least, why):
    sources, per_old, per_new = 80, 6, 7  # 7 stories of 4 rows: a source spans batches of 12 rows
    run1 = _many_sources(tmp_path, "run1.jsonl", sources, per_old, "old")
    run2 = _many_sources(tmp_path, "run2.jsonl", sources, per_new, "new")
    assert load_paths([str(run1)], db_url).exit_code == 0

    def complete(tag: str, per: int) -> dict[str, tuple[frozenset[str], int]]:  # one sentence a story
        return {f"src/{i:03d}.txt": (frozenset(f"s_{tag}_{i:03d}_{j}" for j in range(per)), per)
                for i in range(sources)}
    old, new = complete("old", per_old), complete("new", per_new)
    assert _stories_by_source(db_url) == old

    rc = _kill_once_committed(db_url, run2, 12, at_least)

    assert rc == -signal.SIGKILL, "the load finished before it was killed: make run2 bigger"
    got = _stories_by_source(db_url)
    assert set(got) == set(new)  # no source lost all of its stories
    partial = {p: sorted(ids) for p, (ids, n) in got.items() if (ids, n) not in (old[p], new[p])}
    assert partial == {}
    replaced = sum(got[p] == new[p] for p in got)
    assert 0 < replaced < sources  # killed mid-run, after some commits

    again = load_paths([str(run2)], db_url)  # running it again completes the replacement
    assert again.exit_code == 0
    assert _stories_by_source(db_url) == new
    assert counts(db_url) == expected_counts(run2)
