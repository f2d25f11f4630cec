"""Generate pages holding several versions of the same stories, with planted OCR-like errors.

Source stories are CTB6 documents (sentences joined, spaces removed) merged until they are
600–1500 characters long. Each story gets N versions (3 by default) laid out in different
styles on different pages, among unrelated filler stories:

narrow     hard line breaks every 14–18 characters (one width per page), blank lines between
           paragraphs and sometimes inside one, spaces around Latin digits, a trailing
           dateline (新华社北京12月25日电), the headline before or after the body
web        half-width , : ; ( ), one line per indented paragraph, a 发布时间 header, the
           headline first, a lead dateline, a (责编:某某) footer
scrambled  paragraphs out of order (the first stays first), some split mid-sentence by a
           blank line or with their tail moved below another paragraph

Errors are injected into exactly one version per site, so a 2-of-3 majority always
exists: confusable characters (same shape / same pinyin), numeral errors, omitted
2-character words, transposed adjacent 2-character words and swapped words. The truth
file (truth.json) lists, for every error, the file and raw offsets of the wrong reading
(verified against the written file), and, for every version, its raw span.

    python bench/gen_versions.py OUTDIR --stories 10 --seed 1
"""
from __future__ import annotations

import argparse
import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CTB = [Path("/work/shared/corpora/ctb6/ctb6.test.seg"), Path("/work/shared/corpora/ctb6/ctb6.dev.seg")]
CONFUSABLES = ROOT / "extract" / "data" / "confusables"
TERMINAL = "。！？"
CLAUSE_BREAK = "。！？；，、：“”（）"
DIGITS = "0123456789０１２３４５６７８９"
CN_DIGITS = "零〇一二三四五六七八九"
NUMERAL = set(DIGITS + CN_DIGITS + "十百千万亿点%％")
WIDTH = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?",
         **{chr(0xFF10 + i): str(i) for i in range(10)}}
CITIES = ["北京", "上海", "广州", "杭州", "南京", "成都", "武汉", "西安", "沈阳", "昆明"]
EDITORS = ["袁勃", "赵欣悦", "王震", "刘阳", "李静", "张璐"]
KINDS = ["confusable", "numeral", "omission", "transposition", "word_swap"]
EDGE = 4        # errors keep this many characters away from clause/sentence edges
SPACING = 14    # and at least this far from each other
STYLES = ["narrow", "web", "scrambled"]
NO_LINE_START = "，。、；：！？”’）》"


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def fold(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", c) if len(unicodedata.normalize("NFKC", c)) == 1 else c
                   for c in s if not c.isspace())


# ---------------------------------------------------------------- sources


@dataclass
class Story:
    """A source story: headline and paragraphs, each paragraph a list of words."""

    sid: str
    headline: str
    paras: list[list[str]]

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

    def candidates(self, words: list[str], kind: str) -> list[tuple[int, int, str, str, str]]:
        """(start, end, correct, wrong, expected kind) for every possible edit of ``kind``."""
        starts = self._word_starts(words)
        out = []
        for i, (w, s) in enumerate(zip(words, starts)):
            if kind == "confusable" and all(is_han(c) for c in w):
                for j, c in enumerate(w):
                    alts = [x for x in self.shape.get(c, set()) | self.pinyin.get(c, set())
                            if self.freq.get(x, 0) >= 3 and x != c and x not in NUMERAL]
                    if alts:
                        x = self.rng.choice(sorted(alts))
                        exp = "similar_glyph" if x in self.shape.get(c, ()) or c in self.shape.get(x, ()) else "homophone"
                        out.append((s + j, s + j + 1, c, x, exp))
            elif kind == "numeral":
                for j, c in enumerate(w):
                    pool = DIGITS[:10] if c in DIGITS[:10] else DIGITS[10:] if c in DIGITS else CN_DIGITS[2:] if c in CN_DIGITS[2:] else ""
                    near = w[j - 1:j] + w[j + 1:j + 2]
                    if pool and (c in DIGITS or any(n in NUMERAL for n in near)):
                        out.append((s + j, s + j + 1, c, self.rng.choice([d for d in pool if d != c]), "numeral"))
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

    def plan(self, story: Story, n_versions: int, per_version: int) -> list[Error]:
        """Error sites for a story: ``per_version`` in each version, one version per site."""
        texts = [story.text(i) for i in range(len(story.paras))]
        taken: dict[int, list[int]] = {}
        errors: list[Error] = []
        want = [v for v in range(n_versions) for _ in range(per_version)]
        self.rng.shuffle(want)
        for n, version in enumerate(want):
            kind = KINDS[(n + self.rng.randrange(len(KINDS))) % len(KINDS)]
            for k in [kind] + [x for x in KINDS if x != kind]:
                cands = []
                for pi, words in enumerate(story.paras):
                    t = texts[pi]
                    for s, e, cor, wr, exp in self.candidates(words, k):
                        seg = t[max(0, s - EDGE):e + EDGE]
                        if s < EDGE or e + EDGE > len(t) or any(ch in CLAUSE_BREAK for ch in seg):
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
                    errors.append(Error(f"{story.sid}.e{len(errors)}", story.sid, version, pi, s, e,
                                        cor, wr, k, exp))
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


