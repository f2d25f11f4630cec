"""Issue 9: inputs, command line and output (F6-F11, F13, F16, F18).

Every regression test names its F-number. Run as a module to rebuild the common-character table:
``.venv/bin/python -m tests.test_issue9_inputs`` (needs ../shared/corpora).
"""
from __future__ import annotations

import codecs
import errno
import os
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path

import orjson
import pytest

from extract import inputs
from extract.errors import USAGE, NewsfactsError
from extract.inputs import RawDoc, decode_bytes, display_path, iter_inputs, plausibility
from extract.output import atomic_writer, write_jsonl, write_text

from .conftest import ROOT, SEEDS, SHARED

# --------------------------------------------------------------------------- the common-character table (F9)

TABLE = ROOT / "extract" / "data" / "common_chars.txt"
CORPORA = ["cws/pku_test_gold.utf8", "cws/msr_test_gold.utf8", "ctb6/ctb6.dev.seg", "ctb6/ctb6.test.seg"]
HEADER = """\
# common_chars.txt: characters of everyday Chinese news text, one a line: character TAB count,
# most frequent first. Every non-ASCII, non-space character of the SIGHAN 2005 PKU and MSR test gold
# (yuikns/icwb2-data gold/{pku,msr}_test_gold.utf8) and the CTB6 dev/test segmentation
# (hankcs/multi-criteria-cws data/other/ctb/ctb6.{dev,test}.seg), via ../shared/corpora; research use.
# Used by extract/inputs.py to judge whether a GB18030 or Big5 reading is Chinese (issue 9 F9).
# Rebuild: .venv/bin/python -m tests.test_issue9_inputs
"""


def build_table(corpora: Path) -> str:
    counts: Counter[str] = Counter()
    for rel in CORPORA:
        text = (corpora / rel).read_text(encoding="utf-8")
        counts.update(ch for ch in text if not ch.isascii() and not ch.isspace())
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return HEADER + "".join(f"{ch}\t{n}\n" for ch, n in rows)


def test_common_char_table_is_rebuilt_from_its_sources() -> None:
    """Issue 9 F9: the shipped table is exactly what its recipe makes from the named corpora."""
    corpora = SHARED / "corpora"
    if not all((corpora / rel).is_file() for rel in CORPORA):
        pytest.skip("../shared/corpora not present")
    assert TABLE.read_text(encoding="utf-8") == build_table(corpora)


def test_common_char_table_integrity() -> None:
    """Issue 9 F9: one non-ASCII character a line with a count, no duplicates, frequent first, sourced."""
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    chars = [r[0] for r in rows]
    counts = [int(r[1]) for r in rows]
    assert all(len(r) == 2 and len(r[0]) == 1 and not r[0].isascii() and not r[0].isspace() for r in rows)
    assert len(set(chars)) == len(chars) > 3000
    assert counts == sorted(counts, reverse=True) and min(counts) >= 1
    assert {"的", "国", "，", "。", "新", "华", "社"} <= set(chars)
    assert "common_chars.txt" in (ROOT / "extract" / "data" / "SOURCES.md").read_text(encoding="utf-8")
    assert inputs.common_chars() == frozenset(chars)


# --------------------------------------------------------------------------- helpers

TEXT = "新华社北京12月25日电 工业和信息化部科技司司长谢少锋表示，将大力推进产业科技创新。"
TRAD = "新華社北京十二月二十五日電 國務院總理李強主持召開國務院常務會議"


def docs_and_errors(items: list) -> tuple[list[RawDoc], list[NewsfactsError]]:
    return ([i for i in items if isinstance(i, RawDoc)], [i for i in items if isinstance(i, NewsfactsError)])


def run_cli(*args: str, stdout=subprocess.PIPE, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", *args], cwd=ROOT, stdout=stdout,
                          stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=600,
                          env={**os.environ, **(env or {})})


# --------------------------------------------------------------------------- F6: file names that are not UTF-8

NAMES = [
    # (file name bytes, printable form, why it is hard)
    (b"\xd6\xd0\xce\xc4.txt", r"\xd6\xd0\xce\xc4.txt",
     "GBK 中文: Python hands the name over surrogate-escaped and orjson refuses such a str"),
    ("新闻".encode() + b"\xff.txt", r"新闻\xff.txt", "valid UTF-8 kept as text, only the stray byte escaped"),
    ("稿件.txt".encode(), "稿件.txt", "a plain UTF-8 name must come out unchanged"),
    (b"a\\xd6.txt", r"a\xd6.txt", "a literal backslash in a valid name stays as it is (the form is not reversible)"),
]


