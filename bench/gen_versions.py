"""Generate pages holding several versions of the same stories, with planted OCR-like errors.

Source stories are CTB6 documents (sentences joined, spaces removed) merged until they are
600–1500 characters long. Each story gets an identity -- a dateline (a city and a day of
1997–2001), a reporter, the end mark （完） -- and 2–4 versions (3 by default, or a range) laid out
in different styles on different pages, among unrelated filler stories:

narrow     as CTB6 prints a story: the headline, the dateline on a line of its own
           (新华社北京１２月２５日电), the body in hard line breaks every 14–18 characters (one width
           per page) with blank lines between paragraphs and sometimes inside one, spaces around
           Latin digits, the end mark
web        one story a page, as a web copy is: the headline, a 发布时间 header (the story's day
           or up to two days later, so two web copies are published on different days), a lead
           dateline with the byline, half-width , : ; ( ) ! ? and , for 、, one line per indented
           paragraph, a (责编:某某) footer; the filler of a web batch has a page of its own
scrambled  paragraphs out of order (the first stays first), some split mid-sentence by a
           blank line or with their tail moved below another paragraph; a lead dateline and byline

Each version prints its headline's numbers and its dateline's date in one numeral style:
full-width digits (as CTB6 does), half-width digits, or Chinese numerals (十二月二十五日).
Filler stories mention other years (1939年…), so a page's own year inference is misled.

Errors are injected into exactly one version per site: confusable characters (same shape /
same pinyin), numeral errors (a digit or a Chinese numeral changed, 十/千 and 万/方 look-alikes),
omitted 2-character words, transposed adjacent 2-character words and swapped words -- anywhere
in the body, including the first character of a paragraph and next to punctuation -- and in the
furniture: the headline, the dateline (新华社 → 新华设, 十二月 → 十三月, ８月３１日 → ８月３７日)
and the end mark (（完） → （宛）). The truth file (truth.json) is written by the generator alone,
before any checker runs: for every error the file and raw offsets of the wrong reading (verified
against the written file), its site (body, para_start, headline, dateline, endmark) and whether it
is a numeral error; for every version its raw span, style, numeral style and publication date.

    python bench/gen_versions.py OUTDIR --stories 10 --seed 1 [--versions 2-4]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CTB = [SHARED / "corpora" / "ctb6" / "ctb6.test.seg", SHARED / "corpora" / "ctb6" / "ctb6.dev.seg"]
CONFUSABLES = ROOT / "extract" / "data" / "confusables"
TERMINAL = "。！？"
CLAUSE_BREAK = "。！？；，、：“”（）"
DIGITS = "0123456789０１２３４５６７８９"
CN_DIGITS = "零〇一二三四五六七八九"
NUMERAL = set(DIGITS + CN_DIGITS + "十百千万亿点%％两")
WIDTH = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "、": ",",
         **{chr(0xFF10 + i): str(i) for i in range(10)}}
CITIES = ["北京", "上海", "广州", "杭州", "南京", "成都", "武汉", "西安", "沈阳", "昆明"]
EDITORS = ["袁勃", "赵欣悦", "王震", "刘阳", "李静", "张璐"]
REPORTERS = ["孙杰", "陈刚", "周立新", "吴晓东", "郑红", "黄海涛", "林峰", "马建国"]
KINDS = ["confusable", "numeral", "omission", "transposition", "word_swap"]
#: where errors go (weights); a furniture site takes at most one error a story
SITES = {"body": 60, "para_start": 12, "headline": 10, "dateline": 10, "endmark": 8}
SPACING = 14    # errors keep at least this far from each other
STYLES = ["narrow", "web", "scrambled"]
NUMSTYLES = ["full", "half", "cn"]
NO_LINE_START = "，。、；：！？”’）》"
#: numeral look-alikes an OCR engine confuses (the generator's own list)
LOOKALIKE = {"十": "千", "千": "十", "二": "三", "三": "二", "万": "方", "八": "人", "百": "白"}
COUNTER = set("个名家项年月日号届次位条件元人岁倍种批座所辆台吨米期")
FILLER_YEARS = [1939, 1949, 1958, 1966, 1978, 1984, 2003, 2008]
YEAR_LINES = ["{Y}年，当地曾遭受一场罕见的洪水。", "早在{Y}年{M}月{D}日，这里就建起了第一座水文站。",
              "据统计，{Y}年全县粮食总产量创下历史纪录。"]
FULL = {str(i): chr(0xFF10 + i) for i in range(10)} | {"%": "％"}
CN_VAL = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def fold(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", c) if len(unicodedata.normalize("NFKC", c)) == 1 else c
                   for c in s if not c.isspace())


# ---------------------------------------------------------------- numeral styles


def cn_to_int(s: str) -> int | None:
    """一千一百八十六 → 1186, 十七 → 17, 一九九八 → 1998 (below 10**8); None if not one number."""
    if len(s) > 1 and all(c in CN_VAL for c in s):
        return int("".join(str(CN_VAL[c]) for c in s))
    total, section, digit = 0, 0, None
    for c in s:
        if c in "零〇" and total + section:
            continue  # 二百零五: a zero between places
        if c in CN_VAL:
            if digit is not None:
                return None
            digit = CN_VAL[c]
        elif c in "十百千":
            section += (1 if digit is None else digit) * {"十": 10, "百": 100, "千": 1000}[c]
            digit = None
        elif c == "万":
            total, section, digit = (section + (digit or 0)) * 10000, 0, None
        else:
            return None
    return total + section + (digit or 0)


def int_to_cn(n: int) -> str:
    """1186 → 一千一百八十六, 17 → 十七, 205 → 二百零五 (0 < n < 10**8)."""
    def small(k: int, lead: bool) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // unit % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += ("" if d == 1 and unit == 10 and lead and not out else "一二三四五六七八九"[d - 1]) + name
        return out
    hi, lo = divmod(n, 10000)
    if not hi:
        return small(lo, True)
    return small(hi, True) + "万" + ("零" if 0 < lo < 1000 else "") + small(lo, False)


def digits(n: str, style: str) -> str:
    return "".join(FULL.get(c, c) for c in n) if style == "full" else n


_CN_RUN = re.compile(r"(百分之)?([〇零一二两三四五六七八九十百千]+)([万亿]?)")
_DIGIT_RUN = re.compile(r"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])([0-9０-９]+)([万亿]?)([%％]?)(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９])")


def restyle(text: str, style: str) -> str:
    """A headline's numbers in one numeral style: ``cn`` (十二), ``half`` (12) or ``full`` (１２).
    A lone numeral is a number only after 第 or before a counter (三峡 stays)."""
    if style == "cn":
        def to_cn(m: re.Match) -> str:
            n = int(unicodedata.normalize("NFKC", m[1]))
            if not 0 < n < 10 ** 8:
                return m[0]
            body = ("".join("〇一二三四五六七八九"[int(c)] for c in str(n))
                    if len(m[1]) == 4 and text[m.end():m.end() + 1] in "年：:" else int_to_cn(n))
            return ("百分之" + body + m[2]) if m[3] else body + m[2]
        return _DIGIT_RUN.sub(to_cn, text)

    def to_digits(m: re.Match) -> str:
        run = m[2]
        nxt, prev = text[m.end():m.end() + 1], text[m.start() - 1:m.start()]
        if len(run) < 2 and not m[1] and not m[3] and nxt not in COUNTER and prev != "第":
            return m[0]
        n = cn_to_int(run)
        if n is None:
            return m[0]
        return digits(str(n), style) + m[3] + (digits("%", style) if m[1] else "")
    return _DIGIT_RUN.sub(lambda m: digits(unicodedata.normalize("NFKC", m[1]), style) + m[2]
                          + digits(unicodedata.normalize("NFKC", m[3]), style), _CN_RUN.sub(to_digits, text))


def md_text(day: dt.date, style: str) -> str:
    if style == "cn":
        return f"{int_to_cn(day.month)}月{int_to_cn(day.day)}日"
    return f"{digits(str(day.month), style)}月{digits(str(day.day), style)}日"


# ---------------------------------------------------------------- sources


@dataclass
class Story:
    """A source story: headline and paragraphs, each paragraph a list of words; the dateline's
    city and day and the reporter are drawn per generated set."""

    sid: str
    headline: str
    paras: list[list[str]]
    city: str = ""
    day: dt.date = dt.date(1998, 1, 1)
    reporter: str = ""

    def text(self, i: int) -> str:
        return "".join(self.paras[i])


def load_ctb(rng: random.Random, min_len: int = 600, max_len: int = 1500) -> list[Story]:
    """CTB6 documents as stories (datelines and headlines removed, short ones merged)."""
    docs: list[tuple[str, list[list[str]]]] = []
    for path in CTB:
        head, sents = "", []
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            text = "".join(words)
            if text == "（完）":
                if sents:
                    docs.append((head, sents))
                head, sents = "", []
            elif not text:
                continue
            elif "电" in text[:16] and text.startswith("新华社"):
                continue
            elif text[-1] not in TERMINAL + "”" or len(text) < 12:
                head = head or (text if 4 <= len(text) <= 24 else "")
            else:
                sents.append(words)
    stories: list[Story] = []
    head, sents = "", []
    for h, s in docs:
        head, sents = head or h, sents + s
        if sum(len("".join(w)) for w in sents) < min_len:
            continue
        paras: list[list[str]] = []
        total = 0
        for words in sents:
            n = len("".join(words))
            if total + n > max_len and total >= min_len:
                break
            if not paras or rng.random() < 0.55:
                paras.append([])
            paras[-1].extend(words)
            total += n
        if head and len(paras) >= 3:
            stories.append(Story(f"st{len(stories):03d}", head, paras))
        head, sents = "", []
    return stories


def load_confusables() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(similar shape, same pinyin) maps read from the project's confusable sets."""
    shape: dict[str, set[str]] = {}
    for line in (CONFUSABLES / "same_stroke.txt").read_text(encoding="utf-8").splitlines():
        chars = [c for c in line.split("\t") if c and not line.startswith("#")]
        for c in chars:
            shape.setdefault(c, set()).update(x for x in chars if x != c)
    pinyin: dict[str, set[str]] = {}
    for line in (CONFUSABLES / "same_pinyin.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        for c in "".join(cols[1:]):
            pinyin.setdefault(cols[0], set()).add(c)
            pinyin.setdefault(c, set()).add(cols[0])
    return shape, pinyin


# ---------------------------------------------------------------- errors


@dataclass
class Error:
    """An error planted in one version: paragraph ``para`` chars [start, end) replaced."""

    eid: str
    story: str
    version: int
    para: int
    start: int
    end: int
    correct: str
    wrong: str
    kind: str          # injection type
    expect: str        # the conflict kind a checker should report
    site: str = "body"  # body, para_start, or a furniture piece: headline, dateline, endmark
    wstart: int = 0    # span of the wrong reading in the version's paragraph (after edits)
    wend: int = 0
    file: str = ""
    raw_start: int = 0
    raw_end: int = 0


class Injector:
    """Picks error sites in a story and plans one edit per site."""

    def __init__(self, rng: random.Random, stories: list[Story]):
        self.rng = rng
        self.shape, self.pinyin = load_confusables()
        freq: dict[str, int] = {}
        vocab: set[str] = set()
        for st in stories:
            for p in st.paras:
                for w in p:
                    for c in w:
                        freq[c] = freq.get(c, 0) + 1
                    if len(w) == 2 and all(is_han(c) for c in w):
                        vocab.add(w)
        self.freq, self.vocab = freq, sorted(vocab)
        self.by_char: dict[tuple[int, str], list[str]] = {}
        for w in self.vocab:
            for i in (0, 1):
                self.by_char.setdefault((i, w[i]), []).append(w)

    def related(self, a: str, b: str) -> bool:
        return b in self.shape.get(a, ()) or b in self.pinyin.get(a, ())

    def _word_starts(self, words: list[str]) -> list[int]:
        out, pos = [], 0
        for w in words:
            out.append(pos)
            pos += len(w)
        return out

    def confusable(self, c: str) -> tuple[str, str] | None:
        """A frequent look-alike or sound-alike of ``c`` and the kind a checker should call it
        (a numeral's look-alike is a numeral error: see ``numeral``)."""
        if c in NUMERAL:
            return None
        alts = [x for x in self.shape.get(c, set()) | self.pinyin.get(c, set())
                if self.freq.get(x, 0) >= 3 and x != c and x not in NUMERAL]
        if not alts:
            return None
        x = self.rng.choice(sorted(alts))
        return x, "similar_glyph" if x in self.shape.get(c, ()) or c in self.shape.get(x, ()) else "homophone"

    def numeral(self, text: str, j: int) -> str | None:
        """Another numeral for ``text[j]`` (same width; a look-alike now and then), or None."""
        c = text[j]
        near = text[j - 1:j] + text[j + 1:j + 2]
        if c in DIGITS:
            pool = DIGITS[:10] if c in DIGITS[:10] else DIGITS[10:]
        elif not any(n in NUMERAL for n in near):
            return None
        elif c in LOOKALIKE and self.rng.random() < 0.5:
            return LOOKALIKE[c]
        elif c in CN_DIGITS[2:]:
            pool = CN_DIGITS[2:]
        elif c in "十百千":
            pool = "十百千"
        else:
            return None
        return self.rng.choice([d for d in pool if d != c])

    def candidates(self, words: list[str], kind: str) -> list[tuple[int, int, str, str, str]]:
        """(start, end, correct, wrong, expected kind) for every possible edit of ``kind``."""
        starts = self._word_starts(words)
        text = "".join(words)
        out = []
        for i, (w, s) in enumerate(zip(words, starts)):
            if kind == "confusable" and all(is_han(c) for c in w):
                for j, c in enumerate(w):
                    if (alt := self.confusable(c)) is not None:
                        out.append((s + j, s + j + 1, c, alt[0], alt[1]))
            elif kind == "numeral":
                for j in range(len(w)):
                    if (x := self.numeral(text, s + j)) is not None:
                        out.append((s + j, s + j + 1, w[j], x, "numeral"))
            elif kind == "omission" and len(w) == 2 and all(is_han(c) for c in w):
                if words[i - 1:i] != [w] and words[i + 1:i + 2] != [w]:
                    out.append((s, s + 2, w, "", "omission"))
            elif kind == "transposition" and i + 1 < len(words):
                v = words[i + 1]
                if len(w) == len(v) == 2 and w != v and all(is_han(c) for c in w + v):
                    out.append((s, s + 4, w + v, v + w, "transposition"))
            elif kind == "word_swap" and len(w) == 2 and all(is_han(c) for c in w):
                for k in (0, 1):
                    alts = [x for x in self.by_char.get((k, w[k]), []) if x != w
                            and not self.related(w[1 - k], x[1 - k]) and x[1 - k] not in NUMERAL
                            and w[1 - k] not in NUMERAL]
                    if alts:
                        out.append((s, s + 2, w, self.rng.choice(alts), "substitution"))
                        break
        return out

    def piece_error(self, eid: str, story: Story, version: int, site: str, piece: str,
                    kind: str) -> Error | None:
        """A confusable or numeral error in a furniture piece (headline, dateline, end mark)."""
        cands = []
        for j, c in enumerate(piece):
            if site == "dateline" and c in "电月日":
                continue
            if kind == "numeral" and (x := self.numeral(piece, j)) is not None:
                cands.append((j, x, "numeral"))
            elif kind == "confusable" and is_han(c) and c not in NUMERAL and (alt := self.confusable(c)):
                cands.append((j, alt[0], alt[1]))
        if not cands:
            return None
        j, x, exp = self.rng.choice(cands)
        return Error(eid, story.sid, version, -1, j, j + 1, piece[j], x, kind, exp, site)

    def plan(self, story: Story, pieces: list[dict[str, str]], per_version: int) -> list[Error]:
        """Error sites for a story: ``per_version`` in each version, one version per site.

        ``pieces[v]`` holds version v's furniture as it will be printed (headline, dateline,
        endmark); a furniture piece takes at most one error a story."""
        texts = [story.text(i) for i in range(len(story.paras))]
        taken: dict[int, list[int]] = {}
        used: set[str] = set()
        errors: list[Error] = []
        want = [v for v in range(len(pieces)) for _ in range(per_version)]
        self.rng.shuffle(want)
        for n, version in enumerate(want):
            eid = f"{story.sid}.e{len(errors)}"
            site = self.rng.choices(list(SITES), weights=list(SITES.values()))[0]
            if site == "para_start" and not any(
                    c[0] == 0 for words in story.paras for k in KINDS for c in self.candidates(words, k)):
                site = "body"
            if site not in ("body", "para_start") and site not in used and site in pieces[version]:
                kinds = ["confusable", "numeral"] if self.rng.random() < 0.5 else ["numeral", "confusable"]
                er = next((e for k in kinds if (e := self.piece_error(eid, story, version, site,
                                                                       pieces[version][site], k))), None)
                if er is not None:
                    used.add(site)
                    errors.append(er)
                    continue
                site = "body"
            kind = KINDS[(n + self.rng.randrange(len(KINDS))) % len(KINDS)]
            for k in [kind] + [x for x in KINDS if x != kind]:
                cands = []
                for pi, words in enumerate(story.paras):
                    for s, e, cor, wr, exp in self.candidates(words, k):
                        if (site == "para_start") != (s == 0):
                            continue
                        if any(abs(s - p) < SPACING for p in taken.get(pi, [])):
                            continue
                        cands.append((pi, s, e, cor, wr, exp))
                if cands:
                    pi, s, e, cor, wr, exp = self.rng.choice(cands)
                    while len(cor) == len(wr) > 1 and cor[0] == wr[0]:  # keep only what differs
                        s, cor, wr = s + 1, cor[1:], wr[1:]
                    while len(cor) == len(wr) > 1 and cor[-1] == wr[-1]:
                        e, cor, wr = e - 1, cor[:-1], wr[:-1]
                    taken.setdefault(pi, []).append(s)
                    errors.append(Error(eid, story.sid, version, pi, s, e, cor, wr, k, exp,
                                        "para_start" if s == 0 else "body"))
                    break
        return errors


def apply_errors(text: str, errs: list[Error]) -> str:
    """Apply one paragraph's errors (right to left) and record each wrong reading's span."""
    for er in sorted(errs, key=lambda x: -x.start):
        assert text[er.start:er.end] == er.correct, (text[er.start:er.end], er.correct)
        text = text[:er.start] + er.wrong + text[er.end:]
    shift = 0
    for er in sorted(errs, key=lambda x: x.start):
        er.wstart, er.wend = er.start + shift, er.start + shift + len(er.wrong)
        shift += len(er.wrong) - len(er.correct)
    return text


# ---------------------------------------------------------------- layout


def _spaced(text: str, rng: random.Random, prob: float) -> tuple[str, list[int]]:
    """Text with spaces around runs of Latin digits/letters (sometimes); char i → out pos."""
    out: list[str] = []
    pos: list[int] = []
    for i, ch in enumerate(text):
        latin = ch.isascii() and ch.isalnum()
        prev_latin = i > 0 and text[i - 1].isascii() and text[i - 1].isalnum()
        if i > 0 and latin != prev_latin and rng.random() < prob:
            out.append(" ")
        pos.append(len("".join(out)))
        out.append(ch)
    return "".join(out), pos


def render_narrow(text: str, width: int, rng: random.Random) -> tuple[str, list[int]]:
    """Hard line breaks every ``width`` characters, sometimes a blank line inside."""
    spaced, p0 = _spaced(text, rng, 0.8)
    lines, cur, pos = [], "", [0] * len(spaced)
    n_lines = (len(text) + width - 1) // width
    blank_at = rng.randrange(1, n_lines) if n_lines >= 3 and rng.random() < 0.3 else -1
    raw = ""
    count = 0
    for j, ch in enumerate(spaced):
        if count >= width and ch not in NO_LINE_START:
            raw += "\n"
            if len(lines) + 1 == blank_at:
                raw += "\n"
            lines.append(cur)
            cur, count = "", 0
        pos[j] = len(raw)
        raw += ch
        cur += ch
        count += not ch.isspace()
    return raw, [pos[p] for p in p0]


def render_web(text: str, keep: int = 0) -> tuple[str, list[int]]:
    """Half-width punctuation (not in the first ``keep`` characters), one indented line."""
    return ("  " + text[:keep] + "".join(WIDTH.get(c, c) for c in text[keep:]),
            [i + 2 for i in range(len(text))])


def render_flow(text: str, rng: random.Random) -> tuple[str, list[int]]:
    return _spaced(text, rng, 0.7)


@dataclass
class Chunk:
    para: int
    start: int
    end: int


@dataclass
class Block:
    """A story's place on a page (filled in while writing)."""

    story: Story
    version: int
    style: str
    texts: list[str]
    chunks: list[Chunk]
    errors: list[Error] = field(default_factory=list)
    pieces: dict[str, str] = field(default_factory=dict)  # furniture as printed (errors applied)
    published: dt.date | None = None
    numstyle: str = "full"
    start: int = 0
    end: int = 0


def scramble(texts: list[str], errors: list[Error], rng: random.Random) -> list[Chunk]:
    """Paragraphs out of order (the first stays), some split mid-sentence, tails moved."""
    chunks: list[list[Chunk]] = []
    for pi, t in enumerate(texts):
        busy = [(e.wstart, e.wend) for e in errors if e.para == pi]
        ks = [k for k in range(10, len(t) - 10)
              if all(k <= s - 8 or k >= e + 8 for s, e in busy) and t[k - 1] not in TERMINAL]
        if ks and rng.random() < 0.35:
            k = rng.choice(ks)
            chunks.append([Chunk(pi, 0, k), Chunk(pi, k, len(t))])
        else:
            chunks.append([Chunk(pi, 0, len(t))])
    rest = chunks[1:]
    rng.shuffle(rest)
    flat = list(chunks[0])
    carry: Chunk | None = None
    for group in rest:
        if len(group) == 2 and carry is None and rng.random() < 0.4:
            flat.append(group[0])
            carry = group[1]
            continue
        flat.extend(group)
        if carry is not None:
            flat.append(carry)
            carry = None
    if carry is not None:
        flat.append(carry)
    return flat


def furniture(story: Story, style: str, numstyle: str, leads: bool) -> dict[str, str]:
    """The furniture a version prints, in its numeral style (before any error)."""
    out = {"headline": restyle(story.headline, numstyle), "endmark": "(完)" if style == "web" else "（完）"}
    if style != "scrambled" or leads:
        out["dateline"] = f"新华社{story.city}{md_text(story.day, numstyle)}电"
    return out


def write_page(path: Path, style: str, blocks: list[Block], rng: random.Random, leads: bool = True) -> None:
    """Lay the blocks out in ``style``; fill in block spans and error raw offsets.

    ``leads``: scrambled stories open with a lead dateline (a hard story start); without
    it, where one story ends on a scrambled page is left to the story splitter's cohesion.
    """
    parts: list[str] = []
    size = 0

    def add(s: str) -> int:
        nonlocal size
        parts.append(s)
        size += len(s)
        return size - len(s)

    def piece(b: Block, name: str, before: str = "", after: str = "\n\n") -> None:
        """Print a furniture piece; an error planted in it gets its raw offsets."""
        base = add(before + b.pieces[name] + after) + len(before)
        for er in b.errors:
            if er.site == name:
                er.raw_start, er.raw_end = base + er.wstart, base + er.wend

    width = rng.randint(14, 18)
    for b in blocks:  # (a headline below its story would read as the next one's: datelines lead)
        b.start = size
        for er in b.errors:
            er.file = path.name
        piece(b, "headline")
        if style == "web" and b.published:
            add(f"发布时间:{b.published.isoformat()} {rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}:"
                f"{rng.randint(0, 59):02d}\n\n")
        maps: dict[int, dict[int, int]] = {}
        for ci, ch in enumerate(b.chunks):
            text = b.texts[ch.para][ch.start:ch.end]
            lead = ""
            if ci == 0 and "dateline" in b.pieces:  # the dateline opens the first paragraph, as in CTB6
                byline = ("" if style == "narrow" else f"(记者{b.story.reporter}) " if style == "web"
                          else f"（记者{b.story.reporter}）")
                lead = b.pieces["dateline"] + (byline or " ")
            if style == "narrow":
                raw, pos = render_narrow(lead + text, width, rng)
            elif style == "web":
                raw, pos = render_web(lead + text, keep=len(lead))
            else:
                raw, pos = render_flow(lead + text, rng)
            base = add(raw)
            add("\n\n")
            for er in b.errors:
                if lead and er.site == "dateline":
                    er.raw_start, er.raw_end = base + pos[er.wstart], base + pos[er.wend - 1] + 1
            m = maps.setdefault(ch.para, {})
            for i, p in enumerate(pos[len(lead):]):
                m[ch.start + i] = base + p
        piece(b, "endmark", "  " if style == "web" else "")
        if style == "web":
            add(f"(责编:{rng.choice(EDITORS)}、{rng.choice(EDITORS)})\n\n")
        b.end = size
        for er in b.errors:
            if er.para < 0:
                continue
            m = maps[er.para]
            if er.wend > er.wstart:
                er.raw_start, er.raw_end = m[er.wstart], m[er.wend - 1] + 1
            else:
                er.raw_start = er.raw_end = m[er.wstart]
    text = "".join(parts)
    for b in blocks:
        for er in b.errors:
            got = fold(text[er.raw_start:er.raw_end])
            assert got == fold(er.wrong), (er, got)
    path.write_text(text, encoding="utf-8")


def mention_years(story: Story, rng: random.Random) -> list[str]:
    """A filler's paragraphs with a sentence about another year (1939年…) in one of them."""
    texts = [story.text(pi) for pi in range(len(story.paras))]
    y = rng.choice(FILLER_YEARS)
    line = rng.choice(YEAR_LINES).format(Y=y, M=rng.randint(1, 12), D=rng.randint(1, 28))
    if rng.random() < 0.5:
        line = "".join(FULL.get(c, c) for c in line)
    k = rng.randrange(len(texts))
    texts[k] = line + texts[k]
    return texts


# ---------------------------------------------------------------- driver


def _versions(spec: int | str) -> tuple[int, int]:
    lo, _, hi = str(spec).partition("-")
    return int(lo), int(hi or lo)


def generate(outdir: Path, n_stories: int = 10, n_versions: int | str = 3, seed: int = 1,
             per_version: int = 2, per_page: int = 2, leads: bool = True,
             filler_pages: bool = False) -> dict:
    """Write the pages and truth.json into ``outdir``; return the truth.

    ``n_versions`` is a number or a range ("2-4", drawn per story). ``per_page`` versions share
    a page (of different stories), with one unrelated filler story; ``filler_pages`` puts the
    fillers on pages of their own instead, so that no page depends on the story splitter to
    tell two stories apart when per_page is 1.
    """
    rng = random.Random(seed)
    lo, hi = _versions(n_versions)
    pool = load_ctb(random.Random(0))
    rng.shuffle(pool)
    n_pages_per_v = (n_stories + per_page - 1) // per_page
    n_fill = n_pages_per_v * hi
    if len(pool) < n_stories + n_fill:
        raise SystemExit(f"only {len(pool)} source stories; ask for fewer")
    stories, fillers = pool[:n_stories], pool[n_stories:n_stories + n_fill]
    inj = Injector(rng, pool)
    outdir.mkdir(parents=True, exist_ok=True)
    pages: dict[tuple[int, int], list[Block]] = {}
    all_errors: list[Error] = []
    batch_day: dict[int, dt.date] = {}
    for i, st in enumerate(stories):
        batch = i // per_page
        if batch not in batch_day:
            batch_day[batch] = dt.date(rng.randint(1997, 2001), rng.randint(1, 12), rng.randint(1, 28))
        st.day = batch_day[batch] + dt.timedelta(days=rng.randint(0, 3))
        st.city, st.reporter = rng.choice(CITIES), rng.choice(REPORTERS)
        blocks = []
        for v in range(rng.randint(lo, hi)):
            style = STYLES[(v + batch) % len(STYLES)]
            numstyle = rng.choice(NUMSTYLES)
            pub = st.day + dt.timedelta(days=rng.randint(0, 2)) if style == "web" else None
            blocks.append(Block(st, v, style, [], [], [], furniture(st, style, numstyle, leads), pub, numstyle))
        errs = inj.plan(st, [b.pieces for b in blocks], per_version)
        all_errors += errs
        for b in blocks:
            mine = [e for e in errs if e.version == b.version]
            b.errors = mine
            b.texts = [apply_errors(st.text(pi), [e for e in mine if e.para == pi]) for pi in range(len(st.paras))]
            for name in b.pieces:
                b.pieces[name] = apply_errors(b.pieces[name], [e for e in mine if e.site == name])
            pages.setdefault((b.version, batch), []).append(b)
    truth: dict = {"seed": seed, "leads": leads, "n_versions": n_versions, "stories": {}, "fillers": [],
                   "errors": []}
    fill_iter = iter(fillers)
    for n, ((v, batch), blocks) in enumerate(sorted(pages.items())):
        style = blocks[0].style
        for b in blocks:
            if style == "scrambled":
                b.chunks = scramble(b.texts, b.errors, rng)
            else:
                b.chunks = [Chunk(pi, 0, len(t)) for pi, t in enumerate(b.texts)]
        f = next(fill_iter)
        f.day = batch_day[batch] + dt.timedelta(days=rng.randint(0, 3))
        f.city, f.reporter = rng.choice(CITIES), rng.choice(REPORTERS)
        ftexts = mention_years(f, rng)
        filler = Block(f, -1, style, ftexts, [], [], furniture(f, style, rng.choice(NUMSTYLES), leads),
                       f.day if style == "web" else None)
        filler.chunks = (scramble(filler.texts, [], rng) if style == "scrambled"
                         else [Chunk(pi, 0, len(t)) for pi, t in enumerate(filler.texts)])
        order = blocks + ([] if filler_pages or style == "web" else [filler])
        rng.shuffle(order)
        written = []
        for k, page in enumerate([[b] for b in order] if style == "web" else [order]):
            path = outdir / f"page_{n:03d}{'abcdefgh'[k] if style == 'web' else ''}_{style}.txt"
            write_page(path, style, page, rng, leads)
            written.append((path, page))
        if filler_pages or style == "web":
            fpath = outdir / f"filler_{n:03d}_{style}.txt"
            write_page(fpath, style, [filler], rng, leads)
            written.append((fpath, [filler]))
        for path, page in written:
            for b in page:
                if b.version < 0:
                    truth["fillers"].append({"story": b.story.sid, "file": path.name, "start": b.start, "end": b.end})
                else:
                    truth["stories"].setdefault(b.story.sid, {
                        "headline": b.story.headline, "day": b.story.day.isoformat(), "city": b.story.city,
                        "versions": []})["versions"].append({
                            "version": b.version, "file": path.name, "style": style, "numerals": b.numstyle,
                            "published": b.published.isoformat() if b.published else None,
                            "start": b.start, "end": b.end})
    for e in all_errors:
        truth["errors"].append({"id": e.eid, "group": e.story, "file": e.file, "correct": e.correct,
                                "wrong": e.wrong, "injected": e.kind, "kind": e.expect, "site": e.site,
                                "numeral": e.kind == "numeral", "start": e.raw_start, "end": e.raw_end})
    truth["must_not_flag"] = [
        "full- vs half-width punctuation (web pages print , : ; ( ) ! ? and , for 、)",
        "spaces around Latin digits and letters (narrow and scrambled pages)",
        "hard line breaks every 14-18 characters and blank lines inside paragraphs (narrow pages)",
        "paragraph order and paragraphs split across columns (scrambled pages)",
        "headline position, 发布时间 headers (web copies published on different days) and 责编 footers",
        "headlines and datelines in another numeral style (１２月２５日 / 12月25日 / 十二月二十五日)",
        "relative dates printed alike (今天, 今年, １５日, 次日) on pages whose year inference differs "
        "(no publication date, other stories mentioning other years)",
    ]
    (outdir / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--stories", type=int, default=10)
    ap.add_argument("--versions", default="3", help="versions a story: a number or a range such as 2-4")
    ap.add_argument("--errors-per-version", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-page", type=int, default=2, help="stories (versions) per page")
    ap.add_argument("--filler-pages", action="store_true", help="unrelated stories on pages of their own")
    ap.add_argument("--no-leads", action="store_true",
                    help="scrambled stories without a lead dateline (stresses story splitting)")
    a = ap.parse_args()
    t = generate(a.outdir, a.stories, a.versions, a.seed, a.errors_per_version, a.per_page,
                 leads=not a.no_leads, filler_pages=a.filler_pages)
    n_v = sum(len(s["versions"]) for s in t["stories"].values())
    print(f"{len(t['stories'])} stories, {n_v} versions, {len(t['errors'])} errors → {a.outdir}")


if __name__ == "__main__":
    main()
