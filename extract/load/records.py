"""JSONL lines → validated records, and the replacement keys that decide when the loader may commit.

NUL (U+0000): PostgreSQL cannot store it in text, so on every database each NUL in any string of a
record (text, names, paths, ids, JSON list items) is stored as U+FFFD, one character for one, so
character offsets into the text stay valid. Both databases then hold the same rows.

Replacement keys: a story or error record replaces what was loaded earlier for its source path
(``p:<path>``); a conflict, what was loaded earlier for its group (``g:<group id>``). ``last_lines``
reads a file once ahead of the load to find the last line of each key, so that the loader never
commits while a key's records are still to come (see ``loader``).
"""
from __future__ import annotations

import sys
from typing import IO, Any, Iterator

import orjson
from pydantic import BaseModel, ValidationError

from schemas import Conflict, ErrorRecord, Group, StoryRecord

from ..errors import NewsfactsError

MODELS: dict[str, type[BaseModel]] = {"story": StoryRecord, "group": Group, "conflict": Conflict,
                                      "error": ErrorRecord}
NUL, REPLACEMENT = "\x00", "\ufffd"
_NUL_ESCAPE = b"\\u0000"  # how JSON writes NUL; a line without these bytes holds none


def _has_nul(data: Any) -> bool:
    if isinstance(data, str):
        return NUL in data
    if isinstance(data, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in data.items())
    if isinstance(data, list):
        return any(_has_nul(v) for v in data)
    return False


def _replace_nul(data: Any) -> Any:
    if isinstance(data, str):
        return data.replace(NUL, REPLACEMENT)
    if isinstance(data, dict):
        return {_replace_nul(k): _replace_nul(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_replace_nul(v) for v in data]
    return data


def decode(raw: bytes) -> Any:
    """The JSON value of a line, every NUL in its strings replaced (``orjson.JSONDecodeError`` if malformed)."""
    data = orjson.loads(raw)
    if _NUL_ESCAPE in raw and _has_nul(data):
        data = _replace_nul(data)
    return data


def parse_line(raw: bytes, file: str, lineno: int) -> BaseModel:
    """One JSONL line as a validated record, or a ``NewsfactsError`` (NF005, NF010, NF011) raised."""
    try:
        data = decode(raw)
    except orjson.JSONDecodeError as exc:
        raise NewsfactsError("NF005", file, lineno, reason=str(exc)) from None
    if not isinstance(data, dict):
        raise NewsfactsError("NF005", file, lineno, reason=f"a JSON {type(data).__name__}, not an object")
    rtype = data.get("record_type")
    model = MODELS.get(rtype) if isinstance(rtype, str) else None
    if model is None:
        raise NewsfactsError("NF011", file, lineno, reason=repr(rtype)[:200])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        reason = f"{exc.error_count()} errors; first at {where or '(record)'}: {first.get('msg', '')}"
        raise NewsfactsError("NF010", file, lineno, reason=reason) from None


def iter_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """(1-based line number, bytes) for every non-blank line; ``-`` reads standard input."""
    fh: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")
    try:
        for n, raw in enumerate(fh, 1):
            if raw.strip():
                yield n, raw
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def record_keys(rec: BaseModel) -> tuple[str, ...]:
    """The replacement keys of a validated record (none for groups: a group replaces only itself)."""
    if isinstance(rec, StoryRecord):
        return ("p:" + rec.source.path,)
    if isinstance(rec, ErrorRecord):
        return ("p:" + rec.path,)
    if isinstance(rec, Conflict):
        return ("g:" + rec.group_id,)
    return ()


def _data_keys(data: Any) -> tuple[str, ...]:
    """``record_keys`` of a decoded line that has not been validated (it may not be valid)."""
    if not isinstance(data, dict):
        return ()
    rtype, value = data.get("record_type"), None
    if rtype == "story" and isinstance(data.get("source"), dict):
        value, prefix = data["source"].get("path"), "p:"
    elif rtype == "error":
        value, prefix = data.get("path"), "p:"
    elif rtype == "conflict":
        value, prefix = data.get("group_id"), "g:"
    return (prefix + value,) if isinstance(value, str) else ()


def last_lines(path: str) -> dict[str, int] | None:
    """Replacement key → the last line it occurs on, read ahead from ``path``; None for standard
    input or a file that cannot be read (the loader then treats every key as open to the end)."""
    if path == "-":
        return None
    last: dict[str, int] = {}
    try:
        for n, raw in iter_lines(path):
            try:
                keys = _data_keys(decode(raw))
            except orjson.JSONDecodeError:
                continue
            for k in keys:
                last[k] = n
    except OSError:
        return None
    return last
