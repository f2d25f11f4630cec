"""Checking extracted records: story-record JSONL (``newsfacts extract`` output) instead of raw inputs.

``newsfacts check out/facts.jsonl`` (or a Ray output folder, ``check OUT/``) reads the story
records and compares them without extracting again. Every offset of a record points into its
source's raw text, which the records do not carry, so the raw text is read again from the
source the record names, with ``extract.inputs`` (the same decoding as at extraction):

* a text file (``source.path``), relative to the current folder as at extraction;
* a document of a JSONL input (``source.path`` = ``FILE#ID``, ``source.line`` set): FILE is
  read again and the document with the same path and doc_id taken.

A source that cannot be read again (a JSONL record whose ``source`` field named no file, a
moved file) becomes one NF001 error record for each of its stories; the other stories are
checked. A record file is told from a raw JSONL input by its first line: an object with a
``record_type`` and a ``schema_version``. A folder holding ``manifest.json`` (the Ray engine's
output, extract/distributed/) is its shards in manifest order.
"""
from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Iterator, Union

import orjson

from schemas import ErrorRecord, SourceRef, StoryRecord

from ..errors import NewsfactsError
from ..inputs import JSONL_SUFFIXES, RawDoc, display_path, iter_inputs

MANIFEST = "manifest.json"

Record = Union[StoryRecord, ErrorRecord]


def manifest_shards(folder: str | os.PathLike) -> list[str] | None:
    """The shard files of a Ray output folder in manifest order, or None if it has no manifest."""
    m = Path(folder) / MANIFEST
    if not m.is_file():
        return None
    data = orjson.loads(m.read_bytes())
    return [str(Path(folder) / s["file"]) for s in data["shards"]]


def is_record_file(path: str) -> bool:
    """True when ``path`` is a JSONL file of newsfacts records (not raw documents)."""
    if PurePath(path).suffix.lower() not in JSONL_SUFFIXES or not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as fh:
            for line in fh:
                if line.strip():
                    obj = orjson.loads(line)
                    return isinstance(obj, dict) and "record_type" in obj and "schema_version" in obj
    except (OSError, orjson.JSONDecodeError):
        return False
    return False


def record_files(spec: str) -> list[str] | None:
    """The record files an input stands for, or None when it is a raw input."""
    if os.path.isdir(spec):
        return manifest_shards(spec)
    return [spec] if is_record_file(spec) else None


def parse_record(line: bytes | str, path: str, lineno: int) -> Record:
    """One record line; a line that is not a story or error record is an NF005/NF010 error."""
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return NewsfactsError("NF005", display_path(path), lineno, reason=str(exc).split(":")[0]).record()
    kind = obj.get("record_type") if isinstance(obj, dict) else None
    try:
        if kind == "story":
            return StoryRecord.model_validate(obj)
        if kind == "error":
            return ErrorRecord.model_validate(obj)
    except ValueError as exc:
        return NewsfactsError("NF010", display_path(path), lineno, reason=str(exc).splitlines()[0]).record()
    return NewsfactsError("NF011", display_path(path), lineno, reason=repr(kind)).record()


def read_lines(path: str) -> Iterator[tuple[int, bytes]]:
    with open(path, "rb") as fh:
        for lineno, line in enumerate(fh, start=1):
            if line.strip():
                yield lineno, line


def read_records(path: str) -> Iterator[Record]:
    for lineno, line in read_lines(path):
        yield parse_record(line, path, lineno)


class RawTexts:
    """Raw texts of the sources of story records, read again on demand and kept.

    ``get(source)`` returns the text or raises NewsfactsError (NF001). A JSONL input is read
    once for all its documents."""

    def __init__(self) -> None:
        self.texts: dict[tuple[str, str], str] = {}
        self.read: set[str] = set()

    def _load(self, file: str) -> None:
        if file in self.read:
            return
        self.read.add(file)
        for it in iter_inputs([file]):
            if isinstance(it, RawDoc):
                self.texts[(it.path, it.doc_id)] = it.text

    def get(self, source: SourceRef) -> str:
        key = (source.path, source.doc_id)
        if key in self.texts:
            return self.texts[key]
        for file in self._candidates(source):
            self._load(file)
            if key in self.texts:
                return self.texts[key]
        raise NewsfactsError(
            "NF001", source.path, source.line, doc_id=source.doc_id,
            reason="the raw text these story records point into cannot be read again "
                   "(check the original input instead)")

    @staticmethod
    def _candidates(source: SourceRef) -> list[str]:
        path = source.path
        out = []
        if source.line is not None:  # FILE#ID: the JSONL input, wherever '#' falls
            out += [path[:k] for k, ch in enumerate(path) if ch == "#" and os.path.isfile(path[:k])]
        if os.path.isfile(path):
            out.append(path)
        return out


def with_raw(records: list[Record], raws: RawTexts) -> tuple[list[StoryRecord], dict, list[ErrorRecord]]:
    """Story records whose raw text was found, their raw texts, and error records (those given
    plus one NF001 a story whose raw text was not found)."""
    stories: list[StoryRecord] = []
    texts: dict[tuple[str, str], str] = {}
    errors: list[ErrorRecord] = []
    for rec in records:
        if rec.record_type == "error":
            errors.append(rec)
            continue
        try:
            texts[(rec.source.path, rec.source.doc_id)] = raws.get(rec.source)
        except NewsfactsError as err:
            err.story_id = rec.story_id
            errors.append(err.record())
            continue
        stories.append(rec)
    return stories, texts, errors