def render_web(text: str) -> tuple[str, list[int]]:
    """Half-width punctuation, one indented line."""
    return "  " + "".join(WIDTH.get(c, c) for c in text), [i + 2 for i in range(len(text))]


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


def dateline(rng: random.Random) -> str:
    return f"新华社{rng.choice(CITIES)}{rng.randint(1, 12)}月{rng.randint(1, 28)}日电"


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

    width = rng.randint(14, 18)
    if style == "web":
        add(f"发布时间:2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} "
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}\n\n")
    head_after = style == "narrow" and rng.random() < 0.5
    for b in blocks:
        b.start = size
        if not head_after:
            add(b.story.headline + "\n\n")
        maps: dict[int, dict[int, int]] = {}
        for ci, ch in enumerate(b.chunks):
            text = b.texts[ch.para][ch.start:ch.end]
            if style == "narrow":
                raw, pos = render_narrow(text, width, rng)
            elif style == "web":
                raw, pos = render_web(text)
                if ci == 0:
                    lead = "  " + dateline(rng) + " "
                    raw, pos = lead + raw[2:], [p - 2 + len(lead) for p in pos]
            else:
                raw, pos = render_flow(text, rng)
                if ci == 0 and leads:
                    lead = dateline(rng) + "（记者" + rng.choice(EDITORS) + "）"
                    raw, pos = lead + raw, [p + len(lead) for p in pos]
            base = add(raw)
            add("\n\n")
            m = maps.setdefault(ch.para, {})
            for i, p in enumerate(pos):
                m[ch.start + i] = base + p
        if style == "narrow":
            add(dateline(rng) + "\n\n")
        if head_after:
            add(b.story.headline + "\n\n")
        if style == "web":
            add(f"(责编:{rng.choice(EDITORS)}、{rng.choice(EDITORS)})\n\n")
        b.end = size
        for er in b.errors:
            m = maps[er.para]
            er.file = path.name
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


# ---------------------------------------------------------------- driver


