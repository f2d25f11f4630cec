"""The pkuseg word-segmentation model: where it lives and how it is fetched.

spacy-pkuseg ships no trained model. The original ``pkuseg==0.0.25`` source
distribution on PyPI carries the pretrained general-domain ("default") model in
``pkuseg/models/default/`` (``features.pkl`` + ``weights.npz``), a format that
spacy-pkuseg and spaCy's ``zh`` tokenizer still load.

``python -m extract.model fetch`` downloads that sdist once with pip and unpacks
only the model folder into the cache (``$NEWSFACTS_MODEL_DIR``, by default
``~/.cache/newsfacts/pkuseg``). Nothing is built and nothing is fetched at import
or at run time: a missing model is a clear error naming this command.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PKUSEG_SDIST = "pkuseg==0.0.25"
MODEL_FILES = ("features.pkl", "weights.npz")
FETCH_COMMAND = "make setup  (or: python -m extract.model fetch)"


def model_dir() -> Path:
    """The folder holding features.pkl and weights.npz."""
    env = os.environ.get("NEWSFACTS_MODEL_DIR")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "newsfacts" / "pkuseg"


def is_present(path: Path | None = None) -> bool:
    path = path or model_dir()
    return all((path / name).is_file() for name in MODEL_FILES)


def fetch(dest: Path | None = None, *, quiet: bool = False) -> Path:
    """Fetch the pretrained model into ``dest`` unless it is there already."""
    dest = dest or model_dir()
    if is_present(dest):
        if not quiet:
            print(f"pkuseg model present in {dest}")
        return dest
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsfacts-pkuseg-") as tmp:
        # --no-build-isolation: the sdist's metadata step imports numpy/setuptools,
        # which the project venv has; pip >= 26 fails without it.
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "--no-build-isolation", "-q", "-d", tmp, PKUSEG_SDIST],
            check=True,
        )
        archives = list(Path(tmp).glob("pkuseg-*.tar.gz"))
        if not archives:
            raise RuntimeError(f"pip download of {PKUSEG_SDIST} produced no sdist in {tmp}")
        with tarfile.open(archives[0]) as tar:
            for member in tar.getmembers():
                parts = Path(member.name).parts
                if len(parts) >= 2 and parts[-2] == "default" and parts[-1] in MODEL_FILES:
                    src = tar.extractfile(member)
                    assert src is not None
                    part = dest / (parts[-1] + ".part")
                    with open(part, "wb") as out:
                        while chunk := src.read(1 << 20):
                            out.write(chunk)
                    os.replace(part, dest / parts[-1])
    if not is_present(dest):
        raise RuntimeError(f"{PKUSEG_SDIST} did not contain {MODEL_FILES} under models/default")
    if not quiet:
        print(f"pkuseg model fetched into {dest}")
    return dest


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["fetch"]:
        fetch()
        return 0
    if argv[:1] == ["path"]:
        print(model_dir())
        return 0 if is_present() else 1
    print("usage: python -m extract.model fetch|path", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
