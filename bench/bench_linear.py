"""Is each extractor linear in its input? (issue 9 F14)

Times officials, organisations, claims, dates and events (their pure functions) on
adversarial repetitions -- dates (1月1日), datelines, titles (总理李强、), organisation
suffixes (（新华社, 委员会), digits ('1'*n, １２３，) -- and on a repeated news paragraph, at
10k, 40k and 160k characters. For each row it prints the seconds at each size and the
ratio per doubling, (t160 / t10) ** (1/4): about 2 is linear, 4 quadratic. The issue asks
for <= 2.2 everywhere; rows above are marked ``!``.

Each call runs in a forked child and is stopped after ``--cap`` seconds (default 60); the
larger sizes of that row are then skipped and its ratio is a lower bound (``≥``, the cap
taken as the time). A call that raises is listed at the end, not timed. A fast
call is repeated (best of up to 25, about 2 s in all) so that small sizes are not noise.
Seconds are the child's CPU time (``time.process_time``): other work on the machine does not
count. Before timing, the child freezes what is already on the heap (``gc.freeze``): the
collector then walks the objects the call makes, not the lexicons and modules loaded
before it -- otherwise the first full collection, which a call reaches only past some
size, reads as superlinear time although it is a one-off cost that does not grow with
the input.

``dates`` times ``reference_date`` (the story is its own page) plus ``find_dates``;
``events`` times ``find_events`` alone, on dates found beforehand.

    python bench/bench_linear.py [--cap 60] [--sizes 10000,40000,160000] [--only dates,events]
"""
from __future__ import annotations

import argparse
import gc
import math
import multiprocessing as mp
import sys
import time
import unicodedata
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.facts.claims import find_claims  # noqa: E402
from extract.facts.dates import find_dates, reference_date  # noqa: E402
from extract.facts.events import find_events  # noqa: E402
from extract.facts.officials import find_officials  # noqa: E402
from extract.facts.organizations import find_organizations  # noqa: E402
from schemas import ReferenceDate  # noqa: E402

LIMIT = 2.2  # ratio per doubling the issue accepts
REF = ReferenceDate(year=2023, month=12, day=25, source="dateline", year_source="story-year")
NAMES = ["李强", "习近平", "陶青", "张辛欣"]
PARAGRAPH = (
    "新华社北京12月25日电（记者张辛欣）工业和信息化部25日在京召开全国工业和信息化工作会议。"
    "国务院总理李强3月24日在北京出席中国发展高层论坛2024年年会开幕式并发表主旨演讲。"
    "今年1月至10月，规模以上工业增加值同比增长4.1%，其中高技术制造业增长2.5%。"
    "工业和信息化部运行监测协调局局长陶青表示，12月20日起将启动专项行动，当日已有3.4万余家企业参与，"
    "预计明年投资超过3288亿元。近日，中共中央办公厅、国务院办公厅印发了《关于做好2024年元旦春节期间有关工作的通知》。\n"
)
INPUTS = {
    "dates 1月1日": "1月1日",
    "datelines （新华社北京十二月三十一日电）": "（新华社北京十二月三十一日电）",
    "titles 总理李强、": "总理李强、",
    "org （新华社": "（新华社",
    "org 委员会": "委员会",
    "digits 1": "1",
    "digits １２３，": "１２３，",
    "news paragraph": PARAGRAPH,
    # rules of 2026-11-23 (issue 15): restated days, attribution cues, attendance joins, quoted names
    "dated clauses 3月5日举行会议，": "3月5日举行会议，",
    "restated 昨天（7日）": "昨天（7日）",
    "attribution 记者今日获悉，": "记者今日获悉，",
    "attendance 李强出席，": "李强出席，",
    "quotes “24小时行动”": "“24小时行动”",
    "ranges 8月21日至22日，为期2天": "8月21日至22日，为期2天",
}


def _dates(text: str) -> Callable[[], object]:
    return lambda: find_dates(text, reference_date(None, None, text, text))


def _events(text: str) -> Callable[[], object]:
    ds = find_dates(text, REF)  # set-up, not timed
    return lambda: find_events(text, ds, NAMES)


EXTRACTORS: dict[str, Callable[[str], Callable[[], object]]] = {
    "officials": lambda text: lambda: find_officials(text),
    "organizations": lambda text: lambda: find_organizations(text),
    "claims": lambda text: lambda: find_claims(text),
    "dates": _dates,
    "events": _events,
}


