"""Date expressions in Chinese news text, and the reference date they resolve against.

Public API (pure functions):

* :func:`find_dates` -- every date expression in a text, as :class:`schemas.DateValue`.
* :func:`reference_date` -- the date a story's relative expressions resolve against.
* :func:`parse_dateline`, :func:`parse_published` -- small parsers used by the above.

plus the spaCy component ``"dates"`` (sets ``doc._.dates`` from ``doc._.reference_date``).

Conventions (documented choices):

* ``value`` is an ISO string truncated to ``precision`` (``2023``, ``2023-10``, ``2023-12-25``);
  ``null`` whenever the year (or month) cannot be resolved -- nothing is invented.
* A clock time after a date (``2023年12月6日下午6时``) keeps the date as ``value``, puts
  ``"18:00"`` in ``time_of_day`` and sets ``precision="time"``; a bare part of day
  (``3月20日下午``) keeps ``precision="day"`` and ``time_of_day="下午"``.
* ``kind``: ``absolute`` when month/day (or year) are printed (``3月20日`` -- its year may
  come from the reference, see ``year_source``); ``relative`` for 今年/去年/上月/昨天/当日/
  bare ``2日``; ``vague`` for 日前/近日… (value null); ``range`` (``value`` = start,
  ``end_value`` = end); ``since`` for ``…以来``/``…至今``: ``value`` is the start at its own
  precision (``今年以来`` -> ``"2023"``), ``end_value`` is left null (the implicit end is the
  reference date, which is not printed).
* 初/底/末 after a year are its first or last month (``去年初`` -> ``"2022-01"``, ``去年底`` ->
  ``"2022-12"``, month precision); after a month they keep its precision (``3月底`` ->
  ``"2024-03"``), and so do 上旬/中旬/下旬 (``3月上旬`` -> ``"2024-03"``, month precision, as the
  devset annotates a part of the month; before 2026-11-24 they were ranges of days).
* Not dates: durations (``3个月``, ``5年来``, ``24小时``, ``连续3日``, ``3日内``), ordinals,
  years of fewer than four digits. A bare ``N日`` is a day of month unless a quantity word
  precedes it (连续/近/每/共…) or a duration word follows it (内/来/后/左右…).
* 当日/当天/次日 are anaphoric: they resolve against the closest preceding day-precision
  date in the same or the previous paragraph, else against the reference date; inside an
  event frame (``在拿到合同当天``) they stay unresolved. 今天/昨天 are deictic (reference date).
* A month/day without a printed year takes the reference year; when the month lies more
  than six months after the reference month and no future cue (将于…) precedes it, the
  previous year is taken (``year_source`` ends in ``-1``).
* Impossible dates (issue 9 F13). A printed month or day is the whole number before 月/日,
  never a piece of it: ``13月5日`` is not 3月5日, ``8月37日`` neither 8月3日 nor 8月7日.
  When that number is out of range (13月, 37日, 2月30日, 二○二三年二月二十九日) the
  expression *is* a date -- span and precision as printed -- whose ``value`` is null
  (score <= 0.5), like any date that cannot be resolved; a range with an impossible end
  keeps its start and a null ``end_value`` (score <= 0.5). Not dates at all: a bare
  ``N日`` with N > 31 (a count of days), a month of three digits, and numeric forms
  (``2024-13-05`` reads as a code). In a dateline the impossible part is dropped from the
  reference date (:func:`reference_date`, point 6).
* Date arithmetic never raises: a result outside 0001-01-01..9999-12-31 (明天 after
  9999-12-31) or from an impossible reference is an unresolved value.

Reference-date year inference is described in :func:`reference_date`.

Modules: ``_base`` (lexicon, patterns, numbers, calendar arithmetic), ``candidates`` (the rules'
matches), ``extend`` (what grows a selected date), ``resolve`` (:func:`find_dates`), ``periods``
(parts of years, weeks, year ranges, unresolved reasons), ``named`` (named days, N年前) and
``reference`` (:func:`reference_date`).
"""
from __future__ import annotations

from typing import Optional

from extract.facts import doc_text
from spacy.language import Language
from spacy.tokens import Doc

from ._base import _num, lexicon  # noqa: F401  (_num: tests read numbers through it)
from .reference import _years, parse_dateline, parse_published, reference_date  # noqa: F401
from .resolve import find_dates

__all__ = [
    "find_dates",
    "reference_date",
    "parse_dateline",
    "parse_published",
    "lexicon",
    "DatesComponent",
]

# --------------------------------------------------------------------------- spaCy

for _ext in ("dates", "reference_date"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


class DatesComponent:
    """spaCy component: ``doc._.dates = find_dates(doc_text(doc), doc._.reference_date)``."""

    def __init__(self, nlp: Language, name: str = "dates") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Optional[Language] = None) -> None:
        lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc_text(doc), doc._.reference_date)
        return doc


@Language.factory("dates", default_config={})
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)
