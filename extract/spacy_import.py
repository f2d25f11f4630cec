"""Import spaCy without its command line (``spacy.cli``), which newsfacts never uses.

``import spacy`` runs ``from .cli.info import info`` so that ``spacy.info()`` exists, and that
imports the whole of spaCy's command line: typer, weasel, requests, httpx, jinja2 and every
``spacy`` subcommand, about a third of what ``import spacy`` costs (issue 11: start-up). A
newsfacts process reads text; it never runs a spaCy command.

``defer_cli()`` (called by ``extract/__init__.py``, so before any newsfacts module imports
spaCy) puts a finder first on ``sys.meta_path``. When ``spacy`` itself is imported next, its
``__init__`` runs with two small stand-ins in ``sys.modules``: ``spacy.cli`` and
``spacy.cli.info``, whose ``info`` imports the real one when called. Right after ``__init__``
the stand-ins are removed again, and everything works as before:

* ``spacy.info(...)`` is a small function that imports spaCy's own on its first call;
* ``spacy.cli`` as an attribute imports the real ``spacy.cli`` on first access (a module
  ``__getattr__``), and ``import spacy.cli`` / ``python -m spacy`` are the normal imports.

If this spaCy's ``__init__`` wants anything else from ``spacy.cli`` (a later version might),
it is run again, the normal way. If spaCy was imported before newsfacts, nothing is changed.
"""
from __future__ import annotations

import sys
import types
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: spaCy's own, imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _module_getattr(package: str):
    """A module ``__getattr__`` for ``package``: ``package.cli`` imports the real command line."""
    def __getattr__(name: str) -> Any:
        if name == "cli":
            import importlib

            return importlib.import_module(f"{package}.cli")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return __getattr__


def _stubs(package: str) -> dict[str, types.ModuleType]:
    cli = types.ModuleType(f"{package}.cli", "newsfacts' stand-in while spaCy's __init__ runs")
    cli.__path__ = []   # a package, with no submodules to find
    info = types.ModuleType(f"{package}.cli.info", "newsfacts' stand-in while spaCy's __init__ runs")
    info.info = _info
    return {cli.__name__: cli, info.__name__: info}


class _Loader:
    """spaCy's own loader, with the stand-ins in place while it runs ``spacy/__init__.py``."""

    def __init__(self, real: Any, package: str) -> None:
        self.real, self.package = real, package

    def create_module(self, spec):
        return self.real.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__spec__.loader = module.__loader__ = self.real   # as if we had never been there
        stubs = _stubs(self.package)
        sys.modules.update(stubs)
        try:
            self.real.exec_module(module)
        except ImportError:   # this spaCy needs more of spacy.cli: import it the normal way
            _remove(module, stubs)
            self.real.exec_module(module)
            return
        _remove(module, stubs)
        if "__getattr__" not in vars(module):
            module.__getattr__ = _module_getattr(self.package)


def _remove(module: types.ModuleType, stubs: dict[str, types.ModuleType]) -> None:
    for name, stub in stubs.items():
        if sys.modules.get(name) is stub:
            del sys.modules[name]
    if vars(module).get("cli") in stubs.values():
        del module.cli


class _Finder:
    """A ``sys.meta_path`` finder that answers once, for ``package`` (spacy): the package's own
    spec, with ``_Loader`` around its loader."""

    def __init__(self, package: str = "spacy") -> None:
        self.package = package

    def find_spec(self, fullname: str, path=None, target=None):
        if fullname != self.package:
            return None
        _uninstall(self.package)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if find else None
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _Loader(spec.loader, self.package)
                return spec
        return None


def _uninstall(package: str) -> None:
    sys.meta_path[:] = [f for f in sys.meta_path if not (isinstance(f, _Finder) and f.package == package)]


def defer_cli() -> None:
    """Make the next ``import spacy`` skip ``spacy.cli`` (see the module doc). Does nothing when
    spaCy is imported already, or when the finder is in place."""
    if "spacy" in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())