def _pad(s: str, width: int) -> str:
    """``s`` padded to ``width`` terminal columns (CJK characters take two)."""
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
    return s + " " * max(1, width - cols)


def make(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _child(extractor: str, unit: str, n: int, conn) -> None:
    try:
        call = EXTRACTORS[extractor](make(unit, n))
        gc.collect()
        gc.freeze()
        best, spent = math.inf, 0.0
        for _ in range(25):
            t0 = time.process_time()
            result = call()
            dt = time.process_time() - t0
            del result
            gc.collect()
            best, spent = min(best, dt), spent + dt
            if spent > 2.0:
                break
        conn.send(best)
    except Exception as exc:  # an extractor that fails is reported, not timed
        conn.send(f"{type(exc).__name__}: {exc}"[:80])
    conn.close()


def timed(extractor: str, unit: str, n: int, cap: float) -> float | str | None:
    """Best seconds of one call; None when it ran over ``cap``; the error when it failed."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(extractor, unit, n, child))
    p.start()
    child.close()
    try:
        result = parent.recv() if parent.poll(cap) else None
    except EOFError:
        result = "the worker died"
    if p.is_alive():
        p.kill()
    p.join()
    return result


def ratio(times: list[float], sizes: list[int], capped_at: Optional[int], cap: float) -> tuple[float, bool]:
    """Ratio per doubling from the smallest to the largest size measured (``times`` are the
    sizes measured, in order); a lower bound (``True``) when size ``capped_at`` ran over
    ``cap`` seconds."""
    if not times:
        return (math.inf, True) if capped_at else (math.nan, False)
    n0, t0 = sizes[0], times[0]
    n1, t1 = (capped_at, cap) if capped_at else (sizes[len(times) - 1], times[-1])
    if n1 == n0:
        return math.nan, False
    return (max(t1, 1e-9) / max(t0, 1e-9)) ** (1 / math.log2(n1 / n0)), bool(capped_at)


def row(extractor: str, unit: str, sizes: list[int], cap: float) -> tuple[list[str], float, bool, list[str]]:
    """Cells, ratio, whether it is a lower bound, and errors for one extractor and input."""
    times: list[float] = []
    cells: list[str] = []
    errors: list[str] = []
    capped_at: Optional[int] = None
    for n in sizes:
        if capped_at or errors:
            cells.append("skip")
            continue
        t = timed(extractor, unit, n, cap)
        if isinstance(t, str):
            errors.append(f"at {n}: {t}")
            cells.append("error")
        elif t is None:
            capped_at = n
            cells.append(f">{cap:g}")
        else:
            times.append(t)
            cells.append(f"{t:.3f}")
    r, lower = ratio(times, sizes, capped_at, cap)
    return cells, r, lower, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cap", type=float, default=60.0, help="seconds a call may take (default 60)")
    ap.add_argument("--sizes", default="10000,40000,160000", help="input sizes in characters")
    ap.add_argument("--only", default="", help="comma-separated extractors (default all)")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    names = [e for e in EXTRACTORS if not a.only or e in a.only.split(",")]
    for e in names:  # load the lexicons once, before forking
        EXTRACTORS[e](PARAGRAPH)()
    head = f"{'extractor':<14}{'input':<44}" + "".join(f"{f'{n // 1000}k s':>10}" for n in sizes)
    print(head + f"{'ratio/2x':>11}")
    print("-" * (len(head) + 11))
    worst: list[str] = []
    errors: list[str] = []
    t_start = time.perf_counter()
    for e in names:
        for label, unit in INPUTS.items():
            cells, r, lower, errs = row(e, unit, sizes, a.cap)
            errors += [f"{e} / {label} {err}" for err in errs]
            mark = "!" if r > LIMIT else " "
            shown = "n/a" if math.isnan(r) else ("≥" if lower else "") + format(r, ".2f")
            print(f"{e:<14}{_pad(label, 44)}" + "".join(f"{c:>10}" for c in cells) + f"{shown:>10}{mark}",
                  flush=True)
            if r > LIMIT:
                worst.append(f"{e} / {label}: {shown}")
    print(f"\n{len(worst)} rows over {LIMIT} per doubling; {time.perf_counter() - t_start:.0f} s in all")
    for w in worst:
        print("  " + w)
    if errors:
        print(f"{len(errors)} calls failed (not timed):")
        for err in errors:
            print("  " + err)
    return 1 if worst or errors else 0


if __name__ == "__main__":
    sys.exit(main())
