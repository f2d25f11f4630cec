"""Integrity of the date lexicon and the event trigger list."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

DATA = Path(resources.files("extract")) / "data"
LEXICON = json.loads((DATA / "date_lexicon.json").read_text(encoding="utf-8"))
TRIGGER_LINES = (DATA / "event_triggers.txt").read_text(encoding="utf-8").splitlines()


def is_cjk(s: str) -> bool:
    return bool(s) and all("\u4e00" <= c <= "\u9fff" for c in s)


def test_lexicon_names_its_source():
    assert LEXICON["_source"] == "written for newsfacts"


@pytest.mark.parametrize("key", [
    "relative_year", "relative_month", "relative_day", "anaphoric_day",
])
def test_offset_tables(key):
    # signed integer offsets, CJK keys, and 今/本/当 mean zero
    table = LEXICON[key]
    assert table
    for word, off in table.items():
        assert is_cjk(word), word
        assert isinstance(off, int) and -3 <= off <= 3
        if word[0] in "今本当同":
            assert off == 0, word


def test_required_words_present():
    # the words the requirements name must be covered
    assert {"今年", "去年", "明年", "前年"} <= set(LEXICON["relative_year"])
    assert {"上月", "本月", "下月"} <= set(LEXICON["relative_month"])
    assert {"昨天", "昨日", "今天", "今日", "前天"} <= set(LEXICON["relative_day"])
    assert {"当日", "当天", "次日"} <= set(LEXICON["anaphoric_day"])
    assert {"日前", "近日", "近期", "目前", "此前"} <= set(LEXICON["vague"])
    assert {"上午", "下午", "晚上", "凌晨", "中午"} <= set(LEXICON["time_of_day"])
    assert {"初", "底", "末", "上旬", "中旬", "下旬"} <= set(LEXICON["period"])
    assert "以来" in LEXICON["since"]
    assert {"〇", "○", "零"} <= set(LEXICON["cn_digits"])


def test_word_classes_are_disjoint():
    # a word in two classes would make the leftmost-longest choice arbitrary
    classes = ["relative_year", "relative_month", "relative_day", "anaphoric_day", "vague", "time_of_day"]
    seen: dict[str, str] = {}
    for cls in classes:
        for w in LEXICON[cls]:
            assert w not in seen, f"{w} in {seen.get(w)} and {cls}"
            seen[w] = cls


def test_cn_digits():
    digits = LEXICON["cn_digits"]
    assert sorted(set(digits.values())) == list(range(11))
    assert all(len(k) == 1 for k in digits)


def test_time_of_day_bands():
    assert set(LEXICON["time_of_day"].values()) <= {"am", "pm", "noon"}


def test_period_spans():
    # 上旬 "1-10", 下旬 "21-" (to the month's end): the days each part of the month covers. Since
    # 2026-11-24 a part of the month resolves at month precision and the days are not read; they
    # stay well-formed ASCII day numbers in order, for a reader or a later range reading
    for word, span in LEXICON["period"].items():
        if span in ("start", "end"):
            continue
        lo, sep, hi = span.partition("-")
        assert sep and lo.isascii() and lo.isdigit() and 1 <= int(lo) <= 31, (word, span)
        assert hi == "" or (hi.isascii() and hi.isdigit() and int(lo) <= int(hi) <= 28), (word, span)


@pytest.mark.parametrize("key", [k for k, v in LEXICON.items() if isinstance(v, list)])
def test_lists_are_clean(key):
    words = LEXICON[key]
    assert words and len(words) == len(set(words)), key
    assert all(isinstance(w, str) and w == w.strip() and w for w in words), key


def test_trigger_file_header():
    header = [line for line in TRIGGER_LINES if line.startswith("#")]
    assert header and TRIGGER_LINES[0].startswith("#")
    assert any("written for newsfacts" in line for line in header)


def test_triggers_one_per_line():
    words = [line for line in TRIGGER_LINES if line and not line.startswith("#")]
    assert len(words) >= 15
    assert len(words) == len(set(words)), "duplicate trigger"
    assert all(is_cjk(w) for w in words), [w for w in words if not is_cjk(w)]
    required = {"召开", "举行", "出席", "主持", "印发", "发布", "开幕", "闭幕", "移交", "接到",
                "签署", "会见", "启动", "公布", "通过", "举办"}
    assert required <= set(words)


def test_data_not_loaded_at_import():
    # language data loads lazily: importing the modules must not read the files
    code = (
        "import extract.facts.dates as d, extract.facts.events as e;"
        "assert d.lexicon.cache_info().currsize == 0;"
        "assert e.triggers.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_issue15_year_parts_and_weeks():
    # quarters and halves: [precision, first month, last month], months in order; the first N
    # months of a year (前11个月): January to month N, N as its word says
    cn = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11}
    for word, (prec, m1, m2) in {**LEXICON["year_parts"], **LEXICON["year_parts_after_year"]}.items():
        if prec == "month":
            assert word[0] in "前头" and word.endswith("个月") and m1 == 1, word
            n = word[1:-2]
            assert (int(n) if n.isdigit() else cn[n]) == m2 and 2 <= m2 <= 11, word
            continue
        assert prec in ("quarter", "half") and 1 <= m1 <= m2 <= 12, word
        assert (m2 - m1 + 1) % (3 if prec == "quarter" else 6) == 0, word
    assert {"上半年", "下半年", "一季度", "前三季度"} <= set(LEXICON["year_parts"])
    assert not set(LEXICON["year_parts"]) & set(LEXICON["year_parts_after_year"])   # one reading each
    assert set(LEXICON["year_end_words"].values()) <= {"year", "month"}
    assert sorted(set(LEXICON["weekdays"].values())) == list(range(1, 8))   # Monday 1 … Sunday 7
    assert all(-1 <= v <= 1 for v in LEXICON["week_offsets"].values())
    assert all(0 <= v <= 1 for v in LEXICON["anaphoric_year"].values())
    assert set(LEXICON["location_preposition"]) == {"在", "于"}
    for key in ("place_suffixes", "location_stops", "location_postpositions", "anchor_not_after", "week_words",
                "trigger_nouns", "thing_not_place", "condition_cues", "postposition_dropped_after", "year_nouns",
                "given_name_days"):
        assert all(is_cjk(w) for w in LEXICON[key]), key
    # a meeting word that keeps its postposition would make 在记者招待会上 the place: none is a place suffix
    assert not set(LEXICON["postposition_dropped_after"]) & set(LEXICON["place_suffixes"])
    assert set(LEXICON["given_name_days"]) <= set(LEXICON["named_days"])   # else the guard guards nothing


def test_honorifics_and_future_cues():
    # honorifics end a name after 周一 (周一飞先生); a bare 将 before a date is the disposal 把,
    # no future cue (将12月6日…赠送的国旗升起)
    assert all(len(w) == 2 and is_cjk(w) for w in LEXICON["honorifics"])
    assert "将" not in LEXICON["future_cues"] and "将于" in LEXICON["future_cues"]


def test_purpose_markers():
    """Each marker is a word ending in 为; not_after is a string of distinct single characters."""
    spec = LEXICON["purpose_markers"]
    assert spec["markers"] and all(isinstance(m, str) and m.startswith("为") for m in spec["markers"])
    assert isinstance(spec["not_after"], str) and len(set(spec["not_after"])) == len(spec["not_after"])


def test_festival_days_table():
    """Every year of festival_days is a real date in its season; 元宵 is always the lunar new year
    plus 14 days (the two tables agree); every festival entry of named_days names a table."""
    import datetime as dt

    fest, lny = LEXICON["festival_days"], LEXICON["lunar_new_year"]
    seasons = {"元宵": (2, 3), "端午": (5, 6), "七夕": (7, 8), "中秋": (9, 10), "重阳": (10, 11), "清明": (4, 4)}
    assert set(fest) == set(seasons)
    for name, table in fest.items():
        assert set(table) == set(lny), name   # the same years
        for year, md in table.items():
            day = dt.date(int(year), *map(int, md.split("-")))
            assert seasons[name][0] <= day.month <= seasons[name][1], (name, year)
    for year, md in lny.items():
        new_year = dt.date(int(year), *map(int, md.split("-")))
        assert (new_year + dt.timedelta(days=14)).strftime("%m-%d") == fest["元宵"][year], year
    for name, entry in LEXICON["named_days"].items():
        if entry[0] == "festival":
            assert entry[1] in fest, name
    assert all(fest["清明"][y] in ("04-04", "04-05", "04-06") for y in fest["清明"])
    assert set(LEXICON["short_holidays"]).isdisjoint(LEXICON["named_days"])


def test_relative_pairs_are_neighbours():
    """relative_pairs (2026-11-25): 今明两天 and 今明两年 name two neighbouring days or years, the
    earlier first; each word holds no other pair, so the longest match is the whole word."""
    pairs = LEXICON["relative_pairs"]
    assert pairs and all(p in ("day", "year") and b == a + 1 for p, a, b in pairs.values())
    assert all(p[0] in ("今", "明", "昨") for p in pairs)