def generate(outdir: Path, n_stories: int = 10, n_versions: int = 3, seed: int = 1,
             per_version: int = 2, per_page: int = 2, leads: bool = True,
             filler_pages: bool = False) -> dict:
    """Write the pages and truth.json into ``outdir``; return the truth.

    ``per_page`` versions share a page (of different stories), with one unrelated filler
    story; ``filler_pages`` puts the fillers on pages of their own instead, so that no
    page depends on the story splitter to tell two stories apart when per_page is 1.
    """
    rng = random.Random(seed)
    pool = load_ctb(random.Random(0))
    rng.shuffle(pool)
    n_pages_per_v = (n_stories + per_page - 1) // per_page
    n_fill = n_pages_per_v * n_versions
    if len(pool) < n_stories + n_fill:
        raise SystemExit(f"only {len(pool)} source stories; ask for fewer")
    stories, fillers = pool[:n_stories], pool[n_stories:n_stories + n_fill]
    inj = Injector(rng, pool)
    outdir.mkdir(parents=True, exist_ok=True)
    pages: dict[tuple[int, int], list[Block]] = {}
    all_errors: list[Error] = []
    for i, st in enumerate(stories):
        errs = inj.plan(st, n_versions, per_version)
        all_errors += errs
        for v in range(n_versions):
            mine = [e for e in errs if e.version == v]
            texts = [apply_errors(st.text(pi), [e for e in mine if e.para == pi]) for pi in range(len(st.paras))]
            pages.setdefault((v, i // per_page), []).append(Block(st, v, "", texts, [], mine))
    truth: dict = {"seed": seed, "leads": leads, "n_versions": n_versions, "stories": {}, "fillers": [], "errors": []}
    fill_iter = iter(fillers)
    for n, ((v, batch), blocks) in enumerate(sorted(pages.items())):
        style = STYLES[(v + batch) % len(STYLES)]
        for b in blocks:
            b.style = style
            if style == "scrambled":
                b.chunks = scramble(b.texts, b.errors, rng)
            else:
                b.chunks = [Chunk(pi, 0, len(t)) for pi, t in enumerate(b.texts)]
        f = next(fill_iter)
        filler = Block(f, -1, style, [f.text(pi) for pi in range(len(f.paras))], [])
        filler.chunks = (scramble(filler.texts, [], rng) if style == "scrambled"
                         else [Chunk(pi, 0, len(t)) for pi, t in enumerate(filler.texts)])
        order = blocks + ([] if filler_pages else [filler])
        rng.shuffle(order)
        path = outdir / f"page_{n:03d}_{style}.txt"
        write_page(path, style, order, rng, leads)
        written = [(path, order)]
        if filler_pages:
            fpath = outdir / f"filler_{n:03d}_{style}.txt"
            write_page(fpath, style, [filler], rng, leads)
            written.append((fpath, [filler]))
        for path, order in written:
            for b in order:
                if b.version < 0:
                    truth["fillers"].append({"story": b.story.sid, "file": path.name, "start": b.start, "end": b.end})
                else:
                    truth["stories"].setdefault(b.story.sid, {"headline": b.story.headline, "versions": []})[
                        "versions"].append({"version": b.version, "file": path.name, "style": style,
                                            "start": b.start, "end": b.end})
    for e in all_errors:
        truth["errors"].append({"id": e.eid, "group": e.story, "file": e.file, "correct": e.correct,
                                "wrong": e.wrong, "injected": e.kind, "kind": e.expect,
                                "start": e.raw_start, "end": e.raw_end})
    truth["must_not_flag"] = [
        "full- vs half-width punctuation (web pages print , : ; ( ) ! ?)",
        "spaces around Latin digits and letters (narrow and scrambled pages)",
        "hard line breaks every 14-18 characters and blank lines inside paragraphs (narrow pages)",
        "paragraph order and paragraphs split across columns (scrambled pages)",
        "headline position, datelines, 发布时间 headers and 责编 footers",
    ]
    (outdir / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--stories", type=int, default=10)
    ap.add_argument("--versions", type=int, default=3)
    ap.add_argument("--errors-per-version", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-page", type=int, default=2, help="stories (versions) per page")
    ap.add_argument("--filler-pages", action="store_true", help="unrelated stories on pages of their own")
    ap.add_argument("--no-leads", action="store_true",
                    help="scrambled stories without a lead dateline (stresses story splitting)")
    a = ap.parse_args()
    t = generate(a.outdir, a.stories, a.versions, a.seed, a.errors_per_version, a.per_page,
                 leads=not a.no_leads, filler_pages=a.filler_pages)
    print(f"{len(t['stories'])} stories × {a.versions} versions, {len(t['errors'])} errors → {a.outdir}")


if __name__ == "__main__":
    main()
