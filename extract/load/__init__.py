"""Load newsfacts JSONL into a relational database (SQLite by default, or PostgreSQL).

    from extract.load import load_paths
    summary = load_paths(["out/facts.jsonl"], "sqlite:///out/facts.db")

See ``loader`` for the replacement rules and transactions, ``records`` for parsing lines (and NUL),
``db`` for engines, locks and schema creation, ``rows`` and ``tables`` for the schema.
"""
from .db import SchemaError, make_engine, normalize_url
from .loader import DEFAULT_DB, LoadSummary, load_paths

__all__ = ["DEFAULT_DB", "LoadSummary", "SchemaError", "load_paths", "make_engine", "normalize_url"]
