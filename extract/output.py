"""Deterministic JSONL: orjson with sorted keys, written atomically.

Where output goes (every output: ``-o``, ``--groups``, ``--html``):

* ``-`` (or None): standard output.
* a regular file, or a name that does not exist yet: written to a temporary file beside it and
  renamed into place on success, so a reader never sees half a file and a failed run leaves the old
  one. An existing file keeps its permission bits (and, when allowed, its owner).
* a symbolic link (also a chain, or one whose target does not exist yet): the link is resolved and
  the file it names is replaced atomically; the link itself stays.
* a character device or a named pipe (``/dev/null``, ``/dev/stdout`` on a pipe, ``mkfifo``):
  written to directly; renaming onto it would replace the device or pipe with a regular file.
* a folder, block device or socket, a symbolic-link loop, or a path under a regular file:
  ``OutputError`` (the command line reports NF104 and exits 2; ``output_problem`` checks this
  before any work starts).
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

import orjson
from pydantic import BaseModel

OPTS = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


class OutputError(OSError):
    """An output path newsfacts cannot write to (a folder, a block device, ...)."""

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        super().__init__(f"{os.fsdecode(path)}: {reason}")
        self.path, self.reason = os.fsdecode(path), reason


def dumps(record: BaseModel | dict) -> bytes:
    """One JSONL line. Decimals are written as strings, so values stay exact."""
    data = record.model_dump(mode="json") if isinstance(record, BaseModel) else record
    return orjson.dumps(data, option=OPTS)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def _direct(mode: int) -> bool:
    """Outputs written in place: renaming onto a device or a pipe would replace it with a file."""
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def output_problem(path: str | os.PathLike | None) -> str | None:
    """Why ``path`` cannot be an output, or None. Nothing is created or opened."""
    if path is None or os.fspath(path) == "-":
        return None
    try:
        st = os.stat(path)  # follows links, including /dev/stdout → /proc/self/fd/1 → pipe
    except FileNotFoundError:
        st = None
    except OSError as exc:  # ELOOP, ENOTDIR, ENAMETOOLONG, EACCES
        return exc.strerror or str(exc)
    if st is not None:
        return None if stat.S_ISREG(st.st_mode) or _direct(st.st_mode) else f"is {_kind(st.st_mode)}"
    # A new file: its nearest existing ancestor must be a folder (parents are created).
    parent = Path(os.path.realpath(path)).parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"{os.fsdecode(parent)} is not a folder"
    return None


@contextmanager
def atomic_writer(path: str | os.PathLike) -> Iterator[IO[bytes]]:
    """A binary file object for ``path``: see the module docstring for where the bytes go."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from exc
    if st is not None and _direct(st.st_mode):
        with open(path, "wb") as fh:
            yield fh
        return
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputError(path, f"is {_kind(st.st_mode)}")
    target = Path(os.path.realpath(path))  # a symbolic link: replace the file it names
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if st is not None:  # keep the replaced file's permissions and, when allowed, owner
                try:
                    os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                except OSError:
                    pass
                os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))  # after chown, which clears set-id bits
            else:  # mkstemp makes 0600; a new output is an ordinary file
                umask = os.umask(0)
                os.umask(umask)
                os.fchmod(fh.fileno(), 0o666 & ~umask)
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


def write_text(text: str, path: str | os.PathLike | None) -> None:
    """Write ``text`` as UTF-8 to ``path`` (atomically, as ``write_jsonl``) or to stdout for '-'."""
    if path is None or os.fspath(path) == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    with atomic_writer(path) as fh:
        fh.write(text.encode("utf-8"))
