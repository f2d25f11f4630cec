"""Matrix products for the recogniser's model: numpy's OpenBLAS on one thread instead of blis.

thinc's ``NumpyOps`` multiplies matrices with blis, and the blis wheel spaCy installs is built
with its *generic* kernel (about 35 GFLOP/s on one core here), while numpy's own OpenBLAS reaches
about 100 GFLOP/s on the recogniser's shapes (N×384 by 384×384, five times per token in its
tok2vec). Those products were about 45% of ``extract``'s time. thinc supports the switch itself:
``NumpyOps(use_blis=False)`` hands ``gemm`` to ``numpy.dot``; everything else stays as it is.

Same output: different kernels add in a different order, so activations differ in the last
bits; the model's decisions (the greedy parser's best move) did not change on any of 73,257
sentences of real text (2.0 M characters, CTB6, PKU, MSR and the NER corpora; 81,304 spans).

OpenBLAS starts a thread per core, and with worker processes that oversubscribes the machine
(two workers on two cores ran 2.8× slower than with one thread each). So the model runs inside
``one_thread()``, which pins OpenBLAS to one thread and restores the count after. When numpy's
BLAS is no OpenBLAS this module can find (MKL, Accelerate), the model keeps blis.
``NEWSFACTS_BLAS=blis`` keeps blis anyway; ``NEWSFACTS_BLAS=numpy`` uses numpy's BLAS even then.
"""
from __future__ import annotations

import ctypes
import glob
import os
from contextlib import contextmanager
from functools import cache
from typing import Callable, Iterator, Optional

_NAMES = [(f"{p}openblas_get_num_threads{s}", f"{p}openblas_set_num_threads{s}")
          for p in ("scipy_", "") for s in ("64_", "", "_64")]


def _loaded_libraries() -> list[str]:
    """Shared libraries with "openblas" in their name: those loaded in this process (Linux),
    else those in numpy's wheel folders."""
    paths: list[str] = []
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                path = line.rstrip("\n").split(maxsplit=5)[-1]
                if "openblas" in os.path.basename(path).lower() and path not in paths:
                    paths.append(path)
    except OSError:
        pass
    if not paths:
        import numpy

        base = os.path.dirname(os.path.dirname(numpy.__file__))
        for pattern in ("numpy.libs/*openblas*", "numpy/.dylibs/*openblas*"):
            paths += sorted(glob.glob(os.path.join(base, pattern)))
    return paths


@cache
def openblas_threads() -> Optional[tuple[Callable[[], int], Callable[[int], None]]]:
    """(get, set) of numpy's OpenBLAS thread count, or None when it cannot be found."""
    import numpy  # noqa: F401 - numpy's BLAS must be loaded before it is looked for

    for path in _loaded_libraries():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for get_name, set_name in _NAMES:
            get, put = getattr(lib, get_name, None), getattr(lib, set_name, None)
            if get is not None and put is not None:
                get.restype, get.argtypes = ctypes.c_int, []
                put.restype, put.argtypes = None, [ctypes.c_int]
                return get, put
    return None


def use_numpy_blas() -> bool:
    """Whether the recogniser's model multiplies with numpy's BLAS (see the module doc)."""
    choice = os.environ.get("NEWSFACTS_BLAS", "").strip().lower()
    if choice in ("blis", "numpy"):
        return choice == "numpy"
    return openblas_threads() is not None


@contextmanager
def one_thread() -> Iterator[None]:
    """numpy's OpenBLAS on one thread inside the block (when it can be found)."""
    threads = openblas_threads()
    if threads is None:
        yield
        return
    get, put = threads
    before = get()
    if before == 1:
        yield
        return
    put(1)
    try:
        yield
    finally:
        put(before)


def fast_ops(nlp) -> None:
    """Give every thinc layer of ``nlp``'s components numpy's gemm, when ``use_numpy_blas()``."""
    if not use_numpy_blas():
        return
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
