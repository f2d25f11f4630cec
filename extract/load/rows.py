"""Records → table rows: one function per record type, giving the rows of every table it fills.

Ids of child rows are their parent's id and their position in the record's list (see ``tables``).
"""
from __future__ import annotations

import functools
import hashlib
from decimal import Decimal
from typing import Any, get_args

from pydantic import BaseModel
from sqlalchemy import Table

from schemas import Conflict, ErrorRecord, Group, StoryRecord

from . import tables as T


def _scalars(obj: BaseModel, *skip: str, **extra: Any) -> dict[str, Any]:
    """The record's own fields as column values: nested records and lists of records are left out
    (they have tables of their own), lists of strings go to JSON columns, Decimals become exact text.

    A field the tables lack would be dropped silently by an executemany INSERT; ``check_columns``
    makes it fail loudly instead (and tests/test_load.py fills every field of every record).
    """
    out: dict[str, Any] = {}
    nested = _nested_fields(type(obj))
    for name in type(obj).model_fields:
        if name in skip or name == "record_type" or name in nested:
            continue
        v = getattr(obj, name)
        if isinstance(v, list) and name in _CHILD_LISTS.get(type(obj).__name__, ()):
            continue
        out[name] = str(v) if isinstance(v, Decimal) else v
    out.update(extra)
    return out


@functools.cache
def _nested_fields(cls: type[BaseModel]) -> frozenset[str]:
    """Fields that hold records (or lists of them, or None in their place): not columns of their own."""
    def holds_model(tp: Any) -> bool:
        return (isinstance(tp, type) and issubclass(tp, BaseModel)) or any(holds_model(a) for a in get_args(tp))
    return frozenset(name for name, f in cls.model_fields.items() if holds_model(f.annotation))


# Lists that are rows of their own tables even when empty (so never a JSON column).
_CHILD_LISTS = {"StoryRecord": ("paragraphs", "sentences", "furniture", "officials", "organizations", "dates", "events", "claims",
                               "corrections"),
                "Official": ("positions", "mentions"), "Organization": ("mentions",), "Event": ("officials",),
                "Group": ("members",), "Conflict": ("readings",)}


# A story's lists of plain children: (field, table, id column, id prefix).
_STORY_CHILDREN = (("paragraphs", T.paragraphs, "paragraph_id", "para"), ("sentences", T.sentences, "sentence_id", "s"),
                   ("furniture", T.furniture, "furniture_id", "f"), ("dates", T.dates, "date_id", "d"),
                   ("claims", T.claims, "claim_id", "c"), ("corrections", T.corrections, "correction_id", "x"))


def story_rows(rec: StoryRecord, loaded_from: str) -> dict[Table, list[dict[str, Any]]]:
    """The rows of every table for one story record."""
    key = T.story_key(rec.story_id, rec.source.path)
    out: dict[Table, list[dict[str, Any]]] = {t: [] for t in (
        T.stories, T.paragraphs, T.sentences, T.furniture, T.officials, T.positions, T.organizations, T.mentions,
        T.dates, T.events, T.event_officials, T.claims, T.corrections)}
    out[T.stories].append(_story_row(rec, key, loaded_from))
    for name, table, id_col, prefix in _STORY_CHILDREN:
        out[table].extend(_scalars(x, **{id_col: f"{key}:{prefix}{i}"}, story_key=key, idx=i)
                          for i, x in enumerate(getattr(rec, name)))
    _add_officials(out, rec, key)
    _add_organizations(out, rec, key)
    _add_events(out, rec, key)
    return out


def _story_row(rec: StoryRecord, key: str, loaded_from: str) -> dict[str, Any]:
    """The stories row: the record's scalars, its source and its reference date as columns."""
    ref = rec.reference_date
    return _scalars(
        rec, story_key=key, source_path=rec.source.path, doc_id=rec.source.doc_id, source_line=rec.source.line,
        ref_year=ref.year if ref else None, ref_month=ref.month if ref else None, ref_day=ref.day if ref else None,
        ref_source=ref.source if ref else None, ref_year_source=ref.year_source if ref else None,
        loaded_from=loaded_from)


