"""Build (or check) ``festival_days`` and ``lunar_new_year`` in extract/data/date_lexicon.json.

    python -m venv /tmp/lv && /tmp/lv/bin/pip install lunardate==0.3.0
    /tmp/lv/bin/python training/build_festival_days.py           # compare with the lexicon
    /tmp/lv/bin/python training/build_festival_days.py --write   # rewrite the two tables

The lunar festivals (元宵 1/15, 端午 5/5, 七夕 7/7, 中秋 8/15, 重阳 9/9) and 春节 are converted to
solar dates with the ``lunardate`` package, which is no dependency of newsfacts: only the dates
are kept. 清明 is a solar term, computed with the standard formula
⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ (Y the year's last two digits, 100 for 2000; C = 5.59 up to 2000, 4.81
after). Years 1949–2050.
"""
from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

LEXICON = Path(__file__).resolve().parent.parent / "extract" / "data" / "date_lexicon.json"
YEARS = range(1949, 2051)
FESTIVALS = {"元宵": (1, 15), "端午": (5, 5), "七夕": (7, 7), "中秋": (8, 15), "重阳": (9, 9)}


def qingming(year: int) -> str:
    y = year % 100 or 100
    c = 5.59 if year <= 2000 else 4.81
    return f"04-{math.floor(y * 0.2422 + c) - math.floor(y / 4):02d}"


def tables() -> tuple[dict, dict]:
    from lunardate import LunarDate

    def solar(y: int, m: int, d: int) -> str:
        return LunarDate(y, m, d).to_solar_date().strftime("%m-%d")

    fest = {name: {str(y): solar(y, m, d) for y in YEARS} for name, (m, d) in FESTIVALS.items()}
    fest["清明"] = {str(y): qingming(y) for y in YEARS}
    return fest, {str(y): solar(y, 1, 1) for y in YEARS}


def main(argv: list[str]) -> int:
    fest, lny = tables()
    text = LEXICON.read_text(encoding="utf-8")
    have = json.loads(text)
    if "--write" not in argv:
        same = have.get("festival_days") == fest and have.get("lunar_new_year") == lny
        print("the lexicon's tables agree" if same else "the lexicon's tables differ")
        return 0 if same else 1
    for key, table in (("lunar_new_year", lny), ("festival_days", fest)):
        text, n = re.subn(rf'  "{key}": \{{[^\n]*\}},\n', lambda _: f'  "{key}": {json.dumps(table, ensure_ascii=False)},\n', text)
        if n != 1:
            raise SystemExit(f"{key}: expected one line in {LEXICON}")
    LEXICON.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
