"""Decoding an input's bytes to text (used by extract.inputs).

Decoding order: BOM (UTF-8, UTF-32 LE/BE, then UTF-16 LE/BE: the UTF-32 LE BOM
starts with the UTF-16 LE one; a decoded U+0000 refuses the file), a NUL byte
anywhere or more than 5% control bytes refuses the file as binary (NF002), strict
UTF-8, then GB18030 (a superset of GBK and GB2312) or Big5 (cp950, else
big5hkscs). GB18030 decodes nearly any byte string, so each reading is judged by
``plausibility``: the share of its non-ASCII characters that are common Chinese
(the table data/common_chars.txt for simplified text, Big5's frequent zone for
traditional). GB18030 wins at 90%; Big5 wins when it is plausible (75%), beats
GB18030 by 10 points and the GB18030 reading is mostly ideographs (what Big5 read
as GB looks like); else GB18030 at 75%. When neither is Chinese, charset-normalizer
may name another script's codec (Shift-JIS, a Latin code page); otherwise NF003.
Never GB/Big5 mojibake with exit 0.
"""
from __future__ import annotations

import codecs
import itertools
import re
from functools import cache
from pathlib import Path

from .errors import NewsfactsError

DATA_DIR = Path(__file__).parent / "data"

#: Bytes below 32 that text uses: TAB, LF, FF, CR, ESC. Any other control byte counts as binary.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)

#: A reading is plausible Chinese when at least this share of its non-ASCII characters is common.
PLAUSIBLE = 0.75
#: Big5 wins over GB18030 only when its reading is this much more plausible.
BIG5_MARGIN = 0.1
#: Characters sampled for plausibility (from the start of the text).
SAMPLE_CHARS = 20000


def _looks_binary(data: bytes) -> str | None:
    """Why ``data`` (not UTF-16/32) is binary, or None. Looks at every byte, not a prefix."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"contains a NUL byte at offset {nul}"
    control = len(data.translate(None, _NOT_CONTROL))
    if data and control / len(data) > 0.05:
        return f"{control} control bytes in {len(data)}"
    return None


@cache
def common_chars() -> frozenset[str]:
    """Characters of everyday Chinese news text (data/common_chars.txt; see data/SOURCES.md)."""
    text = (DATA_DIR / "common_chars.txt").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#"))


@cache
def _plausible_chars() -> frozenset[str]:
    """The common-character table plus Big5's frequently-used zone (0xA440-0xC67E: the 5,401
    characters of Taiwan's 常用國字標準字體表, read from the cp950 codec), which adds the common
    traditional characters a table built from simplified corpora lacks."""
    big5 = set()
    for lead in range(0xA4, 0xC7):
        for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            code = lead << 8 | trail
            if code <= 0xC67E:
                try:
                    big5.add(bytes((lead, trail)).decode("cp950"))
                except UnicodeDecodeError:
                    pass
    return common_chars() | frozenset(big5)


_NON_ASCII = re.compile(r"[^\x00-\x7f\s]")


def plausibility(text: str) -> float:
    """Share of the non-ASCII, non-space characters (the first ``SAMPLE_CHARS`` of them) that are
    common Chinese: in the common-character table or in Big5's frequent zone. Real Chinese text in
    either script scores near 1; the GB18030 reading of Big5 bytes (kana, Cyrillic, private-use and
    rare characters) about 0.2-0.4. Text with no non-ASCII character scores 1."""
    plausible = _plausible_chars()
    seen = ok = 0
    for m in itertools.islice(_NON_ASCII.finditer(text), SAMPLE_CHARS):
        seen += 1
        ok += m.group() in plausible
    return ok / seen if seen else 1.0


_HAN_OR_PRIVATE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\ue000-\uf8ff\U00020000-\U0003ffff]")


def _mostly_han(text: str) -> bool:
    """True when at least 40% of the non-ASCII characters (the first ``SAMPLE_CHARS``) are CJK
    ideographs or private-use characters: what the GB18030 reading of Big5 bytes looks like. A GB
    file of Cyrillic or kana text reads as Big5 ideographs too, but its GB reading has no Han."""
    sample = "".join(m.group() for m in itertools.islice(_NON_ASCII.finditer(text), SAMPLE_CHARS))
    return bool(sample) and len(_HAN_OR_PRIVATE.findall(sample)) >= 0.4 * len(sample)


def _strict(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


_BOMS = (  # UTF-32 before UTF-16: BOM_UTF32_LE starts with BOM_UTF16_LE
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHINESE_CODECS = ("gb", "big5", "cp936", "cp950", "hz", "iso2022_cn", "euc_cn")


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding) or raise NewsfactsError."""
    with_bom = _decode_bom(data, path)
    if with_bom is not None:
        return with_bom
    why = _looks_binary(data)
    if why:
        raise NewsfactsError("NF002", path, reason=why)
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    chinese, gb_score, big5_score = _decode_chinese(data)
    if chinese is not None:
        return chinese
    return _decode_other(data, path, gb_score, big5_score)


