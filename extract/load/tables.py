"""SQLAlchemy Core metadata for the loaded records: normalised tables with keys and indexes.

Keys are stable strings derived from the records themselves, so loading the same
file twice writes the same rows:

* ``stories.story_key`` is ``story_id@<sha1(source path)[:10]>``: a story id is
  a hash of ``doc_id`` and offsets, which two source files with the same name
  could share; the path suffix keeps them apart.
* child rows (sentences, officials, positions, ...) are keyed by their parent's
  key plus their index in the record's list, e.g. ``<story_key>:o3:p0``.
* ``groups.group_id``, ``conflicts.conflict_id`` are the ids the ``check``
  command writes; readings and members are ``<parent id>:<index>``.

Children of a story are deleted with it (``ON DELETE CASCADE``; SQLite needs
``PRAGMA foreign_keys=ON``, which ``loader.make_engine`` sets on every
connection). Decimal claim values are kept as exact text; ``CAST`` them to
compare numerically.

Columns added after a table was first created are nullable and appended at the end
of it (``NULLABLE_ADDED``), so ``db.create_schema`` can add them to an existing
database with ``ALTER TABLE ... ADD COLUMN``.

Two tables belong to the review desk (issue 13): ``decisions``, the reviewers' append-only history
(written by ``newsfacts review``, never by the loader, and not in ``INSERT_ORDER``), and
``corrections``, a story record's ``corrections`` list as ``newsfacts export`` writes it (loaded
like any other child of a story).
"""
from __future__ import annotations

import hashlib

from sqlalchemy import (JSON, BigInteger, Boolean, CheckConstraint, Column, Float, ForeignKey, Index, Integer,
                        MetaData, Table, Text, text)

metadata = MetaData()

ID = Text  # no length limits anywhere: SQLite ignores them and PostgreSQL would refuse long values
OFFSET = BigInteger


def story_key(story_id: str, source_path: str) -> str:
    """The primary key of a story row: its id plus a short hash of its source path."""
    return f"{story_id}@{hashlib.sha1(source_path.encode('utf-8')).hexdigest()[:10]}"


def _span() -> list[Column]:
    """start/end raw offsets into the source and the surface text."""
    return [Column("start", OFFSET, nullable=False), Column("end", OFFSET, nullable=False),
            Column("text", Text, nullable=False)]


def _fact() -> list[Column]:
    return _span() + [Column("rule", Text, nullable=False), Column("score", Float, nullable=False)]


def _source_line() -> Column:
    return Column("source_line", Integer, comment="line of the JSONL input the document came from")


def _story_fk() -> Column:
    return Column("story_key", ID, ForeignKey("stories.story_key", ondelete="CASCADE"), nullable=False, index=True)


stories = Table(
    "stories", metadata,
    Column("story_key", ID, primary_key=True),
    Column("story_id", Text, nullable=False, index=True),
    Column("source_path", Text, nullable=False, index=True),
    Column("doc_id", Text, nullable=False),
    Column("schema_version", Text, nullable=False),
    Column("start", OFFSET, nullable=False),
    Column("end", OFFSET, nullable=False),
    Column("headline", Text), Column("subtitle", Text), Column("dateline", Text), Column("byline", Text),
    Column("reporters", JSON, nullable=False),
    Column("published", Text),
    Column("ref_year", Integer), Column("ref_month", Integer), Column("ref_day", Integer),
    Column("ref_source", Text), Column("ref_year_source", Text),
    Column("text", Text, nullable=False),
    Column("loaded_from", Text, nullable=False),
    _source_line(),
)

paragraphs = Table(
    "paragraphs", metadata,
    Column("paragraph_id", ID, primary_key=True), _story_fk(), Column("idx", Integer, nullable=False),
    *_span(),
)

sentences = Table(
    "sentences", metadata,
    Column("sentence_id", ID, primary_key=True), _story_fk(), Column("idx", Integer, nullable=False),
    *_span(), Column("words", JSON),
)

furniture = Table(
    "furniture", metadata,
    Column("furniture_id", ID, primary_key=True), _story_fk(), Column("idx", Integer, nullable=False),
    Column("kind", Text, nullable=False), *_span(),
)

officials = Table(
    "officials", metadata,
    Column("official_id", ID, primary_key=True), _story_fk(), Column("idx", Integer, nullable=False),
    Column("name", Text, nullable=False, index=True),
    Column("is_reporter", Boolean, nullable=False),
    *_fact(),
)

