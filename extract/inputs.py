"""Reading inputs: files, folders, JSONL and standard input, with encoding detection.

Every input yields either ``RawDoc`` objects or a ``NewsfactsError`` (never an
exception that stops the batch). Decoding order: BOM (UTF-8, UTF-16 LE/BE),
strict UTF-8, then GB18030 (a superset of GBK and GB2312, which Chinese archives
use widely), then charset-normalizer's best guess. Binary junk (NUL bytes or a
high share of control characters) is refused rather than decoded as garbage.
"""
from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Union

import orjson

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


def _looks_binary(data: bytes) -> str | None:
    sample = data[:8192]
    if b"\x00" in sample:
        return "contains NUL bytes"
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if sample and control / len(sample) > 0.05:
        return f"{control} control bytes in the first {len(sample)}"
    return None


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding) or raise NewsfactsError."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise NewsfactsError("NF003", path, reason=f"{enc} with BOM: {exc.reason}") from exc
    why = _looks_binary(data)
    if why:
        raise NewsfactsError("NF002", path, reason=why)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise NewsfactsError("NF003", path, reason="not UTF-8, UTF-16 or GB18030, and no charset fits")
    return str(best), best.encoding


def _read_file(path: Path, label: str) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield NewsfactsError("NF001", label, reason=exc.strerror or str(exc))
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(data, label)
        return
    decoded = _decode_nonempty(data, label)
    if isinstance(decoded, NewsfactsError):
        yield decoded
        return
    yield RawDoc(path=label, doc_id=path.name, text=decoded[0], encoding=decoded[1])


def _decode_nonempty(data: bytes, label: str) -> tuple[str, str] | NewsfactsError:
    """(text, encoding), or the error record for an empty or undecodable input."""
    if not data.strip():
        return NewsfactsError("NF004", label)
    try:
        text, enc = decode_bytes(data, label)
    except NewsfactsError as err:
        return err
    return (text, enc) if text.strip() else NewsfactsError("NF004", label)


def _read_jsonl(data: bytes, label: str) -> Iterator[Item]:
    decoded = _decode_nonempty(data, label)
    if isinstance(decoded, NewsfactsError):
        yield decoded
        return
    text = decoded[0]
    for lineno, line in enumerate(text.splitlines(), start=1):
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
        doc_id = str(obj.get("id") or f"{Path(label).name}:{lineno}")
        published = obj.get("published")
        source = obj.get("source")
        yield RawDoc(
            path=str(source) if isinstance(source, str) and source else f"{label}#{doc_id}",
            doc_id=doc_id,
            text=obj["text"],
            published=str(published) if published else None,
            line=lineno,
        )


def iter_inputs(inputs: list[str]) -> Iterator[Item]:
    """Yield every document (or error) from the given paths, folders, JSONL files or '-'."""
    for spec in inputs:
        if spec == "-":
            decoded = _decode_nonempty(sys.stdin.buffer.read(), "-")
            yield decoded if isinstance(decoded, NewsfactsError) else RawDoc(
                path="-", doc_id="stdin", text=decoded[0], encoding=decoded[1])
            continue
        path = Path(spec)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith("."):
                    continue
                yield from _read_file(child, str(child))
        elif path.is_file():
            yield from _read_file(path, spec)
        else:
            yield NewsfactsError("NF007", spec)