@pytest.mark.parametrize("raw,shown,why", NAMES, ids=[n[2][:40] for n in NAMES])
def test_f6_non_utf8_names_are_read_and_printable(tmp_path: Path, raw: bytes, shown: str, why: str) -> None:
    """Issue 9 F6: a file whose name is not UTF-8 is read; its path and doc_id are printable."""
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, raw), "wb") as fh:
        fh.write(TEXT.encode("gbk"))
    with open(os.path.join(folder, b"z" + raw + b".bin"), "wb") as fh:
        fh.write(bytes(range(256)))  # an error record about a badly named file must be writable too
    items = list(iter_inputs([str(tmp_path / "in")]))
    (doc,), (err,) = docs_and_errors(items)
    assert doc.text == TEXT and doc.doc_id == shown and doc.path == f"{tmp_path}/in/{shown}"
    assert err.code == "NF002" and err.path == f"{tmp_path}/in/z{shown}.bin"
    write_jsonl([{"path": doc.path, "doc_id": doc.doc_id}, err.record()], str(tmp_path / "out.jsonl"))
    assert orjson.loads((tmp_path / "out.jsonl").read_bytes().splitlines()[0])["doc_id"] == shown


def test_f6_input_named_on_the_command_line(tmp_path: Path) -> None:
    """Issue 9 F6: a non-UTF-8 name given as an argument (surrogate-escaped by sys.argv) is read too."""
    raw = os.path.join(os.fsencode(tmp_path), b"\xd6\xd0\xce\xc4.txt")
    with open(raw, "wb") as fh:
        fh.write(TEXT.encode("utf-8"))
    (doc,) = list(iter_inputs([os.fsdecode(raw)]))
    assert doc.path == f"{tmp_path}/\\xd6\\xd0\\xce\\xc4.txt" and doc.text == TEXT
    assert display_path(raw) == doc.path


# --------------------------------------------------------------------------- F7, F8: walking folders

def make_deep(top: Path, min_bytes: int) -> tuple[str, int]:
    """A chain of folders whose path is longer than ``min_bytes``, made relative to directory
    descriptors (a path that long cannot be passed to mkdir). Returns (relative path, depth)."""
    name = "深" * 80  # 240 bytes of UTF-8, under NAME_MAX
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    parts = []
    while len(os.fsencode(str(top))) + sum(len(p.encode()) + 1 for p in parts) <= min_bytes:
        os.mkdir(name, dir_fd=fd)
        nfd = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = nfd
        parts.append(name)
    leaf = os.open("leaf.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(leaf, TEXT.encode())
    os.close(leaf)
    os.close(fd)
    return "/".join(parts), len(parts)


def test_f7_path_longer_than_path_max(tmp_path: Path) -> None:
    """Issue 9 F7: Path.rglob died with 'File name too long'; the walker reads the file anyway."""
    rel, _ = make_deep(tmp_path, 4200)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "zz.txt").write_text(TEXT, encoding="utf-8")
    docs, errs = docs_and_errors(list(iter_inputs([str(tmp_path)])))
    assert errs == []
    assert [d.doc_id for d in docs] == ["a.txt", "zz.txt", "leaf.txt"]  # name order: 深… sorts after z
    deep = docs[2]
    assert deep.path == f"{tmp_path}/{rel}/leaf.txt" and len(deep.path.encode()) > 4096 and deep.text == TEXT
    with pytest.raises(OSError) as exc:  # the premise: this path cannot be opened by name
        open(deep.path, "rb")
    assert exc.value.errno == errno.ENAMETOOLONG


def test_f7_walk_stopped_early_closes_its_folders(tmp_path: Path) -> None:
    """Issue 9 F7: the walker holds one descriptor per folder level; a caller that stops after the
    first document (a generator closed early) must not leak them."""
    make_deep(tmp_path, 2000)  # nine levels, the file at the bottom
    (tmp_path / "zzz.txt").write_text(TEXT, encoding="utf-8")
    before = len(os.listdir("/proc/self/fd"))
    it = iter_inputs([str(tmp_path)])
    assert next(it).doc_id == "zzz.txt"  # name order: zzz.txt before the 深… folders
    assert next(it).doc_id == "leaf.txt"
    assert len(os.listdir("/proc/self/fd")) > before  # the premise: folders are open mid-walk
    it.close()
    assert len(os.listdir("/proc/self/fd")) == before


WALK_ERRORS = [
    # (errno raised by scandir for folder "b", why it is hard)
    (errno.EACCES, "chmod 000 folder: rglob skipped it without a word"),
    (errno.ENAMETOOLONG, "the error rglob raised out of the walk, ending the batch"),
    (errno.EIO, "a failing disk: any OSError, not only permissions"),
    (errno.EMFILE, "out of file descriptors in a very deep tree"),
]


