"""Reading inputs: files, folders, JSONL and standard input, with encoding detection.

Every input yields either ``RawDoc`` objects or a ``NewsfactsError`` (never an
exception that stops the batch): every file, folder and link met is accounted for.

Decoding is extract/decoding.py's (``decode_bytes``, re-exported here): a BOM, binary refused
(NF002), UTF-8, then GB18030 or Big5 judged by how common their characters are, then
charset-normalizer for other scripts; never GB/Big5 mojibake with exit 0 (NF003).

Paths in records are printable: a file name that is not UTF-8 keeps its valid
UTF-8 parts and shows every other byte as ``\\xNN`` (``display_path``). The file
itself is opened by its real name.

Folders are walked one directory file descriptor at a time (``os.scandir`` on the
descriptor, files opened relative to it), so a path longer than the system's
limit (4,096 bytes) is still read. Entries are sorted by name; names starting
with '.' are skipped (files and folders). Symbolic links are followed, to files
and to folders; a link back to a folder being walked (a cycle) is not followed
and becomes an NF014 record, a broken link an NF015 record. An unreadable folder
is NF014, an unreadable file NF001, a named pipe, socket or device inside a folder
NF001 (it is never opened: reading it could block forever).

JSONL: lines are split on '\\n' only (U+2028, U+0085 and lone '\\r' are valid
inside a JSON string). ``id`` is a string or an integer (0 is an id); missing,
null or empty, it is ``{file name}:{line}``. A repeated id within one file keeps
every record: the first keeps its id, each later one becomes ``{id}#{line}``
(``#{line}`` again if that is taken), so a doc_id names one record of the file,
and story ids (a hash of doc_id and offsets) differ. ``path`` is ``source`` when
given, else ``{file}#{id as written}``. A present optional field of the
wrong type (``id`` not a string or integer, ``published`` or ``source`` not a
string) is dropped with an NF017 record naming the field; the document is kept.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import PurePath
from typing import Iterator, Union

import orjson

from .decoding import (BIG5_MARGIN, PLAUSIBLE, SAMPLE_CHARS, _decode_nonempty,  # noqa: F401 - re-exported
                       _plausible_chars, common_chars, decode_bytes, plausibility)
from .errors import NewsfactsError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class RawDoc:
    """One decoded document; every offset newsfacts writes points into ``text``."""

    path: str
    doc_id: str
    text: str
    published: str | None = None
    encoding: str = "utf-8"
    line: int | None = None  # the line of a JSONL input

    def error(self, code: str, **params: object) -> NewsfactsError:
        """An error about this document, naming its path, JSONL line and id."""
        return NewsfactsError(code, self.path, self.line, doc_id=self.doc_id, **params)


Item = Union[RawDoc, NewsfactsError]


def display_path(path: str | os.PathLike | bytes) -> str:
    """The printable form of a path: its bytes as UTF-8 where they are valid UTF-8, every
    other byte as ``\\xNN``. ``os.fsencode`` undoes Python's surrogate escapes, so a GBK file
    name b'\\xd6\\xd0\\xce\\xc4.txt' becomes the ten characters ``\\xd6\\xd0\\xce\\xc4.txt``."""
    raw = path if isinstance(path, bytes) else os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def _read_data(data: bytes, label: str, name: str) -> Iterator[Item]:
    """Documents of one file's bytes; ``label`` is the printable path, ``name`` its file name."""
    if PurePath(name).suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(data, label)
        return
    decoded = _decode_nonempty(data, label)
    if isinstance(decoded, NewsfactsError):
        yield decoded
        return
    yield RawDoc(path=label, doc_id=display_path(PurePath(name).name), text=decoded[0], encoding=decoded[1])


# --------------------------------------------------------------------------- JSONL

def _optional_str(obj: dict, key: str, label: str, lineno: int, errors: list[NewsfactsError]) -> str | None:
    """``obj[key]`` when it is a non-blank string; None when absent, null or blank; otherwise
    None plus an NF017 record naming the field (the document is kept)."""
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value
    errors.append(NewsfactsError(
        "NF017", label, lineno, field=key,
        reason=f"it must be a string, not {_json_type(value)} {_short(value)}; the document is kept"))
    return None


def _json_type(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "an array",
            dict: "an object", str: "a string"}.get(type(value), type(value).__name__)