def _decode_bom(data: bytes, path: str) -> tuple[str, str] | None:
    """(text, encoding) of input that starts with a byte order mark, None without one; raises
    NF003 when the rest does not decode, NF002 when the text holds U+0000."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise NewsfactsError("NF003", path, reason=f"{enc} with BOM: {exc.reason}") from exc
            if "\x00" in text:
                raise NewsfactsError("NF002", path, reason=f"{enc} text contains U+0000 at {text.index(chr(0))}")
            return text, enc
    return None


def _decode_chinese(data: bytes) -> tuple[tuple[str, str] | None, float, float]:
    """The GB18030 or Big5 reading (text, encoding) that is Chinese text, or None; and the two
    readings' plausibility scores (-1 for no reading, or a Big5 reading never tried)."""
    # GB18030 decodes nearly any byte string, so the reading is judged, not just tried.
    gb = _strict(data, "gb18030")
    gb_score = plausibility(gb) if gb is not None else -1.0
    if gb is not None and gb_score >= 1 - BIG5_MARGIN:
        return (gb, "gb18030"), gb_score, -1.0
    big5, big5_enc = _strict(data, "cp950"), "cp950"
    if big5 is None:
        big5, big5_enc = _strict(data, "big5hkscs"), "big5hkscs"
    big5_score = plausibility(big5) if big5 is not None else -1.0
    if (big5 is not None and big5_score >= PLAUSIBLE and big5_score >= gb_score + BIG5_MARGIN
            and (gb is None or _mostly_han(gb))):
        return (big5, big5_enc), gb_score, big5_score
    if gb is not None and gb_score >= PLAUSIBLE:
        return (gb, "gb18030"), gb_score, big5_score
    return None, gb_score, big5_score


def _decode_other(data: bytes, path: str, gb_score: float, big5_score: float) -> tuple[str, str]:
    """Neither reading is mostly common characters: rare characters only, or not Chinese at all.
    charset-normalizer may name another script's codec (Shift-JIS, EUC-KR, a Latin code page);
    a Chinese or BOM-less UTF-16/32 guess is not taken: that would be mojibake with exit 0 (NF003)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    try:
        guess = codecs.lookup(best.encoding).name.replace("-", "_") if best is not None else ""
    except LookupError:
        guess = best.encoding if best is not None else ""
    if best is not None and not guess.startswith(_CHINESE_CODECS + ("utf_16", "utf_32")):
        return str(best), best.encoding
    readings = [f"{name} {score:.0%} common characters" for name, score in
                (("GB18030", gb_score), ("Big5", big5_score)) if score >= 0]
    reason = ("neither the GB18030 nor the Big5 reading is Chinese text (" + ", ".join(readings) + ")"
              if readings else "not UTF-8, GB18030 or Big5, and no charset fits")
    raise NewsfactsError("NF003", path, reason=reason)  # never GB/Big5 mojibake


def _decode_nonempty(data: bytes, label: str) -> tuple[str, str] | NewsfactsError:
    """(text, encoding), or the error record for an empty or undecodable input."""
    if not data.strip():
        return NewsfactsError("NF004", label)
    try:
        text, enc = decode_bytes(data, label)
    except NewsfactsError as err:
        return err
    return (text, enc) if text.strip() else NewsfactsError("NF004", label)