positions = Table(
    "positions", metadata,
    Column("position_id", ID, primary_key=True),
    Column("official_id", ID, ForeignKey("officials.official_id", ondelete="CASCADE"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("title", Text, nullable=False, index=True), Column("org", Text),
    Column("org_elided", Boolean, nullable=False), Column("former", Boolean, nullable=False),
    *_span(),
)

organizations = Table(
    "organizations", metadata,
    Column("organization_id", ID, primary_key=True), _story_fk(), Column("idx", Integer, nullable=False),
    Column("name", Text, nullable=False), Column("canonical", Text, nullable=False, index=True),
    Column("aliases", JSON, nullable=False), Column("kind", Text), Column("parent", Text),
    *_fact(),
)

mentions = Table(
    "mentions", metadata,
    Column("mention_id", ID, primary_key=True), _story_fk(),
    Column("official_id", ID, ForeignKey("officials.official_id", ondelete="CASCADE"), index=True),
    Column("organization_id", ID, ForeignKey("organizations.organization_id", ondelete="CASCADE"), index=True),
    Column("idx", Integer, nullable=False),
    *_span(),
    CheckConstraint("(official_id IS NULL) <> (organization_id IS NULL)", name="mention_has_one_owner"),
)

events = Table(
    "events", metadata,
    Column("event_id", ID, primary_key=True), _story_fk(), Column("idx", Integer, nullable=False),
    Column("trigger", Text, nullable=False), Column("location", Text),
    # Event.location_span (a Mention): its offsets; its text is ``location``
    Column("location_start", OFFSET), Column("location_end", OFFSET),
    *_fact(),
    Column("date_value", Text, index=True), Column("date_end_value", Text),
    Column("date_precision", Text), Column("date_kind", Text, nullable=False),
    Column("date_time_of_day", Text), Column("date_year_source", Text), Column("date_unresolved", Text),
    Column("date_start", OFFSET, nullable=False), Column("date_end", OFFSET, nullable=False),
    Column("date_text", Text, nullable=False), Column("date_rule", Text, nullable=False),
    Column("date_score", Float, nullable=False),
)

dates = Table(
    "dates", metadata,
    Column("date_id", ID, primary_key=True), _story_fk(), Column("idx", Integer, nullable=False),
    Column("value", Text, index=True), Column("end_value", Text), Column("precision", Text),
    Column("kind", Text, nullable=False), Column("time_of_day", Text), Column("year_source", Text),
    Column("unresolved", Text),
    *_fact(),
)

event_officials = Table(
    "event_officials", metadata,
    Column("event_id", ID, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("name", Text, nullable=False, index=True),
)

claims = Table(
    "claims", metadata,
    Column("claim_id", ID, primary_key=True), _story_fk(), Column("idx", Integer, nullable=False),
    Column("value", Text), Column("unit", Text, index=True), Column("per", Text),
    Column("qualifier", Text, nullable=False),
    Column("lower", Text), Column("upper", Text),
    Column("measure", Text), Column("direction", Text), Column("period", Text), Column("sentence", Text),
    *_fact(),
)

groups = Table(
    "groups", metadata,
    Column("group_id", ID, primary_key=True),
    Column("schema_version", Text),
    Column("loaded_from", Text),
    comment="a row with loaded_from NULL is a stub made for a conflict whose group was not loaded (yet)",
)

group_members = Table(
    "group_members", metadata,
    Column("member_id", ID, primary_key=True),
    Column("group_id", ID, ForeignKey("groups.group_id", ondelete="CASCADE"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("story_id", Text, nullable=False),
    Column("story_key", ID, nullable=False, index=True, comment="joins stories.story_key when that story is loaded"),
    Column("source_path", Text, nullable=False), Column("doc_id", Text, nullable=False),
    Column("start", OFFSET, nullable=False), Column("end", OFFSET, nullable=False),
    Column("headline", Text),
    _source_line(),
)

conflicts = Table(
    "conflicts", metadata,
    Column("conflict_id", ID, primary_key=True),
    Column("group_id", ID, ForeignKey("groups.group_id"), nullable=False, index=True),
    Column("schema_version", Text, nullable=False),
    Column("field", Text, nullable=False), Column("kind", Text, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("severity", Text, nullable=False, index=True),
    Column("consensus", Text), Column("context", Text, nullable=False),
    Column("loaded_from", Text, nullable=False),
)

readings = Table(
    "readings", metadata,
    Column("reading_id", ID, primary_key=True),
    Column("conflict_id", ID, ForeignKey("conflicts.conflict_id", ondelete="CASCADE"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("story_id", Text, nullable=False),
    Column("story_key", ID, nullable=False, index=True, comment="joins stories.story_key when that story is loaded"),
    Column("source_path", Text, nullable=False), Column("doc_id", Text, nullable=False),
    *_span(),
    Column("votes", Integer, nullable=False),
    Column("context_before", Text, nullable=False), Column("context_after", Text, nullable=False),
    _source_line(),
    Column("value", Text, comment="the reading's parsed number or resolved date; null when it has none"),
)

extract_errors = Table(
    "extract_errors", metadata,
    Column("error_id", ID, primary_key=True),
    Column("source_path", Text, nullable=False, index=True),
    Column("line", Integer), Column("code", Text, nullable=False), Column("message", Text, nullable=False),
    Column("schema_version", Text, nullable=False),
    Column("loaded_from", Text, nullable=False),
    Column("doc_id", Text), Column("story_id", Text), Column("extractor", Text),
    comment="error records (record_type 'error') that the extract command wrote about its inputs",
)

load_errors = Table(
    "load_errors", metadata,
    Column("file", Text, primary_key=True),
    Column("line", Integer, primary_key=True, autoincrement=False, comment="1-based; 0 for the file as a whole"),
    Column("code", Text, nullable=False), Column("message", Text, nullable=False),
    comment="lines of a loaded JSONL file that could not be loaded",
)

corrections = Table(
    "corrections", metadata,
    Column("correction_id", ID, primary_key=True), _story_fk(), Column("idx", Integer, nullable=False),
    Column("conflict_id", ID, nullable=False, index=True),
    Column("field", Text, nullable=False), Column("path", Text, nullable=False),
    Column("from_text", Text, nullable=False), Column("to_text", Text, nullable=False),
    Column("reviewer", Text, nullable=False), Column("decided_at", Text, nullable=False),
    Column("decision", Text, nullable=False),
    comment="a story record's corrections list (written by `newsfacts export`): reviewers' decisions applied",
)

#: What a reviewer can decide about a conflict (``newsfacts review``); ``undo`` takes the conflict back
#: to undecided. Skipping is not a decision and writes nothing.
DECISIONS = ("accept", "pick", "not_error", "undo")

decisions = Table(
    "decisions", metadata,
    Column("decision_id", Integer, primary_key=True, autoincrement=True,
           comment="increasing: of a conflict's rows, the highest is its current decision"),
    Column("conflict_id", ID, nullable=False,
           comment="no foreign key: a newer `check` run reloads conflicts (same ids), decisions stay"),
    Column("decision", Text, nullable=False),
    Column("chosen", Text, comment="the accepted reading's text (accept, pick); null for not_error and undo"),
    Column("reading_idx", Integer, comment="the picked reading (readings.idx); null unless pick"),
    Column("reviewer", Text, nullable=False),
    Column("decided_at", Text, nullable=False, comment="ISO 8601, UTC"),
    Column("note", Text),
    Column("seen_decision_id", Integer,
           comment="the conflict's current decision when the reviewer opened it (0: none); another one "
                   "in between means it was decided meanwhile"),
    Column("undoes", Integer, comment="undo: the decision it took back"),
    CheckConstraint("decision IN ('accept', 'pick', 'not_error', 'undo')", name="decision_kind"),
    comment="the review desk's decisions: history appended, never overwritten; the latest row of a conflict wins",
)

Index("ix_officials_story_name", officials.c.story_key, officials.c.name)
Index("ix_decisions_conflict_latest", decisions.c.conflict_id, decisions.c.decision_id)

#: The review queue's order (most severe first, then by group) as one SQL expression, constant text
#: (no input in it), so that an index on it serves ``ORDER BY`` on SQLite and PostgreSQL alike.
SEVERITY_RANK_SQL = "CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END"
#: Indexes the review desk reads by; ``review`` creates them on a database an older loader made.
REVIEW_INDEXES = [
    Index("ix_conflicts_queue", text(f"({SEVERITY_RANK_SQL})"), conflicts.c.group_id, conflicts.c.conflict_id),
    Index("ix_readings_source", readings.c.source_path, readings.c.conflict_id),
]
Index("ix_decisions_reviewer", decisions.c.reviewer, decisions.c.decision_id)

#: Insert order (parents before children); deletes cascade the other way.
INSERT_ORDER = [stories, paragraphs, sentences, furniture, officials, positions, organizations, mentions, dates, events,
                event_officials, claims, corrections, extract_errors, groups, group_members, conflicts, readings,
                load_errors]

__all__ = [t.name for t in INSERT_ORDER] + ["decisions", "DECISIONS", "REVIEW_INDEXES", "SEVERITY_RANK_SQL", "metadata",
                                            "story_key", "INSERT_ORDER"]
