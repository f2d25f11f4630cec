"""Reading inputs: encodings, bad input, JSONL (issue 2)."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from extract.errors import NewsfactsError
from extract.inputs import RawDoc, decode_bytes, iter_inputs

TEXT = "新华社北京12月25日电 工业和信息化部科技司司长谢少锋表示，将大力推进产业科技创新。"

ENCODINGS = [
    # (bytes, why it is hard)
    (TEXT.encode("utf-8"), "plain UTF-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with a BOM that must not reach the text"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16 LE: every other byte is NUL, yet it is text"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16 BE"),
    (TEXT.encode("gbk"), "GBK, as Chinese archives store it; invalid as UTF-8"),
    (TEXT.encode("gb18030"), "GB18030, the superset of GBK"),
]


@pytest.mark.parametrize("data,why", ENCODINGS, ids=[e[1] for e in ENCODINGS])
def test_decode(data: bytes, why: str) -> None:
    text, _ = decode_bytes(data, "x.txt")
    assert text == TEXT


BAD = [
    (b"", "NF004", "an empty file"),
    (b"   \n\n  ", "NF004", "a file of whitespace"),
    (bytes(range(256)) * 8, "NF002", "binary junk with NUL bytes"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100, "NF002", "control bytes, no NUL"),
]


@pytest.mark.parametrize("data,code,why", BAD, ids=[b[2] for b in BAD])
def test_bad_files_become_error_records(tmp_path: Path, data: bytes, code: str, why: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    items = list(iter_inputs([str(p)]))
    assert len(items) == 1 and isinstance(items[0], NewsfactsError)
    rec = items[0].record()
    assert rec.code == code and rec.path == str(p)


def test_folder_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_bytes(TEXT.encode("gbk"))
    (tmp_path / "empty.txt").write_bytes(b"")
    items = list(iter_inputs([str(tmp_path)]))
    docs = [i for i in items if isinstance(i, RawDoc)]
    errs = [i for i in items if isinstance(i, NewsfactsError)]
    assert sorted(d.doc_id for d in docs) == ["a.txt", "b.md"]
    assert sorted(e.code for e in errs) == ["NF002", "NF004"]
    assert {d.text for d in docs} == {TEXT}


def test_jsonl_lines(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        '{"id": "a", "text": "第一条", "published": "2024-04-26", "source": "web/a.html"}\n'
        '{"id": "b", "text": \n'  # malformed
        '\n'
        '{"id": "c"}\n'  # no text
        '{"id": "d", "text": "第四条"}\n', encoding="utf-8")
    items = list(iter_inputs([str(p)]))
    assert [type(i).__name__ for i in items] == ["RawDoc", "NewsfactsError", "NewsfactsError", "RawDoc"]
    assert items[0].published == "2024-04-26" and items[0].path == "web/a.html"
    assert (items[1].code, items[1].line) == ("NF005", 2)
    assert (items[2].code, items[2].line) == ("NF006", 4)
    assert items[3].doc_id == "d"


def test_missing_path() -> None:
    (item,) = list(iter_inputs(["/nonexistent/newsfacts/x.txt"]))
    assert isinstance(item, NewsfactsError) and item.code == "NF007"
