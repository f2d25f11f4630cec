"""Issue 11: start-up. What newsfacts does not need on its default path is not imported: spaCy's
command line (extract/spacy_import.py), spacy_pkuseg (the recogniser's character model), the worker
pool's modules (extract/api.py); and known organisation names are found with a lookup per
character instead of a regex of 4,000 characters (same spans)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract import spacy_import

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> str:
    """``code`` in a fresh interpreter (nothing imported yet), from the repository."""
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr[-3000:]
    return res.stdout


def test_importing_the_pipeline_does_not_import_spacys_command_line() -> None:
    out = _run("import sys\n"
               "import extract.pipeline, extract.nlp\n"
               "assert 'spacy' in sys.modules\n"
               "print(sorted(m for m in sys.modules if m.startswith(('spacy.cli', 'weasel', 'typer'))))\n"
               "import spacy\n"
               "assert spacy.__loader__ is spacy.__spec__.loader\n"
               "assert type(spacy.__loader__).__name__ == 'SourceFileLoader', spacy.__loader__\n"
               "assert callable(spacy.info)\n"
               "import spacy.cli.info\n"   # the normal import, afterwards
               "assert sys.modules['spacy.cli.info'].info_installed_model_url\n"
               "assert 'info' in [c.name for c in spacy.cli.app.registered_commands]\n"
               "print('ok')\n")
    assert out.split("\n")[:2] == ["[]", "ok"]


def test_spacy_cli_as_an_attribute_imports_it() -> None:
    out = _run("import sys, extract.nlp, spacy\n"
               "assert 'spacy.cli' not in sys.modules\n"
               "print(spacy.cli.__name__, 'spacy.cli' in sys.modules, spacy.cli is sys.modules['spacy.cli'])\n"
               "print(spacy.info(silent=True)['spacy_version'] == spacy.__version__)\n")
    assert out.split() == ["spacy.cli", "True", "True", "True"]


def _fake_package(root: Path, name: str, init: str) -> None:
    """A package ``name`` shaped like spaCy: ``__init__`` imports ``.cli.info``."""
    (root / name / "cli").mkdir(parents=True)
    (root / name / "__init__.py").write_text(init, encoding="utf-8")
    (root / name / "cli" / "__init__.py").write_text("LOADED = True\nfrom .info import info\n", encoding="utf-8")
    (root / name / "cli" / "info.py").write_text("def info():\n    return 'real'\n", encoding="utf-8")


@pytest.fixture
def fake_root(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    yield tmp_path
    for name in set(sys.modules) - before:
        del sys.modules[name]


def test_the_command_line_is_imported_on_first_use_only(fake_root) -> None:
    _fake_package(fake_root, "fakespacy_a", "from .cli.info import info\nVALUE = 1\n")
    sys.meta_path.insert(0, spacy_import._Finder("fakespacy_a"))
    import fakespacy_a

    assert fakespacy_a.VALUE == 1 and "fakespacy_a.cli" not in sys.modules
    assert not any(isinstance(f, spacy_import._Finder) and f.package == "fakespacy_a" for f in sys.meta_path)
    assert fakespacy_a.cli.LOADED and sys.modules["fakespacy_a.cli"] is fakespacy_a.cli
    with pytest.raises(AttributeError):
        fakespacy_a.nothing


def test_a_package_that_needs_more_of_its_command_line_is_imported_the_normal_way(fake_root) -> None:
    _fake_package(fake_root, "fakespacy_b", "from .cli.info import info\nfrom .cli import LOADED\n")
    sys.meta_path.insert(0, spacy_import._Finder("fakespacy_b"))
    import fakespacy_b

    assert fakespacy_b.LOADED and fakespacy_b.info() == "real"
    assert sys.modules["fakespacy_b.cli"].LOADED and sys.modules["fakespacy_b.cli"] is fakespacy_b.cli


# ---------------------------------------------------------------- pkuseg is not imported

def test_the_recogniser_model_loads_without_importing_pkuseg() -> None:
    out = _run("import sys, spacy\n"
               "from extract.facts.recognizer import MODEL_DIR, load_model\n"
               "m = load_model(MODEL_DIR)\n"
               "print('spacy_pkuseg' in sys.modules, m.tokenizer.segmenter, m.pipe_names)\n"
               "ref = spacy.load(MODEL_DIR)\n"
               "assert ref.tokenizer._get_config() == m.tokenizer._get_config()\n"
               "assert ref.config == m.config and ref.meta == m.meta\n"
               "t = '国务院总理李克强在北京主持召开国务院常务会议，工信部科技司司长谢少锋出席。'\n"
               "assert [(e.start_char, e.end_char, e.label_) for e in ref(t).ents] == "
               "[(e.start_char, e.end_char, e.label_) for e in m(t).ents]\n")
    assert out.split()[:3] == ["False", "char", "['newsfacts_wordfeats',"]


def test_a_tokenizer_folder_with_more_than_character_settings_is_read(tmp_path) -> None:
    from extract.facts.recognizer import _char_settings

    folder = tmp_path / "tokenizer"
    folder.mkdir()
    (folder / "cfg").write_text('{"segmenter":"char"}', encoding="utf-8")
    assert _char_settings(folder) == {"segmenter": "char"}
    (folder / "cfg").write_text('{"segmenter":"pkuseg"}', encoding="utf-8")
    assert _char_settings(folder) is None
    (folder / "cfg").write_text('{"segmenter":"char"}', encoding="utf-8")
    (folder / "pkuseg_model").mkdir()
    assert _char_settings(folder) is None
    assert _char_settings(tmp_path / "absent") is None


def test_extracting_without_words_imports_no_pkuseg_and_no_worker_pool() -> None:
    out = _run("import sys\n"
               "from extract.api import extract_paths\n"
               "recs = list(extract_paths(['fixtures/seeds'], jobs=1))\n"
               "assert recs and any(r.record_type == 'story' and r.organizations for r in recs)\n"
               "print(sorted(m for m in ('spacy_pkuseg', 'requests', 'spacy.cli', 'concurrent.futures.process')"
               " if m in sys.modules))\n")
    assert out.strip() == "[]"


# ---------------------------------------------------------------- known organisations

def _known_by_regex(c: str) -> list[tuple[int, int]]:
    """What organisations.py found known names with before issue 11's start-up work: one
    alternation of every name, longest first (the reference for ``_known_spans``)."""
    import regex

    from extract.facts import lexicon

    parts = []
    for n in sorted(set(lexicon.org_index()), key=len, reverse=True):
        if len(n) >= 2:
            esc = regex.escape(n)
            parts.append(rf"(?<![A-Za-z]){esc}(?![A-Za-z])" if n.isascii() else esc)
    return [(m.start(), m.end()) for m in regex.compile("|".join(parts)).finditer(c)]


def test_known_organisation_names_are_found_as_the_alternation_found_them() -> None:
    from extract.facts import lexicon
    from extract.facts.organizations import _known_spans

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    names = sorted(n for n in lexicon.org_index() if len(n) >= 2)
    texts.append("、".join(names))   # every name, and where one name's end starts another
    texts.append("".join(names))
    for n in (n for n in names if n.isascii()):   # an ASCII name inside and beside Latin words
        texts += [n, f"x{n}", f"{n}x", f"X{n}Y", f"1{n}2", f"（{n}）", f"{n}{n}", f"的{n}", n[:-1]]
    for t in texts:
        assert _known_spans(t) == _known_by_regex(t), t[:80]