def _short(value: object) -> str:
    s = orjson.dumps(value).decode()
    return s if len(s) <= 40 else s[:37] + "..."


def _read_jsonl(data: bytes, label: str) -> Iterator[Item]:
    decoded = _decode_nonempty(data, label)
    if isinstance(decoded, NewsfactsError):
        yield decoded
        return
    name = PurePath(label).name
    seen: set[str] = set()  # doc_ids already given out in this file
    # '\n' only: str.splitlines() also splits on U+2028, U+0085, \x1c… which JSON strings may hold.
    for lineno, line in enumerate(decoded[0].split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield NewsfactsError("NF005", label, lineno, reason=str(exc).split(":")[0])
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield NewsfactsError("NF006", label, lineno, reason="expected an object with a non-empty string 'text'")
            continue
        errors: list[NewsfactsError] = []
        raw_id = obj.get("id")
        if isinstance(raw_id, int) and not isinstance(raw_id, bool):
            given = str(raw_id)  # 0 is an id
        else:
            given = _optional_str(obj, "id", label, lineno, errors)
        published = _optional_str(obj, "published", label, lineno, errors)
        source = _optional_str(obj, "source", label, lineno, errors)
        doc_id = given if given is not None else f"{name}:{lineno}"
        path = source if source is not None else f"{label}#{doc_id}"
        while doc_id in seen:  # a repeated id: keep the record under a new doc_id
            doc_id = f"{doc_id}#{lineno}"
        seen.add(doc_id)
        for err in errors:
            err.doc_id = doc_id
            yield err
        yield RawDoc(path=path, doc_id=doc_id, text=obj["text"], published=published, line=lineno)


# --------------------------------------------------------------------------- files and folders

_OPEN_FILE = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_OPEN_DIR = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _read_fd(fd: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _read_entry(name: str, dir_fd: int | None, label: str, *, allow_fifo: bool = False) -> Iterator[Item]:
    """Open ``name`` (relative to ``dir_fd``), refuse anything but a regular file (or a FIFO named
    on the command line), read and decode it."""
    flags = _OPEN_FILE
    try:
        if allow_fifo and stat.S_ISFIFO(os.stat(name, dir_fd=dir_fd).st_mode):
            flags &= ~os.O_NONBLOCK  # wait for the writer: a non-blocking read would see EOF first
        fd = os.open(name, flags, dir_fd=dir_fd)
    except OSError as exc:
        yield NewsfactsError("NF001", label, reason=_reason(exc))
        return
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISFIFO(mode) and allow_fifo:
            os.set_blocking(fd, True)
        elif not stat.S_ISREG(mode):
            yield NewsfactsError("NF001", label, reason=f"{_kind(mode)}, not a regular file; not read")
            return
        data = _read_fd(fd)
    except OSError as exc:
        yield NewsfactsError("NF001", label, reason=_reason(exc))
        return
    finally:
        os.close(fd)
    yield from _read_data(data, label, name)


def _link_error(name: str, dir_fd: int, label: str, exc: OSError) -> NewsfactsError:
    try:
        target = display_path(os.readlink(name, dir_fd=dir_fd))
    except OSError:
        target = "?"
    if exc.errno == errno.ELOOP:
        return NewsfactsError("NF015", label, reason=f"-> {target}: a loop of symbolic links")
    if exc.errno == errno.ENOENT:
        return NewsfactsError("NF015", label, reason=f"-> {target}: the target does not exist")
    return NewsfactsError("NF015", label, reason=f"-> {target}: {_reason(exc)}")


def _join(base: str, name: str) -> str:
    return str(PurePath(base, name))


def _walk(top_fd: int, top: str, top_id: tuple[int, int]) -> Iterator[Item]:
    """Every file under the open folder ``top_fd`` (path ``top``, surrogate-escaped), depth first
    in name order. Each level keeps its folder's descriptor open while its children are walked."""
    walk = _FolderWalk()
    try:
        yield from walk.enter(top_fd, top, (top_id,))
        while walk.stack:
            fd, path, names, ancestors = walk.stack[-1]
            name = next(names, None)
            if name is None:
                walk.stack.pop()
                os.close(fd)
            elif not name.startswith("."):
                yield from walk.entry(fd, path, name, ancestors)
    finally:  # the caller stopped early: close the folders still open
        for fd, *_ in walk.stack:
            os.close(fd)


class _FolderWalk:
    """The open folders of one walk, innermost last: (descriptor, path, names still to visit,
    the (device, inode) of the folder and of each one enclosing it)."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str, Iterator[str], tuple[tuple[int, int], ...]]] = []

    def enter(self, fd: int, path: str, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Item]:
        """Push the open folder ``fd`` with its names sorted, or close it and yield NF014 if unreadable."""
        try:
            with os.scandir(fd) as it:
                names = sorted(e.name for e in it)
        except OSError as exc:
            os.close(fd)
            yield NewsfactsError("NF014", display_path(path), reason=_reason(exc))
            return
        self.stack.append((fd, path, iter(names), ancestors))

    def entry(self, fd: int, path: str, name: str, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Item]:
        """The entry ``name`` of the folder ``fd`` (path ``path``): a file read, a folder entered."""
        child = _join(path, name)
        label = display_path(child)
        try:
            st = os.stat(name, dir_fd=fd)  # follows symbolic links
        except OSError as exc:
            yield _stat_error(name, fd, label, exc)
            return
        if stat.S_ISDIR(st.st_mode):
            yield from self.folder(fd, name, child, ancestors + ((st.st_dev, st.st_ino),))
        else:
            yield from _read_entry(name, fd, label)

    def folder(self, fd: int, name: str, child: str, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Item]:
        """Enter the folder ``name`` of ``fd``, whose own identity ends ``ancestors``, unless it
        encloses itself (a symbolic link's cycle: NF014) or cannot be opened (NF014)."""
        label = display_path(child)
        if ancestors[-1] in ancestors[:-1]:
            yield NewsfactsError("NF014", label, reason="symbolic link to a folder that encloses it (a cycle); "
                                                        "not followed, its files are read under their own path")
            return
        try:
            child_fd = os.open(name, _OPEN_DIR, dir_fd=fd)
        except OSError as exc:
            yield NewsfactsError("NF014", label, reason=_reason(exc))
            return
        yield from self.enter(child_fd, child, ancestors)


def _stat_error(name: str, dir_fd: int, label: str, exc: OSError) -> NewsfactsError:
    """The record of a folder entry that ``os.stat`` failed on: NF015 for a symbolic link, else NF001."""
    try:
        is_link = stat.S_ISLNK(os.lstat(name, dir_fd=dir_fd).st_mode)
    except OSError:
        is_link = False
    return _link_error(name, dir_fd, label, exc) if is_link else NewsfactsError("NF001", label, reason=_reason(exc))


def _read_spec(spec: str) -> Iterator[Item]:
    label = display_path(spec)
    try:
        st = os.stat(spec)
    except OSError as exc:
        try:
            is_link = stat.S_ISLNK(os.lstat(spec).st_mode)
        except OSError:
            is_link = False
        if is_link:
            parent, name = os.path.split(spec)
            fd = os.open(parent or ".", _OPEN_DIR)
            try:
                yield _link_error(name, fd, label, exc)
            finally:
                os.close(fd)
        elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
            yield NewsfactsError("NF007", label)
        else:
            yield NewsfactsError("NF001", label, reason=_reason(exc))
        return
    if stat.S_ISDIR(st.st_mode):
        try:
            fd = os.open(spec, _OPEN_DIR)
        except OSError as exc:
            yield NewsfactsError("NF014", label, reason=_reason(exc))
            return
        yield from _walk(fd, str(PurePath(spec)), (st.st_dev, st.st_ino))
    else:
        # A file named on the command line; a FIFO is read too (newsfacts extract <(zcat a.gz)).
        yield from _read_entry(spec, None, label, allow_fifo=True)


def iter_inputs(inputs: list[str]) -> Iterator[Item]:
    """Yield every document (or error) from the given paths, folders, JSONL files or '-'."""
    for spec in inputs:
        if spec == "-":
            decoded = _decode_nonempty(sys.stdin.buffer.read(), "-")
            yield decoded if isinstance(decoded, NewsfactsError) else RawDoc(
                path="-", doc_id="stdin", text=decoded[0], encoding=decoded[1])
            continue
        yield from _read_spec(spec)