@pytest.mark.parametrize("err,why", WALK_ERRORS, ids=[w[1][:40] for w in WALK_ERRORS])
def test_f7_f8_folder_errors_become_records(tmp_path: Path, monkeypatch, err: int, why: str) -> None:
    """Issue 9 F7/F8: an OS error on one folder is an NF014 record naming it; the walk goes on."""
    for sub in ("a", "b", "c"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / f"{sub}.txt").write_text(TEXT, encoding="utf-8")
    bad = os.stat(tmp_path / "b")
    real_scandir = os.scandir

    def scandir(target=".", *a):
        if isinstance(target, int) and os.fstat(target).st_ino == bad.st_ino:
            raise OSError(err, os.strerror(err))
        return real_scandir(target, *a)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, errs = docs_and_errors(list(iter_inputs([str(tmp_path)])))
    assert [d.doc_id for d in docs] == ["a.txt", "c.txt"]
    assert [(e.code, e.path, e.message) for e in errs] == [
        ("NF014", str(tmp_path / "b"), f"cannot read folder: {os.strerror(err)}")]


def test_f8_unreadable_folder_for_real(tmp_path: Path) -> None:
    """Issue 9 F8: a real chmod 000 folder. As root (which reads anything) the check runs in a child
    without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH, so the kernel really refuses the folder."""
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text(TEXT, encoding="utf-8")
    locked.chmod(0)
    code = ("import sys; from extract.inputs import iter_inputs; from extract.errors import NewsfactsError\n"
            "for i in iter_inputs([sys.argv[1]]):\n"
            "    print(i.code + ' ' + i.path + ' ' + i.message if isinstance(i, NewsfactsError) else 'doc ' + i.path)")
    cmd = [sys.executable, "-c", code, str(tmp_path)]
    if os.geteuid() == 0:
        if not Path("/usr/bin/setpriv").exists():
            pytest.skip("running as root without setpriv: cannot make a folder unreadable")
        caps = "-dac_override,-dac_read_search"
        cmd = ["/usr/bin/setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *cmd]
    try:
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        locked.chmod(0o755)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"NF014 {locked} cannot read folder: Permission denied",
                                       f"doc {tmp_path / 'ok.txt'}"]


