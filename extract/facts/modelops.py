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
``one_thread()``, which pins numpy's BLAS to one thread and restores the count after, through
threadpoolctl (the scikit-learn maintainers' library for exactly this). When threadpoolctl finds
no OpenBLAS under numpy (MKL, Accelerate), the model keeps blis.
``NEWSFACTS_BLAS=blis`` keeps blis anyway; ``NEWSFACTS_BLAS=numpy`` uses numpy's BLAS even then.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from functools import cache
from typing import Iterator, Optional


@cache
def _controller():
    """threadpoolctl's view of the BLAS libraries loaded with numpy (scanned once a process)."""
    import numpy  # noqa: F401 - numpy's BLAS must be loaded before it is looked for
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def openblas() -> Optional[dict]:
    """threadpoolctl's record of numpy's OpenBLAS (num_threads, filepath, …), or None."""
    return next((lib for lib in _controller().info() if lib.get("internal_api") == "openblas"), None)


def use_numpy_blas() -> bool:
    """Whether the recogniser's model multiplies with numpy's BLAS (see the module doc)."""
    choice = os.environ.get("NEWSFACTS_BLAS", "").strip().lower()
    if choice in ("blis", "numpy"):
        return choice == "numpy"
    return openblas() is not None


@contextmanager
def one_thread() -> Iterator[None]:
    """numpy's BLAS on one thread inside the block; the count is restored after."""
    with _controller().limit(limits=1, user_api="blas"):
        yield


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
