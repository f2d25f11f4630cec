"""The review desk's server (issue 13) through Starlette's TestClient, over a small synthetic desk:
three versions of one story (谢少锋 / 谢少峰, 300亿元 / 500亿元), a reading made of markup, and
enough filler conflicts for three pages."""
from __future__ import annotations

import re
import threading
from pathlib import Path
from urllib.parse import urlencode

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from extract.cli import main
from extract.load import load_paths, make_engine
from extract.output import write_jsonl
from extract.review.app import LOOPBACK_HOSTS, create_app
from extract.review.store import open_database
from schemas import Claim, Conflict, DateValue, Group, MemberRef, Mention, Official, Reading, SourceRef, StoryRecord

from .pg import db_url, pg_cluster, query  # noqa: F401 (fixtures)

HOSTILE = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>'
HOSTILE_NAME = '<img src=x onerror="alert(2)">'
BODY = "新华社北京12月25日电 工业和信息化部科技司司长{name}表示，今年投资{amount}亿元。12月25日召开会议。"
VERSIONS = {"a": ("谢少锋", "300"), "b": ("谢少峰", "500"), "c": ("谢少锋", "300")}
PAGE = 50
FILLERS = 117  # with the three real ones: 120 conflicts, pages of 50, 50 and 20


class Desk:
    """The records of the synthetic desk, kept in memory so that tests compute what to expect
    without the server's SQL."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.paths: dict[str, str] = {}
        self.stories: dict[str, StoryRecord] = {}
        for v, (name, amount) in VERSIONS.items():
            body = BODY.format(name=name, amount=amount)
            p = root / f"{v}.txt"
            p.write_text(body, encoding="utf-8")
            self.paths[v] = str(p)
            self.stories[v] = self._story(v, body, name, amount)
        self.conflicts = self._conflicts()
        self.groups = [Group(group_id=g, members=[self.member(v) for v in VERSIONS])
                       for g in sorted({c.group_id for c in self.conflicts})]

    def src(self, v: str) -> SourceRef:
        return SourceRef(path=self.paths[v], doc_id=f"{v}.txt")

    def member(self, v: str) -> MemberRef:
        s = self.stories[v]
        return MemberRef(source=s.source, story_id=s.story_id, start=s.start, end=s.end)

    def _story(self, v: str, body: str, name: str, amount: str) -> StoryRecord:
        o_start = body.index("工业和信息化部")
        n_start = body.index(name)
        c_text = f"{amount}亿元"
        c_start = body.index(c_text)
        d_start = body.index("12月25日召开")
        return StoryRecord(
            story_id=f"s_{v}", source=self.src(v), start=0, end=len(body), text=body,
            officials=[Official(name=name, start=o_start, end=n_start + 3, text=body[o_start:n_start + 3],
                                rule="title-name", score=0.9,
                                mentions=[Mention(start=n_start, end=n_start + 3, text=name)])],
            claims=[Claim(start=c_start, end=c_start + len(c_text), text=c_text, rule="arabic", score=0.9,
                          value=int(amount) * 10 ** 8, unit="元")],
            dates=[DateValue(start=d_start, end=d_start + 6, text="12月25日", rule="month-day", score=0.9,
                             value="2023-12-25", precision="day")])

    def reading(self, v: str, text: str, votes: int, value: str | None = None, at: str | None = None) -> Reading:
        s = self.stories[v]
        i = s.text.index(at or text) if (at or text) in s.text else 0
        return Reading(text=text, source=s.source, story_id=s.story_id, start=i, end=i + len(text), votes=votes,
                       value=value, context_before=s.text[max(0, i - 5):i], context_after=s.text[i + len(text):i + len(text) + 5])

    def _conflicts(self) -> list[Conflict]:
        r = self.reading
        out = [
            Conflict(conflict_id="c_name", group_id="g_main", field="official.name", kind="similar_glyph",
                     evidence=["similar_shape", "same_pinyin"], severity="high", consensus="谢少锋",
                     context="科技司司长【谢少锋】表示",
                     readings=[r("a", "谢少锋", 2), r("b", "谢少峰", 1), r("c", "谢少锋", 2)]),
            Conflict(conflict_id="c_claim", group_id="g_main", field="claim.value", kind="numeral", severity="high",
                     consensus="300亿元", context="今年投资【300亿元】",
                     readings=[r("a", "300亿元", 2, "30000000000"), r("b", "500亿元", 1, "50000000000"),
                               r("c", "300亿元", 2, "30000000000")]),
            Conflict(conflict_id="c_hostile", group_id="g_main", field="text", kind="substitution", severity="medium",
                     consensus=None, context=f"【{HOSTILE}】",
                     readings=[r("a", "表示", 1), r("b", HOSTILE, 1, at="表示"), r("c", "表示", 1)]),
        ]
        sev, fields = ("high", "medium", "low"), ("text", "punctuation", "claim.unit", "headline")
        kinds = ("substitution", "punctuation", "omission", "insertion")
        for i in range(FILLERS):
            vs = ("a", "b") if i % 3 else ("a", "c")
            out.append(Conflict(
                conflict_id=f"c_f{i:03d}", group_id=f"g_{i % 4}", field=fields[i % 4], kind=kinds[i % 4],
                severity=sev[i % 3], consensus=None, context="…",
                readings=[r(vs[0], "今年", 1), r(vs[1], "明年", 1, at="今年")]))
        return out

    def write(self) -> list[str]:
        files = {"facts": list(self.stories.values()), "conflicts": self.conflicts, "groups": self.groups}
        out = []
        for name, recs in files.items():
            f = self.root / f"{name}.jsonl"
            write_jsonl(recs, str(f))
            out.append(str(f))
        return out

    def expect(self, severity=None, field=None, kind=None, source=None) -> list[str]:
        """Conflict ids the filters keep, in queue order (severity, then group, then id)."""
        rank = {"high": 0, "medium": 1, "low": 2}
        keep = [c for c in self.conflicts
                if (severity is None or c.severity == severity) and (field is None or c.field == field)
                and (kind is None or c.kind == kind)
                and (source is None or any(x.source.path == source for x in c.readings))]
        return [c.conflict_id for c in sorted(keep, key=lambda c: (rank[c.severity], c.group_id, c.conflict_id))]


def build(tmp: Path, url: str) -> tuple[Desk, object]:
    desk = Desk(tmp)
    assert load_paths(desk.write(), url).exit_code == 0
    engine = make_engine(url)
    open_database(engine)
    return desk, create_app(url, engine=engine, page_size=PAGE)


@pytest.fixture()
def desk(tmp_path):
    return build(tmp_path, f"sqlite:///{tmp_path / 'facts.db'}") + (f"sqlite:///{tmp_path / 'facts.db'}",)


def reviewer(app, name: str) -> TestClient:
    c = TestClient(app)
    r = c.get("/queue")
    assert r.url.path == "/reviewer"  # the name is asked first
    r = c.post("/reviewer", data={"csrf": c.cookies["nf_csrf"], "name": name, "next": "/queue"})
    assert r.status_code == 200 and r.url.path == "/queue"
    return c


def page_state(c: TestClient, cid: str) -> tuple[str, str]:
    """(the csrf token, the decision id the page saw) of a conflict page."""
    r = c.get(f"/conflict/{cid}")
    assert r.status_code == 200
    seen = re.search(r'name="seen" value="(\d+)"', r.text).group(1)
    return c.cookies["nf_csrf"], seen


def decide(c: TestClient, cid: str, choice: str, *, seen: str | None = None, note: str = ""):
    token, page_seen = page_state(c, cid)
    return c.post(f"/conflict/{cid}/decide", data={"csrf": token, "choice": choice, "note": note,
                                                   "seen": page_seen if seen is None else seen})


def ids(page_html: str) -> list[str]:
    return re.findall(r'data-conflict="([^"]+)"', page_html)


def counts(page_html: str) -> tuple[int, int]:
    m = re.search(r'<b id="decided">(\d+)</b> decided / <b id="total">(\d+)</b>', page_html)
    return int(m.group(1)), int(m.group(2))


def decisions(url: str, cid: str) -> list[tuple]:
    return query(url, "SELECT decision, chosen, reviewer, seen_decision_id FROM decisions WHERE conflict_id = :c "
                      "ORDER BY decision_id", c=cid)


# --------------------------------------------------------------------------- the queue

FILTERS = [
    # the three severities interleave across groups: high must come first whatever the group ids say
    ({"severity": "high"}, "severity alone"),
    # a field with a dot in it, on real and filler conflicts
    ({"field": "official.name"}, "field"),
    ({"kind": "numeral"}, "kind"),
    # a source is a reading's path: a conflict qualifies through any one of its readings, not the first
    ({"source": "<b>"}, "source by path, resolved below"),
    # filters combine (AND), and the page counts only what they keep
    ({"severity": "low", "kind": "omission"}, "two filters"),
]


@pytest.mark.parametrize("params,why", FILTERS, ids=[w for _, w in FILTERS])
def test_queue_filters_keep_exactly_the_matching_conflicts_in_severity_then_group_order(desk, params, why):
    d, app, _ = desk
    c = reviewer(app, "甲")
    if params.get("source"):
        params = {"source": d.paths["c"]}  # only the c_f fillers with i % 3 == 0 and the three real ones
    want = d.expect(**params)
    got: list[str] = []
    for page in range(1, 4):
        r = c.get("/queue?" + urlencode({**params, "page": page}))
        assert r.status_code == 200
        got += ids(r.text)
        if len(ids(r.text)) < PAGE:
            break
    assert got == want and len(want) > 0
    assert counts(r.text) == (0, len(want))


def test_pages_hold_fifty_each_cover_the_queue_once_and_clamp(desk):
    d, app, _ = desk
    c = reviewer(app, "甲")
    pages = [ids(c.get(f"/queue?page={p}").text) for p in (1, 2, 3)]
    assert [len(p) for p in pages] == [50, 50, 20]
    assert sum(pages, []) == d.expect()
    assert ids(c.get("/queue?page=999").text) == pages[2]  # past the end: the last page
    assert ids(c.get("/queue?page=-1").text) == pages[0]  # not a page number: the first
    assert 'rel="next"' in c.get("/queue?page=1").text and 'rel="next"' not in c.get("/queue?page=3").text


def test_decided_and_undecided_filters_and_counts_follow_the_latest_decision(desk):
    d, app, url = desk
    c = reviewer(app, "甲")
    assert decide(c, "c_name", "accept").status_code == 200
    assert decide(c, "c_claim", "not_error").status_code == 200
    assert decide(c, "c_claim", "undo").status_code == 200  # back to undecided
    assert ids(c.get("/queue?status=decided").text) == ["c_name"]
    undecided = ids(c.get("/queue?status=undecided").text) + ids(c.get("/queue?status=undecided&page=2").text) \
        + ids(c.get("/queue?status=undecided&page=3").text)
    assert undecided == [i for i in d.expect() if i != "c_name"]
    assert counts(c.get("/queue").text) == (1, 120)
    assert counts(c.get("/queue?severity=high").text) == (1, d.expect(severity="high").__len__())


@pytest.mark.parametrize("query_string", ["severity=urgent", "field=<script>", "status=maybe", "kind=1"])
def test_a_bad_filter_is_refused_not_run(desk, query_string):
    _, app, _ = desk
    c = reviewer(app, "甲")
    r = c.get("/queue?" + query_string)
    assert r.status_code == 400 and "<script>" not in r.text


# --------------------------------------------------------------------------- a conflict

def test_conflict_page_shows_readings_votes_evidence_and_each_version_marked_in_its_source(desk):
    d, app, _ = desk
    c = reviewer(app, "甲")
    r = c.get("/conflict/c_name")
    assert r.status_code == 200
    assert "谢少<mark>峰</mark>" in r.text  # the differing character, against the consensus
    assert "same pinyin" in r.text and "similar shape" in r.text
    assert '<span class="consensus" id="consensus">谢少锋</span>' in r.text
    # each version's whole story, read from its source, the reading's raw span marked
    for v, (name, _) in VERSIONS.items():
        body = BODY.format(name=name, amount=VERSIONS[v][1])
        i = body.index(name)
        assert f'<div class="fulltext">{body[:i]}<mark class="region">{name}</mark>{body[i + 3:]}</div>' in r.text
    assert "cannot be read here" not in r.text


def test_a_source_gone_since_check_falls_back_to_the_loaded_text_and_says_so(desk):
    d, app, _ = desk
    Path(d.paths["b"]).write_text("完全不同的内容", encoding="utf-8")  # the file changed under the offsets
    c = reviewer(app, "甲")
    r = c.get("/conflict/c_name")
    assert r.text.count("cannot be read here") == 1
    assert '<mark class="region">谢少峰</mark>' in r.text  # found in the loaded story by its context


def test_markup_in_readings_context_reviewer_and_note_is_shown_as_text(desk):
    d, app, url = desk
    c = reviewer(app, HOSTILE_NAME)  # a hostile reviewer name (at most 64 characters), too
    r = decide(c, "c_hostile", "pick:1", note=HOSTILE)
    assert r.status_code == 200
    for page in (c.get("/conflict/c_hostile").text, c.get("/queue?severity=medium").text, r.text):
        assert "<script>document" not in page and "<img src=x" not in page
        assert str(escape(HOSTILE)) in page  # shown, as text
    assert "<img src=x" not in c.get("/queue").text and str(escape(HOSTILE_NAME)) in c.get("/queue").text
    assert decisions(url, "c_hostile") == [("pick", HOSTILE, HOSTILE_NAME, 0)]


def test_accepting_without_a_majority_is_refused(desk):
    _, app, url = desk
    c = reviewer(app, "甲")
    assert "disabled" in c.get("/conflict/c_hostile").text.split('value="accept"')[1].split(">")[0]
    r = decide(c, "c_hostile", "accept")
    assert r.status_code == 400 and decisions(url, "c_hostile") == []


# --------------------------------------------------------------------------- decisions and history

def test_history_is_appended_and_the_latest_decision_wins(desk):
    _, app, url = desk
    c = reviewer(app, "甲")
    decide(c, "c_name", "accept")
    decide(c, "c_name", "pick:1")  # changed their mind
    assert decisions(url, "c_name") == [("accept", "谢少锋", "甲", 0), ("pick", "谢少峰", "甲", 1)]
    page = c.get("/conflict/c_name").text
    assert 'id="current">Decided: picked reading 2 “谢少峰”' in page
    assert page.count("<tr class=\"accept") == 1 and page.count("<tr class=\"pick") == 1


def test_a_decision_moves_on_to_the_next_conflict_keeping_the_filters(desk):
    d, app, _ = desk
    c = reviewer(app, "甲")
    token, seen = page_state(c, "c_name")
    r = c.post("/conflict/c_name/decide?severity=high", data={"csrf": token, "choice": "accept", "seen": seen},
               follow_redirects=False)
    assert r.status_code == 303
    high = d.expect(severity="high")
    i = high.index("c_name")
    want = f"/conflict/{high[i + 1]}" if i + 1 < len(high) else "/queue"
    assert r.headers["location"].startswith(f"{want}?severity=high&done=")
    token, seen = page_state(c, "c_claim")  # c_claim sorts before c_name in their group
    r = c.post("/conflict/c_claim/decide?severity=high", data={"csrf": token, "choice": "accept", "seen": seen},
               follow_redirects=False)
    assert r.headers["location"].startswith(f"/conflict/c_name?severity=high&done=")


def test_undo_takes_a_decision_back_here_or_the_reviewers_last_one_from_the_next_page(desk):
    _, app, url = desk
    c = reviewer(app, "甲")
    decide(c, "c_name", "accept")
    r = decide(c, "c_claim", "undo")  # nothing decided on c_claim: takes back c_name, and goes there
    assert r.url.path == "/conflict/c_name"
    assert 'id="current">Undecided.' in r.text
    assert [x[0] for x in decisions(url, "c_name")] == ["accept", "undo"]
    assert decisions(url, "c_claim") == []
    r = decide(c, "c_claim", "undo")  # nothing left to take back
    assert r.status_code == 400


def test_two_reviewers_deciding_one_conflict_at_once_both_rows_are_kept_and_one_learns_it(db_url, tmp_path):
    """Both open the conflict before either decides (the form says they saw no decision), then
    post at the same moment from two threads: the write lock makes them take turns, both rows are
    kept, and exactly the second is told that the conflict was decided meanwhile."""
    _, app = build(tmp_path, db_url)
    clients = {"甲": reviewer(app, "甲"), "乙": reviewer(app, "乙")}
    states = {n: page_state(c, "c_name") for n, c in clients.items()}
    assert {s[1] for s in states.values()} == {"0"}
    barrier, results = threading.Barrier(2), {}

    def go(name: str, choice: str) -> None:
        token, seen = states[name]
        barrier.wait()
        results[name] = clients[name].post("/conflict/c_name/decide",
                                           data={"csrf": token, "choice": choice, "seen": seen})

    threads = [threading.Thread(target=go, args=("甲", "accept")), threading.Thread(target=go, args=("乙", "pick:1"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    rows = decisions(db_url, "c_name")
    assert sorted(r[2] for r in rows) == ["乙", "甲"] and [r[3] for r in rows] == [0, 0]
    told = [n for n, r in results.items() if "Decided meanwhile" in r.text]
    assert told == [rows[1][2]]  # the later one
    page = clients["甲"].get("/conflict/c_name").text
    assert page.count('<span class="warn">decided meanwhile</span>') == 1


# --------------------------------------------------------------------------- security

def csrf_cases():
    # (data, headers, why)
    return [
        ({"choice": "accept", "seen": "0"}, {}, "no token at all"),
        ({"choice": "accept", "seen": "0", "csrf": "x" * 43}, {}, "a token of the right shape, not this browser's"),
        ({"choice": "accept", "seen": "0", "csrf": ""}, {}, "an empty token (compare_digest of two empties is True)"),
        (None, {"origin": "http://evil.example"}, "the right token from another origin"),
    ]


@pytest.mark.parametrize("data,headers,why", csrf_cases(), ids=[w for *_, w in csrf_cases()])
def test_a_post_without_this_browsers_csrf_token_is_refused_and_writes_nothing(desk, data, headers, why):
    _, app, url = desk
    c = reviewer(app, "甲")
    token, _ = page_state(c, "c_name")
    r = c.post("/conflict/c_name/decide", data=data or {"csrf": token, "choice": "accept", "seen": "0"},
               headers=headers)
    assert r.status_code == 403
    assert decisions(url, "c_name") == []


def test_a_cookie_without_a_token_is_refused_too(desk):
    _, app, url = desk
    c = TestClient(app)  # never visited: no csrf cookie
    r = c.post("/conflict/c_name/decide", data={"csrf": "", "choice": "accept"})
    assert r.status_code == 403 and decisions(url, "c_name") == []
    r = c.post("/reviewer", data={"csrf": "", "name": "x"})
    assert r.status_code == 403 and "nf_reviewer" not in c.cookies


@pytest.mark.parametrize("target,lands", [
    ("/conflict/c_name", "/conflict/c_name"),
    ("//evil.example/x", "/queue"),  # scheme-relative: another host
    ("https://evil.example/", "/queue"),
    ("/\\evil.example", "/queue"),  # some browsers read a backslash as a slash
])
def test_the_reviewer_form_goes_back_only_to_this_server(desk, target, lands):
    _, app, _ = desk
    c = TestClient(app)
    c.get("/reviewer")
    r = c.post("/reviewer", data={"csrf": c.cookies["nf_csrf"], "name": "甲", "next": target}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == lands


def test_the_name_is_asked_once_and_kept_in_a_cookie(desk):
    _, app, _ = desk
    c = reviewer(app, "王 五")
    assert c.get("/queue").url.path == "/queue"
    assert c.get("/conflict/c_name").url.path == "/conflict/c_name"
    assert "reviewer: <b>王 五</b>" in c.get("/queue").text


def test_pages_carry_a_strict_content_security_policy_and_cookies_are_strict(desk):
    _, app, _ = desk
    c = TestClient(app)
    r = c.get("/reviewer")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "samesite=strict" in r.headers["set-cookie"].lower() and "httponly" in r.headers["set-cookie"].lower()


def test_bound_to_loopback_a_request_for_another_host_name_is_refused(tmp_path):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not reach the desk."""
    build(tmp_path, f"sqlite:///{tmp_path / 'facts.db'}")
    app = create_app(f"sqlite:///{tmp_path / 'facts.db'}", allowed_hosts=LOOPBACK_HOSTS)
    assert TestClient(app, base_url="http://evil.example").get("/reviewer").status_code == 400
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/reviewer").status_code == 200


# --------------------------------------------------------------------------- the command line

def test_review_and_export_refuse_a_database_without_conflicts_NF109(tmp_path, capsys):
    stories_only = tmp_path / "stories.db"
    engine = make_engine(f"sqlite:///{stories_only}")
    from sqlalchemy import text
    with engine.begin() as conn:  # a database with some other table only
        conn.execute(text("CREATE TABLE other (x INTEGER)"))
    engine.dispose()
    missing = tmp_path / "nowhere" / "facts.db"
    for argv in (["review", "--db", f"sqlite:///{stories_only}"], ["export", "--db", f"sqlite:///{missing}"]):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("newsfacts: NF109 --db sqlite:///") and "no conflicts table" in err
    assert not missing.parent.exists()  # nothing created
    assert query(f"sqlite:///{stories_only}", "SELECT name FROM sqlite_master WHERE type='table'") == [("other",)]


def test_review_binds_loopback_unless_told(monkeypatch):
    from extract.cli import parser

    assert parser().parse_args(["review"]).host == "127.0.0.1"
    assert parser().parse_args(["review", "--host", "0.0.0.0"]).host == "0.0.0.0"
