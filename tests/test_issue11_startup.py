"""Issue 11: start-up. What newsfacts does not need on its default path is not imported or built
before it is used: spaCy's command line (extract/spacy_import.py), ..."""
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
