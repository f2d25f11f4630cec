"""The review desk end to end (issue 13): the seeds' extract, check and load output, the server on a
free port, and Debian's chromium driven by Playwright for Python, keyboard only.

Playwright's own browser download cannot be reached here, so Debian's chromium is launched through
``executable_path`` (found as tests/test_report.py finds it; ``make test`` installs it). The queue and
the conflict page are saved as screenshots: ``out/screenshots/review-queue.png`` and
``out/screenshots/review-conflict.png``.
"""
from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from extract.crosscheck import check_records
from extract.load import load_paths, make_engine
from extract.output import write_jsonl
from extract.review.app import LOOPBACK_HOSTS, create_app
from extract.review.store import open_database

from .conftest import ROOT
from .pg import free_port

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no chromium: run scripts/ensure_chromium.sh (make test does)")
SHOTS = ROOT / "out" / "screenshots"


@pytest.fixture(scope="module")
def seed_db(seed_records, tmp_path_factory) -> str:
    """What `make run` makes, in a temporary folder: facts, conflicts and groups loaded into SQLite."""
    d = tmp_path_factory.mktemp("desk")
    stories = [r for r in seed_records if r.record_type == "story"]
    raws = {p: Path(p).read_text(encoding="utf-8") for p in {r.source.path for r in stories}}
    groups, conflicts = check_records(stories, raws)
    files = [d / "facts.jsonl", d / "conflicts.jsonl", d / "groups.jsonl"]
    for f, recs in zip(files, (seed_records, conflicts, groups)):
        write_jsonl(recs, str(f))
    url = f"sqlite:///{d / 'facts.db'}"
    assert load_paths([str(f) for f in files], url).exit_code == 0
    return url


@pytest.fixture(scope="module")
def server(seed_db):
    import uvicorn

    engine = make_engine(seed_db)
    open_database(engine)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(seed_db, engine=engine, allowed_hosts=LOOPBACK_HOSTS),
                                        host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)
    engine.dispose()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=BROWSER, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


def test_a_reviewer_decides_the_name_conflict_with_the_keyboard_and_export_carries_it(server, browser, seed_db,
                                                                                       tmp_path):
    from extract.cli import main

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server + "/queue")
    # The name is asked once: typed, Enter.
    page.wait_for_selector("#name")
    page.keyboard.type("审校员甲")
    page.keyboard.press("Enter")
    page.wait_for_url("**/queue")
    first = page.locator("tr.row").first
    assert "谢少" in first.inner_text() and first.get_attribute("data-conflict")
    cid = first.get_attribute("data-conflict")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "review-queue.png"), full_page=True)

    page.keyboard.press("j")  # select the first (most severe) conflict
    assert page.locator("tr.row.sel").get_attribute("data-conflict") == cid
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/conflict/{cid}")
    assert page.locator("mark", has_text="峰").count() >= 1  # the differing character
    assert page.locator("mark.region").count() == 3  # each version's story, the region marked
    assert page.locator("#consensus").inner_text() == "谢少锋"
    page.screenshot(path=str(SHOTS / "review-conflict.png"), full_page=True)

    page.keyboard.press("a")  # accept the consensus: on to the next conflict
    page.wait_for_url("**/conflict/**done=*")
    assert cid in page.locator("#done").inner_text()
    page.keyboard.press("k")  # back to it
    page.wait_for_url(f"**/conflict/{cid}*")
    assert page.locator("#current").inner_text().startswith("Decided: accepted consensus “谢少锋” by 审校员甲")

    page.goto(server + "/queue")
    page.reload()
    row = page.locator(f'tr.row[data-conflict="{cid}"]')
    assert "decided" in row.get_attribute("class") and "审校员甲" in row.inner_text()
    assert page.locator("#decided").inner_text() == "1"

    out = tmp_path / "corrected.jsonl"
    assert main(["export", "--db", seed_db, "-o", str(out)]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    ours = [r for r in recs if r["source"]["doc_id"].startswith("001_")]
    names = [o["name"] for r in ours for o in r["officials"]]
    assert "谢少锋" in names and "谢少峰" not in names
    fixed = [c for r in ours for c in r["corrections"] if c["conflict_id"] == cid]
    assert {(c["from"], c["to"], c["reviewer"]) for c in fixed if c["path"].endswith(".name")} == {
        ("谢少峰", "谢少锋", "审校员甲")}
    page.close()


def test_undo_and_pick_by_keyboard(server, browser, seed_db):
    """u takes the last decision back, a digit picks that reading; the history keeps all three."""
    page = browser.new_page()
    page.goto(server + "/queue?field=text")
    page.wait_for_selector("#name")
    page.keyboard.type("审校员乙")
    page.keyboard.press("Enter")
    page.wait_for_url("**/queue?field=text")
    cid = page.locator("tr.row").first.get_attribute("data-conflict")
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/conflict/{cid}*")
    with page.expect_navigation():
        page.keyboard.press("x")
    assert cid not in page.url
    with page.expect_navigation():
        page.keyboard.press("u")  # from the next page: takes back the decision just made, and goes there
    assert f"/conflict/{cid}" in page.url
    assert page.locator("#current").inner_text() == "Undecided."
    with page.expect_navigation():
        page.keyboard.press("2")
    page.goto(server + f"/conflict/{cid}")
    assert page.locator("#current").inner_text().startswith("Decided: picked reading 2")
    assert page.locator("#history tbody tr").count() == 3
    page.close()
