"""The error catalogue: every error newsfacts reports has a code and a message here.

Errors about one input never stop a batch: they become ``schemas.ErrorRecord``
lines in the output (and count towards the exit status), so every input is
accounted for either as stories or as an error record.
"""
from __future__ import annotations

from schemas import ErrorRecord

CATALOGUE: dict[str, str] = {
    "NF001": "cannot read file: {reason}",
    "NF002": "file is binary, not text: {reason}",
    "NF003": "cannot decode text: {reason}",
    "NF004": "file is empty",
    "NF005": "malformed JSONL line: {reason}",
    "NF006": "JSONL record lacks a usable 'text': {reason}",
    "NF007": "input path does not exist",
    "NF008": "no text found after removing page furniture",
    "NF009": "internal error while extracting: {reason}",
    "NF010": "record fails validation: {reason}",
    "NF011": "unknown record type: {reason}",
    # Below the document: one extractor failed on one story; the story and its other facts stay.
    "NF012": "extractor '{extractor}' failed on this story, its facts are missing: {reason}",
    # A worker process died; its inputs were retried one by one in a fresh worker.
    "NF013": "worker process died while extracting this input: {reason}",
    # Walking an input folder.
    "NF014": "cannot read folder: {reason}",
    "NF015": "broken symbolic link: {reason}",
    # Loading into a database.
    "NF016": "database schema could not be created: {reason}",
    # A JSONL record's optional field of the wrong type: the field is dropped, the document kept.
    "NF017": "JSONL field '{field}' ignored: {reason}",
    # The review desk and export (issue 13).
    "NF018": "database has no conflicts to review: {reason}",
    # The Ray engine (issue 14): a task failed on this input after Ray's retries.
    "NF019": "distributed task failed on this input: {reason}",
}

#: Usage errors: the command line itself is wrong. They stop the run before any input is
#: read, print one line on standard error and exit with status 2; no record is written.
USAGE: dict[str, str] = {
    "NF101": "--jobs must be between 1 and {limit}, not {value}",
    "NF102": "--user-dict {path}: {reason}",
    "NF103": "unsupported database URL {url!r}: use sqlite:///PATH or postgresql://USER@HOST:PORT/DB",
    "NF104": "cannot write output {path}: {reason}",
    "NF105": "--batch-rows must be at least 1, not {value}",
    "NF106": "{option}: {reason}",
    "NF107": "NEWSFACTS_USER_DICT={path}: {reason}",
    "NF108": "--engine ray needs Ray: pip install 'newsfacts[ray]' ({reason})",
    "NF109": "--db {url}: no conflicts table; run `newsfacts load` on `check` output first",
}


def usage(code: str, **params: object) -> str:
    """One line for standard error: ``newsfacts: NF101 --jobs must be …``."""
    return f"newsfacts: {code} {USAGE[code].format(**params)}"


class NewsfactsError(Exception):
    """An error with a catalogue code, about one input."""

    def __init__(self, code: str, path: str, line: int | None = None, *, doc_id: str | None = None,
                 story_id: str | None = None, extractor: str | None = None, **params: object) -> None:
        self.code = code
        self.path = path
        self.line = line
        self.doc_id = doc_id
        self.story_id = story_id
        self.extractor = extractor
        if extractor is not None:
            params.setdefault("extractor", extractor)
        self.message = CATALOGUE[code].format(**params)
        super().__init__(f"{path}{':' + str(line) if line else ''}: {code} {self.message}")

    def record(self) -> ErrorRecord:
        return ErrorRecord(code=self.code, message=self.message, path=self.path, line=self.line,
                           doc_id=self.doc_id, story_id=self.story_id, extractor=self.extractor)


class ModelMissingError(RuntimeError):
    """The pkuseg model is not in the cache folder."""
