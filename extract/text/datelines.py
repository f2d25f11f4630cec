"""What a dateline looks like, defined once for the whole project.

``DATELINE`` is a news agency's dateline: agency, place, month and day, then 电
(新华社北京12月25日电, 新华社北京 12月 25 日电, 新华社北京十二月二十五日电), with named groups
``agency``, ``place``, ``month`` and ``day`` (month and day may be absent: 新华社电). Page layout
builds its lead and trailing datelines from it (``LEAD_DATELINE``: a dateline, 本报讯, 央视网消息 or
据新华社 opening a paragraph, with an optional （记者…） group; ``TRAIL_DATELINE``: a dateline
standing alone after a story, in brackets or not). Digits may be ASCII, full-width or Chinese
numerals. People's Daily prints 讯 for 电 after a date (本报北京1月1日讯) and sometimes the year
(本报太原2000年12月31日电): both are datelines. A misprinted 新华社 (新花社广州四月十日电, one
character off) is an agency where a full dateline follows it (``MISREAD_AGENCY``).
"""
from __future__ import annotations

import regex as re

NUM = r"[\d０-９一二三四五六七八九十○〇零]"
AGENCY = r"(?:新华社|中新社|人民日报|本报|央视网|人民网|新华网|中新网|中国新闻网|光明网|经济日报)"
#: 新华社 with one character misprinted (新花社, 新华杜: OCR or a typist), read as an agency only
#: where a full dateline follows it: a place, a month and a day, then 电
MISREAD_AGENCY = (rf"(?:新\p{{Han}}社|\p{{Han}}华社|新华\p{{Han}})"
                  rf"(?=\s*\p{{Han}}{{1,8}}?\s*(?:{NUM}{{4}}\s*年\s*)?{NUM}{{1,2}}\s*月\s*{NUM}{{1,3}}\s*日\s*电)")
#: the pattern text of ``DATELINE`` (for composing larger patterns)
DATELINE_PATTERN = (rf"(?P<agency>{AGENCY}|{MISREAD_AGENCY})\s*(?P<place>\p{{Han}}{{0,8}}?)\s*"
                    rf"(?:(?:(?P<year>{NUM}{{4}})\s*年\s*)?(?P<month>{NUM}{{1,2}})\s*月\s*(?P<day>{NUM}{{1,3}})\s*日\s*)?"
                    rf"(?:电|(?<=日\s*|本报)讯)")
DATELINE = re.compile(DATELINE_PATTERN)

#: a web outlet's lead (新浪财经讯2月21日上午消息, 新浪娱乐讯, 荆楚网消息): a portal or a …网, with a channel
WEB_OUTLET = r"(?:新浪|搜狐|腾讯|网易|凤凰网|\p{Han}{1,4}网)(?:财经|娱乐|体育|科技|房产|汽车|教育|游戏|新闻)?"
WEB_LEAD = (rf"{WEB_OUTLET}(?:讯(?:\s*{NUM}{{1,2}}\s*月\s*{NUM}{{1,3}}\s*日\s*(?:上午|下午|晚间|早间|凌晨)?\s*消息)?"
            rf"|消息)")
LEAD_DATELINE = re.compile(
    rf"^\s*(?:据\s*)?(?:{DATELINE_PATTERN}"
    r"|本报讯|(?:央视网|人民网|新华网|中新网|光明网|国际在线|澎湃新闻)消息"
    rf"|{WEB_LEAD}"
    r"|据新华社(?!记者))"
    r"(?:\s*[（(]\s*(?:实习)?(?:记者|通讯员|编辑)[^）)]{1,40}[）)])?"
)
TRAIL_DATELINE = re.compile(rf"^\s*[（(]?\s*(?:据\s*)?{DATELINE_PATTERN}\s*[)）]?\s*$")


def inner_datelines(text: str) -> list:
    """The datelines inside ``text`` (stories run together, a cited dispatch): every ``DATELINE``
    match but one that opens the text (after nothing but blanks or 据). A bracketed one
    (:func:`bracketed`) closes the story before it, wherever it stands."""
    return [m for m in DATELINE.finditer(text)
            if text[:m.start()].strip(" \t\u3000\n据") or bracketed(text, m)]


def bracketed(text: str, m) -> bool:
    """Whether the dateline match ``m`` stands in brackets: （新华社北京11月1日电）."""
    return text[m.start() - 1:m.start()] in ("（", "(") and text[m.end():m.end() + 1] in ("）", ")")