def _tree_with_links(tmp_path: Path) -> Path:
    top = tmp_path / "top"
    (top / "real").mkdir(parents=True)
    (top / "real" / "r.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "o.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("nowhere.txt", top / "dangling.txt")
    os.symlink("loop2", top / "loop1")
    os.symlink("loop1", top / "loop2")
    os.symlink("..", top / "real" / "up")  # back to top: a cycle
    os.symlink("../outside", top / "linked")  # a folder elsewhere: followed
    os.symlink("real/r.txt", top / "same.txt")  # a link to a file: read under its own name
    os.mkfifo(top / "pipe.txt")  # opening it would block forever
    return top


def test_f8_links_and_special_files(tmp_path: Path) -> None:
    """Issue 9 F8: dangling links, link loops, cycles and FIFOs each become one record; nothing vanishes."""
    top = _tree_with_links(tmp_path)
    items = list(iter_inputs([str(top)]))
    got = [(type(i).__name__, getattr(i, "code", None), i.path) for i in items]
    assert got == [
        ("NewsfactsError", "NF015", f"{top}/dangling.txt"),   # -> nowhere.txt
        ("RawDoc", None, f"{top}/linked/o.txt"),              # symlinked folder followed
        ("NewsfactsError", "NF015", f"{top}/loop1"),          # loop1 -> loop2 -> loop1
        ("NewsfactsError", "NF015", f"{top}/loop2"),
        ("NewsfactsError", "NF001", f"{top}/pipe.txt"),       # a FIFO is never opened for reading
        ("RawDoc", None, f"{top}/real/r.txt"),
        ("NewsfactsError", "NF014", f"{top}/real/up"),        # cycle back to top: not followed
        ("RawDoc", None, f"{top}/same.txt"),
    ]
    messages = {i.path: i.message for i in items if isinstance(i, NewsfactsError)}
    assert "nowhere.txt" in messages[f"{top}/dangling.txt"] and "does not exist" in messages[f"{top}/dangling.txt"]
    assert "loop" in messages[f"{top}/loop1"]
    assert "cycle" in messages[f"{top}/real/up"]
    assert "named pipe" in messages[f"{top}/pipe.txt"]


def test_f8_dangling_link_named_on_the_command_line(tmp_path: Path) -> None:
    """Issue 9 F8: a broken link given as an input is NF015 (it exists, its target does not), not NF007."""
    os.symlink("gone.txt", tmp_path / "l.txt")
    (err,) = list(iter_inputs([str(tmp_path / "l.txt"), ]))
    assert err.code == "NF015" and "gone.txt" in err.message
    (missing,) = list(iter_inputs([str(tmp_path / "never.txt")]))
    assert missing.code == "NF007"


def test_f8_fifo_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    """Issue 9 F8: a FIFO named as an input (newsfacts extract <(zcat a.gz)) is read, unlike one in a folder."""
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the writer
        try:
            with open(fifo, "wb") as fh:
                fh.write(TEXT.encode("gbk"))
        finally:
            os._exit(0)
    try:
        (doc,) = list(iter_inputs([str(fifo)]))
    finally:
        # The reading is over; a writer still stuck in open() means the FIFO was read too early.
        import signal

        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    assert isinstance(doc, RawDoc) and doc.text == TEXT


# --------------------------------------------------------------------------- F9: encodings

def rare_big5(n: int) -> str:
    """``n`` characters from Big5's less-frequent zone that are in no common table."""
    common = inputs._plausible_chars()
    out = []
    for code in range(0xC940, 0xF9D6):
        try:
            ch = code.to_bytes(2, "big").decode("cp950")
        except UnicodeDecodeError:
            continue
        if ch not in common:
            out.append(ch)
    return "".join(out[: n * 37 : 37])


TW = ("行政院今天召開院會，通過《個人資料保護法》修正草案，將送請立法院審議。經濟部表示，今年第三季出口金額"
      "較去年同期成長百分之十二點五，創下歷史新高。")
HK = "香港特區政府發言人表示，當局會密切留意疫情發展，並適時調整防疫措施，以保障市民健康。"

DECODE = [
    # (text, bytes, encoding reported, why it is hard)
    (TRAD, TRAD.encode("big5"), "cp950", "Big5 also decodes as GB18030: mojibake with exit 0 before"),
    (TW, TW.encode("big5"), "cp950", "a longer Taiwanese paragraph with 《》 and full-width punctuation"),
    (HK, HK.encode("big5"), "cp950", "Hong Kong usage (並, 當局)"),
    ("國務院", "國務院".encode("big5"), "cp950", "three characters only: little evidence either way"),
    (TRAD, TRAD.encode("gbk"), "gb18030", "traditional characters in GBK: Big5 must not steal them; "
                                          "國 務 總 are not in the simplified table but in Big5's common zone"),
    (TEXT, TEXT.encode("gbk"), "gb18030", "simplified GBK stays GB18030"),
    (TEXT + "𠀀", (TEXT + "𠀀").encode("gb18030"), "gb18030", "GB18030 four-byte sequence (outside GBK)"),
    (TRAD, codecs.BOM_UTF32_LE + TRAD.encode("utf-32-le"), "utf-32",
     "UTF-32 LE BOM starts with the UTF-16 LE BOM: was read as UTF-16 full of U+0000"),
    (TRAD, codecs.BOM_UTF32_BE + TRAD.encode("utf-32-be"), "utf-32", "UTF-32 BE BOM"),
    (TEXT, codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", "UTF-16 LE still works"),
]


@pytest.mark.parametrize("text,data,enc,why", DECODE, ids=[d[3][:40] for d in DECODE])
def test_f9_decoding(text: str, data: bytes, enc: str, why: str) -> None:
    """Issue 9 F9: Big5 detected, UTF-32 before UTF-16, GB unchanged."""
    assert decode_bytes(data, "x.txt") == (text, enc)


def test_f9_gbk_seeds_still_decode_as_before() -> None:
    """Issue 9 F9: every seed re-encoded as GBK/GB18030 decodes to the same text as GB18030."""
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        data = text.encode("gb18030")
        assert decode_bytes(data, p.name) == (text, "gb18030"), p.name


REFUSED = [
    # (bytes, code, why it is hard)
    (("测试" * 5000).encode("gbk") + b"\x00" + "测试".encode("gbk"), "NF002",
     "a NUL after the first 8 KB: only a prefix was looked at"),
    (TEXT.encode("utf-8") * 200 + b"\x00", "NF002", "NUL as the very last byte of valid UTF-8"),
    (codecs.BOM_UTF16_LE + "正文\x00\x00二进制".encode("utf-16-le"), "NF002",
     "UTF-16 with U+0000 characters is binary, BOM or not"),
    (rare_big5(40).encode("cp950"), "NF003",
     "only rare characters: neither reading is Chinese and charset-normalizer would say GB18030: refuse, "
     "never mojibake"),
    (codecs.BOM_UTF32_LE + b"\x00\x00\x11\x00", "NF003", "UTF-32 BOM with an out-of-range code point"),
]


@pytest.mark.parametrize("data,code,why", REFUSED, ids=[r[2][:40] for r in REFUSED])
def test_f9_refused(tmp_path: Path, data: bytes, code: str, why: str) -> None:
    """Issue 9 F9: binary and undecidable inputs are error records, never text."""
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    (err,) = list(iter_inputs([str(p)]))
    assert isinstance(err, NewsfactsError) and err.code == code, err


def test_f9_other_scripts_are_not_gb_mojibake() -> None:
    """Issue 9 F9: Shift-JIS decodes as GB18030 too (搶嫗搒偼…); its GB reading is implausible, so it
    is either read as Japanese (charset-normalizer) or refused, never returned as GB18030."""
    text = "東京都は今日、新型ウイルスの感染者が確認されたと発表しました。"
    data = text.encode("shift_jis")
    assert data.decode("gb18030") != text  # the premise: GB18030 accepts these bytes
    try:
        decoded, enc = decode_bytes(data, "x.txt")
    except NewsfactsError as err:
        assert err.code == "NF003"
    else:
        assert decoded == text and not enc.startswith("gb")


def test_f9_plausibility_separates_the_readings() -> None:
    """Issue 9 F9: the scores the thresholds rely on, on real text."""
    for text in (TRAD, TW, HK, TEXT):
        assert plausibility(text) >= 0.9
    for text in (TRAD, TW, HK):
        assert plausibility(text.encode("big5").decode("gb18030")) < inputs.PLAUSIBLE


# --------------------------------------------------------------------------- F10, F11, F13: JSONL

def jsonl_items(tmp_path: Path, *lines: object, raw: bytes | None = None) -> list:
    p = tmp_path / "in.jsonl"
    p.write_bytes(raw if raw is not None else b"".join(orjson.dumps(line) + b"\n" for line in lines))
    return list(iter_inputs([str(p)]))


SEPARATORS = [
    # (character inside a JSON string, why it is hard)
    ("\u2028", "LINE SEPARATOR: valid raw in JSON, str.splitlines() splits on it"),
    ("\u2029", "PARAGRAPH SEPARATOR, the same"),
    ("\x85", "NEXT LINE (C1 control): JSON forbids only controls below U+0020"),
]


@pytest.mark.parametrize("sep,why", SEPARATORS, ids=[s[1][:30] for s in SEPARATORS])
def test_f10_unicode_line_breaks_inside_jsonl_strings(tmp_path: Path, sep: str, why: str) -> None:
    """Issue 9 F10: one record per '\\n'-terminated line; the separator stays in the text."""
    text = f"第一段{sep}第二段"
    raw = orjson.dumps({"id": "a", "text": text}) + b"\r\n" + orjson.dumps({"id": "b", "text": "第三条"})
    assert sep.encode() in raw  # orjson writes it raw, as many producers do
    docs, errs = docs_and_errors(jsonl_items(tmp_path, raw=raw))
    assert errs == [] and [(d.doc_id, d.text, d.line) for d in docs] == [("a", text, 1), ("b", "第三条", 2)]


def test_f11_duplicate_ids_keep_every_record(tmp_path: Path) -> None:
    """Issue 9 F11: repeated ids (equal-length texts, so equal offsets) keep every record under a
    distinct doc_id, hence distinct story ids; (path, doc_id) names one document."""
    items = jsonl_items(tmp_path,
                        {"id": "a", "text": "新华社北京电 甲。"},
                        {"id": "a", "text": "新华社北京电 乙。"},
                        {"id": "a#2", "text": "新华社北京电 丙。"},  # collides with the name given to line 2
                        {"id": 7, "text": "新华社北京电 丁。"},
                        {"id": "7", "text": "新华社北京电 戊。"},   # the number 7 and the string "7" are one id
                        {"id": "a", "text": "新华社北京电 己。", "source": "web/other.html"})
    docs, errs = docs_and_errors(items)
    assert errs == []
    assert [(d.doc_id, d.line) for d in docs] == [("a", 1), ("a#2", 2), ("a#2#3", 3), ("7", 4), ("7#5", 5),
                                                  ("a#6", 6)]  # one file: its own source does not matter
    label = str(tmp_path / "in.jsonl")
    assert [d.path for d in docs] == [f"{label}#a", f"{label}#a", f"{label}#a#2", f"{label}#7", f"{label}#7",
                                      "web/other.html"]
    assert len({d.doc_id for d in docs}) == len(docs)
    from extract.api import extract_from_items

    stories = [r for r in extract_from_items(items, words=False) if r.record_type == "story"]
    assert len(stories) == 6 and len({s.story_id for s in stories}) == 6
    assert [s.source.line for s in stories] == [1, 2, 3, 4, 5, 6]


def test_f11_check_attributes_readings_to_the_right_duplicate(tmp_path: Path) -> None:
    """Issue 9 F11: two versions of one story under the same JSONL id (equal length: one character
    differs). check keyed raw texts by (path, doc_id), so one version's text stood for both."""
    seed = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    assert "谢少锋" in seed
    variant = seed.replace("谢少锋", "谢少峰", 1)
    p = tmp_path / "dup.jsonl"
    p.write_bytes(b"".join(orjson.dumps({"id": i, "text": t}) + b"\n"
                           for i, t in (("a", seed), ("a", variant), ("c", seed))))
    from extract.api import check_paths

    result = check_paths([str(p)], words=False)  # no model: alignment works on characters
    texts = {"a": seed, "a#2": variant, "c": seed}
    (conflict,) = [c for c in result.conflicts if {r.text for r in c.readings} == {"锋", "峰"}]
    got = sorted((r.source.doc_id, r.text) for r in conflict.readings)
    assert got == [("a", "锋"), ("a#2", "峰"), ("c", "锋")]
    for r in conflict.readings:
        assert texts[r.source.doc_id][r.start:r.end] == r.text


FIELDS = [
    # (record, expected (doc_id, published, path suffix), NF017 field or None, why it is hard)
    ({"id": 0, "text": "正文"}, ("0", None, "#0"), None, "id 0 is falsy in Python but a valid id"),
    ({"id": "0", "text": "正文"}, ("0", None, "#0"), None, "the string '0' is falsy-looking too"),
    ({"id": None, "text": "正文"}, ("in.jsonl:1", None, "#in.jsonl:1"), None, "null means absent"),
    ({"id": "", "text": "正文"}, ("in.jsonl:1", None, "#in.jsonl:1"), None, "an empty id is absent, not ''"),
    ({"id": 1.5, "text": "正文"}, ("in.jsonl:1", None, "#in.jsonl:1"), "id", "a float id is dropped, the record kept"),
    ({"id": True, "text": "正文"}, ("in.jsonl:1", None, "#in.jsonl:1"), "id", "bool is an int subclass"),
    ({"id": "x", "text": "正文", "published": 12345}, ("x", None, "#x"), "published",
     "a number is not a date string: was published='12345'"),
    ({"id": "x", "text": "正文", "published": ["2024-01-02"]}, ("x", None, "#x"), "published", "a list"),
    ({"id": "x", "text": "正文", "published": ""}, ("x", None, "#x"), None, "empty published is absent"),
    ({"id": "x", "text": "正文", "published": "2024-01-02"}, ("x", "2024-01-02", "#x"), None, "the normal case"),
    ({"id": "x", "text": "正文", "source": 5}, ("x", None, "#x"), "source", "a non-string source is dropped"),
]


@pytest.mark.parametrize("rec,expected,bad,why", FIELDS, ids=[f[3][:40] for f in FIELDS])
def test_f13_jsonl_fields(tmp_path: Path, rec: dict, expected: tuple, bad: str | None, why: str) -> None:
    """Issue 9 F13: id 0 is an id; a bad optional field is dropped with an NF017 record, the document kept."""
    docs, errs = docs_and_errors(jsonl_items(tmp_path, rec))
    (doc,) = docs
    assert (doc.doc_id, doc.published) == expected[:2] and doc.path.endswith(expected[2])
    if bad is None:
        assert errs == []
    else:
        (err,) = errs
        assert (err.code, err.line, err.doc_id) == ("NF017", 1, doc.doc_id)
        assert f"'{bad}'" in err.message and "document is kept" in err.message


# --------------------------------------------------------------------------- F16: where output goes

def test_f16_symlink_target_is_replaced_link_kept(tmp_path: Path) -> None:
    """Issue 9 F16: -o on a symlink (a chain, relative) replaced the link with a file."""
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "facts.jsonl"
    real.write_text("old\n")
    real.chmod(0o640)
    os.symlink("real/facts.jsonl", tmp_path / "hop")
    os.symlink("hop", tmp_path / "link.jsonl")
    write_jsonl([{"a": 1}], str(tmp_path / "link.jsonl"))
    assert os.readlink(tmp_path / "link.jsonl") == "hop" and os.readlink(tmp_path / "hop") == "real/facts.jsonl"
    assert real.read_bytes() == b'{"a":1}\n'
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the replaced file keeps its permissions
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["facts.jsonl"]  # no temporary left


def test_f16_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    """Issue 9 F16: a link to a file not yet written: the file is created where the link points."""
    os.symlink("made/out.html", tmp_path / "report.html")
    write_text("<p>报告</p>", str(tmp_path / "report.html"))
    assert (tmp_path / "report.html").is_symlink()
    assert (tmp_path / "made" / "out.html").read_text(encoding="utf-8") == "<p>报告</p>"


def test_f16_fifo_is_written_not_replaced(tmp_path: Path) -> None:
    """Issue 9 F16: a named pipe is written to; renaming onto it would replace it with a file."""
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader exists, so opening to write never blocks
    try:
        write_jsonl([{"a": 1}, {"b": 2}], str(fifo))
        got = os.read(reader, 65536)
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got == b'{"a":1}\n{"b":2}\n'


def test_f16_character_device_is_written_not_replaced(tmp_path: Path) -> None:
    """Issue 9 F16: as root, -o /dev/null replaced /dev/null with a regular file. The test makes its own
    null device in tmp_path (never touching /dev) and writes through it."""
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        with open(node, "wb") as fh:
            fh.write(b"probe")
    except OSError as exc:
        pytest.skip(f"cannot make or open a device node here: {exc}")
    write_jsonl([{"a": 1}], str(node))
    assert stat.S_ISCHR(os.lstat(node).st_mode) and os.lstat(node).st_rdev == os.makedev(1, 3)


def test_f16_unwritable_kinds_are_refused(tmp_path: Path) -> None:
    """Issue 9 F16: a folder, a symlink loop and a path under a file are OutputError, and nothing changes."""
    from extract.output import OutputError, output_problem

    (tmp_path / "dir").mkdir()
    os.symlink("l2", tmp_path / "l1")
    os.symlink("l1", tmp_path / "l2")
    (tmp_path / "file").write_text("x")
    for target, reason in ((tmp_path / "dir", "is a folder"), (tmp_path / "l1", "symbolic links"),
                           (tmp_path / "file" / "out.jsonl", "Not a directory")):
        assert reason in (output_problem(str(target)) or ""), target
        with pytest.raises(OSError):
            write_jsonl([{"a": 1}], str(target))
    assert (tmp_path / "dir").is_dir() and list((tmp_path / "dir").iterdir()) == []
    assert (tmp_path / "file").read_text() == "x"
    assert output_problem(str(tmp_path / "new" / "deeper" / "out.jsonl")) is None  # parents are created
    assert output_problem("-") is None


def test_f16_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    """Issue 9 F16: atomicity still holds on the regular-file path: an error mid-write leaves the old file."""
    out = tmp_path / "o.jsonl"
    out.write_bytes(b"old\n")

    def records():
        yield {"a": 1}
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_jsonl(records(), str(out))
    assert out.read_bytes() == b"old\n" and [p.name for p in tmp_path.iterdir()] == ["o.jsonl"]


# --------------------------------------------------------------------------- F18: usage errors, broken pipe

def _usage_cases(tmp: Path) -> list[tuple[list[str], str, dict]]:
    binary = tmp / "dict.bin"
    binary.write_bytes(bytes(range(256)))
    latin = tmp / "dict.txt"
    latin.write_bytes("café\n".encode("latin-1"))
    (tmp / "outdir").mkdir(exist_ok=True)
    ok = tmp / "in.txt"
    ok.write_text(TEXT, encoding="utf-8")
    i = str(ok)
    return [
        # (arguments, code, extra environment) — why each is hard is in USAGE_WHY
        (["extract", i, "--jobs", "65"], "NF101", {}),
        (["check", i, "--jobs", "0"], "NF101", {}),
        (["extract", i, "--user-dict", "/nonexistent/words.txt"], "NF102", {}),
        (["extract", i, "--user-dict", str(binary)], "NF102", {}),
        (["extract", i, "--user-dict", str(latin)], "NF102", {}),
        (["extract", i, "--user-dict", str(tmp / "outdir")], "NF102", {}),
        (["check", i], "NF107", {"NEWSFACTS_USER_DICT": str(binary)}),
        (["load", i, "--db", "mysql://user:secret@db/facts"], "NF103", {}),
        (["load", i, "--db", "not a url"], "NF103", {}),
        (["extract", i, "-o", str(tmp / "outdir")], "NF104", {}),
        (["check", i, "--html", str(tmp / "outdir")], "NF104", {}),
        (["check", i, "--groups", str(ok / "g.jsonl")], "NF104", {}),
        (["load", i, "--batch-rows", "0"], "NF105", {}),
        (["extract", i, "--jobs", "many"], "NF106", {}),
        (["extract", i, "--reference-date", "25/12/2023"], "NF106", {}),
    ]


USAGE_WHY = [
    "RunConfig allows 1..64: the pydantic ValidationError escaped as a traceback",
    "the lower bound, on the other command",
    "a missing word list was opened by the model loader, after reading inputs",
    "a binary word list",
    "a word list that is not UTF-8",
    "a folder as word list",
    "the same check for the environment variable, which every worker reads",
    "an unsupported database; the password must not be printed",
    "not a URL at all",
    "-o on a folder: IsADirectoryError after all the work",
    "--html on a folder: only found after extraction and grouping",
    "--groups under a regular file",
    "a zero batch size",
    "argparse's own refusal: two lines (usage + error) before",
    "a bad date",
]


@pytest.mark.parametrize("case", range(len(USAGE_WHY)), ids=USAGE_WHY)
def test_f18_bad_options_exit_2_with_one_line(tmp_path: Path, case: int) -> None:
    """Issue 9 F18: exit 2, exactly one line on stderr with the usage code, nothing read or written."""
    args, code, env = _usage_cases(tmp_path)[case]
    assert code in USAGE
    proc = run_cli(*args, env=env)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and err.startswith(f"newsfacts: {code} "), err
    assert "Traceback" not in err and "secret" not in err
    assert proc.stdout == b""  # no record: the input was never read


def test_f18_broken_pipe_is_quiet(tmp_path: Path) -> None:
    """Issue 9 F18: `newsfacts extract … | head -1` gave a BrokenPipeError traceback. The pipe is closed
    before the first write, so the error happens at a known point, whatever the timing."""
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    r, w = os.pipe()
    os.close(r)
    try:
        proc = run_cli("extract", str(p), stdout=w)
    finally:
        os.close(w)
    assert proc.returncode == 141, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr and b"BrokenPipe" not in proc.stderr


# --------------------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def e2e(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, list[dict]]:
    """One extract run over a folder holding F6, F9, F10, F11 and F13 cases, written through a symlink (F16)."""
    d = tmp_path_factory.mktemp("in")
    seed = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    (d / "a_big5.txt").write_bytes((TRAD + "。").encode("big5"))
    with open(os.path.join(os.fsencode(d), b"b_\xd6\xd0\xce\xc4.txt"), "wb") as fh:
        fh.write(seed.encode("gbk"))
    lines = [{"id": 0, "text": "新华社北京12月25日电 第一条\u2028消息。", "published": 12345},
             {"id": "d", "text": "新华社北京12月25日电 甲方消息。"},
             {"id": "d", "text": "新华社北京12月25日电 乙方消息。"}]
    (d / "c.jsonl").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    out_dir = tmp_path_factory.mktemp("out")
    (out_dir / "real.jsonl").write_text("old\n")
    os.symlink("real.jsonl", out_dir / "facts.jsonl")
    proc = run_cli("extract", str(d), "-o", str(out_dir / "facts.jsonl"))
    assert (out_dir / "facts.jsonl").is_symlink()
    recs = [orjson.loads(x) for x in (out_dir / "real.jsonl").read_bytes().splitlines()]
    return d, proc, recs


def test_e2e_issue9_batch(e2e) -> None:
    """Issue 9 F6/F9/F10/F11/F13/F16 through the command line: every input accounted for."""
    d, proc, recs = e2e
    assert proc.returncode == 1, proc.stderr.decode()  # the dropped 'published' is reported
    stories = [r for r in recs if r["record_type"] == "story"]
    errors = [r for r in recs if r["record_type"] == "error"]
    assert [(e["code"], e["line"], e["doc_id"]) for e in errors] == [("NF017", 1, "0")]
    by_doc = {}
    for s in stories:
        by_doc.setdefault(s["source"]["doc_id"], []).append(s)
    assert set(by_doc) == {"a_big5.txt", r"b_\xd6\xd0\xce\xc4.txt", "0", "d", "d#3"}
    assert by_doc[r"b_\xd6\xd0\xce\xc4.txt"][0]["source"]["path"] == f"{d}/b_\\xd6\\xd0\\xce\\xc4.txt"
    assert "".join(s["text"] for s in by_doc["a_big5.txt"]).replace(" ", "") in TRAD.replace(" ", "") + "。"
    # one record, not two NF005 halves (the story text has the separator normalised away)
    assert by_doc["0"][0]["published"] is None and "第一条" in by_doc["0"][0]["text"]
    assert "消息" in by_doc["0"][-1]["text"]
    assert by_doc["d"][0]["story_id"] != by_doc["d#3"][0]["story_id"]
    assert "乙方" in by_doc["d#3"][0]["text"]


if __name__ == "__main__":
    TABLE.write_text(build_table(SHARED / "corpora"), encoding="utf-8")
    print(f"wrote {TABLE}")
