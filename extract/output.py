"""Deterministic JSONL: orjson with sorted keys, written atomically."""
from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

import orjson
from pydantic import BaseModel

OPTS = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def dumps(record: BaseModel | dict) -> bytes:
    """One JSONL line. Decimals are written as strings, so values stay exact."""
    data = record.model_dump(mode="json") if isinstance(record, BaseModel) else record
    return orjson.dumps(data, option=OPTS)


@contextmanager
def atomic_writer(path: str | os.PathLike) -> Iterator[IO[bytes]]:
    """Write to a temporary file beside ``path`` and rename it into place on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; the output is an ordinary file
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_jsonl(records: Iterable[BaseModel | dict], path: str | None) -> int:
    """Write records to ``path`` atomically (or to stdout when None or '-'); return the count."""
    n = 0
    if path in (None, "-"):
        out = sys.stdout.buffer
        for rec in records:
            out.write(dumps(rec))
            n += 1
        out.flush()
        return n
    with atomic_writer(path) as fh:
        for rec in records:
            fh.write(dumps(rec))
            n += 1
    return n


def write_text(text: str, path: str | os.PathLike) -> None:
    with atomic_writer(path) as fh:
        fh.write(text.encode("utf-8"))
