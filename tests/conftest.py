from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SHARED = ROOT.parent / "shared"


def bench_module(name: str):
    """A script of bench/ as a module (bench/ is no package), loaded once."""
    import importlib.util
    import sys

    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline (pkuseg + components); loaded once per test session."""
    from extract.nlp import build_nlp

    return build_nlp(Path(os.environ["NEWSFACTS_MODEL_DIR"]) if os.environ.get("NEWSFACTS_MODEL_DIR") else None)


@pytest.fixture(scope="session")
def seed_records(nlp):
    """Story records of all five seeds, extracted once."""
    from extract.inputs import iter_inputs
    from extract.pipeline import extract_items

    recs = [r for r in extract_items(iter_inputs([str(SEEDS)]), nlp)]
    return recs
