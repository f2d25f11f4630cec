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
}


class NewsfactsError(Exception):
    """An error with a catalogue code, about one input."""

    def __init__(self, code: str, path: str, line: int | None = None, **params: object) -> None:
        self.code = code
        self.path = path
        self.line = line
        self.message = CATALOGUE[code].format(**params)
        super().__init__(f"{path}{':' + str(line) if line else ''}: {code} {self.message}")

    def record(self) -> ErrorRecord:
        return ErrorRecord(code=self.code, message=self.message, path=self.path, line=self.line)


class ModelMissingError(RuntimeError):
    """The pkuseg model is not in the cache folder."""