def _add_officials(out: dict[Table, list[dict[str, Any]]], rec: StoryRecord, key: str) -> None:
    """The officials rows, with their positions and mentions."""
    for i, o in enumerate(rec.officials):
        oid = f"{key}:o{i}"
        out[T.officials].append(_scalars(o, official_id=oid, story_key=key, idx=i))
        for j, p in enumerate(o.positions):
            out[T.positions].append(_scalars(p, position_id=f"{oid}:p{j}", official_id=oid, idx=j))
        for j, m in enumerate(o.mentions):
            out[T.mentions].append(_scalars(m, mention_id=f"{oid}:m{j}", story_key=key, official_id=oid,
                                            organization_id=None, idx=j))


def _add_organizations(out: dict[Table, list[dict[str, Any]]], rec: StoryRecord, key: str) -> None:
    """The organizations rows, with their mentions (after the officials' mentions)."""
    for i, g in enumerate(rec.organizations):
        gid = f"{key}:g{i}"
        out[T.organizations].append(_scalars(g, organization_id=gid, story_key=key, idx=i))
        for j, m in enumerate(g.mentions):
            out[T.mentions].append(_scalars(m, mention_id=f"{gid}:m{j}", story_key=key, official_id=None,
                                            organization_id=gid, idx=j))


def _add_events(out: dict[Table, list[dict[str, Any]]], rec: StoryRecord, key: str) -> None:
    """The events rows (their date and location span as columns), with their officials' names."""
    for i, e in enumerate(rec.events):
        eid = f"{key}:e{i}"
        date = {f"date_{k}": v for k, v in _scalars(e.date).items()}
        span = e.location_span  # a Mention: its offsets as columns, its text is the location's
        out[T.events].append(_scalars(e, event_id=eid, story_key=key, idx=i, **date,
                                      location_start=span.start if span else None,
                                      location_end=span.end if span else None))
        for j, name in enumerate(e.officials):
            out[T.event_officials].append({"event_id": eid, "idx": j, "name": name})


def _source_cols(story_id: str, source) -> dict[str, Any]:
    """The columns that point a member or a reading at its story and source."""
    return {"story_key": T.story_key(story_id, source.path), "source_path": source.path,
            "doc_id": source.doc_id, "source_line": source.line}


def group_rows(rec: Group, loaded_from: str) -> dict[Table, list[dict[str, Any]]]:
    """The groups row and its members."""
    return {
        T.groups: [_scalars(rec, loaded_from=loaded_from)],
        T.group_members: [_scalars(m, member_id=f"{rec.group_id}:{i}", group_id=rec.group_id, idx=i,
                                   **_source_cols(m.story_id, m.source))
                          for i, m in enumerate(rec.members)]}


def conflict_rows(rec: Conflict, loaded_from: str) -> dict[Table, list[dict[str, Any]]]:
    """The conflicts row and its readings."""
    return {
        T.conflicts: [_scalars(rec, loaded_from=loaded_from)],
        T.readings: [_scalars(r, reading_id=f"{rec.conflict_id}:{i}", conflict_id=rec.conflict_id, idx=i,
                              **_source_cols(r.story_id, r.source))
                     for i, r in enumerate(rec.readings)]}


def error_record_id(rec: ErrorRecord) -> str:
    raw = f"{rec.path}\x00{rec.line}\x00{rec.code}\x00{rec.message}".encode("utf-8")
    return "e_" + hashlib.sha1(raw).hexdigest()[:16]


def error_record_rows(rec: ErrorRecord, loaded_from: str) -> dict[Table, list[dict[str, Any]]]:
    return {T.extract_errors: [_scalars(rec, "path", error_id=error_record_id(rec), source_path=rec.path,
                                        loaded_from=loaded_from)]}


def check_columns(table: Table, row: dict[str, Any]) -> None:
    """``ValueError`` when ``row`` (one of a table's rows, which all have the same keys) holds a
    field the table has no column for."""
    extra = row.keys() - table.c.keys()
    if extra:
        raise ValueError(f"table {table.name} has no column for {sorted(extra)}")
